// The viewer deployed as a portal deploys it: Debian's nginx, started here with the shipped
// deploy/nginx.conf (only its `listen` and `alias` changed) serving the site `gongkai site`
// wrote (site/) under a sub-path, with the headers of deploy/gongkai.conf. Checks what nginx
// sends, that a report page runs under the strict Content-Security-Policy with no violation,
// that a sample portal page (tests/fixtures/portal/) embeds it both ways — an iframe of the
// report's page that grows to its content, and a viewer mounted in the page's own DOM with the
// report's data block copied into the page — and that its colours keep 4.5:1 contrast.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { access, copyFile, cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import {
  CSP, REAL_SLUG, ROOT, SITE, assertClean, launchChromium, openPage, waitLive,
} from './harness.mjs';

const PORTAL_FIXTURE = join(ROOT, 'tests', 'fixtures', 'portal');
/** Where deploy/nginx.conf serves the site. */
const SUB_PATH = '/xxgk/2024/fzbg/';
/** The real report's page in the site. */
const PAGE_PATH = `${SUB_PATH}${REAL_SLUG}/`;
const ASSETS = join(SITE, 'assets');
const HASHED = /-[0-9a-f]{12,16}(_bg)?\.(js|wasm|css|svg)$/;
const DESK = { width: 1280, height: 900 };

// ---------------------------------------------------------------------------------------------
// nginx, started and stopped by the test

async function exists(path) {
  return access(path).then(() => true, () => false);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

function replaceOnce(text, from, to) {
  assert.equal(text.split(from).length, 2, `deploy/nginx.conf should have \`${from}\` once`);
  return text.replace(from, () => to);
}

/**
 * The sample portal as a portal team would publish it beside the site: the fixture's pages, with
 * the real report's data block (`<script type="application/json" id="gk-data">`, copied from its
 * page in the site) put where index.html marks it, since a mounted viewer reads its report there.
 */
async function portalPages(dir) {
  await cp(PORTAL_FIXTURE, dir, { recursive: true });
  const sitePage = await readFile(join(SITE, REAL_SLUG, 'index.html'), 'utf8');
  const blocks = sitePage.match(/<script type="application\/json" id="gk-data">[^]*?<\/script>/g) ?? [];
  assert.equal(blocks.length, 1, `the site page ${REAL_SLUG}/index.html should hold one gk-data block`);
  const index = join(dir, 'index.html');
  const html = await readFile(index, 'utf8');
  const marker = /<!-- GK-DATA:[^]*?-->/;
  assert.match(html, marker, 'tests/fixtures/portal/index.html lost its GK-DATA marker');
  await writeFile(index, html.replace(marker, () => blocks[0]));
  return dir;
}

/** Starts nginx in the foreground on 127.0.0.1 with the shipped config; resolves to { url, stop }. */
async function startNginx() {
  const binary = process.env.NGINX
    ?? (await exists('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx');
  for (const file of ['index.html', 'assets/gongkai-loader.js', `${REAL_SLUG}/index.html`, `${REAL_SLUG}/index.html.gz`]) {
    if (!await exists(join(SITE, file))) {
      throw new Error(`${SITE}/${file} is missing: run scripts/build-viewer.sh and `
        + '`cargo run -- site reports/*.txt tests/reports/*.txt --out site` first (scripts/test.sh does both)');
    }
  }
  const prefix = await mkdtemp(join(tmpdir(), 'gongkai-nginx-'));
  const portalDir = await portalPages(join(prefix, 'portal'));
  await mkdir(join(prefix, 'snippets'));
  await mkdir(join(prefix, 'temp'));
  for (const file of ['gongkai.conf', 'gongkai-headers.conf']) {
    await copyFile(join(ROOT, 'deploy', file), join(prefix, 'snippets', file));
  }
  const mimeTypes = await exists('/etc/nginx/mime.types')
    ? await readFile('/etc/nginx/mime.types', 'utf8')
    : 'types { text/html html; text/css css; application/javascript js; image/svg+xml svg; }\n';
  await writeFile(join(prefix, 'mime.types'), mimeTypes);

  const port = await freePort();
  let server = await readFile(join(ROOT, 'deploy', 'nginx.conf'), 'utf8');
  server = replaceOnce(server, 'listen 80;', `listen 127.0.0.1:${port};`);
  server = replaceOnce(server, 'alias /srv/gongkai/site/;', `alias "${SITE}/";`);
  // The sample portal's pages, on the same site and with the same headers.
  const portal = `
    location /portal/ {
        alias "${portalDir}/";
        include snippets/gongkai-headers.conf;
        add_header Cache-Control "no-cache" always;
    }
`;
  server = server.replace(/\}\s*$/, `${portal}}\n`);
  const temp = (name) => `${name}_temp_path "${join(prefix, 'temp', name)}";`;
  const conf = [
    // Workers of a root master otherwise run as nobody, who may not read the checkout.
    process.getuid?.() === 0 ? 'user root;' : '',
    'worker_processes 1;',
    `pid "${join(prefix, 'nginx.pid')}";`,
    `error_log "${join(prefix, 'error.log')}" warn;`,
    'events { worker_connections 64; }',
    'http {',
    '    include mime.types;',
    '    default_type application/octet-stream;',
    '    access_log off;',
    `    ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n    ')}`,
    server,
    '}',
  ].join('\n');
  await writeFile(join(prefix, 'nginx.conf'), conf);

  const child = spawn(binary, [
    '-p', prefix, '-c', join(prefix, 'nginx.conf'), '-e', join(prefix, 'error.log'),
    '-g', 'daemon off;',
  ], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => { stderr += chunk; });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.once('error', (error) => { stderr += String(error); });
  // Whatever happens to the test run, nginx does not outlive it.
  const kill = () => child.kill('SIGKILL');
  process.once('exit', kill);

  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    process.off('exit', kill);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(kill, 5000);
      await exited;
      clearTimeout(timer);
    }
    await rm(prefix, { recursive: true, force: true });
  };
  const deadline = Date.now() + 10000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null || Date.now() > deadline) {
      const log = await readFile(join(prefix, 'error.log'), 'utf8').catch(() => '');
      await stop();
      throw new Error(`nginx (${binary}) did not start (scripts/setup.sh installs it):\n${stderr}\n${log}`);
    }
    const ready = await get(`${url}${SUB_PATH}`).then((r) => r.status === 200, () => false);
    if (ready) return { url, stop };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A GET with node's own client: no decompression, headers as sent. */
