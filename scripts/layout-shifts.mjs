// Lists the layout shifts of a page and the elements that moved, which Lighthouse 12.2.3
// cannot name with this Chromium (its `layout-shifts` audit fails on the trace). Loads URL in
// Debian's Chromium at Lighthouse's mobile viewport with its 4x CPU slowdown, waits until the
// viewer has had time to hydrate, and prints every `layout-shift` entry with its sources.
//
//   node scripts/layout-shifts.mjs URL [WAIT_MS]
import { chromium } from 'playwright-core';

const [url, waitArg] = process.argv.slice(2);
if (!url) {
  console.error('usage: node scripts/layout-shifts.mjs URL [WAIT_MS]');
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
  });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(wait);
  const shifts = await page.evaluate(() => window.__shifts);
  const total = shifts.filter((s) => !s.input).reduce((sum, s) => sum + s.value, 0);
  console.log(`layout shifts (mobile viewport, 4x CPU slowdown, ${wait} ms): ${shifts.length}, total ${+total.toFixed(4)}`);
  for (const shift of shifts) {
    console.log(`- ${+shift.value.toFixed(4)} at ${shift.at} ms${shift.input ? ' (after input)' : ''}`);
    for (const source of shift.sources) console.log(`    ${source}`);
  }
} finally {
  await browser.close();
}
