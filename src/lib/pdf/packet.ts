// src/lib/pdf/ decides what the PDF packet holds, how its Chinese lines break (in runs of one font
// slice), which font slices it needs, whether it can be made offline.
// Imports only self-check/, grading/, content/, files/; see eslint.config.js.
/**
 * The PDF evidence packet as data: what goes on the cover and on each micro-ability's pages.
 * The renderer only lays this out; every grade in it comes from grading.ts.
 */
import { OTHER_REGION, type Draft } from '../self-check/draft';
import {
  effectiveTicks,
  formatDuration,
  gradeAbility,
  isPresent,
  overallGrade,
  type AbilityResult,
  type Grade,
  type ItemStatus,
  type Rubric,
} from '../grading/grading';
import { ancestors, type Policy } from '../content/policies';
import { DEFAULT_STAGES, packetColumn } from '../content/review-stages';
import { sourceLine, type RubricSource } from '../grading/rubric-schema';
import { displayText } from '../content/display-text';

export interface PacketAbility {
  code: string;
  name: string;
  /** The handbook's rubric (or a school file's), or undefined when its criteria are not known. */
  rubric: Rubric | undefined;
  /** Where `rubric` comes from when it is not the handbook's own: the guide and who entered it. */
  source?: RubricSource | undefined;
}

/** One reviewer's finding on one evidence item. */
export interface PacketItemReview {
  /** As review-file.ts's ReviewItem.grade: the item's status by the reviewer's ticks. */
  grade?: ItemStatus | undefined;
  comment?: string | undefined;
  /** The criteria the reviewer finds met, by index into the rubric's lists (as ReviewItem). */
  excellent?: readonly number[] | undefined;
  pass?: readonly number[] | undefined;
}

/** One reviewer's findings on one micro-ability: its grade, an overall comment, and per item. */
export interface PacketAbilityReview {
  grade?: Grade | undefined;
  comment?: string | undefined;
  /** By rubric item id (the same ids as the draft's evidence). */
  items?: Readonly<Record<string, PacketItemReview>> | undefined;
}

/**
 * A review stage to print filled in (issue 13's /review/ hands these in).
 *
 * - `stage` names the column and grade box it fills. Two stages are always printed, 组内互评 and
 *   复评 (blank when not reviewed); a stage whose packet column (review-stages.ts packetColumn,
 *   the rule the review page uses too) is one of them (教师组内互评, 信息化团队复评) fills it and
 *   gives it its name; any other stage adds its own column after them.
 * - The file is named after the last stage filled in, in column order (the process order), so a
 *   reviewer's PDF says which stage it is: 微能力自评_王老师_信息化团队复评_20250401.pdf.
 * - The shape follows review-file.ts (ReviewFile → { stage, reviewer: reviewer.name, date,
 *   abilities }), so a review file's abilities can be passed as they are.
 * - `abilities` is keyed by micro-ability code; a code or item left out stays blank, so a
 *   reviewer who only graded C5 leaves C6's box blank for a pen.
 * - `reviewer` and `date` are printed as given (e.g. 李老师, 2026年11月30日).
 * Two reviews with the same stage: the first one wins.
 */
export interface PacketReview {
  stage: string;
  reviewer: string;
  date: string;
  abilities: Readonly<Record<string, PacketAbilityReview>>;
}

export interface PacketInput {
  draft: Draft;
  abilities: readonly PacketAbility[];
  /** The region as printed: the policy chain (see regionPath) or the teacher's own text. */
  regionName: string | undefined;
  generatedAt: Date;
  siteVersion: string;
  /** Review stages to fill in; absent or empty leaves every review column and box blank. */
  reviews?: readonly PacketReview[] | undefined;
}

export interface EvidenceRow {
  item: string;
  form: string;
  title: string;
  fileName: string;
  size: string;
  duration: string;
  sha256: string;
}

export interface CriterionLine {
  item: string;
  level: '合格' | '优秀';
  text: string;
  met: boolean;
  /** One per review column: 满足 / 未满足 as that stage ticked it, '' when it has not. */
  reviews: string[];
}

/** What one review stage says about one item: empty strings when the stage has not said. */
export interface ItemReviewCell {
  stage: string;
  status: string;
  comment: string;
}

