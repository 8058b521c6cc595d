#!/usr/bin/env node
/**
 * Search benchmark: runs every query of tests/fixtures/search-queries.json in headless Chromium
 * against the built site, through the module the search UI loads (our layer over Pagefind), and
 * prints recall@5 (overall and per kind) with the median and worst query time, from the call to
 * the first five results' data. Run `npm run build` first.
 *
 *   node scripts/bench-search.mjs [--raw]   (--raw: Pagefind alone, without our query layer)
 */
import { readFileSync } from 'node:fs';
import { launchChromium, serveSite } from './bench-support.mjs';

const raw = process.argv.includes('--raw');
const queryFile = process.env.SEARCH_QUERIES ?? 'tests/fixtures/search-queries.json';
const queries = JSON.parse(readFileSync(queryFile, 'utf8'));
const port = 4390;

const server = await serveSite(port);
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${port}/`);
  // The same module the search UI loads: Pagefind's own bundle, or our layer over it.
  const bundle = raw ? '/pagefind/pagefind.js' : '/pagefind-layer/pagefind.js';
  const results = await page.evaluate(
    async ({ queries, bundle }) => {
      const { createInstance } = await import(bundle);
      const pagefind = createInstance({});
      const out = [];
      for (const q of queries) {
        const start = performance.now();
        const r = await pagefind.search(q.query);
        const urls = (await Promise.all(r.results.slice(0, 5).map((x) => x.data()))).map((d) => d.url);
        const ms = performance.now() - start;
        out.push({ ...q, urls, ms, hit: urls.some((u) => u.split('#')[0] === q.expect) });
      }
      return out;
    },
    { queries, bundle },
  );
  const pct = (n, d) => `${((100 * n) / d).toFixed(1)} %`;
  const times = results.map((r) => r.ms).sort((a, b) => a - b);
  const hits = results.filter((r) => r.hit).length;
  console.log(`search ${raw ? '(Pagefind alone)' : '(with our query layer)'}: ${results.length} queries`);
  console.log(`  recall@5        ${pct(hits, results.length)} (${hits}/${results.length}; target ≥ 95 %)`);
  const kinds = [...new Set(results.map((r) => r.kind))];
  for (const kind of kinds) {
    const of = results.filter((r) => r.kind === kind);
    console.log(`    ${kind.padEnd(10)} ${pct(of.filter((r) => r.hit).length, of.length)} (${of.length})`);
  }
  console.log(`  median query    ${times[Math.floor(times.length / 2)].toFixed(1)} ms`);
  console.log(`  worst query     ${times.at(-1).toFixed(1)} ms`);
  const misses = results.filter((r) => !r.hit);
  if (misses.length > 0) {
    console.log('  misses:');
    for (const m of misses)
      console.log(`    「${m.query}」 want ${m.expect}, got ${m.urls.join(' ') || '(nothing)'}`);
  }
} finally {
  await browser.close();
  server.kill();
}
