/**
 * Carrying a review over to a resubmission: a teacher changes something and sends a new export
 * of the same self-check (same draft id, later savedAt). The reviewer's ticks and comments stay
 * on every evidence item that did not change; each item that did is marked, its ticks are
 * cleared (they judged other evidence, or other criteria) and its comment is kept, marked, for
 * the reviewer to confirm or rewrite. Nothing the reviewer typed is thrown away.
 */
import {
  isPresent,
  type AbilityEvidence,
  type EvidenceFile,
  type ItemEvidence,
  type Rubric,
  type RubricItem,
} from '../grading/grading';
import type { Draft } from '../self-check/draft';
import { countedTicks, own, rubricForReview, type ReviewerAbilityInput } from './review';

/**
 * Why an item is marked:
 * - evidence: what the teacher submitted (see itemChanges);
 * - self-ticks: the criteria the teacher ticked in their self-check;
 * - rubric: the item's criteria texts, so the reviewer's ticks would point at other sentences;
 * - added: the item was not in the self-check reviewed before (a newly chosen ability or a new
 *   item of the rubric).
 */
export const ITEM_CHANGES = ['evidence', 'self-ticks', 'rubric', 'added'] as const;
export type ItemChange = (typeof ITEM_CHANGES)[number];

/** By ability code, then item id: what changed since the review began. Unchanged items are absent. */
export type ChangedItems = Record<string, Record<string, ItemChange[]>>;

/** One evidence item as one version of a self-check has it. */
export interface ItemVersion {
  /** The item in the rubric the self-check graded with; undefined when that rubric is not known. */
  rubricItem: RubricItem | undefined;
  evidence: ItemEvidence | undefined;
  /** The item counts for the ability: it is in no alternative group, or it is the group's choice. */
  counted: boolean;
}

/** name, size and SHA-256 where both versions recorded one (a file picked on plain http may lack it). */
function sameFiles(a: readonly EvidenceFile[], b: readonly EvidenceFile[]): boolean {
  return (
    a.length === b.length &&
    a.every((f, i) => {
      const g = b[i];
      return (
        g !== undefined &&
        f.name === g.name &&
        f.size === g.size &&
        (f.sha256 === undefined || g.sha256 === undefined || f.sha256 === g.sha256)
      );
    })
  );
}

const text = (value: string | undefined) => value?.trim() ?? '';

function sameEvidence(before: ItemVersion, after: ItemVersion): boolean {
  const a = before.evidence;
  const b = after.evidence;
  return (
    before.counted === after.counted &&
    isPresent(a) === isPresent(b) &&
    text(a?.title) === text(b?.title) &&
    text(a?.description) === text(b?.description) &&
    sameFiles(a?.files ?? [], b?.files ?? []) &&
    a?.manualMinutes === b?.manualMinutes &&
    a?.manualCount === b?.manualCount &&
    (a?.teacherOnCamera === true) === (b?.teacherOnCamera === true)
  );
}

type Criteria = RubricItem['criteria'];

