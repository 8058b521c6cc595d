import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deadlineText, planGuide } from '../../../src/components/self-check/plan-guide';
import { makePlan } from '../../../src/lib/school/plan/plan-file';
import { NATIONAL_CODES } from '../../../src/lib/content/taxonomy';
import { handbookAbilities } from '../../support/archive-fixtures';
import { SAVED, XUSHUI_PLAN, xushuiPlan } from '../../support/plan-fixtures';

const ABILITIES = handbookAbilities();
const TODAY = new Date(2025, 4, 3, 15, 30);

describe("the school plan as the teacher's wizard shows it", () => {
  it("gives a rostered teacher their category's rule, the 必修 mark and the verdict", () => {
    const guide = planGuide(xushuiPlan(), ABILITIES, ' 王 芳 ', ['A3'], TODAY);
    expect(guide.school).toBe('徐水区实验小学');
    expect(guide.rosterLine).toBe('骨干 · 语文 · 小学');
    expect(guide.warning).toBeUndefined();
    expect(guide.categoryKnown).toBe(true);
    expect(guide.rules).toHaveLength(1);
    expect(guide.rules[0]?.category).toBe('骨干');
    expect(guide.rules[0]?.check.rule).toBe(
      '本校要求：完成 3 个，至少 1 个来自混合或智慧学习环境；必修：A1 技术支持的学情分析',
    );
    expect(guide.rules[0]?.check.met).toBe(false);
    expect(guide.rules[0]?.check.missing).toContain('还差必修 A1 技术支持的学情分析');
    expect(guide.marks).toEqual({ A1: '必修' });
    expect(planGuide(xushuiPlan(), ABILITIES, '王芳', ['A1', 'A3', 'C5'], TODAY).rules[0]?.check.met).toBe(
      true,
    );
  });

  it('marks the 选修 the school offers when it limits them', () => {
    const guide = planGuide(xushuiPlan(), ABILITIES, '张伟', [], TODAY);
    expect(guide.marks).toEqual({ A1: '本校选修', A3: '本校选修', B2: '本校选修', C5: '本校选修' });
  });

  it('warns about a name not on the roster and shows every category with its own verdict', () => {
    const guide = planGuide(xushuiPlan(), ABILITIES, '周杰', ['A1', 'A3', 'C5'], TODAY);
    expect(guide.warning).toContain('“周杰”不在学校考核方案的教师名单中');
    expect(guide.rosterLine).toBeUndefined();
    expect(guide.categoryKnown).toBe(false);
    expect(guide.rules.map((r) => [r.category, r.check.met])).toEqual([
      ['50岁以上', true],
      ['骨干', true],
      ['其他', true],
    ]);
    expect(guide.marks['A1']).toBe('必修（骨干），本校选修（其他）');
    expect(guide.marks['B2']).toBe('本校选修（其他）');
  });

  it('says nothing about the name before one is typed', () => {
    const guide = planGuide(xushuiPlan(), ABILITIES, '  ', [], TODAY);
    expect(guide.warning).toBeUndefined();
    expect(guide.categoryKnown).toBe(false);
    expect(guide.rules).toHaveLength(3);
  });

  it('places namesakes of one category in it', () => {
    const plan = xushuiPlan();
    plan.roster.push({ name: '王芳', subject: '数学', stage: '初中', category: '骨干' });
    const guide = planGuide(plan, ABILITIES, '王芳', [], TODAY);
    expect(guide.warning).toBeUndefined();
    expect(guide.rosterLine).toBe('骨干（名单中有 2 位同名教师）');
    expect(guide.categoryKnown).toBe(true);
  });

  it('warns about namesakes of different categories', () => {
    const plan = xushuiPlan();
    plan.roster.push({ name: '王芳', subject: '数学', stage: '初中', category: '其他' });
    const guide = planGuide(plan, ABILITIES, '王芳', [], TODAY);
    expect(guide.warning).toContain('有 2 位“王芳”');
    expect(guide.categoryKnown).toBe(false);
    expect(guide.rules).toHaveLength(3);
  });

  it("uses a one-category plan's rule even for a name not on the roster", () => {
    const plan = makePlan(
      {
        ...structuredClone(XUSHUI_PLAN),
        categories: XUSHUI_PLAN.categories.slice(1, 2),
        roster: [],
        assignments: [],
      },
      SAVED,
    );
    const guide = planGuide(plan, ABILITIES, '周杰', ['A1'], TODAY);
    expect(guide.warning).toBeDefined();
    expect(guide.categoryKnown).toBe(true);
    expect(guide.marks).toEqual({ A1: '必修' });
  });

  it("puts the plan, the teacher's rule, the verdict and the deadline on the PDF packet's cover", () => {
    expect(planGuide(xushuiPlan(), ABILITIES, '王芳', ['A3'], TODAY).packetLines).toEqual([
      ['学校考核方案', '徐水区实验小学（2024—2025 学年）'],
      ['本校要求', '骨干：完成 3 个，至少 1 个来自混合或智慧学习环境；必修：A1 技术支持的学情分析'],
      [
        '是否达到',
        '未达到：还差 2 个微能力点（要完成 3 个，已选 1 个）；还差 1 个来自混合或智慧学习环境的微能力点；还差必修 A1 技术支持的学情分析',
      ],
      ['提交自评截止', '2025-05-15'],
    ]);
    expect(planGuide(xushuiPlan(), ABILITIES, '王芳', ['A1', 'A3', 'C5'], TODAY).packetLines[2]).toEqual([
      '是否达到',
      '已达到本校要求',
    ]);
    expect(planGuide(xushuiPlan(), ABILITIES, '周杰', [], TODAY).packetLines[1]).toEqual([
      '本校要求',
      '未能按教师名单确定类别，请对照学校考核方案',
    ]);
  });

  it('shows the self-check deadline with the days left, or that it has passed', () => {
    expect(planGuide(xushuiPlan(), ABILITIES, '王芳', [], TODAY).submitBy).toEqual({
      date: '2025-05-15',
      text: '提交自评截止：2025-05-15（还有 12 天）',
    });
    expect(deadlineText('2025-05-03', TODAY)).toBe('提交自评截止：2025-05-03（就是今天）');
    expect(deadlineText('2025-05-01', TODAY)).toBe('提交自评截止：2025-05-01（已过 2 天，请尽快与学校联系）');
    const plan = xushuiPlan();
    plan.deadlines = [];
    expect(planGuide(plan, ABILITIES, '王芳', [], TODAY).submitBy).toBeUndefined();
  });

  it('shows a bidi control in the file as a visible mark, not reordering the text', () => {
    const plan = xushuiPlan();
    plan.school.name = '甲\u202E乙校';
    expect(planGuide(plan, ABILITIES, '', [], TODAY).school).toBe('甲[U+202E]乙校');
  });

  it('never throws on any typed name and any chosen codes, and marks only codes the plan names', () => {
    const plan = xushuiPlan();
    const named = new Set(plan.categories.flatMap((c) => [...c.rule.required, ...c.rule.offered]));
    fc.assert(
      fc.property(
        fc.string({ maxLength: 30 }),
        fc.array(fc.oneof(fc.constantFrom(...NATIONAL_CODES), fc.string({ maxLength: 4 }))),
        (name, chosen) => {
          const guide = planGuide(plan, ABILITIES, name, chosen, TODAY);
          expect(guide.rules.length).toBeGreaterThan(0);
          for (const code of Object.keys(guide.marks)) expect(named.has(code)).toBe(true);
          expect(guide.categoryKnown || guide.rules.length === plan.categories.length).toBe(true);
        },
      ),
    );
  });
});