function get(url, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.setTimeout(5000, () => req.destroy(new Error(`timeout: ${url}`)));
    req.end();
  });
}

// ---------------------------------------------------------------------------------------------
// Chromium

/** Opens `url` with the harness (it records what `assertClean` checks), not waiting for the viewer. */
function open(browser, url, { viewport = DESK, theme, block } = {}) {
  return openPage(browser, url, { viewport, theme, block, live: false });
}

async function waitUntil(what, check, timeout = 10000) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    last = await check();
    if (last.ok) return last;
    if (Date.now() > deadline) assert.fail(`${what}: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The pairs of palette colours that are read on each other. */
const PAIRS = [
  ['--gk-text', '--gk-bg'], ['--gk-muted', '--gk-bg'], ['--gk-accent', '--gk-bg'],
  ['--gk-on-accent', '--gk-accent'], ['--gk-text', '--gk-surface'], ['--gk-muted', '--gk-surface'],
  ['--gk-accent', '--gk-surface'], ['--gk-mark-text', '--gk-mark-bg'],
  ['--gk-mark-text', '--gk-current-bg'],
];

/** WCAG contrast ratios of the palette in effect on the viewer's root, computed in the page. */
function contrasts(frame) {
  return frame.evaluate((pairs) => {
    const root = document.querySelector('.gk-root');
    const probe = document.createElement('span');
    root.append(probe);
    const rgb = (name) => {
      probe.style.color = `var(${name})`;
      return getComputedStyle(probe).color.match(/[\d.]+/g).slice(0, 3).map(Number);
    };
    const luminance = (channels) => {
      const [r, g, b] = channels.map((c) => {
        const s = c / 255;
        return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const result = pairs.map(([fg, bg]) => {
      const [a, b] = [luminance(rgb(fg)), luminance(rgb(bg))];
      return { pair: `${fg} on ${bg}`, ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05) };
    });
    probe.remove();
    return result;
  }, PAIRS);
}

function assertContrast(ratios, label) {
  for (const { pair, ratio } of ratios) {
    assert.ok(ratio >= 4.5, `${label}: ${pair} is ${ratio.toFixed(2)}:1, below 4.5:1`);
  }
}

/** Computed styles of the first element matching each selector. */
function stylesOf(page, selectors, properties) {
  return page.evaluate(([selectors, properties]) => Object.fromEntries(selectors.map((selector) => {
    const element = document.querySelector(selector);
    if (!element) return [selector, null];
    const style = getComputedStyle(element);
    return [selector, Object.fromEntries(properties.map((p) => [p, style.getPropertyValue(p)]))];
  })), [selectors, properties]);
}

let nginx;
let browser;
before(async () => {
  const started = await Promise.allSettled([
    startNginx().then((n) => { nginx = n; }),
    launchChromium().then((b) => { browser = b; }),
  ]);
  const failed = started.find((s) => s.status === 'rejected');
  if (failed) throw failed.reason;
});
after(async () => {
  await browser?.close();
  await nginx?.stop();
});

describe('behind nginx with deploy/nginx.conf, under a sub-path', () => {
  test('pages carry the security headers, are never cached and run no inline script or style', async () => {
    for (const path of [SUB_PATH, PAGE_PATH]) {
      const res = await get(`${nginx.url}${path}`);
      assert.equal(res.status, 200, path);
      assert.equal(res.headers['content-type'], 'text/html; charset=utf-8', path);
      assert.equal(res.headers['content-security-policy'], CSP, path);
      assert.equal(res.headers['x-content-type-options'], 'nosniff', path);
      assert.equal(res.headers['referrer-policy'], 'same-origin', path);
      assert.equal(res.headers['cache-control'], 'no-cache', path);
      const html = res.body.toString('utf8');
      // The report's data is a JSON block, which no browser runs; any other inline script is out.
      assert.doesNotMatch(html, /<script(?![^>]*\ssrc=)(?![^>]*type="application\/json")[^>]*>/, `an inline <script> in ${path}`);
      assert.doesNotMatch(html, /<style|\sstyle=/, `inline style in ${path}`);
    }
    const page = (await get(`${nginx.url}${PAGE_PATH}`)).body.toString('utf8');
    assert.match(page, /<script type="module" src="\.\.\/assets\/gongkai-loader\.js"><\/script>/);
    assert.equal(page.match(/<script type="application\/json" id="gk-data">/g)?.length, 1);
    // Without their slash the sub-path and a report's folder redirect, so relative names resolve.
    for (const path of [SUB_PATH, PAGE_PATH]) {
      const bare = await get(`${nginx.url}${path.slice(0, -1)}`);
      assert.equal(bare.status, 301, path);
      assert.ok(bare.headers.location.endsWith(path), bare.headers.location);
    }
  });

  test('hashed assets are cached for a year, stable names (loader, embed.js) not at all', async () => {
    // Every file, the shelf's search in assets/shelf/ too.
    const files = (await readdir(ASSETS, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile() && !e.name.endsWith('.gz'))
      .map((e) => relative(ASSETS, join(e.parentPath ?? e.path, e.name)));
    const hashed = files.filter((f) => HASHED.test(f));
    assert.ok(hashed.some((f) => f.endsWith('.wasm')) && hashed.some((f) => f.endsWith('.css')), files.join(' '));
    assert.ok(files.includes('gongkai-loader.js') && files.includes('embed.js'), files.join(' '));
    assert.ok(files.includes('shelf/gongkai-loader.js') && hashed.some((f) => f.startsWith('shelf/') && f.endsWith('.wasm')), files.join(' '));
    for (const file of files) {
      const res = await get(`${nginx.url}${SUB_PATH}assets/${file}`);
      assert.equal(res.status, 200, file);
      assert.equal(res.headers['cache-control'],
        HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache', file);
      assert.equal(res.headers['content-security-policy'], CSP, file);
      assert.equal(res.headers['x-content-type-options'], 'nosniff', file);
      if (file.endsWith('.js')) assert.match(res.headers['content-type'], /^(application|text)\/javascript/, file);
      if (file.endsWith('.css')) assert.equal(res.headers['content-type'], 'text/css; charset=utf-8', file);
    }
  });

  test('.wasm is application/wasm, and gzip-encoded (the precompressed copy) when asked', async () => {
    const wasm = (await readdir(ASSETS)).find((f) => f.endsWith('.wasm'));
    const raw = await readFile(join(ASSETS, wasm));
    const url = `${nginx.url}${SUB_PATH}assets/${wasm}`;
    const gzipped = await get(url, { 'accept-encoding': 'gzip, deflate, br' });
    assert.equal(gzipped.headers['content-type'], 'application/wasm');
    assert.equal(gzipped.headers['content-encoding'], 'gzip');
    assert.match(gzipped.headers.vary ?? '', /accept-encoding/i);
    assert.ok(gzipped.body.length < raw.length * 0.7, `${gzipped.body.length} of ${raw.length} bytes`);
    assert.ok(gunzipSync(gzipped.body).equals(raw), 'the gzip copy is not the wasm');
    const plain = await get(url);
    assert.equal(plain.headers['content-type'], 'application/wasm');
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.ok(plain.body.equals(raw));
  });

  test('every page and asset of the site has its gzip copy, and a page is sent gzip-encoded', async () => {
    const files = (await readdir(SITE, { recursive: true })).filter((f) => /\.(html|js|css|wasm)$/.test(f));
    assert.ok(files.some((f) => f.startsWith(REAL_SLUG)), files.join(' '));
    for (const file of files) {
      assert.ok(await exists(join(SITE, `${file}.gz`)), `${relative(ROOT, join(SITE, file))}.gz is missing`);
    }
    const raw = await readFile(join(SITE, REAL_SLUG, 'index.html'));
    const page = await get(`${nginx.url}${PAGE_PATH}`, { 'accept-encoding': 'gzip' });
    assert.equal(page.headers['content-encoding'], 'gzip');
    assert.ok(gunzipSync(page.body).equals(raw), 'the gzip copy is not the page');
    // Issue 12's budget for a report's page (the data and search tables included): 30 KB gzip.
    assert.ok(page.body.length <= 30 * 1024, `the real report's page is ${page.body.length} B gzip, over 30 KB`);
  });

  test('a missing file is a 404 with the same security headers', async () => {
    const res = await get(`${nginx.url}${SUB_PATH}no-such-file.js`);
    assert.equal(res.status, 404);
    assert.equal(res.headers['content-security-policy'], CSP);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
  });
});

