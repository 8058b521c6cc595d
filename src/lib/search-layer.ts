/**
 * Our layer between Pagefind and Pagefind's Component UI. The UI asks for `search(term)`; the
 * layer answers with the same result shape, reordered and completed:
 * - an ability code typed alone ("a5") searches for "A5" and puts that ability's page first;
 * - pages that contain the query as typed come before pages that only share a character or two,
 *   because Pagefind's browser-side splitting of Chinese can disagree with its index (#1237);
 * - when few pages contain the query, its two-character pieces are searched too (and, if still
 *   none does, its single characters), and pages that contain the whole query are added;
 * - a glossary hit links to the entry that names the term, not to the top of the glossary;
 * - each result carries its type (微能力 / 政策 / 术语) as `meta.type` for the badge;
 * - filter groups and values come in the handbook's order, not Pagefind's code-point order.
 */
import { safeExcerpt } from './search-excerpt';
import { orderedCounts } from './search-filters';
import {
  abilityCodeQuery,
  characterQueries,
  containsLiteral,
  fallbackQueries,
  literalFirst,
  putAbilityFirst,
} from './search-query';

export type Filters = Record<string, string[]>;

export interface PagefindSubResult {
  url: string;
  title: string;
  excerpt: string;
  locations?: number[];
}

export interface PagefindResultData {
  url: string;
  content: string;
  excerpt: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sub_results?: PagefindSubResult[];
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

/** What the layer adds to a search answer: how many results contain the query as typed. */
export interface LayeredSearch extends PagefindSearch {
  exact: number;
}

/** The part of Pagefind's browser API the Component UI uses. */
export interface PagefindApi {
  search(term: string | null, options?: { filters?: Filters }): Promise<PagefindSearch | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
  mergeIndex(url: string, options?: Record<string, unknown>): Promise<void>;
}

/** How many of Pagefind's results are read closely; the rest keep Pagefind's order. */
export const CANDIDATES = 24;

/** The glossary entry whose heading names the term, or else the one with most matches. */
export function bestLink(data: PagefindResultData, term: string): PagefindResultData {
  const entries = (data.sub_results ?? []).filter((s) => s.url.includes('#'));
  if (!data.filters['类型']?.includes('术语') || entries.length === 0) return data;
  const named = entries.find((s) => s.title.includes(term));
  const best =
    named ?? [...entries].sort((a, b) => (b.locations?.length ?? 0) - (a.locations?.length ?? 0))[0];
  if (!best) return data;
  return {
    ...data,
    url: best.url,
    excerpt: best.excerpt,
    meta: { ...data.meta, title: `术语：${best.title}`, url: best.url },
    sub_results: [],
  };
}

/** The data the UI shows for one page: best link, type badge and an excerpt that is only text and <mark>. */
export function presentResult(data: PagefindResultData, term: string): PagefindResultData {
  const linked = bestLink(data, term);
  const type = data.filters['类型']?.[0];
  return {
    ...linked,
    excerpt: safeExcerpt(linked.excerpt),
    meta: { ...linked.meta, ...(type ? { type } : {}) },
  };
}

function resolved(result: PagefindResult, data: PagefindResultData, term: string): PagefindResult {
  const shown = presentResult(data, term);
  return { id: result.id, data: () => Promise.resolve(shown) };
}

function deferred(result: PagefindResult, term: string): PagefindResult {
  let shown: Promise<PagefindResultData> | undefined;
  return { id: result.id, data: () => (shown ??= result.data().then((d) => presentResult(d, term))) };
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
  const read = async (results: PagefindResult[]) =>
    Promise.all(results.slice(0, CANDIDATES).map(async (result) => ({ result, data: await result.data() })));
  let candidates = await read(answer.results);
  const literalCount = () => candidates.filter((c) => containsLiteral(c.data.content, term)).length;

  /** Searches each piece and adds the pages that contain the whole query as typed. */
  const widen = async (pieces: string[]) => {
    const seen = new Set(candidates.map((c) => c.data.url));
    for (const piece of pieces) {
      const more = (await pagefind.search(piece, { filters }))?.results ?? [];
      for (const extra of await read(more)) {
        if (!seen.has(extra.data.url) && containsLiteral(extra.data.content, term)) {
          seen.add(extra.data.url);
          candidates = [...candidates, extra];
        }
      }
    }
  };
  if (!code && literalCount() < 5) {
    await widen(fallbackQueries(term));
    if (literalCount() === 0) await widen(characterQueries(term));
  }

  const ordered = code
    ? putAbilityFirst(
        candidates.map((c) => ({ ...c, url: c.data.url })),
        code,
        base,
      )
    : literalFirst(
        candidates.map((c) => ({ ...c, content: c.data.content })),
        term,
      );
  const rest = answer.results.slice(CANDIDATES).map((r) => deferred(r, term));
  return {
    ...answer,
    results: [...ordered.map((c) => resolved(c.result, c.data, term)), ...rest],
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
 * The calls the Component UI makes, with our `search` in place of Pagefind's own. A failure
 * (the index files did not load: a server that refuses `.pf_meta`, a folder left behind) goes
 * to `onFailure` and the UI gets "no answer" rather than an unhandled rejection, which would
 * leave it saying "searching…" for ever.
 */
export function layerPagefind(
  pagefind: PagefindApi,
  base: string,
  onFailure: (error: unknown) => void = () => {},
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
            : layeredSearch(pagefind, term, base, options?.filters)
          ).then(ordered),
        null,
      ),
    filters: () => guarded(() => pagefind.filters().then(orderedCounts), {}),
    mergeIndex: (url, options) => pagefind.mergeIndex(url, options),
  };
}
