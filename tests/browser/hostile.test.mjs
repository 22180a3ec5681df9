// Hostile input (issue 18): what an attacker, or a careless CMS, can put in front of the viewer.
// Report files written at the start into a temporary folder — a text report whose title,
// headings, paragraphs and publication line carry markup and script (`<script>`, a `</script>`
// that would end the page's data block, onerror images, javascript: links, template syntax,
// comment openers and closers), bidi overrides, zero-width characters and combining marks; a
// paragraph of a million characters; a saved portal page with real attacks (scripts, handlers,
// javascript: links, an iframe, <svg onload>, unclosed tags, tables nested 400 deep) and escaped
// markup in its title, metadata and table cells — are published with `gongkai site` into a
// temporary site and read on their pages with JavaScript off and on, and on the site's preview
// page 打开本地报告 (chosen and pasted). Also: lone surrogates, hostile addresses, foreign and
// malformed postMessage (to a framed viewer, to the page itself, to static/embed.js), and a
// tampered <meta name="gongkai:base-url">.
// Expected everywhere: the hostile text is shown as text, as `gongkai parse` reads the same file
// (and `gongkai check` warns), or refused with a notice; no script runs; no console error, no
// uncaught exception, no CSP violation. No script running is seen two ways: a canary
// (`window.__pwned`, set false before any page script, which every payload tries to set true;
// any dialog counts too), and, since the strict CSP blocks inline script anyway, the CSP
// violation an injection causes. One test reads the pages again with the CSP bypassed, where an
// injected script would run and set the canary; a self-check shows every detector catches a
// real injection.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ROOT, assertClean, cspViolations, decodeScreenshot, gongkai, launchChromium, parseReport, serveDir,
  showTools, waitLive, watchPage, watchedContext,
} from './harness.mjs';

const DESK = { width: 1280, height: 900 };

// ---------------------------------------------------------------------------------------------
// The payloads, and the reports that carry them

const SCRIPT = '<script>window.__pwned=true</script>';
const BREAKOUT = '</script><script>window.__pwned=true</script>';
const IMG = '<img src=x onerror="window.__pwned=true">';
const LINK = '<a href="javascript:window.__pwned=true">点我</a>';
const TEMPLATE = '{{7*7}}${window.__pwned=true}';
const COMMENT_OPEN = '<!--';
const COMMENT_CLOSE = '-->';
/** RIGHT-TO-LEFT OVERRIDE: "报告txt.exe" shown as "报告exe.txt". */
const BIDI = '\u202Etxt.exe';
const ZERO_WIDTH = '法\u200B治\u200D政\uFEFF府';
const COMBINING = 'e\u0301\u0302\u0303\u0304z\u0336\u0336';
/** Every payload that is markup or code, to be found as literal text. */
const MARKUP = [SCRIPT, BREAKOUT, IMG, LINK, TEMPLATE, COMMENT_OPEN, COMMENT_CLOSE];

const TEXT_TITLE = `某县某局2023年法治政府建设工作情况的报告${SCRIPT}`;
const HOSTILE_TEXT = `${[
  TEXT_TITLE,
  `发布时间：2024年3月1日 来源：某县某局${IMG}`,
  `2023年，我局坚持依法行政${BREAKOUT}，现将有关情况报告如下：`,
  `一、主要举措${LINK}`,
  `（一）加强行政复议${TEMPLATE}`,
  `全年办理${SCRIPT}行政复议案件12件，${IMG}纠正违法行为3件。`,
  `注释开头${COMMENT_OPEN}不闭合，办理行政诉讼案件8件。`,
  `（二）规范行政执法${BIDI}`,
  `${ZERO_WIDTH}建设推进有力，组合字符${COMBINING}，组织听证5次${COMMENT_CLOSE}。`,
  `二、存在的问题${SCRIPT}`,
  `一是${LINK}宣传不够；二是${TEMPLATE}队伍建设有待加强。`,
].join('\n')}\n`;

/** One paragraph of a million characters, with the script payload inside it twice. */
const LONG_FILLER = '依法行政'.repeat(125000);
const LONG_TEXT = `${[
  '某县某局2023年法治政府建设工作情况的报告（长段落）',
  '一、长段落',
  `全年办理行政复议案件12件。${LONG_FILLER}${SCRIPT}${LONG_FILLER}${SCRIPT}`,
  '二、结束语',
  '办理行政诉讼案件8件。',
].join('\n')}\n`;

/** No title line: the title comes from the breadcrumb, and a warning quotes it. */
const CRUMB = `某县某局2023年法治政府建设工作报告${SCRIPT}`;
const NO_TITLE_TEXT = `${[
  `当前位置：首页 > 政务公开 > ${CRUMB}`,
  '发布时间：2024-03-01 来源：某县某局',
  '2023年，我局坚持依法行政，现将有关情况报告如下：',
  `二、主要举措${IMG}`,
  '全年办理行政复议案件12件。',
].join('\n')}\n`;

