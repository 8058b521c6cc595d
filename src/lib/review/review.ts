// src/lib/review/ decides the review: the 评审意见 file, the rule on the reviewer's ticks, evidence checks, the
// session.
// Imports only pdf/, self-check/, grading/, content/, files/; see eslint.config.js.
/**
 * The review rule: a reviewer grades a teacher's evidence with the same rubric and the same
 * function as the teacher (gradeAbility), on the reviewer's own ticks and the teacher's
 * evidence metadata (file type, duration, count, teacher on camera), so the hard limits are
 * rechecked from what the teacher's browser read. Where the two grades differ, the item is
 * marked. Also: turning a finished review into the review file, and telling whether a review
 * still fits the self-check a teacher has now.
 */
import { importDraftText, MAX_IMPORT_BYTES, type Draft } from '../self-check/draft';
import { draftContentHash } from '../self-check/draft-hash';
import {
  effectiveTicks,
  gradeAbility,
  gradeItem,
  isPresent,
  type AbilityEvidence,
  type AbilityResult,
  type Grade,
  type ItemEvidence,
  type ItemResult,
  type ItemStatus,
  type Rubric,
  type RubricItem,
} from '../grading/grading';
import type { PacketReview } from '../pdf/packet';
import { withoutBom } from '../files/versioned-file';
import type { ReviewSession } from './review-session';
import {
  APP_MARKER,
  REVIEW_KIND,
  REVIEW_VERSION,
  importReviewText,
  isReviewData,
  type FileCheck,
  type ReviewFile,
} from './review-file';

/** What the reviewer entered for one item: the criteria they find met, and a comment. */
export interface ReviewerItemInput {
  excellent: number[];
  pass: number[];
  comment: string;
}

export interface ReviewerAbilityInput {
  comment: string;
  items: Record<string, ReviewerItemInput>;
}

export const emptyReviewerItem = (): ReviewerItemInput => ({ excellent: [], pass: [], comment: '' });

type Criteria = { excellent: readonly string[]; pass: readonly string[] };
type Ticks = { excellent: readonly number[]; pass: readonly number[] };

/**
 * The ticks as grading counts them (effectiveTicks), as sorted lists: a sentence in both the
 * 合格 and the 优秀 list is one tick, as in the wizard, so both of its boxes show it.
 */
export function countedTicks(criteria: Criteria, ticks: Ticks): { excellent: number[]; pass: number[] } {
  const counted = effectiveTicks(criteria, { excellent: [...ticks.excellent], pass: [...ticks.pass] });
  const sorted = (set: Set<number>) => [...set].sort((a, b) => a - b);
  return { excellent: sorted(counted.excellent), pass: sorted(counted.pass) };
}

/** One box ticked or unticked; the twin box of a sentence in both lists goes with it. */
export function toggleTick(
  criteria: Criteria,
  ticks: Ticks,
  level: 'excellent' | 'pass',
  index: number,
): { excellent: number[]; pass: number[] } {
  const other = level === 'pass' ? 'excellent' : 'pass';
  const twin = criteria[other].indexOf(criteria[level][index] ?? '\u0000');
  const counted = countedTicks(criteria, ticks);
  if (counted[level].includes(index)) {
    return {
      ...counted,
      [level]: counted[level].filter((i) => i !== index),
      [other]: counted[other].filter((i) => i !== twin),
    } as { excellent: number[]; pass: number[] };
  }
  return countedTicks(criteria, { ...counted, [level]: [...counted[level], index] });
}

/** The rubric the teacher's draft graded with: their typed-in rubric, else the handbook's. */
export function rubricForReview(
  draft: Draft,
  code: string,
  handbook: Rubric | undefined,
): Rubric | undefined {
  return Object.hasOwn(draft.customRubrics, code) ? draft.customRubrics[code] : handbook;
}

