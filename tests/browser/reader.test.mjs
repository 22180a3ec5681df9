// The reader as a reader uses it, on the real report's page of the site (gongkai site, with the
// release build of the viewer): addresses (outline, deep links, cards, back/forward, unknown),
// reading settings, read-aloud, the skip link, print, layout at phone and desk widths, touch
// targets, and axe-core's WCAG 2.1 A/AA rules in every view and theme. Expectations (sections,
// figures, title) come from `gongkai parse` on the report file the page was published from.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  ROOT, assertClean, launchChromium, openPage, parseReport, runAxe, serveSite, waitLive,
} from './harness.mjs';

const DESK = { width: 1280, height: 800 };
const PHONE = { width: 360, height: 740 };
const NARROW = { width: 320, height: 640 };
const SHOTS = process.env.UPDATE_SCREENSHOTS === '1'
  ? join(ROOT, 'docs')
  : join(ROOT, 'target', 'screenshots');

function flatten(sections, out = []) {
  for (const section of sections) {
    out.push(section);
    flatten(section.children ?? [], out);
  }
  return out;
}

let server;
let browser;
let report;
let sectionIds;
let metricIds;
before(async () => {
  // Each is kept as soon as it is ready, so `after` closes what started even if another failed.
  const started = await Promise.allSettled([
    serveSite().then((s) => { server = s; }),
    launchChromium().then((b) => { browser = b; }),
    parseReport().then((r) => { report = r; }),
  ]);
  const failed = started.find((s) => s.status === 'rejected');
  if (failed) throw failed.reason;
  sectionIds = flatten(report.sections).map((s) => s.id);
  metricIds = report.metrics.map((m) => m.id);
  assert.ok(sectionIds.length > 0, 'the real report has no sections');
  assert.ok(metricIds.length > 0, 'the real report has no figures');
});
after(async () => {
  await browser?.close();
  await server?.close();
});

// Picks from the report, away from its ends (a section near the end cannot scroll to the top).
const middleSection = () => sectionIds[Math.floor(sectionIds.length / 2)];
const thirdSection = () => sectionIds[Math.floor(sectionIds.length / 3)];
const middleMetric = () => metricIds[Math.floor(metricIds.length / 2)];
const thirdMetric = () => metricIds[Math.floor(metricIds.length / 3)];
const lastMetric = () => metricIds[metricIds.length - 1];
const byId = (id) => `[id="${id}"]`;

/**
 * Opens `hash` in a fresh context, runs `body`, then asserts the page stayed clean (the
 * harness's one check: no console error, exception, request off 127.0.0.1 or CSP violation).
 */
async function withPage(hash, { viewport = DESK, colorScheme } = {}, body) {
  const { page, context, problems } = await openPage(browser, server.url + hash, viewport);
  try {
    if (colorScheme) await page.emulateMedia({ colorScheme });
    try {
      await body(page, context);
    } catch (error) {
      // Whatever else went wrong on the page is part of the story.
      if (Object.values(problems).some((list) => list.length)) {
        error.message += `\nalso on the page: ${JSON.stringify(problems)}`;
      }
      throw error;
    }
    await assertClean(page);
  } finally {
    await context.close();
  }
}

/** Waits (briefly) for the page to reach a state; the assertions after it say what is wrong. */
async function settle(page, predicate, arg, timeout = 3000) {
  await page.waitForFunction(predicate, arg, { timeout }).catch(() => {});
}

/** Where element `id` is, against the viewport and any sticky toolbar covering its top. */
function place(page, id) {
  return page.evaluate((id) => {
    const element = document.getElementById(id);
    if (!element) return null;
    const rect = element.getBoundingClientRect();
    const bar = document.querySelector('.gk-toolbar');
    const barStyle = bar && getComputedStyle(bar);
    const covered = bar && ['sticky', 'fixed'].includes(barStyle.position) && barStyle.display !== 'none'
      ? Math.max(0, bar.getBoundingClientRect().bottom)
      : 0;
    return {
      top: Math.round(rect.top), bottom: Math.round(rect.bottom), height: rect.height,
      viewport: innerHeight, covered: Math.round(covered),
      className: element.className, focused: document.activeElement === element,
    };
  }, id);
}