const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  .replace(/"/g, '&quot;');

const PAGE_TITLE = `某县某局2023年政府信息公开工作年度报告${SCRIPT}`;
const NESTING = 400;
function hostilePage() {
  let nested = '嵌套表格中的文字';
  for (let i = 0; i < NESTING; i += 1) nested = `<table><tr><td>${nested}</td></tr></table>`;
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8">
<title>${escape(PAGE_TITLE)}_某县人民政府</title>
<meta name="ArticleTitle" content="${escape(PAGE_TITLE)}">
<meta name="PubDate" content="2024-01-18 16:05:12">
<meta name="ContentSource" content="${escape(`某县某局${IMG}`)}">
<meta http-equiv="refresh" content="0;url=javascript:window.__pwned=true">
<base href="javascript:window.__pwned=true//">
<script>window.__pwned=true</script>
</head>
<body onload="window.__pwned=true">
<div class="nav"><a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a></div>
<div class="article-box">
<h1 class="title">某县某局2023年政府信息公开工作年度报告</h1>
<div class="info"><span>发布时间：2024-01-18</span><span>来源：某县某局</span></div>
<div class="zoom" id="zoom">
<script>window.__pwned=true</script>
<p>本报告根据《条例》编制${escape(BREAKOUT)}。<img src=x onerror="window.__pwned=true"></p>
<p><strong>一、总体情况${escape(SCRIPT)}</strong></p>
<p>全年主动公开政府信息156条<a href="javascript:window.__pwned=true">点我</a>，其中政策文件12件。</p>
<iframe src="javascript:window.__pwned=true"></iframe><iframe srcdoc="<script>parent.__pwned=true</script>"></iframe>
<svg onload="window.__pwned=true"><circle r="1"/></svg>
<object data="javascript:window.__pwned=true"></object>
<form action="javascript:window.__pwned=true"><input name="q" autofocus onfocus="window.__pwned=true"></form>
<noscript><p title="</noscript><img src=x onerror=window.__pwned=true>"></noscript>
<p>未闭合的标签<b><i>加粗<span>文字${escape(TEMPLATE)}
<p>${escape(COMMENT_OPEN)} 注释 ${escape(COMMENT_CLOSE)}<!-- <script>window.__pwned=true</script> --></p>
<p><strong>二、主动公开政府信息情况</strong></p>
<table border="1"><tbody>
<tr><td>信息内容</td><td>本年制发件数</td></tr>
<tr><td>${escape(SCRIPT)}</td><td>7</td></tr>
<tr><td>${escape(IMG)}</td><td>3<img src=x onerror="window.__pwned=true"></td></tr>
<tr><td><a href="javascript:window.__pwned=true">点我</a></td><td onclick="window.__pwned=true">5</td></tr>
</tbody></table>
<p><strong>三、其他需要报告的事项</strong></p>
${nested}
<p>办理行政复议案件12件。</p>
</div></div>
<div class="footer">主办：某县人民政府</div>
</body></html>
`;
}

// ---------------------------------------------------------------------------------------------
// The temporary site, its servers and the browser

/** Files by slug, as `gongkai site` names their pages. */
const FILES = {
  'hostile-text': ['hostile-text.txt', HOSTILE_TEXT],
  'hostile-page': ['hostile-page.html', hostilePage()],
  'hostile-no-title': ['hostile-no-title.txt', NO_TITLE_TEXT],
  'hostile-long': ['hostile-long.txt', LONG_TEXT],
};
/** Copies of the text report's page with a tampered base address. */
const TAMPERED = {
  'tampered-javascript': 'javascript:window.__pwned=true//',
  'tampered-case': ' JaVaScRiPt:window.__pwned=true//',
  'tampered-data': `data:text/html,${SCRIPT}`,
};

const env = {};
const file = (slug) => join(env.dir, FILES[slug][0]);
const pageUrl = (slug) => `${env.site.url}${slug}/`;
const previewUrl = () => `${env.site.url}preview/`;

/** What `gongkai check` says of a file: its warnings as the preview lists them. */
async function checkWarnings(path) {
  const out = await gongkai(['check', path], { allowFailure: true });
  return out.split('\n').filter((line) => line.startsWith(`${path}:`))
    .map((line) => line.slice(path.length + 1).match(/^(\d+): 警告：(.*)$/))
    .filter(Boolean)
    .map(([, line, message]) => `第 ${line} 行：${message}`);
}

/** Serves fixed pages from another origin (another port) under a CSP that lets it frame the site. */
async function serveForeign(pages, csp) {
  const server = createServer((req, res) => {
    const body = pages[new URL(req.url, 'http://x').pathname];
    const headers = { 'content-security-policy': csp, 'content-type': 'text/html; charset=utf-8' };
    if (body === undefined) res.writeHead(404, headers).end();
    else res.writeHead(200, headers).end(body);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((ok) => server.close(ok)) };
}

before(async () => {
  env.dir = await mkdtemp(join(tmpdir(), 'gongkai-hostile-'));
  const out = join(env.dir, 'site');
  for (const [name, text] of Object.values(FILES)) await writeFile(join(env.dir, name), text);
  const browser = launchChromium().then((b) => { env.browser = b; });
  await gongkai(['site', ...Object.keys(FILES).map(file), '--out', out, '--viewer', join(ROOT, 'dist')]);
  // What the pages are expected to show: the parser's reading of the same files.
  env.parsed = {};
  for (const slug of ['hostile-text', 'hostile-page', 'hostile-no-title']) env.parsed[slug] = await parseReport(file(slug));
  env.warnings = {};
  for (const slug of ['hostile-text', 'hostile-page', 'hostile-no-title']) env.warnings[slug] = await checkWarnings(file(slug));
  // The expectations hold the payloads as text, or the checks below would prove nothing.
  assert.equal(env.parsed['hostile-text'].title, TEXT_TITLE);
  assert.equal(env.parsed['hostile-page'].title, PAGE_TITLE);
  for (const payload of MARKUP) assert.ok(JSON.stringify(env.parsed['hostile-text']).includes(JSON.stringify(payload).slice(1, -1)), payload);
  assert.ok(env.warnings['hostile-no-title'].some((w) => w.includes(SCRIPT)), 'no warning quotes the hostile crumb');

  // A published page edited to name a hostile public address.
  const published = await readFile(join(out, 'hostile-text', 'index.html'), 'utf8');
  for (const [slug, base] of Object.entries(TAMPERED)) {
    await mkdir(join(out, slug));
    const meta = `<meta charset="utf-8">\n<meta name="gongkai:base-url" content="${escape(base)}">`;
    assert.ok(published.includes('<meta charset="utf-8">'));
    await writeFile(join(out, slug, 'index.html'), published.replace('<meta charset="utf-8">', () => meta));
  }
  // A portal page of the site's own origin that frames the viewer with static/embed.js, beside
  // a sandboxed frame (an opaque origin) that posts to it.
  await mkdir(join(out, 'portal'));
  await writeFile(join(out, 'portal', 'index.html'), `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>示例门户</title><link rel="icon" href="data:,"></head><body>
<iframe class="gongkai-frame" src="../hostile-text/#/?embed=1" title="报告"></iframe>
<iframe id="other" sandbox="allow-scripts" src="../other/" title="其他"></iframe>
<script src="../assets/embed.js" defer></script>
</body></html>
`);
  await mkdir(join(out, 'other'));
  await writeFile(join(out, 'other', 'index.html'),
    '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>其他</title><link rel="icon" href="data:,"></head><body><p>其他</p></body></html>\n');

  env.site = await serveDir(out, { needs: ['index.html', 'hostile-text/index.html', 'assets/gongkai-loader.js', 'preview/index.html'] });
  const siteOrigin = new URL(env.site.url).origin;
  // Another origin: a page that frames the viewer and has no script of its own.
  env.foreign = await serveForeign({
    '/frame.html': `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>外站页面</title><link rel="icon" href="data:,"></head><body>
<iframe id="viewer" src="${env.site.url}hostile-text/#/?embed=1" title="报告" width="900" height="600"></iframe>
</body></html>
`,
  }, `default-src 'self'; frame-src ${siteOrigin}; img-src 'self' data:; object-src 'none'; base-uri 'none'`);
  await browser;
});

after(async () => {
  await env.browser?.close();
  await env.site?.close();
  await env.foreign?.close();
  if (env.dir) await rm(env.dir, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------
// Opening pages, and what is checked in them

/** Runs before any script of every frame: the canary every payload tries to set. */
function canary() {
  window.__pwned = false;
}

/**
 * Opens `url` in a new context: watched by the harness (console errors, uncaught exceptions,
 * requests off 127.0.0.1; CSP violations unless `bypassCSP`), with the canary and any other
 * `init` script, and every dialog recorded and dismissed. Waits for the viewer unless `live`
 * is false or JavaScript is off.
 */
async function open(url, { javaScriptEnabled = true, live = true, bypassCSP = false, init, permissions } = {}) {
  const context = bypassCSP
    ? await env.browser.newContext({ viewport: DESK, locale: 'zh-CN', bypassCSP: true })
    : await watchedContext(env.browser, { viewport: DESK, javaScriptEnabled });
  await context.addInitScript(canary);
  if (init) await context.addInitScript(init);
  if (permissions) await context.grantPermissions(permissions, { origin: new URL(env.site.url).origin });
  const page = await context.newPage();
  const dialogs = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    dialog.dismiss().catch(() => {});
  });
  watchPage(page);
  if (url) await page.goto(url);
  if (url && javaScriptEnabled && live) await waitLive(page);
  return { page, context, dialogs };
}

/**
 * Run in a document: what an injection leaves behind (handlers, javascript: addresses,
 * elements the viewer never makes, scripts that are neither same-origin files nor the JSON data
 * block), and the canary.
 */
function inspect() {
  const found = [];
  for (const element of document.querySelectorAll('*')) {
    for (const { name, value } of element.attributes) {
      if (/^on/i.test(name)) found.push(`${element.localName}[${name}]`);
      if (/^\s*(javascript|vbscript|data):/i.test(value) && !(element.localName === 'meta' && name === 'content')) {
        found.push(`${element.localName}[${name}="${value.slice(0, 40)}"]`);
      }
    }
  }
  for (const element of document.querySelectorAll('iframe, frame, object, embed, base, form, noscript, meta[http-equiv]')) {
    found.push(element.localName);
  }
  for (const script of document.scripts) {
    const ours = script.type === 'application/json' || (script.src && new URL(script.src).origin === location.origin);
    if (!ours) found.push(`script: ${script.outerHTML.slice(0, 60)}`);
  }
  return { pwned: window.__pwned, found, polluted: ({}).polluted !== undefined };
}

/** Nothing ran and nothing was injected in `frame` (the page's main frame unless told). */
async function assertSafe(page, dialogs, what, { frame = page.mainFrame(), javaScript = true } = {}) {
  const seen = await frame.evaluate(inspect);
  assert.deepEqual(seen.found, [], `${what}: what an injection leaves in the document`);
  // Playwright's init scripts run even where the page's own JavaScript is off: the canary is
  // there too, and must not have turned.
  if (javaScript) assert.equal(seen.pwned, false, `${what}: the canary (true: a payload ran)`);
  else assert.notEqual(seen.pwned, true, `${what}: the canary`);
  assert.equal(seen.polluted, false, `${what}: Object.prototype was polluted`);
  assert.deepEqual(dialogs, [], `${what}: dialogs were opened`);
}

function flatten(sections, out = []) {
  for (const section of sections) {
    out.push(section);
    flatten(section.children ?? [], out);
  }
  return out;
}

const squeeze = (text) => text.replace(/\s+/g, '');

/** The texts a report shows in reading order: headings, paragraphs and table cells. */
function blocksOf(report) {
  const texts = [];
  const add = (paragraph) => {
    if (paragraph.kind === 'table') texts.push(...paragraph.rows.flat().map((cell) => cell.text));
    else texts.push(paragraph.text);
  };
  (report.preamble ?? []).forEach(add);
  for (const section of flatten(report.sections)) {
    if (section.title) texts.push(`${section.number}${section.title}`);
    (section.paragraphs ?? []).forEach(add);
  }
  return texts.filter((t) => t.trim());
}

/**
 * The page shows `report` as the parser read it, as text: the title (heading and document
 * title), every heading, paragraph and table cell in order, the publication line; and the
 * markup payloads the report holds are there as literal text.
 */
async function assertShownAsText(page, report, what) {
  assert.equal(await page.locator('h1').count(), 1, `${what}: one title`);
  assert.equal((await page.locator('h1.gk-title').innerText()).trim(), report.title, `${what}: the title`);
  assert.equal(await page.title(), report.title, `${what}: document.title`);
  const shown = squeeze(await page.locator('#gk-text').innerText());
  let cursor = 0;
  for (const block of blocksOf(report).map(squeeze)) {
    const at = shown.indexOf(block, cursor);
    assert.ok(at >= cursor, `${what}: missing or out of order: ${JSON.stringify(block.slice(0, 60))}`);
    cursor = at + block.length;
  }
  if (report.source) {
    assert.ok((await page.locator('.gk-meta').innerText()).includes(report.source), `${what}: the source ${report.source}`);
  }
  const everything = await page.locator('.gk-header, #gk-text').allInnerTexts();
  for (const payload of MARKUP) {
    if (JSON.stringify(report).includes(JSON.stringify(payload).slice(1, -1))) {
      assert.ok(everything.some((t) => t.includes(payload)), `${what}: ${payload} is not shown as text`);
    }
  }
}

/** The text report's Unicode oddities are kept as they are, not dropped or reordered. */
async function assertUnicodeKept(page, what) {
  const text = await page.locator('#gk-text').textContent();
  for (const kept of [BIDI, ZERO_WIDTH, COMBINING]) {
    assert.ok(text.includes(kept), `${what}: ${JSON.stringify(kept)} was not kept`);
  }
}

/** The saved page's table: its hostile cells are cells of text; the link in one is gone. */
async function assertHostileCells(page, what) {
  const cells = await page.locator('#gk-text table :is(th, td)').allInnerTexts();
  for (const cell of [SCRIPT, IMG, '点我']) {
    assert.ok(cells.map((c) => c.trim()).includes(cell), `${what}: no table cell reads ${cell}: ${JSON.stringify(cells)}`);
  }
}

/** Searches the page for `query` with its search box: resolves to the hits marked in the text. */
async function search(page, query) {
  await page.fill('#gk-search-input', query);
  await page.locator('#gk-results').waitFor();
  const count = await page.locator('#gk-search-count').innerText();
  const marks = await page.locator('.gk-title mark.gk-hit, #gk-text mark.gk-hit').allInnerTexts();
  return { count, marks };
}

/**
 * Puts `text` into the field `selector` as the reader's typing or pasting would, lone surrogates
 * and all (the browser keeps them in a field's value; the DevTools protocol would not carry
 * them), and tells the app with an input event.
 */
async function enter(page, selector, text) {
  const kept = await page.locator(selector).evaluate((field, value) => {
    field.focus();
    field.value = value;
    field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    return field.value === value;
  }, text);
  assert.ok(kept, `${selector} did not take the text as given`);
}

const NOTICE = '没有找到这个地址对应的内容，已为您显示报告开头。';

// ---------------------------------------------------------------------------------------------

describe('self-check', () => {
  test('the detectors catch a real injection: CSP violation, canary, dialog, injected markup', async () => {
    // Under the CSP: an injected handler is refused, and the refusal is seen.
    const strict = await open(pageUrl('hostile-text'));
    try {
      await strict.page.evaluate((img) => document.body.insertAdjacentHTML('beforeend', img), IMG);
      await strict.page.waitForFunction(() => window.__cspViolations.length > 0, null, { timeout: 5000 });
      assert.ok((await cspViolations(strict.page)).length > 0);
      await assert.rejects(assertClean(strict.page), (error) => error.actual.cspViolations.length > 0);
      assert.equal(await strict.page.evaluate(() => window.__pwned), false, 'the CSP let the handler run');
      await assert.rejects(assertSafe(strict.page, strict.dialogs, 'injected'),
        (error) => JSON.stringify(error.actual).includes('img[onerror]'));
    } finally {
      await strict.context.close();
    }
    // Without it: the handler runs and sets the canary; an alert is recorded.
    const loose = await open(pageUrl('hostile-text'), { bypassCSP: true });
    try {
      await loose.page.evaluate((img) => document.body.insertAdjacentHTML('beforeend', img), IMG);
      await loose.page.waitForFunction(() => window.__pwned === true, null, { timeout: 5000 });
      await loose.page.evaluate(() => setTimeout(() => alert('pwned'), 0));
      await loose.page.waitForTimeout(200);
      assert.deepEqual(loose.dialogs, ['alert: pwned']);
    } finally {
      await loose.context.close();
    }
  });
});

describe('hostile reports on their published pages', () => {
  for (const slug of ['hostile-text', 'hostile-page']) {
    test(`${slug}: without JavaScript, the prerendered page shows the hostile text as text`, async () => {
      const { page, context, dialogs } = await open(pageUrl(slug), { javaScriptEnabled: false });
      try {
        await assertShownAsText(page, env.parsed[slug], slug);
        if (slug === 'hostile-text') await assertUnicodeKept(page, slug);
        else await assertHostileCells(page, slug);
        await assertSafe(page, dialogs, slug, { javaScript: false });
        // The data block was not ended early by a `</script>` in the text: one block, which reads.
        const blocks = await page.locator('script[type="application/json"]').allTextContents();
        assert.equal(blocks.length, 1);
        assert.equal(JSON.parse(blocks[0]).report.title, env.parsed[slug].title);
      } finally {
        await context.close();
      }
    });

    test(`${slug}: with JavaScript, hydrated, searched for <script> and in the cards view`, async () => {
      const report = env.parsed[slug];
      const { page, context, dialogs } = await open(pageUrl(slug), {
        init: () => document.addEventListener('DOMContentLoaded', () => {
          window.__prerendered = document.getElementById('gk-text')?.textContent ?? null;
        }),
      });
      try {
        await assertShownAsText(page, report, `${slug}, hydrated`);
        assert.equal(await page.locator('#gk-text').textContent(), await page.evaluate(() => window.__prerendered),
          'hydration changed the text');
        if (slug === 'hostile-text') await assertUnicodeKept(page, slug);
        else await assertHostileCells(page, slug);
        await assertSafe(page, dialogs, `${slug}, hydrated`);

        const { count, marks } = await search(page, '<script>');
        assert.match(count, /^共 \d+ 处$/);
        assert.ok(marks.length > 0 && marks.every((m) => m === '<script>'), `marks: ${JSON.stringify(marks)}`);
        assert.ok((await page.locator('#gk-results').innerText()).includes('<script>'), 'the results do not show <script>');
        assert.equal(await page.inputValue('#gk-search-input'), '<script>');
        await assertSafe(page, dialogs, `${slug}, searched`);

        await page.locator('nav.gk-views a[href="#/cards"]').click();
        await page.locator('#gk-cards a.gk-card').first().waitFor();
        assert.equal(await page.locator('#gk-cards a.gk-card').count(), report.metrics.length);
        const cards = (await page.locator('#gk-cards').innerText()).replace(/\s+/g, '');
        for (const metric of report.metrics.filter((m) => /[<>{]/.test(m.label))) {
          assert.ok(cards.includes(squeeze(metric.label)), `the card of ${metric.label} does not show it as text`);
        }
        await assertSafe(page, dialogs, `${slug}, cards`);
        await assertClean(page);
      } finally {
        await context.close();
      }
    });
  }

  test('a paragraph of a million characters: prerendered, hydrated, searched, previewed', async (t) => {
    const started = Date.now();
    const longest = (page) => page.locator('#gk-text p').evaluateAll((ps) => {
      const p = ps.reduce((a, b) => (a.textContent.length >= b.textContent.length ? a : b));
      return { length: p.textContent.length, scripts: p.textContent.split('<script>').length - 1 };
    });
    const off = await open(pageUrl('hostile-long'), { javaScriptEnabled: false });
    try {
      const paragraph = await longest(off.page);
      assert.ok(paragraph.length >= 1000000, `the paragraph has ${paragraph.length} characters`);
      assert.equal(paragraph.scripts, 2);
      await assertSafe(off.page, off.dialogs, 'long, without JavaScript', { javaScript: false });
    } finally {
      await off.context.close();
    }
    const on = await open(pageUrl('hostile-long'));
    try {
      assert.ok((await longest(on.page)).length >= 1000000);
      const { count, marks } = await search(on.page, '<script>');
      assert.equal(count, '共 2 处');
      assert.deepEqual(marks, ['<script>', '<script>']);
      await assertSafe(on.page, on.dialogs, 'long, searched');
      await assertClean(on.page);
    } finally {
      await on.context.close();
    }
    const preview = await open(previewUrl(), { live: false });
    try {
      await preview.page.locator('#gk-preview-file').setInputFiles(file('hostile-long'));
      await preview.page.locator('.gk-preview-warnings, .gk-preview-ok').first().waitFor({ timeout: 20000 });
      assert.equal((await preview.page.locator('h1.gk-title').innerText()).trim(), LONG_TEXT.split('\n')[0]);
      const paragraph = await longest(preview.page);
      assert.ok(paragraph.length >= 1000000 && paragraph.scripts === 2, JSON.stringify(paragraph));
      await assertSafe(preview.page, preview.dialogs, 'long, previewed');
      await assertClean(preview.page);
    } finally {
      await preview.context.close();
    }
    t.diagnostic(`${Date.now() - started} ms`);
  });

  test('with the CSP bypassed (only the app between payload and page), nothing runs', async () => {
    // Where the CSP would not have refused an injected script: the canary alone tells.
    const { page, context, dialogs } = await open(null, { bypassCSP: true });
    try {
      for (const slug of ['hostile-text', 'hostile-page', 'hostile-no-title', 'tampered-javascript']) {
        await page.goto(pageUrl(slug));
        await waitLive(page);
        await search(page, '<script>');
        await page.locator('nav.gk-views a[href="#/cards"]').click();
        await page.locator('#gk-cards a.gk-card').first().waitFor();
        await page.getByRole('button', { name: '手机扫码阅读' }).click();
        await page.getByRole('button', { name: '复制链接' }).click();
        await page.keyboard.press('Escape');
        await assertSafe(page, dialogs, `${slug}, CSP bypassed`);
      }
      await page.goto(previewUrl());
      await page.locator('#gk-preview-file').setInputFiles(file('hostile-page'));
      await page.locator('.gk-preview-warnings, .gk-preview-ok').first().waitFor({ timeout: 10000 });
      await search(page, '<script>');
      await assertSafe(page, dialogs, 'preview of the page, CSP bypassed');
      await page.getByRole('button', { name: '打开其他报告' }).click();
      await page.fill('#gk-preview-text', HOSTILE_TEXT);
      await page.getByRole('button', { name: '预览粘贴的文本' }).click();
      await page.locator('.gk-preview-warnings, .gk-preview-ok').first().waitFor({ timeout: 10000 });
      await assertSafe(page, dialogs, 'preview of pasted text, CSP bypassed');
      await assertClean(page);
    } finally {
      await context.close();
    }
  });
});

describe('hostile addresses on a report page', () => {
  /** Each address and whether it names something (the report is shown) or not (the notice). */
  const ADDRESSES = [
    ['#/s/../../', 'notice'],
    [`#/s/${'1.'.repeat(5000)}`, 'notice'],
    [`#/s/${'x'.repeat(10000)}`, 'notice'],
    ['#/m/%E0%A4%A', 'notice'],
    ['#/%00', 'notice'],
    ['#/s/1"><img src=x onerror=window.__pwned=true>', 'notice'],
    ['#/cards?m=<script>window.__pwned=true</script>', 'notice'],
    ['#/search?q=%', 'search'],
    ['#/search?q=%FF%FE', 'search'],
    [`#/search?q=${encodeURIComponent(SCRIPT.repeat(300)).slice(0, 10000)}`, 'search'],
    ['#javascript:alert(1)', 'report'],
    ['#/s/1.1', 'report'],
  ];

  /** The page at `hash` shows the report, with the notice or the search as expected. */
  async function assertAt(page, dialogs, hash, expected) {
    const what = `${hash.slice(0, 50)}${hash.length > 50 ? '…' : ''}`;
    const notice = page.locator('.gk-notice');
    if (expected === 'notice') {
      await notice.waitFor({ timeout: 5000 });
      assert.equal((await notice.innerText()).trim(), NOTICE, what);
    } else {
      if (expected === 'search') await page.locator('#gk-results').waitFor({ timeout: 5000 });
      assert.equal(await notice.count(), 0, `${what}: a notice for a good address`);
    }
    if (expected === 'search') assert.ok((await page.locator('#gk-search-count').innerText()).length > 0, what);
    assert.equal((await page.locator('h1.gk-title').innerText()).trim(), TEXT_TITLE, what);
    assert.equal(await page.title(), TEXT_TITLE, what);
    await assertSafe(page, dialogs, what);
  }

  test('opened directly: the report, with the app\'s notice where the address names nothing', async () => {
    const { page, context, dialogs } = await open(null);
    try {
      for (const [hash, expected] of ADDRESSES) {
        await page.goto('about:blank');
        await page.goto(pageUrl('hostile-text') + hash);
        await waitLive(page);
        await assertAt(page, dialogs, hash, expected);
      }
      await assertClean(page);
    } finally {
      await context.close();
    }
  });

  test('reached from a live page (hashchange): the same', async () => {
    const { page, context, dialogs } = await open(pageUrl('hostile-text'));
    try {
      for (const [hash, expected] of ADDRESSES) {
        await page.evaluate((h) => { location.hash = h; }, hash);
        await page.waitForTimeout(50);
        await assertAt(page, dialogs, hash, expected);
        // Back to the start, so that the next address is a change.
        await page.evaluate(() => { location.hash = '#/'; });
        await page.waitForFunction(() => !document.querySelector('.gk-notice, #gk-results'));
      }
      await assertClean(page);
    } finally {
      await context.close();
    }
  });

  test('lone surrogates: in the address (percent-encoded and raw) and typed into search', async () => {
    const { page, context, dialogs } = await open(null);
    // What the app shows is well-formed (a lone surrogate read as U+FFFD); the search field
    // itself keeps what the reader typed, as any field does.
    const wellFormed = () => page.evaluate(() => document.getElementById('gongkai').textContent.isWellFormed());
    try {
      for (const hash of ['#/search?q=%ED%A0%80', '#/search?q=a%ED%B0%80b', '#/search?q=\uD800', '#/s/\uDC00']) {
        await page.goto('about:blank');
        await page.goto(pageUrl('hostile-text') + hash);
        await waitLive(page);
        await assertAt(page, dialogs, hash, hash.startsWith('#/s/') ? 'notice' : 'search');
        assert.ok(await wellFormed(), `${hash}: a lone surrogate reached the page`);
      }
      // Raw lone surrogates given to the app by the page itself and by the search box.
      await page.evaluate(() => { location.hash = '#/search?q=\uD800\uD800'; });
      await page.locator('#gk-results').waitFor();
      for (const query of ['\uD800', 'a\uDFFFb', '法治\uD800']) {
        await enter(page, '#gk-search-input', query);
        await page.locator('#gk-results').waitFor();
        assert.ok((await page.locator('#gk-search-count').innerText()).length > 0, JSON.stringify(query));
        assert.ok(await wellFormed(), `${JSON.stringify(query)}: a lone surrogate reached the page`);
      }
      await assertSafe(page, dialogs, 'lone surrogates');
      await assertClean(page);
    } finally {
      await context.close();
    }
  });
});