/** The teacher's evidence with every tick replaced by the reviewer's (none where they ticked none). */
export function reviewerEvidence(
  teacher: AbilityEvidence | undefined,
  input: ReviewerAbilityInput | undefined,
): AbilityEvidence {
  const items = Object.fromEntries(
    Object.entries(teacher?.items ?? {}).map(([id, item]) => {
      const ticks = input && Object.hasOwn(input.items, id) ? input.items[id] : undefined;
      return [id, { ...item, excellent: [...(ticks?.excellent ?? [])], pass: [...(ticks?.pass ?? [])] }];
    }),
  );
  return { chosen: { ...(teacher?.chosen ?? {}) }, items, reflection: teacher?.reflection };
}

export interface ItemComparison {
  itemId: string;
  self: ItemResult;
  reviewer: ItemResult;
  /** The teacher submitted the item as grading counts it (isPresent): what the page shows. */
  submitted: boolean;
  /** The reviewer has not judged yet an item whose grade rests on their ticks (awaitingReviewer). */
  pending: boolean;
  /** The reviewer's status is not the teacher's (never while pending). */
  differs: boolean;
}

export interface AbilityComparison {
  code: string;
  self: AbilityResult;
  reviewer: AbilityResult;
  items: ItemComparison[];
  /** The ability's grade still depends on items the reviewer has not judged. */
  pending: boolean;
  /** The ability's grade differs (never while pending). */
  differs: boolean;
}

/** What the review page shows for a grade the reviewer has not given yet. */
export const NOT_REVIEWED = '未评';

/** The reviewer's status as shown: 未评 until they have judged what rests on their ticks. */
export function shownStatus(comparison: {
  pending: boolean;
  reviewer: ItemResult;
}): ItemStatus | typeof NOT_REVIEWED {
  return comparison.pending ? NOT_REVIEWED : comparison.reviewer.status;
}

/** The reviewer's ability grade as shown (see shownStatus). */
export function shownGrade(comparison: AbilityComparison): Grade | undefined | typeof NOT_REVIEWED {
  return comparison.pending ? NOT_REVIEWED : comparison.reviewer.grade;
}

const allTicks = (item: RubricItem) => ({
  excellent: (item.criteria?.excellent ?? []).map((_, i) => i),
  pass: (item.criteria?.pass ?? []).map((_, i) => i),
});

/**
 * Whether an item waits for the reviewer: nothing ticked and no comment, while its grade rests
 * on the ticks (no ticks and every tick would grade it differently). A missing item, a broken
 * hard requirement or an ungraded item is decided whatever is ticked, so it never waits. A
 * reviewer who finds no criterion met says so in the item's comment, and 不合格 stands.
 */
export function awaitingReviewer(
  item: RubricItem,
  teacher: ItemEvidence | undefined,
  input: ReviewerItemInput | undefined,
): boolean {
  if (input && (input.excellent.length > 0 || input.pass.length > 0 || input.comment.trim() !== '')) {
    return false;
  }
  if (!teacher) return false;
  const none = gradeItem(item, { ...teacher, excellent: [], pass: [] });
  return gradeItem(item, { ...teacher, ...allTicks(item) }).status !== none.status;
}

/** The teacher's grade and the reviewer's, side by side, per item and for the ability. */
export function compareAbility(
  rubric: Rubric,
  teacher: AbilityEvidence | undefined,
  input: ReviewerAbilityInput | undefined,
): AbilityComparison {
  const self = gradeAbility(rubric, teacher);
  const reviewer = gradeAbility(rubric, reviewerEvidence(teacher, input));
  const waiting = new Set(
    reviewer.items
      .filter((r) => {
        const item = rubric.items.find((i) => i.id === r.itemId);
        return (
          item !== undefined &&
          awaitingReviewer(item, own(teacher?.items, r.itemId), own(input?.items, r.itemId))
        );
      })
      .map((r) => r.itemId),
  );
  const items = reviewer.items.map((r) => {
    const teacherItem = self.items.find((s) => s.itemId === r.itemId) ?? r;
    const pending = waiting.has(r.itemId);
    return {
      itemId: r.itemId,
      self: teacherItem,
      reviewer: r,
      submitted: isPresent(own(teacher?.items, r.itemId)),
      pending,
      differs: !pending && teacherItem.status !== r.status,
    };
  });
  // The ability waits only when judging those items could still change its grade: graded as if
  // every one of them were met in full, does it come out otherwise?
  const best = () => {
    const filled = Object.fromEntries(
      rubric.items
        .filter((i) => waiting.has(i.id))
        .map((i) => [i.id, { ...allTicks(i), comment: '' }] as const),
    );
    return gradeAbility(
      rubric,
      reviewerEvidence(teacher, { comment: '', items: { ...input?.items, ...filled } }),
    );
  };
  const pending = waiting.size > 0 && best().grade !== reviewer.grade;
  return {
    code: rubric.code,
    self,
    reviewer,
    items,
    pending,
    differs: !pending && self.grade !== reviewer.grade,
  };
}

