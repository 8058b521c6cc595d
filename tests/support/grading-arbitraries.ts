/**
 * fast-check arbitraries for rubrics and a teacher's evidence, shared by the grading and the
 * review property tests.
 */
import fc from 'fast-check';
import { EVIDENCE_FORMS } from '../../src/content.config';
import type { Limits } from '../../src/lib/content/abilities';
import type {
  AbilityEvidence,
  EvidenceFile,
  ItemEvidence,
  Rubric,
  RubricItem,
} from '../../src/lib/grading/grading';

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

export const limitsArb: fc.Arbitrary<Limits> = fc.record(
  {
    maxMinutes: fc.integer({ min: 1, max: 12 }),
    maxMinutesQualifier: fc.constantFrom('原则上' as const, '一般' as const),
    count: fc.integer({ min: 1, max: 3 }),
    teacherOnCamera: fc.boolean(),
  },
  { requiredKeys: [] },
);

export function itemArb(id: string): fc.Arbitrary<RubricItem> {
  return fc
    .record({
      forms: fc.uniqueArray(fc.constantFrom(...EVIDENCE_FORMS), { minLength: 1, maxLength: 3 }),
      required: fc.boolean(),
      graded: fc.constantFrom(true, true, false, 'unknown' as const),
      limits: limitsArb,
      excellent: fc.integer({ min: 1, max: 5 }),
      pass: fc.integer({ min: 1, max: 5 }),
    })
    .map(({ forms, required, graded, limits, excellent, pass }) => ({
      id,
      label: id,
      name: `项${id}`,
      forms,
      required,
      graded,
      limits,
      criteria:
        graded === true
          ? { excellent: range(excellent).map((i) => `优${i}`), pass: range(pass).map((i) => `合${i}`) }
          : undefined,
    }));
}

export const rubricArb: fc.Arbitrary<Rubric> = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.boolean())
  .chain(([n, grouped]) =>
    fc.tuple(...range(n).map((i) => itemArb(`i${i}`))).map((items) => {
      const group = grouped && items.length >= 2;
      return {
        code: 'T1',
        name: '测试',
        origin: '教师录入' as const,
        alternativeGroups: group ? [{ id: 'g', label: '2', name: '任务组', instruction: '二选一' }] : [],
        items: items.map((item, i) =>
          group && i >= items.length - 2 ? { ...item, alternativeGroup: 'g' } : item,
        ),
      };
    }),
  );

// Weighted towards evidence that meets the requirements, so that 合格 and 优秀 are reached often
// enough for the properties to say something about them.
export const fileArb: fc.Arbitrary<EvidenceFile> = fc.record({
  name: fc.constantFrom('a.mp4', 'b.mp3', 'c.png', 'd.pdf', 'e'),
  type: fc.oneof(
    { arbitrary: fc.constantFrom('video/mp4', 'audio/mpeg'), weight: 4 },
    { arbitrary: fc.constantFrom('image/png', 'application/pdf', 'text/plain', ''), weight: 1 },
  ),
  size: fc.nat(),
  durationSeconds: fc.option(
    fc.oneof(
      { arbitrary: fc.integer({ min: 1, max: 60 }), weight: 3 },
      { arbitrary: fc.double({ min: 0, max: 900, noNaN: true }), weight: 1 },
    ),
    { nil: undefined, freq: 5 },
  ),
});

export const ticksArb = fc.oneof(
  fc.array(fc.integer({ min: -1, max: 6 }), { maxLength: 8 }),
  fc.constant(range(6)),
);

export const itemEvidenceArb: fc.Arbitrary<ItemEvidence> = fc.record({
  present: fc.oneof(
    { arbitrary: fc.constant(true), weight: 4 },
    { arbitrary: fc.constant(false), weight: 1 },
  ),
  files: fc.array(fileArb, { maxLength: 3 }),
  manualMinutes: fc.option(fc.double({ min: 0, max: 15, noNaN: true }), { nil: undefined }),
  manualCount: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
  teacherOnCamera: fc.option(
    fc.oneof({ arbitrary: fc.constant(true), weight: 4 }, { arbitrary: fc.constant(false), weight: 1 }),
    { nil: undefined, freq: 5 },
  ),
  excellent: ticksArb,
  pass: ticksArb,
});

export function evidenceArb(rubric: Rubric): fc.Arbitrary<AbilityEvidence> {
  return fc.record({
    chosen: fc
      .option(fc.constantFrom(...rubric.items.map((i) => i.id), 'nothing'), { nil: undefined })
      .map((c): Record<string, string> => (c === undefined ? {} : { g: c })),
    // Some items have no evidence entry at all.
    items: fc
      .tuple(
        ...rubric.items.map((i) =>
          fc.option(itemEvidenceArb, { nil: undefined }).map((e) => [i.id, e] as const),
        ),
      )
      .map((pairs) =>
        Object.fromEntries(pairs.filter((p): p is readonly [string, ItemEvidence] => p[1] !== undefined)),
      ),
  });
}

export const caseArb = rubricArb.chain((rubric) => fc.tuple(fc.constant(rubric), evidenceArb(rubric)));
