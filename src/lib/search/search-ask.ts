/**
 * Search for a question rather than a word: each word of the question (its question words
 * dropped) is searched with its synonyms, and pages are ranked by how many of the words they
 * hold. The page of an ability or region the question names comes first. When no page holds
 * every word, the pages holding some of them are still shown, and the answer says which words
 * were left out (`note`), so a question never comes back empty while a page holds most of it.
 */
import { answerCards, type AnswerCard, type AnswerIndex } from './search-answers';
import {
  CANDIDATES,
  layeredSearch,
  showResult,
  type Filters,
  type LayeredSearch,
  type PagefindApi,
  type PagefindResult,
  type PagefindResultData,
  type PagefindSearch,
  type ShownResult,
} from './search-layer';
import { fallbackQueries, foldedContains, foldedText } from './search-query';
import { parseQuestion, type ParsedQuestion, type QuestionWord } from './search-question';

interface Found {
  answer: PagefindSearch;
  pages: { result: PagefindResult; data: PagefindResultData }[];
}

interface Candidate {
  result: PagefindResult;
  data: PagefindResultData;
  /** Order of first appearance, Pagefind's own ranking across the words' searches. */
  seen: number;
}

/** Each page's text folded once: a question asks it about many words. */
const folded = new WeakMap<PagefindResultData, string>();

/** Whether a page's text holds a term as typed, ignoring case, width and spaces. */
function pageHolds(data: PagefindResultData, term: string): boolean {
  let text = folded.get(data);
  if (text === undefined) {
    text = foldedText(data.content);
    folded.set(data, text);
  }
  return foldedContains(text, term);
}

/** Pages holding a word that make searching its pieces unnecessary (as in layeredSearch). */
const ENOUGH = 5;

/** Whether a page holds a word: as typed or as one of its alternatives (or it is the word's page). */
function holds(data: PagefindResultData, word: QuestionWord, base: string): boolean {
  const path = data.url.split('#')[0];
  if (word.code && path === `${base}abilities/${word.code}/`) return true;
  if (word.region && path === `${base}policies/${word.region}/`) return true;
  return word.alternatives.some((a) => pageHolds(data, a));
}

/** The pages the question names: its abilities' and regions' own pages. */
function namedPages(q: ParsedQuestion, base: string): Set<string> {
  return new Set([
    ...q.codes.map((c) => `${base}abilities/${c}/`),
    ...q.regions.map((r) => `${base}policies/${r}/`),
  ]);
}

/** Words listed as a reader reads them: “学生体会”“两位学生”. */
const quoted = (words: readonly string[]) => words.map((w) => `“${w}”`).join('');

/**
 * The note above results that do not hold every word of the question ('' when some do, or
 * nothing was found at all).
 */
export function relaxedNote(matched: readonly string[], missing: readonly string[]): string {
  if (matched.length === 0 || missing.length === 0) return '';
  return `没有页面同时包含问题里的全部词语。下面的结果包含${quoted(matched)}，不含${quoted(missing)}。`;
}

/**
 * Each page's data, read once per page for the life of the index: a question searches several
 * words, and most pages come back for more than one. Only the content, address and headings are
 * read from it; excerpts are built here around the words.
 */
const pageData = new Map<string, Promise<PagefindResultData>>();

function dataOf(result: PagefindResult): Promise<PagefindResultData> {
  let data = pageData.get(result.id);
  if (!data) {
    data = result.data();
    pageData.set(result.id, data);
    // A failed read is not kept: the next search tries again.
    data.catch(() => pageData.delete(result.id));
  }
  return data;
}

/** How much of a word a page holds: 1 for the word (or an alternative), else a share of its pieces. */
function wordScore(data: PagefindResultData, pieces: readonly string[]): number {
  if (pieces.length === 0) return 0;
  // Below a whole word: a page holding every piece but not the word still ranks after one that holds it.
  return (0.9 * pieces.filter((piece) => pageHolds(data, piece)).length) / pieces.length;
}

