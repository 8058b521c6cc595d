import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  duplicateNames,
  formulaLikeCells,
  mergeRoster,
  newCategories,
  unassignedByStage,
} from '../../../../src/lib/school/plan/roster-merge';
import type { RosterTeacher } from '../../../../src/lib/school/plan/plan-file';
import { normalName } from '../../../../src/lib/school/plan/roster-import';
import { xushuiPlan } from '../../../support/plan-fixtures';

const t = (name: string, category = '其他', subject = '', stage = ''): RosterTeacher => ({
  name,
  subject,
  stage,
  category,
});

const teacherArb = fc.record({
  name: fc.constantFrom('王芳', '王 芳', '李娜', '张伟', 'Li Na', '赵敏'),
  subject: fc.constantFrom('', '语文', '数学'),
  stage: fc.constantFrom('', '小学', '初中'),
  category: fc.constantFrom('', '骨干', '其他'),
});
const rosterArb = fc.array(teacherArb, { maxLength: 10 });

describe('merging a staff list into the roster', () => {
  it('replacing gives the list, as read', () => {
    fc.assert(
      fc.property(rosterArb, rosterArb, (existing, incoming) => {
        const r = mergeRoster(existing, incoming, 'replace');
        expect(r.ok && r.roster).toEqual(incoming);
      }),
    );
  });

  it('merging keeps every teacher already there, adds every new one, and twice is once', () => {
    fc.assert(
      fc.property(rosterArb, rosterArb, (existing, incoming) => {
        const r = mergeRoster(existing, incoming, 'merge');
        if (!r.ok) throw new Error(r.error);
        expect(r.roster.slice(0, existing.length).map((x) => x.name)).toEqual(existing.map((x) => x.name));
        const count = (list: RosterTeacher[], name: string) =>
          list.filter((x) => normalName(x.name) === normalName(name)).length;
        for (const x of incoming)
          expect(count(r.roster, x.name)).toBeGreaterThanOrEqual(count(incoming, x.name));
        expect(r.added + r.updated + r.unchanged).toBe(incoming.length);
        const again = mergeRoster(r.roster, incoming, 'merge');
        expect(again.ok && again.roster).toEqual(r.roster);
        expect(again.ok && again.added + again.updated).toBe(0);
      }),
    );
  });

  it('updates a namesake’s fields the list gives, and keeps those it leaves empty', () => {
    const r = mergeRoster([t('王芳', '骨干', '语文', '小学')], [t('王  芳', '其他', '', '')], 'merge');
    expect(r).toMatchObject({ ok: true, added: 0, updated: 1, roster: [t('王芳', '其他', '语文', '小学')] });
  });

  it('refuses a merge that would overflow the plan', () => {
    const many = Array.from({ length: 3000 }, (_, i) => t(`教师${i}`));
    const more = Array.from({ length: 2500 }, (_, i) => t(`新教师${i}`));
    const r = mergeRoster(many, more, 'merge');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/超过学校考核方案能容纳的 5000 人/);
  });
});

describe('what the import preview tells the principal', () => {
  it('lists categories the plan lacks, once each, in order', () => {
    expect(
      newCategories(
        [t('甲', '骨干'), t('乙', '新教师'), t('丙', ''), t('丁', '新教师'), t('戊', '班主任')],
        ['骨干'],
      ),
    ).toEqual(['新教师', '班主任']);
  });

  it('lists cells that look like formulas, and not negative numbers or plain text', () => {
    const rows = [
      { line: 2, notes: [], teacher: t('=HYPERLINK("x")', '其他') },
      { line: 3, notes: [], teacher: t('李娜', '@SUM(1)', '-3', '+1') },
      { line: 4, notes: [], teacher: t('张伟', '-2+3') },
    ];
    expect(formulaLikeCells(rows)).toEqual([
      '第 2 行姓名：=HYPERLINK("x")',
      '第 3 行学段：+1',
      '第 3 行类别：@SUM(1)',
      '第 4 行类别：-2+3',
    ]);
  });

  it('names the duplicates once', () => {
    const rows = ['王芳', '李娜', '王芳', '王芳'].map((name, i) => ({
      line: i + 2,
      notes: [],
      teacher: t(name),
    }));
    expect(duplicateNames(rows)).toEqual(['王芳']);
  });

  it('shows who has no reviewer yet at each school stage', () => {
    const plan = xushuiPlan();
    const open = unassignedByStage(plan.stages, plan.roster, plan.assignments);
    expect(open.map((o) => o.stage)).toEqual(['教师组内互评', '信息化团队复评']);
    expect(open[0]?.teachers).toEqual(['李娜', '张伟', '刘洋', '陈静', '杨光', '赵敏']);
    expect(open[1]?.teachers).toEqual([]);
  });
});
