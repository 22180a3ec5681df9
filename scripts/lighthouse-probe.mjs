// What Lighthouse 12.2.3 cannot name with this Chromium (its trace-element audits fail on
// the trace): which elements a page's layout shifts moved, which element is its largest
// contentful paint, and its long tasks. Loads URL in Debian's Chromium at Lighthouse's mobile
// viewport with its 4x CPU slowdown (applied, not simulated: durations depend on the
// machine), waits until the viewer has had time to hydrate, and prints the entries the
// browser reported.
//
//   node scripts/lighthouse-probe.mjs URL [WAIT_MS]
import { chromium } from 'playwright-core';

const [url, waitArg] = process.argv.slice(2);
if (!url) {
  console.error('usage: node scripts/lighthouse-probe.mjs URL [WAIT_MS]');
  process.exit(2);
}
const wait = Number(waitArg ?? 8000);
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  // Lighthouse's mobile emulation (moto g power): 412×823 CSS px at 1.75.
  const context = await browser.newContext({
    viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true,
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.addInitScript(() => {
    window.__shifts = [];
    window.__lcp = [];
    window.__long = [];
    const describe = (node) => {
      if (!node) return '(removed node)';
      if (node.nodeType !== 1) return `#text "${(node.textContent ?? '').trim().slice(0, 30)}" in ${describe(node.parentElement)}`;
      const cls = node.getAttribute('class');
      return `<${node.localName}${node.id ? `#${node.id}` : ''}${cls ? `.${cls.split(/\s+/).join('.')}` : ''}>`;
    };
    const rect = (r) => `${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}×${Math.round(r.height)}`;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        window.__shifts.push({
          value: entry.value,
          at: Math.round(entry.startTime),
          input: entry.hadRecentInput,
          sources: (entry.sources ?? []).map((s) => `${describe(s.node)} ${rect(s.previousRect)} → ${rect(s.currentRect)}`),
        });
      }
    }).observe({ type: 'layout-shift', buffered: true });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        window.__lcp.push({ at: Math.round(entry.startTime), size: entry.size, element: describe(entry.element) });
      }
    }).observe({ type: 'largest-contentful-paint', buffered: true });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        window.__long.push({ at: Math.round(entry.startTime), duration: Math.round(entry.duration) });
      }
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(wait);
  const { shifts, lcp, long } = await page.evaluate(() => ({
    shifts: window.__shifts, lcp: window.__lcp, long: window.__long,
  }));
  const total = shifts.filter((s) => !s.input).reduce((sum, s) => sum + s.value, 0);
  console.log(`layout shifts (mobile viewport, 4x CPU slowdown, ${wait} ms): ${shifts.length}, total ${+total.toFixed(4)}`);
  for (const shift of shifts) {
    console.log(`- ${+shift.value.toFixed(4)} at ${shift.at} ms${shift.input ? ' (after input)' : ''}`);
    for (const source of shift.sources) console.log(`    ${source}`);
  }
  console.log(`largest contentful paint candidates: ${lcp.map((e) => `${e.element} (${e.size} px²) at ${e.at} ms`).join('; ') || 'none'}`);
  console.log(`long tasks: ${long.map((t) => `${t.duration} ms at ${t.at} ms`).join('; ') || 'none'}`);
} finally {
  await browser.close();
}
