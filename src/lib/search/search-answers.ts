/**
 * Answer cards: where a question asks for a fact the handbook holds as data (an item's time
 * limit, count, form; a region's hours, targets, fees), the fact itself, with its source and a
 * link, above the list of pages. The card index is built at build time from the same content
 * collections the pages read (search-answer-index.ts, src/pages/pagefind-layer/answers.json.ts)
 * and fetched with the search; this module is what the browser runs. A card states only what the data states; where the data is silent it says so
 * (本手册未收录…), and never fills the gap.
 */
import type { Limits } from '../content/abilities';
import type { Lexicon, ParsedQuestion } from './search-question';

export interface CardSource {
  title: string;
  locator?: string | undefined;
  quoted: boolean;
}

export interface IndexedItem {
  id: string;
  label: string;
  name: string;
  forms: string[];
  limits: Limits;
  alternative?: string | undefined;
  unverified: boolean;
  source?: CardSource | undefined;
}

export interface IndexedAbility {
  code: string;
  name: string;
  completeness: string;
  items: IndexedItem[];
  source?: CardSource | undefined;
}

export interface IndexedRegion {
  slug: string;
  region: string;
  title: string;
  /** Slugs shown beside it on /compare/: its ancestors, so the link opens a comparison. */
  compareWith: string[];
  unverified: boolean;
  /** The /compare/ rows questions ask about; `held` is false where the cell says why it is empty. */
  rows: { id: string; label: string; text: string; held: boolean }[];
}

/** What the search fetches besides Pagefind's index: the lexicon and the facts cards state. */
export interface AnswerIndex {
  version: 1;
  lexicon: Lexicon;
  abilities: IndexedAbility[];
  regions: IndexedRegion[];
}

/** One answer, as the header box and the search page show it. */
export interface AnswerCard {
  kind: 'item' | 'ability' | 'region';
  /** What the card is about: "C5 案例展示", "广州市 年度进度". */
  subject: string;
  /** The fact as the data states it, or what the handbook lacks. */
  statement: string;
  /** The data holds the fact (false: the card says 本手册未收录… or 原文未规定). */
  held: boolean;
  unverified: boolean;
  /** The source line: 引自《…》，第53页. */
  source?: string | undefined;
  /** What the card states a fact of: an ability (and item), or a region's /compare/ row. */
  code?: string | undefined;
  item?: string | undefined;
  region?: string | undefined;
  row?: string | undefined;
  /** Site path (no base), to the item or the /compare/ row. */
  href: string;
  linkText: string;
}

/**
 * The fetched index, if it is one this code reads (the same build wrote both; a copy cached
 * from another build is ignored rather than misread).
 */
export function readAnswerIndex(json: unknown): AnswerIndex | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  const index = json as Partial<AnswerIndex>;
  const ok =
    index.version === 1 &&
    Array.isArray(index.abilities) &&
    Array.isArray(index.regions) &&
    typeof index.lexicon === 'object' &&
    index.lexicon !== null;
  return ok ? (index as AnswerIndex) : undefined;
}

/** A card's whole text: "C5 案例展示：视频，不超过 10 分钟，需出现教师个人形象". */
export function cardText(card: Pick<AnswerCard, 'subject' | 'statement'>): string {
  return `${card.subject}：${card.statement}`;
}

// --- answering (in the browser) -------------------------------------------------------------

/** Cards above the pages are a glance, not a list: beyond this the pages say it better. */
const MAX_CARDS = 3;

function sourceLine(source: CardSource | undefined): string | undefined {
  if (!source) return undefined;
  return `${source.quoted ? '引自' : '据'}《${source.title}》${source.locator ? `，${source.locator}` : ''}${source.quoted ? '' : '整理'}`;
}

/** 视频，不超过 10 分钟，需出现教师个人形象 — only what the item's data states. */
export function itemStatement(item: Pick<IndexedItem, 'forms' | 'limits'>): string {
  const parts: string[] = [];
  if (item.forms.length > 0) parts.push(item.forms.join('、'));
  const { count, maxMinutes, maxMinutesQualifier, teacherOnCamera } = item.limits;
  if (count !== undefined) parts.push(`共 ${count} 份`);
  if (maxMinutes !== undefined)
    parts.push(
      `${count !== undefined && count > 1 ? '每份' : ''}${maxMinutesQualifier ?? ''}不超过 ${maxMinutes} 分钟`,
    );
  if (teacherOnCamera) parts.push('需出现教师个人形象');
  return parts.length > 0 ? parts.join('，') : '本手册未收录它的形式与时长要求';
}

/** What a topic asks of an item, for saying the handbook's guide does not state it. */
const TOPIC_LIMIT: Record<string, { has: (l: Limits) => boolean; missing: string }> = {
  时长: { has: (l) => l.maxMinutes !== undefined, missing: '时长要求' },
  份数: { has: (l) => l.count !== undefined, missing: '份数要求' },
  出镜: { has: (l) => l.teacherOnCamera === true, missing: '须出现教师本人形象的要求' },
};