describe('in Chromium, under the strict CSP', () => {
  test('the viewer loads and is used with zero CSP violations and zero console errors', async () => {
    const { page, context } = await open(browser, `${nginx.url}${PAGE_PATH}`);
    await waitLive(page);
    // Move through what the viewer does: a section, search, cards, settings, the QR dialog.
    await page.locator('#gk-outline a').nth(1).click();
    await page.locator('#gk-search-input').fill('法治');
    await page.locator('#gk-results').waitFor();
    await page.locator('.gk-views a').nth(1).click();
    await page.locator('.gk-card').first().waitFor();
    await page.locator('.gk-settings > summary').click();
    await page.locator('.gk-settings input[type="radio"]').last().check();
    await page.getByRole('button', { name: '手机扫码阅读' }).click();
    await page.locator('.gk-share svg').waitFor();
    await page.keyboard.press('Escape');
    await page.waitForLoadState('networkidle');
    // The one script without a src is the report's data, which never runs.
    assert.deepEqual(await page.locator('script:not([src])').evaluateAll((scripts) => scripts.map((e) => e.type)),
      ['application/json']);
    // The loader found the page's own stylesheet and did not add it twice.
    const sheets = await page.evaluate(() => [...document.querySelectorAll('link[rel="stylesheet"]')]
      .map((link) => new URL(link.href).pathname.split('/').pop().replace(/-[0-9a-f]{12,16}/, '')));
    assert.deepEqual(sheets.sort(), ['gongkai.css']);
    await assertClean(page);
    await context.close();
  });

  for (const theme of ['light', 'dark', 'contrast']) {
    test(`the ${theme} palette keeps every pair at 4.5:1 or more`, async () => {
      const { page, context } = await open(browser, `${nginx.url}${PAGE_PATH}`, { theme });
      // A chosen theme starts the app at once, without waiting for the reader's first move.
      await page.locator(`.gk-root.gk-theme-${theme}`).waitFor({ timeout: 15000 });
      assertContrast(await contrasts(page.mainFrame()), theme);
      await context.close();
    });
  }
});

