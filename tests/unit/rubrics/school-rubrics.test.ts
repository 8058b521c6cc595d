import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { abilitySchema } from '../../../src/content.config';
import { emptyDraft, exportDraftText, importDraftText, type Draft } from '../../../src/lib/self-check/draft';
import { typesetData } from '../../../src/lib/content/chinese-typography';
import {
  gradeAbility,
  rubricFromAbility,
  type AbilityEvidence,
  type Rubric,
} from '../../../src/lib/grading/grading';
import { makePack, packPreview, schoolRubric } from '../../../src/lib/rubrics/rubric-file';
import { regionalEntry } from '../../../src/lib/rubrics/rubric-entry';
import {
  applyPack,
  regionalRubricFor,
  rubricOriginText,
  variantSource,
  type RegionalRubric,
} from '../../../src/lib/rubrics/school-rubrics';
import { readCollection } from '../../support/content-files';
import { abilityRubricArb, sourceArb } from '../../support/rubric-arbitraries';

const source = {
  title: '某省考核指南',
  number: '某教〔2021〕5号',
  enteredBy: '实验小学信息化团队',
  enteredAt: '2025-03-01',
};
const a6 = {
  code: 'A6',
  name: '技术支持的课堂讲授',
  alternativeGroups: [],
  evidence: [
    {
      id: 'clip',
      label: '1',
      name: '讲授片段',
      forms: ['视频' as const],
      required: true,
      graded: true as const,
      limits: { maxMinutes: 10 },
      criteria: { excellent: ['优1', '优2'], pass: ['合1'] },
    },
  ],
};
const pack = makePack(source, [a6], new Date('2025-03-01T00:00:00Z'));

const national = (code: string) => {
  const file = readCollection('abilities', '.mdx').find((f) => f.data['code'] === code && !f.data['variant']);
  if (!file) throw new Error(code);
  return abilitySchema.parse(file.data);
};

describe('rubricOriginText', () => {
  it('tells the handbook, the teacher, a school file and a regional version apart', () => {
    const base: Rubric = { code: 'A6', name: 'x', origin: '手册', alternativeGroups: [], items: [] };
    expect(rubricOriginText(undefined)).toBe('尚未录入');
    expect(rubricOriginText(base)).toBe('本手册');
    expect(rubricOriginText({ ...base, origin: '教师录入' })).toBe('教师录入（按本地考核指南）');
    expect(rubricOriginText({ ...base, origin: '学校文件', source })).toBe(
      '学校文件。评价标准来源：《某省考核指南》（某教〔2021〕5号），由实验小学信息化团队录入',
    );
    expect(
      rubricOriginText({
        ...base,
        source: variantSource({ regionName: '测试省', document: '测试省考核指南' }),
      }),
    ).toBe('本手册（测试省版）。评价标准来源：《测试省考核指南》');
  });
});

describe('applyPack', () => {
  const ticked: AbilityEvidence = {
    chosen: {},
    items: { clip: { present: true, files: [], manualMinutes: 8, excellent: [0, 1], pass: [0] } },
  };

  it('makes the file’s abilities gradable, keeping evidence whose criteria did not change', () => {
    const applied = applyPack({}, { A6: ticked }, pack, () => schoolRubric(a6));
    expect(applied.replaced).toEqual([]);
    expect(applied.rubrics['A6']).toMatchObject({ origin: '学校文件', source });
    expect(applied.evidence['A6']).toEqual(ticked);
    const rubric = applied.rubrics['A6'];
    expect(rubric && gradeAbility(rubric, applied.evidence['A6']).grade).toBe('优秀');
  });

  it('replaces the teacher’s own rubric, clearing ticks that pointed at other criteria', () => {
    const own: Rubric = { ...rubricFromAbility(a6), origin: '教师录入' };
    const changed = {
      ...own,
      items: own.items.map((i) => ({ ...i, criteria: { excellent: ['别的'], pass: ['别的'] } })),
    };
    const applied = applyPack({ A6: changed }, { A6: ticked }, pack, () => undefined);
    expect(applied.replaced).toEqual(['A6']);
    expect(applied.evidence['A6']?.items['clip']).toMatchObject({
      present: true,
      manualMinutes: 8,
      excellent: [],
      pass: [],
    });
  });
});

describe('rubric text from a file, as shown', () => {
  const hostile = {
    ...a6,
    name: '讲授\u202E片段',
    evidence: a6.evidence.map((e) => ({
      ...e,
      name: 'evil\u202Egpm.exe',
      criteria: { excellent: ['优1\u2067', '优2'], pass: ['合1'] },
    })),
  };
  const pack = makePack({ ...source, title: '指南\u202E' }, [hostile], new Date('2025-03-01T08:00:00.000Z'));

  it('shows bidi controls as marks in the wizard, the preview and the regional entry, never active', () => {
    const rubric = schoolRubric(hostile);
    expect(rubric.items[0]?.name).toBe('evil[U+202E]gpm.exe');
    expect(rubric.items[0]?.criteria?.excellent[0]).toBe('优1[U+2067]');
    const applied = applyPack({}, {}, pack, () => undefined);
    expect(rubricOriginText(applied.rubrics['A6'])).toContain('《指南[U+202E]》');
    const preview = packPreview(pack);
    expect(preview.sourceLine).toContain('指南[U+202E]');
    expect(preview.abilities[0]?.name).toBe('讲授[U+202E]片段');
    expect(preview.abilities[0]?.readiness).toBe('可以评分。');
    const partial = makePack(source, [
      {
        ...a6,
        evidence: a6.evidence.map((e) => ({ ...e, graded: 'unknown' as const, criteria: undefined })),
      },
    ]);
    expect(packPreview(partial).abilities[0]?.readiness).toBe(
      '还不能评分：第 1 项证据“讲授片段”：还没写明是否评分（考核指南没有写明）；要评分的请填写优秀和合格标准。',
    );
    const national = readCollection('abilities', '.mdx').find((f) => f.data['code'] === 'A6')?.data;
    if (!national) throw new Error('A6 exists');
    const entry = regionalEntry(hostile, pack.source, national as never, {
      slug: 'baoding',
      name: '河北省保定市',
    });
    expect(JSON.stringify(entry)).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    expect(entry.body).toContain('指南[U+202E]');
  });
});

