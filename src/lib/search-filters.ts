/**
 * Search filters: Pagefind indexes them under Chinese names, which its filter pane shows as the
 * group headings; the search page's URL uses short Latin parameters so a link stays readable
 * when pasted into a chat or a school notice.
 */
import type { Filters } from './search-layer';

export const SEARCH_FILTERS = [
  { param: 'type', name: '类型' },
  { param: 'environment', name: '教学环境' },
  { param: 'dimension', name: '能力维度' },
  { param: 'region', name: '地区' },
] as const;

export type FilterName = (typeof SEARCH_FILTERS)[number]['name'];

/** `data-pagefind-filter` value for one page: `类型:微能力`. */
export function filterAttribute(name: FilterName, value: string): string {
  return `${name}:${value}`;
}

/** The query and filters a `/search/?q=…&type=…` URL asks for; unknown parameters are ignored. */
export function searchFromParams(params: URLSearchParams): { term: string; filters: Filters } {
  const filters: Filters = {};
  for (const { param, name } of SEARCH_FILTERS) {
    const values = [...new Set(params.getAll(param).filter((v) => v.trim() !== ''))];
    if (values.length > 0) filters[name] = values;
  }
  return { term: (params.get('q') ?? '').trim(), filters };
}

/** The URL query string for a search, in a fixed order so the same search gives the same URL. */
export function paramsFromSearch(term: string, filters: Filters): URLSearchParams {
  const params = new URLSearchParams();
  if (term.trim() !== '') params.set('q', term.trim());
  for (const { param, name } of SEARCH_FILTERS) {
    for (const value of filters[name] ?? []) params.append(param, value);
  }
  return params;
}
