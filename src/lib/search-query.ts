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

/** A text with case, width and spaces folded away, and where each folded unit came from. */
interface Folded {
  text: string;
  /** For each UTF-16 unit of `text`: the start and end (exclusive) of the character it came from. */
  from: Array<readonly [number, number]>;
}

/**
 * Folds one character at a time, so a match in the folded text maps back to the original
 * (NFKC of the whole string could merge neighbours, and then nothing would map back).
 */
function fold(text: string): Folded {
  const folded: string[] = [];
  const from: Array<readonly [number, number]> = [];
  let at = 0;
  for (const char of text) {
    const end = at + char.length;
    const unit = char.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
    folded.push(unit);
    for (let i = 0; i < unit.length; i++) from.push([at, end]);
    at = end;
  }
  return { text: folded.join(''), from };
}

export interface Span {
  start: number;
  end: number;
}

/** Every place the query stands in the text, ignoring case, width and spaces, without overlaps. */
export function findLiterals(content: string, query: string): Span[] {
  const needle = fold(query).text;
  if (needle === '') return [];
  const haystack = fold(content);
  const spans: Span[] = [];
  for (
    let i = haystack.text.indexOf(needle);
    i !== -1;
    i = haystack.text.indexOf(needle, i + needle.length)
  ) {
    const first = haystack.from[i];
    const last = haystack.from[i + needle.length - 1];
    const previous = spans.at(-1);
    // One original character can fold to several units (㎏ → kg): never mark it twice.
    if (first && last && (!previous || first[0] >= previous.end))
      spans.push({ start: first[0], end: last[1] });
  }
  return spans;
}

/** Where the query first stands in the text, ignoring case, width and spaces. */
export function findLiteral(content: string, query: string): Span | undefined {
  return findLiterals(content, query)[0];
}

/** Whether a text contains the query as typed, ignoring case, width and spaces. */
export function containsLiteral(content: string, query: string): boolean {
  const needle = fold(query).text;
  return needle !== '' && fold(content).text.includes(needle);
}

/** Whether two texts are the same once case, width and spaces are folded away (a term and its name). */
export function sameLiteral(a: string, b: string): boolean {
  const folded = fold(a).text;
  return folded !== '' && folded === fold(b).text;
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
