import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyArchive } from '../../../src/lib/school/archive-file';
import { mergeArchive } from '../../../src/lib/school/archive-merge';
import { commonRegion, schoolTargetsOnly, teacherTargets } from '../../../src/lib/school/archive-region';
import { archiveRows } from '../../../src/lib/school/archive-rows';
import { percent, summarize } from '../../../src/lib/school/archive-summary';
import {
  archiveCsv,
  fileCheckText,
  filterOptions,
  filterRows,
  NO_FILTERS,
  sortRows,
  toggleSort,
} from '../../../src/lib/school/archive-table';
import type { Policy } from '../../../src/lib/content/policies';
import { neutraliseFormula } from '../../../src/lib/files/csv';
import { readCollection } from '../../support/content-files';
import { parseCsv } from '../../support/csv';
import { makeDraft, makeReview, TEST_ABILITIES, type Level, defined } from '../../support/archive-fixtures';

const STAGES = ['组内互评', '复评'];
const POLICIES: Policy[] = readCollection('policies', '.mdx').map((f) => ({
  slug: f.name.replace(/\.mdx$/, ''),
  data: { quotas: [], ...f.data } as unknown as Policy['data'],
}));

/** Three teachers: one through in C5, one in review, one not reviewed. */
function school() {
  const a = makeDraft({ name: '王晓红', subject: '语文', levels: { C5: '优秀', A1: '合格' } });
  const b = makeDraft({ name: '李娜', subject: '数学', stage: '初中', levels: { C6: '合格' } });
  const c = makeDraft({ name: '张伟', subject: '英语', levels: { C5: '不合格' } });
  const reviews = [
    makeReview(a, { stage: '组内互评', levels: { C5: '优秀', A1: '不合格' } }),
    makeReview(a, {
      stage: '复评',
      reviewedAt: '2026-03-08T06:00:00Z',
      levels: { C5: '合格' },
      files: {
        C5: {
          video: [
            { name: 'video-1.mp4', sha256: 'a'.repeat(64), verdict: 'same' },
            { name: '换过的.mp4', sha256: 'f'.repeat(64), verdict: 'different' },
          ],
        },
      },
    }),
    makeReview(b, { stage: '组内互评', levels: { C6: '合格' } }),
  ];
  const merged = mergeArchive({ ...emptyArchive(), selfChecks: [a, b, c], reviews }, STAGES);
  return { merged, rows: archiveRows(merged, TEST_ABILITIES), ids: merged.teachers.map((t) => t.id) };
}

