#!/usr/bin/env node
/**
 * Search benchmark: runs every query of tests/fixtures/search-queries.json in headless Chromium
 * against the built site, through the module the search UI loads (our layer over Pagefind), and
 * prints, each with what it measured:
 * - recall@5 (overall and per kind): the expected page among the first five results (an
 *   expected address with "#", such as a glossary entry, must match with its anchor);
 * - literal-phrase first: of the queries that some result contains word for word, the share
 *   where no result without the phrase comes before one with it (all results, not just five);
 * - excerpt shows the phrase: of the first five results that contain the phrase, the share whose
 *   excerpt highlights the whole phrase in one piece;
 * - for the words no page contains (kind 无此词): the share for which the answer says that no
 *   page contains the query (our layer's `exact` is 0), and how many loose results came back;
 *   and for the other queries, how many were wrongly said to have no exact match;
 * - median and worst query time, from the call to the first five results' data;
 * - the same recall and times for the questions of tests/fixtures/search-questions.json alone,
 *   and for those asking a fact (field `fact`: the pieces the card must state), the share with
 *   a card that states it, and every card shown that states something else instead.
 * Run `npm run build` first.
 *
 *   node scripts/bench/bench-search.mjs [--raw]   (--raw: Pagefind alone, without our query layer)
 */
import { readFileSync } from 'node:fs';
import { launchChromium, serveSite } from './bench-support.mjs';

const raw = process.argv.includes('--raw');
const queryFile = process.env.SEARCH_QUERIES ?? 'tests/fixtures/search-queries.json';
const questionFile = process.env.SEARCH_QUESTIONS ?? 'tests/fixtures/search-questions.json';
// Words as typed, then questions as a teacher or principal asks them (kind prefixed 问句·).
const words = JSON.parse(readFileSync(queryFile, 'utf8'));
const questions = JSON.parse(readFileSync(questionFile, 'utf8')).map((q) => ({ ...q, question: true }));
const queries = [...words, ...questions];
const port = Number(process.env.BENCH_PORT ?? 4390);

