/**
 * Who this reviewer reviews, by the school plan's 评审分工, and where each of those teachers
 * stands: for every stage the reviewer is assigned, the teachers assigned to them there, each
 * 待评审 (no review from this reviewer at that stage of the teacher's current self-check),
 * 需重新评审 (their review is of an earlier version: the teacher resubmitted), 已评审, or 未载入
 * (the teacher's self-check file has not been opened on this page).
 *
 * review/ may not import school/ (school reads reviews), so the plan comes in as the shape this
 * module reads, which the plan file's schema (school/plan/plan-file.ts) satisfies; the page
 * passes the roster's name matching (normalName) in, so a name is matched as the roster is.
 */
import type { Draft } from '../self-check/draft';
import { reviewFit } from './review';
import type { ReviewFile } from './review-file';

/** What this module reads of a school plan (planSchema's output has these fields). */
export interface PlanForReview {
  roster: readonly { name: string }[];
  stages: readonly { name: string; outside: boolean; sampled: boolean }[];
  assignments: readonly { reviewer: string; stage: string; teachers: readonly string[] }[];
}

/**
 * One entry of “您是谁”: a reviewer or group named in the plan's assignments, or an outside stage
 * no one in the plan is assigned to (the county's 审核认定, done by the county's experts on this
 * page), which covers the whole roster.
 */
export interface ReviewerChoice {
  /** Stable key: `reviewer:<name>` or `stage:<stage>`. */
  id: string;
  label: string;
  /** The reviewer or group as the plan names it; undefined for an outside stage. */
  reviewer?: string | undefined;
  /** The outside stage chosen; undefined for a reviewer. */
  stage?: string | undefined;
}

export type AssignedState = 'todo' | 'redo' | 'done' | 'missing';

export const ASSIGNED_STATE_TEXT: Record<AssignedState, string> = {
  todo: '待评审',
  redo: '需重新评审（自评有更新）',
  done: '已评审',
  missing: '未载入自评文件',
};

export interface AssignedTeacher {
  /** As the plan's assignment spells it. */
  name: string;
  state: AssignedState;
  /** The self-check opened on the page for this teacher; undefined while missing. */
  draftId?: string | undefined;
  /** The teacher resubmitted since this reviewer began (a newer export replaced the one opened). */
  updated: boolean;
}

export interface AssignedStage {
  stage: string;
  outside: boolean;
  sampled: boolean;
  teachers: AssignedTeacher[];
  counts: Record<AssignedState, number>;
}

/** A self-check opened on the page (review-session's SessionTeacher has these fields). */
export interface LoadedTeacher {
  draft: Draft;
  resubmitted?: unknown;
}

export type NameKey = (name: string) => string;
const trimmed: NameKey = (name) => name.trim();

const reviewerId = (name: string) => `reviewer:${name}`;
const stageId = (name: string) => `stage:${name}`;

/**
 * The choices of “您是谁”: every reviewer or group of the assignments in the order the plan names
 * them, then each outside stage that is not sampled and that no assignment covers.
 */
export function reviewerChoices(plan: PlanForReview): ReviewerChoice[] {
  const choices: ReviewerChoice[] = [];
  const seen = new Set<string>();
  for (const a of plan.assignments) {
    if (seen.has(a.reviewer)) continue;
    seen.add(a.reviewer);
    const stages = [
      ...new Set(plan.assignments.filter((x) => x.reviewer === a.reviewer).map((x) => x.stage)),
    ];
    choices.push({
      id: reviewerId(a.reviewer),
      label: `${a.reviewer}（${stages.join('、')}）`,
      reviewer: a.reviewer,
    });
  }
  const assignedStages = new Set(plan.assignments.map((a) => a.stage));
  for (const s of plan.stages) {
    if (!s.outside || s.sampled || assignedStages.has(s.name)) continue;
    choices.push({
      id: stageId(s.name),
      label: `${s.name}（校外环节，评审本校名单上的教师）`,
      stage: s.name,
    });
  }
  return choices;
}

/** The choice with this id in this plan; undefined when the plan no longer has it. */
export function findChoice(plan: PlanForReview, id: string): ReviewerChoice | undefined {
  return reviewerChoices(plan).find((c) => c.id === id);
}

/**
 * The last outside stage that is not sampled: the county's 审核认定, where the school's result is
 * decided. undefined for a plan without one.
 */
export function countyStage(plan: Pick<PlanForReview, 'stages'>): string | undefined {
  return plan.stages.filter((s) => s.outside && !s.sampled).at(-1)?.name;
}

