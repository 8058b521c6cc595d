/**
 * Our layer over Pagefind: recognise an ability code typed alone, and order results so that
 * code's page comes first. Pure, so the header box, the search page and the benchmark share it.
 */
import { CODE_PATTERN } from './taxonomy';

/** "A5", "a5", " c 7 ", "Ａ５" → "A5"; anything else → undefined. */
export function abilityCodeQuery(query: string): string | undefined {
  const compact = query.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  return CODE_PATTERN.test(compact) ? compact : undefined;
}

export interface RankedResult {
  url: string;
}

/** Moves the page of the typed ability code to the front; keeps the rest in Pagefind's order. */
export function putAbilityFirst<T extends RankedResult>(
  results: readonly T[],
  code: string | undefined,
  base: string,
): T[] {
  if (!code) return [...results];
  const path = `${base.replace(/\/$/, '')}/abilities/${code}/`;
  const hit = results.findIndex((r) => r.url.split('#')[0] === path);
  if (hit <= 0) return [...results];
  const ordered = [...results];
  const [page] = ordered.splice(hit, 1);
  return page ? [page, ...ordered] : ordered;
}

const normalize = (text: string) => text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

/**
 * Pages that contain the query as typed come first, in Pagefind's order; then the rest. Pagefind
 * scores Chinese by its own word splitting, which can rank a page with the exact term below
 * pages that only share a character or two (upstream issue #1237).
 */
export function literalFirst<T extends { content: string }>(items: readonly T[], query: string): T[] {
  if (normalize(query) === '') return [...items];
  const exact = items.filter((i) => containsLiteral(i.content, query));
  return [...exact, ...items.filter((i) => !exact.includes(i))];
}

/** Whether a page's text contains the query as typed, ignoring case, width and spaces. */
export function containsLiteral(content: string, query: string): boolean {
  const needle = normalize(query);
  return needle !== '' && normalize(content).includes(needle);
}

const HAN = /\p{Script=Han}/u;

/**
 * Extra queries for when Pagefind's browser-side splitting of a Chinese query finds nothing
 * the index split the same way: its overlapping two-character pieces.
 */
export function fallbackQueries(query: string): string[] {
  const q = query.trim();
  const chars = [...q];
  if (chars.length < 3 || !chars.every((c) => HAN.test(c))) return [];
  const pieces = new Set<string>();
  for (let i = 0; i + 2 <= chars.length; i++) pieces.add(chars.slice(i, i + 2).join(''));
  return [...pieces];
}

/** Longest query whose single characters are worth searching one by one. */
const CHARACTER_FALLBACK_MAX = 6;

/**
 * The last resort for a short Chinese name that neither the query nor its pairs find (之江汇:
 * the index split it in a way no pair matches): its distinct characters, each searched alone.
 * Only pages containing the whole query are kept, so the breadth costs time, not precision.
 */
export function characterQueries(query: string): string[] {
  const chars = [...query.trim()];
  if (chars.length < 3 || chars.length > CHARACTER_FALLBACK_MAX || !chars.every((c) => HAN.test(c)))
    return [];
  return [...new Set(chars)];
}