function assertInView(where, what) {
  assert.ok(where, `${what} is not in the page`);
  assert.ok(
    where.height > 0 && where.top >= where.covered - 1 && where.bottom <= where.viewport + 1,
    `${what} is not fully in view: top ${where.top}, bottom ${where.bottom}, viewport ${where.viewport}, `
      + `toolbar covers the top ${where.covered}px`,
  );
}

/** In view, with its top in the top quarter of the viewport (below any sticky toolbar). */
function assertNearTop(where, what) {
  assertInView(where, what);
  assert.ok(
    where.top <= where.viewport / 4,
    `${what} is at ${where.top}px from the top of a ${where.viewport}px viewport, not near the top`,
  );
}

const hashOf = (page) => page.evaluate(() => location.hash);
const isHidden = (page, id) => page.evaluate((id) => {
  const element = document.getElementById(id);
  return !element || element.hidden || getComputedStyle(element).display === 'none';
}, id);

async function assertTextView(page) {
  assert.equal(await isHidden(page, 'gk-text'), false, '#gk-text is hidden in the text view');
  assert.equal(await isHidden(page, 'gk-cards'), true, '#gk-cards is shown in the text view');
}

async function assertCardsView(page) {
  assert.equal(await isHidden(page, 'gk-cards'), false, '#gk-cards is hidden in the cards view');
  assert.equal(await isHidden(page, 'gk-text'), true, '#gk-text is shown in the cards view');
}

/** The figure `id` is the only highlighted one, and is in view. */
async function assertFigureHighlighted(page, id) {
  await settle(page, (id) => document.getElementById(`/m/${id}`)?.classList.contains('gk-figure--current'), id);
  await assertTextView(page);
  const current = await page.locator('a.gk-figure.gk-figure--current').evaluateAll(
    (links) => links.map((a) => a.dataset.figureId),
  );
  assert.deepEqual(current, [id], 'highlighted figures');
  assertInView(await place(page, `/m/${id}`), `figure ${id}`);
}

/** The card `id` is the only current card, and is in view. */
async function assertCardCurrent(page, id) {
  await settle(page, (id) => document.getElementById(`gk-card-${id}`)?.classList.contains('gk-card--current'), id);
  await assertCardsView(page);
  const current = await page.locator('a.gk-card.gk-card--current').evaluateAll(
    (cards) => cards.map((a) => a.dataset.metricId),
  );
  assert.deepEqual(current, [id], 'current cards');
  assertInView(await place(page, `gk-card-${id}`), `card ${id}`);
}

async function assertSectionAtTop(page, id) {
  await settle(page, (id) => {
    const top = document.getElementById(`gk-s-${id}`)?.getBoundingClientRect().top;
    return top !== undefined && top >= 0 && top <= innerHeight / 4;
  }, id);
  await assertTextView(page);
  assertNearTop(await place(page, `gk-s-${id}`), `heading of section ${id}`);
}

async function assertOutlineCurrent(page, id) {
  await settle(page, (id) => document.querySelector(`#gk-outline a[href="#/s/${id}"]`)
    ?.getAttribute('aria-current') === 'location', id);
  const current = await page.locator('nav#gk-outline a[aria-current="location"]').evaluateAll(
    (links) => links.map((a) => a.getAttribute('href')),
  );
  assert.deepEqual(current, [`#/s/${id}`], 'outline links marked aria-current="location"');
}

/** Sets a stored reading setting and reloads, as a returning reader arrives. */
async function withSetting(page, key, value, rootClass) {
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [key, value]);
  await page.reload();
  await waitLive(page);
  await settle(page, (c) => document.querySelector('div.gk-root')?.classList.contains(c), rootClass);
  assert.ok(
    await page.evaluate((c) => document.querySelector('div.gk-root').classList.contains(c), rootClass),
    `div.gk-root lacks ${rootClass} after reload with ${key}=${value}`,
  );
}

