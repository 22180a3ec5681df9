// Search speed in the browser: time from an input event until the app has rendered and the
// task queue has drained, per keystroke, measured with performance.now() inside the page over
// a fixed list of queries typed character by character. A frame (style, layout, paint) that
// falls due before the queue drains is in that time; `dom_updated` is the same keystroke
// until the app's last change to the DOM before any frame, i.e. the app's own work. Usage:
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
// Two passes over the same keys: the first times each key until the queue has drained (the
// budget's measure); the second watches the DOM for the app's last change before any frame,
// apart, so that the observer's own cost stays out of the first pass.
const typeAll = (observe) => page.evaluate(async ({ queries, rounds, observe }) => {
  const input = document.querySelector('#gk-search-input');
  const times = [];
  // One keystroke: set the value, fire `input`, and stop the clock at the next task, when
  // the app's render (microtasks after the event) has changed the DOM and the queue has
  // drained. A keystroke that changes nothing on the page (a trailing space) is timed too.
  const channel = new MessageChannel();
  const root = document.querySelector('#gongkai');
  const keystroke = (value) => new Promise((done) => {
    let updated = 0;
    let framed = false;
    const observer = observe && new MutationObserver(() => { if (!framed) updated = performance.now() - start; });
    if (observe) {
      observer.observe(root, { childList: true, subtree: true, characterData: true, attributes: true });
      requestAnimationFrame(() => { framed = true; });
    }
    channel.port1.onmessage = () => {
      if (observe) observer.disconnect();
      done(observe ? Math.max(updated, returned) : performance.now() - start);
    };
    input.value = value;
    const start = performance.now();
    input.dispatchEvent(new InputEvent('input', { bubbles: true, data: value.slice(-1), inputType: 'insertText' }));
    const returned = performance.now() - start;
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
}, { queries: QUERIES, rounds: ROUNDS, observe });
const samples = await typeAll(false);
const updatedSamples = await typeAll(true);

const drained = [...samples].sort((a, b) => a - b);
const updated = [...updatedSamples].sort((a, b) => a - b);
const pick = (list, q) => +list[Math.min(list.length - 1, Math.floor(q * list.length))].toFixed(2);
const chars = await page.evaluate(() => document.querySelector('#gk-text').textContent.length);
console.log(JSON.stringify({
  label,
  queries: list,
  text_chars: chars,
  keystrokes: samples.length,
  median_ms: pick(drained, 0.5),
  p95_ms: pick(drained, 0.95),
  max_ms: pick(drained, 1),
  dom_updated: { median_ms: pick(updated, 0.5), p95_ms: pick(updated, 0.95), max_ms: pick(updated, 1) },
  dom_content_loaded_ms: Math.round(startup),
  console_errors: problems.consoleErrors.length,
}));
await context.close();
await browser.close();
await server.close();
