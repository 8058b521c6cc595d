import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { policySchema } from '../../../src/content.config';
import type { Policy, PolicyData } from '../../../src/lib/content/policies';
import {
  DEFAULT_STAGES,
  isReviewStep,
  nextStage,
  packetColumn,
  reviewStages,
  stageName,
} from '../../../src/lib/content/review-stages';
import { readCollection } from '../../support/content-files';

/** The shipped policy collection, as the review page reads it. */
const shipped: Policy[] = readCollection('policies', '.mdx').flatMap((file) => {
  const result = policySchema.safeParse(file.data);
  return result.success ? [{ slug: file.name.replace(/\.mdx$/, ''), data: result.data as PolicyData }] : [];
});

/** A made-up region on the shape of a shipped entry, with its own parent and steps. */
function policy(slug: string, parent: string | undefined, steps?: string[]): Policy {
  const { assessment: _a, ...data } = shipped[0]?.data ?? ({} as PolicyData);
  return { slug, data: { ...data, region: slug, parent, ...(steps ? { assessment: { steps } } : {}) } };
}

const names = (slug: string) => reviewStages(shipped, slug).stages.map((s) => s.name);

describe('review stages from the shipped policies', () => {
  it('Hebei names three review stages, without the province’s spot check', () => {
    expect(names('hebei')).toEqual(['教师组内互评', '信息化团队复评', '县级专家团队审核认定']);
    expect(reviewStages(shipped, 'hebei').stages.map((s) => s.column)).toEqual([
      '组内互评',
      '复评',
      '县级专家团队审核认定',
    ]);
  });

  it('Xushui has no steps of its own and takes Baoding’s, which match Hebei’s', () => {
    const xushui = shipped.find((p) => p.slug === 'xushui');
    expect(xushui?.data.assessment).toBeUndefined();
    expect(reviewStages(shipped, 'xushui')).toEqual({
      stages: reviewStages(shipped, 'hebei').stages,
      from: { slug: 'baoding', region: '保定市' },
    });
  });

  it('Jiangsu’s 基层考核小组 is its one review stage, named without its parenthesis', () => {
    expect(names('jiangsu')).toEqual(['基层考核小组考核本校教师和教研组上传的考核数据']);
  });

  it('regions that name no review stage, and unknown regions, get 组内互评 and 复评', () => {
    for (const slug of ['guangzhou', 'shanghai', 'yueqing', 'national', '', 'other', 'nowhere']) {
      expect(reviewStages(shipped, slug)).toEqual({
        stages: [
          { name: '组内互评', column: '组内互评' },
          { name: '复评', column: '复评' },
        ],
      });
    }
  });
});

describe('review stage rules', () => {
  it('reads review steps and skips uploads and spot checks', () => {
    expect(isReviewStep('教师组内互评')).toBe(true);
    expect(isReviewStep('县级专家团队审核认定')).toBe(true);
    expect(isReviewStep('省市专家团队抽查')).toBe(false);
    expect(isReviewStep('教师和教研组上传考核数据')).toBe(false);
    expect(stageName('甲（说明）乙(note)')).toBe('甲乙');
    expect(packetColumn('教研组内互评')).toBe('组内互评');
    expect(packetColumn('学校复评')).toBe('复评');
    expect(packetColumn('县级审核')).toBe('县级审核');
  });

  it('follows parents past entries without review steps, and survives a cycle', () => {
    const tree = [
      policy('root', undefined, ['甲组互评']),
      policy('mid', 'root', ['上传']),
      policy('leaf', 'mid'),
    ];
    expect(reviewStages(tree, 'leaf').from?.slug).toBe('root');
    const cycle = [policy('a', 'b'), policy('b', 'a')];
    expect(reviewStages(cycle, 'a').stages.map((s) => s.name)).toEqual([...DEFAULT_STAGES]);
  });

  it('offers the first stage not yet reviewed', () => {
    const stages = reviewStages(shipped, 'hebei').stages;
    expect(nextStage(stages, [])?.name).toBe('教师组内互评');
    expect(nextStage(stages, ['教师组内互评'])?.name).toBe('信息化团队复评');
    expect(nextStage(stages, ['组内互评'])?.name).toBe('信息化团队复评');
    expect(
      nextStage(
        stages,
        stages.map((s) => s.name),
      )?.name,
    ).toBe('县级专家团队审核认定');
  });

  it('always gives at least one stage, each once, whatever the steps say', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 12 }), { maxLength: 6 }), (steps) => {
        const plan = reviewStages([policy('x', undefined, steps)], 'x');
        expect(plan.stages.length).toBeGreaterThan(0);
        expect(new Set(plan.stages.map((s) => s.name)).size).toBe(plan.stages.length);
        for (const s of plan.stages) expect(s.name).not.toBe('');
        if (plan.from) for (const s of plan.stages) expect(steps.map(stageName)).toContain(s.name);
      }),
    );
  });
});
