import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planPreview } from '../../../../src/lib/school/plan/plan-preview';
import { makePlan } from '../../../../src/lib/school/plan/plan-file';
import { handbookAbilities } from '../../../support/archive-fixtures';
import { packArb } from '../../../support/rubric-arbitraries';
import { SAVED, XUSHUI_PLAN, xushuiPlan } from '../../../support/plan-fixtures';

const ABILITIES = handbookAbilities();

describe('the preview of a plan', () => {
  it('says whose plan it is, who is in which category with which rule, and the stages with their deadlines', () => {
    const regions = new Map([['xushui', '徐水区']]);
    expect(planPreview(xushuiPlan(), ABILITIES, (slug) => regions.get(slug))).toEqual({
      school: '徐水区实验小学',
      region: '徐水区',
      round: '2024—2025 学年',
      teachers: 8,
      categories: [
        { name: '50岁以上', teachers: 2, rule: '本校要求：完成 1 个' },
        {
          name: '骨干',
          teachers: 2,
          rule: '本校要求：完成 3 个，至少 1 个来自混合或智慧学习环境；必修：A1 技术支持的学情分析',
        },
        { name: '其他', teachers: 4, rule: '本校要求：完成 3 个；选修从 A1、A3、B2、C5 中选' },
      ],
      submitBy: '2025-05-15',
      stages: [
        { name: '教师组内互评', where: '校内', deadline: '2025-05-31' },
        { name: '信息化团队复评', where: '校内', deadline: '2025-06-15' },
        { name: '县级专家团队审核认定', where: '校外', deadline: undefined },
        { name: '省市抽查', where: '校外（抽查）', deadline: undefined },
      ],
      assignments: 2,
      rubrics: undefined,
    });
  });

  it('shows the region’s slug when the page does not know it, and the rubric pack it brings', () => {
    const pack = fc.sample(packArb(1), 1)[0];
    const plan = makePlan({ ...structuredClone(XUSHUI_PLAN), ...(pack ? { rubrics: pack } : {}) }, SAVED);
    const preview = planPreview(plan, ABILITIES);
    expect(preview.region).toBe('xushui');
    expect(preview.rubrics?.abilities.map((a) => a.code)).toEqual(pack?.abilities.map((a) => a.code));
  });

  it('shows a name with a right-to-left override as spelled, not reordered', () => {
    const plan = xushuiPlan();
    plan.school.name = '实验\u202E小学';
    expect(planPreview(plan, ABILITIES).school).toBe('实验[U+202E]小学');
  });
});
