// Shared by the browser tests: serves the site `gongkai site` writes (site/, one prerendered page
// per report and the viewer in assets/) on 127.0.0.1 under the strict Content-Security-Policy
// the shipped nginx config sends, starts Debian's Chromium through playwright-core (no browser
// download, no network beyond loopback), and says whether a page stayed clean.
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { delimiter, extname, join, normalize, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import { after, before } from 'node:test';

export const ROOT = resolve(import.meta.dirname, '../..');
/** The site as `gongkai site reports/*.txt tests/reports/*.txt --out site` writes it. */
export const SITE = resolve(process.env.GONGKAI_SITE ?? join(ROOT, 'site'));
/** The real report the reader tests read, and its page's folder in the site. */
export const REAL_REPORT = join(ROOT, 'reports', 'bazhou-natural-resources-2023.txt');
export const REAL_SLUG = 'bazhou-natural-resources-2023';
/** What deploy/gongkai-headers.conf sends: the harness's server sends it too. */
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
  + "img-src 'self' data:; object-src 'none'; base-uri 'none'";

/**
 * Runs the `gongkai` command line (the debug build `cargo test` made) and resolves to its
 * output; `allowFailure` keeps the output of a run that exits non-zero (`check` with warnings).
 */
export async function gongkai(args, { allowFailure = false } = {}) {
  const cargo = ['run', '-q', '--offline', '--bin', 'gongkai', '--', ...args];
  try {
    const { stdout } = await promisify(execFile)('cargo', cargo, {
      cwd: ROOT,
      maxBuffer: 64 << 20,
      env: { ...process.env, PATH: `${join(homedir(), '.cargo', 'bin')}${delimiter}${process.env.PATH}` },
    });
    return stdout;
  } catch (error) {
    if (allowFailure && typeof error.code === 'number' && error.stdout) return error.stdout;
    throw new Error(`\`cargo ${cargo.join(' ')}\` failed, so the tests have no expectations:\n${error.stderr ?? error}`);
  }
}

/** A report as `gongkai parse` reads it (the real report unless told). */
export async function parseReport(file = REAL_REPORT) {
  return JSON.parse(await gongkai(['parse', file]));
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves `dir` on an ephemeral 127.0.0.1 port with the strict CSP, as nginx would: a folder's
 * address serves its index.html, a folder without its slash redirects. Resolves to
 * { url, close }. `needs` names files that must exist (a clear error when a build is missing).
 */
export async function serveDir(dir, { needs = ['index.html'], hint = 'build it first' } = {}) {
  for (const file of needs) {
    await stat(join(dir, file)).catch(() => {
      throw new Error(`${join(dir, file)} is missing: ${hint}`);
    });
  }
  const server = createServer(async (req, res) => {
    const headers = { 'content-security-policy': CSP, 'x-content-type-options': 'nosniff' };
    const { pathname } = new URL(req.url, 'http://x');
    const path = normalize(decodeURIComponent(pathname));
    const file = join(dir, path.endsWith('/') ? join(path, 'index.html') : path);
    if (file !== dir && !file.startsWith(dir + sep)) {
      res.writeHead(403, headers).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) {
        res.writeHead(301, { ...headers, location: `${pathname}/` }).end();
        return;
      }
      const body = await readFile(file);
      res.writeHead(200, { ...headers, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404, headers).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((ok) => server.close(ok)),
  };
}

const SITE_HINT = 'run scripts/build-viewer.sh and then '
  + '`cargo run -- site reports/*.txt tests/reports/*.txt --out site` (scripts/test.sh does both)';

/** Serves a site folder: resolves to { root, url (the real report's page), close }. */
export async function serveSite(dir = SITE) {
  const served = await serveDir(dir, {
    needs: ['index.html', `${REAL_SLUG}/index.html`, 'assets/gongkai-loader.js'],
    hint: SITE_HINT,
  });
  return { root: served.url, url: `${served.url}${REAL_SLUG}/`, close: served.close };
}

/**
 * For a test file: serves the site and starts Chromium before its tests, stops both after.
 * The returned object holds `server` ({ url: the real report's page, root: the site's root })
 * and `browser` once the tests run.
 */
export function useServedBrowser() {
  const env = {};
  before(async () => {
    const started = await Promise.allSettled([
      serveSite().then((s) => { env.server = s; }),
      launchChromium().then((b) => { env.browser = b; }),
    ]);
    const failed = started.find((s) => s.status === 'rejected');
    if (failed) throw failed.reason;
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run',
    ],
  });
}

/**
 * Runs in every frame of every page the harness opens, before the page's own scripts: records
 * Content-Security-Policy violations (`window.__cspViolations`) and layout shifts
 * (`window.__layoutShifts`, the sum of their values, as CLS counts them without input).
 */
function recordInPage() {
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.__cspViolations.push(
      `${event.violatedDirective}: ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`,
    );
  });
  window.__layoutShifts = 0;
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (!entry.hadRecentInput) window.__layoutShifts += entry.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  } catch {
    // Without the Layout Instability API there is nothing to record.
  }
}

