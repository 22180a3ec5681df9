// The first page: the real report's page of the site loads cleanly, titled, and fits a phone.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { REAL_REPORT, ROOT, assertClean, openPage, useServedBrowser } from './harness.mjs';

const env = useServedBrowser();

/** The lines of the report file the page was published from. */
async function reportLines() {
  const text = await readFile(REAL_REPORT, 'utf8');
  return text.split(/\r\n|\r|\n/).map((line) => line.trim()).filter(Boolean);
}

describe('the viewer page', () => {
  test('loads with no console error, no CSP violation and no request off 127.0.0.1', async () => {
    const { page, context } = await openPage(env.browser, env.server.url);
    await page.waitForLoadState('networkidle');
    await assertClean(page);
    await context.close();
  });

  test('is zh-CN and shows the report title in its only <h1>, also as the document title', async () => {
    const { page, context } = await openPage(env.browser, env.server.url);
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
    assert.equal(await page.locator('h1').count(), 1);
    const title = (await page.locator('h1').innerText()).trim();
    assert.ok((await reportLines()).includes(title), `h1 "${title}" is not a line of the report`);
    assert.equal(await page.title(), title);
    await context.close();
  });

  test('shows the report body as paragraphs, in the order of the file', async () => {
    const { page, context } = await openPage(env.browser, env.server.url);
    const shown = await page.locator('#gk-text p').allInnerTexts();
    assert.ok(shown.length > 0, 'no paragraphs rendered');
    // Compared without white space: enumeration items (一是…二是…) are laid out as lines.
    const squeeze = (s) => s.replace(/\s+/g, '');
    const text = squeeze((await reportLines()).join(''));
    let cursor = 0;
    for (const paragraph of shown.map(squeeze)) {
      const found = text.indexOf(paragraph, cursor);
      assert.ok(found >= cursor, `paragraph out of order or not in the file: ${paragraph.slice(0, 40)}`);
      cursor = found + paragraph.length;
    }
    await context.close();
  });

  for (const width of [360, 320]) {
    test(`has no horizontal overflow at ${width} px wide`, async () => {
      const { page, context } = await openPage(env.browser, env.server.url, { width, height: 740 });
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
      }));
      assert.ok(scrollWidth <= clientWidth, `page is ${scrollWidth}px wide in a ${clientWidth}px viewport`);
      if (width === 360) {
        // For a look at the first page; the README's screenshots come from reader.test.mjs.
        const dir = join(ROOT, 'target', 'screenshots');
        await mkdir(dir, { recursive: true });
        await page.screenshot({ path: join(dir, 'screenshot-phone.png') });
      }
      await context.close();
    });
  }
});
