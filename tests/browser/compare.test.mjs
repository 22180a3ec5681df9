// 历年对比 as a reader meets it, on a site `gongkai site` publishes from the three years of two
// offices in tests/series/: the shelf links each office to its comparison page; that page
// reads without JavaScript (a bar chart hidden from screen readers over a table that says the
// same), fits a 320 px phone, passes axe, and each value opens its figure in its own report;
// on a report's page, 数说 shows each figure's values over the years under its card. The shelf's
// filter by office and year works without JavaScript.
// Expectations come from `gongkai compare … --json` on the same files.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ROOT, assertClean, gongkai, launchChromium, openPage, runAxe, serveDir,
} from './harness.mjs';

const NARROW = { width: 320, height: 640 };
const SERIES = join(ROOT, 'tests', 'series');

let browser;
let server;
let dir;
let comparison;
let files;
before(async () => {
  files = (await readdir(SERIES)).filter((f) => f.endsWith('.txt')).sort().map((f) => join(SERIES, f));
  dir = await mkdtemp(join(tmpdir(), 'gongkai-compare-'));
  await gongkai(['site', ...files, '--out', join(dir, 'site'), '--viewer', join(ROOT, 'dist')]);
  comparison = JSON.parse(await gongkai(['compare', ...files, '--json']));
  [server, browser] = await Promise.all([serveDir(join(dir, 'site')), launchChromium()]);
});
after(async () => {
  await browser?.close();
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const slugOf = (report) => comparison.reports[report].file.split('/').pop().replace(/\.txt$/, '');
const officeOf = (series) => comparison.reports[series.values[0].report].office;
const offices = () => [...new Set(comparison.series.map(officeOf))];

/** The shelf's link to an office's comparison page. */
async function comparisonLink(page, office) {
  const link = page.locator('.gk-shelf-compare a', { hasText: `${office}：历年对比图` });
  assert.equal(await link.count(), 1, `the shelf links ${office}'s comparison page`);
  return link;
}

describe('历年对比 pages', () => {
  for (const javaScriptEnabled of [false, true]) {
    test(`each office's page holds a chart and a table per series, as gongkai compare lines them up (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      assert.ok(offices().length >= 2, 'tests/series holds two offices with series');
      const { page, context } = await openPage(browser, server.url, { javaScriptEnabled, live: false });
      try {
        for (const office of offices()) {
          await page.goto(server.url);
          await (await comparisonLink(page, office)).click();
          await page.waitForURL(/\/compare\/office-[0-9a-f]{8}\/$/);
          assert.equal((await page.locator('h1').innerText()).trim(), `${office}：历年对比`);
          const series = comparison.series.filter((s) => officeOf(s) === office);
          const sections = page.locator('section.gk-series');
          assert.equal(await sections.count(), series.length, office);
          for (const [k, s] of series.entries()) {
            const section = sections.nth(k);
            assert.equal((await section.locator('h2').innerText()).trim(), s.label);
            const chart = section.locator('svg.gk-chart');
            assert.equal(await chart.getAttribute('aria-hidden'), 'true', 'the chart is for the eye');
            assert.equal(await chart.locator('rect.gk-bar').count(), s.values.length);
            const rows = await section.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => ({
              year: tr.cells[0].textContent, raw: tr.cells[1].textContent, href: tr.querySelector('a').getAttribute('href'),
            })));
            assert.deepEqual(rows, s.values.map((v) => ({
              year: v.year ? `${v.year}年` : '年度不详',
              raw: v.raw,
              href: `../../${slugOf(v.report)}/#/m/${v.metric_id}`,
            })), `${office}: ${s.label}`);
          }
        }
        await assertClean(page);
      } finally {
        await context.close();
      }
    });
  }

  test('a value opens its figure, highlighted, in its own report', async () => {
    const s = comparison.series[0];
    const value = s.values[0];
    const { page, context } = await openPage(browser, server.url, { live: false });
    try {
      await (await comparisonLink(page, officeOf(s))).click();
      await page.locator('section.gk-series').first().locator('tbody a').first().click();
      await page.waitForURL(new RegExp(`/${slugOf(value.report)}/#/m/${value.metric_id.replace(/\./g, '\\.')}$`));
      const current = page.locator('.gk-figure--current');
      await current.waitFor({ timeout: 10000 });
      assert.equal((await current.innerText()).replace(/\s+/g, ''), value.raw.replace(/\s+/g, ''));
      await assertClean(page);
    } finally {
      await context.close();
    }
  });

  test('at 320 px the page does not scroll sideways, and axe finds nothing (phone and desk)', async () => {
    for (const viewport of [NARROW, undefined]) {
      const { page, context } = await openPage(browser, server.url, { viewport, live: false });
      try {
        await (await comparisonLink(page, offices()[0])).click();
        await page.locator('section.gk-series').first().waitFor();
        if (viewport) {
          const width = await page.evaluate(() => document.documentElement.scrollWidth);
          assert.ok(width <= viewport.width, `page is ${width} px wide`);
        }
        await runAxe(page);
        await assertClean(page);
      } finally {
        await context.close();
      }
    }
  });
});

