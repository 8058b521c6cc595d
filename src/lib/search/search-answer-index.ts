/**
 * The answer cards' index, built at build time (src/pages/pagefind-layer/answers.json.ts) from
 * the collections' data, as the pages show it. Kept apart from search-answers.ts so the browser
 * bundle carries none of the comparison code.
 */
import { cellIsEmpty, cellText, comparisonRows, type Policy } from '../content/policies';
import type { Limits } from '../content/abilities';
import type { AnswerIndex } from './search-answers';

export interface AbilityInput {
  code: string;
  name: string;
  completeness: string;
  evidence: readonly {
    id: string;
    label: string;
    name: string;
    forms: readonly string[];
    limits: Limits;
    alternativeGroup?: string | undefined;
    confidence?: string | undefined;
    source?: { source: string; locator?: string | undefined; quoted: boolean } | undefined;
  }[];
  alternativeGroups: readonly { id: string; name: string }[];
  sources: readonly { source: string; locator?: string | undefined; quoted: boolean }[];
}

export interface VocabularyInput {
  kind: '问句用词' | '同义词' | '证据项问题' | '政策问题' | '地区别称';
  words: readonly string[];
  find: readonly string[];
  topic?: string | undefined;
  row?: string | undefined;
  region?: string | undefined;
}

/** 广州市 → 广州, 江苏省 → 江苏, 徐水区 → 徐水; a two-character name keeps its suffix. */
export function shortRegionName(region: string): string {
  const short = region.replace(/(省|市|区|县)$/, '');
  return [...short].length >= 2 ? short : region;
}

/**
 * The card index from the collections' data (typeset, as the pages show it). `titles` names
 * each source id. Only the /compare/ rows some question can ask about are kept, so the file
 * stays small.
 */
export function buildAnswerIndex(input: {
  abilities: readonly AbilityInput[];
  policies: readonly Policy[];
  vocabulary: readonly VocabularyInput[];
  titles: ReadonlyMap<string, string>;
  phrases: readonly string[];
}): AnswerIndex {
  const cite = (ref: { source: string; locator?: string | undefined; quoted: boolean } | undefined) => {
    if (!ref) return undefined;
    const title = input.titles.get(ref.source);
    if (title === undefined) throw new Error(`答案索引：引用了不存在的来源「${ref.source}」`);
    return { title, locator: ref.locator, quoted: ref.quoted };
  };
  const of = (kind: VocabularyInput['kind']) => input.vocabulary.filter((v) => v.kind === kind);
  const askedRows = new Set(of('政策问题').flatMap((v) => (v.row ? [v.row] : [])));
  const rows = comparisonRows(input.policies).filter((r) => askedRows.has(r.id));
  const bySlug = new Map(input.policies.map((p) => [p.slug, p]));
  const chain = (slug: string): string[] => {
    const up: string[] = [];
    for (let next = bySlug.get(slug)?.data.parent; next && !up.includes(next);) {
      up.unshift(next);
      next = bySlug.get(next)?.data.parent;
    }
    return up;
  };
  const aliases = of('地区别称');
  const forms = new Set(input.abilities.flatMap((a) => a.evidence.flatMap((e) => e.forms)));
  return {
    version: 1,
    lexicon: {
      questionWords: of('问句用词').flatMap((v) => v.words),
      synonyms: of('同义词').map((v) => ({ words: [...v.words], find: [...v.find] })),
      itemTopics: of('证据项问题').map((v) => ({ topic: v.topic ?? '', words: [...v.words] })),
      policyRows: of('政策问题').map((v) => ({ row: v.row ?? '', words: [...v.words] })),
      regions: input.policies.map((p) => ({
        slug: p.slug,
        names: [
          ...new Set([
            p.data.region,
            shortRegionName(p.data.region),
            ...aliases.filter((a) => a.region === p.slug).flatMap((a) => a.words),
          ]),
        ],
      })),
      abilities: input.abilities.map((a) => ({
        code: a.code,
        name: a.name,
        items: a.evidence.map((e) => e.name),
      })),
      phrases: [
        ...new Set([
          ...input.abilities.flatMap((a) => a.evidence.map((e) => e.name)),
          ...forms,
          ...input.phrases,
        ]),
      ],
    },
    abilities: input.abilities.map((a) => ({
      code: a.code,
      name: a.name,
      completeness: a.completeness,
      source: cite(a.sources[0]),
      items: a.evidence.map((e) => ({
        id: e.id,
        label: e.label,
        name: e.name,
        forms: [...e.forms],
        limits: { ...e.limits },
        alternative: a.alternativeGroups.find((g) => g.id === e.alternativeGroup)?.name,
        unverified: e.confidence === 'public-1',
        source: cite(e.source),
      })),
    })),
    regions: input.policies.map((p) => ({
      slug: p.slug,
      region: p.data.region,
      title: p.data.title,
      compareWith: chain(p.slug),
      unverified: p.data.confidence === 'public-1',
      rows: rows.map((r) => ({
        id: r.id,
        label: r.label,
        text: cellText(r.cells[p.slug]),
        held: !cellIsEmpty(r.cells[p.slug]),
      })),
    })),
  };
}