const sameList = (a: readonly (string | number)[], b: readonly (string | number)[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

function sameCriteria(a: Criteria, b: Criteria): boolean {
  if (!a || !b) return a === b;
  return sameList(a.excellent, b.excellent) && sameList(a.pass, b.pass);
}

/** The teacher's ticks as grading counts them, or as sorted distinct indexes without criteria. */
function teacherTicks(criteria: Criteria, evidence: ItemEvidence | undefined) {
  const ticks = { excellent: evidence?.excellent ?? [], pass: evidence?.pass ?? [] };
  if (criteria) return countedTicks(criteria, ticks);
  const sorted = (list: readonly number[]) => [...new Set(list)].sort((x, y) => x - y);
  return { excellent: sorted(ticks.excellent), pass: sorted(ticks.pass) };
}

/**
 * What changed in one evidence item between the self-check reviewed and its resubmission; empty
 * when nothing did. The item has changed when any of these differs:
 * - its evidence: whether it is submitted and counted (an alternative task chosen or dropped),
 *   its title and description (ignoring spaces at either end), its files in order (name, size,
 *   and SHA-256 where both versions recorded one), and what the teacher declared for the hard
 *   requirements (minutes or count typed by hand, on camera);
 * - the criteria the teacher ticked (as grading counts them);
 * - its rubric: the 优秀 and 合格 criteria texts, in order; the reviewer's ticks are indexes into
 *   them, so they mean other sentences once these change.
 * An item absent from the version reviewed is 'added'.
 */
export function itemChanges(before: ItemVersion | undefined, after: ItemVersion): ItemChange[] {
  if (!before) return ['added'];
  const changes: ItemChange[] = [];
  if (!sameEvidence(before, after)) changes.push('evidence');
  const rubricSame = sameCriteria(before.rubricItem?.criteria, after.rubricItem?.criteria);
  const criteria = after.rubricItem?.criteria;
  const ticksBefore = teacherTicks(rubricSame ? criteria : before.rubricItem?.criteria, before.evidence);
  const ticksAfter = teacherTicks(criteria, after.evidence);
  if (!sameList(ticksBefore.excellent, ticksAfter.excellent) || !sameList(ticksBefore.pass, ticksAfter.pass))
    changes.push('self-ticks');
  if (!rubricSame) changes.push('rubric');
  return changes;
}

/** The rubric of a handbook ability, by code; undefined where the handbook cannot grade it. */
export type HandbookRubrics = (code: string) => Rubric | undefined;

function itemVersion(
  rubric: Rubric | undefined,
  evidence: AbilityEvidence | undefined,
  id: string,
): ItemVersion {
  const rubricItem = rubric?.items.find((i) => i.id === id);
  const group = rubricItem?.alternativeGroup;
  return {
    rubricItem,
    evidence: own(evidence?.items, id),
    counted: group === undefined || own(evidence?.chosen, group) === id,
  };
}

/** The item ids an ability's review can be about: the rubric's, else every id either version names. */
function itemIds(
  rubric: Rubric | undefined,
  ...sources: (Readonly<Record<string, unknown>> | undefined)[]
): string[] {
  if (rubric) return rubric.items.map((i) => i.id);
  return [...new Set(sources.flatMap((s) => Object.keys(s ?? {})))];
}

export interface CarriedReview {
  inputs: Record<string, ReviewerAbilityInput>;
  changed: ChangedItems;
  /** Items whose ticks and comment came over as they were. */
  carried: number;
  /** Items that changed in this resubmission, whether or not the reviewer had judged them. */
  changedNow: number;
}

/**
 * The reviewer's entries on `before` carried over to `after`, a later version of the same
 * self-check. An item with no change keeps its ticks and comment; a changed item loses its ticks
 * and keeps its comment, and is marked with what changed. The ability's overall comment is kept.
 * Marks already on `before` (an earlier resubmission) stay on the items still there, so an item
 * changed twice in a row is not unmarked by the second version; only a new change clears ticks.
 * Without `handbook`, a handbook rubric's criteria are taken as the same in both versions.
 */
export function carryReview(
  before: {
    draft: Draft;
    inputs: Readonly<Record<string, ReviewerAbilityInput>>;
    changed?: ChangedItems | undefined;
  },
  after: Draft,
  handbook: HandbookRubrics = () => undefined,
): CarriedReview {
  const inputs: Record<string, ReviewerAbilityInput> = {};
  const changed: ChangedItems = {};
  let carried = 0;
  let changedNow = 0;
  for (const code of after.abilities) {
    const reviewedBefore = before.draft.abilities.includes(code);
    const rubricBefore = reviewedBefore ? rubricForReview(before.draft, code, handbook(code)) : undefined;
    const rubricAfter = rubricForReview(after, code, handbook(code));
    const evidenceBefore = own(before.draft.evidence, code);
    const evidenceAfter = own(after.evidence, code);
    const input = reviewedBefore ? own(before.inputs, code) : undefined;
    const earlierMarks = reviewedBefore ? own(before.changed, code) : undefined;
    const items: ReviewerAbilityInput['items'] = {};
    const marks: Record<string, ItemChange[]> = {};
    const ids = itemIds(rubricAfter, evidenceBefore?.items, evidenceAfter?.items, input?.items);
    for (const id of ids) {
      const now = itemChanges(
        reviewedBefore ? itemVersion(rubricBefore, evidenceBefore, id) : undefined,
        itemVersion(rubricAfter, evidenceAfter, id),
      );
      const all = ITEM_CHANGES.filter((c) => now.includes(c) || own(earlierMarks, id)?.includes(c));
      if (all.length > 0) marks[id] = all;
      if (now.length > 0) changedNow += 1;
      const entry = own(input?.items, id);
      if (!entry) continue;
      if (now.length === 0) {
        items[id] = { excellent: [...entry.excellent], pass: [...entry.pass], comment: entry.comment };
        carried += 1;
      } else {
        items[id] = { excellent: [], pass: [], comment: entry.comment };
      }
    }
    if (input) inputs[code] = { comment: input.comment, items };
    if (Object.keys(marks).length > 0) changed[code] = marks;
  }
  return { inputs, changed, carried, changedNow };
}

/** What a mark names, after 自上次评审后已修改. */
export const CHANGE_TEXT: Record<ItemChange, string> = {
  evidence: '证据内容（说明、文件或硬性要求的填报）',
  'self-ticks': '教师的自评勾选',
  rubric: '评价标准',
  added: '新增',
};

/** The mark on a changed item: 自上次评审后已修改：证据内容（…）、评价标准。, or 自上次评审后新增的证据。 */
export function changeSummary(changes: readonly ItemChange[]): string {
  if (changes.length === 1 && changes[0] === 'added') return '自上次评审后新增的证据。';
  return `自上次评审后已修改：${changes.map((c) => CHANGE_TEXT[c]).join('、')}。`;
}

/** Beside a comment carried over to an item that changed since it was written. */
export const CARRIED_COMMENT = '这条评语是针对修改前的证据写的，请核对是否仍然适用。';

/** Beside an ability's overall comment when some of its items changed since it was written. */
export const CARRIED_ABILITY_COMMENT =
  '这段总体评语写于教师修改之前，本能力点有证据已修改，请核对是否仍然适用。';
