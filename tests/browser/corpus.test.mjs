// A 1 MB report in one page: every report of the repository gathered (as the search benchmark
// does), published with `gongkai site`, opened in Chromium. Search there must count what a
// reader can count: each query's hits equal its occurrences in the page's text, every hit is
// marked, and the results list shows its first 50 paragraphs with the rest on request.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ROOT, assertClean, gongkai, hitsOnScreen, launchChromium, serveDir, waitLive, watchPage,
  watchedContext,
} from './harness.mjs';

const TARGET_CHARS = 1_200_000;
// Everyday words, plain simplified characters (so that the page's own text is the oracle).
const QUERIES = ['罚款', '行政执法', '信息公开', '12345'];

const env = {};

/** The UTF-8 reports of reports/ and tests/reports/, repeated to 1.2 million characters (the search benchmark's corpus). */
async function corpusText() {
  const bodies = [];
  for (const dir of ['reports', 'tests/reports']) {
    for (const name of (await readdir(join(ROOT, dir))).filter((n) => n.endsWith('.txt')).sort()) {
      try {
        const text = new TextDecoder('utf-8', { fatal: true }).decode(await readFile(join(ROOT, dir, name)));
        bodies.push(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));
      } catch {
        // GBK and UTF-16 files: their text is in the corpus through the UTF-8 ones.
      }
    }
  }
  const parts = [];
  for (let n = 0, size = 0; size < TARGET_CHARS; n++) {
    parts.push(bodies[n % bodies.length]);
    size += bodies[n % bodies.length].length;
  }
  return `报告汇编\n${parts.join('\n')}`;
}

before(async () => {
  env.dir = await mkdtemp(join(tmpdir(), 'gongkai-corpus-'));
  const file = join(env.dir, 'corpus.txt');
  await writeFile(file, await corpusText());
  await gongkai(['site', file, '--out', join(env.dir, 'site')]);
  env.server = await serveDir(join(env.dir, 'site'), { needs: ['corpus/index.html'] });
  env.browser = await launchChromium();
});

after(async () => {
  await env.browser?.close();
  await env.server?.close();
  if (env.dir) await rm(env.dir, { recursive: true, force: true });
});