async function measureOverflow(page) {
  return page.evaluate(() => {
    const { scrollWidth, clientWidth } = document.documentElement;
    const wide = [...document.querySelectorAll('body *')]
      .filter((e) => {
        const r = e.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && r.right > clientWidth + 0.5;
      })
      .slice(0, 6)
      .map((e) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${e.className ? `.${String(e.className).trim().split(/\s+/).join('.')}` : ''} (right ${Math.round(e.getBoundingClientRect().right)})`);
    return { scrollWidth, clientWidth, wide };
  });
}

describe('the document head', () => {
  test('has the report title as document.title and the 政府网站 meta tags', async () => {
    await withPage('#/', {}, async (page) => {
      await settle(page, (t) => document.title === t, report.title);
      assert.equal(await page.title(), report.title);
      const meta = (name) => page.evaluate(
        (name) => document.querySelector(`meta[name="${name}"]`)?.getAttribute('content') ?? null, name,
      );
      assert.equal(await meta('ArticleTitle'), report.title);
      assert.ok(await meta('PubDate'), 'meta PubDate missing or empty');
      if (report.published) assert.equal(await meta('PubDate'), report.published);
      assert.ok(await meta('ContentSource'), 'meta ContentSource missing or empty');
      if (report.source) assert.equal(await meta('ContentSource'), report.source);
    });
  });
});

describe('the outline', () => {
  test('lists every section; clicking one scrolls its heading to the top and sets the address', async () => {
    await withPage('#/', {}, async (page) => {
      const hrefs = await page.locator('nav#gk-outline[aria-label="目录"] a[href^="#/s/"]')
        .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
      assert.deepEqual(hrefs, sectionIds.map((id) => `#/s/${id}`), 'outline links');
      for (const id of sectionIds) {
        assert.equal(
          await page.locator(`${byId(`gk-s-${id}`)}[data-section="${id}"]`).count(), 1,
          `no element #gk-s-${id} with data-section="${id}"`,
        );
      }
      const id = middleSection();
      await page.click(`nav#gk-outline a[href="#/s/${id}"]`);
      assert.equal(await hashOf(page), `#/s/${id}`);
      await assertSectionAtTop(page, id);
      await assertOutlineCurrent(page, id);
      // Scrolling on by hand moves the outline's mark with the reader.
      const other = thirdSection();
      await page.evaluate((id) => document.getElementById(`gk-s-${id}`).scrollIntoView(), other);
      await assertOutlineCurrent(page, other);
    });
  });

  test('headings are h2…h6 by depth in the outline', async () => {
    await withPage('#/', {}, async (page) => {
      for (const id of sectionIds) {
        const tag = await page.evaluate((id) => document.getElementById(`gk-s-${id}`).tagName, id);
        const section = flatten(report.sections).find((s) => s.id === id);
        // An untitled section is a numbered paragraph, not a heading.
        if (!section.title) continue;
        const depth = id.split('.').length - 1;
        assert.equal(tag, `H${Math.min(depth + 2, 6)}`, `heading of section ${id}`);
      }
    });
  });

  test('on a phone is a drawer the toolbar button opens and a choice closes', async () => {
    await withPage('#/', { viewport: PHONE }, async (page) => {
      const toggle = page.locator('button.gk-outline-toggle');
      assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
      assert.equal(await page.locator('nav#gk-outline').isVisible(), false, 'drawer shown before it is opened');
      await toggle.click();
      assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
      assert.equal(await page.locator('nav#gk-outline').isVisible(), true, 'drawer not shown once opened');
      const id = middleSection();
      await page.click(`nav#gk-outline a[href="#/s/${id}"]`);
      assert.equal(await hashOf(page), `#/s/${id}`);
      await settle(page, () => document.querySelector('button.gk-outline-toggle').getAttribute('aria-expanded') === 'false');
      assert.equal(await toggle.getAttribute('aria-expanded'), 'false', 'drawer still open after a choice');
      assert.equal(await page.locator('nav#gk-outline').isVisible(), false, 'drawer still shown after a choice');
      await assertSectionAtTop(page, id);
    });
  });
});

