// Phone first: the compact bar at 360 × 740 and 320 × 640 (height, the report's title and text
// on the first screen, hiding on the way down and back on a small scroll up, deep links under
// it, its menu by keyboard and by role), and 数说 as a picture: lead figures linked, rate bars
// to scale, and 生成分享图's PNG, whose QR code reads back (jsQR) to the page's address.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  ROOT, assertClean, decodeQrPng, openPage, runAxe, useServedBrowser, waitLive, watchedContext, watchPage,
} from './harness.mjs';

const env = useServedBrowser();
const SHOTS = process.env.UPDATE_SCREENSHOTS === '1' ? join(ROOT, 'docs') : join(ROOT, 'target', 'screenshots');
const PHONES = [['360 × 740', { width: 360, height: 740 }], ['320 × 640', { width: 320, height: 640 }]];
const BAR_MAX_PX = 56;

/** The bar's box, whether it is slid away, and its title's text. */
function bar(page) {
  return page.evaluate(() => {
    const toolbar = document.querySelector('.gk-toolbar');
    const rect = toolbar.getBoundingClientRect();
    const title = toolbar.querySelector('.gk-bar-title');
    return {
      top: rect.top, bottom: rect.bottom, height: rect.height,
      title: title.innerText.trim(), titleShown: title.getBoundingClientRect().height > 0,
      position: getComputedStyle(toolbar).position,
    };
  });
}

/** Lines of the report's text (its paragraphs and headings) wholly inside the viewport below the bar. */
function linesOnFirstScreen(page) {
  return page.evaluate(() => {
    const barBottom = document.querySelector('.gk-toolbar').getBoundingClientRect().bottom;
    const tops = new Set();
    for (const p of document.querySelectorAll('.gk-text p, .gk-text .gk-heading')) {
      const range = document.createRange();
      range.selectNodeContents(p);
      for (const r of range.getClientRects()) {
        if (r.height > 0 && r.top >= barBottom && r.bottom <= innerHeight) tops.add(Math.round(r.top));
      }
    }
    return tops.size;
  });
}

/** Scrolls by mouse wheel, as a reader does, and lets the bar's slide finish. */
async function wheel(page, dy, steps = 1) {
  for (let i = 0; i < steps; i++) {
    await page.mouse.wheel(0, dy);
    await page.waitForTimeout(60);
  }
  await page.waitForTimeout(400);
}