export interface ItemGradeLine {
  itemId: string;
  item: string;
  status: ItemStatus;
  reasons: string[];
  /** One per review column, in column order. */
  reviews: ItemReviewCell[];
}

/** The text a teacher wrote for an item (情景描述, a typed 设计): for such items it is the evidence. */
export interface ItemDescription {
  item: string;
  title: string;
  text: string;
}

/** A review stage's grade box on a micro-ability's pages; blank fields are empty strings. */
export interface ReviewBox {
  stage: string;
  reviewer: string;
  date: string;
  grade: Grade | undefined;
  comment: string;
}

export interface AbilitySection {
  code: string;
  name: string;
  rubricOrigin: string;
  /** 《…》（文号），由 … 录入, when the rubric in use names its source guide. */
  rubricSource: string | undefined;
  grade: Grade | undefined;
  gradeText: string;
  reasons: string[];
  evidence: EvidenceRow[];
  items: ItemGradeLine[];
  criteria: CriterionLine[];
  descriptions: ItemDescription[];
  reflection: string;
  /** One per review column, in column order. */
  reviewBoxes: ReviewBox[];
  /** What each of this ability's pages names in its header. */
  pageLabel: string;
}

export interface Packet {
  filename: string;
  cover: {
    title: string;
    fields: [label: string, value: string][];
    abilities: { code: string; name: string; gradeText: string }[];
    overallText: string;
    note: string;
    /** What the cover and summary pages name in their header. */
    pageLabel: string;
  };
  sections: AbilitySection[];
  /** Review stages, one column each (blank unless a review fills it). */
  reviewColumns: string[];
  footer: { generatedAt: string; version: string };
}

const EMPTY = '—';
const pad = (n: number) => String(n).padStart(2, '0');

export function packetDate(d: Date): string {
  return `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}`;
}