describe('deep links', () => {
  test('#/s/<id> opens at that section, marked in the outline', async () => {
    const id = sectionIds.includes('2.3.3') ? '2.3.3' : middleSection();
    await withPage(`#/s/${id}`, {}, async (page) => {
      await assertSectionAtTop(page, id);
      await assertOutlineCurrent(page, id);
      assert.equal((await place(page, `gk-s-${id}`)).focused, true, `focus is not on #gk-s-${id}`);
    });
  });

  for (const [name, viewport] of [['desk', DESK], ['phone', PHONE]]) {
    test(`#/m/<id> opens at that figure, highlighted, at ${name} size`, async () => {
      const id = middleMetric();
      await withPage(`#/m/${id}`, { viewport }, async (page) => {
        await assertFigureHighlighted(page, id);
        assert.equal((await place(page, `/m/${id}`)).focused, true, `focus is not on the figure /m/${id}`);
        const style = await page.evaluate((id) => {
          const s = getComputedStyle(document.getElementById(`/m/${id}`));
          return { background: s.backgroundColor, outline: s.outlineStyle };
        }, id);
        assert.ok(
          style.background !== 'rgba(0, 0, 0, 0)' || style.outline !== 'none',
          `the current figure looks like any other (background ${style.background}, outline ${style.outline})`,
        );
      });
    });
  }

  test('#/cards?m=<id> opens the cards view at that card', async () => {
    const id = lastMetric();
    await withPage(`#/cards?m=${id}`, {}, async (page) => {
      await assertCardCurrent(page, id);
    });
  });
});

describe('figures and cards', () => {
  test('every figure of the report is a link to its card in the text', async () => {
    await withPage('#/', {}, async (page) => {
      const figures = await page.locator('#gk-text a.gk-figure').evaluateAll(
        (links) => links.map((a) => ({ id: a.dataset.figureId, elementId: a.id, href: a.getAttribute('href') })),
      );
      assert.deepEqual(figures.map((f) => f.id), metricIds, 'figures in the text, in order');
      for (const f of figures) {
        assert.equal(f.elementId, `/m/${f.id}`);
        assert.equal(f.href, `#/cards?m=${f.id}`);
      }
      assert.equal(await page.locator('.gk-figure--current').count(), 0, 'a figure is highlighted at #/');
    });
  });

  test(`the cards view shows every figure of the report as a card`, async () => {
    await withPage('#/cards', {}, async (page) => {
      await settle(page, () => !document.getElementById('gk-cards')?.hidden);
      await assertCardsView(page);
      const cards = await page.locator('#gk-cards a.gk-card').evaluateAll((links) => links.map((a) => ({
        id: a.dataset.metricId, elementId: a.id, href: a.getAttribute('href'),
        label: a.getAttribute('aria-label'), visible: a.getBoundingClientRect().height > 0,
      })));
      assert.equal(cards.length, report.metrics.length, `cards shown (the report has ${report.metrics.length} figures)`);
      assert.deepEqual(cards.map((c) => c.id), metricIds, 'cards, in order');
      for (const [i, card] of cards.entries()) {
        const metric = report.metrics[i];
        assert.equal(card.elementId, `gk-card-${metric.id}`);
        assert.equal(card.href, `#/m/${metric.id}`);
        assert.ok(card.visible, `card ${metric.id} has no box`);
        assert.ok(
          // A figure in Arabic digits is set apart by a space (收缴罚款 1230.01 万元); one in
          // Chinese numerals reads on with its sentence (涉及居民三千余户).
          card.label?.startsWith(`${metric.label}${/^[0-9]/.test(metric.raw) ? ' ' : ''}`)
            && card.label.endsWith(metric.raw.slice(-1))
            && !card.label.includes('\n'),
          `card ${metric.id} aria-label "${card.label}" is not one sentence opening with "${metric.label}"`,
        );
      }
      assert.equal(await page.locator('a.gk-card--current').count(), 0, 'a card is current at #/cards');
    });
  });

  test('clicking a card goes to #/m/<id> and highlights the figure in the text', async () => {
    const id = middleMetric();
    await withPage('#/cards', {}, async (page) => {
      await page.click(`a.gk-card[data-metric-id="${id}"]`);
      assert.equal(await hashOf(page), `#/m/${id}`);
      await assertFigureHighlighted(page, id);
    });
  });

  test('clicking a figure in the text leads to its card', async () => {
    const id = thirdMetric();
    await withPage('#/', {}, async (page) => {
      await page.click(`#gk-text a.gk-figure[data-figure-id="${id}"]`);
      assert.equal(await hashOf(page), `#/cards?m=${id}`);
      await assertCardCurrent(page, id);
    });
  });
});