export async function questionSearch(
  pagefind: PagefindApi,
  q: ParsedQuestion,
  base: string,
  filters: Filters,
  answers: AnswerCard[],
): Promise<LayeredSearch | null> {
  const candidates = new Map<string, Candidate>();
  const searched = new Map<string, Promise<Found | null>>();
  /** Searches a term once and reads its results' data; the searches of one step run together. */
  const find = (term: string) => {
    let found = searched.get(term);
    if (!found) {
      found = pagefind.search(term, { filters }).then(async (answer) => {
        if (!answer) return null;
        const top = answer.results.slice(0, CANDIDATES);
        const data = await Promise.all(top.map((result) => dataOf(result)));
        return { answer, pages: top.map((result, i) => ({ result, data: data[i] as PagefindResultData })) };
      });
      searched.set(term, found);
    }
    return found;
  };
  let unfiltered = 0;
  // The last answer Pagefind gave, for the fields the UI reads beside the results (filters).
  const last: { answer: PagefindSearch | null } = { answer: null };
  /** Adds a search's pages in its order (all, or only those holding the term); whether any holds it. */
  const merge = (term: string, found: Found | null, keepAll: boolean): number => {
    if (!found) return 0;
    last.answer = found.answer;
    unfiltered = Math.max(unfiltered, found.answer.unfilteredResultCount ?? 0);
    let literal = 0;
    for (const { result, data } of found.pages) {
      const hit = pageHolds(data, term);
      if (hit) literal += 1;
      if ((keepAll || hit) && !candidates.has(result.id))
        candidates.set(result.id, { result, data, seen: candidates.size });
    }
    return literal;
  };
  // The words as typed first, so Pagefind's ranking of them leads; then what else counts as them.
  const typed = await Promise.all(q.words.map((w) => find(w.text)));
  const pieces = new Map<QuestionWord, string[]>();
  q.words.forEach((word, i) => {
    // Pagefind's splitting of Chinese can miss a word its index holds (#1237), as in
    // layeredSearch: with few pages holding it, its pieces too, keeping pages that hold the word.
    if (merge(word.text, typed[i] ?? null, true) < ENOUGH) pieces.set(word, fallbackQueries(word.text));
  });
  const parts = [...pieces.entries()].flatMap(([word, list]) => list.map((part) => ({ word, part })));
  const partFound = await Promise.all(parts.map(({ part }) => find(part)));
  parts.forEach(({ word, part }, i) => {
    const found = partFound[i] ?? null;
    // A page holding the whole word joins; one holding only the piece counts toward the word's share.
    const whole = found && { ...found, pages: found.pages.filter((p) => pageHolds(p.data, word.text)) };
    if (merge(word.text, whole, true) === 0) merge(part, found, false);
  });
  // A region's other names and a code's ability name find the same pages as the word: only
  // synonyms that Pagefind can search (not "%") bring new ones.
  // The page of an ability the question names is fetched by its code, whatever the words found.
  const alternatives = [...new Set([...q.codes, ...q.words.flatMap((w) => w.synonyms)])].filter((a) =>
    /[\p{L}\p{N}]/u.test(a),
  );
  const altFound = await Promise.all(alternatives.map((a) => find(a)));
  alternatives.forEach((a, i) => merge(a, altFound[i] ?? null, true));
  if (!last.answer) return null;

  const named = namedPages(q, base);
  const scored = [...candidates.values()].map((c) => {
    const held = q.words.filter((w) => holds(c.data, w, base));
    const partly = q.words
      .filter((w) => !held.includes(w))
      .reduce((sum, w) => sum + wordScore(c.data, pieces.get(w) ?? []), 0);
    const path = c.data.url.split('#')[0] ?? '';
    const word = [...held]
      .flatMap((w) => w.alternatives.filter((a) => pageHolds(c.data, a)))
      .sort((a, b) => [...b].length - [...a].length)[0];
    // Built when shown (the excerpt reads the whole page); a glossary hit at once, for `defines`.
    let shown: ShownResult | undefined;
    const show = () => (shown ??= showResult(c.data, word ?? q.query));
    const defines = c.data.filters['类型']?.includes('术语') === true && show().defines;
    return {
      ...c,
      held,
      score: held.length + partly,
      named: named.has(path) && held.length > 0,
      defines,
      show,
    };
  });
  scored.sort(
    (a, b) =>
      Number(b.named) - Number(a.named) ||
      b.score - a.score ||
      // A glossary entry the question names comes before pages that only use the word.
      Number(b.defines) - Number(a.defines) ||
      a.seen - b.seen,
  );
  const all = scored.filter((s) => s.held.length === q.words.length);
  const some = scored.filter((s) => s.score > 0);
  const kept = some.length > 0 ? some : scored;
  const matched = q.words.filter((w) => scored.some((s) => s.held.includes(w))).map((w) => w.text);
  const missing = q.words.filter((w) => !matched.includes(w.text)).map((w) => w.text);

  const results = kept.map((c) => ({ id: c.result.id, data: () => Promise.resolve(c.show().data) }));
  return {
    ...last.answer,
    results,
    unfilteredResultCount: Math.max(unfiltered, results.length),
    query: q.query,
    exact: all.length,
    note: all.length === 0 ? relaxedNote(matched, missing) : '',
    answers,
  };
}

/**
 * One search as the header box and the search page make it: a plain word or code as before
 * (layeredSearch), a question through {@link questionSearch}; either with the cards that answer
 * it. Without the card index (it did not load) every query is searched as typed, as before.
 */
export async function answeredSearch(
  pagefind: PagefindApi,
  term: string,
  base: string,
  filters: Filters = {},
  index?: AnswerIndex,
): Promise<LayeredSearch | null> {
  if (!index) return layeredSearch(pagefind, term, base, filters);
  const q = parseQuestion(term, index.lexicon);
  const answers = answerCards(q, index);
  if (q.plain || q.words.length === 0) {
    const answer = await layeredSearch(pagefind, term, base, filters);
    return answer && { ...answer, answers };
  }
  return questionSearch(pagefind, q, base, filters, answers);
}