/** The corpus page opened at `hash` in a new context, once the viewer runs (unless `live` is false). */
async function openCorpus(hash = '', { live = true } = {}) {
  const context = await watchedContext(env.browser, { viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  watchPage(page);
  await page.goto(`${env.server.url}corpus/${hash}`);
  if (live) await waitLive(page, 120000);
  return { page, context };
}

describe('a 1 MB report in one page', () => {
  test('search counts every hit, marks those on screen, and lists the first 50 paragraphs', async () => {
    const { page, context } = await openCorpus();
    const chars = await page.evaluate(() => document.querySelector('#gk-text').textContent.length);
    assert.ok(chars > 1_000_000, `the page holds ${chars} characters of text`);
    const input = page.locator('#gk-search-input');
    for (const query of QUERIES) {
      const expected = await page.evaluate((q) => {
        const text = document.querySelector('.gk-title').textContent + document.querySelector('#gk-text').textContent;
        return text.split(q).length - 1;
      }, query);
      assert.ok(expected > 50, `"${query}" occurs only ${expected} times; the corpus is too small to test`);
      await input.fill(query);
      await page.waitForFunction((q) => new URLSearchParams(location.hash.split('?')[1]).get('q') === q, query);
      await page.locator('#gk-search-count').filter({ hasText: /共 \d+ 处/ }).waitFor({ timeout: 60000 });
      assert.equal(await page.locator('#gk-search-count').innerText(), `共 ${expected} 处`, `count for "${query}"`);
      // Hits are marked where the reader is (the text at the top, halfway, at the end), all
      // of them there, and not across the whole megabyte at each key.
      for (const at of [0, 0.5, 0.98]) {
        await page.evaluate((f) => scrollTo(0, f * document.documentElement.scrollHeight), at);
        await page.waitForTimeout(100);
        const screen = await hitsOnScreen(page, query);
        assert.equal(screen.marked, screen.occurring, `"${query}" at ${at * 100}% of the page: hits marked on screen`);
      }
      const marked = await page.locator('.gk-title mark.gk-hit, #gk-text mark.gk-hit').count();
      assert.ok(marked < expected / 4, `"${query}": ${marked} of ${expected} hits marked at once`);
      await page.evaluate(() => scrollTo(0, 0));
      // The results list: the first 50 paragraphs with a hit, the rest on request.
      const paragraphs = await page.evaluate((q) => [...document.querySelectorAll(
        '#gk-text p[id^="gk-p-"], #gk-text .gk-heading, #gk-text .gk-numbered',
      )].filter((block) => block.textContent.includes(q)).length, query);
      await page.locator('button.gk-result').nth(Math.min(paragraphs, 50) - 1).waitFor();
      assert.equal(await page.locator('button.gk-result').count(), Math.min(paragraphs, 50), `results listed for "${query}"`);
      if (paragraphs > 50) {
        assert.equal(await page.locator('.gk-results-more').innerText(), `还有 ${paragraphs - 50} 段，继续显示`);
      }
    }
    await assertClean(page);
    await context.close();
  });

  test('a deep link far into the page lands at its heading, though far sections are skipped', async () => {
    const first = await openCorpus('', { live: false });
    assert.equal(await first.page.locator('#gk-text.gk-text--long').count(), 1, 'the long text is marked for skipping');
    const id = await first.page.evaluate(() => {
      const heads = document.querySelectorAll('#gk-text > section > .gk-heading');
      return heads[Math.floor(heads.length * 0.8)].dataset.section;
    });
    await first.context.close();
    // Opened afresh, as a link from a chat would be.
    const { page, context } = await openCorpus(`#/s/${id}`);
    const heading = page.locator(`[id="gk-s-${id}"]`);
    await page.waitForFunction((sel) => {
      const top = document.querySelector(sel).getBoundingClientRect().top;
      return top >= 0 && top < 200;
    }, `[id="gk-s-${id}"]`, { timeout: 10000 });
    assert.ok(await heading.isVisible());
    await assertClean(page);
    await context.close();
  });

  test('far sections, skipped on screen, are reached from the outline by screen readers, and printed', async () => {
    const { page, context } = await openCorpus();
    // A paragraph near the end, far below the screen: its section may be skipped. (Measuring
    // it would lay it out, so the test reads the style that lets the browser skip it.)
    const far = await page.evaluate(() => {
      const paragraphs = document.querySelectorAll('#gk-text > section p[id^="gk-p-"]');
      const p = paragraphs[Math.floor(paragraphs.length * 0.9)];
      const top = p.closest('#gk-text > section');
      return { id: p.id, section: p.closest('section').firstElementChild.dataset.section, skipped: getComputedStyle(top).contentVisibility };
    });
    assert.equal(far.skipped, 'auto');
    const cdp = await context.newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('Accessibility.enable');
    const ax = async (selector) => {
      const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
      const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
      const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
      return nodes[0];
    };
    // Chromium leaves a skipped section out of the accessibility tree; the outline, never
    // skipped, links to it, and following the link brings it in.
    const link = `#gk-outline a[href="#/s/${far.section}"]`;
    assert.equal((await ax(link)).ignored, false, 'the outline links to the far section');
    await page.locator(link).evaluate((a) => a.click());
    await page.waitForFunction((id) => {
      const top = document.getElementById(id).getBoundingClientRect().top;
      return top > -800 && top < 1600;
    }, far.id);
    await page.waitForTimeout(200);
    assert.equal((await ax(`[id="${far.id}"]`)).ignored, false, 'followed, the far paragraph is read');
    // Print: no section is skipped.
    await page.emulateMedia({ media: 'print' });
    assert.deepEqual(await page.evaluate(() => [...new Set([...document.querySelectorAll('#gk-text > section')]
      .map((section) => getComputedStyle(section).contentVisibility))]), ['visible']);
    await assertClean(page);
    await context.close();
  });
});
