/**
 * Browser side of search: loads Pagefind from the site's own /pagefind/ folder only when a
 * search is first made, runs a query through our layer (ability codes first) and returns plain
 * result objects for the header box and the search page to render.
 */
import { abilityCodeQuery, putAbilityFirst } from '../../lib/search-query';

export interface SearchHit {
  url: string;
  title: string;
  excerpt: string;
  type: string;
}

export interface SearchOutcome {
  hits: SearchHit[];
  total: number;
  ms: number;
}

export type Filters = Record<string, string[]>;

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sub_results?: { url: string; title: string; excerpt: string }[];
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

export function loadPagefind(): Promise<Pagefind> {
  loading ??= (async () => {
    const pagefind = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
    await pagefind.options({ baseUrl: base, excerptLength: 24 });
    await pagefind.init();
    return pagefind;
  })();
  return loading;
}

/** The glossary is one page; a term's own heading is the better link than the page top. */
function bestLink(data: PagefindResultData): { url: string; title: string; excerpt: string } {
  const sub = data.sub_results?.find((s) => s.url.includes('#'));
  if (data.filters['type']?.includes('术语') && sub) return { url: sub.url, title: `术语：${sub.title}`, excerpt: sub.excerpt };
  return { url: data.url, title: data.meta['title'] ?? data.url, excerpt: data.excerpt };
}

export async function runSearch(query: string, filters: Filters = {}, limit = 8): Promise<SearchOutcome> {
  const pagefind = await loadPagefind();
  const start = performance.now();
  const code = abilityCodeQuery(query);
  const response = await pagefind.search(code ?? query.trim(), { filters });
  const results = response?.results ?? [];
  const data = await Promise.all(results.slice(0, Math.max(limit, 20)).map((r) => r.data()));
  const hits = putAbilityFirst(
    data.map((d) => ({ ...bestLink(d), type: d.filters['type']?.[0] ?? '' })),
    code,
    base,
  ).slice(0, limit);
  return { hits, total: results.length, ms: performance.now() - start };
}

export async function availableFilters(): Promise<Record<string, Record<string, number>>> {
  return (await loadPagefind()).filters();
}
