import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkSelection,
  policyRule,
  ruleText,
  teacherRule,
  type AbilityFacts,
} from '../../../../src/lib/school/plan/selection-rule';
import { selectionRuleSchema, type SelectionRule } from '../../../../src/lib/school/plan/plan-file';
import { environmentOfCode, NATIONAL_CODES } from '../../../../src/lib/content/taxonomy';
import type { Policy } from '../../../../src/lib/content/policies';
import { handbookAbilities } from '../../../support/archive-fixtures';
import { readCollection } from '../../../support/content-files';
import { ruleArb, XUSHUI_PLAN } from '../../../support/plan-fixtures';

const ABILITIES: AbilityFacts[] = handbookAbilities();
const byCode = new Map(ABILITIES.map((a) => [a.code, a]));
const POLICIES: Policy[] = readCollection('policies', '.mdx').map((f) => ({
  slug: f.name.replace(/\.mdx$/, ''),
  data: { quotas: [], ...f.data } as unknown as Policy['data'],
}));

const rule = (name: string): SelectionRule => {
  const found = XUSHUI_PLAN.categories.find((c) => c.name === name);
  if (!found) throw new Error(name);
  return found.rule;
};

/** The test's own reading of an “至少” line: in one of its environments and one of its dimensions. */
function fits(code: string, need: SelectionRule['atLeast'][number]): boolean {
  const environment = environmentOfCode(code);
  const dimension = byCode.get(code)?.dimension;
  return (
    (need.environments.length === 0 || need.environments.some((e) => e === environment)) &&
    (need.dimensions.length === 0 || need.dimensions.some((d) => d === dimension))
  );
}

/** A set of codes built to meet `r`, or undefined when the rule asks for what its pool lacks. */
function buildToMeet(r: SelectionRule, order: readonly string[]): string[] | undefined {
  const pool = r.offered.length > 0 ? [...r.required, ...r.offered] : order;
  const chosen = new Set(r.required);
  for (const need of r.atLeast) {
    for (const code of pool) {
      if ([...chosen].filter((c) => fits(c, need)).length >= need.count) break;
      if (fits(code, need)) chosen.add(code);
    }
    if ([...chosen].filter((c) => fits(c, need)).length < need.count) return undefined;
  }
  for (const code of pool) {
    if (chosen.size >= r.count) break;
    chosen.add(code);
  }
  return chosen.size >= r.count ? [...chosen] : undefined;
}

