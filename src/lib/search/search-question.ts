/**
 * Reads a question as a teacher types it ("学生体会 要几个学生", "C5视频多长", "广州 每年 比例"):
 * which words a page must hold, which are only the question's form (怎么, 多少, 吗…), which
 * synonyms also count, and which ability or region the question is about. The words themselves
 * come from content data (src/content/search-vocabulary.yaml and the entries' own names), so
 * what the parser knows grows with the content, not with this code.
 */
import { CODE_PATTERN } from '../content/taxonomy';

/** What the search box reads a question with: the vocabulary file plus the handbook's own names. */
export interface Lexicon {
  questionWords: readonly string[];
  synonyms: readonly { words: readonly string[]; find: readonly string[] }[];
  itemTopics: readonly { topic: string; words: readonly string[] }[];
  policyRows: readonly { row: string; words: readonly string[] }[];
  /** Every name a region goes by, its slug first-class: 广州市, 广州. */
  regions: readonly { slug: string; names: readonly string[] }[];
  /** Each ability's name and its evidence items' names (学生体会 names C5 where only C5 has it). */
  abilities: readonly { code: string; name: string; items?: readonly string[] | undefined }[];
  /** Other phrases to keep whole: item names, forms, glossary terms. */
  phrases: readonly string[];
}

/** One word of the question a page should hold: as typed, or any of its alternatives. */
export interface QuestionWord {
  text: string;
  /** The word itself first, then what else counts as it (synonyms, a code's ability name). */
  alternatives: string[];
  /** The synonyms among the alternatives: words a page may hold instead, searched for too. */
  synonyms: string[];
  /** The ability code this word names (C5, 个别化指导), if any. */
  code?: string | undefined;
  /** The region (policy slug) this word names (江苏), if any. */
  region?: string | undefined;
}

export interface ParsedQuestion {
  /** The query as typed, trimmed. */
  query: string;
  words: QuestionWord[];
  /** The question words found: kept as what is asked, never required of a page. */
  intents: string[];
  codes: string[];
  regions: string[];
  /** What is asked of an evidence item (时长, 份数, 出镜, 形式, 提交). */
  itemTopics: string[];
  /** Which /compare/ rows are asked about (quotas, funding…). */
  policyRows: string[];
  /** One word as typed, nothing dropped or widened: searched exactly as before. */
  plain: boolean;
}

export const EMPTY_LEXICON: Lexicon = {
  questionWords: [],
  synonyms: [],
  itemTopics: [],
  policyRows: [],
  regions: [],
  abilities: [],
  phrases: [],
};

