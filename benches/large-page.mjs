// A large report's page in Chromium: when its text first shows (first contentful paint and
// largest contentful paint of the prerendered page), how long the viewer takes to start after
// the reader's first move, and the memory the page holds once started and after a search
// (the JS heap from the DevTools protocol, and the private memory of the renderer process),
// and the frame rate of scrolling while a search is typed.
// Usage: node benches/large-page.mjs SITE_DIR PAGE [LABEL]
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchChromium, serveDir, waitLive, watchedContext } from '../tests/browser/harness.mjs';

const site = resolve(process.argv[2] ?? 'site');
const slug = process.argv[3] ?? 'bazhou-natural-resources-2023';
const label = process.argv[4] ?? slug;
const server = await serveDir(site, { needs: [`${slug}/index.html`], hint: 'run gongkai site first' });
const browser = await launchChromium();
const context = await watchedContext(browser, { viewport: { width: 1280, height: 800 } });
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send('Performance.enable');

/**
 * Private memory (not shared with other processes: the page's heap, DOM, layout and the
 * wasm's linear memory) of Chromium's renderer processes, in MB; one page is open.
 */
function rendererMb() {
  const out = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  let kb = 0;
  for (const line of out.split('\n').filter((l) => l.includes('--type=renderer'))) {
    const pid = line.trim().split(/\s+/)[0];
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    for (const m of rollup.matchAll(/^Private_(?:Clean|Dirty):\s+(\d+) kB/gm)) kb += Number(m[1]);
  }
  return Math.round(kb / 1024);
}
async function heapMb() {
  await cdp.send('HeapProfiler.collectGarbage').catch(() => {});
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (name) => metrics.find((m) => m.name === name)?.value ?? 0;
  return { js_heap_mb: Math.round(get('JSHeapUsedSize') / 2 ** 20), dom_nodes: get('Nodes') };
}

await page.goto(`${server.url}${slug}/`);
const paints = await page.evaluate(() => new Promise((done) => {
  const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
  new PerformanceObserver((list) => {
    const entries = list.getEntries();
    done({ fcp, lcp: entries[entries.length - 1].startTime });
  }).observe({ type: 'largest-contentful-paint', buffered: true });
}));
const moved = Date.now();
await waitLive(page, 120000);
const live_ms = Date.now() - moved;
const started = { ...(await heapMb()), renderer_mb: rendererMb() };
await page.locator('#gk-search-input').fill('法');
await page.locator('#gk-search-count').filter({ hasText: /共 \d+ 处/ }).waitFor({ timeout: 120000 });
const searched = { ...(await heapMb()), renderer_mb: rendererMb() };
// Scrolling while results update: the page scrolls 40 px a frame for about 3 s while a query is
// typed a key every 150 ms; the frames' intervals say whether it stays at 60 fps.
await page.locator('#gk-search-input').fill('');
const frames = await page.evaluate(async () => {
  const input = document.querySelector('#gk-search-input');
  const queries = ['法治政府', '行政执法', '耕地保护', '信访', '律师'];
  const keys = queries.flatMap((q) => [...q].map((_, i) => q.slice(0, i + 1)).concat(''));
  const intervals = [];
  let last = performance.now();
  let running = true;
  const frame = (now) => {
    intervals.push(now - last);
    last = now;
    scrollBy(0, 40);
    if (running) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  for (const value of keys) {
    input.value = value;
    input.dispatchEvent(new InputEvent('input', { bubbles: true }));
    await new Promise((done) => setTimeout(done, 150));
  }
  running = false;
  return intervals.slice(1);
});
frames.sort((a, b) => a - b);
const scrolling = {
  frames: frames.length,
  median_frame_ms: +frames[frames.length >> 1].toFixed(1),
  p95_frame_ms: +frames[Math.floor(frames.length * 0.95)].toFixed(1),
  frames_over_20ms: frames.filter((t) => t > 20).length,
};
console.log(JSON.stringify({
  label,
  text_chars: await page.evaluate(() => document.querySelector('#gk-text').textContent.length),
  fcp_ms: Math.round(paints.fcp),
  lcp_ms: Math.round(paints.lcp),
  viewer_started_after_first_move_ms: live_ms,
  started,
  after_search_fa: searched,
  scrolling_while_typing: scrolling,
}));
await context.close();
await browser.close();
await server.close();
