/**
 * The plan as the principal edits it on /school/plan/ (the form's values), and the way between it
 * and the plan file. A draft may be unfinished: a category without its number yet, a stage just
 * added without a name. It is kept in this browser as typed (so a reload loses nothing), and
 * becomes the stored plan only once planSchema accepts it; until then each of the schema's
 * messages is given at the field it concerns.
 *
 * Why the draft differs from the file: numbers and code lists are kept as the text typed (a
 * half-typed “A1、” is not lost), each deadline sits on its stage, and assignments point at a
 * stage by a stable id, so renaming or moving a stage keeps who reviews at it.
 */
import { z } from 'zod';
import { lazySchema } from '../../files/lazy-schema';
import { rubricPackSchema, type RubricPack } from '../../rubrics/rubric-file';
import {
  makePlan,
  planSchema,
  PLAN_BOUNDS,
  selectionRuleSchema,
  SUBMISSION_DEADLINE,
  type PlanStage,
  type RosterTeacher,
  type SchoolPlan,
  type SelectionRule,
} from './plan-file';

export interface DraftAtLeast {
  count: string;
  environments: string[];
  dimensions: string[];
}

export interface DraftCategory {
  name: string;
  count: string;
  atLeast: DraftAtLeast[];
  /** Codes as typed: “A1、B2”. */
  required: string;
  offered: string;
}

export interface DraftStage {
  id: string;
  name: string;
  outside: boolean;
  sampled: boolean;
  /** YYYY-MM-DD or ''. */
  deadline: string;
}

export interface DraftAssignment {
  reviewer: string;
  stageId: string;
  teachers: string[];
}

export interface PlanDraft {
  school: { name: string; region: string; round: string };
  /** 提交自评's deadline, YYYY-MM-DD or ''. */
  submitBy: string;
  categories: DraftCategory[];
  roster: RosterTeacher[];
  stages: DraftStage[];
  assignments: DraftAssignment[];
  rubrics?: RubricPack | undefined;
}

/** Where the draft is kept beside the stored plan, while it is not yet a valid plan. */
export const PLAN_DRAFT_KEY = 'school-plan.draft';

/** A new stage's id: unique within the draft, never shown. */
export function newStageId(taken: readonly { id: string }[] = []): string {
  const ids = new Set(taken.map((s) => s.id));
  let id: string;
  do id = `s${Math.random().toString(36).slice(2, 10)}`;
  while (ids.has(id));
  return id;
}

export function emptyCategory(name = ''): DraftCategory {
  return { name, count: '', atLeast: [], required: '', offered: '' };
}

/** A new plan: nothing decided yet but one category to name. */
export function emptyDraft(): PlanDraft {
  return {
    school: { name: '', region: '', round: '' },
    submitBy: '',
    categories: [emptyCategory()],
    roster: [],
    stages: [],
    assignments: [],
  };
}

export function draftStages(stages: readonly PlanStage[]): DraftStage[] {
  const out: DraftStage[] = [];
  for (const s of stages) out.push({ ...s, id: newStageId(out), deadline: '' });
  return out;
}

/** The editor's values for a plan (from the store, a file or a link). */
export function draftFromPlan(plan: SchoolPlan): PlanDraft {
  const deadline = (stage: string) => plan.deadlines.find((d) => d.stage === stage)?.date ?? '';
  const stages = draftStages(plan.stages).map((s) => ({ ...s, deadline: deadline(s.name) }));
  const idOf = new Map(stages.map((s) => [s.name, s.id]));
  const draft: PlanDraft = {
    school: { ...plan.school },
    submitBy: deadline(SUBMISSION_DEADLINE),
    categories: plan.categories.map((c) => ({
      name: c.name,
      count: String(c.rule.count),
      atLeast: c.rule.atLeast.map((n) => ({
        count: String(n.count),
        environments: [...n.environments],
        dimensions: [...n.dimensions],
      })),
      required: c.rule.required.join('、'),
      offered: c.rule.offered.join('、'),
    })),
    roster: plan.roster.map((t) => ({ ...t })),
    stages,
    assignments: plan.assignments.map((a) => ({
      reviewer: a.reviewer,
      stageId: idOf.get(a.stage) ?? '',
      teachers: [...a.teachers],
    })),
  };
  if (plan.rubrics) draft.rubrics = plan.rubrics;
  return draft;
}

