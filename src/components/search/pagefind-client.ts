/**
 * Browser side of search: loads Pagefind from the site's own /pagefind/ folder only when a
 * search is first made, runs a query through our layer (ability codes first) and returns plain
 * result objects for the header box and the search page to render.
 */
import {
  abilityCodeQuery,
  containsLiteral,
  fallbackQueries,
  literalFirst,
  putAbilityFirst,
} from '../../lib/search-query';

export interface SearchHit {
  url: string;
  title: string;
  excerpt: string;
  type: string;
}

export interface SearchOutcome {
  hits: SearchHit[];
  total: number;
  /** How many results contain the query as typed (an ability code counts as exact). */
  exact: number;
  ms: number;
}

export type Filters = Record<string, string[]>;

interface PagefindResultData {
  url: string;
  content: string;
  excerpt: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sub_results?: { url: string; title: string; excerpt: string; locations?: number[] }[];
}

interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(
    term: string,
    o?: { filters?: Filters },
  ): Promise<{ results: { data(): Promise<PagefindResultData> }[] } | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

const base = import.meta.env.BASE_URL;
let loading: Promise<Pagefind> | undefined;
/** How many of Pagefind's results are looked at closely; the rest keep Pagefind's order. */
const CANDIDATES = 24;

export function loadPagefind(): Promise<Pagefind> {
  loading ??= (async () => {
    const pagefind = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
    await pagefind.options({ baseUrl: base, excerptLength: 24 });
    await pagefind.init();
    return pagefind;
  })();
  return loading;
}

/**
 * The glossary is one page; the entry whose heading names the term, or else the one with most
 * matches, is a better link than the page top.
 */
function bestLink(data: PagefindResultData, term: string): { url: string; title: string; excerpt: string } {
  const entries = (data.sub_results ?? []).filter((s) => s.url.includes('#'));
  if (data.filters['type']?.includes('术语') && entries.length > 0) {
    const named = entries.find((s) => s.title.includes(term));
    const best =
      named ?? [...entries].sort((a, b) => (b.locations?.length ?? 0) - (a.locations?.length ?? 0))[0];
    if (best) return { url: best.url, title: `术语：${best.title}`, excerpt: best.excerpt };
  }
  return { url: data.url, title: data.meta['title'] ?? data.url, excerpt: data.excerpt };
}

export async function runSearch(query: string, filters: Filters = {}, limit = 8): Promise<SearchOutcome> {
  const pagefind = await loadPagefind();
  const start = performance.now();
  const code = abilityCodeQuery(query);
  const term = code ?? query.trim();
  const results = (await pagefind.search(term, { filters }))?.results ?? [];
  let data = await Promise.all(results.slice(0, CANDIDATES).map((r) => r.data()));
  const literalCount = (items: PagefindResultData[]) =>
    items.filter((d) => containsLiteral(d.content, term)).length;
  if (!code && literalCount(data) < Math.min(limit, 5)) {
    // Pagefind may split the query differently from the page text: try its two-character pieces.
    const seen = new Set(data.map((d) => d.url));
    for (const piece of fallbackQueries(term)) {
      const more = (await pagefind.search(piece, { filters }))?.results ?? [];
      for (const extra of await Promise.all(more.slice(0, CANDIDATES).map((r) => r.data()))) {
        if (!seen.has(extra.url) && containsLiteral(extra.content, term)) {
          seen.add(extra.url);
          data = [...data, extra];
        }
      }
    }
  }
  const ranked = code ? data : literalFirst(data, term);
  const hits = putAbilityFirst(
    ranked.map((d) => ({ ...bestLink(d, term), type: d.filters['type']?.[0] ?? '' })),
    code,
    base,
  ).slice(0, limit);
  const exact = code ? results.length : literalCount(data);
  return { hits, total: Math.max(results.length, data.length), exact, ms: performance.now() - start };
}

export async function availableFilters(): Promise<Record<string, Record<string, number>>> {
  return (await loadPagefind()).filters();
}
