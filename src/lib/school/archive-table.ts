/**
 * The archive table's filters, sorting and CSV. The CSV is one row per teacher × micro-ability,
 * in the order and with the filters the principal has on screen, for Excel and WPS (UTF-8 with
 * a byte-order mark, through the site's one CSV writer).
 */
import { shortTime, zhCompare } from './archive-merge';
import type { ArchiveRow, StageCell } from './archive-rows';
import { PLAN_STATUSES as STATUSES, type PlanStatus } from './plan/plan-stages';
import { gradeRank, type Grade } from '../grading/grading';
import { csvText } from '../files/csv';
import type { FileCheck } from '../review/review-file';
import { compareCodes, DIMENSIONS, ENVIRONMENTS } from '../content/taxonomy';
import { STAGES } from '../self-check/draft';

export interface ArchiveFilters {
  subject: string;
  level: string;
  dimension: string;
  environment: string;
  status: string;
}

export const NO_FILTERS: ArchiveFilters = {
  subject: '',
  level: '',
  dimension: '',
  environment: '',
  status: '',
};

export type SortKey =
  'teacher' | 'school' | 'subject' | 'level' | 'code' | 'self' | 'final' | 'status' | `stage:${number}`;

export interface ArchiveSort {
  key: SortKey;
  direction: 'asc' | 'desc';
}

export const DEFAULT_SORT: ArchiveSort = { key: 'teacher', direction: 'asc' };

export interface FilterOptions {
  subject: string[];
  level: string[];
  dimension: string[];
  environment: string[];
  status: string[];
}

function ordered(values: Iterable<string>, known: readonly string[]): string[] {
  const set = new Set([...values].filter((v) => v !== ''));
  const first = known.filter((k) => set.has(k));
  const rest = [...set].filter((v) => !known.includes(v)).sort(zhCompare);
  return [...first, ...rest];
}

/** The values each filter can take, from the rows loaded, in their natural order. */
export function filterOptions(rows: readonly ArchiveRow[]): FilterOptions {
  const values = (key: keyof FilterOptions) => rows.map((r) => r[key]);
  return {
    subject: ordered(values('subject'), []),
    level: ordered(values('level'), STAGES),
    dimension: ordered(values('dimension'), DIMENSIONS),
    environment: ordered(values('environment'), ENVIRONMENTS),
    status: ordered(values('status'), STATUSES),
  };
}

export function filterRows(rows: readonly ArchiveRow[], filters: ArchiveFilters): ArchiveRow[] {
  return rows.filter(
    (r) =>
      (filters.subject === '' || r.subject === filters.subject) &&
      (filters.level === '' || r.level === filters.level) &&
      (filters.dimension === '' || r.dimension === filters.dimension) &&
      (filters.environment === '' || r.environment === filters.environment) &&
      (filters.status === '' || r.status === filters.status),
  );
}

/** No grade sorts below 不合格. */
const gradeKey = (grade: Grade | undefined) => (grade === undefined ? -1 : gradeRank(grade));
const statusKey = (status: PlanStatus) => STATUSES.indexOf(status);
const text = zhCompare;

function compareBy(key: SortKey, a: ArchiveRow, b: ArchiveRow): number {
  switch (key) {
    case 'teacher':
      return text(a.teacher, b.teacher);
    case 'school':
      return text(a.school, b.school);
    case 'subject':
      return text(a.subject, b.subject);
    case 'level':
      return (
        STAGES.indexOf(a.level as (typeof STAGES)[number]) -
        STAGES.indexOf(b.level as (typeof STAGES)[number])
      );
    case 'code':
      return compareCodes(a.code, b.code);
    case 'self':
      return gradeKey(a.selfGrade) - gradeKey(b.selfGrade);
    case 'final':
      return gradeKey(a.final) - gradeKey(b.final);
    case 'status':
      return statusKey(a.status) - statusKey(b.status);
    default: {
      const i = Number(key.slice('stage:'.length));
      return gradeKey(a.stages[i]?.grade) - gradeKey(b.stages[i]?.grade);
    }
  }
}

