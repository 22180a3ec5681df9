// The shelf's search across every report (全库检索), on the test site (reports/ and
// tests/reports/): absent without JavaScript; with it, nothing is fetched until the box is
// used; each keystroke lists the reports with hits, each report's count equal to what its own
// page's search finds (same rules: Traditional, width, pinyin); a snippet opens its report at
// that hit; ?q= reopens a search; axe finds nothing and a 320 px phone does not scroll sideways.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ROOT, REAL_REPORT, REAL_SLUG, assertClean, gongkai, openPage, runAxe, serveDir, useServedBrowser,
} from './harness.mjs';

const env = useServedBrowser();
const NARROW = { width: 320, height: 640 };

/** The shelf's announced count, once it says something for the current query. */
async function shelfCount(page) {
  await page.waitForFunction(() => /在 \d+ 篇报告中找到 \d+ 处|没有找到/.test(
    document.querySelector('#gk-shelf-count')?.textContent ?? ''));
  return page.locator('#gk-shelf-count').innerText();
}

/** Each listed report: its folder (from its link) and its count. */
const listed = (page) => page.locator('.gk-shelf-hit').evaluateAll((items) => items.map((li) => ({
  slug: li.querySelector('.gk-shelf-hit-title a').getAttribute('href').split('/')[0],
  count: Number(li.querySelector('.gk-shelf-meta').textContent.match(/(\d+) 处$/)[1]),
})));

/** What a report's own page finds for `query`: the number of hits its search announces. */
async function ownCount(browser, root, slug, query) {
  const { page, context } = await openPage(browser, `${root}${slug}/#/search?q=${encodeURIComponent(query)}`);
  await page.waitForFunction(() => /^共 \d+ 处$|^没有找到/.test(document.querySelector('#gk-search-count')?.textContent ?? ''));
  const text = await page.locator('#gk-search-count').innerText();
  await context.close();
  return /^共 (\d+) 处$/.test(text) ? Number(text.match(/\d+/)[0]) : 0;
}

