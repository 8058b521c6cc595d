// src/lib/grading/ decides the one 考核规范 grading rule, and the rubric shape it reads.
// Imports only content/, files/; see eslint.config.js.
/**
 * The grading rule of the national 考核规范, once. The wizard's live grade, the summary, the
 * PDF packet and the tests all call these functions.
 *
 * - An evidence item is 优秀 when it meets every 优秀 criterion, 合格 when it meets every 合格
 *   criterion, otherwise 不合格; evidence that breaks the task requirements (missing, too long,
 *   wrong form, too few pieces, teacher not on camera where required) is 不合格 whatever is ticked.
 * - A micro-ability is 优秀 only when every graded item is 优秀, 不合格 when any item is 不合格
 *   (or a required ungraded item is missing), otherwise 合格. Of alternative tasks only the
 *   chosen one counts.
 */
import type { AlternativeGroup, Limits } from '../content/abilities';
import { displayText } from '../content/display-text';
import type { RubricSource } from './rubric-schema';

export type Grade = '优秀' | '合格' | '不合格';

export interface RubricItem {
  id: string;
  label: string;
  name: string;
  forms: readonly string[];
  required: boolean;
  /** true: graded by criteria; false: required, not graded; 'unknown': criteria not known. */
  graded: boolean | 'unknown';
  alternativeGroup?: string | undefined;
  limits: Limits;
  criteria?: { excellent: readonly string[]; pass: readonly string[] } | undefined;
}

export interface Rubric {
  code: string;
  name: string;
  /**
   * Where the rubric comes from: the handbook's content, typed in by the teacher from the local
   * 考核指南, or a school's rubric file (rubric-file.ts). Graded alike; shown apart.
   */
  origin: '手册' | '教师录入' | '学校文件';
  /** The guide a school file's (or a regional entry's) rubric was entered from, and by whom. */
  source?: RubricSource | undefined;
  alternativeGroups: readonly AlternativeGroup[];
  items: readonly RubricItem[];
}

/** What the browser read from a picked file; the file itself never leaves the device. */
export interface EvidenceFile {
  name: string;
  /** MIME type as the browser reports it ('' when unknown). */
  type: string;
  size: number;
  durationSeconds?: number | undefined;
  sha256?: string | undefined;
}

export interface ItemEvidence {
  /**
   * The teacher ticked 这项证据我已准备好. Not whether the item counts as submitted: an item typed
   * out (title and description) counts without the tick and keeps `present: false` in the file,
   * as files carried before did. Every reader asks isPresent, never this flag alone.
   */
  present: boolean;
  title?: string | undefined;
  description?: string | undefined;
  files: EvidenceFile[];
  /** Duration of the longest piece, entered by hand when no file with a duration is picked. */
  manualMinutes?: number | undefined;
  /** Number of pieces, entered by hand when no files are picked. */
  manualCount?: number | undefined;
  /** The teacher confirms they appear on camera. */
  teacherOnCamera?: boolean | undefined;
  /** Ticked criteria, by index into the rubric's lists. */
  excellent: number[];
  pass: number[];
}

export interface AbilityEvidence {
  /** For each alternative group, the id of the chosen item. */
  chosen: Record<string, string>;
  items: Record<string, ItemEvidence>;
  reflection?: string | undefined;
}

export type ItemStatus = Grade | '已提交';

export interface ItemResult {
  itemId: string;
  /** 优秀/合格/不合格 for graded items; 已提交 or 不合格 for ungraded ones. */
  status: ItemStatus;
  graded: boolean;
  /** Why it is not 优秀 (or not 已提交): hard requirements first, then unmet criteria. Chinese, ready to show. */
  reasons: string[];
}

export interface AbilityResult {
  code: string;
  /** undefined when the rubric's criteria are not known, so no grade can be given. */
  grade: Grade | undefined;
  reasons: string[];
  items: ItemResult[];
  /** Items not counted because another alternative was chosen. */
  skipped: string[];
}