const watched = new WeakMap();

/** Records a page's console errors, uncaught exceptions and requests to other hosts. */
export function watchPage(page) {
  const problems = { consoleErrors: [], pageErrors: [], foreignRequests: [] };
  page.on('console', (msg) => msg.type() === 'error' && problems.consoleErrors.push(msg.text()));
  page.on('pageerror', (err) => problems.pageErrors.push(String(err)));
  page.on('request', (req) => {
    const { protocol, hostname } = new URL(req.url());
    if (!['data:', 'blob:'].includes(protocol) && hostname !== '127.0.0.1') {
      problems.foreignRequests.push(req.url());
    }
  });
  watched.set(page, problems);
  return problems;
}

/** Every CSP violation recorded in the page's frames (none where JavaScript is off). */
export async function cspViolations(page) {
  const found = [];
  for (const frame of page.frames()) {
    const list = await frame.evaluate(() => window.__cspViolations ?? []).catch(() => []);
    found.push(...list.map((v) => `${frame.url()}: ${v}`));
  }
  return found;
}

/**
 * Asserts a page opened by `openPage` (or watched by `watchPage`) stayed clean: no console
 * error, no uncaught exception, no request off 127.0.0.1 and, in every frame, no CSP violation.
 */
export async function assertClean(page) {
  const problems = watched.get(page);
  assert.ok(problems, 'assertClean: the page was not opened by openPage or watched by watchPage');
  assert.deepEqual(
    { ...problems, cspViolations: await cspViolations(page) },
    { consoleErrors: [], pageErrors: [], foreignRequests: [], cspViolations: [] },
    'console errors, uncaught exceptions, requests off 127.0.0.1 or CSP violations',
  );
}

/** Waits for the viewer to have taken over the page (hydrated or rendered): `.gk-root.gk-live`. */
export async function waitLive(page, timeout = 15000) {
  // A prerendered page hydrates on the reader's first move (scripts/post-build.sh): move the
  // mouse, again until the loader, a deferred module, is listening.
  const live = page.locator('.gk-root.gk-live').first();
  const deadline = Date.now() + timeout;
  for (let x = 1; Date.now() < deadline; x = (x % 20) + 1) {
    if (await live.count()) return;
    await page.mouse.move(x, 1).catch(() => {});
    await page.waitForTimeout(100);
  }
  await live.waitFor({ timeout: 1 });
}

/**
 * A new browser context (zh-CN) whose pages record CSP violations and layout shifts in every
 * frame. Options: `viewport`, `javaScriptEnabled`, `theme` (stored before a page loads), `block`
 * (a route glob to abort).
 */
export async function watchedContext(browser, options = {}) {
  const { viewport = { width: 1280, height: 900 }, theme, block, javaScriptEnabled = true } = options;
  const context = await browser.newContext({ viewport, locale: 'zh-CN', javaScriptEnabled });
  await context.addInitScript(recordInPage);
  if (theme) {
    await context.addInitScript((stored) => localStorage.setItem('gongkai.theme', stored), theme);
  }
  if (block) await context.route(block, (route) => route.abort());
  return context;
}

/**
 * Opens `url` in a new watched context (see `watchedContext` for the options): its page records
 * console errors, uncaught exceptions and requests off 127.0.0.1, which `assertClean(page)`
 * checks. Waits for the viewer to be live, since tests interact, unless `live: false`.
 */
export async function openPage(browser, url, options = {}) {
  // The third argument may be the viewport alone.
  const opts = options.width ? { viewport: options } : options;
  const context = await watchedContext(browser, opts);
  const page = await context.newPage();
  const problems = watchPage(page);
  await page.goto(url);
  if (opts.live !== false && opts.javaScriptEnabled !== false) await waitLive(page);
  return { page, context, problems };
}

