/**
 * Our layer over Pagefind: recognise an ability code typed alone, and order results so that
 * code's page comes first. Pure, so the header box, the search page and the benchmark share it.
 */
import { CODE_PATTERN } from '../content/taxonomy';

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
  /** For each UTF-16 unit of `text`: where the character it came from starts in the original. */
  from: number[];
}

/**
 * One character folded. CJK ideographs and ASCII other than capitals and spaces fold to
 * themselves; skipping Unicode normalisation for them keeps a whole policy text quick to search.
 */
function foldChar(char: string): string {
  const code = char.charCodeAt(0);
  const stable =
    char.length === 1 &&
    ((code >= 0x4e00 && code <= 0x9fff) || (code > 0x20 && code < 0x7f && (code < 0x41 || code > 0x5a)));
  return stable ? char : char.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/**
 * Folds one character at a time, so a match in the folded text maps back to the original
 * (NFKC of the whole string could merge neighbours, and then nothing would map back).
 */
function fold(text: string, mapped = false): Folded {
  let folded = '';
  const from: number[] = [];
  let at = 0;
  for (const char of text) {
    const unit = foldChar(char);
    folded += unit;
    if (mapped) for (let i = 0; i < unit.length; i++) from.push(at);
    at += char.length;
  }
  return { text: folded, from };
}

/** The end (exclusive) of the character that starts at `start`. */
const charEnd = (text: string, start: number) => start + ((text.codePointAt(start) ?? 0) > 0xffff ? 2 : 1);

export interface Span {
  start: number;
  end: number;
}

/** Every place the query stands in the text, ignoring case, width and spaces, without overlaps. */
export function findLiterals(content: string, query: string): Span[] {
  const needle = fold(query).text;
  // Most pages do not contain the query: tell that before mapping every character.
  if (needle === '' || !fold(content).text.includes(needle)) return [];
  const haystack = fold(content, true);
  const spans: Span[] = [];
  for (
    let i = haystack.text.indexOf(needle);
    i !== -1;
    i = haystack.text.indexOf(needle, i + needle.length)
  ) {
    const start = haystack.from[i];
    const last = haystack.from[i + needle.length - 1];
    const previous = spans.at(-1);
    // One original character can fold to several units (㎏ → kg): never mark it twice.
    if (start !== undefined && last !== undefined && (!previous || start >= previous.end))
      spans.push({ start, end: charEnd(content, last) });
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

/** A text folded once (case, width, spaces), for asking whether it holds many queries. */
export function foldedText(text: string): string {
  return fold(text).text;
}

/** {@link containsLiteral} against a text already passed through {@link foldedText}. */
export function foldedContains(folded: string, query: string): boolean {
  const needle = fold(query).text;
  return needle !== '' && folded.includes(needle);
}

/** Whether two texts are the same once case, width and spaces are folded away (a term and its name). */
export function sameLiteral(a: string, b: string): boolean {
  const folded = fold(a).text;
  return folded !== '' && folded === fold(b).text;
}

const HAN = /\p{Script=Han}/u;

/**
 * Extra queries for when Pagefind's browser-side splitting of a Chinese query finds nothing
 * the index split the same way: its overlapping two-character pieces. A query with punctuation,
 * spaces or digits in it (a sentence pasted from a policy, "50学时") first gives its runs of
 * Chinese characters, each searched as it stands, then their pieces.
 */
export function fallbackQueries(query: string): string[] {
  const q = query.trim();
  const runs = q.match(/\p{Script=Han}+/gu) ?? [];
  const pieces = new Set<string>();
  for (const run of runs) if (run !== q && [...run].length >= 2) pieces.add(run);
  for (const run of runs) {
    const chars = [...run];
    if (chars.length < 3) continue;
    for (let i = 0; i + 2 <= chars.length; i++) pieces.add(chars.slice(i, i + 2).join(''));
  }
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