describe('regionalRubricFor', () => {
  const make = (region: string, appliesTo: string[], depth: number, canGrade = true): RegionalRubric => ({
    code: 'A6',
    region,
    appliesTo,
    depth,
    rubric: { code: 'A6', name: region, origin: '手册', alternativeGroups: [], items: [] },
    canGrade,
  });
  const province = make('hebei', ['hebei', 'baoding', 'xushui'], 1);
  const city = make('baoding', ['baoding', 'xushui'], 2);

  it('offers a region’s version to its own teachers and those of the regions under it, nearest first', () => {
    expect(regionalRubricFor([province, city], 'A6', 'xushui')?.region).toBe('baoding');
    expect(regionalRubricFor([province, city], 'A6', 'hebei')?.region).toBe('hebei');
    expect(regionalRubricFor([province, city], 'A6', 'guangzhou')).toBeUndefined();
    expect(regionalRubricFor([province, city], 'A6', '')).toBeUndefined();
    expect(regionalRubricFor([province, city], 'A7', 'xushui')).toBeUndefined();
  });

  it('offers a version that cannot grade yet, but prefers one that can', () => {
    const partialCity = make('baoding', ['baoding', 'xushui'], 2, false);
    expect(regionalRubricFor([partialCity], 'A6', 'xushui')).toMatchObject({
      region: 'baoding',
      canGrade: false,
    });
    expect(regionalRubricFor([province, partialCity], 'A6', 'xushui')?.region).toBe('hebei');
  });
});

describe('regionalEntry (npm run rubric:add)', () => {
  it('property: the entry it writes is valid content and grades exactly as the file', () => {
    const evidenceArb = fc.record({
      present: fc.boolean(),
      manualMinutes: fc.option(fc.integer({ min: 1, max: 700 }), { nil: undefined }),
      manualCount: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
      teacherOnCamera: fc.option(fc.boolean(), { nil: undefined }),
      excellent: fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 6 }),
      pass: fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 6 }),
    });
    fc.assert(
      fc.property(
        fc.constantFrom('A6', 'A1', 'C5', 'B3').chain((code) => fc.tuple(abilityRubricArb(code), sourceArb)),
        fc.array(evidenceArb, { minLength: 5, maxLength: 5 }),
        fc.boolean(),
        ([ability, src], pieces, chooseFirst) => {
          const entry = regionalEntry(ability, src, national(ability.code), {
            slug: 'test-region',
            name: '测试省',
          });
          const parsed = abilitySchema.parse(JSON.parse(JSON.stringify(entry.data)));
          const group = ability.alternativeGroups[0];
          const members = ability.evidence.filter((e) => e.alternativeGroup === group?.id);
          const evidence: AbilityEvidence = {
            chosen: group ? { [group.id]: (chooseFirst ? members[0] : members[1])?.id ?? '' } : {},
            items: Object.fromEntries(
              ability.evidence.map((e, i) => [
                e.id,
                { present: false, excellent: [], pass: [], ...pieces[i % 5], files: [] },
              ]),
            ),
          };
          // Pages and the wizard read content typeset (collections.ts); so does schoolRubric.
          expect(gradeAbility(typesetData(rubricFromAbility(parsed)), evidence)).toEqual(
            gradeAbility(schoolRubric(ability), evidence),
          );
          expect(parsed.variant).toMatchObject({
            region: 'test-region',
            regionName: '测试省',
            enteredBy: src.enteredBy,
          });
        },
      ),
      { numRuns: 120 },
    );
  });
});

describe('a school file’s rubric in the self-check draft', () => {
  const now = new Date('2025-03-02T08:00:00.000Z');
  const applied = applyPack({}, {}, pack, () => undefined);
  const draft: Draft = { ...emptyDraft(now), customRubrics: applied.rubrics as Draft['customRubrics'] };

  it('survives export and import with its origin and source', () => {
    const result = importDraftText(exportDraftText(draft, now));
    expect(result.ok && result.draft.customRubrics['A6']).toMatchObject({ origin: '学校文件', source });
    expect(result.ok && result.setAside).toEqual([]);
  });

  it('keeps the rubric when only its source is damaged, and says so', () => {
    const text = exportDraftText(draft, now).replace('"enteredBy": "实验小学信息化团队"', '"enteredBy": 7');
    const result = importDraftText(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.draft.customRubrics['A6']).toMatchObject({ origin: '学校文件', code: 'A6' });
    expect(result.draft.customRubrics['A6']?.source).toBeUndefined();
    expect(result.setAside.join('')).toContain('已舍弃');
  });
});
