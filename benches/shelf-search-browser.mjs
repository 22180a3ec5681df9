// The shelf's search across every report, in the browser: the time its search text takes to
// arrive and be indexed, and per keystroke the time from the input event until the results
// have changed and the task queue has drained, measured with performance.now() inside the
// page over everyday queries typed character by character.
// Usage: node benches/shelf-search-browser.mjs SITE_DIR [LABEL]
import { launchChromium, openPage, serveDir } from '../tests/browser/harness.mjs';
import { resolve } from 'node:path';

const QUERIES = ['法治政府建设', '行政执法', '耕地保护', '12345', 'gengdi', '执法人员', '办结率', '信访', '律师', '宣传教育', '行政復議', 'xzfy'];
const ROUNDS = 5;

const site = resolve(process.argv[2] ?? 'site');
const label = process.argv[3] ?? site;
const server = await serveDir(site, { needs: ['index.html'], hint: 'run gongkai site first' });
const browser = await launchChromium();
const { page, context, problems } = await openPage(browser, server.url, { viewport: { width: 1280, height: 800 }, live: false });
const client = await context.newCDPSession(page);
await client.send('Network.enable');
const transferred = new Map();
client.on('Network.loadingFinished', (e) => transferred.set(e.requestId, e.encodedDataLength));
const urls = new Map();
client.on('Network.responseReceived', (e) => urls.set(e.requestId, e.response.url));

// Ready: the first keystroke's results, from focus (the text fetched, parsed and indexed).
const load_ms = await page.evaluate(async () => {
  const input = document.querySelector('#gk-shelf-q');
  const start = performance.now();
  input.focus();
  input.value = '法';
  input.dispatchEvent(new InputEvent('input', { bubbles: true, data: '法', inputType: 'insertText' }));
  while (!/找到|没有找到/.test(document.querySelector('#gk-shelf-count')?.textContent ?? '')) {
    await new Promise((r) => setTimeout(r, 5));
  }
  return performance.now() - start;
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
  const keystroke = (value) => new Promise((done) => {
    const observer = new MutationObserver(async () => {
      observer.disconnect();
      await drained();
      done(performance.now() - start);
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

samples.sort((a, b) => a - b);
const pick = (q) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))];
let searchBytes = 0;
let shelfWasmBytes = 0;
for (const [id, url] of urls) {
  if (/\/search-[0-9a-f]{8}\.json$/.test(url)) searchBytes += transferred.get(id) ?? 0;
  if (/\/assets\/shelf\/.*\.wasm$/.test(url)) shelfWasmBytes += transferred.get(id) ?? 0;
}
const reports = await page.evaluate(() => document.querySelectorAll('.gk-shelf-item').length);
console.log(JSON.stringify({
  label,
  reports,
  keystrokes: samples.length,
  median_ms: +pick(0.5).toFixed(2),
  p95_ms: +pick(0.95).toFixed(2),
  max_ms: +samples[samples.length - 1].toFixed(2),
  first_results_after_focus_ms: Math.round(load_ms),
  console_errors: problems.consoleErrors.length,
}));
console.error(`(transferred by the test server, uncompressed: search text ${searchBytes} B, shelf wasm ${shelfWasmBytes} B)`);
await context.close();
await browser.close();
await server.close();