/** Whether a word names an item: the item's name contains it (体会 → 学生体会) or the reverse. */
function namesItem(word: string, item: IndexedItem): boolean {
  return [...word].length >= 2 && (item.name.includes(word) || word.includes(item.name));
}

function itemCard(ability: IndexedAbility, item: IndexedItem): AnswerCard {
  const label = item.alternative ? `${item.alternative}·${item.label}` : '';
  return {
    kind: 'item',
    subject: `${ability.code} ${item.name}`,
    statement: itemStatement(item) + (label ? `（${label}，与同组任务任选其一）` : ''),
    held: true,
    unverified: item.unverified,
    source: sourceLine(item.source),
    code: ability.code,
    item: item.id,
    href: `/abilities/${ability.code}/#item-${item.id}`,
    linkText: `查看 ${ability.code} 的这一项提交要求`,
  };
}

function abilityCards(ability: IndexedAbility, q: ParsedQuestion, forms: ReadonlySet<string>): AnswerCard[] {
  const topics = q.itemTopics;
  // Any word but a region's may name an item; "情景描述" both names C5 and its item.
  const other = q.words.filter((w) => w.region === undefined);
  const named = ability.items.filter((item) => other.some((w) => namesItem(w.text, item)));
  const byForm = ability.items.filter((item) =>
    other.some((w) => forms.has(w.text) && item.forms.includes(w.text)),
  );
  if (topics.length === 0 && named.length === 0 && byForm.length === 0) return [];
  const page = `/abilities/${ability.code}/`;
  if (ability.items.length === 0) {
    return [
      {
        kind: 'ability',
        subject: `${ability.code} ${ability.name}`,
        statement: '本手册未收录它的提交指南（交什么、什么形式、时长与份数），请以本地考核指南为准',
        held: false,
        unverified: false,
        href: page,
        linkText: `查看 ${ability.code} 已收录的内容`,
      },
    ];
  }
  const chosen = named.length > 0 ? named : byForm.length > 0 ? byForm : ability.items;
  const limit = topics.map((t) => TOPIC_LIMIT[t]).find((l) => l !== undefined);
  if (limit) {
    const stating = chosen.filter((item) => limit.has(item.limits));
    if (stating.length > 0) return stating.slice(0, MAX_CARDS).map((item) => itemCard(ability, item));
    return [
      {
        kind: 'ability',
        subject: `${ability.code} ${chosen.length === ability.items.length ? ability.name : chosen.map((i) => i.name).join('、')}`,
        statement: `本手册收录的提交指南没有写明${limit.missing}`,
        held: false,
        unverified: false,
        source: sourceLine(ability.source),
        href: `${page}#guide`,
        linkText: `查看 ${ability.code} 的提交指南`,
      },
    ];
  }
  if (chosen.length <= 2) return chosen.map((item) => itemCard(ability, item));
  return [
    {
      kind: 'ability',
      subject: `${ability.code} 提交指南`,
      statement: chosen.map((item) => `${item.name}（${itemStatement(item)}）`).join('；'),
      held: true,
      unverified: chosen.some((i) => i.unverified),
      source: sourceLine(ability.source),
      href: `${page}#guide`,
      linkText: `查看 ${ability.code} 的提交指南`,
    },
  ];
}

function regionCard(region: IndexedRegion, rowId: string): AnswerCard | undefined {
  const row = region.rows.find((r) => r.id === rowId);
  if (!row) return undefined;
  const compare = [...region.compareWith, region.slug];
  return {
    kind: 'region',
    subject: `${region.region} ${row.label}`,
    statement: row.text.replace(/\n/g, '；'),
    held: row.held,
    unverified: region.unverified,
    source: `据《${region.title}》`,
    region: region.slug,
    row: row.id,
    href: `/compare/${compare.length >= 2 ? `?r=${compare.join(',')}` : ''}#row-${row.id}`,
    linkText: '在政策比较中查看这一行',
  };
}

/** The cards for a question: the facts it asks about for the abilities and regions it names. */
export function answerCards(q: ParsedQuestion, index: AnswerIndex): AnswerCard[] {
  const forms = new Set(index.abilities.flatMap((a) => a.items.flatMap((i) => i.forms)));
  const cards: AnswerCard[] = [];
  for (const code of q.codes) {
    const ability = index.abilities.find((a) => a.code === code);
    if (ability) cards.push(...abilityCards(ability, q, forms));
  }
  for (const slug of q.regions) {
    const region = index.regions.find((r) => r.slug === slug);
    if (!region) continue;
    for (const row of q.policyRows) {
      const card = regionCard(region, row);
      if (card) cards.push(card);
    }
  }
  return cards.slice(0, MAX_CARDS);
}
