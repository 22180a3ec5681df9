// The site `gongkai site` writes, as readers and editors meet it: a report's page read with
// JavaScript off (the whole text, the outline, deep links), the same page taken over by the
// viewer (hydration changes no text, shifts nothing, logs nothing, violates no CSP), the shelf
// page, and the site's preview page 打开本地报告 (GBK, UTF-16 and HTML files, pasted text and
// markup, their warnings).
// Expectations come from `gongkai parse` and `gongkai check` on the same files.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import {
  REAL_SLUG, ROOT, SITE, assertClean, gongkai, openPage, parseReport, useServedBrowser,
  waitLive, watchPage, watchedContext,
} from './harness.mjs';

const env = useServedBrowser();
const DESK = { width: 1280, height: 800 };

let report;
before(async () => {
  report = await parseReport();
});
/** The site's preview page (打开本地报告), as `gongkai site` copies it from dist/preview/. */
const previewUrl = () => `${env.server.root}preview/`;

function flatten(sections, out = []) {
  for (const section of sections) {
    out.push(section);
    flatten(section.children ?? [], out);
  }
  return out;
}

const squeeze = (text) => text.replace(/\s+/g, '');

/** Equal texts, or a failure that shows where they part (not two copies of a whole report). */
function assertSameText(after, before, what) {
  if (after === before) return;
  let at = 0;
  while (at < Math.min(after.length, before.length) && after[at] === before[at]) at += 1;
  assert.fail(`${what} changed on hydration at character ${at} of ${before.length}: `
    + `before …${JSON.stringify(before.slice(Math.max(0, at - 30), at + 50))}, `
    + `after …${JSON.stringify(after.slice(Math.max(0, at - 30), at + 50))}`);
}

/** Every paragraph of a parsed report, in reading order. */
function paragraphsOf(parsed) {
  return [
    ...(parsed.preamble ?? []),
    ...flatten(parsed.sections).flatMap((section) => section.paragraphs ?? []),
  ].map((p) => p.text);
}

/** Where element `id` is against the viewport. */
function place(page, id) {
  return page.evaluate((id) => {
    const element = document.getElementById(id);
    if (!element) return null;
    const { top, bottom, height } = element.getBoundingClientRect();
    return { top: Math.round(top), bottom: Math.round(bottom), height, viewport: innerHeight };
  }, id);
}

function assertTopInView(where, what) {
  assert.ok(where, `${what} is not in the page`);
  assert.ok(where.height > 0 && where.top >= 0 && where.top < where.viewport,
    `${what} is not in view: top ${where.top} in a ${where.viewport}px viewport`);
}

/** A context with JavaScript off: what a crawler or a browser without the app gets. */
async function openWithoutScript(url, viewport = DESK) {
  const context = await env.browser.newContext({ viewport, locale: 'zh-CN', javaScriptEnabled: false });
  const page = await context.newPage();
  const requests = [];
  page.on('request', (req) => requests.push(req.url()));
  await page.goto(url);
  return { page, context, requests };
}

