// src/lib/search/ decides search: the query as typed, the ranking around Pagefind, filters and excerpts.
// Imports only content/, files/; see eslint.config.js.
/**
 * Our layer between Pagefind and Pagefind's Component UI. The UI asks for `search(term)`; the
 * layer answers with the same result shape, reordered and completed:
 * - an ability code typed alone ("a5") searches for "A5" and puts that ability's page first;
 * - pages that contain the query as typed come before pages that only share a character or two,
 *   because Pagefind's browser-side splitting of Chinese can disagree with its index (#1237),
 *   and a glossary entry that the query names (term or alias) comes before them all;
 * - such a page's excerpt is the text around the query's first occurrence, the query marked
 *   as one piece, instead of Pagefind's scattered one- and two-character highlights;
 * - when few pages contain the query, its two-character pieces are searched too (and, if still
 *   none does, its single characters), and pages that contain the whole query are added;
 * - a glossary hit links to the entry that names the term, or else the first that contains it,
 *   not to the top of the glossary;
 * - the answer says how many results contain the query as typed (`exact`), so the header box
 *   and the search page can say when none does;
 * - each result carries its type (微能力 / 政策 / 术语) as `meta.type` for the badge;
 * - filter groups and values come in the handbook's order, not Pagefind's code-point order.
 */
import type { AnswerCard } from './search-answers';
import { literalExcerpt, safeExcerpt } from './search-excerpt';
import { orderedCounts } from './search-filters';
import {
  abilityCodeQuery,
  characterQueries,
  containsLiteral,
  fallbackQueries,
  putAbilityFirst,
  sameLiteral,
} from './search-query';

export type Filters = Record<string, string[]>;

export interface PagefindSubResult {
  url: string;
  title: string;
  excerpt: string;
  locations?: number[];
}

/** A heading Pagefind recorded on the page (the glossary's entries are h2 headings with ids). */
export interface PagefindAnchor {
  element: string;
  id: string;
  text: string;
  location: number;
}

export interface PagefindResultData {
  url: string;
  content: string;
  excerpt: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sub_results?: PagefindSubResult[];
  anchors?: PagefindAnchor[];
}

export interface PagefindResult {
  id: string;
  data(): Promise<PagefindResultData>;
}

export interface PagefindSearch {
  results: PagefindResult[];
  unfilteredResultCount?: number;
  filters?: Record<string, Record<string, number>>;
  totalFilters?: Record<string, Record<string, number>>;
}

/** What the layer adds to a search answer: the query it answers, and how many results contain it as typed. */
export interface LayeredSearch extends PagefindSearch {
  query: string;
  exact: number;
  /** Said above the results instead of {@link inexactNote}'s words (a question's words left out). */
  note?: string;
  /** Facts from the handbook's data that answer the question, shown before the pages. */
  answers?: AnswerCard[];
}

/** The part of Pagefind's browser API the Component UI uses. */
export interface PagefindApi {
  search(term: string | null, options?: { filters?: Filters }): Promise<PagefindSearch | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
  mergeIndex(url: string, options?: Record<string, unknown>): Promise<void>;
}

/** Pages containing the query as typed that make searching its pieces unnecessary. */
const ENOUGH = 5;

/**
 * How many of Pagefind's results are read closely; the rest keep Pagefind's order. More than the
 * handbook has pages (about 40), so a page containing the query always ranks above one that
 * does not; a far larger site would keep that only within its first CANDIDATES results.
 */
export const CANDIDATES = 80;

export interface GlossaryEntry {
  url: string;
  /** The heading: "首席信息官（又称：CIO、学校首席信息官）". */
  title: string;
  /** The entry's own text, its heading first. */
  text: string;
}

/**
 * The glossary page's entries, each with its own part of the page text, found by their headings
 * (Pagefind lists them as anchors, in page order). A heading counts where it stands on its own:
 * at the start or after a space, and followed by a space or the ". " Pagefind adds after a
 * heading, so the same words inside an earlier definition are not taken for it.
 */
export function glossaryEntries(data: PagefindResultData): GlossaryEntry[] {
  const content = data.content;
  const starts: Array<{ at: number; anchor: PagefindAnchor }> = [];
  let from = 0;
  for (const anchor of data.anchors ?? []) {
    if (!anchor.id || !anchor.text) continue;
    for (let at = content.indexOf(anchor.text, from); at !== -1; at = content.indexOf(anchor.text, at + 1)) {
      const before = content[at - 1];
      const after = content[at + anchor.text.length];
      if ((before === undefined || /\s/.test(before)) && (after === undefined || /[\s.]/.test(after))) {
        starts.push({ at, anchor });
        from = at + anchor.text.length;
        break;
      }
    }
  }
  const page = data.url.split('#')[0] ?? data.url;
  return starts.map(({ at, anchor }, i) => ({
    url: `${page}#${anchor.id}`,
    title: anchor.text,
    text: content.slice(at, starts[i + 1]?.at ?? content.length),
  }));
}