describe('history and unknown addresses', () => {
  test('back and forward move between addresses and their views', async () => {
    const section = middleSection();
    const figure = thirdMetric();
    await withPage('#/', {}, async (page) => {
      await page.click(`nav#gk-outline a[href="#/s/${section}"]`);
      await assertSectionAtTop(page, section);
      await page.click(`#gk-text a.gk-figure[data-figure-id="${figure}"]`);
      await assertCardCurrent(page, figure);
      await page.click(`a.gk-card[data-metric-id="${figure}"]`);
      await assertFigureHighlighted(page, figure);

      const steps = [
        ['back', `#/cards?m=${figure}`, () => assertCardCurrent(page, figure)],
        ['back', `#/s/${section}`, () => assertSectionAtTop(page, section)],
        ['back', '#/', async () => {
          await assertTextView(page);
          await settle(page, () => scrollY === 0);
          assert.equal(await page.evaluate(() => scrollY), 0, 'not back at the top of the report');
        }],
        ['forward', `#/s/${section}`, () => assertSectionAtTop(page, section)],
        ['forward', `#/cards?m=${figure}`, () => assertCardCurrent(page, figure)],
        ['forward', `#/m/${figure}`, () => assertFigureHighlighted(page, figure)],
      ];
      for (const [direction, hash, check] of steps) {
        await (direction === 'back' ? page.goBack() : page.goForward());
        assert.equal(await hashOf(page), hash, `after ${direction}`);
        await check();
      }
    });
  });

  for (const hash of ['#/nope', '#/s/99.99', '#/m/nope.m0', '#/cards?m=nope.m0']) {
    test(`${hash} shows the start with a notice and no console error`, async () => {
      await withPage(hash, {}, async (page) => {
        const notice = page.locator('p.gk-notice[role="status"]');
        await notice.waitFor({ timeout: 3000 }).catch(() => {});
        assert.equal(await notice.count(), 1, 'no p.gk-notice[role=status]');
        assert.ok((await notice.innerText()).trim().length > 0, 'the notice is empty');
        assert.ok(await notice.isVisible(), 'the notice is not visible');
        await assertTextView(page);
        assert.ok(await page.locator('h1').isVisible(), 'the report title is not shown');
        assert.equal(await page.evaluate(() => scrollY), 0, 'not at the start of the report');
        assert.equal(await page.locator('.gk-figure--current, .gk-card--current').count(), 0);
        // Going somewhere real clears the notice.
        await page.click(`nav#gk-outline a[href="#/s/${middleSection()}"]`);
        await settle(page, () => !document.querySelector('p.gk-notice'));
        assert.equal(await notice.count(), 0, 'the notice stays after moving to a real section');
      });
    });
  }
});

