import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { abilityStatus, STATUSES, type StageOutcome } from '../../../src/lib/school/archive-status';

const STAGES = ['组内互评', '复评'];
const outcomes = (entries: Record<string, StageOutcome>) => new Map(Object.entries(entries));

describe('abilityStatus: the status machine of the school archive', () => {
  it('is 未评审 with no review, naming the first stage', () => {
    expect(abilityStatus(STAGES, outcomes({}))).toEqual({
      status: '未评审',
      detail: '尚未组内互评',
      final: undefined,
    });
  });

  it('is 待复评 once 组内互评 is passed and 复评 is missing', () => {
    const r = abilityStatus(STAGES, outcomes({ 组内互评: { grade: '合格', stale: false } }));
    expect(r).toEqual({ status: '待复评', detail: '待复评', final: undefined });
  });

  it('names a later stage as the policy calls it (Hebei)', () => {
    const hebei = ['教师组内互评', '信息化团队复评', '县级专家团队审核认定'];
    const r = abilityStatus(
      hebei,
      outcomes({
        教师组内互评: { grade: '优秀', stale: false },
        信息化团队复评: { grade: '合格', stale: false },
      }),
    );
    expect(r.status).toBe('待复评');
    expect(r.detail).toBe('待县级专家团队审核认定');
  });

  it('is 需修改 when a stage grades 不合格, even after an earlier pass', () => {
    const r = abilityStatus(
      STAGES,
      outcomes({ 组内互评: { grade: '合格', stale: false }, 复评: { grade: '不合格', stale: false } }),
    );
    expect(r).toEqual({ status: '需修改', detail: '复评不合格，退回修改', final: undefined });
  });

  it('is 需重新评审 when the review is of an earlier self-check, whatever its grade', () => {
    const r = abilityStatus(STAGES, outcomes({ 组内互评: { grade: '优秀', stale: true } }));
    expect(r.status).toBe('需重新评审');
    expect(r.detail).toBe('自评已更新，需重新组内互评');
  });

  it('is 无法评定 when the reviewer could not grade (criteria unknown)', () => {
    expect(abilityStatus(STAGES, outcomes({ 组内互评: { grade: undefined, stale: false } })).status).toBe(
      '无法评定',
    );
  });

  it('is 已通过 with the last stage’s grade as the final result', () => {
    const r = abilityStatus(
      STAGES,
      outcomes({ 组内互评: { grade: '优秀', stale: false }, 复评: { grade: '合格', stale: false } }),
    );
    expect(r).toEqual({ status: '已通过', detail: '组内互评 → 复评均已通过', final: '合格' });
  });

  it('stays 未评审 when only a later stage reviewed, and says which is missing', () => {
    const r = abilityStatus(STAGES, outcomes({ 复评: { grade: '优秀', stale: false } }));
    expect(r.status).toBe('未评审');
    expect(r.detail).toBe('尚未组内互评（已有复评，缺组内互评）');
  });

  it('property: 已通过 exactly when every stage has a current review at 合格 or better', () => {
    const outcome = fc.option(
      fc.record({
        grade: fc.constantFrom('优秀', '合格', '不合格', undefined),
        stale: fc.boolean(),
      }),
      { nil: undefined },
    );
    fc.assert(
      fc.property(fc.array(outcome, { minLength: 1, maxLength: 5 }), (list) => {
        const stages = list.map((_, i) => `环节${i + 1}`);
        const map = new Map<string, StageOutcome>();
        list.forEach((o, i) => o && map.set(stages[i] ?? '', o as StageOutcome));
        const r = abilityStatus(stages, map);
        expect(STATUSES).toContain(r.status);
        const allPass = list.every((o) => o && !o.stale && (o.grade === '优秀' || o.grade === '合格'));
        expect(r.status === '已通过').toBe(allPass);
        expect(r.final).toBe(allPass ? list[list.length - 1]?.grade : undefined);
      }),
    );
  });
});