/*
 * Decisions the rule above leaves open, made here once:
 *
 * - Evidence is present when the teacher says it is ready, or has typed both a title and a
 *   description (for 情景描述, a typed 设计, the text is the evidence). Files alone need the tick:
 *   a picked file sets it, and a teacher may clear it while the file is not final.
 * - Missing evidence (no entry, or not present as above, whatever files it lists) is 不合格 in
 *   gradeItem whether or not the item is required: gradeItem judges a submission. gradeAbility
 *   decides what counts: a missing item that is not required is left out and listed in `skipped`.
 * - A missing item gets only the 缺交 reason; its other requirements are not checked.
 * - Durations are compared in whole seconds, rounded down as a player shows them: container
 *   metadata often reports 600.02 s for a ten-minute video, which a reviewer sees as 10:00.
 *   Unusable durations (not finite, zero or negative; Chrome reports Infinity for some WebM
 *   recordings) count as unknown, as do unusable hand-entered minutes and counts.
 * - A count of 1 (or none) is met by the evidence being present; only counts above 1 are checked.
 * - Pieces are counted once each: two files with the same SHA-256 are one piece, and so are two
 *   with the same name and size while either has no hash yet (still hashing, or unreadable). More
 *   distinct pieces than the count asks are a warning (pieceWarnings), not a failure.
 * - A sentence that stands word for word in both the 合格 and the 优秀 list is one criterion:
 *   ticking it in either list counts for both.
 * - An item marked graded: true without criteria (bad data) is treated like graded: 'unknown'.
 * - A group's choice that names no item of the group counts as no choice.
 * - When any counted item's criteria are unknown the ability has no grade even if another item
 *   already fails: the reasons still list those failures so the teacher can fix them.
 */

const GRADE_RANK: Record<Grade, number> = { 不合格: 0, 合格: 1, 优秀: 2 };

/** 不合格 < 合格 < 优秀, for sorting and comparing. */
export function gradeRank(grade: Grade): number {
  return GRADE_RANK[grade];
}

export const UNKNOWN_CRITERIA_REASON = '评价标准未收录：请按本地考核指南录入后再评定';

/** Forms whose files must be of a given MIME family; the others (文本, 文件, 学生作品) take any file. */
const MEDIA_FORMS: Record<string, string> = { 视频: 'video/', 音频: 'audio/', 图片: 'image/' };

function acceptsAnyFile(forms: readonly string[]): boolean {
  return forms.some((form) => MEDIA_FORMS[form] === undefined);
}

/** Whether a file of this MIME type ('' when unknown) fits any of the allowed forms. */
export function fileFitsForms(type: string, forms: readonly string[]): boolean {
  if (acceptsAnyFile(forms)) return true;
  const mime = type.trim().toLowerCase();
  if (mime === '') return false;
  return forms.some((form) => {
    const prefix = MEDIA_FORMS[form];
    return prefix !== undefined && mime.startsWith(prefix);
  });
}

/** 360 → "6 分 0 秒". */
export function formatDuration(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  return `${Math.floor(whole / 60)} 分 ${whole % 60} 秒`;
}

function usablePositive(value: number | undefined): value is number {
  return value !== undefined && Number.isFinite(value) && value > 0;
}

function usableCount(value: number | undefined): value is number {
  return value !== undefined && Number.isInteger(value) && value >= 0;
}

/** Whether the title and description are both filled in (typed evidence). */
export function hasTypedEvidence(evidence: Pick<ItemEvidence, 'title' | 'description'>): boolean {
  return (evidence.title ?? '').trim() !== '' && (evidence.description ?? '').trim() !== '';
}

/** Whether the item counts as submitted: ticked ready, or typed out (see the rules above). */
export function isPresent(evidence: ItemEvidence | undefined): evidence is ItemEvidence {
  return evidence !== undefined && (evidence.present || hasTypedEvidence(evidence));
}

function isMissing(evidence: ItemEvidence | undefined): evidence is undefined {
  return !isPresent(evidence);
}

/** Whether two picked files are the same piece of evidence (see the rules above). */
export function sameFile(
  a: Pick<EvidenceFile, 'name' | 'size' | 'sha256'>,
  b: Pick<EvidenceFile, 'name' | 'size' | 'sha256'>,
): boolean {
  if (a.sha256 !== undefined && b.sha256 !== undefined) return a.sha256 === b.sha256;
  return a.name === b.name && a.size === b.size;
}

