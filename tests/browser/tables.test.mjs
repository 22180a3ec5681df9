// Tables of a saved portal page (tests/pages/disclosure-2023.html, the national template's three
// disclosure tables with spanning headers) as its site page shows them: the same shape and
// headers as `gongkai parse` reads, with and without JavaScript; readable on a 320 px phone (the
// table scrolls in its own box, its first column stays in view); search hits inside cells marked
// and counted; a figure from a cell reachable by its address; printable; axe-core clean.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  ROOT, assertClean, hitsMarkedByScrolling, openPage, parseReport, runAxe, useServedBrowser,
} from './harness.mjs';

const env = useServedBrowser();
const SLUG = 'disclosure-2023';
const FILE = join(ROOT, 'tests', 'pages', `${SLUG}.html`);
const NARROW = { width: 320, height: 640 };

let report;
let tables;
before(async () => {
  report = await parseReport(FILE);
  const sections = [];
  const walk = (list) => list.forEach((s) => { sections.push(s); walk(s.children ?? []); });
  walk(report.sections);
  tables = sections.flatMap((s) => s.paragraphs.filter((p) => p.kind === 'table'));
  assert.ok(tables.length >= 3, `${FILE} should hold the template's three tables`);
});

const pageUrl = (hash = '') => `${env.server.root}${SLUG}/${hash}`;

/** Each table as the page shows it: rows of { tag, text, rowspan, colspan, scope }. */
function shownTables(page) {
  return page.locator('main table.gk-table').evaluateAll((list) => list.map((table) => [...table.rows].map(
    (row) => [...row.cells].map((cell) => ({
      tag: cell.tagName.toLowerCase(),
      text: cell.textContent.replace(/\s+/g, ''),
      rowspan: cell.rowSpan,
      colspan: cell.colSpan,
      scope: cell.getAttribute('scope'),
    })),
  )));
}

/** Occurrences of `query` in every text of the report (title, preamble, headings, cells). */
function occurrences(query) {
  const texts = [report.title, ...(report.preamble ?? []).map((p) => p.text)];
  const walk = (list) => list.forEach((s) => {
    texts.push(`${s.number}${s.title}`);
    for (const p of s.paragraphs) {
      if (p.kind === 'table') texts.push(...p.rows.flat().map((c) => c.text));
      else texts.push(p.text);
    }
    walk(s.children ?? []);
  });
  walk(report.sections);
  return texts.reduce((n, text) => n + (text ?? '').split(query).length - 1, 0);
}

