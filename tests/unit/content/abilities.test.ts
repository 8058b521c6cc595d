import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  abilityMatrix,
  filterAbilities,
  gradedItems,
  limitBadges,
  nationalAbilities,
  needsVerification,
  neighbours,
  restsOnPublicCopies,
  rubricBlocks,
  sortAbilities,
  type AbilityLike,
  type EvidenceItem,
} from '../../../src/lib/content/abilities';
import { confidenceSchema } from '../../../src/content.config';
import {
  DIMENSIONS,
  ENVIRONMENTS,
  NATIONAL_CODES,
  environmentOfCode,
} from '../../../src/lib/content/taxonomy';

function item(id: string, extra: Partial<EvidenceItem> = {}): EvidenceItem {
  return { id, label: id, name: id, forms: ['文本'], required: true, graded: false, limits: {}, ...extra };
}

function ability(code: string, dimension: AbilityLike['dimension'] = '学情分析'): AbilityLike {
  const environment = environmentOfCode(code) ?? '多媒体教学环境';
  return {
    code,
    name: code,
    environment,
    dimension,
    completeness: '待补充',
    alternativeGroups: [],
    evidence: [],
  };
}

describe('sortAbilities', () => {
  it('orders codes A1…A13, B1…B10, C1…C7 whatever the input order', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray([...NATIONAL_CODES], { minLength: NATIONAL_CODES.length }), (codes) => {
        expect(sortAbilities(codes.map((code) => ({ code }))).map((a) => a.code)).toEqual(NATIONAL_CODES);
      }),
    );
  });
});

describe('abilityMatrix', () => {
  it('lays out 3 environments × 4 dimensions and places each ability in its own cell', () => {
    const abilities = [
      ability('A1', '学情分析'),
      ability('A3', '教学设计'),
      ability('A2', '教学设计'),
      ability('C7', '学业评价'),
    ];
    const rows = abilityMatrix(abilities);
    expect(rows.map((r) => r.environment)).toEqual([...ENVIRONMENTS]);
    for (const row of rows) expect(row.cells.map((c) => c.dimension)).toEqual([...DIMENSIONS]);
    expect(rows[0]?.cells[1]?.abilities.map((a) => a.code)).toEqual(['A2', 'A3']);
    expect(rows[2]?.cells[3]?.abilities.map((a) => a.code)).toEqual(['C7']);
    expect(rows[1]?.cells.every((c) => c.abilities.length === 0)).toBe(true);
  });

  it('loses and duplicates nothing', () => {
    const code = fc.constantFrom(...NATIONAL_CODES);
    const dimension = fc.constantFrom(...DIMENSIONS);
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(code, dimension), { selector: ([c]) => c }), (pairs) => {
        const abilities = pairs.map(([c, d]) => ability(c, d));
        const placed = abilityMatrix(abilities).flatMap((r) => r.cells.flatMap((c) => c.abilities));
        expect(placed).toHaveLength(abilities.length);
        expect(new Set(placed)).toEqual(new Set(abilities));
      }),
    );
  });
});

describe('filterAbilities and nationalAbilities', () => {
  const all = [
    ability('A1', '学情分析'),
    ability('B2', '教学设计'),
    ability('C5', '学法指导'),
    ability('C6', '学业评价'),
  ];
  it('filters by environment, dimension, both or neither', () => {
    expect(filterAbilities(all, {})).toEqual(all);
    expect(filterAbilities(all, { environment: '智慧学习环境' }).map((a) => a.code)).toEqual(['C5', 'C6']);
    expect(filterAbilities(all, { dimension: '教学设计' }).map((a) => a.code)).toEqual(['B2']);
    expect(
      filterAbilities(all, { environment: '智慧学习环境', dimension: '学业评价' }).map((a) => a.code),
    ).toEqual(['C6']);
    expect(filterAbilities(all, { environment: '多媒体教学环境', dimension: '学业评价' })).toEqual([]);
  });
  it('keeps regional variants out of the national set', () => {
    const variant = { ...ability('C5'), variant: { region: 'hebei' } };
    expect(nationalAbilities([...all, variant])).toEqual(all);
  });
});

describe('neighbours', () => {
  const all = [ability('B1'), ability('A13'), ability('A1')];
  it('gives previous and next in code order', () => {
    expect(neighbours(all, 'A13')).toEqual({ previous: all[2], next: all[0] });
    expect(neighbours(all, 'A1').previous).toBeUndefined();
    expect(neighbours(all, 'B1').next).toBeUndefined();
    expect(neighbours(all, 'C9')).toEqual({});
  });
});

describe('limitBadges', () => {
  it('states each hard requirement as a short badge', () => {
    expect(limitBadges({ maxMinutes: 10, teacherOnCamera: true })).toEqual([
      '时长 ≤ 10 分钟',
      '须出现教师本人形象',
    ]);
    expect(limitBadges({ maxMinutes: 5, count: 2 })).toEqual(['时长 ≤ 5 分钟（每份）', '2 份']);
    expect(limitBadges({ maxMinutes: 10, maxMinutesQualifier: '原则上' })).toEqual(['时长原则上 ≤ 10 分钟']);
    expect(limitBadges({ maxMinutes: 5, maxMinutesQualifier: '一般' })).toEqual(['时长一般 ≤ 5 分钟']);
    expect(limitBadges({ count: 2 })).toEqual(['2 份']);
    expect(limitBadges({})).toEqual([]);
  });
});

describe('rubricBlocks', () => {
  it('keeps source order and gathers alternatives where the first one stood', () => {
    const group = { id: 'case', label: '2', name: '学生案例', instruction: '二选一' };
    const blocks = rubricBlocks({
      alternativeGroups: [group],
      evidence: [
        item('design'),
        item('works', { alternativeGroup: 'case' }),
        item('video', { alternativeGroup: 'case' }),
        item('reflection'),
      ],
    });
    expect(
      blocks.map((b) =>
        b.kind === 'item' ? b.item.id : `${b.group.id}:${b.items.map((i) => i.id).join('+')}`,
      ),
    ).toEqual(['design', 'case:works+video', 'reflection']);
  });
});

describe('gradedItems', () => {
  it('returns only items graded against criteria', () => {
    const criteria = { excellent: ['a'], pass: ['b'] };
    const items = [item('x', { graded: true, criteria }), item('y'), item('z', { graded: 'unknown' })];
    expect(gradedItems({ evidence: items }).map((i) => i.id)).toEqual(['x']);
  });
});

describe('confidence levels', () => {
  it('marks only facts with a single public copy as needing verification', () => {
    expect(needsVerification('public-1')).toBe(true);
    expect(needsVerification('public-2')).toBe(false);
    expect(needsVerification('seed')).toBe(false);
    expect(needsVerification(undefined)).toBe(false);
  });

  it('says a page rests on public copies when any of its facts does', () => {
    expect(restsOnPublicCopies(['seed', 'seed', undefined])).toBe(false);
    expect(restsOnPublicCopies(['seed', 'public-2'])).toBe(true);
    expect(restsOnPublicCopies([undefined, 'public-1'])).toBe(true);
  });

  it('refuses the retired levels with a message naming the new ones', () => {
    const result = confidenceSchema.safeParse('recall');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain('public-2');
  });
});