/** Sorted by the key; ties by teacher, then school, then code, so the order never depends on loading. */
export function sortRows(rows: readonly ArchiveRow[], sort: ArchiveSort): ArchiveRow[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  return [...rows].sort(
    (a, b) =>
      sign * compareBy(sort.key, a, b) ||
      text(a.teacher, b.teacher) ||
      text(a.school, b.school) ||
      compareCodes(a.code, b.code) ||
      text(a.teacherId, b.teacherId),
  );
}

/** Clicking a column's heading: that column ascending, or the other way when it is already sorted by it. */
export function toggleSort(current: ArchiveSort, key: SortKey): ArchiveSort {
  return current.key === key
    ? { key, direction: current.direction === 'asc' ? 'desc' : 'asc' }
    : { key, direction: 'asc' };
}

/** A stage cell as text: the grade, 未评定 when the criteria are unknown, a note when stale. */
export function stageText(cell: ArchiveRow['stages'][number]): string {
  if (!cell) return '';
  const grade = cell.grade ?? '未评定';
  return cell.stale ? `${grade}（评的是旧版自评）` : grade;
}

export const gradeText = (grade: Grade | undefined, none = '未评定'): string => grade ?? none;

/** 核对 3 个文件：1 个与自评时不同，2 个一致 — what a stage's reviewer found hashing the teacher's files. */
export function fileCheckText(files: readonly FileCheck[]): string {
  if (files.length === 0) return '未核对文件';
  const count = (verdict: FileCheck['verdict']) => files.filter((f) => f.verdict === verdict).length;
  const parts = [
    [count('different'), '个与自评时不同'],
    [count('unrecorded'), '个自评时未记录校验值'],
    [count('same'), '个一致'],
  ] as const;
  return `核对 ${files.length} 个文件：${parts
    .filter(([n]) => n > 0)
    .map(([n, text]) => `${n} ${text}`)
    .join('，')}`;
}

/** A stage's comments in one cell: the whole micro-ability's first, then each item's. */
export function commentText(cell: StageCell | undefined): string {
  if (!cell) return '';
  return [
    ...(cell.comment.trim() ? [`总评：${cell.comment.trim()}`] : []),
    ...cell.itemComments.map((c) => `${c.item}：${c.comment}`),
  ].join('\n');
}

/** “2026-03-08” in local time; the text as given when it is not a time. */
const dayOf = (iso: string) => {
  const t = shortTime(iso);
  return t === iso ? iso : t.slice(0, 10);
};

/**
 * One row per teacher × micro-ability. Each fact has its own column (a grade never shares its
 * cell with a note), so a principal can filter any of them in a spreadsheet.
 */
export function archiveCsv(rows: readonly ArchiveRow[], stages: readonly string[]): string {
  const header = [
    '教师',
    '学校',
    '学科',
    '学段',
    '微能力点',
    '名称',
    '教学环境',
    '能力维度',
    '自评',
    ...stages.flatMap((s) => [
      s,
      `${s}评的是旧版自评`,
      `${s}评审人`,
      `${s}评审日期`,
      `${s}评语`,
      `${s}文件核对`,
    ]),
    '最终结果',
    '状态',
    '说明',
  ];
  const body = rows.map((r) => [
    r.teacher,
    r.school,
    r.subject,
    r.level,
    r.code,
    r.abilityName,
    r.environment,
    r.dimension,
    gradeText(r.selfGrade),
    ...stages.flatMap((_, i) => {
      const cell = r.stages[i];
      if (!cell) return ['', '', '', '', '', ''];
      return [
        gradeText(cell.grade),
        cell.stale ? '是' : '否',
        cell.reviewer,
        dayOf(cell.reviewedAt),
        commentText(cell),
        fileCheckText(cell.files),
      ];
    }),
    r.final ?? '',
    r.status,
    r.detail,
  ]);
  return csvText([header, ...body]);
}

/** 学校考核档案_<YYYYMMDD>.csv */
export function csvFilename(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `学校考核档案_${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}.csv`;
}