const server = await serveSite(port);
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${port}/`);
  // The same module the search UI loads: Pagefind's own bundle, or our layer over it.
  const bundle = raw ? '/pagefind/pagefind.js' : '/pagefind-layer/pagefind.js';
  const results = await page.evaluate(
    async ({ queries, bundle }) => {
      // Case, width and spaces do not count, as in the layer (src/lib/search/search-query.ts).
      const fold = (text) => text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
      const decode = (html) => new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '';
      const { createInstance } = await import(bundle);
      const pagefind = createInstance({});
      const out = [];
      for (const q of queries) {
        const start = performance.now();
        const r = await pagefind.search(q.query);
        const top = await Promise.all(r.results.slice(0, 5).map((x) => x.data()));
        const ms = performance.now() - start;
        const all = [...top, ...(await Promise.all(r.results.slice(5).map((x) => x.data())))];
        const needle = fold(q.query);
        const literal = all.map((d) => fold(d.content).includes(needle));
        const marked = (d) =>
          [...d.excerpt.matchAll(/<mark>(.*?)<\/mark>/g)].some((m) => fold(decode(m[1])).includes(needle));
        const urls = top.map((d) => d.url);
        // The answer cards, as the header box shows them: subject：statement.
        const cards = (r.answers ?? []).map((c) => `${c.subject}：${c.statement}`);
        out.push({
          ...q,
          urls,
          ms,
          cards,
          count: all.length,
          exact: r.exact,
          hit:
            q.expect !== null &&
            urls.some((u) => (q.expect.includes('#') ? u : u.split('#')[0]) === q.expect),
          anyLiteral: literal.some(Boolean),
          literalFirst: literal.indexOf(false) === -1 || literal.lastIndexOf(true) < literal.indexOf(false),
          excerpts: top.filter((_, i) => literal[i]).map(marked),
        });
      }
      return out;
    },
    { queries, bundle },
  );
  const pct = (n, d) => (d === 0 ? '—' : `${((100 * n) / d).toFixed(1)} %`);
  const median = (list) => {
    const sorted = [...list].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)] ?? 0;
  };
  const report = (label, list) => {
    if (list.length === 0) return;
    const expected = list.filter((r) => r.expect !== null);
    const hits = expected.filter((r) => r.hit).length;
    console.log(
      `  ${label.padEnd(21)} recall@5 ${pct(hits, expected.length)} (${hits}/${expected.length}); median ${median(list.map((r) => r.ms)).toFixed(1)} ms, worst ${Math.max(...list.map((r) => r.ms)).toFixed(1)} ms`,
    );
  };
  const expected = results.filter((r) => r.expect !== null);
  const absent = results.filter((r) => r.expect === null);
  const times = results.map((r) => r.ms).sort((a, b) => a - b);
  const hits = expected.filter((r) => r.hit).length;
  console.log(`search ${raw ? '(Pagefind alone)' : '(with our query layer)'}: ${results.length} queries`);
  console.log(
    `  recall@5              ${pct(hits, expected.length)} (${hits}/${expected.length}; target ≥ 95 %)`,
  );
  for (const kind of [...new Set(expected.map((r) => r.kind))]) {
    const of = expected.filter((r) => r.kind === kind);
    console.log(`    ${kind.padEnd(16)} ${pct(of.filter((r) => r.hit).length, of.length)} (${of.length})`);
  }
  const withLiteral = results.filter((r) => r.anyLiteral);
  const ordered = withLiteral.filter((r) => r.literalFirst);
  console.log(
    `  literal-phrase first  ${pct(ordered.length, withLiteral.length)} (${ordered.length}/${withLiteral.length} queries some result contains word for word)`,
  );
  const excerpts = results.flatMap((r) => r.excerpts);
  const shown = excerpts.filter(Boolean).length;
  console.log(
    `  excerpt shows phrase  ${pct(shown, excerpts.length)} (${shown}/${excerpts.length} top-5 results that contain it)`,
  );
  const said = absent.filter((r) => r.exact === 0);
  const loose = absent.map((r) => r.count).sort((a, b) => a - b);
  console.log(
    `  "no exact match" said ${raw ? '— (Pagefind alone cannot tell)' : `${pct(said.length, absent.length)} (${said.length}/${absent.length} words no page contains)`}; loose results for them: median ${loose[Math.floor(loose.length / 2)] ?? 0}, most ${loose.at(-1) ?? 0}`,
  );
  if (!raw) {
    const wrong = expected.filter((r) => r.anyLiteral && r.exact === 0);
    console.log(
      `  said wrongly          ${wrong.length} of ${expected.filter((r) => r.anyLiteral).length} queries that some page contains`,
    );
  }
  console.log(`  median query          ${times[Math.floor(times.length / 2)].toFixed(1)} ms`);
  console.log(`  worst query           ${times.at(-1).toFixed(1)} ms`);
  report(
    'words as typed',
    results.filter((r) => !r.question),
  );
  report(
    'questions',
    results.filter((r) => r.question),
  );
  const asked = results.filter((r) => r.question && r.fact);
  if (!raw && asked.length > 0) {
    // A card answers when one of the (at most three) cards holds every expected piece of the fact;
    // cards shown that hold none of it state something else as the answer: a wrong fact.
    const holds = (card, fact) => fact.every((piece) => card.includes(piece));
    const right = asked.filter((r) => r.cards.some((c) => holds(c, r.fact)));
    const wrong = asked.filter((r) => r.cards.length > 0 && !r.cards.some((c) => holds(c, r.fact)));
    const silent = asked.filter((r) => r.cards.length === 0);
    console.log(
      `  answer card right     ${pct(right.length, asked.length)} (${right.length}/${asked.length} fact questions; target ≥ 90 %)`,
    );
    console.log(`  card with wrong fact  ${wrong.length} (target 0); no card ${silent.length}`);
    for (const r of wrong)
      console.log(`    wrong 「${r.query}」 want ${r.fact.join(' + ')}, got ${r.cards.join(' | ')}`);
    for (const r of silent) console.log(`    no card 「${r.query}」 want ${r.fact.join(' + ')}`);
  }
  const misses = expected.filter((r) => !r.hit);
  if (misses.length > 0) {
    console.log('  misses:');
    for (const m of misses)
      console.log(`    「${m.query}」 want ${m.expect}, got ${m.urls.join(' ') || '(nothing)'}`);
  }
  const disordered = withLiteral.filter((r) => !r.literalFirst);
  if (disordered.length > 0)
    console.log(`  phrase not first: ${disordered.map((r) => `「${r.query}」`).join(' ')}`);
} finally {
  await browser.close();
  server.kill();
}
