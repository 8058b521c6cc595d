/**
 * The county's tables as the page shows them: schools filtered, sorted and paged, a school's
 * teachers filtered and paged, and both as CSV (through the site's one CSV writer, so no cell
 * runs as a formula in Excel or WPS). A hundred schools of a hundred teachers each are ten
 * thousand teachers: the page shows a page of them at a time, never all.
 */
import { csvText } from '../../files/csv';
import { zhCompare } from '../archive-merge';
import type { PlanStatus } from '../plan/plan-stages';
import {
  COUNTY_STATUSES,
  statusHeading,
  type CountyTeacher,
  type CountyView,
  type SchoolSummary,
} from './county-view';

export const SCHOOLS_PER_PAGE = 50;
export const TEACHERS_PER_PAGE = 50;

export type SchoolSortKey = 'name' | 'region' | 'teachers' | PlanStatus;
export interface SchoolSort {
  key: SchoolSortKey;
  descending: boolean;
}
export const DEFAULT_SCHOOL_SORT: SchoolSort = { key: 'name', descending: false };

export interface SchoolFilters {
  /** Part of the school's name. */
  query: string;
  /** A region slug, '' for all. */
  region: string;
  /** Only schools with at least one teacher of this status; '' for all. */
  status: PlanStatus | '';
}
export const NO_SCHOOL_FILTERS: SchoolFilters = { query: '', region: '', status: '' };

export interface TeacherFilters {
  query: string;
  status: PlanStatus | '';
}
export const NO_TEACHER_FILTERS: TeacherFilters = { query: '', status: '' };

/** Region slug → its name in the region tree (徐水区); the slug itself where the tree lacks it. */
export type RegionNames = ReadonlyMap<string, string>;
const regionOf = (names: RegionNames, slug: string) => names.get(slug) ?? slug;

export function filterSchools(schools: readonly SchoolSummary[], filters: SchoolFilters): SchoolSummary[] {
  const query = filters.query.trim();
  return schools.filter(
    (s) =>
      (query === '' || s.label.includes(query)) &&
      (filters.region === '' || s.region === filters.region) &&
      (filters.status === '' || s.counts[filters.status] > 0),
  );
}

export function sortSchools(
  schools: readonly SchoolSummary[],
  sort: SchoolSort,
  names: RegionNames,
): SchoolSummary[] {
  const by = (a: SchoolSummary, b: SchoolSummary): number => {
    switch (sort.key) {
      case 'name':
        return zhCompare(a.label, b.label);
      case 'region':
        return zhCompare(regionOf(names, a.region), regionOf(names, b.region));
      case 'teachers':
        return a.teachers - b.teachers;
      default:
        return a.counts[sort.key] - b.counts[sort.key];
    }
  };
  const sign = sort.descending ? -1 : 1;
  // Ties keep name order, whichever way the column is sorted.
  return [...schools].sort(
    (a, b) => sign * by(a, b) || zhCompare(a.label, b.label) || (a.key < b.key ? -1 : 1),
  );
}

/** Clicking a column: the same column turns around; another starts with the most first for counts. */
export function toggleSchoolSort(sort: SchoolSort, key: SchoolSortKey): SchoolSort {
  if (sort.key === key) return { key, descending: !sort.descending };
  return { key, descending: key !== 'name' && key !== 'region' };
}

export function filterTeachers(teachers: readonly CountyTeacher[], filters: TeacherFilters): CountyTeacher[] {
  const query = filters.query.trim();
  return teachers.filter(
    (t) =>
      (query === '' || t.name.includes(query) || t.subject.includes(query)) &&
      (filters.status === '' || t.status === filters.status),
  );
}

export interface Page<T> {
  rows: T[];
  /** 0-based, clamped to the pages there are. */
  page: number;
  pages: number;
}

/** One page of a list; a page past the end shows the last one. */
export function pageOf<T>(list: readonly T[], page: number, size: number): Page<T> {
  const pages = Math.max(1, Math.ceil(list.length / size));
  const at = Math.min(Math.max(0, Math.floor(page) || 0), pages - 1);
  return { rows: list.slice(at * size, at * size + size), page: at, pages };
}

/** The regions the schools are in, by name, for the region filter. */
export function schoolRegions(
  schools: readonly SchoolSummary[],
  names: RegionNames,
): { slug: string; name: string }[] {
  const slugs = [...new Set(schools.map((s) => s.region))];
  return slugs
    .map((slug) => ({ slug, name: regionOf(names, slug) }))
    .sort((a, b) => zhCompare(a.name, b.name));
}

const gradeText = (grade: string | undefined, missing: string) => grade ?? missing;

/** One row per school: its region, round, teachers handed over and teachers per status. */
export function countySchoolsCsv(view: CountyView, names: RegionNames): string {
  const head = [
    '学校',
    '地区',
    '轮次或学年',
    '方案名单人数',
    '移交人数',
    ...COUNTY_STATUSES.map((s) => statusHeading(s, undefined)),
    '移交文件',
    '移交时间',
  ];
  const rows = view.schools.map((s) => [
    s.name,
    regionOf(names, s.region),
    s.round,
    String(s.roster),
    String(s.teachers),
    ...COUNTY_STATUSES.map((status) => String(s.counts[status])),
    s.fileName,
    s.savedAt,
  ]);
  return csvText([head, ...rows]);
}

/** One row per teacher × ability: the school's result, the county's result and the status. */
export function countyTeachersCsv(view: CountyView, names: RegionNames): string {
  const head = [
    '学校',
    '地区',
    '教师',
    '学科',
    '学段',
    '类别',
    '微能力点',
    '名称',
    '校内结果',
    '县级结果',
    '县级认定人',
    '认定日期',
    '状态',
    '说明',
  ];
  const rows: string[][] = [];
  for (const school of view.schools) {
    for (const t of view.teachers.get(school.key) ?? []) {
      for (const a of t.abilities) {
        rows.push([
          school.name,
          regionOf(names, school.region),
          t.name,
          t.subject,
          t.level,
          t.onRoster ? t.category : '不在名单中',
          a.code,
          a.name,
          gradeText(a.schoolGrade, a.schoolDetail),
          a.county ? gradeText(a.county.grade, '无法评定') : '待审核',
          a.county?.by ?? '',
          a.county?.at ?? '',
          a.status,
          a.detail,
        ]);
      }
    }
  }
  return csvText([head, ...rows]);
}

/** 县级汇总_学校_20250620.csv / 县级汇总_教师_20250620.csv, in local time. */
export function countyCsvFileName(what: '学校' | '教师', now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `县级汇总_${what}_${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}.csv`;
}
