// Summarises Lighthouse JSON results (scripts/lighthouse.sh): the median of each number over
// the runs as a markdown table row, the audits that cost accessibility, best practices or SEO
// points (with the elements they name), and with --check whether the deterministic budgets
// hold: accessibility, best practices and SEO 100, CLS 0.
//
//   node scripts/lighthouse-summary.mjs [--check] RESULT.json...
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const check = args.includes('--check');
const runs = args.filter((a) => a !== '--check').map((f) => JSON.parse(readFileSync(f, 'utf8')));
if (runs.length === 0) {
  console.error('lighthouse-summary: no result files given');
  process.exit(2);
}
for (const run of runs) {
  if (run.runtimeError) {
    console.error(`Lighthouse failed: ${run.runtimeError.code}: ${run.runtimeError.message}`);
    process.exit(1);
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const score = (id) => median(runs.map((r) => Math.round(r.categories[id].score * 100)));
const metric = (id) => median(runs.map((r) => r.audits[id].numericValue));

const row = {
  performance: score('performance'),
  fcp: metric('first-contentful-paint'),
  lcp: metric('largest-contentful-paint'),
  tbt: metric('total-blocking-time'),
  cls: metric('cumulative-layout-shift'),
  accessibility: score('accessibility'),
  bestPractices: score('best-practices'),
  seo: score('seo'),
};
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const first = runs[0];
console.log(`Lighthouse ${first.lighthouseVersion}, ${first.configSettings.formFactor}, `
  + `${first.configSettings.throttlingMethod} throttling, median of ${runs.length} `
  + `(each number on its own), ${first.environment.hostUserAgent.match(/Chrome\/[\d.]+/)?.[0] ?? ''}, `
  + `benchmarkIndex ${runs.map((r) => Math.round(r.environment.benchmarkIndex)).join(' / ')} `
  + '(Lighthouse warns of a slow machine below 1000)');
console.log(`page: ${first.finalDisplayedUrl}\n`);
console.log('| performance | FCP | LCP | TBT | CLS | accessibility | best practices | SEO |');
console.log('|---|---|---|---|---|---|---|---|');
console.log(`| ${row.performance} | ${seconds(row.fcp)} | ${seconds(row.lcp)} | ${Math.round(row.tbt)} ms `
  + `| ${+row.cls.toFixed(3)} | ${row.accessibility} | ${row.bestPractices} | ${row.seo} |`);
console.log(`\nper run: performance ${runs.map((r) => Math.round(r.categories.performance.score * 100)).join(' / ')}, `
  + `LCP ${runs.map((r) => seconds(r.audits['largest-contentful-paint'].numericValue)).join(' / ')}, `
  + `TBT ${runs.map((r) => `${Math.round(r.audits['total-blocking-time'].numericValue)} ms`).join(' / ')}`);

// What the LCP is and what blocks the main thread, from the first run: where to look next.
const lcpElement = first.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node;
if (lcpElement) console.log(`LCP element: ${lcpElement.snippet} (${lcpElement.nodeLabel?.slice(0, 60)})`);
const longTasks = first.audits['long-tasks']?.details?.items ?? [];
if (longTasks.length) {
  console.log(`long tasks: ${longTasks.slice(0, 5).map((t) => `${t.url?.split('/').pop() || '(page)'} `
    + `${Math.round(t.duration)} ms at ${Math.round(t.startTime)} ms`).join('; ')}`);
}

for (const warning of first.runWarnings ?? []) console.log(`warning: ${warning.split('. ')[0]}`);
const errored = Object.values(first.audits).filter((a) => a.scoreDisplayMode === 'error');
if (errored.length) {
  console.log(`audits Lighthouse could not run: ${errored.map((a) => a.id).join(', ')} `
    + `(${errored[0].errorMessage?.split('\n')[0].slice(0, 140)})`);
}

// Audits that lose points: score below 1 in a category that must be 100. Every run is
// looked at, since an audit may fail in one run only.
const failing = new Map();
for (const run of runs) {
  for (const category of ['accessibility', 'best-practices', 'seo']) {
    for (const ref of run.categories[category].auditRefs) {
      const audit = run.audits[ref.id];
      if (audit.score === null || audit.score >= 1) continue;
      if (['notApplicable', 'manual', 'informative'].includes(audit.scoreDisplayMode)) continue;
      const key = `${category} ${ref.id}`;
      if (failing.has(key)) continue;
      const items = (audit.details?.items ?? []).slice(0, 5).map((item) => {
        const node = item.node ?? item.subItems?.items?.[0]?.node;
        if (node) return `${node.selector ?? ''} ${node.snippet ?? ''}`.trim();
        return item.description ?? item.url ?? item.source?.url ?? JSON.stringify(item).slice(0, 200);
      });
      failing.set(key, { category, id: ref.id, title: audit.title, weight: ref.weight, items,
        explanation: audit.explanation });
    }
  }
}
if (failing.size) {
  console.log('\nfailing audits (accessibility / best practices / SEO):');
  for (const f of failing.values()) {
    console.log(`- [${f.category}] ${f.id} (weight ${f.weight}): ${f.title}`);
    if (f.explanation) console.log(`    ${f.explanation}`);
    for (const item of f.items) console.log(`    ${item}`);
  }
} else {
  console.log('\nno failing accessibility, best-practices or SEO audit');
}

if (check) {
  const problems = [];
  for (const [name, value] of [['accessibility', row.accessibility],
    ['best practices', row.bestPractices], ['SEO', row.seo]]) {
    if (value !== 100) problems.push(`${name} is ${value}, must be 100`);
  }
  if (row.cls !== 0) problems.push(`CLS is ${row.cls}, must be 0 (no layout shift)`);
  if (problems.length) {
    console.error(`\nlighthouse --check FAILED: ${problems.join('; ')}`);
    process.exit(1);
  }
  console.log('\nlighthouse --check passed: accessibility, best practices and SEO 100, CLS 0');
}