/** Breaks between words: spaces and punctuation, Chinese or not. */
const BREAK = /[\s!-$&-/:-@[-`{-~、。“”‘’《》〈〉【】「」『』…—·～]+/u;
const ASCII_WORD = /[A-Za-z0-9%]+/g;
/** Particles that end a question; a lone question character elsewhere must stand between known words. */
const FINAL = new Set(['吗', '呢', '吧', '啊', '了']);

interface Token {
  text: string;
  known: boolean;
}

/** Prepared once per lexicon: the phrases to segment by, longest first. */
interface Prepared {
  lexicon: Lexicon;
  known: Set<string>;
  longest: number;
  question: Set<string>;
  ascii: Map<string, string>;
}

const prepared = new WeakMap<Lexicon, Prepared>();

function prepare(lexicon: Lexicon): Prepared {
  const cached = prepared.get(lexicon);
  if (cached) return cached;
  const all = [
    ...lexicon.questionWords,
    ...lexicon.synonyms.flatMap((s) => [...s.words, ...s.find]),
    ...lexicon.itemTopics.flatMap((t) => t.words),
    ...lexicon.policyRows.flatMap((r) => r.words),
    ...lexicon.regions.flatMap((r) => r.names),
    ...lexicon.abilities.map((a) => a.name),
    ...lexicon.phrases,
  ]
    .map((w) => w.normalize('NFKC').trim())
    .filter((w) => w !== '');
  const known = new Set(all.filter((w) => !/^[A-Za-z0-9%]+$/.test(w)));
  const ascii = new Map(all.filter((w) => /^[A-Za-z0-9%]+$/.test(w)).map((w) => [w.toLowerCase(), w]));
  const result: Prepared = {
    lexicon,
    known,
    longest: Math.max(1, ...[...known].map((w) => [...w].length)),
    question: new Set(lexicon.questionWords.map((w) => w.normalize('NFKC'))),
    ascii,
  };
  prepared.set(lexicon, result);
  return result;
}

/** The longest known phrase at `at`, if any. */
function knownAt(p: Prepared, chars: string[], at: number): string | undefined {
  for (let n = Math.min(p.longest, chars.length - at); n >= 1; n--) {
    const word = chars.slice(at, at + n).join('');
    if (p.known.has(word)) return word;
  }
  return undefined;
}

/**
 * Splits a run of Chinese by longest match against the known phrases; what matches none stays
 * together as one word. A one-character question word (要, 吗) is only taken where it cannot be
 * part of a word: at the end of the run (吗, 呢…), or between known phrases ("视频要多长"), so
 * 重要 and 要求 keep their 要.
 */
function segmentRun(p: Prepared, run: string): Token[] {
  const chars = [...run];
  const tokens: Token[] = [];
  let pending = '';
  const flush = () => {
    if (pending !== '') tokens.push({ text: pending, known: false });
    pending = '';
  };
  for (let at = 0; at < chars.length;) {
    const word = knownAt(p, chars, at);
    const single = word !== undefined && [...word].length === 1;
    const end = at + 1 === chars.length;
    const takeSingle =
      single &&
      p.question.has(word) &&
      ((end && (FINAL.has(word) || pending === '')) ||
        (!end && [...(knownAt(p, chars, at + 1) ?? '')].length >= 2));
    if (word !== undefined && (!single || takeSingle || !p.question.has(word))) {
      if (single && !takeSingle) {
        pending += word;
      } else {
        flush();
        tokens.push({ text: word, known: true });
      }
      at += [...word].length;
    } else {
      pending += chars[at];
      at += 1;
    }
  }
  flush();
  return tokens;
}

function tokenize(p: Prepared, query: string): Token[] {
  const tokens: Token[] = [];
  for (const run of query.normalize('NFKC').split(BREAK)) {
    if (run === '') continue;
    let at = 0;
    for (const m of run.matchAll(ASCII_WORD)) {
      if (m.index > at) tokens.push(...segmentRun(p, run.slice(at, m.index)));
      const known = p.ascii.get(m[0].toLowerCase());
      tokens.push({ text: known ?? m[0], known: known !== undefined });
      at = m.index + m[0].length;
    }
    if (at < run.length) tokens.push(...segmentRun(p, run.slice(at)));
  }
  return tokens;
}

const unique = <T>(items: readonly T[]): T[] => [...new Set(items)];

/** The ability a word names: its code, or a part of exactly one ability's name (个别化指导 → C5). */
function abilityOf(lexicon: Lexicon, word: string): string | undefined {
  const code = word.toUpperCase();
  if (CODE_PATTERN.test(code) && lexicon.abilities.some((a) => a.code === code)) return code;
  if ([...word].length < 2 || !/\p{Script=Han}/u.test(word)) return undefined;
  const named = lexicon.abilities.filter((a) => a.name.includes(word));
  if (named.length === 1) return named[0]?.code;
  if (named.length > 1) return undefined;
  const byItem = lexicon.abilities.filter((a) => a.items?.includes(word));
  return byItem.length === 1 ? byItem[0]?.code : undefined;
}

/**
 * An unknown run with one character glued to an ability's name ("用数据分析模型": 用 + part of
 * C6's name) stands for that part, when the whole names no ability and the part does.
 */
function gluedAbility(lexicon: Lexicon, word: string): string | undefined {
  const chars = [...word];
  if (chars.length < 4 || abilityOf(lexicon, word)) return undefined;
  return [chars.slice(1).join(''), chars.slice(0, -1).join('')].find((part) => abilityOf(lexicon, part));
}

function regionOf(lexicon: Lexicon, word: string): string | undefined {
  return lexicon.regions.find((r) => r.names.includes(word))?.slug;
}

/** Reads a question. Never throws: any string gives a (possibly empty) reading. */
export function parseQuestion(query: string, lexicon: Lexicon = EMPTY_LEXICON): ParsedQuestion {
  const p = prepare(lexicon);
  const trimmed = query.trim();
  const tokens = tokenize(p, trimmed);
  const intents: string[] = [];
  const words: QuestionWord[] = [];
  for (const token of tokens) {
    if (token.known && p.question.has(token.text)) {
      intents.push(token.text);
      continue;
    }
    const text = token.known ? token.text : (gluedAbility(lexicon, token.text) ?? token.text);
    if (words.some((w) => w.text === text)) continue;
    const code = abilityOf(lexicon, text);
    const region = regionOf(lexicon, text);
    const synonyms = lexicon.synonyms.filter((s) => s.words.includes(text)).flatMap((s) => s.find);
    const ability = code ? lexicon.abilities.find((a) => a.code === code) : undefined;
    const regionNames = region ? (lexicon.regions.find((r) => r.slug === region)?.names ?? []) : [];
    words.push({
      text,
      alternatives: unique([text, ...synonyms, ...(ability ? [ability.code] : []), ...regionNames]),
      synonyms: unique(synonyms.filter((s) => s !== text)),
      code,
      region,
    });
  }
  const said = (list: readonly string[]) => tokens.some((t) => list.includes(t.text));
  const single = words[0];
  return {
    query: trimmed,
    words,
    intents: unique(intents),
    codes: unique(words.flatMap((w) => (w.code ? [w.code] : []))),
    regions: unique(words.flatMap((w) => (w.region ? [w.region] : []))),
    itemTopics: unique(lexicon.itemTopics.filter((t) => said(t.words)).map((t) => t.topic)),
    policyRows: unique(lexicon.policyRows.filter((r) => said(r.words)).map((r) => r.row)),
    // Nothing dropped, widened or named: the words as typed, searched as before ("100所", a
    // sentence pasted from a policy).
    plain:
      intents.length === 0 &&
      !words.some((w) => lexicon.synonyms.some((s) => s.words.includes(w.text))) &&
      (words.length === 1
        ? single?.text === trimmed.normalize('NFKC')
        : words.every((w) => !w.code && !w.region)),
  };
}