const fileSafe = (text: string) =>
  [...text.trim()]
    .map((c) => (/[\\/:*?"<>|]/.test(c) || c.charCodeAt(0) < 0x20 ? '_' : c))
    .join('')
    .slice(0, 40);

/**
 * 微能力自评_<姓名>_<YYYYMMDD>.pdf, or with a review stage 微能力自评_<姓名>_<环节>_<YYYYMMDD>.pdf,
 * with characters file systems refuse replaced.
 */
export function packetFilename(name: string, date: Date, stage?: string): string {
  const who = fileSafe(name) || '未署名';
  const which = stage ? fileSafe(stage) : '';
  return `微能力自评_${who}${which ? `_${which}` : ''}_${packetDate(date)}.pdf`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function gradeText(grade: Grade | undefined): string {
  return grade ?? '未评定（评价标准未收录）';
}

function itemLabel(label: string, name: string): string {
  return /^\d+$/.test(label) ? `${label}. ${name}` : `${label}：${name}`;
}

/** 河北省保定市徐水区: the region with its parents from the policy tree, without 国家. */
export function regionPath(policies: readonly Policy[], slug: string): string | undefined {
  const self = policies.find((p) => p.slug === slug);
  if (!self) return undefined;
  return [...ancestors(policies, slug), self]
    .filter((p) => p.data.level !== '国家')
    .map((p) => p.data.region)
    .join('');
}

/** The stages printed as columns: the two always printed (named as reviewed), then any others. */
function reviewColumns(reviews: readonly PacketReview[]): string[] {
  const columns = [...DEFAULT_STAGES];
  const named = new Set<number>();
  for (const { stage } of reviews) {
    if (columns.includes(stage)) {
      named.add(columns.indexOf(stage));
      continue;
    }
    const slot = DEFAULT_STAGES.indexOf(packetColumn(stage));
    if (slot >= 0 && !named.has(slot)) {
      columns[slot] = stage;
      named.add(slot);
    } else columns.push(stage);
  }
  return columns;
}

function reviewFor(reviews: readonly PacketReview[], stage: string): PacketReview | undefined {
  return reviews.find((r) => r.stage === stage);
}

const ORIGIN_TEXT: Record<Rubric['origin'], string> = {
  手册: '本手册',
  教师录入: '教师录入（按本地考核指南）',
  学校文件: '学校录入（按本地考核指南）',
};

const TEXT_ONLY = '（文字说明，全文见“证据说明”）';

function section(
  ability: PacketAbility,
  draft: Draft,
  reviews: readonly PacketReview[],
  columns: readonly string[],
): { section: AbilitySection; result: AbilityResult | undefined } {
  const custom = draft.customRubrics[ability.code];
  const rubric = custom ?? ability.rubric;
  const evidence = draft.evidence[ability.code];
  const result = rubric ? gradeAbility(rubric, evidence) : undefined;
  const counted = new Set(result?.items.map((i) => i.itemId));
  const items = (rubric?.items ?? []).filter((i) => counted.has(i.id));
  const rows: EvidenceRow[] = [];
  const criteria: CriterionLine[] = [];
  const descriptions: ItemDescription[] = [];
  for (const item of items) {
    const ev = evidence?.items[item.id];
    const label = itemLabel(item.label, item.name);
    const title = ev?.title?.trim() ?? '';
    const description = ev?.description?.trim() ?? '';
    if (description) descriptions.push({ item: label, title, text: description });
    const base = { item: label, form: item.forms.join('或'), title: title || EMPTY };
    // Submitted as grading.ts counts it (ticked ready, or typed out): its files are listed.
    const files = isPresent(ev) ? ev.files : [];
    if (files.length === 0) {
      rows.push({
        ...base,
        // A description alone (no title, not ticked ready) is not a submission: 缺交, as graded.
        fileName: !isPresent(ev) ? '（缺交）' : description ? TEXT_ONLY : '（未选择文件）',
        size: EMPTY,
        duration: ev?.manualMinutes !== undefined ? `${ev.manualMinutes} 分钟（手填）` : EMPTY,
        sha256: EMPTY,
      });
    }
    for (const f of files) {
      rows.push({
        ...base,
        fileName: displayText(f.name),
        size: formatBytes(f.size),
        duration: f.durationSeconds !== undefined ? formatDuration(f.durationSeconds) : EMPTY,
        sha256: f.sha256 ?? '（未计算）',
      });
    }
    if (item.criteria) {
      const itemCriteria = item.criteria;
      // Ticks as grading counts them: a sentence in both lists is met in both (shown greyed,
      // 勾选一次即可, in the wizard), so the packet never prints 未满足 beside an 优秀 it earned.
      const own = effectiveTicks(itemCriteria, { excellent: ev?.excellent ?? [], pass: ev?.pass ?? [] });
      const stageTicks = columns.map((stage) => {
        const found = reviewFor(reviews, stage)?.abilities[ability.code]?.items?.[item.id];
        if (found?.excellent === undefined && found?.pass === undefined) return undefined;
        return effectiveTicks(itemCriteria, {
          excellent: [...(found?.excellent ?? [])],
          pass: [...(found?.pass ?? [])],
        });
      });
      const line = (level: 'pass' | 'excellent', text: string, i: number): CriterionLine => ({
        item: label,
        level: level === 'pass' ? '合格' : '优秀',
        text,
        met: own[level].has(i),
        reviews: stageTicks.map((t) => (t === undefined ? '' : t[level].has(i) ? '满足' : '未满足')),
      });
      itemCriteria.pass.forEach((text, i) => criteria.push(line('pass', text, i)));
      itemCriteria.excellent.forEach((text, i) => criteria.push(line('excellent', text, i)));
    }
  }
  const reviewOf = (stage: string) => reviewFor(reviews, stage)?.abilities[ability.code];
  return {
    result,
    section: {
      code: ability.code,
      name: ability.name,
      rubricOrigin: rubric ? ORIGIN_TEXT[rubric.origin] : '尚未录入',
      rubricSource: rubric?.source
        ? sourceLine(rubric.source)
        : !custom && ability.source
          ? sourceLine(ability.source)
          : undefined,
      grade: result?.grade,
      gradeText: gradeText(result?.grade),
      reasons: result?.reasons ?? ['评价标准未收录：请在自评向导中按本地考核指南录入后再评定。'],
      evidence: rows,
      items: (result?.items ?? []).map((r) => {
        const item = items.find((i) => i.id === r.itemId);
        return {
          itemId: r.itemId,
          item: item ? itemLabel(item.label, item.name) : r.itemId,
          status: r.status,
          reasons: r.reasons,
          reviews: columns.map((stage) => {
            const found = reviewOf(stage)?.items?.[r.itemId];
            return { stage, status: found?.grade ?? '', comment: found?.comment?.trim() ?? '' };
          }),
        };
      }),
      criteria,
      descriptions,
      reflection: evidence?.reflection?.trim() ?? '',
      reviewBoxes: columns.map((stage) => {
        const review = reviewFor(reviews, stage);
        const found = review?.abilities[ability.code];
        return {
          stage,
          reviewer: found ? review.reviewer.trim() : '',
          date: found ? review.date.trim() : '',
          grade: found?.grade,
          comment: found?.comment?.trim() ?? '',
        };
      }),
      pageLabel: `${ability.code} ${ability.name}`,
    },
  };
}

export function buildPacket(input: PacketInput): Packet {
  const { draft, generatedAt } = input;
  const chosen = input.abilities.filter((a) => draft.abilities.includes(a.code));
  const reviews = input.reviews ?? [];
  const columns = reviewColumns(reviews);
  const built = chosen.map((a) => section(a, draft, reviews, columns));
  const results = built.map((b) => b.result).filter((r): r is AbilityResult => r !== undefined);
  const overall = results.length === built.length ? overallGrade(results) : undefined;
  const p = draft.profile;
  const date = `${generatedAt.getFullYear()}年${generatedAt.getMonth() + 1}月${generatedAt.getDate()}日`;
  return {
    filename: packetFilename(p.name, generatedAt, columns.filter((c) => reviewFor(reviews, c)).at(-1)),
    cover: {
      title: '微能力自评证据包',
      fields: [
        ['教师', p.name || EMPTY],
        ['学校', p.school || EMPTY],
        ['任教学科', p.subject || EMPTY],
        ['学段', p.stage || EMPTY],
        ['地区', (p.region === OTHER_REGION ? p.regionOther?.trim() : input.regionName) || EMPTY],
        ['教学环境', p.environment || EMPTY],
        ['日期', date],
      ],
      abilities: built.map((b) => ({
        code: b.section.code,
        name: b.section.name,
        gradeText: b.section.gradeText,
      })),
      overallText: overall ?? (built.length === 0 ? '未选择微能力点' : '未评定'),
      note: '本证据包由教师按国家考核规范的规则自评生成，供组内互评和学校信息化团队复评参考；正式结果以学校认定为准。',
      pageLabel: '封面与总览（全部微能力点）',
    },
    sections: built.map((b) => b.section),
    reviewColumns: columns,
    footer: {
      generatedAt: `${date} ${pad(generatedAt.getHours())}:${pad(generatedAt.getMinutes())}`,
      version: input.siteVersion,
    },
  };
}

/** Every character the packet will draw, for checking against the font before rendering. */
export function packetText(packet: Packet): string {
  const parts: string[] = [
    packet.filename,
    packet.cover.title,
    packet.cover.note,
    packet.cover.overallText,
    packet.cover.pageLabel,
  ];
  for (const [label, value] of packet.cover.fields) parts.push(label, value);
  for (const a of packet.cover.abilities) parts.push(a.code, a.name, a.gradeText);
  for (const s of packet.sections) {
    parts.push(
      s.code,
      s.name,
      s.rubricOrigin,
      s.rubricSource ?? '',
      s.gradeText,
      s.reflection,
      s.pageLabel,
      ...s.reasons,
    );
    for (const r of s.evidence) parts.push(...Object.values(r));
    for (const i of s.items) {
      parts.push(i.item, i.status, ...i.reasons);
      for (const r of i.reviews) parts.push(r.stage, r.status, r.comment);
    }
    for (const c of s.criteria) parts.push(c.item, c.level, c.text, ...c.reviews);
    for (const d of s.descriptions) parts.push(d.item, d.title, d.text);
    for (const b of s.reviewBoxes) parts.push(b.stage, b.reviewer, b.date, b.grade ?? '', b.comment);
  }
  parts.push(...packet.reviewColumns, packet.footer.generatedAt, packet.footer.version);
  return parts.join('\n');
}

/** Characters of `text` not in `available` (each once, in order of appearance; whitespace ignored). */
export function missingCharacters(text: string, available: { has(ch: string): boolean }): string[] {
  const missing: string[] = [];
  for (const ch of text) {
    if (/\s/.test(ch) || available.has(ch) || missing.includes(ch)) continue;
    missing.push(ch);
  }
  return missing;
}
