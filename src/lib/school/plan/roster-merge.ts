/**
 * What a staff list read from a file (roster-import.ts) does to the roster being edited, told
 * before anything changes: replace it, or merge into it; the categories it names that the plan
 * lacks; the cells that looked like formulas (kept as text, never run); and, for the
 * assignments, who has no reviewer yet at each of the school's stages.
 */
import { PLAN_BOUNDS, type RosterTeacher } from './plan-file';
import { normalName, type RosterRow } from './roster-import';

export type MergeMode = 'replace' | 'merge';

export type RosterMerge =
  | {
      ok: true;
      roster: RosterTeacher[];
      /** Teachers new to the roster. */
      added: number;
      /** Teachers already on it whose 学科, 学段 or 类别 the list changes. */
      updated: number;
      /** Teachers on both, unchanged. */
      unchanged: number;
      /** Teachers on the roster that the list does not name: kept when merging, gone when replacing. */
      notInList: number;
    }
  | { ok: false; error: string };

const FIELDS = ['subject', 'stage', 'category'] as const;

/**
 * Merging matches names as written once (王  芳 is 王芳): the n-th 王芳 of the list updates the
 * n-th 王芳 of the roster, so namesakes stay two teachers and merging the same list twice changes
 * nothing the second time. A field the list leaves empty keeps what the roster has.
 */
export function mergeRoster(
  existing: readonly RosterTeacher[],
  incoming: readonly RosterTeacher[],
  mode: MergeMode,
): RosterMerge {
  const byName = new Map<string, number[]>();
  existing.forEach((t, i) => {
    const key = normalName(t.name);
    byName.set(key, [...(byName.get(key) ?? []), i]);
  });
  const roster = mode === 'merge' ? existing.map((t) => ({ ...t })) : [];
  const used = new Map<string, number>();
  const matched = new Set<number>();
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  for (const teacher of incoming) {
    const key = normalName(teacher.name);
    const nth = used.get(key) ?? 0;
    used.set(key, nth + 1);
    const at = byName.get(key)?.[nth];
    if (at === undefined) {
      added++;
      roster.push({ ...teacher });
      continue;
    }
    matched.add(at);
    const before = existing[at] as RosterTeacher;
    const after = { ...before };
    for (const f of FIELDS) if (teacher[f] !== '') after[f] = teacher[f];
    const same = FIELDS.every((f) => after[f] === before[f]);
    if (same) unchanged++;
    else updated++;
    if (mode === 'merge') roster[at] = after;
    else roster.push({ ...teacher });
  }
  if (roster.length > PLAN_BOUNDS.teachers) {
    return {
      ok: false,
      error: `合并后名单有 ${roster.length} 人，超过学校考核方案能容纳的 ${PLAN_BOUNDS.teachers} 人。请改为替换名单，或只导入参加本轮考核的教师。`,
    };
  }
  return { ok: true, roster, added, updated, unchanged, notInList: existing.length - matched.size };
}

/** The categories the list names that the plan does not have, in the order the list first names them. */
export function newCategories(incoming: readonly RosterTeacher[], categories: readonly string[]): string[] {
  const known = new Set(categories.map((c) => c.trim()));
  const found: string[] = [];
  for (const t of incoming) {
    const c = t.category.trim();
    if (c !== '' && !known.has(c) && !found.includes(c)) found.push(c);
  }
  return found.slice(0, PLAN_BOUNDS.categories);
}

/** A cell a spreadsheet would run as a formula if it were pasted back: =SUM(…), +1, @cmd, -2+3. */
const FORMULA_LIKE = /^[=+@]|^-(?!\d+(\.\d+)?$)./;

const LABEL: Record<keyof RosterTeacher, string> = {
  name: '姓名',
  subject: '学科',
  stage: '学段',
  category: '类别',
};

/** The cells that looked like formulas, with their line: they were read as text and nothing was run. */
export function formulaLikeCells(rows: readonly RosterRow[]): string[] {
  const found: string[] = [];
  for (const row of rows) {
    for (const key of Object.keys(LABEL) as (keyof RosterTeacher)[]) {
      if (FORMULA_LIKE.test(row.teacher[key]))
        found.push(`第 ${row.line} 行${LABEL[key]}：${row.teacher[key]}`);
    }
  }
  return found;
}

/** The names the list gives more than once, each once. */
export function duplicateNames(rows: readonly RosterRow[]): string[] {
  const seen = new Set<string>();
  const twice: string[] = [];
  for (const { teacher } of rows) {
    if (seen.has(teacher.name) && !twice.includes(teacher.name)) twice.push(teacher.name);
    seen.add(teacher.name);
  }
  return twice;
}

/**
 * For each of the school's own stages, the roster's teachers no assignment at that stage names.
 * Stages outside the school are left out: the county and province decide who looks at what.
 */
export function unassignedByStage(
  stages: readonly { name: string; outside: boolean }[],
  roster: readonly Pick<RosterTeacher, 'name'>[],
  assignments: readonly { stage: string; teachers: readonly string[] }[],
): { stage: string; teachers: string[] }[] {
  return stages
    .filter((s) => !s.outside && s.name.trim() !== '')
    .map((s) => {
      const covered = new Set(assignments.filter((a) => a.stage === s.name).flatMap((a) => a.teachers));
      return {
        stage: s.name,
        teachers: [...new Set(roster.map((t) => t.name))].filter((n) => !covered.has(n)),
      };
    });
}
