/**
 * Search filters: Pagefind indexes them under Chinese names, which its filter pane shows as the
 * group headings; the search page's URL uses short Latin parameters so a link stays readable
 * when pasted into a chat or a school notice.
 */
import type { Filters } from './search-layer';
import { DIMENSIONS, ENVIRONMENTS } from '../content/taxonomy';

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

/** Values listed in the handbook's own order; anything else follows as Pagefind lists it. */
const VALUE_ORDER: Partial<Record<string, readonly string[]>> = {
  类型: ['微能力', '政策', '术语'],
  教学环境: ENVIRONMENTS,
  能力维度: DIMENSIONS,
};

export type FilterCounts = Record<string, Record<string, number>>;

function orderedValues(name: string, values: string[]): string[] {
  const known = VALUE_ORDER[name] ?? [];
  const rank = (value: string) => {
    const at = known.indexOf(value);
    return at === -1 ? known.length : at;
  };
  return values
    .map((value, index) => ({ value, index }))
    .sort((a, b) => rank(a.value) - rank(b.value) || a.index - b.index)
    .map(({ value }) => value);
}

/**
 * Pagefind's filter counts with the groups in our order (类型, 教学环境, 能力维度, 地区; any
 * other after) and values in the order a reader knows from the ability grid. Pagefind sorts
 * groups by code point, which put 地区 first; its filter pane shows them in object order.
 */
export function orderedCounts(counts: FilterCounts): FilterCounts {
  const ours: string[] = SEARCH_FILTERS.map((f) => f.name).filter((name) => name in counts);
  const others = Object.keys(counts).filter((name) => !ours.includes(name));
  return Object.fromEntries(
    [...ours, ...others].map((name) => {
      const values = counts[name] ?? {};
      return [
        name,
        Object.fromEntries(orderedValues(name, Object.keys(values)).map((v) => [v, values[v] ?? 0])),
      ];
    }),
  );
}

export interface FilterChoice {
  name: FilterName;
  values: string[];
}

/** The menus for a set of filter counts: our four groups, ordered; a group with no value is left out. */
export function filterChoices(counts: FilterCounts): FilterChoice[] {
  return SEARCH_FILTERS.map(({ name }) => ({
    name,
    values: orderedValues(name, Object.keys(counts[name] ?? {})),
  })).filter((choice) => choice.values.length > 0);
}