/**
 * The 合格 criteria the reviewer left unticked on an item they find 优秀. The rule makes an item
 * 优秀 on its 优秀 criteria alone, so this is no mistake; the review page says so once.
 */
export function passUnmetButExcellent(
  item: RubricItem,
  comparison: ItemComparison,
  input: ReviewerItemInput,
): number[] {
  if (comparison.pending || comparison.reviewer.status !== '优秀' || !item.criteria) return [];
  const counted = effectiveTicks(item.criteria, input);
  return item.criteria.pass.map((_, i) => i).filter((i) => !counted.pass.has(i));
}

export interface ReviewerIdentity {
  name: string;
  role: string;
}

export interface ReviewAbilityInput {
  code: string;
  rubric: Rubric | undefined;
  input: ReviewerAbilityInput | undefined;
  /** Files the reviewer hashed, by item id. */
  files?: Readonly<Record<string, FileCheck[]>> | undefined;
}

/** The review file for one teacher's self-check at one stage. Abilities without a rubric are left out. */
export function buildReviewFile(args: {
  draft: Draft;
  reviewer: ReviewerIdentity;
  stage: string;
  reviewedAt: Date;
  abilities: readonly ReviewAbilityInput[];
}): ReviewFile {
  const { draft } = args;
  const abilities: ReviewFile['abilities'] = {};
  for (const a of args.abilities) {
    if (!a.rubric || !draft.abilities.includes(a.code)) continue;
    const comparison = compareAbility(a.rubric, draft.evidence[a.code], a.input);
    const items: ReviewFile['abilities'][string]['items'] = {};
    for (const item of comparison.items) {
      const ticks =
        a.input && Object.hasOwn(a.input.items, item.itemId) ? a.input.items[item.itemId] : undefined;
      const files = a.files && Object.hasOwn(a.files, item.itemId) ? a.files[item.itemId] : undefined;
      const criteria = a.rubric.items.find((i) => i.id === item.itemId)?.criteria;
      const given = { excellent: ticks?.excellent ?? [], pass: ticks?.pass ?? [] };
      // The file keeps what grading counted, so a sentence in both lists is recorded in both.
      const kept = criteria
        ? countedTicks(criteria, given)
        : {
            excellent: [...given.excellent].sort((x, y) => x - y),
            pass: [...given.pass].sort((x, y) => x - y),
          };
      items[item.itemId] = {
        ...kept,
        comment: ticks?.comment.trim() ?? '',
        grade: item.reviewer.status,
        selfGrade: item.self.status,
        ...(files && files.length > 0 ? { files: [...files] } : {}),
      };
    }
    abilities[a.code] = {
      ...(comparison.reviewer.grade ? { grade: comparison.reviewer.grade } : {}),
      ...(comparison.self.grade ? { selfGrade: comparison.self.grade } : {}),
      comment: a.input?.comment.trim() ?? '',
      items,
    };
  }
  return {
    app: APP_MARKER,
    kind: REVIEW_KIND,
    version: REVIEW_VERSION,
    reviewedAt: args.reviewedAt.toISOString(),
    reviewer: { name: args.reviewer.name.trim(), role: args.reviewer.role.trim() },
    stage: args.stage,
    teacher: { name: draft.profile.name, school: draft.profile.school },
    draft: { id: draft.id, contentHash: draftContentHash(draft), savedAt: draft.savedAt },
    abilities,
  };
}