describe('tables of a saved portal page', () => {
  for (const javaScriptEnabled of [false, true]) {
    test(`every cell, span and header as gongkai parse reads them (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const { page, context } = await openPage(env.browser, pageUrl(), { javaScriptEnabled, live: javaScriptEnabled });
      try {
        const shown = await shownTables(page);
        assert.equal(shown.length, tables.length, 'tables');
        for (const [t, table] of tables.entries()) {
          const expected = table.rows.map((row) => row.map((cell) => ({
            tag: cell.header ? 'th' : 'td',
            text: cell.text.replace(/\s+/g, ''),
            rowspan: cell.rowspan,
            colspan: cell.colspan,
          })));
          const got = shown[t].map((row) => row.map(({ scope, ...cell }) => cell));
          assert.deepEqual(got, expected, `table ${table.id}`);
          for (const cell of shown[t].flat().filter((c) => c.tag === 'th')) {
            assert.ok(['col', 'row'].includes(cell.scope), `th "${cell.text}" of ${table.id} has scope ${cell.scope}`);
          }
        }
        // Each table scrolls in a box a keyboard can reach and a screen reader names.
        const boxes = await page.locator('main .gk-table-wrap').evaluateAll((list) => list.map((box) => ({
          role: box.getAttribute('role'), label: box.getAttribute('aria-label'), tabindex: box.tabIndex,
        })));
        for (const box of boxes) {
          assert.equal(box.role, 'region');
          assert.ok(box.label, 'the table box has a name');
          assert.equal(box.tabindex, 0);
        }
        await assertClean(page);
      } finally {
        await context.close();
      }
    });
  }

  test('at 320 px the page does not scroll sideways; a wide table scrolls in its box with its first column in view', async () => {
    const { page, context } = await openPage(env.browser, pageUrl(), { viewport: NARROW });
    try {
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= NARROW.width, `page is ${width} px wide at ${NARROW.width} px`);
      const box = page.locator('main .gk-table-wrap').nth(tables.length - 1);
      await box.scrollIntoViewIfNeeded();
      const measured = await box.evaluate((wrap) => {
        const before = { scroll: wrap.scrollWidth, client: wrap.clientWidth };
        const row = [...wrap.querySelectorAll('tr')].at(-1);
        wrap.scrollLeft = wrap.scrollWidth;
        const boxLeft = wrap.getBoundingClientRect().left;
        const first = row.cells[0].getBoundingClientRect();
        const last = row.cells[row.cells.length - 1].getBoundingClientRect();
        return { ...before, scrolled: wrap.scrollLeft, boxLeft, firstLeft: first.left, lastRight: last.right, boxRight: wrap.getBoundingClientRect().right };
      });
      assert.ok(measured.scroll > measured.client, `the widest table (${measured.scroll} px) should scroll in its ${measured.client} px box`);
      assert.ok(measured.scrolled > 0, 'the box scrolls');
      assert.ok(Math.abs(measured.firstLeft - measured.boxLeft) <= 1, `first column at ${measured.firstLeft}, box at ${measured.boxLeft}`);
      assert.ok(measured.lastRight <= measured.boxRight + 1, 'the last column comes into view');
      // Keyboard: the box takes focus and arrow keys scroll it.
      await box.evaluate((wrap) => { wrap.scrollLeft = 0; });
      await box.focus();
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction((el) => el.scrollLeft > 0, await box.elementHandle(), { timeout: 3000 });
      await assertClean(page);
    } finally {
      await context.close();
    }
  });

  test('search marks and counts hits inside cells', async () => {
    // Words of the template's table headers; their counts come from the parsed report.
    const queries = ['自然人', '行政复议', '不予公开'].filter((q) => occurrences(q) > 0);
    assert.ok(queries.length >= 2, 'the page should hold the template\'s header words');
    const { page, context } = await openPage(env.browser, pageUrl());
    try {
      for (const query of queries) {
        await page.goto(pageUrl(`#/search?q=${encodeURIComponent(query)}`));
        const expected = occurrences(query);
        await page.locator('#gk-search-count').filter({ hasText: `共 ${expected} 处` }).waitFor({ timeout: 5000 });
        // Every hit is marked once the reader scrolls to it (the results list's own quotes
        // of the hits are not counted).
        const hits = await hitsMarkedByScrolling(page);
        const inCells = hits.filter((hit) => hit.cell).length;
        const inText = hits.length;
        const cellsWithQuery = tables.flatMap((t) => t.rows.flat()).reduce((n, c) => n + c.text.split(query).length - 1, 0);
        assert.ok(cellsWithQuery > 0, `${query} is in some cell`);
        assert.equal(inCells, cellsWithQuery, `${query}: hits marked in cells`);
        assert.equal(inText, expected, `${query}: hits marked in the text`);
      }
      await assertClean(page);
    } finally {
      await context.close();
    }
  });

  test('a figure from a cell opens at its cell, highlighted', async () => {
    const inTable = report.metrics.filter((m) => tables.some((t) => t.id === m.paragraph));
    assert.ok(inTable.length > 0, 'the tables give figures');
    const metric = inTable[Math.floor(inTable.length / 2)];
    const { page, context } = await openPage(env.browser, pageUrl(`#/m/${metric.id}`), { viewport: NARROW });
    try {
      const current = page.locator('main table .gk-figure--current');
      await current.waitFor({ timeout: 5000 });
      assert.equal((await current.innerText()).replace(/\s+/g, ''), metric.raw.replace(/\s+/g, ''));
      // It is in view, horizontally too (the table box scrolled to it).
      await page.waitForFunction(() => {
        const el = document.querySelector('main table .gk-figure--current');
        const box = el.closest('.gk-table-wrap').getBoundingClientRect();
        const r = el.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= innerHeight && r.left >= box.left - 1 && r.right <= box.right + 1;
      }, null, { timeout: 5000 });
      await assertClean(page);
    } finally {
      await context.close();
    }
  });

  test('printed, tables are whole: no box cuts them', async () => {
    const { page, context } = await openPage(env.browser, pageUrl());
    try {
      await page.emulateMedia({ media: 'print' });
      const clipped = await page.locator('main .gk-table-wrap').evaluateAll((list) => list
        .filter((box) => getComputedStyle(box).overflowX !== 'visible').length);
      assert.equal(clipped, 0, 'table boxes that would clip in print');
    } finally {
      await context.close();
    }
  });

  for (const [view, hash, viewport] of [['text', '#/', NARROW], ['text', '#/', undefined], ['cards', '#/cards', NARROW]]) {
    test(`axe-core: no violations, ${view} view${viewport ? ' at 320 px' : ', desk'}`, async () => {
      const { page, context } = await openPage(env.browser, pageUrl(hash), { viewport });
      try {
        if (view === 'cards') await page.locator('.gk-cards').first().waitFor();
        await runAxe(page);
      } finally {
        await context.close();
      }
    });
  }
});