describe('postMessage', () => {
  /** Posts every kind of malformed or hostile message with `post(message)`, in the page. */
  function postHostileMessages(target) {
    const deep = [];
    let cursor = deep;
    for (let i = 0; i < 500; i += 1) {
      const next = [];
      cursor.push(next);
      cursor = next;
    }
    const messages = [
      null, undefined, 0, NaN, '', 'gongkai:height', '{"type":"gongkai:height","height":5}',
      '<script>window.__pwned=true</script>', [], [{ type: 'gongkai:height', height: 5 }],
      {}, { type: 'gongkai:height' }, { type: 'gongkai:height', height: 'abc' },
      { type: 'gongkai:height', height: -1 }, { type: 'gongkai:height', height: '1e999' },
      { type: 'gongkai:height', height: null }, { type: 'gongkai:height', height: {} },
      { type: 'gongkai:height', height: '100px;background:url(javascript:window.__pwned=true)' },
      { type: ['gongkai:height'], height: 5 }, { type: 'gongkai:navigate', href: 'javascript:window.__pwned=true' },
      { type: 'gongkai:base-url', url: 'javascript:window.__pwned=true//' },
      { type: 'gongkai:search', q: '<script>window.__pwned=true</script>' },
      { type: 'gongkai:html', html: '<img src=x onerror="window.__pwned=true">' },
      JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"type":"gongkai:height","height":5}'),
      { type: 'gongkai:height', height: 5, data: 'x'.repeat(8 << 20) },
      new Array(1 << 20).fill({ type: 'gongkai:height', height: 5 }),
      new ArrayBuffer(16 << 20), deep, new Date(0), /x/g, new Map([['type', 'gongkai:height']]),
    ];
    for (const message of messages) target.postMessage(message, '*');
    return messages.length;
  }

  test('from a page of another origin into the framed viewer: ignored, and the foreign page is told nothing', async () => {
    const { page, context, dialogs } = await open(`${env.foreign.url}frame.html`, {
      live: false,
      init: () => {
        window.__messages = [];
        window.addEventListener('message', (e) => window.__messages.push({ origin: e.origin, type: String(e.data?.type) }));
      },
    });
    try {
      const frame = await (await page.locator('#viewer').elementHandle()).contentFrame();
      await frame.locator('.gk-root.gk-live.gk-embed').waitFor({ timeout: 15000 });
      assert.notEqual(new URL(frame.url()).origin, new URL(page.url()).origin, 'the frame is not of another origin');
      const sent = await page.evaluate(`(${postHostileMessages})(document.getElementById('viewer').contentWindow)`);
      assert.ok(sent > 20);
      // They all arrived (the frame's recorder counted them), and the viewer went on as before.
      await frame.waitForFunction((n) => window.__messages.length >= n, sent, { timeout: 10000 });
      await frame.locator('nav.gk-views a[href="#/cards"]').click();
      await frame.locator('#gk-cards a.gk-card').first().waitFor();
      await assertSafe(page, dialogs, 'the viewer in a foreign frame', { frame });
      // A foreign page is not an allowed parent (src/embed.rs): it learns no height.
      assert.deepEqual(await page.evaluate(() => window.__messages), []);
      assert.equal(await page.evaluate(() => window.__pwned), false);
      await assertClean(page);
    } finally {
      await context.close();
    }
  });

  test('posted by the report page to itself: ignored', async () => {
    const { page, context, dialogs } = await open(pageUrl('hostile-text'));
    try {
      await page.evaluate(`(${postHostileMessages})(window)`);
      await page.waitForTimeout(300);
      const { count } = await search(page, '法治');
      assert.match(count, /^共 \d+ 处$/);
      await assertSafe(page, dialogs, 'messages to the page itself');
      await assertClean(page);
    } finally {
      await context.close();
    }
  });

  test('static/embed.js takes only a number from its own frame, and clamps it', async () => {
    const { page, context, dialogs } = await open(`${env.site.url}portal/`, { live: false });
    try {
      const viewer = page.locator('iframe.gongkai-frame');
      const other = page.locator('#other');
      const frame = await (await viewer.elementHandle()).contentFrame();
      const otherFrame = await (await other.elementHandle()).contentFrame();
      await frame.locator('.gk-root.gk-live').waitFor({ timeout: 15000 });
      const heights = async () => ({
        viewer: await viewer.evaluate((f) => f.style.height),
        other: await other.evaluate((f) => f.style.height),
      });
      await page.waitForFunction(() => parseFloat(document.querySelector('iframe.gongkai-frame').style.height) > 300);
      const told = await heights();
      assert.equal(told.other, '');
      // Another frame (an opaque origin), the portal page itself, and the viewer's own frame
      // with malformed heights: nothing changes.
      await otherFrame.evaluate(`(${postHostileMessages})(parent)`);
      await page.evaluate(`(${postHostileMessages})(window)`);
      await frame.evaluate(() => {
        for (const height of ['abc', -1, '1e999', null, {}, [], '100px;background:red', undefined, Infinity, NaN]) {
          parent.postMessage({ type: 'gongkai:height', height }, '*');
        }
      });
      await page.waitForTimeout(300);
      assert.deepEqual(await heights(), told);
      // A height past any report's is clamped, and the viewer's next height replaces it.
      await frame.evaluate(() => parent.postMessage({ type: 'gongkai:height', height: 1e12 }, '*'));
      await page.waitForFunction(() => parseFloat(document.querySelector('iframe.gongkai-frame').style.height) === 1e6);
      await showTools(frame);
      await frame.locator('nav.gk-views a[href="#/cards"]').click();
      await page.waitForFunction(() => parseFloat(document.querySelector('iframe.gongkai-frame').style.height) < 1000000);
      assert.match((await heights()).viewer, /^\d+px$/);
      for (const f of [page.mainFrame(), frame, otherFrame]) {
        assert.equal(await f.evaluate(() => window.__pwned), false, f.url());
      }
      await assertSafe(page, dialogs, 'the viewer in the portal page', { frame });
      assert.deepEqual(dialogs, []);
      await assertClean(page);
    } finally {
      await context.close();
    }
  });
});

