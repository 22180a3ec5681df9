// Search speed in the browser: time from an input event until the app has rendered and the
// task queue has drained, per keystroke, measured with performance.now() inside the page over
// a fixed list of queries typed character by character. Usage:
// node benches/search-browser.mjs SITE_DIR PAGE [LABEL] [mixed|everyday]
// (PAGE: a report's folder in a site `gongkai site` wrote). `mixed` (the default): queries of
// every kind the search reads (numbers, signs, pinyin, Traditional, two words); `everyday`: the
// ten queries issue 17 names, as a reader types them.
import { launchChromium, openPage, serveDir } from '../tests/browser/harness.mjs';
import { resolve } from 'node:path';

const LISTS = {
  mixed: ['罚款', '办结率', '耕地', '12345', 'gengdi', 'gd', '法治政府', '执法', '100%', '（一）', '執法', '法治 执法'],
  everyday: ['法治政府建设', '行政执法', '耕地保护', '12345', 'gengdi', '执法人员', '办结率', '信访', '律师', '宣传教育'],
};
const list = process.argv[5] ?? 'mixed';
const QUERIES = LISTS[list];
if (!QUERIES) throw new Error(`no query list "${list}" (mixed, everyday)`);
const ROUNDS = 5;

const site = resolve(process.argv[2] ?? 'site');
const slug = process.argv[3] ?? 'bazhou-natural-resources-2023';
const label = process.argv[4] ?? slug;
const server = await serveDir(site, { needs: [`${slug}/index.html`], hint: 'run gongkai site first' });
const browser = await launchChromium();
const { page, context, problems } = await openPage(browser, `${server.url}${slug}/`, { width: 1280, height: 800 });

const startup = await page.evaluate(() => performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd);
const samples = await page.evaluate(async ({ queries, rounds }) => {
  const input = document.querySelector('#gk-search-input');
  const times = [];
  // One keystroke: set the value, fire `input`, and stop the clock at the next task, when
  // the app's render (microtasks after the event) has changed the DOM and the queue has
  // drained. A keystroke that changes nothing on the page (a trailing space) is timed too.
  const channel = new MessageChannel();
  const keystroke = (value) => new Promise((done) => {
    channel.port1.onmessage = () => done(performance.now() - start);
    input.value = value;
    const start = performance.now();
    input.dispatchEvent(new InputEvent('input', { bubbles: true, data: value.slice(-1), inputType: 'insertText' }));
    channel.port2.postMessage(null);
  });
  for (let round = 0; round < rounds; round++) {
    for (const query of queries) {
      for (let i = 1; i <= query.length; i++) {
        times.push(await keystroke(query.slice(0, i)));
      }
      times.push(await keystroke(''));
    }
  }
  return times;
}, { queries: QUERIES, rounds: ROUNDS });

samples.sort((a, b) => a - b);
const pick = (q) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))];
const chars = await page.evaluate(() => document.querySelector('#gk-text').textContent.length);
console.log(JSON.stringify({
  label,
  queries: list,
  text_chars: chars,
  keystrokes: samples.length,
  median_ms: +pick(0.5).toFixed(2),
  p95_ms: +pick(0.95).toFixed(2),
  max_ms: +samples[samples.length - 1].toFixed(2),
  dom_content_loaded_ms: Math.round(startup),
  console_errors: problems.consoleErrors.length,
}));
await context.close();
await browser.close();
await server.close();