/** The names a glossary heading gives: the term and its aliases ("又称：…、…"). */
function namesIn(title: string): string[] {
  return title
    .replace(/[）)]\s*$/, '')
    .split(/[（(]又称[：:]|、/)
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

/** One result as the UI shows it, and where it stands against the query. */
export interface ShownResult {
  data: PagefindResultData;
  /** The shown text (the page, or the glossary entry linked to) contains the query as typed. */
  literal: boolean;
  /** A glossary entry whose term or alias is the query itself. */
  defines: boolean;
}

function asEntry(
  data: PagefindResultData,
  entry: { url: string; title: string },
  excerpt: string,
): PagefindResultData {
  return {
    ...data,
    url: entry.url,
    excerpt,
    meta: { ...data.meta, title: `术语：${entry.title}`, url: entry.url },
    sub_results: [],
  };
}

/**
 * Which glossary entry a glossary hit links to: the one the query names, else the first whose
 * text contains the query as typed, else (no entry contains it) the one with most matches.
 */
function glossaryHit(data: PagefindResultData, term: string): ShownResult {
  const entries = glossaryEntries(data);
  const named = entries.find((e) => namesIn(e.title).some((name) => sameLiteral(name, term)));
  const containing = named ?? entries.find((e) => containsLiteral(e.text, term));
  if (containing) {
    const excerpt = literalExcerpt(containing.text, term) ?? safeExcerpt(data.excerpt);
    return { data: asEntry(data, containing, excerpt), literal: true, defines: named !== undefined };
  }
  const subs = (data.sub_results ?? []).filter((s) => s.url.includes('#'));
  const best =
    subs.find((s) => s.title.includes(term)) ??
    [...subs].sort((a, b) => (b.locations?.length ?? 0) - (a.locations?.length ?? 0))[0];
  // Without entries found in the text, the whole page is what the reader gets.
  const literal = entries.length === 0 && containsLiteral(data.content, term);
  if (!best) return { data: { ...data, excerpt: safeExcerpt(data.excerpt) }, literal, defines: false };
  return { data: asEntry(data, best, safeExcerpt(best.excerpt)), literal, defines: false };
}

/**
 * The data the UI shows for one result: best link, type badge, and an excerpt that is only text
 * and <mark> — around the query itself when the shown text contains it.
 */
export function showResult(data: PagefindResultData, term: string): ShownResult {
  const type = data.filters['类型']?.[0];
  const shown: ShownResult = data.filters['类型']?.includes('术语')
    ? glossaryHit(data, term)
    : (() => {
        const excerpt = literalExcerpt(data.content, term);
        return {
          data: { ...data, excerpt: excerpt ?? safeExcerpt(data.excerpt) },
          literal: excerpt !== undefined,
          defines: false,
        };
      })();
  return { ...shown, data: { ...shown.data, meta: { ...shown.data.meta, ...(type ? { type } : {}) } } };
}

/** {@link showResult}'s data alone. */
export function presentResult(data: PagefindResultData, term: string): PagefindResultData {
  return showResult(data, term).data;
}

function resolved(result: PagefindResult, shown: ShownResult): PagefindResult {
  return { id: result.id, data: () => Promise.resolve(shown.data) };
}

function deferred(result: PagefindResult, term: string): PagefindResult {
  let shown: Promise<PagefindResultData> | undefined;
  return { id: result.id, data: () => (shown ??= result.data().then((d) => presentResult(d, term))) };
}

/** Definitions of the query first, then results containing it as typed, then the rest; each group in Pagefind's order. */
function rank(shown: ShownResult): number {
  return shown.defines ? 0 : shown.literal ? 1 : 2;
}

/** Runs one query through Pagefind and our ranking. `null` when Pagefind dropped it as superseded. */
export async function layeredSearch(
  pagefind: PagefindApi,
  query: string,
  base: string,
  filters: Filters = {},
): Promise<LayeredSearch | null> {
  const code = abilityCodeQuery(query);
  const term = code ?? query.trim();
  const answer = await pagefind.search(term, { filters });
  if (!answer) return null;
  type Candidate = { result: PagefindResult; url: string; shown: ShownResult };
  const read = async (results: PagefindResult[]): Promise<Candidate[]> =>
    Promise.all(
      results.slice(0, CANDIDATES).map(async (result) => {
        const data = await result.data();
        return { result, url: data.url, shown: showResult(data, term) };
      }),
    );
  let candidates = await read(answer.results);
  const literalCount = () => candidates.filter((c) => c.shown.literal).length;

  /** Searches each piece and adds the pages that contain the whole query as typed. */
  const widen = async (pieces: string[]) => {
    // Pagefind gives a page the same id in every search, so a page is read once.
    const seen = new Set(candidates.map((c) => c.result.id));
    for (const piece of pieces) {
      if (literalCount() >= ENOUGH) return;
      const more = ((await pagefind.search(piece, { filters }))?.results ?? []).filter(
        (r) => !seen.has(r.id),
      );
      for (const extra of await read(more)) {
        seen.add(extra.result.id);
        if (extra.shown.literal && !candidates.some((c) => c.url === extra.url))
          candidates = [...candidates, extra];
      }
    }
  };
  if (!code && literalCount() < ENOUGH) {
    await widen(fallbackQueries(term));
    if (literalCount() === 0) await widen(characterQueries(term));
  }

  const ordered = code
    ? putAbilityFirst(candidates, code, base)
    : // Array sort is stable: each group keeps Pagefind's order.
      [...candidates].sort((a, b) => rank(a.shown) - rank(b.shown));
  const rest = answer.results.slice(CANDIDATES).map((r) => deferred(r, term));
  return {
    ...answer,
    results: [...ordered.map((c) => resolved(c.result, c.shown)), ...rest],
    query: query.trim(),
    exact: code ? answer.results.length : literalCount(),
  };
}

/**
 * Whether to point the reader to the ability grid instead: a query found nothing, or nothing
 * that contains it as typed. The header dropdown and the search page use the same rule.
 */
export function offerBrowsing(term: string, answer: Pick<LayeredSearch, 'results' | 'exact'>): boolean {
  return term.trim() !== '' && (answer.results.length === 0 || answer.exact === 0);
}

/**
 * The note above loose matches when no result contains the query as typed ('' otherwise), so a
 * reader does not take pages that share a character or two for the term itself.
 */
export function inexactNote(answer: Pick<LayeredSearch, 'results' | 'exact' | 'query' | 'note'>): string {
  if (answer.query === '' || answer.results.length === 0 || answer.exact > 0) return '';
  if (answer.note !== undefined) return answer.note;
  return `没有找到包含“${answer.query}”的内容。下面是只含其中部分字词的结果。`;
}

/**
 * What Enter in the header box does: open the highlighted result, or go to the search page.
 * The searchbox highlights the first result by itself; when no result contains the query that
 * first one is only a loose match, so Enter opens the search page (with the note) unless the
 * reader moved to a result with the arrow keys. So does Enter before the answer for what is in
 * the box has come (the list may still show the previous answer's results).
 */
export function enterOpens(
  typed: string,
  answer: Pick<LayeredSearch, 'results' | 'exact' | 'query'> | undefined,
  chosen: boolean,
): 'result' | 'search-page' | 'nothing' {
  if (typed.trim() === '') return 'nothing';
  if (!answer || answer.query !== typed.trim() || answer.results.length === 0) return 'search-page';
  return answer.exact === 0 && !chosen ? 'search-page' : 'result';
}

/**
 * The calls the Component UI makes, with our `search` in place of Pagefind's own. A failure
 * (the index files did not load: a server that refuses `.pf_meta`, a folder left behind) goes
 * to `onFailure` and the UI gets "no answer" rather than an unhandled rejection, which would
 * leave it saying "searching…" for ever.
 */
export function layerPagefind(
  pagefind: PagefindApi,
  base: string,
  onFailure: (error: unknown) => void = () => {},
  searchWith: (pagefind: PagefindApi, term: string, filters?: Filters) => Promise<LayeredSearch | null> = (
    p,
    term,
    filters,
  ) => layeredSearch(p, term, base, filters),
): PagefindApi {
  const guarded = <T>(attempt: () => Promise<T>, fallback: T): Promise<T> =>
    attempt().catch((error: unknown) => {
      onFailure(error);
      return fallback;
    });
  const ordered = <T extends PagefindSearch | null>(answer: T): T =>
    answer && {
      ...answer,
      ...(answer.filters ? { filters: orderedCounts(answer.filters) } : {}),
      ...(answer.totalFilters ? { totalFilters: orderedCounts(answer.totalFilters) } : {}),
    };
  return {
    search: (term, options) =>
      guarded(
        () =>
          (term === null || term.trim() === ''
            ? pagefind.search(term, options)
            : searchWith(pagefind, term, options?.filters)
          ).then(ordered),
        null,
      ),
    filters: () => guarded(() => pagefind.filters().then(orderedCounts), {}),
    mergeIndex: (url, options) => pagefind.mergeIndex(url, options),
  };
}