describe('a tampered <meta name="gongkai:base-url">', () => {
  /** Stands in for the system share sheet (headless Chromium has none): records what is shared. */
  function fakeShare() {
    Object.defineProperty(Navigator.prototype, 'share', {
      configurable: true,
      value(data) {
        window.__shared = { url: data.url, title: data.title };
        return Promise.resolve();
      },
    });
  }


  test('the share address, QR code, copied link, share sheet and printout use the page\'s own address', async () => {
    const { page, context, dialogs } = await open(`${pageUrl('tampered-javascript')}#/s/1.1`, {
      init: fakeShare, permissions: ['clipboard-read', 'clipboard-write'],
    });
    try {
      assert.equal(await page.locator('meta[name="gongkai:base-url"]').getAttribute('content'), TAMPERED['tampered-javascript']);
      const own = page.url();
      assert.ok(own.startsWith(`${env.site.url}tampered-javascript/#/s/1.1`), own);
      await page.getByRole('button', { name: '手机扫码阅读' }).click();
      const dialog = page.locator('dialog.gk-share');
      await dialog.waitFor({ state: 'visible' });
      assert.equal(await dialog.locator('#gk-share-address').inputValue(), own);
      assert.equal(await decodeScreenshot(page, dialog.locator('.gk-qr-frame')), own);
      await dialog.getByRole('button', { name: '复制链接' }).click();
      await dialog.locator('.gk-share-status').filter({ hasText: /\S/ }).waitFor();
      assert.equal((await dialog.locator('.gk-share-status').innerText()).trim(), '已复制');
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), own);
      await dialog.getByRole('button', { name: '分享' }).click();
      await page.waitForFunction(() => window.__shared);
      assert.deepEqual(await page.evaluate(() => window.__shared), { url: own, title: TEXT_TITLE });
      await page.keyboard.press('Escape');
      assert.equal((await page.locator('.gk-print-address p').textContent()).trim(), `本页地址：${own}`);
      await assertSafe(page, dialogs, 'tampered base address');
      await assertClean(page);
    } finally {
      await context.close();
    }
  });

  test('other spellings (upper case, a data: address) are ignored too', async () => {
    const { page, context, dialogs } = await open(null);
    try {
      for (const slug of ['tampered-case', 'tampered-data']) {
        await page.goto('about:blank');
        await page.goto(`${pageUrl(slug)}#/cards`);
        await waitLive(page);
        await page.getByRole('button', { name: '手机扫码阅读' }).click();
        assert.equal(await page.locator('#gk-share-address').inputValue(), page.url(), slug);
        await page.getByRole('button', { name: '复制链接' }).click();
        await page.locator('.gk-share-status').filter({ hasText: /\S/ }).waitFor();
        await page.keyboard.press('Escape');
        assert.equal((await page.locator('.gk-print-address p').textContent()).trim(), `本页地址：${page.url()}`, slug);
        await assertSafe(page, dialogs, slug);
      }
      await assertClean(page);
    } finally {
      await context.close();
    }
  });
});