/** For each file, the index of the earlier file it repeats, or undefined when it is the first of its kind. */
export function duplicateOf(
  files: readonly Pick<EvidenceFile, 'name' | 'size' | 'sha256'>[],
): (number | undefined)[] {
  return files.map((file, i) => {
    const first = files.findIndex((other, j) => j < i && sameFile(other, file));
    return first >= 0 ? first : undefined;
  });
}

/** How many distinct pieces the files are. */
export function distinctPieces(files: readonly Pick<EvidenceFile, 'name' | 'size' | 'sha256'>[]): number {
  return duplicateOf(files).filter((d) => d === undefined).length;
}

/**
 * What the teacher should know about the pieces without failing the item: repeated files (not
 * counted) and more pieces than the rubric asks for. Chinese, ready to show.
 */
export function pieceWarnings(item: RubricItem, evidence: ItemEvidence | undefined): string[] {
  if (!evidence) return [];
  const warnings: string[] = [];
  const repeats = duplicateOf(evidence.files);
  repeats.forEach((first, i) => {
    if (first === undefined) return;
    const file = evidence.files[i];
    const earlier = evidence.files[first];
    if (!file || !earlier) return;
    warnings.push(
      `“${displayText(file.name)}”与第 ${first + 1} 个文件“${displayText(earlier.name)}”是同一个文件${file.sha256 && earlier.sha256 ? '（文件校验码相同）' : '（名称和大小相同）'}，只算一份`,
    );
  });
  const count = item.limits.count;
  const pieces = evidence.files.length > 0 ? distinctPieces(evidence.files) : (evidence.manualCount ?? 0);
  if (count !== undefined && pieces > count)
    warnings.push(
      `「${item.name}」要求 ${count} 份，目前有 ${pieces} 份，多出的 ${pieces - count} 份请确认是否需要提交`,
    );
  return warnings;
}

/**
 * The ticks that count: a sentence in both lists is ticked when either of its boxes is.
 * Returns valid, distinct indices into each list.
 */
export function effectiveTicks(
  criteria: { excellent: readonly string[]; pass: readonly string[] },
  evidence: Pick<ItemEvidence, 'excellent' | 'pass'>,
): { excellent: Set<number>; pass: Set<number> } {
  const excellent = tickedSet(evidence.excellent, criteria.excellent.length);
  const pass = tickedSet(evidence.pass, criteria.pass.length);
  criteria.excellent.forEach((text, e) => {
    const p = criteria.pass.indexOf(text);
    if (p < 0) return;
    if (excellent.has(e) || pass.has(p)) {
      excellent.add(e);
      pass.add(p);
    }
  });
  return { excellent, pass };
}

/** For each 优秀 criterion, the index of the 合格 criterion with the same words, if any. */
export function sharedWithPass(criteria: {
  excellent: readonly string[];
  pass: readonly string[];
}): (number | undefined)[] {
  return criteria.excellent.map((text) => {
    const p = criteria.pass.indexOf(text);
    return p >= 0 ? p : undefined;
  });
}

/** Criteria that can be applied: graded: true with criteria present. */
function gradable(
  item: RubricItem,
): item is RubricItem & { criteria: { excellent: readonly string[]; pass: readonly string[] } } {
  return item.graded === true && item.criteria !== undefined;
}

function criteriaUnknown(item: RubricItem): boolean {
  return item.graded === 'unknown' || (item.graded === true && item.criteria === undefined);
}

