/**
 * The results of the stages after the school (县级审核认定, 省市抽查) as the principal records them
 * when they come back. A county's review file made on /review/ at that stage is simply loaded
 * with the other files: the archive grades it as any review and the row names who decided and
 * when. A result that comes back on paper is typed in here, checked by readRecordedOutcome (an
 * outside stage of the plan, a real day not in the future, who decided), and kept in the archive
 * (version 2) with the self-check's content hash, so a later resubmission asks for a new decision.
 */
import { MAX_ARCHIVE_OUTCOMES, type ArchiveContent, type TypedStageResult } from './archive-file';
import { outcomeKey } from './archive-intake';
import type { ArchiveRow } from './archive-rows';
import type { PlanStage } from './plan/plan-file';
import { readRecordedOutcome, type RecordedOutcome } from './plan/plan-stages';
import { normalName } from './plan/roster-import';

export type TypedResult = { ok: true; archive: ArchiveContent } | { ok: false; error: string };

/**
 * The archive with one typed result added, replacing an earlier one for the same teacher, ability
 * and stage (the principal corrects a typing). Never throws; a refusal changes nothing.
 */
export function typeOutcome(
  archive: ArchiveContent,
  target: { teacher: string; code: string; contentHash: string },
  input: unknown,
  stages: readonly PlanStage[],
  today: Date = new Date(),
): TypedResult {
  const teacher = normalName(target.teacher);
  if (teacher === '' || target.code === '') return { ok: false, error: '请选择教师和微能力点。' };
  const read = readRecordedOutcome(input, stages, today);
  if (!read.ok) return read;
  const { grade, by, at } = read.outcome;
  if (grade === undefined) return { ok: false, error: '请选择结果：优秀、合格或不合格' };
  const entry: TypedStageResult = {
    teacher,
    code: target.code,
    stage: read.stage,
    grade,
    by,
    at,
    contentHash: /^[0-9a-f]{64}$/.test(target.contentHash) ? target.contentHash : '',
  };
  const rest = archive.outcomes.filter((o) => outcomeKey(o) !== outcomeKey(entry));
  if (rest.length >= MAX_ARCHIVE_OUTCOMES)
    return { ok: false, error: `档案中录入的结果已达上限（${MAX_ARCHIVE_OUTCOMES} 条）。` };
  return { ok: true, archive: { ...archive, outcomes: [...rest, entry] } };
}

/** The archive without one typed result (录错了, 删除). */
export function removeOutcome(
  archive: ArchiveContent,
  which: Pick<TypedStageResult, 'teacher' | 'code' | 'stage'>,
): ArchiveContent {
  return { ...archive, outcomes: archive.outcomes.filter((o) => outcomeKey(o) !== outcomeKey(which)) };
}

/** One outside stage's result of one teacher's ability, as the hand-off to the county carries it. */
export interface StageResultEntry {
  teacher: string;
  code: string;
  stage: string;
  outcome: RecordedOutcome;
}

/**
 * Every outside stage's result the rows hold, from a county review file or typed in, with who
 * decided and when: what the archive knows of the county's and province's steps.
 */
export function outsideResults(
  rows: readonly ArchiveRow[],
  stageColumns: readonly string[],
  stages: readonly PlanStage[],
): StageResultEntry[] {
  const outside = new Set(stages.filter((s) => s.outside).map((s) => s.name));
  const entries: StageResultEntry[] = [];
  for (const row of rows) {
    for (const [i, stage] of stageColumns.entries()) {
      const cell = row.stages[i];
      if (!cell || !outside.has(stage)) continue;
      entries.push({
        teacher: row.teacher,
        code: row.code,
        stage,
        outcome: {
          grade: cell.grade,
          stale: cell.stale,
          by: cell.reviewer,
          at: cell.reviewedAt.slice(0, 10),
          from: cell.typed ? '手动录入' : '评审意见文件',
        },
      });
    }
  }
  return entries;
}