describe('a report page without JavaScript', () => {
  test('shows the title, every paragraph of the text in order and the outline', async () => {
    const { page, context, requests } = await openWithoutScript(env.server.url);
    try {
      assert.equal(await page.title(), report.title);
      assert.equal(await page.locator('h1').count(), 1);
      assert.equal((await page.locator('h1').innerText()).trim(), report.title);
      // Every paragraph, as text the reader sees (not only in the DOM), in the file's order.
      const shown = squeeze(await page.locator('#gk-text').innerText());
      const paragraphs = paragraphsOf(report);
      assert.ok(paragraphs.length > 10, `only ${paragraphs.length} paragraphs parsed`);
      let cursor = 0;
      for (const paragraph of paragraphs.map(squeeze)) {
        const found = shown.indexOf(paragraph, cursor);
        assert.ok(found >= cursor, `paragraph missing or out of order: ${paragraph.slice(0, 40)}`);
        cursor = found + paragraph.length;
      }
      for (const section of flatten(report.sections).filter((s) => s.title)) {
        assert.ok(shown.includes(squeeze(section.title)), `heading missing: ${section.title}`);
      }
      // The outline lists every section and is there to use.
      const outline = page.locator('nav#gk-outline');
      assert.ok(await outline.isVisible(), 'the outline is not shown');
      const hrefs = await outline.locator('a[href^="#/s/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
      assert.deepEqual(hrefs, flatten(report.sections).map((s) => `#/s/${s.id}`));
      // Nothing of the app was asked for: the page alone is the document.
      assert.deepEqual(requests.filter((url) => /\.(js|wasm)$/.test(url)), []);
    } finally {
      await context.close();
    }
  });

  test('controls that need the app are not shown', async () => {
    const { page, context } = await openWithoutScript(env.server.url);
    try {
      const controls = await page.locator('.gk-toolbar :is(button, input, select, textarea, summary, details)')
        .evaluateAll((elements) => elements.map((e) => e.outerHTML.slice(0, 60)));
      assert.ok(controls.length > 0, 'the prerendered toolbar has no controls to hide');
      const visible = [];
      for (const [i, html] of controls.entries()) {
        const control = page.locator('.gk-toolbar :is(button, input, select, textarea, summary, details)').nth(i);
        if (await control.isVisible()) visible.push(html);
      }
      assert.deepEqual(visible, [], 'toolbar controls visible without JavaScript');
      // A printout carries the page's address only where the page knows it: never a bare "#/".
      for (const text of await page.locator('.gk-print-address:not([hidden])').allTextContents()) {
        assert.match(text, /本页地址：https?:\/\//, 'a printed address that is not an address');
      }
    } finally {
      await context.close();
    }
  });

  test('#/s/<id> and #/m/<id> land at their section and figure; outline links jump', async () => {
    const sections = flatten(report.sections).map((s) => s.id);
    const section = sections[Math.floor(sections.length / 2)];
    const figure = report.metrics[Math.floor(report.metrics.length / 2)].id;
    const { page, context } = await openWithoutScript(`${env.server.url}#/s/${section}`);
    try {
      assertTopInView(await place(page, `/s/${section}`), `section ${section}`);
      assert.ok((await page.evaluate(() => scrollY)) > 0, 'the page did not move to the section');
      await page.goto('about:blank');
      await page.goto(`${env.server.url}#/m/${figure}`);
      assertTopInView(await place(page, `/m/${figure}`), `figure ${figure}`);
      // A link of the outline moves to its section.
      await page.goto('about:blank');
      await page.goto(env.server.url);
      const other = sections[Math.floor(sections.length / 3)];
      await page.click(`nav#gk-outline a[href="#/s/${other}"]`);
      assert.equal(await page.evaluate(() => location.hash), `#/s/${other}`);
      assertTopInView(await place(page, `/s/${other}`), `section ${other} after its outline link`);
    } finally {
      await context.close();
    }
  });
});

describe('a report page with JavaScript', () => {
  for (const slug of [REAL_SLUG, 'disclosure-2023']) test(`hydration keeps the text, shifts no layout, logs no error and violates no CSP (${slug})`, async (t) => {
    const context = await watchedContext(env.browser, { viewport: DESK });
    // The prerendered page as the parser built it, before the app runs (it starts when idle).
    await context.addInitScript(() => {
      // What only the app can fill in: read-aloud needs the browser's speechSynthesis, the
      // printed address the page's own address (unless the site was given --base-url).
      window.__textOfRoot = () => {
        const clone = document.getElementById('gongkai').cloneNode(true);
        for (const element of clone.querySelectorAll('.gk-read-aloud, .gk-print-address')) element.remove();
        return clone.textContent;
      };
      document.addEventListener('DOMContentLoaded', () => {
        const root = document.getElementById('gongkai');
        window.__beforeHydration = {
          live: Boolean(document.querySelector('.gk-live')),
          text: root ? window.__textOfRoot() : null,
          mainText: document.getElementById('gk-text')?.innerText ?? null,
          elements: root?.querySelectorAll('*').length ?? 0,
        };
      });
      // When the app took over, for the report.
      new MutationObserver((_, observer) => {
        if (document.querySelector('.gk-root.gk-live')) {
          window.__liveAt = performance.now();
          observer.disconnect();
        }
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ['class'], childList: true });
    });
    const messages = [];
    const page = await context.newPage();
    page.on('console', (msg) => messages.push(`${msg.type()}: ${msg.text()}`));
    watchPage(page);
    try {
      await page.goto(`${env.server.root}${slug}/`);
      await waitLive(page);
      // Let what the app does after its first render (effects, frames) happen.
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      await page.waitForLoadState('networkidle');
      const before = await page.evaluate(() => window.__beforeHydration);
      assert.ok(before, 'DOMContentLoaded was not seen');
      assert.equal(before.live, false, 'the app was live at DOMContentLoaded: nothing to compare');
      assert.ok(before.text && before.text.length > 1000, 'the page had no prerendered text');
      const afterwards = await page.evaluate(() => ({
        text: window.__textOfRoot(),
        mainText: document.getElementById('gk-text').innerText,
        elements: document.getElementById('gongkai').querySelectorAll('*').length,
        texts: document.querySelectorAll('#gk-text').length,
        titles: document.querySelectorAll('h1').length,
        shifts: window.__layoutShifts,
        liveAt: window.__liveAt,
        domContentLoaded: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
      }));
      assertSameText(afterwards.text, before.text, 'the text of #gongkai');
      assertSameText(afterwards.mainText, before.mainText, 'the text the reader sees (#gk-text)');
      assert.equal(afterwards.texts, 1, 'a second copy of the text');
      assert.equal(afterwards.titles, 1);
      assert.equal(afterwards.shifts, 0, 'layout shifted');
      assert.deepEqual(messages.filter((m) => /hydrat|mismatch/i.test(m)), [], 'hydration messages');
      await assertClean(page);
      t.diagnostic(`live ${Math.round(afterwards.liveAt)} ms after navigation start `
        + `(DOMContentLoaded ${Math.round(afterwards.domContentLoaded)} ms); elements ${before.elements} → ${afterwards.elements}`);
    } finally {
      await context.close();
    }
  });

  test('search and the cards view work on the hydrated page', async () => {
    const { page, context } = await openPage(env.browser, env.server.url);
    try {
      const word = report.metrics[0].label.slice(0, 2);
      await page.fill('#gk-search-input', word);
      await page.locator('#gk-results').waitFor();
      assert.match(await page.locator('#gk-search-count').innerText(), /^共 \d+ 处$/);
      await page.locator('nav.gk-views a[href="#/cards"]').click();
      await page.locator('#gk-cards a.gk-card').first().waitFor();
      assert.equal(await page.locator('#gk-cards a.gk-card').count(), report.metrics.length);
      await assertClean(page);
    } finally {
      await context.close();
    }
  });
});

/** The report folders of the site: each holds an index.html (assets/ and preview/ are not reports). */
async function siteReports() {
  const found = [];
  for (const entry of await readdir(SITE, { withFileTypes: true })) {
    if (entry.isDirectory() && !['assets', 'preview'].includes(entry.name)) {
      if (await stat(join(SITE, entry.name, 'index.html')).then(() => true, () => false)) found.push(entry.name);
    }
  }
  return found.sort();
}

describe('the shelf page', () => {
  for (const javaScriptEnabled of [false, true]) {
    test(`lists every report of the site with a working link (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const { page, context } = await openPage(env.browser, env.server.root, { javaScriptEnabled, live: false });
      try {
        const links = await page.locator('.gk-shelf-list a.gk-shelf-title').evaluateAll((as) => as.map((a) => ({
          href: a.getAttribute('href'), text: a.textContent.trim(), url: a.href,
        })));
        const folders = await siteReports();
        assert.ok(folders.includes(REAL_SLUG));
        assert.deepEqual(links.map((l) => l.href.replace(/\/$/, '')).sort(), folders, 'shelf links');
        assert.match(await page.locator('main').innerText(), new RegExp(`共 ${folders.length} 篇报告`));
        // Every link leads to its report, titled as the shelf says.
        for (const link of links) {
          const res = await context.request.get(link.url);
          assert.equal(res.status(), 200, link.url);
          const title = (await res.text()).match(/<title>([^<]*)<\/title>/)?.[1];
          assert.ok(title !== undefined, `no <title> at ${link.url}`);
          const decoded = title.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"')
            .replace(/&#39;/g, "'").replace(/&amp;/g, '&');
          if (link.text !== link.href.replace(/\/$/, '')) assert.equal(decoded, link.text, link.url);
        }
        // Following one as a reader does opens the report.
        await page.locator(`.gk-shelf-list a.gk-shelf-title[href="${REAL_SLUG}/"]`).click();
        await page.waitForURL(`**/${REAL_SLUG}/`);
        assert.equal((await page.locator('h1').innerText()).trim(), report.title);
        if (javaScriptEnabled) {
          await waitLive(page);
          await assertClean(page);
        }
      } finally {
        await context.close();
      }
    });
  }
});

/** What `gongkai check` says of a file: its warnings as { line, message }. */
async function checkWarnings(file) {
  const out = await gongkai(['check', file], { allowFailure: true });
  return out.split('\n')
    .filter((line) => line.startsWith(`${file}:`))
    .map((line) => line.slice(file.length + 1).match(/^(\d+): 警告：(.*)$/))
    .filter(Boolean)
    .map(([, line, message]) => ({ line: Number(line), message }));
}

/** The preview shows the report's title and exactly `gongkai check`'s warnings for `file`. */
async function assertPreviewOf(page, file) {
  const [parsed, warnings] = await Promise.all([parseReport(file), checkWarnings(file)]);
  assert.ok(parsed.title, `${file} has no title to look for`);
  await page.locator('.gk-preview-warnings, .gk-preview-ok').first().waitFor({ timeout: 10000 });
  assert.equal((await page.locator('.gk-root.gk-live h1').innerText()).trim(), parsed.title, file);
  if (warnings.length === 0) {
    assert.equal(await page.locator('.gk-preview-warnings').count(), 0, file);
    assert.ok(await page.locator('.gk-preview-ok').isVisible(), file);
    return;
  }
  const items = await page.locator('.gk-preview-warnings li').allInnerTexts();
  assert.equal(items.length, warnings.length, `${file}: warnings shown, against gongkai check`);
  assert.deepEqual(items, warnings.map((w) => `第 ${w.line} 行：${w.message}`), file);
  assert.match(await page.locator('.gk-preview-warnings h2').innerText(), new RegExp(`${warnings.length} 个问题`));
}

describe('打开本地报告, the site\'s preview page', () => {
  test('reads a chosen GBK file and a UTF-16 one, and shows their titles and warnings', async () => {
    // The GBK fixture has no warning; the same text as GBK and as UTF-16 with one has some.
    const dir = await mkdtemp(join(tmpdir(), 'gongkai-preview-'));
    const irregular = join(ROOT, 'tests', 'reports', 'numbering-irregular.txt');
    const files = [join(ROOT, 'tests', 'reports', 'township-2022-gbk.txt')];
    for (const [encoding, name] of [['GBK', 'irregular-gbk.txt'], ['UTF-16', 'irregular-utf16.txt']]) {
      const to = join(dir, name);
      await promisify(execFile)('sh', ['-c', 'iconv -f UTF-8 -t "$1" "$2" > "$3"', 'sh', encoding, irregular, to]);
      files.push(to);
    }
    const { page, context } = await openPage(env.browser, previewUrl(), { live: false });
    try {
      assert.equal((await page.locator('h1').innerText()).trim(), '打开本地报告');
      for (const file of files) {
        await page.locator('#gk-preview-file').setInputFiles(file);
        await assertPreviewOf(page, file);
        assert.match(await page.locator('.gk-preview-bar').innerText(), new RegExp(file.split('/').pop().replace('.', '\\.')));
        await page.getByRole('button', { name: '打开其他报告' }).click();
        await page.locator('#gk-preview-file').waitFor();
      }
      await assertClean(page);
    } finally {
      await context.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('reads a pasted text and shows its warnings, as gongkai check lists them', async () => {
    const file = join(ROOT, 'tests', 'reports', 'numbering-irregular.txt');
    const { page, context } = await openPage(env.browser, previewUrl(), { live: false });
    try {
      await page.fill('#gk-preview-text', await readFile(file, 'utf8'));
      await page.getByRole('button', { name: '预览粘贴的文本' }).click();
      await assertPreviewOf(page, relative(ROOT, file));
      assert.ok((await checkWarnings(relative(ROOT, file))).length > 0, 'the pasted report should have warnings');
      // The preview is the reader itself: its outline and figures work.
      assert.ok(await page.locator('nav#gk-outline a').count() > 0);
      await assertClean(page);
    } finally {
      await context.close();
    }
  });

  /** Sections (number and title, in order) and tables the preview shows, against `gongkai parse`. */
  async function assertSameOutline(page, file) {
    const parsed = await parseReport(file);
    const sections = flatten(parsed.sections);
    const shown = await page.locator('.gk-root.gk-live main .gk-section > .gk-heading').allInnerTexts();
    const titled = sections.filter((s) => s.title);
    assert.deepEqual(shown.map(squeeze), titled.map((s) => squeeze(`${s.number}${s.title}`)), `${file}: headings`);
    const tables = sections.flatMap((s) => (s.paragraphs ?? []).filter((p) => p.kind === 'table'));
    assert.equal(await page.locator('.gk-root.gk-live main table').count(), tables.length, `${file}: tables`);
    for (const [i, table] of tables.entries()) {
      const cells = await page.locator('.gk-root.gk-live main table').nth(i).locator('th, td').count();
      assert.equal(cells, table.rows.flat().length, `${file}: cells of table ${i + 1}`);
    }
  }

  test('reads saved portal pages (.html, GBK and UTF-8) as gongkai site does: title, outline, tables, warnings', async () => {
    const { page, context } = await openPage(env.browser, previewUrl(), { live: false });
    try {
      for (const name of ['township-gbk.html', 'disclosure-2023.html']) {
        const file = join('tests', 'pages', name);
        await page.locator('#gk-preview-file').setInputFiles(join(ROOT, file));
        await assertPreviewOf(page, file);
        await assertSameOutline(page, file);
        await page.getByRole('button', { name: '打开其他报告' }).click();
        await page.locator('#gk-preview-file').waitFor();
      }
      await assertClean(page);
    } finally {
      await context.close();
    }
  });

  test('refuses, with a notice naming the limit, a file over 20 MB and a text over 100,000 paragraphs', async () => {
    const { page, context } = await openPage(env.browser, previewUrl(), { live: false });
    try {
      const huge = Buffer.alloc(20 * 1024 * 1024 + 1, 0x61);
      await page.locator('#gk-preview-file').setInputFiles({ name: 'huge.txt', mimeType: 'text/plain', buffer: huge });
      await page.locator('.gk-notice[role="alert"]').filter({ hasText: '超过上限 20971520 字节' }).waitFor({ timeout: 10000 });
      const lines = `标题\n${'一段正文。\n'.repeat(100001)}`;
      await page.locator('#gk-preview-text').evaluate((area, text) => { area.value = text; }, lines);
      await page.getByRole('button', { name: '预览粘贴的文本' }).click();
      await page.locator('.gk-notice[role="alert"]').filter({ hasText: '超过上限 100000 个' }).waitFor({ timeout: 30000 });
      assert.equal(await page.locator('.gk-preview-bar').count(), 0, 'nothing was opened');
      await assertClean(page);
    } finally {
      await context.close();
    }
  });

  test('reads pasted page source as a page, not as text', async () => {
    const file = join('tests', 'pages', 'disclosure-2023.html');
    const { page, context } = await openPage(env.browser, previewUrl(), { live: false });
    try {
      await page.fill('#gk-preview-text', await readFile(join(ROOT, file), 'utf8'));
      await page.getByRole('button', { name: '预览粘贴的文本' }).click();
      await assertPreviewOf(page, file);
      await assertSameOutline(page, file);
      await assertClean(page);
    } finally {
      await context.close();
    }
  });
});
