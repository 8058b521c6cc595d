#!/usr/bin/env node
/**
 * Search benchmark: runs every query of tests/fixtures/search-queries.json through Pagefind in
 * headless Chromium against the built site, and prints recall@5 (overall and per kind) with the
 * median and worst query time. Run `npm run build` first.
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
  let results;
  if (raw) {
    await page.goto(`http://127.0.0.1:${port}/`);
    results = await page.evaluate(async (queries) => {
      const pagefind = await import('/pagefind/pagefind.js');
      await pagefind.init();
      const out = [];
      for (const q of queries) {
        const start = performance.now();
        const r = await pagefind.search(q.query);
        const urls = (await Promise.all(r.results.slice(0, 5).map((x) => x.data()))).map((d) => d.url);
        const ms = performance.now() - start;
        out.push({ ...q, urls, ms, hit: urls.some((u) => u.split('#')[0] === q.expect) });
      }
      return out;
    }, queries);
  } else {
    // The search page itself, as a reader uses it: the query comes from the URL.
    results = [];
    await page.goto(`http://127.0.0.1:${port}/search/`);
    await page.waitForFunction(() => document.body.dataset.searchState === 'done');
    for (const q of queries) {
      await page.evaluate(() => delete document.body.dataset.searchState);
      await page.fill('#search-page-input', q.query);
      await page.press('#search-page-input', 'Enter');
      await page.waitForFunction(() => document.body.dataset.searchState === 'done');
      const { urls, ms } = await page.evaluate(() => ({
        urls: [...document.querySelectorAll('[data-hits] a')]
          .slice(0, 5)
          .map((a) => new URL(a.href).pathname + new URL(a.href).hash),
        ms: Number(document.body.dataset.searchMs ?? 'NaN'),
      }));
      results.push({ ...q, urls, ms, hit: urls.some((u) => u.split('#')[0] === q.expect) });
    }
  }
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
