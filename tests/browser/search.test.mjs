// Search in the browser: the `/` key, results as you type, stepping through hits, the address
// round trip, pinyin, and hostile queries.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertClean, hitsMarkedByScrolling, openPage, useServedBrowser } from './harness.mjs';

const env = useServedBrowser();

const count = (page) => page.locator('#gk-search-count').innerText();
/** Hits marked in the report itself (title and text), not in the results list. */
const textHits = (page) => page.locator('.gk-title mark.gk-hit, #gk-text mark.gk-hit');

async function inViewport(locator) {
  const box = await locator.boundingBox();
  const height = await locator.page().evaluate(() => window.innerHeight);
  return box !== null && box.y >= 0 && box.y + box.height <= height;
}

describe('search', () => {
  test('/ focuses the search box from anywhere, results come as you type', async () => {
    const { page, context } = await openPage(env.browser, env.server.url);
    await page.locator('#gk-text p').first().click();
    await page.keyboard.press('/');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'gk-search-input');
    await page.keyboard.type('罚款');
    await page.locator('#gk-results').waitFor();
    const announced = await count(page);
    // Every hit is marked by the time the reader scrolls to it, and nothing else is.
    const hits = await hitsMarkedByScrolling(page);
    assert.ok(hits.length > 0, 'no hit marked');
    assert.equal(announced, `共 ${hits.length} 处`);
    for (const { text } of hits) assert.equal(text, '罚款');
    assert.equal(await page.getAttribute('#gk-search-count', 'role'), 'status');
    assert.equal(await page.evaluate(() => location.hash), '#/search?q=%E7%BD%9A%E6%AC%BE');
    await assertClean(page);
    await context.close();
  });

  test('Enter and Shift+Enter step through the hits, and the buttons too', async () => {
    const { page, context } = await openPage(env.browser, env.server.url + '#/search?q=100%25');
    const total = Number((await count(page)).match(/共 (\d+) 处/)[1]);
    assert.ok(total >= 2, `expected several hits for 100%, got ${total}`);
    await page.focus('#gk-search-input');
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('.gk-results-position').innerText(), `1 / ${total}`);
    const first = page.locator('#gk-text mark.gk-hit--current');
    assert.equal(await first.count(), 1);
    assert.ok(await inViewport(first), 'current hit scrolled into view');
    await page.keyboard.press('Shift+Enter');
    assert.equal(await page.locator('.gk-results-position').innerText(), `${total} / ${total}`);
    await page.getByRole('button', { name: '下一处' }).click();
    assert.equal(await page.locator('.gk-results-position').innerText(), `1 / ${total}`);
    await page.getByRole('button', { name: '上一处' }).click();
    assert.equal(await page.locator('.gk-results-position').innerText(), `${total} / ${total}`);
    await assertClean(page);
    await context.close();
  });

  test('choosing a result scrolls to its hit and highlights it', async () => {
    const { page, context } = await openPage(env.browser, env.server.url + '#/search?q=%E8%80%95%E5%9C%B0');
    const results = page.locator('button.gk-result');
    assert.ok((await results.count()) >= 2);
    await results.last().click();
    const current = page.locator('#gk-text mark.gk-hit--current');
    assert.equal(await current.count(), 1);
    assert.equal(await current.innerText(), '耕地');
    assert.ok(await inViewport(current));
    await assertClean(page);
    await context.close();
  });

  test('a search address reopens the same search; Esc closes it', async () => {
    const { page, context } = await openPage(env.browser, env.server.url + '#/search?q=%E5%8A%9E%E7%BB%93%E7%8E%87');
    assert.equal(await page.inputValue('#gk-search-input'), '办结率');
    assert.match(await count(page), /^共 \d+ 处$/);
    await page.reload();
    await page.locator('#gk-results').waitFor();
    assert.equal(await page.inputValue('#gk-search-input'), '办结率');
    await page.focus('#gk-search-input');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('#gk-results'));
    assert.equal(await page.evaluate(() => location.hash), '#/');
    assert.equal(await textHits(page).count(), 0);
    await assertClean(page);
    await context.close();
  });

  test('pinyin, initials and width-insensitive queries find the text', async () => {
    const { page, context } = await openPage(env.browser, env.server.url);
    for (const [query, expected] of [['gengdi', '耕地'], ['geng di', '耕地'], ['gd', '耕地'], ['（一）', '(一)']]) {
      await page.fill('#gk-search-input', query);
      await page.locator('#gk-results').waitFor();
      const marked = (await hitsMarkedByScrolling(page)).map((hit) => hit.text);
      assert.ok(marked.includes(expected), `${query}: ${marked.slice(0, 5)}`);
    }
    await assertClean(page);
    await context.close();
  });

  test('a long results list draws a screen of it with the key and the rest when the page is idle', async () => {
    const { page, context } = await openPage(env.browser, env.server.url + '#/');
    const drawn = await page.evaluate(async () => {
      const input = document.querySelector('#gk-search-input');
      input.value = '法';
      input.dispatchEvent(new InputEvent('input', { bubbles: true }));
      // The key's render runs in microtasks; a task later it has happened.
      await new Promise((done) => setTimeout(done, 0));
      return document.querySelectorAll('button.gk-result').length;
    });
    const paragraphs = await page.evaluate(() => [...document.querySelectorAll(
      '.gk-title, #gk-text p[id^="gk-p-"], #gk-text .gk-heading, #gk-text .gk-numbered, #gk-text .gk-table-wrap',
    )].filter((block) => block.textContent.includes('法')).length);
    assert.ok(paragraphs > 12, `法 is in only ${paragraphs} paragraphs`);
    assert.equal(drawn, 12, 'drawn with the key');
    assert.match(await count(page), /^共 \d+ 处$/);
    await page.locator('button.gk-result').nth(Math.min(paragraphs, 50) - 1).waitFor();
    assert.equal(await page.locator('button.gk-result').count(), Math.min(paragraphs, 50));
    await assertClean(page);
    await context.close();
  });

  test('the address follows the search once typing pauses, in one history entry', async () => {
    const { page, context } = await openPage(env.browser, env.server.url + '#/');
    const entries = await page.evaluate(() => history.length);
    await page.focus('#gk-search-input');
    await page.keyboard.type('罚款');
    // The page follows each key at once; the URL is written at the pause.
    assert.match(await count(page), /^共 \d+ 处$/);
    await page.waitForFunction(() => location.hash === '#/search?q=%E7%BD%9A%E6%AC%BE');
    assert.equal(await page.evaluate(() => history.length), entries + 1, 'one entry for the whole search');
    // Refined and cleared, still one entry: back leaves the search.
    await page.keyboard.type('x');
    await page.waitForFunction(() => location.hash === '#/search?q=%E7%BD%9A%E6%AC%BEx');
    await page.fill('#gk-search-input', '');
    await page.waitForFunction(() => location.hash === '#/');
    assert.equal(await page.evaluate(() => history.length), entries + 1);
    await page.goBack();
    await page.waitForFunction(() => location.hash === '#/' && !document.querySelector('#gk-results'));
    await assertClean(page);
    await context.close();
  });

  test('back before the pause returns to the earlier place and leaves its address alone', async () => {
    const { page, context } = await openPage(env.browser, env.server.url + '#/');
    await page.locator('#gk-outline a[href^="#/s/"]').first().click();
    await page.waitForFunction(() => location.hash.startsWith('#/s/'));
    await page.focus('#gk-search-input');
    await page.keyboard.type('罚');
    await page.evaluate(() => history.back());
    await page.waitForFunction(() => location.hash === '#/');
    await page.waitForTimeout(600);
    assert.equal(await page.evaluate(() => location.hash), '#/', 'the earlier entry was not rewritten');
    assert.equal(await page.locator('#gk-results').count(), 0, 'the search is left');
    await page.goForward();
    await page.waitForFunction(() => location.hash.startsWith('#/s/'));
    await assertClean(page);
    await context.close();
  });

  test('a query that matches nothing says so and offers what is close', async () => {
    const { page, context } = await openPage(env.browser, env.server.url + '#/search?q=%E8%80%95%E5%9C%B0%E4%BF%9D%E6%8A%A4zzz');
    assert.equal(await count(page), '没有找到“耕地保护zzz”。');
    const suggestions = await page.locator('a.gk-suggestion').allInnerTexts();
    assert.ok(suggestions.length > 0, 'no suggestion');
    await page.locator('a.gk-suggestion').first().click();
    await page.waitForFunction(() => /^共 \d+ 处$/.test(document.querySelector('#gk-search-count')?.textContent ?? ''));
    await assertClean(page);
    await context.close();
  });

  test('hostile queries from the address are shown as text, safely', async () => {
    const hostile = [
      '<script>window.__owned=1</script>',
      '<img src=x onerror="window.__owned=1">',
      '.*(+?[\\',
      '😀👩‍👩‍👧',
      '%ED%A0%80',
      'a'.repeat(10000),
    ];
    for (const query of hostile) {
      const encoded = query === '%ED%A0%80' ? query : encodeURIComponent(query);
      const { page, context } = await openPage(env.browser, env.server.url + '#/search?q=' + encoded);
      await page.locator('#gk-results').waitFor();
      assert.equal(await page.evaluate(() => window.__owned), undefined, query.slice(0, 20));
      assert.equal(await page.locator('#gk-results script, #gk-results img').count(), 0);
      assert.ok((await count(page)).length > 0);
      await assertClean(page);
      await context.close();
    }
  });
});