describe('a figure card with its values over the years', () => {
  test('数说 shows each series the report is in under its card, linking to the other years', async () => {
    const report = comparison.reports.length - 1;
    const mine = comparison.series.filter((s) => s.values.some((v) => v.report === report));
    assert.ok(mine.length > 0, 'the last report has series');
    const { page, context } = await openPage(browser, `${server.url}${slugOf(report)}/#/cards`);
    try {
      await page.locator('.gk-cards').first().waitFor();
      assert.equal(await page.locator('.gk-card-history').count(), mine.length);
      for (const s of mine) {
        const own = s.values.find((v) => v.report === report);
        const history = page.locator(`#gk-card-${own.metric_id.replace(/\./g, '\\.')} + .gk-card-history`);
        const links = await history.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
        assert.deepEqual(links, s.values.filter((v) => v.report !== report)
          .map((v) => `../${slugOf(v.report)}/#/m/${v.metric_id}`), s.label);
        assert.match(await history.locator('strong').innerText(), new RegExp(own.raw));
      }
      await runAxe(page);
      await assertClean(page);
    } finally {
      await context.close();
    }
  });
});

describe('the shelf\'s filter by office and year', () => {
  /** The reports and office sections the shelf shows. */
  const shown = (page) => page.evaluate(() => ({
    items: [...document.querySelectorAll('.gk-shelf-item')].filter((li) => li.checkVisibility())
      .map((li) => li.dataset.year),
    offices: [...document.querySelectorAll('.gk-shelf-office')].filter((s) => s.checkVisibility())
      .map((s) => s.querySelector('h2').textContent),
  }));

  for (const javaScriptEnabled of [false, true]) {
    test(`narrows the list to an office, a year or both (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const { page, context } = await openPage(browser, server.url, { javaScriptEnabled, live: false });
      try {
        const all = await shown(page);
        assert.equal(all.items.length, comparison.reports.length);
        const years = [...new Set(comparison.reports.map((r) => r.year))];
        for (const year of years) {
          await page.getByRole('radio', { name: new RegExp(`^${year}年`) }).check();
          const got = await shown(page);
          const expected = comparison.reports.filter((r) => r.year === year);
          assert.deepEqual(got.items, expected.map(() => String(year)), `${year}`);
          assert.deepEqual(got.offices.sort(), [...new Set(expected.map((r) => r.office))].sort(), `${year}`);
        }
        const [office] = offices();
        await page.getByRole('radio', { name: new RegExp(`^${office}`) }).check();
        const both = await shown(page);
        assert.deepEqual(both.offices, [office]);
        assert.equal(both.items.length, comparison.reports.filter((r) => r.office === office && r.year === years.at(-1)).length);
        await page.getByRole('radio', { name: /^全部（/ }).check();
        await page.locator('#gk-filter-year-all').check();
        assert.equal((await shown(page)).items.length, comparison.reports.length);
        await assertClean(page);
      } finally {
        await context.close();
      }
    });
  }

  test('is reachable by keyboard, fits 320 px and passes axe', async () => {
    const { page, context } = await openPage(browser, server.url, { viewport: NARROW, live: false });
    try {
      await page.locator('#gk-filter-year-all').focus();
      await page.keyboard.press('ArrowRight');
      const checked = await page.evaluate(() => document.activeElement.id);
      assert.notEqual(checked, 'gk-filter-year-all', 'arrow keys move through the years');
      assert.ok(await page.locator(`#${checked}`).isChecked());
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= NARROW.width, `shelf is ${width} px wide`);
      await runAxe(page);
      await assertClean(page);
    } finally {
      await context.close();
    }
  });
});

describe('screenshots', () => {
  const SHOTS = process.env.UPDATE_SCREENSHOTS === '1' ? join(ROOT, 'docs') : join(ROOT, 'target', 'screenshots');
  test(`of a 历年对比 page and the filtered shelf, into ${SHOTS}`, async () => {
    await mkdir(SHOTS, { recursive: true });
    const { page, context } = await openPage(browser, server.url, { viewport: { width: 360, height: 740 }, live: false });
    try {
      await page.locator('#gk-filter-year-all').waitFor();
      await page.getByRole('radio', { name: /^2023年/ }).check();
      await page.screenshot({ path: join(SHOTS, 'shelf-phone.png') });
      await (await comparisonLink(page, offices()[0])).click();
      await page.locator('section.gk-series').first().waitFor();
      await page.evaluate(() => document.fonts.ready);
      await page.screenshot({ path: join(SHOTS, 'compare-phone.png'), fullPage: false });
    } finally {
      await context.close();
    }
  });
});