describe('search across every report on the shelf', () => {
  test('without JavaScript the box is absent and the shelf is whole', async () => {
    const { page, context } = await openPage(env.browser, env.server.root, { javaScriptEnabled: false, live: false });
    assert.equal(await page.locator('#gk-shelf-search').isVisible(), false);
    assert.ok(await page.locator('.gk-shelf-item').count() >= 10, 'every report listed');
    await context.close();
  });

  test('nothing is fetched until the box is used; each report counts what its own search finds', async () => {
    const { page, context } = await openPage(env.browser, env.server.root, { live: false });
    const fetched = [];
    page.on('request', (r) => { if (/\/search-[0-9a-f]{8}\.bin$/.test(r.url())) fetched.push(r.url()); });
    const box = page.locator('#gk-shelf-q');
    await box.waitFor({ state: 'visible' });
    await page.waitForTimeout(1500);
    assert.deepEqual(fetched, [], 'the search text waits for the box to be used');
    await box.click();
    // Typed as a reader does, a key at a time.
    await box.pressSequentially('行政复议', { delay: 30 });
    const said = await shelfCount(page);
    assert.equal(fetched.length, 1, 'one file, once');
    const reports = await listed(page);
    assert.ok(reports.length >= 2, `行政复议 is in several reports: ${said}`);
    const total = reports.reduce((sum, r) => sum + r.count, 0);
    assert.equal(said, `在 ${reports.length} 篇报告中找到 ${total} 处`);
    // The address follows the box once typing pauses (300 ms), not at every key.
    await page.waitForFunction((q) => location.search === q, `?q=${encodeURIComponent('行政复议')}`);
    for (const { slug, count } of reports.slice(0, 4)) {
      assert.equal(count, await ownCount(env.browser, env.server.root, slug, '行政复议'), slug);
    }
    // The same rules as in a report: Traditional and full-width forms, pinyin initials.
    for (const query of ['行政復議', 'xzfy']) {
      await box.fill(query);
      assert.equal(await shelfCount(page), said, query);
    }
    await assertClean(page);
    await context.close();
  });

  test('a snippet opens its report at that hit', async () => {
    const { page, context } = await openPage(env.browser, `${env.server.root}?q=${encodeURIComponent('罚款')}`, { live: false });
    await shelfCount(page);
    const link = page.locator('a.gk-result[href*="&at="]').filter({ has: page.locator('mark') }).nth(1);
    const href = await link.getAttribute('href');
    const at = decodeURIComponent(href.match(/&at=([^&]+)/)[1]);
    await link.click();
    await page.waitForURL((url) => url.hash.includes('at='));
    const current = page.locator('#gk-text mark.gk-hit--current, .gk-title mark.gk-hit--current');
    await current.waitFor();
    assert.equal(await current.innerText(), '罚款');
    const block = await current.evaluate((mark) => mark.closest('[id^="gk-p-"], [id^="/s/"]')?.id);
    assert.ok(block === `gk-p-${at}` || at.endsWith('.t'), `the hit in block ${at}, found in ${block}`);
    const box = await current.boundingBox();
    const height = await page.evaluate(() => innerHeight);
    assert.ok(box && box.y >= 0 && box.y + box.height <= height, 'the hit is in view');
    // Back on the shelf, the search is still there.
    await page.goBack();
    await page.waitForURL((url) => url.search.includes('q='));
    assert.match(await shelfCount(page), /在 \d+ 篇报告中找到 \d+ 处/);
    await assertClean(page);
    await context.close();
  });

  test('nothing found says so and offers what matches', async () => {
    const { page, context } = await openPage(env.browser, `${env.server.root}?q=${encodeURIComponent('行政复议 火星')}`, { live: false });
    assert.equal(await shelfCount(page), '没有找到“行政复议 火星”。');
    const suggestion = page.locator('button.gk-suggestion').first();
    const text = await suggestion.innerText();
    await suggestion.click();
    assert.equal(await page.locator('#gk-shelf-q').inputValue(), text);
    assert.match(await shelfCount(page), /在 \d+ 篇报告中找到 \d+ 处/);
    await assertClean(page);
    await context.close();
  });

  test('a suggestion chosen before the typing pause is what the address keeps', async () => {
    const { page, context } = await openPage(env.browser, env.server.root, { live: false });
    const box = page.locator('#gk-shelf-q');
    await box.click();
    await box.pressSequentially('行政', { delay: 20 });
    await shelfCount(page);
    // The text is loaded: now a query that finds nothing, and its suggestion at once.
    await box.fill('');
    await box.pressSequentially('行政复议 火星', { delay: 10 });
    const suggestion = page.locator('button.gk-suggestion').first();
    const chosen = await suggestion.innerText();
    await suggestion.click();
    await page.waitForTimeout(600);
    assert.equal(await page.evaluate(() => location.search), `?q=${encodeURIComponent(chosen)}`);
    assert.equal(await box.inputValue(), chosen);
    await assertClean(page);
    await context.close();
  });

  test('results pass axe and fit a 320 px phone', async () => {
    const { page, context } = await openPage(env.browser, `${env.server.root}?q=${encodeURIComponent('法')}`, { viewport: NARROW, live: false });
    await shelfCount(page);
    assert.ok(await page.locator('.gk-shelf-hit').count() > 0);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    assert.ok(overflow <= 0, `the shelf scrolls sideways by ${overflow}px`);
    await runAxe(page);
    await assertClean(page);
    await context.close();
  });

  test('a site of word-for-word copies gets its search text as gzipped JSON, searched the same', async () => {
    // The test site's text is packed (search-<hash>.bin); copies of one report are gzip's
    // case, so `gongkai site` writes JSON there, and the shelf must read either.
    assert.ok((await readdir(join(ROOT, 'site'))).some((f) => /^search-[0-9a-f]{8}\.bin$/.test(f)));
    const dir = await mkdtemp(join(tmpdir(), 'gongkai-shelf-json-'));
    try {
      const copies = [1, 2, 3, 4, 5, 6].map((i) => join(dir, `copy-${i}.txt`));
      await Promise.all(copies.map((to) => copyFile(REAL_REPORT, to)));
      await gongkai(['site', ...copies, '--out', join(dir, 'site'), '--viewer', join(ROOT, 'dist')]);
      const files = await readdir(join(dir, 'site'));
      assert.ok(files.some((f) => /^search-[0-9a-f]{8}\.json$/.test(f)), files.join(' '));
      assert.ok(!files.some((f) => f.endsWith('.bin')), files.join(' '));
      const server = await serveDir(join(dir, 'site'));
      try {
        const { page, context } = await openPage(env.browser, `${server.url}?q=${encodeURIComponent('行政复议')}`, { live: false });
        const said = await shelfCount(page);
        const reports = await listed(page);
        const own = await ownCount(env.browser, env.server.root, REAL_SLUG, '行政复议');
        assert.ok(own > 0);
        assert.deepEqual(reports.map((r) => r.count), [own, own, own, own, own, own]);
        assert.equal(said, `在 6 篇报告中找到 ${6 * own} 处`);
        await assertClean(page);
        await context.close();
      } finally {
        await server.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
