// The shelf's search across every report, in the browser: the time its search text takes to
// arrive and be indexed, and per keystroke, measured with performance.now() inside the page
// over everyday queries typed character by character, the time from the input event until
// (1) the results are in the DOM (the app's whole work: search and render; what
// benches/search-browser.mjs measures) and (2) the tasks already queued have run too, with a
// frame when one was due (style, layout and paint of the new results).
// SLOWEST=n prints the n slowest keystrokes; ROUNDS=n (default 5) rounds of the queries.
// Usage: node benches/shelf-search-browser.mjs SITE_DIR [LABEL]
import { launchChromium, openPage, serveDir } from '../tests/browser/harness.mjs';
import { resolve } from 'node:path';

const QUERIES = ['法治政府建设', '行政执法', '耕地保护', '12345', 'gengdi', '执法人员', '办结率', '信访', '律师', '宣传教育', '行政復議', 'xzfy'];
const ROUNDS = Number(process.env.ROUNDS ?? 5);

const site = resolve(process.argv[2] ?? 'site');
const label = process.argv[3] ?? site;
const server = await serveDir(site, { needs: ['index.html'], hint: 'run gongkai site first' });
const browser = await launchChromium();
const { page, context, problems } = await openPage(browser, server.url, { viewport: { width: 1280, height: 800 }, live: false });
// Ready: the first keystroke's results, from focus (the text fetched, unpacked, parsed and
// indexed), and the longest task meanwhile: how long a key typed then would wait.
const { load_ms, longest_task_ms } = await page.evaluate(async () => {
  const input = document.querySelector('#gk-shelf-q');
  let longest = 0;
  const tasks = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longest = Math.max(longest, entry.duration);
  });
  tasks.observe({ type: 'longtask' });
  const start = performance.now();
  input.focus();
  input.value = '法';
  input.dispatchEvent(new InputEvent('input', { bubbles: true, data: '法', inputType: 'insertText' }));
  while (!/找到|没有找到/.test(document.querySelector('#gk-shelf-count')?.textContent ?? '')) {
    await new Promise((r) => setTimeout(r, 5));
  }
  const ready = performance.now() - start;
  // Back to an empty box, so the timed queries start from nothing.
  input.value = '';
  input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'deleteContentBackward' }));
  await new Promise((r) => setTimeout(r, 50));
  tasks.disconnect();
  return { load_ms: ready, longest_task_ms: Math.round(longest) };
});

const samples = await page.evaluate(async ({ queries, rounds }) => {
  const input = document.querySelector('#gk-shelf-q');
  const results = document.querySelector('#gk-shelf-results');
  const drained = () => new Promise((done) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => done();
    channel.port2.postMessage(0);
  });
  const times = [];
  globalThis.__log = [];
  const keystroke = (value) => new Promise((done) => {
    const timer = setTimeout(() => { observer.disconnect(); done(`no change for ${JSON.stringify(value)}`); }, 2000);
    const observer = new MutationObserver(async () => {
      clearTimeout(timer);
      observer.disconnect();
      // The whole render has run before this callback: the results are in the DOM.
      const updated = performance.now() - start;
      // Then the tasks already queued, and a frame when one was due (style, layout, paint).
      await drained();
      const settled = performance.now() - start;
      globalThis.__log.push([value, updated, settled]);
      done([updated, settled]);
    });
    observer.observe(results, { childList: true, subtree: true, characterData: true, attributes: true });
    input.value = value;
    const start = performance.now();
    input.dispatchEvent(new InputEvent('input', { bubbles: true, data: value.slice(-1), inputType: 'insertText' }));
  });
  for (let round = 0; round < rounds; round++) {
    for (const query of queries) {
      for (let i = 1; i <= query.length; i++) times.push(await keystroke(query.slice(0, i)));
      times.push(await keystroke(''));
    }
  }
  return times;
}, { queries: QUERIES, rounds: ROUNDS });

// A keystroke the page did not answer within 2 s is a broken benchmark, not a slow one.
const stuck = samples.filter((s) => typeof s === 'string');
if (stuck.length) throw new Error(`keystrokes without an answer: ${stuck.slice(0, 5).join('; ')}`);
const updated = samples.map((s) => s[0]).sort((a, b) => a - b);
const settled = samples.map((s) => s[1]).sort((a, b) => a - b);
const pick = (list, q) => +list[Math.min(list.length - 1, Math.floor(q * list.length))].toFixed(2);
if (process.env.SLOWEST) {
  const log = await page.evaluate(() => globalThis.__log);
  console.error(log.sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.SLOWEST)));
}
const reports = await page.evaluate(() => document.querySelectorAll('.gk-shelf-item').length);
console.log(JSON.stringify({
  label,
  reports,
  keystrokes: samples.length,
  dom_updated: { median_ms: pick(updated, 0.5), p95_ms: pick(updated, 0.95), max_ms: pick(updated, 1) },
  with_next_frame: { median_ms: pick(settled, 0.5), p95_ms: pick(settled, 0.95), max_ms: pick(settled, 1) },
  first_results_after_focus_ms: Math.round(load_ms),
  longest_task_during_first_use_ms: longest_task_ms,
  console_errors: problems.consoleErrors.length,
}));
await context.close();
await browser.close();
await server.close();