/** “A1、b2, C5” → ['A1', 'B2', 'C5']: separated by 、，, spaces or semicolons, any case. */
export function codesFromText(text: string): string[] {
  return text
    .split(/[\s,，、;；]+/)
    .map((c) => c.trim().toUpperCase())
    .filter((c) => c !== '');
}

/** A whole number as typed, or NaN, which the schema words as 须为整数. */
function countFromText(text: string): number {
  const t = text.trim();
  return /^\d{1,4}$/.test(t) ? Number(t) : Number.NaN;
}

function ruleOf(c: DraftCategory) {
  return {
    count: countFromText(c.count),
    atLeast: c.atLeast.map((n) => ({
      count: countFromText(n.count),
      environments: n.environments,
      dimensions: n.dimensions,
    })),
    required: codesFromText(c.required),
    offered: codesFromText(c.offered),
  } as SelectionRule;
}

/** A category's rule once its own fields make one (for the words a teacher will read), else undefined. */
export function categoryRule(c: DraftCategory): SelectionRule | undefined {
  const parsed = selectionRuleSchema.safeParse(ruleOf(c));
  return parsed.success ? parsed.data : undefined;
}

/** The plan the draft stands for, not yet checked (validateDraft checks it). */
export function planFromDraft(draft: PlanDraft, now: Date = new Date()): SchoolPlan {
  const stageName = new Map(draft.stages.map((s) => [s.id, s.name]));
  const deadlines = [
    ...(draft.submitBy ? [{ stage: SUBMISSION_DEADLINE, date: draft.submitBy }] : []),
    ...draft.stages.filter((s) => s.deadline !== '').map((s) => ({ stage: s.name, date: s.deadline })),
  ];
  const plan = makePlan(
    {
      // Nothing is trimmed: a name is kept exactly as typed, so the roster, the categories and
      // the assignments keep matching one another (the schema refuses a name of spaces only).
      school: { ...draft.school },
      deadlines,
      categories: draft.categories.map((c) => ({
        name: c.name,
        rule: ruleOf(c),
      })),
      roster: draft.roster.map((t) => ({ ...t })),
      stages: draft.stages.map(({ name, outside, sampled }) => ({
        name,
        outside,
        sampled: outside && sampled,
      })),
      assignments: draft.assignments.map((a) => ({
        reviewer: a.reviewer,
        stage: stageName.get(a.stageId) ?? '',
        teachers: a.teachers,
      })),
    } as SchoolPlan,
    now,
  );
  if (draft.rubrics) plan.rubrics = draft.rubrics;
  return plan;
}

export interface DraftIssue {
  /** The draft field's path, dot-separated as react-hook-form names fields; '' for the whole plan. */
  path: string;
  message: string;
}

export type DraftCheck = { ok: true; plan: SchoolPlan } | { ok: false; issues: DraftIssue[] };

/** The draft path of a schema issue's path in the plan. */
function draftPath(path: readonly PropertyKey[], draft: PlanDraft, plan: SchoolPlan): string {
  const [top, i, field, ...rest] = path.map((p) => (typeof p === 'symbol' ? '' : p));
  const join = (...parts: (string | number | undefined)[]) =>
    parts.filter((p) => p !== undefined && p !== '').join('.');
  if (top === 'categories' && typeof i === 'number' && field === 'rule') {
    const [what, j, sub] = rest;
    if (what === 'atLeast' && typeof j === 'number') return join('categories', i, 'atLeast', j, sub);
    if (what === 'required' || what === 'offered' || what === 'count') return join('categories', i, what);
    return join('categories', i, 'count');
  }
  if (top === 'deadlines' && typeof i === 'number') {
    const stage = plan.deadlines[i]?.stage;
    if (stage === SUBMISSION_DEADLINE) return 'submitBy';
    const at = draft.stages.findIndex((s) => s.name === stage && s.deadline !== '');
    return at === -1 ? 'submitBy' : join('stages', at, 'deadline');
  }
  if (top === 'assignments' && typeof i === 'number') {
    if (field === 'stage') return join('assignments', i, 'stageId');
    if (field === 'teachers') return join('assignments', i, 'teachers');
    return join('assignments', i, field);
  }
  if (top === 'rubrics') return 'rubrics';
  return join(top, i, field);
}

