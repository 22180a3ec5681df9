// 手机扫码阅读: the QR code in the page decodes (with npm's jsqr, from a real screenshot) to
// the exact address being read, follows the reader, copies, and prints.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  REAL_SLUG, SITE, assertClean, decodeScreenshot, openPage, serveSite, showTools, useServedBrowser, waitLive,
} from './harness.mjs';

const env = useServedBrowser();

async function openShare(page) {
  await showTools(page);
  await page.getByRole('button', { name: '手机扫码阅读' }).click();
  const dialog = page.locator('dialog.gk-share');
  await dialog.waitFor({ state: 'visible' });
  return dialog;
}

describe('share', () => {
  test('the QR code of a deep link decodes to the page address, and follows the reader', async () => {
    const { page, context } = await openPage(env.browser, env.server.url + '#/s/1');
    const dialog = await openShare(page);
    assert.equal(await dialog.getAttribute('aria-labelledby'), 'gk-share-title');
    const box = await dialog.locator('svg.gk-qr').boundingBox();
    assert.ok(box.width >= 160 && box.height >= 160, `QR is ${box.width}×${box.height}px`);
    const first = await decodeScreenshot(page, dialog.locator('.gk-qr-frame'));
    assert.equal(first, page.url());
    assert.equal(await dialog.locator('#gk-share-address').inputValue(), page.url());
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    await page.locator('nav.gk-views a[href="#/cards"]').click();
    await page.waitForFunction(() => location.hash === '#/cards');
    await openShare(page);
    const second = await decodeScreenshot(page, dialog.locator('.gk-qr-frame'));
    assert.equal(second, page.url());
    assert.notEqual(second, first);
    await assertClean(page);
    await context.close();
  });

  test('a search with Chinese in the address fits and decodes exactly', async () => {
    const { page, context } = await openPage(env.browser, env.server.url + '#/search?q=%E7%BD%9A%E6%AC%BE%20%E5%8A%9E%E7%BB%93%E7%8E%87');
    const dialog = await openShare(page);
    assert.equal(await decodeScreenshot(page, dialog.locator('.gk-qr-frame')), page.url());
    await assertClean(page);
    await context.close();
  });

  test('an address past the capacity of a QR code is said so, not drawn broken', async () => {
    const long = 'a'.repeat(3000);
    const { page, context } = await openPage(env.browser, env.server.url + '#/search?q=' + long);
    const dialog = await openShare(page);
    assert.equal(await dialog.locator('svg.gk-qr').count(), 0);
    assert.match(await dialog.locator('.gk-qr-problem').innerText(), /太长/);
    await assertClean(page);
    await context.close();
  });

  test('复制链接 copies with the Clipboard API and confirms it', async () => {
    const { page, context } = await openPage(env.browser, env.server.url + '#/cards');
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.url });
    const dialog = await openShare(page);
    await dialog.getByRole('button', { name: '复制链接' }).click();
    await page.waitForFunction(() => document.querySelector('.gk-share-status')?.textContent === '已复制');
    assert.equal(await dialog.locator('.gk-share-status').getAttribute('role'), 'status');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), page.url());
    await assertClean(page);
    await context.close();
  });

  test('without the Clipboard API the address is selected for copying by hand', async () => {
    const context = await env.browser.newContext({ viewport: { width: 360, height: 740 } });
    await context.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined, configurable: true });
      document.execCommand = () => false;
    });
    const page = await context.newPage();
    await page.goto(env.server.url + '#/s/1');
    await waitLive(page);
    const dialog = await openShare(page);
    await dialog.getByRole('button', { name: '复制链接' }).click();
    await page.waitForFunction(() => (document.querySelector('.gk-share-status')?.textContent ?? '').length > 0);
    const selection = await page.evaluate(() => {
      const input = document.querySelector('#gk-share-address');
      return { focused: document.activeElement === input, start: input.selectionStart, end: input.selectionEnd, length: input.value.length };
    });
    assert.deepEqual(selection, { focused: true, start: 0, end: selection.length, length: selection.length });
    assert.notEqual(await dialog.locator('.gk-share-status').innerText(), '已复制');
    await context.close();
  });

  test('the printout carries its own QR code of the address', async () => {
    const { page, context } = await openPage(env.browser, env.server.url + '#/s/1');
    await page.emulateMedia({ media: 'print' });
    const printed = page.locator('.gk-print-address');
    assert.ok(await printed.isVisible());
    assert.equal(await decodeScreenshot(page, printed.locator('svg.gk-qr')), page.url());
    await assertClean(page);
    await context.close();
  });

  test('during a search, sharing gives the search and the printout the report; the dialog draws its code only while open', async () => {
    const { page, context } = await openPage(env.browser, env.server.url + '#/search?q=%E6%89%A7%E6%B3%95');
    assert.equal(await page.locator('dialog.gk-share svg.gk-qr').count(), 0, 'a closed dialog holds a QR code');
    const dialog = await openShare(page);
    assert.equal(await decodeScreenshot(page, dialog.locator('.gk-qr-frame')), page.url());
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    // The dialog's `close` event comes as a task after it is hidden; the code goes with it.
    await page.locator('dialog.gk-share svg.gk-qr').waitFor({ state: 'detached', timeout: 2000 });
    await page.emulateMedia({ media: 'print' });
    const printed = page.locator('.gk-print-address');
    const report = page.url().replace(/#.*$/, '#/');
    assert.equal(await decodeScreenshot(page, printed.locator('svg.gk-qr')), report);
    assert.ok((await printed.innerText()).includes(report));
    await assertClean(page);
    await context.close();
  });

  test('a portal can set the public address the QR code and links use', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gongkai-site-'));
    await cp(SITE, dir, { recursive: true });
    const index = join(dir, REAL_SLUG, 'index.html');
    const html = await readFile(index, 'utf8');
    const base = 'https://portal.example.gov.cn/xxgk/2024/fzbg/';
    await writeFile(index, html.replace('<head>', `<head><meta name="gongkai:base-url" content="${base}">`));
    const other = await serveSite(dir);
    try {
      const { page, context } = await openPage(env.browser, other.url + '#/s/1');
      const dialog = await openShare(page);
      assert.equal(await decodeScreenshot(page, dialog.locator('.gk-qr-frame')), `${base}#/s/1`);
      await assertClean(page);
      await context.close();
    } finally {
      await other.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