describe('reading settings', () => {
  const bodySize = (page) => page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('#gk-text p')).fontSize));

  test('font size is chosen in 阅读设置, applies (≥ 18 px large, ≥ 30 px largest) and persists across reload', async () => {
    await withPage('#/', {}, async (page) => {
      const summary = page.locator('details.gk-settings > summary');
      assert.equal((await summary.innerText()).trim(), '阅读设置');
      for (const [value, minimum] of [['large', 18], ['largest', 30]]) {
        if (!(await page.locator('details.gk-settings').evaluate((d) => d.open))) await summary.click();
        await page.check(`input[name="gk-font-size"][value="${value}"]`);
        assert.equal(await page.evaluate(() => localStorage.getItem('gongkai.font-size')), value);
        await settle(page, (c) => document.querySelector('div.gk-root').classList.contains(c), `gk-size-${value}`);
        assert.ok(await page.locator(`div.gk-root.gk-size-${value}`).count(), `no div.gk-root.gk-size-${value}`);
        let size = await bodySize(page);
        assert.ok(size >= minimum, `#gk-text p is ${size}px at ${value}, needs ≥ ${minimum}px`);

        await page.reload();
        await waitLive(page);
        await settle(page, (c) => document.querySelector('div.gk-root')?.classList.contains(c), `gk-size-${value}`);
        assert.ok(await page.locator(`div.gk-root.gk-size-${value}`).count(), `${value} not kept after reload`);
        assert.ok(await page.isChecked(`input[name="gk-font-size"][value="${value}"]`), `${value} radio not checked after reload`);
        size = await bodySize(page);
        assert.ok(size >= minimum, `#gk-text p is ${size}px at ${value} after reload, needs ≥ ${minimum}px`);
      }
    });
  });

  test('theme is chosen in 阅读设置, applies and persists across reload', async () => {
    await withPage('#/', {}, async (page) => {
      const luminance = () => page.evaluate(() => {
        const [r, g, b] = getComputedStyle(document.querySelector('div.gk-root')).backgroundColor
          .match(/\d+(\.\d+)?/g).slice(0, 3).map(Number);
        return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
      });
      for (const value of ['dark', 'contrast', 'light', 'auto']) {
        await page.emulateMedia({ colorScheme: 'light' });
        if (!(await page.locator('details.gk-settings').evaluate((d) => d.open))) {
          await page.click('details.gk-settings > summary');
        }
        await page.check(`input[name="gk-theme"][value="${value}"]`);
        assert.equal(await page.evaluate(() => localStorage.getItem('gongkai.theme')), value);
        await page.reload();
        await waitLive(page);
        await settle(page, (c) => document.querySelector('div.gk-root')?.classList.contains(c), `gk-theme-${value}`);
        assert.ok(await page.locator(`div.gk-root.gk-theme-${value}`).count(), `${value} not kept after reload`);
        assert.ok(await page.isChecked(`input[name="gk-theme"][value="${value}"]`), `${value} radio not checked after reload`);
        const light = await luminance();
        if (value === 'dark' || value === 'contrast') assert.ok(light < 0.2, `${value} theme background is light (${light})`);
        else assert.ok(light > 0.8, `${value} theme background is dark (${light}) with a light system scheme`);
        if (value === 'auto') {
          await page.emulateMedia({ colorScheme: 'dark' });
          const dark = await luminance();
          assert.ok(dark < 0.2, `auto theme background is light (${dark}) with a dark system scheme`);
        }
      }
    });
  });
});

