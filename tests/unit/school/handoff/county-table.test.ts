import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addToCounty, EMPTY_COUNTY, readCountyFile } from '../../../../src/lib/school/handoff/county-intake';
import { countyView } from '../../../../src/lib/school/handoff/county-view';
import {
  countyCsvFileName,
  countySchoolsCsv,
  countyTeachersCsv,
  DEFAULT_SCHOOL_SORT,
  filterSchools,
  filterTeachers,
  NO_SCHOOL_FILTERS,
  pageOf,
  schoolRegions,
  sortSchools,
  toggleSchoolSort,
} from '../../../../src/lib/school/handoff/county-table';
import { exportHandoffText } from '../../../../src/lib/school/handoff/handoff-file';
import { TEST_ABILITIES } from '../../../support/archive-fixtures';
import { parseCsv } from '../../../support/csv';
import { buildHandoff } from '../../../e2e/county-fixture';

const names = new Map([
  ['xushui', '徐水区'],
  ['guangzhou', '广州市'],
]);

const view = countyView(
  addToCounty(
    EMPTY_COUNTY,
    [
      buildHandoff({
        school: '徐水区第二小学',
        idBase: 100,
        teachers: [
          { name: '王芳', levels: { C5: '合格' } },
          { name: '=HYPERLINK("x")', levels: { C6: '优秀' }, county: '优秀' },
        ],
      }),
      buildHandoff({
        school: '徐水区第一小学',
        idBase: 200,
        teachers: [{ name: '李娜', levels: { C5: '合格' }, reviewed: 1 }],
      }),
      buildHandoff({
        school: '广州实验小学',
        region: 'guangzhou',
        idBase: 300,
        teachers: [
          { name: '张伟', levels: { C5: '合格' } },
          { name: '刘洋', levels: { C5: '合格' } },
          { name: '陈静', levels: { C5: '合格' } },
        ],
      }),
    ].map((h, i) => readCountyFile({ name: `${i}.json`, size: 1, text: exportHandoffText(h) })),
  ).state,
  TEST_ABILITIES,
);

describe('the schools table', () => {
  it('filters by name, region and status', () => {
    const label = (list: { name: string }[]) => list.map((s) => s.name);
    expect(label(filterSchools(view.schools, { ...NO_SCHOOL_FILTERS, query: '第一' }))).toEqual([
      '徐水区第一小学',
    ]);
    expect(label(filterSchools(view.schools, { ...NO_SCHOOL_FILTERS, region: 'guangzhou' }))).toEqual([
      '广州实验小学',
    ]);
    expect(label(filterSchools(view.schools, { ...NO_SCHOOL_FILTERS, status: '已通过' }))).toEqual([
      '徐水区第二小学',
    ]);
    expect(filterSchools(view.schools, NO_SCHOOL_FILTERS)).toHaveLength(3);
  });

  it('sorts by name, region, teachers or a status count; a second click turns it around', () => {
    const label = (sort: Parameters<typeof sortSchools>[1]) =>
      sortSchools(view.schools, sort, names).map((s) => s.name);
    expect(label(DEFAULT_SCHOOL_SORT)).toEqual(['广州实验小学', '徐水区第二小学', '徐水区第一小学']);
    const byTeachers = toggleSchoolSort(DEFAULT_SCHOOL_SORT, 'teachers');
    expect(byTeachers).toEqual({ key: 'teachers', descending: true });
    expect(label(byTeachers)).toEqual(['广州实验小学', '徐水区第二小学', '徐水区第一小学']);
    expect(label(toggleSchoolSort(byTeachers, 'teachers'))).toEqual([
      '徐水区第一小学',
      '徐水区第二小学',
      '广州实验小学',
    ]);
    expect(label({ key: '待复评', descending: true })[0]).toBe('徐水区第一小学');
    expect(label({ key: 'region', descending: false })[0]).toBe('广州实验小学');
    expect(schoolRegions(view.schools, names)).toEqual([
      { slug: 'guangzhou', name: '广州市' },
      { slug: 'xushui', name: '徐水区' },
    ]);
  });

  it('pages any list without losing or repeating a row, and clamps a page past the end', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 300 }), fc.integer({ min: 1, max: 60 }), (list, size) => {
        const first = pageOf(list, 0, size);
        const all = Array.from({ length: first.pages }, (_, p) => pageOf(list, p, size).rows).flat();
        expect(all).toEqual(list);
        expect(pageOf(list, first.pages + 5, size).page).toBe(first.pages - 1);
        expect(pageOf(list, -3, size).page).toBe(0);
      }),
    );
  });

  it('filters a school’s teachers by name or subject and by status', () => {
    const teachers = [...view.teachers.values()].flat();
    expect(filterTeachers(teachers, { query: '王', status: '' }).map((t) => t.name)).toEqual(['王芳']);
    expect(filterTeachers(teachers, { query: '', status: '待复评' }).map((t) => t.name)).toEqual(['李娜']);
  });
});

describe('the CSV', () => {
  it('has one row per school with its counts, and one per teacher × ability; no cell is a formula', () => {
    const schools = parseCsv(countySchoolsCsv(view, names));
    expect(schools[0]?.slice(0, 6)).toEqual([
      '学校',
      '地区',
      '轮次或学年',
      '方案名单人数',
      '移交人数',
      '校内评审已完成（待县级审核认定）',
    ]);
    const second = schools.find((r) => r[0] === '徐水区第二小学');
    expect(second?.slice(0, 7)).toEqual(['徐水区第二小学', '徐水区', '2024—2025 学年', '2', '2', '1', '1']);
    const teachers = parseCsv(countyTeachersCsv(view, names));
    expect(teachers).toHaveLength(1 + 6);
    const formula = teachers.find((r) => r[2]?.includes('HYPERLINK'));
    expect(formula?.[2]).toBe('\'=HYPERLINK("x")');
    expect(formula?.slice(8, 13)).toEqual(['优秀', '优秀', '县专家组', '2025-06-18', '已通过']);
    const waiting = teachers.find((r) => r[2] === '王芳');
    expect(waiting?.slice(8, 10)).toEqual(['合格', '待审核']);
    expect(countyCsvFileName('学校', new Date(2025, 5, 20))).toBe('县级汇总_学校_20250620.csv');
  });
});