describe('the selection rule', () => {
  it('says the school rule in one sentence a teacher reads', () => {
    expect(ruleText(rule('骨干'), ABILITIES)).toBe(
      '本校要求：完成 3 个，至少 1 个来自混合或智慧学习环境；必修：A1 技术支持的学情分析',
    );
    expect(ruleText(rule('其他'), ABILITIES)).toBe('本校要求：完成 3 个；选修从 A1、A3、B2、C5 中选');
    const mixed: SelectionRule = {
      count: 2,
      atLeast: [
        { count: 1, environments: ['智慧学习环境'], dimensions: ['学业评价'] },
        { count: 1, environments: [], dimensions: ['学法指导', '学业评价'] },
        { count: 1, environments: ['多媒体教学环境', '混合学习环境', '智慧学习环境'], dimensions: [] },
      ],
      required: [],
      offered: [],
    };
    expect(ruleText(mixed, ABILITIES)).toBe(
      '本校要求：完成 2 个，至少 1 个来自智慧学习环境的学业评价维度，至少 1 个来自学法指导或学业评价维度，至少 1 个来自多媒体、混合或智慧学习环境',
    );
  });

  it('says what is missing, one line each', () => {
    expect(checkSelection(rule('骨干'), ['A3'], ABILITIES)).toEqual({
      met: false,
      rule: '本校要求：完成 3 个，至少 1 个来自混合或智慧学习环境；必修：A1 技术支持的学情分析',
      missing: [
        '还差 2 个微能力点（要完成 3 个，已选 1 个）',
        '还差 1 个来自混合或智慧学习环境的微能力点',
        '还差必修 A1 技术支持的学情分析',
      ],
    });
    expect(checkSelection(rule('骨干'), ['A1', 'A3', 'C5'], ABILITIES)).toMatchObject({
      met: true,
      missing: [],
    });
    expect(checkSelection(rule('其他'), ['A1', 'B2', 'C6'], ABILITIES).missing).toEqual([
      'C6 应用数据分析模型 不在本校开设的选修中，请换一个',
    ]);
  });

  it('counts more than asked as met, and a code twice or an unknown code not at all', () => {
    expect(checkSelection(rule('50岁以上'), ['A1', 'A2', 'B1'], ABILITIES).met).toBe(true);
    expect(checkSelection(rule('骨干'), ['A1', 'A1', 'C5', 'X9'], ABILITIES).missing).toEqual([
      '还差 1 个微能力点（要完成 3 个，已选 2 个）',
    ]);
  });

  it('a set built to meet any rule passes; removing a 必修 fails, naming it', () => {
    fc.assert(
      fc.property(ruleArb, fc.shuffledSubarray([...NATIONAL_CODES], { minLength: 30 }), (r, order) => {
        expect(selectionRuleSchema.safeParse(r).success).toBe(true);
        const chosen = buildToMeet(r, order);
        fc.pre(chosen !== undefined);
        if (!chosen) return;
        const check = checkSelection(r, chosen, ABILITIES);
        expect(check).toMatchObject({ met: true, missing: [] });
        for (const code of r.required) {
          const without = checkSelection(
            r,
            chosen.filter((c) => c !== code),
            ABILITIES,
          );
          expect(without.met).toBe(false);
          expect(without.missing).toContain(`还差必修 ${code} ${byCode.get(code)?.name ?? ''}`);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on any list of strings, and is met exactly when nothing is missing', () => {
    fc.assert(
      fc.property(
        ruleArb,
        fc.array(fc.oneof(fc.constantFrom(...NATIONAL_CODES), fc.string())),
        (r, chosen) => {
          const check = checkSelection(r, chosen, ABILITIES);
          expect(check.met).toBe(check.missing.length === 0);
        },
      ),
    );
  });
});

describe('a rule from the region policy', () => {
  it('says so when no policy entry up the tree states one (none does today)', () => {
    for (const slug of ['xushui', 'guangzhou', 'yueqing', 'national', 'nowhere']) {
      expect(policyRule(POLICIES, slug)).toEqual({
        found: false,
        note: '本地区的政策文件没有规定选几个微能力点，请按本校的校本研修与考核方案填写。',
      });
    }
  });

  it('pre-fills from the nearest entry that states a number, with its dimensions', () => {
    const withRule = POLICIES.map((p) =>
      p.slug === 'baoding'
        ? {
            ...p,
            data: {
              ...p.data,
              selection: {
                minAbilities: 3,
                requiredDimensions: ['学情分析', '不存在'],
                text: '每人不少于 3 个',
              },
            },
          }
        : p,
    );
    const found = policyRule(withRule, 'xushui');
    expect(found).toEqual({
      found: true,
      rule: {
        count: 3,
        atLeast: [{ count: 1, environments: [], dimensions: ['学情分析'] }],
        required: [],
        offered: [],
      },
      from: { slug: 'baoding', region: '保定市' },
      text: '每人不少于 3 个',
    });
    if (found.found) expect(selectionRuleSchema.safeParse(found.rule).success).toBe(true);
  });
});

describe('the rule for the teacher the wizard names', () => {
  const plan = XUSHUI_PLAN;

  it('finds the roster entry and the category rule, however the name is padded', () => {
    expect(teacherRule(plan, ' 王 芳 ')).toEqual({
      teachers: [{ name: '王芳', subject: '语文', stage: '小学', category: '骨干' }],
      category: { name: '骨干', rule: rule('骨干') },
    });
  });

  it('warns, without refusing, about a name not on the roster or namesakes of two categories', () => {
    expect(teacherRule(plan, '周杰')).toEqual({
      teachers: [],
      category: undefined,
      warning: '“周杰”不在学校考核方案的教师名单中。如姓名无误，请向学校确认所属类别；自评照常进行。',
    });
    const twice = {
      ...plan,
      roster: [...plan.roster, { name: '王芳', subject: '音乐', stage: '小学', category: '其他' }],
    };
    expect(teacherRule(twice, '王芳')).toMatchObject({
      teachers: [{ category: '骨干' }, { category: '其他' }],
      category: undefined,
      warning: '教师名单中有 2 位“王芳”，类别不同（骨干、其他），请向学校确认自己的类别。',
    });
  });

  it('uses the one category of a plan that has only one, even for a name not on the roster', () => {
    const single = { ...plan, categories: [{ name: '全体', rule: rule('骨干') }] };
    expect(teacherRule(single, '周杰')).toMatchObject({
      category: { name: '全体' },
      warning: expect.any(String) as unknown,
    });
    expect(teacherRule(single, '  ')).toEqual({
      teachers: [],
      category: { name: '全体', rule: rule('骨干') },
    });
  });
});