describe('phone bar', () => {
  for (const [name, viewport] of PHONES) {
    test(`${name}: one bar of at most 56 px with the short title; the report's title and six lines of text on the first screen`, async () => {
      const { page, context } = await openPage(env.browser, env.server.url + '#/', viewport);
      const shown = await bar(page);
      assert.ok(shown.height <= BAR_MAX_PX, `bar is ${shown.height}px tall`);
      assert.equal(shown.top, 0);
      assert.ok(shown.titleShown && shown.title.length >= 6, `bar title "${shown.title}"`);
      const h1 = await page.locator('h1.gk-title').evaluate((e) => ({
        text: e.innerText.replace(/\s/g, ''), bottom: e.getBoundingClientRect().bottom,
      }));
      assert.ok(h1.text.endsWith(shown.title.replace(/\s/g, '')), `"${shown.title}" is not the end of "${h1.text}"`);
      assert.ok(h1.bottom <= viewport.height, `title ends at ${h1.bottom}px`);
      const lines = await linesOnFirstScreen(page);
      assert.ok(lines >= 6, `${lines} lines of text on the first screen`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
      assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
      await assertClean(page);
      await context.close();
    });
  }

  test('the bar slides away while reading down and comes back on a small scroll up', async () => {
    const { page, context } = await openPage(env.browser, env.server.url + '#/', PHONES[0][1]);
    await wheel(page, 200, 4);
    const away = await bar(page);
    assert.ok(away.bottom <= 0, `bar still shows down to ${away.bottom}px after reading down`);
    assert.equal(away.position, 'sticky');
    await wheel(page, -40);
    const back = await bar(page);
    assert.equal(back.top, 0, 'a small scroll up brings the bar back');
    // Keyboard focus inside the bar shows it even while slid away.
    await wheel(page, 200, 3);
    assert.ok((await bar(page)).bottom <= 0);
    await page.locator('#gk-menu-toggle').focus();
    await page.waitForTimeout(400);
    assert.equal((await bar(page)).top, 0, 'focus in the bar brings it back');
    await assertClean(page);
    await context.close();
  });

  test('a reader already scrolling the prerendered page keeps their place when the viewer starts', async () => {
    const context = await watchedContext(env.browser, { viewport: PHONES[0][1] });
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await context.route(/\.wasm$/, async (route) => { await held; await route.continue(); });
    const page = await context.newPage();
    watchPage(page);
    await page.goto(env.server.url + '#/');
    await page.locator('h1.gk-title').waitFor();
    await wheel(page, 300, 3);
    const before = await page.evaluate(() => scrollY);
    assert.ok(before > 600, `the prerendered page scrolled only to ${before}px`);
    release();
    await waitLive(page);
    await page.waitForTimeout(600);
    assert.equal(await page.evaluate(() => scrollY), before, 'starting the viewer moved the page');
    await assertClean(page);
    await context.close();
  });

  test('a deep link lands right under the bar, which names the report', async () => {
    for (const how of ['opened', 'followed']) {
      const start = how === 'opened' ? '#/s/2.1.2' : '#/';
      const { page, context } = await openPage(env.browser, env.server.url + start, PHONES[0][1]);
      if (how === 'followed') {
        await page.getByRole('button', { name: '目录' }).click();
        await page.locator('nav#gk-outline a[href="#/s/2.1.2"]').click();
        await page.waitForFunction(() => location.hash === '#/s/2.1.2');
      }
      await page.waitForTimeout(600);
      const shown = await bar(page);
      const heading = await page.locator('[id="gk-s-2.1.2"]').evaluate((e) => e.getBoundingClientRect().top);
      assert.equal(shown.top, 0, `${how}: the bar is not shown`);
      assert.ok(shown.titleShown && shown.title.length >= 6, `${how}: bar title "${shown.title}"`);
      assert.ok(heading >= shown.bottom && heading <= shown.bottom + 40,
        `${how}: heading at ${heading}px, bar ends at ${shown.bottom}px`);
      await assertClean(page);
      await context.close();
    }
  });

  test('the menu opens and closes by keyboard and holds every other tool, named for screen readers', async () => {
    const { page, context } = await openPage(env.browser, env.server.url + '#/', PHONES[0][1]);
    const toggle = page.getByRole('button', { name: '菜单' });
    assert.equal(await toggle.getAttribute('aria-controls'), 'gk-tools');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.equal(await page.locator('#gk-tools').isVisible(), false);
    await toggle.focus();
    await page.keyboard.press('Enter');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    const tools = page.getByRole('group', { name: '更多工具' });
    await tools.waitFor({ state: 'visible' });
    for (const name of ['全文', '数说（46）', '阅读设置', '手机扫码阅读', '打印']) {
      // 阅读设置 is a <details>' <summary>, exposed as a disclosure, not a button.
      const control = tools.getByRole('link', { name, exact: true })
        .or(tools.getByRole('button', { name, exact: true }))
        .or(tools.locator('summary').getByText(name, { exact: true }));
      assert.ok(await control.isVisible(), `${name} is not in the menu`);
    }
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.closest('#gk-tools') !== null), true,
      'Tab from the menu button does not go into the menu');
    await runAxe(page);
    await page.keyboard.press('Escape');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'gk-menu-toggle');
    // A tap outside the bar and its menu closes it.
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    await page.mouse.click(8, 700);
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false', 'a tap on the text leaves the menu open');
    // 数说 from the menu shows the view and closes the menu.
    await toggle.click();
    await tools.getByRole('link', { name: '数说（46）' }).click();
    await page.waitForFunction(() => location.hash === '#/cards');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    await assertClean(page);
    await context.close();
  });

  // Every theme, the largest type and text at 200 %: the bar stays one row, the menu shows
  // every tool, nothing is wider than the screen, targets stay ≥ 44 px, and axe finds nothing.
  const looks = [
    ['light', 'standard', 1], ['dark', 'standard', 1], ['contrast', 'standard', 1],
    ['light', 'largest', 1], ['contrast', 'largest', 1], ['light', 'standard', 2],
  ];
  for (const [theme, size, zoom] of looks) {
    test(`the bar and its menu at 360 × 740: ${theme} theme, ${size} type, text at ${zoom * 100} %`, async () => {
      const context = await watchedContext(env.browser, { viewport: PHONES[0][1], theme });
      await context.addInitScript(([stored, zoomed]) => {
        localStorage.setItem('gongkai.font-size', stored);
        if (zoomed !== 1) {
          document.addEventListener('DOMContentLoaded', () => {
            document.documentElement.style.fontSize = `${zoomed * 100}%`;
          });
        }
      }, [size, zoom]);
      const page = await context.newPage();
      watchPage(page);
      await page.goto(env.server.url + '#/');
      await waitLive(page);
      await page.locator(`.gk-root.gk-theme-${theme}.gk-size-${size}`).waitFor();
      const toggle = page.getByRole('button', { name: '菜单' });
      await toggle.click();
      await page.locator('#gk-tools').waitFor({ state: 'visible' });
      const layout = await page.evaluate(() => {
        const row = [...document.querySelectorAll('.gk-bar > *')]
          .filter((e) => e.getBoundingClientRect().height > 0)
          .map((e) => Math.round(e.getBoundingClientRect().top));
        const targets = [...document.querySelectorAll(
          '.gk-toolbar :is(a[href], button, summary, input:not([type="hidden"]))',
        )].map((e) => ({ e, r: (e.closest('label') ?? e).getBoundingClientRect() })) // a radio's target is its label
          .filter(({ e, r }) => r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden');
        return {
          rows: new Set(row).size,
          small: targets.filter(({ r }) => r.width < 44 || r.height < 44)
            .map(({ e, r }) => `${e.textContent.trim().slice(0, 8) || e.id} ${Math.round(r.width)}×${Math.round(r.height)}`),
          overflow: document.documentElement.scrollWidth - innerWidth,
          menu: [...document.querySelectorAll('#gk-tools :is(a, button, summary)')]
            .filter((e) => e.getBoundingClientRect().height > 0).map((e) => e.textContent.trim()),
        };
      });
      assert.equal(layout.rows, 1, 'the bar wraps');
      assert.deepEqual(layout.small, [], 'targets under 44 × 44 px');
      assert.ok(layout.overflow <= 0, `page is ${layout.overflow}px wider than the screen`);
      for (const tool of ['全文', '阅读设置', '手机扫码阅读', '打印']) {
        assert.ok(layout.menu.some((text) => text.includes(tool)), `${tool} missing from the menu: ${layout.menu}`);
      }
      await runAxe(page);
      await assertClean(page);
      await context.close();
    });
  }

  test('search opens in the bar and keeps it while results show', async () => {
    const { page, context } = await openPage(env.browser, env.server.url + '#/', PHONES[0][1]);
    await page.getByRole('button', { name: '搜索' }).click();
    const input = page.locator('#gk-search-input');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'gk-search-input');
    await input.fill('执法');
    await page.waitForFunction(() => location.hash.startsWith('#/search'));
    const shown = await bar(page);
    assert.ok(shown.height <= BAR_MAX_PX, `bar is ${shown.height}px tall while searching`);
    assert.ok(await page.locator('#gk-search-count').isVisible());
    await page.getByRole('button', { name: '收起' }).click();
    await page.waitForFunction(() => !location.hash.startsWith('#/search'));
    assert.ok((await bar(page)).titleShown, 'closing the search gives the title back');
    await assertClean(page);
    await context.close();
  });
});