describe('read-aloud, skip link and print', () => {
  test('朗读本节 and 朗读全文 switch on and off (aria-pressed)', async () => {
    await withPage(`#/s/${middleSection()}`, {}, async (page) => {
      const supported = await page.evaluate(() => 'speechSynthesis' in window);
      await settle(page, () => document.querySelector('.gk-read-aloud button'));
      const buttons = page.locator('.gk-read-aloud button[aria-pressed]');
      if (!supported) {
        assert.equal(await buttons.count(), 0, 'read-aloud shown where speechSynthesis is missing');
        return;
      }
      // Nothing plays: speak only records what it was given.
      await page.evaluate(() => {
        window.spoken = [];
        speechSynthesis.speak = (utterance) => window.spoken.push({ text: utterance.text, lang: utterance.lang });
      });
      assert.deepEqual(
        (await buttons.allInnerTexts()).map((t) => t.replace(/^[▶■]\s*/, '').trim()),
        ['朗读本节', '朗读全文'],
      );
      for (const label of ['朗读本节', '朗读全文']) {
        const button = buttons.filter({ hasText: label });
        assert.equal(await button.getAttribute('aria-pressed'), 'false', `${label} on before pressing`);
        await button.click();
        assert.equal(await button.getAttribute('aria-pressed'), 'true', `${label} not on after pressing`);
        const spoken = await page.evaluate(() => window.spoken.splice(0));
        assert.ok(spoken.length > 0, `${label} spoke nothing`);
        assert.ok(spoken.every((u) => u.lang === 'zh-CN' && u.text.trim()), `${label} utterances: ${JSON.stringify(spoken.slice(0, 3))}`);
        await button.click();
        assert.equal(await button.getAttribute('aria-pressed'), 'false', `${label} not off after pressing again`);
      }
    });
  });

  test('the skip link is the first stop and moves focus to main#gk-main, address unchanged', async () => {
    await withPage('#/', {}, async (page) => {
      await page.keyboard.press('Tab');
      const first = await page.evaluate(() => ({
        className: document.activeElement.className,
        top: document.activeElement.getBoundingClientRect().top,
      }));
      assert.equal(first.className, 'gk-skip', 'the first Tab stop is not a.gk-skip');
      assert.ok(first.top >= 0, `the focused skip link is off screen (top ${first.top})`);
      await page.keyboard.press('Enter');
      await settle(page, () => document.activeElement?.id === 'gk-main');
      const after = await page.evaluate(() => ({
        tag: document.activeElement.tagName, id: document.activeElement.id, hash: location.hash,
      }));
      assert.deepEqual(after, { tag: 'MAIN', id: 'gk-main', hash: '#/' });
    });
  });

  for (const hash of ['#/', '#/cards']) {
    test(`print (${hash}) shows the text and the page address, and no UI`, async () => {
      await withPage(hash, {}, async (page) => {
        await page.emulateMedia({ media: 'print' });
        const shown = await page.evaluate(() => {
          const display = (selector) => {
            const e = document.querySelector(selector);
            return e ? getComputedStyle(e).display : 'missing';
          };
          return {
            toolbar: display('.gk-toolbar'), outline: display('nav#gk-outline'), skip: display('a.gk-skip'),
            text: display('#gk-text'), textHeight: document.getElementById('gk-text')?.getBoundingClientRect().height,
            address: display('.gk-print-address'),
            addressText: document.querySelector('.gk-print-address')?.textContent ?? '',
          };
        });
        assert.equal(shown.toolbar, 'none', '.gk-toolbar printed');
        assert.equal(shown.outline, 'none', 'nav#gk-outline printed');
        assert.equal(shown.skip, 'none', 'a.gk-skip printed');
        assert.notEqual(shown.text, 'none', '#gk-text not printed');
        assert.ok(shown.textHeight > 0, '#gk-text has no height in print');
        assert.notEqual(shown.address, 'none', '.gk-print-address not printed');
        assert.notEqual(shown.address, 'missing', '.gk-print-address missing');
        assert.ok(shown.addressText.includes(page.url()), `print address "${shown.addressText}" lacks ${page.url()}`);
        const controls = await page.locator('button:visible, summary:visible, input:visible, select:visible, textarea:visible')
          .evaluateAll((els) => els.map((e) => e.outerHTML.slice(0, 80)));
        assert.deepEqual(controls, [], 'controls visible in print');
      });
    });
  }
});