/** The reviewer's entries read back from a review file, to continue it or show it. */
export function inputFromReview(review: ReviewFile, code: string): ReviewerAbilityInput | undefined {
  const ability = Object.hasOwn(review.abilities, code) ? review.abilities[code] : undefined;
  if (!ability) return undefined;
  const items = Object.fromEntries(
    Object.entries(ability.items).map(([id, i]) => [
      id,
      { excellent: [...i.excellent], pass: [...i.pass], comment: i.comment },
    ]),
  );
  return { comment: ability.comment, items };
}

/**
 * How a review relates to a self-check: of this very content; of this draft, since changed
 * (自评已更新，需重新评审); or of another teacher's draft.
 */
export type ReviewFit = 'current' | 'outdated' | 'other-draft';

export function reviewFit(review: ReviewFile, draft: Draft): ReviewFit {
  if (review.draft.id !== draft.id) return 'other-draft';
  return review.draft.contentHash === draftContentHash(draft) ? 'current' : 'outdated';
}

export const OUTDATED_MESSAGE = '自评已更新，需重新评审';

// ---------------------------------------------------------------------------------------------
// Opening what a reviewer is handed

export type ReviewInput =
  | { kind: 'self-check'; draft: Draft; migratedFrom?: number | undefined }
  | { kind: 'review'; review: ReviewFile }
  /** Review progress downloaded from /review/ (本页的评审进度, 关闭前的改动): offered, never merged. */
  | { kind: 'session'; session: ReviewSession; savedAt: string | undefined; setAside: string[] }
  | { kind: 'error'; error: string };

/** Largest file the review page reads at all: a self-check file is at most MAX_IMPORT_BYTES. */
export const MAX_INPUT_BYTES = MAX_IMPORT_BYTES;

/** Reads the size first, so a video dropped by mistake is refused before it is read. */
export function inputTooBig(size: number): string | undefined {
  return size > MAX_INPUT_BYTES
    ? `文件过大（${(size / 1024 / 1024).toFixed(1)} MB），不是自评文件或评审意见文件。证据文件请在“核对证据文件”处选择。`
    : undefined;
}

/**
 * A teacher's self-check or an earlier review; review-session's openReviewPageInput also tells
 * review progress downloaded from /review/. Never throws.
 */
export function openReviewInput(text: string): ReviewInput {
  let data: unknown;
  try {
    data = JSON.parse(withoutBom(text));
  } catch {
    data = undefined;
  }
  if (isReviewData(data)) {
    const result = importReviewText(text);
    return result.ok ? { kind: 'review', review: result.review } : { kind: 'error', error: result.error };
  }
  const result = importDraftText(text);
  if (!result.ok) return { kind: 'error', error: result.error };
  return { kind: 'self-check', draft: result.draft, migratedFrom: result.migratedFrom };
}

/** A review as the packet prints it: that stage's column and grade box, with the reviewer's name. */
export function packetReview(review: ReviewFile): PacketReview {
  // The reader's local day, as the packet prints its own date.
  const at = new Date(review.reviewedAt);
  return {
    stage: review.stage,
    reviewer: review.reviewer.role
      ? `${review.reviewer.name}（${review.reviewer.role}）`
      : review.reviewer.name,
    date: `${at.getFullYear()}年${at.getMonth() + 1}月${at.getDate()}日`,
    abilities: review.abilities,
  };
}

/** The broken task requirements among an item's reasons (the rest are unmet criteria, 未达…). */
export function hardReasons(result: ItemResult): string[] {
  return result.reasons.filter((r) => !r.startsWith('未达'));
}

/** An own entry of a record: never one inherited from Object.prototype (an item named "constructor"). */
export function own<V>(record: Readonly<Record<string, V>> | undefined, key: string): V | undefined {
  return record && Object.hasOwn(record, key) ? record[key] : undefined;
}
