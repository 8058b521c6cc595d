/**
 * What a principal reads first: how many teachers are through, in review or not yet reviewed;
 * how many have at least one micro-ability at 合格 or better (by the reviews, and by their own
 * self-check); which dimensions and environments the school's choices cover; and the share of
 * teachers through against the region's yearly targets.
 *
 * A teacher is 已通过 with at least one micro-ability whose every stage is passed; 校内评审已完成
 * when not through but some micro-ability has passed every school stage and waits for the county
 * (审核认定); 评审中 when neither but some micro-ability has a review; otherwise 未评审. These four
 * add up to the teachers loaded.
 */
import type { QuotaTarget, RegionTargets } from './archive-region';
import type { ArchiveRow } from './archive-rows';
import { gradeRank, type Grade } from '../grading/grading';
import { needsVerification } from '../content/abilities';
import { DIMENSIONS, ENVIRONMENTS } from '../content/taxonomy';

export interface Coverage {
  name: string;
  /** Teachers who chose at least one micro-ability here. */
  chosen: number;
  /** Teachers through (已通过) in at least one micro-ability here. */
  passed: number;
}

export interface TargetProgress {
  year: string;
  /** When it falls due: 2020 年, 2021年8月15日前. */
  period: string;
  share: number;
  atLeast: boolean;
  statedCumulative: boolean;
  cumulative: number;
  /** What the document asks by then: 当年 30%，累计 30%; 累计 ≥ 40% where it states the running total. */
  target: string;
  /** The school's share of teachers through has reached the cumulative target. */
  reached: boolean;
}

export interface ArchiveSummary {
  teachers: number;
  /** What shares are counted of: the number of teachers entered, else those loaded. */
  denominator: number;
  passed: number;
  /** Not through, but done at school in at least one micro-ability: waiting for the county. */
  schoolDone: number;
  inReview: number;
  notReviewed: number;
  /** Teachers with at least one micro-ability self-graded 合格 or better. */
  selfPassed: number;
  /** Share of the denominator through, in per cent, one decimal. */
  passedShare: number;
  dimensions: Coverage[];
  environments: Coverage[];
  targets?:
    | {
        source: string;
        inherited: boolean;
        /** The document rests on one public copy (待核实), so its targets are not yet checked. */
        unverified: boolean;
        rows: TargetProgress[];
      }
    | undefined;
}

const atLeastPass = (grade: Grade | undefined) =>
  grade !== undefined && gradeRank(grade) >= gradeRank('合格');

/**
 * A target in the document's terms: a share stated as the running total is shown as such, not
 * as this period's part; a period finer than a year is 本期, not 当年.
 */
export function targetText(t: QuotaTarget): string {
  const atLeast = t.atLeast ? '≥ ' : '';
  if (t.statedCumulative) return `累计 ${atLeast}${t.cumulative}%`;
  return `${t.wholeYear ? '当年' : '本期'} ${atLeast}${t.share}%，累计 ${t.cumulative}%`;
}

/** Per cent of part in whole, one decimal; 0 when whole is 0. */
export function percent(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0;
}

function coverage(
  rows: readonly ArchiveRow[],
  key: 'dimension' | 'environment',
  names: readonly string[],
): Coverage[] {
  const chosen = new Map<string, Set<string>>();
  const passed = new Map<string, Set<string>>();
  for (const row of rows) {
    const name = row[key];
    if (!chosen.has(name)) chosen.set(name, new Set());
    chosen.get(name)?.add(row.teacherId);
    if (row.status === '已通过' && atLeastPass(row.final)) {
      if (!passed.has(name)) passed.set(name, new Set());
      passed.get(name)?.add(row.teacherId);
    }
  }
  const extra = [...chosen.keys()].filter((n) => n !== '' && !names.includes(n));
  return [...names, ...extra].map((name) => ({
    name,
    chosen: chosen.get(name)?.size ?? 0,
    passed: passed.get(name)?.size ?? 0,
  }));
}

export function summarize(
  rows: readonly ArchiveRow[],
  teacherIds: readonly string[],
  options: { teacherTotal?: number | undefined; targets?: RegionTargets | undefined } = {},
): ArchiveSummary {
  const passed = new Set<string>();
  const schoolDone = new Set<string>();
  const reviewed = new Set<string>();
  const selfPassed = new Set<string>();
  for (const row of rows) {
    if (row.status === '已通过' && atLeastPass(row.final)) passed.add(row.teacherId);
    if (row.status === '校内评审已完成') schoolDone.add(row.teacherId);
    if (row.stages.some((s) => s !== undefined)) reviewed.add(row.teacherId);
    if (atLeastPass(row.selfGrade)) selfPassed.add(row.teacherId);
  }
  const teachers = new Set(teacherIds).size;
  const ready = [...schoolDone].filter((id) => !passed.has(id)).length;
  const inReview = [...reviewed].filter((id) => !passed.has(id) && !schoolDone.has(id)).length;
  const total = options.teacherTotal;
  const denominator = total !== undefined && Number.isInteger(total) && total >= teachers ? total : teachers;
  const passedShare = percent(passed.size, denominator);
  const summary: ArchiveSummary = {
    teachers,
    denominator,
    passed: passed.size,
    schoolDone: ready,
    inReview,
    notReviewed: teachers - passed.size - ready - inReview,
    selfPassed: selfPassed.size,
    passedShare,
    dimensions: coverage(rows, 'dimension', DIMENSIONS),
    environments: coverage(rows, 'environment', ENVIRONMENTS),
  };
  if (options.targets) {
    summary.targets = {
      source: options.targets.policy.data.region,
      inherited: options.targets.inherited,
      unverified: needsVerification(options.targets.policy.data.confidence),
      rows: options.targets.targets.map((t) => ({
        year: t.year,
        period: t.period,
        share: t.share,
        atLeast: t.atLeast,
        statedCumulative: t.statedCumulative,
        cumulative: t.cumulative,
        target: targetText(t),
        reached: passedShare >= t.cumulative,
      })),
    };
  }
  return summary;
}
