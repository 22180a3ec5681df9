// Shared by the browser tests: serves the release build in dist/ on 127.0.0.1 and starts
// Debian's Chromium through playwright-core (no browser download, no network beyond loopback).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import { after, before } from 'node:test';

export const ROOT = resolve(import.meta.dirname, '../..');
export const DIST = join(ROOT, 'dist');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

/** Serves `dir` on an ephemeral 127.0.0.1 port; resolves to { url, close }. */
export async function serveDist(dir = DIST) {
  await stat(join(dir, 'index.html')).catch(() => {
    throw new Error(`${dir}/index.html is missing: run \`trunk build --release --offline\` first`);
  });
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
    const file = join(dir, path.endsWith('/') ? join(path, 'index.html') : path);
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((ok) => server.close(ok)),
  };
}

/**
 * For a test file: serves dist/ and starts Chromium before its tests, stops both after.
 * The returned object holds `server` and `browser` once the tests run.
 */
export function useServedBrowser() {
  const env = {};
  before(async () => {
    env.server = await serveDist();
    env.browser = await launchChromium();
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
  return problems;
}

/** Asserts that a watched page stayed clean. */
export function assertClean(problems) {
  assert.deepEqual(problems.consoleErrors, []);
  assert.deepEqual(problems.pageErrors, []);
  assert.deepEqual(problems.foreignRequests, []);
}

/**
 * Opens a page that records console errors, uncaught exceptions and every request to a host
 * other than 127.0.0.1, so each test can assert the page is clean and self-contained.
 */
export async function openPage(browser, url, viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport, locale: 'zh-CN' });
  const page = await context.newPage();
  const problems = watchPage(page);
  await page.goto(url);
  // The app has rendered once the report's title is in the page.
  await page.locator('h1').first().waitFor({ timeout: 15000 });
  return { page, context, problems };
}
