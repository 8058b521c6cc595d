/** fast-check generators of valid rubrics and rubric packs, shared by the rubric tests. */
import fc from 'fast-check';
import type { ItemForm } from '../../src/lib/rubrics/rubric-editor-draft';
import { makePack, type RubricPack } from '../../src/lib/rubrics/rubric-file';
import {
  EVIDENCE_FORMS,
  RUBRIC_BOUNDS,
  type AbilityRubric,
  type RubricEvidenceItem,
  type RubricSource,
} from '../../src/lib/grading/rubric-schema';
import { NATIONAL_CODES } from '../../src/lib/content/taxonomy';

/** Any Unicode text, Chinese weighted in, 1 to `max` UTF-16 units. */
export const textArb = (max: number): fc.Arbitrary<string> =>
  fc
    .oneof(
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: Math.min(max, 40) }),
      fc.string({
        unit: fc.constantFrom(...'优秀合格标准视频教师出镜，。“”《》 \\"\n'),
        minLength: 1,
        maxLength: 40,
      }),
    )
    .filter((s) => s.length >= 1 && s.length <= max);

const criteriaArb = fc.array(textArb(RUBRIC_BOUNDS.criterionChars), { minLength: 1, maxLength: 5 });

function itemArb(id: string, group: string | undefined): fc.Arbitrary<RubricEvidenceItem> {
  return fc
    .record({
      label: textArb(RUBRIC_BOUNDS.labelChars),
      name: textArb(RUBRIC_BOUNDS.nameChars),
      forms: fc.uniqueArray(fc.constantFrom(...EVIDENCE_FORMS), { minLength: 1, maxLength: 3 }),
      requirement: fc.option(textArb(200), { nil: undefined }),
      required: fc.boolean(),
      graded: fc.constantFrom(true, true, false, 'unknown' as const),
      maxMinutes: fc.option(fc.integer({ min: 1, max: 600 }), { nil: undefined }),
      qualifier: fc.option(fc.constantFrom('原则上' as const, '一般' as const), { nil: undefined }),
      count: fc.option(fc.integer({ min: 1, max: 100 }), { nil: undefined }),
      teacherOnCamera: fc.option(fc.boolean(), { nil: undefined }),
      excellent: criteriaArb,
      pass: criteriaArb,
    })
    .map((r) => ({
      id,
      label: r.label,
      name: r.name,
      forms: r.forms,
      ...(r.requirement === undefined ? {} : { requirement: r.requirement }),
      required: r.required,
      graded: r.graded,
      ...(group === undefined ? {} : { alternativeGroup: group }),
      limits: {
        ...(r.maxMinutes === undefined ? {} : { maxMinutes: r.maxMinutes }),
        ...(r.maxMinutes === undefined || r.qualifier === undefined
          ? {}
          : { maxMinutesQualifier: r.qualifier }),
        ...(r.count === undefined ? {} : { count: r.count }),
        ...(r.teacherOnCamera === undefined ? {} : { teacherOnCamera: r.teacherOnCamera }),
      },
      ...(r.graded === true ? { criteria: { excellent: r.excellent, pass: r.pass } } : {}),
    }));
}

export function abilityRubricArb(code?: string): fc.Arbitrary<AbilityRubric> {
  return fc
    .record({
      code: code === undefined ? fc.constantFrom(...NATIONAL_CODES) : fc.constant(code),
      name: textArb(RUBRIC_BOUNDS.nameChars),
      items: fc.integer({ min: 1, max: 5 }),
      grouped: fc.boolean(),
      groupName: textArb(RUBRIC_BOUNDS.nameChars),
    })
    .chain(({ code: c, name, items, grouped, groupName }) => {
      const group = grouped && items >= 2;
      return fc
        .tuple(
          ...Array.from({ length: items }, (_, i) =>
            itemArb(`item-${i}`, group && i >= items - 2 ? 'choice' : undefined),
          ),
        )
        .map((evidence) => ({
          code: c,
          name,
          alternativeGroups: group
            ? [{ id: 'choice', label: '任务二', name: groupName, instruction: '二选一' }]
            : [],
          evidence,
        }));
    });
}

export const sourceArb: fc.Arbitrary<RubricSource> = fc
  .record({
    title: textArb(200),
    number: fc.option(textArb(60), { nil: undefined }),
    issuer: fc.option(textArb(100), { nil: undefined }),
    year: fc.option(fc.integer({ min: 2019, max: 2030 }).map(String), { nil: undefined }),
    region: fc.option(fc.constantFrom('hebei', 'hebei-baoding', 'guangzhou'), { nil: undefined }),
    regionName: fc.option(textArb(60), { nil: undefined }),
    enteredBy: textArb(60),
    enteredAt: fc.constantFrom('2021', '2021-09', '2025-03-01'),
  })
  .map((s) => Object.fromEntries(Object.entries(s).filter(([, v]) => v !== undefined)) as RubricSource);

export const packArb = (maxAbilities = 4): fc.Arbitrary<RubricPack> =>
  fc
    .tuple(
      sourceArb,
      fc.uniqueArray(fc.constantFrom(...NATIONAL_CODES), { minLength: 1, maxLength: maxAbilities }),
    )
    .chain(([source, codes]) =>
      fc
        .tuple(...codes.map((c) => abilityRubricArb(c)))
        .map((abilities) => makePack(source, abilities, new Date('2025-03-01T08:00:00.000Z'))),
    );

/** Whatever the self-check's rubric entry form can hold: the inputs' own maxLength bounds every text. */
export const itemFormArb: fc.Arbitrary<ItemForm> = fc.record({
  name: fc.string({ maxLength: 100 }),
  form: fc.constantFrom('' as const, ...EVIDENCE_FORMS),
  graded: fc.boolean(),
  maxMinutes: fc.string({ maxLength: 10 }),
  count: fc.string({ maxLength: 10 }),
  teacherOnCamera: fc.boolean(),
  excellent: fc.string({ maxLength: 300 }),
  pass: fc.string({ maxLength: 300 }),
});
