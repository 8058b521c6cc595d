/**
 * Our layer over Pagefind: recognise an ability code typed alone, and order results so that
 * code's page comes first. Pure, so the header box, the search page and the benchmark share it.
 */
import { CODE_PATTERN } from './taxonomy';

/** "A5", "a5", " c 7 ", "Ａ５" → "A5"; anything else → undefined. */
export function abilityCodeQuery(query: string): string | undefined {
  const compact = query
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .toUpperCase();
  return CODE_PATTERN.test(compact) ? compact : undefined;
}

export interface RankedResult {
  url: string;
}

/** Moves the page of the typed ability code to the front; keeps the rest in Pagefind's order. */
export function putAbilityFirst<T extends RankedResult>(results: readonly T[], code: string | undefined, base: string): T[] {
  if (!code) return [...results];
  const path = `${base.replace(/\/$/, '')}/abilities/${code}/`;
  const hit = results.findIndex((r) => r.url.split('#')[0] === path);
  if (hit <= 0) return [...results];
  const ordered = [...results];
  const [page] = ordered.splice(hit, 1);
  return page ? [page, ...ordered] : ordered;
}