describe('layout', () => {
  for (const [name, viewport] of [['320×640', NARROW], ['1280×800', DESK]]) {
    for (const [view, hash] of [['text', '#/'], ['cards', '#/cards']]) {
      for (const size of ['standard', 'largest']) {
        test(`no horizontal overflow at ${name}, ${view} view, ${size} font`, async () => {
          await withPage(hash, { viewport }, async (page) => {
            if (size !== 'standard') await withSetting(page, 'gongkai.font-size', size, `gk-size-${size}`);
            if (view === 'cards') await assertCardsView(page);
            else await assertTextView(page);
            const { scrollWidth, clientWidth, wide } = await measureOverflow(page);
            assert.ok(
              scrollWidth <= clientWidth,
              `page is ${scrollWidth}px wide in a ${clientWidth}px viewport; wider: ${wide.join(', ')}`,
            );
          });
        });
      }
    }
  }

  for (const [name, viewport] of [['phone', PHONE], ['desk', DESK]]) {
    test(`every visible button and link in the toolbar is at least 44×44 px (${name})`, async () => {
      await withPage('#/', { viewport }, async (page) => {
        const targets = await page.locator(
          '.gk-toolbar :is(a[href], button, summary, [role="button"], input[type="button"], input[type="submit"])',
        ).evaluateAll((els) => els
          .map((e) => {
            const r = e.getBoundingClientRect();
            const s = getComputedStyle(e);
            return {
              what: `${e.tagName.toLowerCase()}${e.className ? `.${String(e.className).trim().split(/\s+/).join('.')}` : ''} "${e.textContent.trim().slice(0, 12)}"`,
              width: Math.round(r.width * 100) / 100, height: Math.round(r.height * 100) / 100,
              visible: r.width > 0 && r.height > 0 && s.visibility !== 'hidden',
            };
          })
          .filter((t) => t.visible));
        assert.ok(targets.length > 0, 'no buttons or links in .gk-toolbar');
        const small = targets.filter((t) => t.width < 44 || t.height < 44);
        assert.deepEqual(small.map((t) => `${t.what} ${t.width}×${t.height}`), [], 'targets under 44×44 px');
      });
    });
  }
});

describe('accessibility (axe-core, WCAG 2.1 A and AA)', () => {
  const views = [
    ['text', () => '#/', async (page) => assertTextView(page)],
    ['cards', () => '#/cards', async (page) => assertCardsView(page)],
    ['figure', () => `#/m/${middleMetric()}`, async (page) => assertFigureHighlighted(page, middleMetric())],
  ];
  const themes = [['light'], ['dark'], ['contrast'], ['auto', 'dark']];
  for (const [theme, colorScheme] of themes) {
    for (const [view, hash, ready] of views) {
      const scheme = colorScheme ? ` (system ${colorScheme})` : '';
      test(`no violations: ${view} view, ${theme} theme${scheme}, desk`, async () => {
        await withPage(hash(), { colorScheme }, async (page) => {
          await withSetting(page, 'gongkai.theme', theme, `gk-theme-${theme}`);
          await ready(page);
          await runAxe(page);
        });
      });
    }
  }

  test('no violations: text view at 360 px with the outline drawer open', async () => {
    await withPage('#/', { viewport: PHONE }, async (page) => {
      await page.click('button.gk-outline-toggle');
      assert.equal(await page.getAttribute('button.gk-outline-toggle', 'aria-expanded'), 'true');
      assert.ok(await page.locator('nav#gk-outline').isVisible(), 'drawer not shown');
      await runAxe(page);
    });
  });
});

describe('screenshots', () => {
  test(`of the main views, into ${SHOTS}`, async () => {
    await mkdir(SHOTS, { recursive: true });
    const shots = [
      ['reader-desk.png', '#/', DESK],
      ['reader-phone.png', '#/', PHONE],
      ['section-phone.png', '#/s/2.1.2', PHONE],
      ['cards-desk.png', '#/cards', DESK],
      ['cards-phone.png', '#/cards', PHONE],
      ['figure-phone.png', `#/m/${middleMetric()}`, PHONE],
      ['contrast-desk.png', '#/', DESK, 'contrast'],
    ];
    for (const [file, hash, viewport, theme] of shots) {
      await withPage(hash, { viewport }, async (page) => {
        if (theme) await withSetting(page, 'gongkai.theme', theme, `gk-theme-${theme}`);
        if (hash.startsWith('#/m/')) await assertFigureHighlighted(page, middleMetric());
        await page.evaluate(() => document.fonts.ready);
        await page.screenshot({ path: join(SHOTS, file) });
      });
    }
  });
});