/** The hard requirements of the task: form, duration, count, teacher on camera. */
function hardRequirementReasons(item: RubricItem, evidence: ItemEvidence): string[] {
  const reasons: string[] = [];
  const name = `「${item.name}」`;
  const files = evidence.files;
  const mediaList = item.forms.filter((f) => MEDIA_FORMS[f] !== undefined).join('或');

  for (const file of files) {
    // An empty file is no evidence at all, whatever its name or the minutes typed beside it.
    if (file.size === 0) {
      reasons.push(`${name}“${file.name}”是空文件（0 字节）`);
      continue;
    }
    if (fileFitsForms(file.type, item.forms)) continue;
    reasons.push(
      file.type.trim() === ''
        ? `${name}无法识别文件类型：“${displayText(file.name)}”（须为${mediaList}）`
        : `${name}形式不符：“${displayText(file.name)}”不是${mediaList}`,
    );
  }

  const { maxMinutes, maxMinutesQualifier, count, teacherOnCamera } = item.limits;
  if (maxMinutes !== undefined) {
    const limitSeconds = maxMinutes * 60;
    const limitText = `超过${maxMinutesQualifier ?? ''} ${maxMinutes} 分钟的上限`;
    const timed = files.filter((f) => usablePositive(f.durationSeconds));
    if (timed.length > 0) {
      for (const file of timed) {
        const seconds = Math.floor(file.durationSeconds ?? 0);
        if (seconds > limitSeconds) {
          const which = files.length > 1 ? `“${displayText(file.name)}”` : '';
          reasons.push(`${name}${which}时长 ${formatDuration(seconds)}，${limitText}`);
        }
      }
    } else if (usablePositive(evidence.manualMinutes)) {
      const seconds = Math.floor(evidence.manualMinutes * 60);
      if (seconds > limitSeconds) reasons.push(`${name}时长 ${formatDuration(seconds)}，${limitText}`);
    } else if (item.forms.includes('视频') || item.forms.includes('音频')) {
      reasons.push(`${name}未提供时长，无法确认不超过 ${maxMinutes} 分钟（请选择文件或手动填写时长）`);
    }
  }

  if (count !== undefined && count > 1) {
    const pieces = files.length > 0 ? distinctPieces(files) : evidence.manualCount;
    if (!usableCount(pieces)) reasons.push(`${name}需要 ${count} 份，未提供份数`);
    else if (pieces < count) reasons.push(`${name}需要 ${count} 份，目前 ${pieces} 份`);
  }

  if (teacherOnCamera === true && evidence.teacherOnCamera !== true) {
    reasons.push(`${name}须出现教师本人形象，尚未确认`);
  }
  return reasons;
}

/** Valid, distinct indices into a list of `length` criteria. */
function tickedSet(indices: readonly number[], length: number): Set<number> {
  return new Set(indices.filter((i) => Number.isInteger(i) && i >= 0 && i < length));
}

/**
 * One evidence item. Criteria reasons read `未达合格：…` / `未达优秀：…` (gradeAbility adds the
 * item's name); hard-requirement reasons already name the item.
 */
export function gradeItem(item: RubricItem, evidence: ItemEvidence | undefined): ItemResult {
  const graded = gradable(item);
  if (isMissing(evidence)) {
    return { itemId: item.id, status: '不合格', graded, reasons: [`「${item.name}」缺交`] };
  }
  const hard = hardRequirementReasons(item, evidence);
  if (hard.length > 0) return { itemId: item.id, status: '不合格', graded, reasons: hard };
  if (!gradable(item)) return { itemId: item.id, status: '已提交', graded: false, reasons: [] };

  const { excellent, pass } = item.criteria;
  const ticks = effectiveTicks(item.criteria, evidence);
  const excellentTicked = ticks.excellent;
  if (excellentTicked.size === excellent.length) {
    return { itemId: item.id, status: '优秀', graded: true, reasons: [] };
  }
  const passTicked = ticks.pass;
  if (passTicked.size === pass.length) {
    return {
      itemId: item.id,
      status: '合格',
      graded: true,
      reasons: excellent.filter((_, i) => !excellentTicked.has(i)).map((c) => `未达优秀：${c}`),
    };
  }
  return {
    itemId: item.id,
    status: '不合格',
    graded: true,
    reasons: pass.filter((_, i) => !passTicked.has(i)).map((c) => `未达合格：${c}`),
  };
}

function withItemName(item: RubricItem, reason: string): string {
  return reason.startsWith('未达') ? `「${item.name}」${reason}` : reason;
}