describe('打开本地报告, the preview page', () => {
  /** The preview shows the report as text with `gongkai check`'s warnings, as text. */
  async function assertPreview(page, dialogs, slug, what = slug) {
    await page.locator('.gk-preview-warnings, .gk-preview-ok').first().waitFor({ timeout: 10000 });
    await assertShownAsText(page, env.parsed[slug], what);
    const warnings = env.warnings[slug];
    if (warnings.length) {
      assert.deepEqual(await page.locator('.gk-preview-warnings li').allInnerTexts(), warnings, `${what}: warnings`);
    } else {
      assert.equal(await page.locator('.gk-preview-warnings').count(), 0, `${what}: warnings`);
    }
    if (slug === 'hostile-text') await assertUnicodeKept(page, what);
    if (slug === 'hostile-page') await assertHostileCells(page, what);
    await assertSafe(page, dialogs, what);
  }

  test('chosen hostile .txt and .html files: text, warnings as text, nothing runs', async () => {
    const { page, context, dialogs } = await open(previewUrl(), { live: false });
    try {
      for (const slug of ['hostile-text', 'hostile-page', 'hostile-no-title']) {
        await page.locator('#gk-preview-file').setInputFiles(file(slug));
        await assertPreview(page, dialogs, slug);
        if (slug === 'hostile-no-title') {
          const warned = await page.locator('.gk-preview-warnings li').allInnerTexts();
          assert.ok(warned.some((w) => w.includes(`“${CRUMB}”`)), `the crumb is not quoted as text: ${warned}`);
        }
        await search(page, '<script>');
        await assertSafe(page, dialogs, `${slug}, searched in the preview`);
        await page.getByRole('button', { name: '打开其他报告' }).click();
        await page.locator('#gk-preview-file').waitFor();
      }
      await assertClean(page);
    } finally {
      await context.close();
    }
  });

  test('a hostile file name is text; a UTF-16 file with a lone surrogate is refused politely', async () => {
    const dir = join(env.dir, 'names');
    await mkdir(dir, { recursive: true });
    const named = join(dir, `${IMG.replace(/"/g, '')}.txt`);
    await writeFile(named, HOSTILE_TEXT);
    // UTF-16LE with a byte-order mark, and a high surrogate with no low one after it.
    const refused = join(dir, '"><svg onload=window.__pwned=true>.txt');
    const units = Buffer.from(`${TEXT_TITLE}\n一、概况\n`, 'utf16le');
    await writeFile(refused, Buffer.concat([Buffer.from([0xFF, 0xFE]), units, Buffer.from([0x00, 0xD8, 0x41, 0x00, 0x0A, 0x00])]));
    const { page, context, dialogs } = await open(previewUrl(), { live: false });
    try {
      await page.locator('#gk-preview-file').setInputFiles(named);
      await assertPreview(page, dialogs, 'hostile-text', 'a file with a hostile name');
      const name = named.split('/').pop();
      assert.ok((await page.locator('.gk-preview-bar').innerText()).includes(name), 'the file name is not shown as text');
      await page.getByRole('button', { name: '打开其他报告' }).click();

      await page.locator('#gk-preview-file').setInputFiles(refused);
      const notice = page.locator('.gk-notice[role="alert"]');
      await notice.waitFor({ timeout: 10000 });
      assert.equal((await notice.innerText()).trim(),
        `${refused.split('/').pop()}：文件不是有效的 utf-16le 文本，请另存为 UTF-8 或 GBK 编码后再试`);
      assert.equal(await page.locator('h1').innerText(), '打开本地报告', 'the preview left its start');
      await assertSafe(page, dialogs, 'a refused file');
      await assertClean(page);
    } finally {
      await context.close();
    }
  });

  test('pasted hostile text with lone surrogates, and pasted hostile page source', async () => {
    const { page, context, dialogs } = await open(previewUrl(), { live: false });
    try {
      // Text with lone surrogates, which no file holds but a paste can.
      const pasted = HOSTILE_TEXT.replace('行政复议案件', '行政\uD800复议案件').replace('规范行政执法', '规范\uDFFF行政执法');
      await enter(page, '#gk-preview-text', pasted);
      assert.equal(await page.locator('#gk-preview-text').evaluate((area) => area.value.isWellFormed()), false);
      await page.getByRole('button', { name: '预览粘贴的文本' }).click();
      await page.locator('.gk-preview-warnings, .gk-preview-ok').first().waitFor({ timeout: 10000 });
      assert.equal((await page.locator('h1.gk-title').innerText()).trim(), TEXT_TITLE);
      assert.equal(await page.title(), TEXT_TITLE);
      const text = await page.locator('#gk-text').textContent();
      assert.ok(text.isWellFormed(), 'a lone surrogate reached the page');
      for (const payload of MARKUP) assert.ok(text.includes(payload), `${payload} is not shown as text`);
      assert.match(await page.locator('.gk-preview-bar').innerText(), /预览：粘贴的文本/);
      await assertSafe(page, dialogs, 'pasted text with lone surrogates');
      await page.getByRole('button', { name: '打开其他报告' }).click();

      await page.fill('#gk-preview-text', hostilePage());
      await page.getByRole('button', { name: '预览粘贴的文本' }).click();
      await assertPreview(page, dialogs, 'hostile-page', 'pasted page source');
      await page.getByRole('button', { name: '打开其他报告' }).click();

      // Only markup-looking noise and lone surrogates: read as something, or nothing, calmly.
      for (const noise of ['\uD800', `<!--${'\uDC00'.repeat(10)}`, `<html>${SCRIPT}</html>`, `${BREAKOUT}\n${IMG}\n${LINK}`]) {
        await enter(page, '#gk-preview-text', noise);
        await page.getByRole('button', { name: '预览粘贴的文本' }).click();
        await page.locator('.gk-preview-warnings, .gk-preview-ok').first().waitFor({ timeout: 10000 });
        await assertSafe(page, dialogs, `pasted ${JSON.stringify(noise)}`);
        await page.getByRole('button', { name: '打开其他报告' }).click();
      }
      await assertClean(page);
    } finally {
      await context.close();
    }
  });
});