/** Checks the draft with the plan's own schema; each message keyed by the field it concerns. */
export function validateDraft(draft: PlanDraft, now: Date = new Date()): DraftCheck {
  const plan = planFromDraft(draft, now);
  const parsed = planSchema.safeParse(plan);
  if (parsed.success) return { ok: true, plan: parsed.data };
  const seen = new Set<string>();
  const issues: DraftIssue[] = [];
  for (const issue of parsed.error.issues) {
    const path = draftPath(issue.path, draft, plan);
    // One message per field: the first is the one to fix first.
    if (seen.has(path)) continue;
    seen.add(path);
    // The schema words a region for a file (a slug); an editor's empty choice reads better as a request.
    const message = path === 'school.region' && draft.school.region === '' ? '请选择所在地区' : issue.message;
    issues.push({ path, message });
  }
  return { ok: false, issues };
}

// ---------------------------------------------------------------------------------------------
// The draft as kept in this browser

const MAX_DRAFT_CHARS = 16 * 1024 * 1024;

const str = (max: number) =>
  z
    .string()
    .transform((s) => s.slice(0, max))
    .catch('');
const strList = (max: number) =>
  z
    .array(z.string().max(PLAN_BOUNDS.nameChars))
    .transform((l) => l.slice(0, max))
    .catch([]);

// Lenient on purpose: a kept draft is the principal's own typing; whatever part no longer reads
// is dropped to empty rather than losing the rest.
const keptDraftSchema = lazySchema(() =>
  z.object({
    basedOn: z.string().max(40).optional().catch(undefined),
    draft: z.object({
      school: z
        .object({ name: str(200), region: str(60), round: str(200) })
        .catch({ name: '', region: '', round: '' }),
      submitBy: str(10),
      categories: z
        .array(
          z.object({
            name: str(200),
            count: str(10),
            atLeast: z
              .array(
                z.object({ count: str(10), environments: strList(3), dimensions: strList(4) }).catch({
                  count: '',
                  environments: [],
                  dimensions: [],
                }),
              )
              .transform((l) => l.slice(0, PLAN_BOUNDS.atLeast * 2))
              .catch([]),
            required: str(400),
            offered: str(400),
          }),
        )
        .transform((l) => l.slice(0, PLAN_BOUNDS.categories * 2))
        .catch([]),
      roster: z
        .array(z.object({ name: str(200), subject: str(200), stage: str(200), category: str(200) }))
        .transform((l) => l.slice(0, PLAN_BOUNDS.teachers * 2))
        .catch([]),
      stages: z
        .array(
          z.object({
            id: z.string().min(1).max(40),
            name: str(200),
            outside: z.boolean().catch(false),
            sampled: z.boolean().catch(false),
            deadline: str(10),
          }),
        )
        .transform((l) => l.slice(0, PLAN_BOUNDS.stages * 2))
        .catch([]),
      assignments: z
        .array(
          z.object({
            reviewer: str(200),
            stageId: str(40),
            teachers: strList(PLAN_BOUNDS.teachers),
          }),
        )
        .transform((l) => l.slice(0, PLAN_BOUNDS.assignments * 2))
        .catch([]),
      rubrics: rubricPackSchema.optional().catch(undefined),
    }),
  }),
);

export interface KeptDraft {
  /** The stored plan's savedAt the draft started from; undefined when there was none. */
  basedOn: string | undefined;
  draft: PlanDraft;
}

export function draftText(kept: KeptDraft): string {
  return JSON.stringify(kept);
}

/** A kept draft's text, as much of it as still reads; undefined when none of it does. Never throws. */
export function readDraftText(text: string): KeptDraft | undefined {
  if (text.length > MAX_DRAFT_CHARS) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = keptDraftSchema.safeParse(data);
  if (!parsed.success) return undefined;
  const { basedOn, draft } = parsed.data;
  const out: PlanDraft = {
    school: draft.school,
    submitBy: draft.submitBy,
    categories: draft.categories,
    roster: draft.roster,
    stages: draft.stages,
    assignments: draft.assignments,
  };
  if (draft.rubrics) out.rubrics = draft.rubrics;
  return { basedOn, draft: out };
}