/** A micro-ability, by the rule in this file's header. */
export function gradeAbility(rubric: Rubric, evidence: AbilityEvidence | undefined): AbilityResult {
  const results: ItemResult[] = [];
  const counted: RubricItem[] = [];
  const skipped: string[] = [];
  const failing: string[] = [];
  const excellentMissed: string[] = [];
  let choiceMissing = false;
  const seen = new Set<string>();
  const groupsDone = new Set<string>();

  for (const item of rubric.items) {
    if (seen.has(item.id)) continue;
    seen.add(item.id);
    const groupId = item.alternativeGroup;
    if (groupId !== undefined) {
      const members = rubric.items.filter((i) => i.alternativeGroup === groupId);
      const chosen = evidence?.chosen[groupId];
      const validChoice = chosen !== undefined && members.some((m) => m.id === chosen);
      if (!groupsDone.has(groupId)) {
        groupsDone.add(groupId);
        if (!validChoice) {
          const group = rubric.alternativeGroups.find((g) => g.id === groupId);
          failing.push(`「${group?.name ?? groupId}」尚未选择任务`);
          choiceMissing = true;
        }
      }
      if (!validChoice || item.id !== chosen) {
        skipped.push(item.id);
        continue;
      }
    }
    const itemEvidence = evidence?.items[item.id];
    if (!item.required && isMissing(itemEvidence)) {
      skipped.push(item.id);
      continue;
    }
    const result = gradeItem(item, itemEvidence);
    results.push(result);
    counted.push(item);
    if (result.status === '不合格') failing.push(...result.reasons.map((r) => withItemName(item, r)));
    else if (result.status === '合格')
      excellentMissed.push(...result.reasons.map((r) => withItemName(item, r)));
  }

  const base = { code: rubric.code, items: results, skipped };
  if (counted.some(criteriaUnknown)) {
    return { ...base, grade: undefined, reasons: [UNKNOWN_CRITERIA_REASON, ...failing] };
  }
  if (choiceMissing || results.some((r) => r.status === '不合格')) {
    return { ...base, grade: '不合格', reasons: failing };
  }
  const gradedResults = results.filter((r) => r.graded);
  if (gradedResults.length > 0 && gradedResults.every((r) => r.status === '优秀')) {
    return { ...base, grade: '优秀', reasons: [] };
  }
  return { ...base, grade: '合格', reasons: excellentMissed };
}

function stepTier(reason: string): number {
  if (reason.includes('未达优秀：')) return 2;
  if (reason.includes('未达合格：')) return 1;
  return 0;
}

/**
 * What to fix first, at most five: unknown criteria, missing evidence and broken task
 * requirements, then unmet 合格 criteria, then unmet 优秀 criteria.
 */
export function nextSteps(result: AbilityResult): string[] {
  const distinct = [...new Set(result.reasons)];
  return distinct
    .map((reason, i) => ({ reason, i, tier: stepTier(reason) }))
    .sort((a, b) => a.tier - b.tier || a.i - b.i)
    .slice(0, 5)
    .map((s) => s.reason);
}

/**
 * An overview for the packet cover only: the official rule grades each micro-ability separately
 * and knows no overall grade. 不合格 if any is 不合格, none if any has no grade (or there are
 * none), 优秀 if all are 优秀, otherwise 合格.
 */
export function overallGrade(results: readonly AbilityResult[]): Grade | undefined {
  if (results.some((r) => r.grade === '不合格')) return '不合格';
  if (results.length === 0 || results.some((r) => r.grade === undefined)) return undefined;
  return results.every((r) => r.grade === '优秀') ? '优秀' : '合格';
}

/** The fields of an ability entry's data (see abilitySchema) a rubric is built from; defaults may be absent. */
export interface AbilityRubricData {
  code: string;
  name: string;
  alternativeGroups?: readonly AlternativeGroup[] | undefined;
  evidence?:
    | readonly {
        id: string;
        label: string;
        name: string;
        forms: readonly string[];
        required?: boolean | undefined;
        graded: boolean | 'unknown';
        alternativeGroup?: string | undefined;
        limits?: Limits | undefined;
        criteria?: { excellent: readonly string[]; pass: readonly string[] } | undefined;
      }[]
    | undefined;
}

/** The handbook's own rubric for an ability entry. */
export function rubricFromAbility(data: AbilityRubricData): Rubric {
  return {
    code: data.code,
    name: data.name,
    origin: '手册',
    alternativeGroups: data.alternativeGroups ?? [],
    items: (data.evidence ?? []).map((e) => ({
      id: e.id,
      label: e.label,
      name: e.name,
      forms: e.forms,
      required: e.required ?? true,
      graded: e.graded,
      alternativeGroup: e.alternativeGroup,
      limits: e.limits ?? {},
      criteria: e.criteria,
    })),
  };
}