describe('数说 as a picture', () => {
  test('the lead figures are linked to their sentences and rates are drawn to scale', async () => {
    const { page, context } = await openPage(env.browser, env.server.url + '#/cards', PHONES[0][1]);
    const leads = page.locator('.gk-cards-lead a.gk-lead');
    const count = await leads.count();
    assert.ok(count >= 2 && count <= 4, `${count} lead figures`);
    const first = await leads.first().getAttribute('href');
    assert.match(first, /^#\/m\/[\w.]+$/);
    // Every card with a rate bar: the bar's filled share is its value out of 100.
    const bars = await page.locator('.gk-rate').evaluateAll((svgs) => svgs.map((svg) => {
      const card = svg.closest('a');
      const number = card.querySelector('.gk-lead-number, .gk-card-number').innerText;
      const track = svg.querySelector('.gk-rate-track').getBoundingClientRect().width;
      const value = svg.querySelector('.gk-rate-value').getBoundingClientRect().width;
      return { number: Number(number.replace(/,/g, '')), share: value / track };
    }));
    assert.ok(bars.length > 0, 'no rate bars');
    for (const { number, share } of bars) {
      assert.ok(Math.abs(share - number / 100) < 0.01, `rate ${number}% drawn as ${(share * 100).toFixed(1)}%`);
    }
    await leads.first().click();
    await page.waitForFunction((href) => location.hash === href, first);
    const mark = page.locator(`[id="${first.slice(1)}"]`);
    assert.ok(await mark.isVisible(), 'the lead figure does not land on its mark in the text');
    await assertClean(page);
    await context.close();
  });

  for (const [name, viewport] of [['phone', PHONES[0][1]], ['desk', { width: 1280, height: 800 }]]) {
    test(`生成分享图 makes a PNG with the title whose QR code opens this page (${name})`, async () => {
      const { page, context } = await openPage(env.browser, env.server.url + '#/cards', viewport);
      await page.getByRole('button', { name: '生成分享图' }).click();
      const dialog = page.getByRole('dialog', { name: '分享图' });
      await dialog.waitFor({ state: 'visible' });
      const image = dialog.locator('img.gk-share-picture');
      const src = await image.getAttribute('src');
      assert.match(src, /^data:image\/png;base64,/);
      const title = await page.locator('h1.gk-title').innerText();
      assert.ok((await image.getAttribute('alt')).includes(title.trim()), 'alt text without the title');
      const size = await image.evaluate(async (img) => {
        await img.decode();
        return { width: img.naturalWidth, height: img.naturalHeight };
      });
      assert.equal(size.width, 750);
      assert.ok(size.height > size.width, `picture is ${size.width}×${size.height}, not tall`);
      assert.equal(await decodeQrPng(page, src.split(',')[1]), page.url());
      if (name === 'phone') {
        await mkdir(SHOTS, { recursive: true });
        await writeFile(join(SHOTS, 'share-image.png'), Buffer.from(src.split(',')[1], 'base64'));
      }
      // The title is drawn: white text on the accent band at the top.
      const header = await image.evaluate((img) => {
        const canvas = document.createElement('canvas');
        canvas.width = img.naturalWidth;
        canvas.height = 200;
        const context = canvas.getContext('2d');
        context.drawImage(img, 0, 0);
        const { data } = context.getImageData(0, 60, canvas.width, 100);
        let white = 0;
        for (let i = 0; i < data.length; i += 4) if (data[i] > 240 && data[i + 1] > 240 && data[i + 2] > 240) white++;
        return white / (data.length / 4);
      });
      assert.ok(header > 0.03, `only ${(header * 100).toFixed(1)}% of the title band is text`);
      const save = dialog.getByRole('link', { name: '保存图片' });
      assert.equal(await save.getAttribute('href'), src);
      assert.match(await save.getAttribute('download'), /\.png$/);
      await runAxe(page);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      await assertClean(page);
      await context.close();
    });
  }
});