/** Each stage's teachers for this choice, each name once per stage, in the plan's order. */
function assignedNames(plan: PlanForReview, choice: ReviewerChoice, key: NameKey): Map<string, string[]> {
  const byStage = new Map<string, string[]>();
  const add = (stage: string, names: readonly string[]) => {
    const list = byStage.get(stage) ?? [];
    const keys = new Set(list.map(key));
    for (const name of names) {
      const k = key(name);
      if (k === '' || keys.has(k)) continue;
      keys.add(k);
      list.push(name);
    }
    byStage.set(stage, list);
  };
  if (choice.stage !== undefined)
    add(
      choice.stage,
      plan.roster.map((t) => t.name),
    );
  else for (const a of plan.assignments) if (a.reviewer === choice.reviewer) add(a.stage, a.teachers);
  return byStage;
}

/**
 * The teachers assigned to this reviewer, stage by stage, and where each stands.
 * - `loaded`: the self-checks opened on the page; a teacher is matched by name (`key`), the most
 *   recently saved self-check when two carry the name.
 * - `reviews`: the reviews opened or saved on the page; one counts as this reviewer's when its
 *   reviewer's name is one of `names` (the choice and the name typed on the page).
 */
export function assignedStages(args: {
  plan: PlanForReview;
  choice: ReviewerChoice;
  loaded: readonly LoadedTeacher[];
  reviews: readonly ReviewFile[];
  names: readonly string[];
  key?: NameKey | undefined;
}): AssignedStage[] {
  const key = args.key ?? trimmed;
  const mine = new Set(args.names.map((n) => n.trim()).filter((n) => n !== ''));
  const byName = new Map<string, LoadedTeacher>();
  for (const t of args.loaded) {
    const k = key(t.draft.profile.name);
    if (k === '') continue;
    const other = byName.get(k);
    if (!other || t.draft.savedAt > other.draft.savedAt) byName.set(k, t);
  }
  const names = assignedNames(args.plan, args.choice, key);
  const stages: AssignedStage[] = [];
  for (const s of args.plan.stages) {
    const list = names.get(s.name);
    if (!list) continue;
    const counts: Record<AssignedState, number> = { todo: 0, redo: 0, done: 0, missing: 0 };
    const teachers = list.map((name): AssignedTeacher => {
      const loaded = byName.get(key(name));
      if (!loaded) {
        counts.missing += 1;
        return { name, state: 'missing', updated: false };
      }
      const fits = args.reviews
        .filter((r) => r.stage === s.name && mine.has(r.reviewer.name.trim()))
        .map((r) => reviewFit(r, loaded.draft));
      const state: AssignedState = fits.includes('current')
        ? 'done'
        : fits.includes('outdated')
          ? 'redo'
          : 'todo';
      counts[state] += 1;
      return { name, state, draftId: loaded.draft.id, updated: loaded.resubmitted !== undefined };
    });
    stages.push({ stage: s.name, outside: s.outside, sampled: s.sampled, teachers, counts });
  }
  return stages;
}

/**
 * The stage a self-check opened on the page is reviewed at by this reviewer: the first assigned
 * stage where it is still to do (or to redo), else the first where it is assigned; undefined
 * when it is assigned nowhere to this reviewer.
 */
export function assignedStageOf(stages: readonly AssignedStage[], draftId: string): string | undefined {
  const at = (states: readonly AssignedState[]) =>
    stages.find((s) => s.teachers.some((t) => t.draftId === draftId && states.includes(t.state)))?.stage;
  return at(['todo', 'redo']) ?? at(['done']);
}

/** Whether this self-check is assigned to the reviewer at this stage. */
export function isAssignedAt(stages: readonly AssignedStage[], draftId: string, stage: string): boolean {
  return stages.some((s) => s.stage === stage && s.teachers.some((t) => t.draftId === draftId));
}

/**
 * The self-checks opened on the page that the plan does not assign to this reviewer at any
 * stage, by the teacher's name as written in the self-check (未署名 when blank), in opening order.
 */
export function unassignedLoaded(
  stages: readonly AssignedStage[],
  loaded: readonly LoadedTeacher[],
): string[] {
  const assigned = new Set(stages.flatMap((s) => s.teachers.flatMap((t) => (t.draftId ? [t.draftId] : []))));
  return loaded
    .filter((t) => !assigned.has(t.draft.id))
    .map((t) => t.draft.profile.name.trim() || '未署名的教师');
}

/** 共 2 人：待评审 1 人，已评审 1 人 — the states present, in the order a reviewer works. */
export function stageSummary(stage: AssignedStage): string {
  const order: AssignedState[] = ['todo', 'redo', 'done', 'missing'];
  const parts = order
    .filter((s) => stage.counts[s] > 0)
    .map((s) => `${s === 'redo' ? '需重新评审' : ASSIGNED_STATE_TEXT[s]} ${stage.counts[s]} 人`);
  return `共 ${stage.teachers.length} 人${parts.length > 0 ? `：${parts.join('，')}` : ''}`;
}