describe('summarize', () => {
  it('counts teachers through, in review and not reviewed, and self-graded at 合格 or better', () => {
    const { rows, ids } = school();
    const s = summarize(rows, ids);
    expect(s).toMatchObject({
      teachers: 3,
      denominator: 3,
      passed: 1,
      inReview: 1,
      notReviewed: 1,
      selfPassed: 2,
    });
    expect(s.passedShare).toBe(33.3);
  });

  it('covers dimensions and environments by teachers who chose and who passed', () => {
    const { rows, ids } = school();
    const s = summarize(rows, ids);
    expect(s.dimensions).toEqual([
      { name: '学情分析', chosen: 1, passed: 0 },
      { name: '教学设计', chosen: 0, passed: 0 },
      { name: '学法指导', chosen: 2, passed: 1 },
      { name: '学业评价', chosen: 1, passed: 0 },
    ]);
    expect(s.environments).toEqual([
      { name: '多媒体教学环境', chosen: 1, passed: 0 },
      { name: '混合学习环境', chosen: 0, passed: 0 },
      { name: '智慧学习环境', chosen: 3, passed: 1 },
    ]);
  });

  it('measures progress against Guangzhou’s 30 / 50 / 20 % over 2020–2022, read from the policy file', () => {
    const { rows, ids } = school();
    const targets = teacherTargets(POLICIES, 'guangzhou');
    expect(targets?.targets.map((t) => [t.year, t.share, t.cumulative])).toEqual([
      ['2020', 30, 30],
      ['2021', 50, 80],
      ['2022', 20, 100],
    ]);
    const s = summarize(rows, ids, { targets });
    expect(s.targets?.rows.map((r) => r.reached)).toEqual([true, false, false]);
    expect(s.targets?.source).toBe('广州市');
    // With 10 teachers in the school, one through is 10 %: below even 2020's 30 %.
    const ten = summarize(rows, ids, { targets, teacherTotal: 10 });
    expect(ten.denominator).toBe(10);
    expect(ten.passedShare).toBe(10);
    expect(ten.targets?.rows.map((r) => r.reached)).toEqual([false, false, false]);
  });

  it('ignores a teacher total below the number of teachers loaded', () => {
    const { rows, ids } = school();
    expect(summarize(rows, ids, { teacherTotal: 2 }).denominator).toBe(3);
  });

  it('property: 已通过 + 评审中 + 未评审 add up to the teachers, and shares stay within 0–100', () => {
    const level = fc.constantFrom<Level>('优秀', '合格', '不合格');
    fc.assert(
      fc.property(
        fc.array(fc.record({ self: level, peer: fc.option(level), team: fc.option(level) }), {
          maxLength: 12,
        }),
        (specs) => {
          const drafts = specs.map((s, i) => makeDraft({ name: `教师${i}`, levels: { C5: s.self } }));
          const reviews = specs.flatMap((s, i) => {
            const d = defined(drafts[i]);
            return [
              ...(s.peer ? [makeReview(d, { stage: '组内互评', levels: { C5: s.peer } })] : []),
              ...(s.team ? [makeReview(d, { stage: '复评', levels: { C5: s.team } })] : []),
            ];
          });
          const merged = mergeArchive({ ...emptyArchive(), selfChecks: drafts, reviews }, STAGES);
          const sum = summarize(
            archiveRows(merged, TEST_ABILITIES),
            merged.teachers.map((t) => t.id),
          );
          expect(sum.passed + sum.inReview + sum.notReviewed).toBe(specs.length);
          const through = specs.filter((s) => s.peer && s.peer !== '不合格' && s.team && s.team !== '不合格');
          expect(sum.passed).toBe(through.length);
          expect(sum.passedShare).toBeGreaterThanOrEqual(0);
          expect(sum.passedShare).toBeLessThanOrEqual(100);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('percent is one decimal and 0 of nothing', () => {
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(0, 0)).toBe(0);
  });
});

describe('the region’s targets through the region tree', () => {
  it('a district without figures inherits none from Hebei (no teacher targets up the tree)', () => {
    expect(teacherTargets(POLICIES, 'xushui')).toBeUndefined();
  });

  it('Shanghai states 30 % and ≥ 40 %; Jiangsu counts schools, not teachers', () => {
    expect(teacherTargets(POLICIES, 'shanghai')?.targets.map((t) => [t.year, t.share, t.atLeast])).toEqual([
      ['2020', 30, false],
      ['2021', 40, true],
    ]);
    expect(teacherTargets(POLICIES, 'jiangsu')).toBeUndefined();
    expect(schoolTargetsOnly(POLICIES, 'jiangsu')?.slug).toBe('jiangsu');
  });

  it('a 乐清 school inherits Zhejiang’s ≥ 25 % by 2021-08-15 and ≥ 40 % in all by 2022-08', () => {
    const t = teacherTargets(POLICIES, 'yueqing');
    expect(t?.policy.slug).toBe('zhejiang');
    expect(t?.inherited).toBe(true);
    expect(t?.targets.map((x) => [x.year, x.period, x.share, x.atLeast, x.cumulative])).toEqual([
      ['2021', '2021年8月15日前', 25, true, 25],
      // The second phase's 40 % is the total by then, not 40 more: the running total is 40, not 65.
      ['2022', '2021年9月至2022年8月', 40, true, 40],
    ]);
    const { rows, ids } = school();
    const s = summarize(rows, ids, { targets: t, teacherTotal: 3 });
    expect(s.targets?.source).toBe('浙江省');
    // Read from one public copy: the archive says so beside the targets.
    expect(s.targets?.unverified).toBe(true);
    expect(summarize(rows, ids, { targets: teacherTargets(POLICIES, 'guangzhou') }).targets?.unverified).toBe(
      false,
    );
    expect(s.targets?.rows.map((r) => [r.target, r.reached])).toEqual([
      ['本期 ≥ 25%，累计 25%', true],
      ['累计 ≥ 40%', false],
    ]);
  });

  it('a running total stated after yearly shares replaces their sum, and later shares add to it', () => {
    const region: Policy = {
      slug: 'r',
      data: {
        ...defined(POLICIES[0]).data,
        parent: 'national',
        quotas: [
          { year: '2022', share: 30, atLeast: false, of: '教师' },
          { year: '2020', share: 20, atLeast: false, of: '教师' },
          { year: '2021', share: 45, atLeast: true, of: '教师', cumulative: true },
        ],
      },
    };
    expect(teacherTargets([region], 'r')?.targets.map((x) => [x.year, x.cumulative])).toEqual([
      ['2020', 20],
      ['2021', 45],
      ['2022', 75],
    ]);
  });

  it('property: targets come by due date, within 0–100; a stated running total stands as written', () => {
    const quota = fc
      .record({
        year: fc.integer({ min: 2019, max: 2025 }).map(String),
        month: fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }),
        share: fc.integer({ min: 0, max: 100 }),
        atLeast: fc.boolean(),
        cumulative: fc.boolean(),
      })
      .map(({ month, ...q }) => ({
        ...q,
        of: '教师' as const,
        ...(month === undefined ? {} : { by: `${q.year}-${String(month).padStart(2, '0')}` }),
      }));
    fc.assert(
      fc.property(fc.array(quota, { minLength: 1, maxLength: 6 }), (quotas) => {
        const region: Policy = {
          slug: 'r',
          data: { ...defined(POLICIES[0]).data, parent: 'national', quotas },
        };
        const targets = teacherTargets([region], 'r')?.targets ?? expect.fail('no targets');
        expect(targets).toHaveLength(quotas.length);
        // A date a target is due by lies in its year, so by due date means by year too.
        const years = targets.map((t) => t.year);
        expect(years).toEqual([...years].sort());
        let sum = 0;
        for (const t of targets) {
          expect(t.cumulative).toBeGreaterThanOrEqual(0);
          expect(t.cumulative).toBeLessThanOrEqual(100);
          sum = t.statedCumulative ? t.share : sum + t.share;
          expect(t.cumulative).toBe(Math.min(100, sum));
          if (t.statedCumulative) expect(t.cumulative).toBe(t.share);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('a new district under Guangzhou inherits Guangzhou’s targets (added by data)', () => {
    const district: Policy = {
      slug: 'tianhe',
      data: {
        ...defined(POLICIES[0]).data,
        region: '天河区',
        level: '区县',
        parent: 'guangzhou',
        quotas: [],
      },
    };
    const t = teacherTargets([...POLICIES, district], 'tianhe');
    expect(t?.inherited).toBe(true);
    expect(t?.policy.slug).toBe('guangzhou');
  });

  it('picks the region most files name, known regions only, first on a tie', () => {
    const known = new Set(['xushui', 'guangzhou']);
    expect(commonRegion(['xushui', 'guangzhou', 'guangzhou', 'other'], known)).toBe('guangzhou');
    expect(commonRegion(['xushui', 'guangzhou'], known)).toBe('xushui');
    expect(commonRegion(['other', ''], known)).toBe('');
  });
});

describe('the table and its CSV', () => {
  it('filters by subject, 学段, dimension, environment and status', () => {
    const { rows } = school();
    expect(filterOptions(rows).status).toEqual(['未评审', '待复评', '需修改', '已通过']);
    expect(filterRows(rows, { ...NO_FILTERS, subject: '数学' }).map((r) => r.teacher)).toEqual(['李娜']);
    expect(filterRows(rows, { ...NO_FILTERS, level: '初中' }).map((r) => r.code)).toEqual(['C6']);
    expect(filterRows(rows, { ...NO_FILTERS, dimension: '学情分析' }).map((r) => r.code)).toEqual(['A1']);
    expect(filterRows(rows, { ...NO_FILTERS, environment: '多媒体教学环境' }).map((r) => r.code)).toEqual([
      'A1',
    ]);
    expect(filterRows(rows, { ...NO_FILTERS, status: '已通过' }).map((r) => `${r.teacher}${r.code}`)).toEqual(
      ['王晓红C5'],
    );
  });

  it('sorts by a column both ways, ties by teacher then code', () => {
    const { rows } = school();
    const asc = sortRows(rows, { key: 'self', direction: 'asc' }).map((r) => `${r.teacher}${r.code}`);
    expect(asc).toEqual(['张伟C5', '李娜C6', '王晓红A1', '王晓红C5']);
    const desc = sortRows(rows, toggleSort({ key: 'self', direction: 'asc' }, 'self'));
    expect(desc[0]?.code).toBe('C5');
    expect(desc[0]?.selfGrade).toBe('优秀');
    expect(toggleSort({ key: 'self', direction: 'desc' }, 'status')).toEqual({
      key: 'status',
      direction: 'asc',
    });
  });

  it('writes one CSV row per teacher × micro-ability, with a BOM, CRLF and each fact in its own column', () => {
    const { rows, merged } = school();
    const csv = archiveCsv(sortRows(rows, { key: 'teacher', direction: 'asc' }), merged.stages);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const table = parseCsv(csv);
    const stageColumns = (s: string) => [
      s,
      `${s}评的是旧版自评`,
      `${s}评审人`,
      `${s}评审日期`,
      `${s}评语`,
      `${s}文件核对`,
    ];
    expect(table[0]).toEqual([
      '教师',
      '学校',
      '学科',
      '学段',
      '微能力点',
      '名称',
      '教学环境',
      '能力维度',
      '自评',
      ...stageColumns('组内互评'),
      ...stageColumns('复评'),
      '最终结果',
      '状态',
      '说明',
    ]);
    expect(table).toHaveLength(1 + rows.length);
    const c5 = table.find((r) => r[0] === '王晓红' && r[4] === 'C5');
    const comments = '总评：C5总评\n1 情景描述：scenario评语\n2 案例展示：video评语\n3 方案：plan评语';
    expect(c5?.slice(8)).toEqual([
      '优秀',
      ...['优秀', '否', '李老师', '2026-03-05', comments, '未核对文件'],
      ...['合格', '否', '李老师', '2026-03-08', comments, '核对 2 个文件：1 个与自评时不同，1 个一致'],
      '合格',
      '已通过',
      '组内互评 → 复评均已通过',
    ]);
    // A teacher's ability with no review at a stage leaves that stage's columns empty.
    const li = table.find((r) => r[0] === '李娜');
    expect(li?.slice(15, 21)).toEqual(['', '', '', '', '', '']);
  });

  it('a review of an older self-check says so in its own column, not in the grade', () => {
    const a = makeDraft({ name: '王晓红', levels: { C5: '优秀' } });
    const review = makeReview(a, { stage: '组内互评', levels: { C5: '合格' }, contentHash: 'old' });
    const merged = mergeArchive({ ...emptyArchive(), selfChecks: [a], reviews: [review] }, STAGES);
    const table = parseCsv(archiveCsv(archiveRows(merged, TEST_ABILITIES), merged.stages));
    expect(table[1]?.slice(9, 11)).toEqual(['合格', '是']);
  });

  it('makes a cell that Excel would run as a formula inert, and quotes commas and quotes', () => {
    const { rows, merged } = school();
    const hostile = rows.map((r) => ({
      ...r,
      teacher: '=HYPERLINK("http://x","点我")',
      school: '一小,"二校"',
    }));
    const table = parseCsv(archiveCsv(hostile, merged.stages));
    expect(table[1]?.[0]).toBe('\'=HYPERLINK("http://x","点我")');
    expect(table[1]?.[1]).toBe('一小,"二校"');
  });
});

describe('fileCheckText', () => {
  const file = (verdict: 'same' | 'different' | 'unrecorded') => ({
    name: 'a.mp4',
    sha256: 'a'.repeat(64),
    verdict,
  });
  it('counts each verdict, the changed files first, and says when nothing was checked', () => {
    expect(fileCheckText([])).toBe('未核对文件');
    expect(fileCheckText([file('same'), file('unrecorded'), file('different'), file('same')])).toBe(
      '核对 4 个文件：1 个与自评时不同，1 个自评时未记录校验值，2 个一致',
    );
    expect(fileCheckText([file('same')])).toBe('核对 1 个文件：1 个一致');
  });
});

describe('CSV property', () => {
  it('any teacher, school or subject text comes back from the CSV as written (formula starts made inert)', () => {
    const { rows, merged } = school();
    const base = defined(rows[0]);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.string(), fc.string(), fc.string()), { minLength: 1, maxLength: 6 }),
        (texts) => {
          const mine = texts.map(([teacher, schoolName, subject], i) => ({
            ...base,
            key: `k${i}`,
            teacher,
            school: schoolName,
            subject,
          }));
          const table = parseCsv(archiveCsv(mine, merged.stages));
          expect(table).toHaveLength(mine.length + 1);
          table.slice(1).forEach((row, i) => {
            const [teacher, schoolName, subject] = defined(texts[i]);
            expect(row.slice(0, 3)).toEqual([teacher, schoolName, subject].map(neutraliseFormula));
            expect(row).toHaveLength(table[0]?.length ?? 0);
          });
        },
      ),
    );
  });
});