describe('in a portal page (tests/fixtures/portal/)', () => {
  test('an iframe grows to its content, with no scrollbar of its own, and follows it', async () => {
    const { page, context } = await open(browser, `${nginx.url}/portal/frame.html`);
    const frameElement = page.locator('iframe.gongkai-frame');
    const frame = await (await frameElement.elementHandle()).contentFrame();
    await frame.locator('.gk-root.gk-live').waitFor({ timeout: 15000 });
    const fits = async () => {
      const outer = await frameElement.evaluate((f) => f.getBoundingClientRect().height);
      const inner = await frame.evaluate(() => ({
        root: Math.ceil(document.querySelector('.gk-root').getBoundingClientRect().height),
        scroll: document.documentElement.scrollHeight,
        client: document.documentElement.clientHeight,
      }));
      return { ok: Math.abs(outer - inner.root) <= 1 && inner.scroll <= inner.client, outer, ...inner };
    };
    const text = await waitUntil('the frame takes the height of the report', fits);
    assert.ok(text.outer > 1000, `the frame is ${text.outer}px for the whole report`);
    // Embedded: the portal's page has the breadcrumb; the viewer's is hidden.
    assert.equal(await frame.locator('.gk-root.gk-embed').count(), 1);
    assert.equal(await frame.locator('.gk-breadcrumb').isVisible(), false);
    // Another view, another height; a link inside keeps the frame embedded.
    await frame.locator('.gk-views a').nth(1).click();
    await frame.locator('.gk-card').first().waitFor();
    const cards = await waitUntil('the frame follows the cards view',
      async () => { const f = await fits(); return { ...f, ok: f.ok && f.outer !== text.outer }; });
    assert.ok(cards.outer > 100);
    assert.equal(await frame.locator('.gk-root.gk-embed').count(), 1);
    assert.match(await frame.evaluate(() => location.hash), /embed=1/);
    await assertClean(page);
    await context.close();
  });

  const HOST_ELEMENTS = ['body', '.portal-header', '.portal-header h1', '.portal-nav a', '#portal-zoom-in',
    '.article', '.article > h2', '.portal-intro', '.portal-footer'];
  const HOST_PROPERTIES = ['margin-top', 'margin-bottom', 'padding-left', 'font-size', 'font-family',
    'line-height', 'color', 'background-color', 'text-indent', 'letter-spacing', 'box-sizing',
    'border-bottom-width', 'text-decoration-line', 'display', 'width'];
  const VIEWER_ELEMENTS = ['.gk-text p', 'h2.gk-heading', 'h3.gk-heading', '.gk-title', '.gk-outline li',
    '.gk-outline a', '.gk-button', '.gk-meta dd', '.gk-search-input', '.gk-toolbar'];
  const VIEWER_PROPERTIES = ['margin-top', 'margin-bottom', 'padding-left', 'font-size', 'font-family',
    'font-weight', 'line-height', 'text-indent', 'letter-spacing', 'box-sizing', 'border-bottom-width',
    'list-style-type', 'text-decoration-line', 'color', 'background-color'];

  test('mounted, the viewer stays in its element and no style crosses either way', async () => {
    const url = `${nginx.url}/portal/index.html`;
    // The portal as it is without the viewer, and the viewer as it is on its own page.
    const bare = await open(browser, url, { block: '**/gongkai-loader.js' });
    await bare.page.waitForLoadState('networkidle');
    const hostBefore = await stylesOf(bare.page, HOST_ELEMENTS, HOST_PROPERTIES);
    await bare.context.close();
    const alone = await open(browser, `${nginx.url}${PAGE_PATH}`, { theme: 'light' });
    await waitLive(alone.page);
    const viewerAlone = await stylesOf(alone.page, VIEWER_ELEMENTS, VIEWER_PROPERTIES);
    await alone.context.close();

    const { page, context } = await open(browser, url, { theme: 'light' });
    await waitLive(page);
    await page.waitForLoadState('networkidle');
    assert.deepEqual(await stylesOf(page, HOST_ELEMENTS, HOST_PROPERTIES), hostBefore);
    const viewerMounted = await stylesOf(page, VIEWER_ELEMENTS, VIEWER_PROPERTIES);
    // The one difference is the portal's own accent (its --gongkai-accent), on the headings.
    for (const selector of ['h2.gk-heading', '.gk-title']) {
      assert.equal(viewerMounted[selector].color, 'rgb(11, 79, 156)', selector);
      viewerAlone[selector].color = viewerMounted[selector].color;
    }
    assert.deepEqual(viewerMounted, viewerAlone);

    const placement = await page.evaluate(() => {
      const mount = document.querySelector('[data-gongkai]');
      const box = mount.getBoundingClientRect();
      const outside = [...mount.querySelectorAll('*')].filter((element) => {
        const rect = element.getBoundingClientRect();
        const shown = rect.width > 0 && rect.height > 0 && getComputedStyle(element).position !== 'fixed'
          && !element.closest('dialog:not([open]), .gk-skip, .gk-visually-hidden');
        return shown && (rect.left < box.left - 0.5 || rect.right > box.right + 0.5);
      }).map((element) => element.className || element.tagName);
      return {
        roots: document.querySelectorAll('.gk-root').length,
        inMount: mount.firstElementChild?.classList.contains('gk-root') && mount.children.length === 1,
        classes: mount.firstElementChild?.className,
        outside,
        title: document.title,
        bodyChildren: [...document.body.children].map((e) => e.tagName + (e.className ? `.${e.className}` : '')),
      };
    });
    assert.equal(placement.roots, 1);
    assert.ok(placement.inMount, 'the viewer is not the only child of its element');
    assert.match(placement.classes, /\bgk-mounted\b/);
    assert.deepEqual(placement.outside, []);
    assert.equal(placement.title, '示例门户 - 法治政府建设年度报告', 'the portal page\'s title changed');
    assert.deepEqual(placement.bodyChildren,
      ['HEADER.portal-header', 'DIV.portal-toolbar', 'MAIN.article', 'FOOTER.portal-footer', 'SCRIPT']);
    assertContrast(await contrasts(page.mainFrame()), 'the portal\'s blue');
    await assertClean(page);
    await context.close();
  });

  test('mounted, the portal\'s accessibility toolbar reaches the report text', async () => {
    const { page, context } = await open(browser, `${nginx.url}/portal/index.html`);
    await waitLive(page);
    const report = (await page.locator('#gk-text p').allInnerTexts()).map((t) => t.replace(/\s+/g, ''));
    assert.ok(report.length > 5);
    const found = await page.evaluate(() => window.portalToolbar.paragraphs());
    for (const paragraph of report) assert.ok(found.includes(paragraph), `not found: ${paragraph.slice(0, 30)}`);
    // Its text zoom (the page's root font size) zooms the report too.
    const size = () => page.locator('#gk-text p').first().evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
    const before = await size();
    await page.locator('#portal-zoom-in').click();
    assert.ok(Math.abs(await size() - before * 1.25) < 0.5, `${before}px → ${await size()}px`);
    await assertClean(page);
    await context.close();
  });

  test('mounted, links move the viewer\'s own parameter, never the portal\'s hash', async () => {
    const start = `${nginx.url}/portal/index.html?id=7#main`;
    const { page, context } = await open(browser, start);
    await waitLive(page);
    const link = page.locator('#gk-outline a').nth(2);
    const id = (await link.getAttribute('href')).replace('#/s/', '');
    await link.click();
    await waitUntil('the address moves', async () => ({ ok: page.url().includes('gk='), url: page.url() }));
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('id'), '7');
    assert.equal(url.searchParams.get('gk'), `/s/${id}`);
    assert.equal(url.hash, '#main');
    assert.equal(await page.evaluate(() => window.portalToolbar.hashChanges()), 0);
    const heading = page.locator(`[id="gk-s-${id}"]`);
    await waitUntil('the section is brought into view', async () => {
      const top = await heading.evaluate((h) => h.getBoundingClientRect().top);
      return { ok: top >= 0 && top < DESK.height / 2, top };
    });
    // The shared address reopens the same place in the portal page.
    await page.getByRole('button', { name: '手机扫码阅读' }).click();
    const shared = await page.locator('#gk-share-address').inputValue();
    assert.equal(shared, page.url());
    await page.keyboard.press('Escape');
    // Back: the viewer follows; forward and a fresh load of the shared address, too.
    await page.goBack();
    await waitUntil('back leaves the section', async () => ({ ok: !page.url().includes('gk='), url: page.url() }));
    await page.goto(shared);
    await waitLive(page);
    await waitUntil('a shared address opens at its section', async () => {
      const top = await heading.evaluate((h) => h.getBoundingClientRect().top);
      return { ok: top >= 0 && top < DESK.height / 2, top };
    });
    assert.equal(await page.evaluate(() => window.portalToolbar.hashChanges()), 0);
    await assertClean(page);
    await context.close();
  });
});
