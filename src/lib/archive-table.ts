/**
 * The archive table's filters, sorting and CSV. The CSV is one row per teacher × micro-ability,
 * in the order and with the filters the principal has on screen, for Excel and WPS (UTF-8 with
 * a byte-order mark, through the site's one CSV writer).
 */
import { zhCompare } from './archive-merge';
import type { ArchiveRow } from './archive-rows';
import { STATUSES, type ArchiveStatus } from './archive-status';
import { gradeRank, type Grade } from './grading';
import { csvText } from './policies';
import { compareCodes, DIMENSIONS, ENVIRONMENTS } from './taxonomy';
import { STAGES } from './draft';

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
const statusKey = (status: ArchiveStatus) => STATUSES.indexOf(status);
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

/**
 * Excel and WPS run a cell that starts with = + - @ as a formula; a name in a teacher's file
 * could be made to do that. Such a cell gets a leading apostrophe, which they show as text.
 */
function inert(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

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
    ...stages.flatMap((s) => [s, `${s}评审人`]),
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
      return [stageText(cell), cell?.reviewer ?? ''];
    }),
    r.final ?? '',
    r.status,
    r.detail,
  ]);
  return csvText([header, ...body].map((row) => row.map(inert)));
}

/** 学校考核档案_<YYYYMMDD>.csv */
export function csvFilename(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `学校考核档案_${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}.csv`;
}