const AXE = createRequire(import.meta.url).resolve('axe-core');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Runs axe-core's WCAG 2.1 A and AA rules on the page and fails on any violation, listed. */
export async function runAxe(page) {
  // Evaluated, not added as a <script>: the page's CSP rightly refuses inline scripts.
  await page.evaluate(await readFile(AXE, 'utf8'));
  const results = await page.evaluate((tags) => axe.run(document, { runOnly: tags }), AXE_TAGS);
  const report = results.violations.map((v) => {
    const nodes = v.nodes.slice(0, 6).map((n) => `    ${n.target.join(' ')} — ${n.failureSummary.replace(/\s+/g, ' ')}`);
    const more = v.nodes.length > 6 ? [`    … and ${v.nodes.length - 6} more`] : [];
    return [`  ${v.id} (${v.impact}, ${v.nodes.length} nodes): ${v.help}`, ...nodes, ...more].join('\n');
  });
  assert.equal(results.violations.length, 0, `axe-core ${results.testEngine.version} violations:\n${report.join('\n')}`);
}

const JSQR = createRequire(import.meta.url).resolve('jsqr/dist/jsQR.js');

/** Decodes the QR code in a screenshot of `locator`, inside the page, with jsQR. */
export async function decodeScreenshot(page, locator) {
  return decodeQrPng(page, (await locator.screenshot()).toString('base64'));
}

/** The text of the QR code in a PNG (base64), read with jsQR in the page; null if none. */
export async function decodeQrPng(page, base64) {
  // Evaluated, not added as a <script>: the page's CSP rightly refuses inline scripts.
  await page.evaluate(await readFile(JSQR, 'utf8'));
  return page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    const { data, width, height } = context.getImageData(0, 0, canvas.width, canvas.height);
    return window.jsQR(data, width, height)?.data ?? null;
  }, base64);
}

/**
 * On a phone-sized viewer the tools (views, read-aloud, settings, share, print) sit in the bar's
 * 菜单: opens it there, and does nothing where they are in the bar already.
 */
export async function showTools(pageOrFrame) {
  const toggle = pageOrFrame.locator('#gk-menu-toggle');
  if (await toggle.isVisible() && await toggle.getAttribute('aria-expanded') !== 'true') await toggle.click();
}

/**
 * The search hits marked in the report (its title and text, not the results list), gathered by
 * scrolling the page from top to bottom half a screen at a time. The viewer marks the hits of
 * the sections on screen and near it, so every hit is marked by the time the reader reaches
 * it. Returns each hit once, in the order met: its text, and whether it lies in a table cell.
 */
export async function hitsMarkedByScrolling(page) {
  return page.evaluate(async () => {
    const settle = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 0))));
    const seen = new Map();
    const collect = () => {
      for (const mark of document.querySelectorAll('.gk-title mark.gk-hit, #gk-text mark.gk-hit')) {
        // Hits are numbered within their block: the block and the number name one hit.
        const block = mark.closest('[id^="gk-p-"], [id^="gk-s-"], .gk-title');
        const key = `${block?.id || 'title'}#${mark.dataset.hit}`;
        if (!seen.has(key)) seen.set(key, { text: mark.textContent, cell: !!mark.closest('td, th') });
      }
    };
    for (let y = 0; ; y += Math.floor(innerHeight / 2)) {
      scrollTo(0, y);
      await settle();
      collect();
      if (y > document.documentElement.scrollHeight) break;
    }
    scrollTo(0, 0);
    await settle();
    return [...seen.values()];
  });
}

/**
 * For every paragraph wholly on screen: how many times `query` occurs in its text, and how
 * many hits are marked in it. On screen, every hit must be marked.
 */
export async function hitsOnScreen(page, query) {
  return page.evaluate(async (q) => {
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 0))));
    let occurring = 0;
    let marked = 0;
    for (const p of document.querySelectorAll('#gk-text p[id^="gk-p-"]')) {
      const box = p.getBoundingClientRect();
      if (box.height === 0 || box.top < 0 || box.bottom > innerHeight) continue;
      occurring += p.textContent.split(q).length - 1;
      marked += p.querySelectorAll('mark.gk-hit').length;
    }
    return { occurring, marked };
  }, query);
}
