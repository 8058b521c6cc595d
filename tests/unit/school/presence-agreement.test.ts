/**
 * One presence rule and one reading of the ticks, everywhere (issue 18). For any evidence the
 * wizard can produce — typed out with the ready box unticked or ticked, files, a sentence that
 * stands in both criteria lists ticked in either box — the places that read an item's presence
 * or ticks agree: the wizard's grade, the exported self-check file as /review/ and /school/ read
 * it, the review file, the packet's content, and the archive's rows, details and status.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyArchive } from '../../../src/lib/school/archive-file';
import { readIncoming } from '../../../src/lib/school/archive-intake';
import { mergeArchive } from '../../../src/lib/school/archive-merge';
import { abilityDetails, archiveRows } from '../../../src/lib/school/archive-rows';
import { emptyDraft, exportDraftText, type Draft } from '../../../src/lib/self-check/draft';
import {
  effectiveTicks,
  gradeAbility,
  isPresent,
  type AbilityEvidence,
  type ItemEvidence,
  type Rubric,
  type RubricItem,
} from '../../../src/lib/grading/grading';
import { buildPacket } from '../../../src/lib/pdf/packet';
import {
  buildReviewFile,
  compareAbility,
  openReviewInput,
  packetReview,
  type ReviewerAbilityInput,
} from '../../../src/lib/review/review';
import { exportReviewText, type ReviewFile } from '../../../src/lib/review/review-file';
import { fileArb, limitsArb } from '../../support/grading-arbitraries';

const CODE = 'C6';
const STAGES = ['组内互评', '复评'];
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** 合格 sentences, and 优秀 ones of which some repeat a 合格 sentence word for word. */
const criteriaArb = fc
  .tuple(
    fc.integer({ min: 1, max: 4 }),
    fc.array(fc.option(fc.nat(3), { nil: undefined }), { minLength: 1, maxLength: 5 }),
  )
  .map(([passCount, excellent]) => {
    const pass = range(passCount).map((i) => `合格标准${i}`);
    const shared = new Set<number>();
    const excellentTexts = excellent.map((p, i) => {
      if (p === undefined || p >= passCount || shared.has(p)) return `优秀标准${i}`;
      shared.add(p);
      return `合格标准${p}`;
    });
    return { excellent: excellentTexts, pass };
  });

const itemArb = (i: number): fc.Arbitrary<RubricItem> =>
  fc
    .record({
      forms: fc.constantFrom(['文本'], ['视频'], ['文本', '图片'], ['音频', '视频'], ['文件']),
      required: fc.boolean(),
      graded: fc.constantFrom(true, true, true, false, 'unknown' as const),
      limits: limitsArb,
      criteria: criteriaArb,
    })
    .map(({ forms, required, graded, limits, criteria }) => ({
      id: `item-${i}`,
      label: String(i + 1),
      name: `证据${i + 1}`,
      forms,
      required,
      graded,
      limits,
      ...(graded === true ? { criteria } : {}),
    }));

const rubricArb: fc.Arbitrary<Rubric> = fc.integer({ min: 1, max: 3 }).chain((n) =>
  fc.tuple(...range(n).map(itemArb)).map((items) => ({
    code: CODE,
    name: '应用数据分析模型',
    origin: '教师录入' as const,
    alternativeGroups: [],
    items,
  })),
);

/** What the wizard writes for an item: the ready box either way, text typed or not, files, ticks. */
const uiEvidenceArb: fc.Arbitrary<ItemEvidence> = fc.record(
  {
    present: fc.boolean(),
    title: fc.constantFrom('', '  ', '学习风格模型介绍'),
    description: fc.constantFrom('', ' \n ', '模型的背景、功能\n和适用对象。'),
    files: fc.array(
      fc
        .tuple(fileArb, fc.option(fc.constantFrom('a'.repeat(64), 'b'.repeat(64)), { nil: undefined }))
        .map(([f, sha256]) => ({
          ...f,
          ...(f.durationSeconds === undefined ? { durationSeconds: undefined } : {}),
          ...(sha256 ? { sha256 } : {}),
        })),
      { maxLength: 3 },
    ),
    manualMinutes: fc.double({ min: 0, max: 15, noNaN: true }),
    manualCount: fc.integer({ min: 0, max: 3 }),
    teacherOnCamera: fc.boolean(),
    excellent: fc.uniqueArray(fc.nat(5), { maxLength: 6 }),
    pass: fc.uniqueArray(fc.nat(4), { maxLength: 5 }),
  },
  { requiredKeys: ['present', 'files', 'excellent', 'pass'] },
);

const caseArb = rubricArb.chain((rubric) =>
  fc.tuple(
    fc.constant(rubric),
    fc
      .tuple(...rubric.items.map(() => fc.option(uiEvidenceArb, { nil: undefined, freq: 6 })))
      .map((entries): AbilityEvidence => ({
        chosen: {},
        items: Object.fromEntries(
          rubric.items.flatMap((item, i) => (entries[i] ? [[item.id, entries[i]]] : [])),
        ),
      })),
  ),
);

function draftOf(rubric: Rubric, evidence: AbilityEvidence): Draft {
  return {
    ...emptyDraft(new Date('2026-12-07T01:00:00.000Z')),
    id: '0f8e6c2a-1b3d-4e5f-8a9b-0c1d2e3f4a5b',
    profile: {
      name: '王老师',
      school: '徐水区第一中学',
      subject: '数学',
      stage: '初中',
      region: '',
      environment: '',
    },
    abilities: [CODE],
    evidence: { [CODE]: evidence },
    customRubrics: { [CODE]: { ...rubric, origin: '教师录入' } },
  };
}

/** The reviewer ticks exactly what the teacher ticked. */
function mirrored(evidence: AbilityEvidence): ReviewerAbilityInput {
  return {
    comment: '',
    items: Object.fromEntries(
      Object.entries(evidence.items).map(([id, e]) => [
        id,
        { excellent: [...e.excellent], pass: [...e.pass], comment: '' },
      ]),
    ),
  };
}

function readSelfCheck(text: string): Draft {
  const read = readIncoming({ name: '微能力自评_王老师.json', size: text.length, text });
  if (read.kind !== 'self-check') throw new Error(`not read as a self-check: ${JSON.stringify(read)}`);
  return read.draft;
}

function readReview(file: ReviewFile): ReviewFile {
  const text = exportReviewText(file);
  const read = readIncoming({ name: '评审意见.json', size: text.length, text });
  if (read.kind !== 'review') throw new Error(`not read as a review: ${JSON.stringify(read)}`);
  return read.review;
}

describe('presence and ticks agree in every place that reads them', () => {
  it('wizard grade, exported file, /review/, review file, packet and archive', () => {
    fc.assert(
      fc.property(caseArb, ([rubric, evidence]) => {
        const wizard = gradeAbility(rubric, evidence);
        const draft = draftOf(rubric, evidence);

        // Wizard: an item is 缺交 exactly when isPresent says it is not submitted.
        for (const r of wizard.items) {
          const missing = !isPresent(evidence.items[r.itemId]);
          expect(r.reasons.some((reason) => reason.endsWith('缺交'))).toBe(missing);
        }

        // The exported self-check file, read as /school/ reads it: the same grade, the same presence.
        const text = exportDraftText(draft);
        const carried = readSelfCheck(text);
        expect(gradeAbility(rubric, carried.evidence[CODE])).toEqual(wizard);
        for (const item of rubric.items) {
          expect(isPresent(carried.evidence[CODE]?.items[item.id])).toBe(isPresent(evidence.items[item.id]));
        }

        // /review/ opens the same file; a reviewer who ticks what the teacher ticked agrees on all.
        const opened = openReviewInput(text);
        if (opened.kind !== 'self-check') throw new Error('the review page reads the self-check');
        const comparison = compareAbility(rubric, opened.draft.evidence[CODE], mirrored(evidence));
        expect(comparison.self).toEqual(wizard);
        expect(comparison.reviewer.items.map((i) => i.status)).toEqual(wizard.items.map((i) => i.status));
        expect(comparison.items.map((i) => i.submitted)).toEqual(
          wizard.items.map((i) => isPresent(evidence.items[i.itemId])),
        );
        expect(comparison.differs).toBe(false);
        expect(comparison.items.filter((i) => i.differs)).toEqual([]);

        const reviews = STAGES.map((stage, i) =>
          readReview(
            buildReviewFile({
              draft: opened.draft,
              reviewer: { name: `评审人${i}`, role: '' },
              stage,
              reviewedAt: new Date(`2026-12-0${8 + i}T08:00:00.000Z`),
              abilities: [{ code: CODE, rubric, input: mirrored(evidence) }],
            }),
          ),
        );
        const reviewed = reviews[0]?.abilities[CODE];
        expect(reviewed?.grade).toBe(wizard.grade);
        for (const r of wizard.items) {
          expect(reviewed?.items[r.itemId]).toMatchObject({ grade: r.status, selfGrade: r.status });
        }

        // The packet, made from the carried file with the first review's column filled.
        const packet = buildPacket({
          draft: carried,
          // The handbook knows no criteria here: the teacher's own rubric, carried in the file, grades.
          abilities: [{ code: CODE, name: rubric.name, rubric: undefined }],
          regionName: undefined,
          generatedAt: new Date('2026-12-09T08:00:00.000Z'),
          siteVersion: 'test',
          reviews: reviews.slice(0, 1).map(packetReview),
        });
        const section = packet.sections[0];
        expect(section?.grade).toBe(wizard.grade);
        expect(section?.items.map((i) => [i.itemId, i.status])).toEqual(
          wizard.items.map((i) => [i.itemId, i.status]),
        );
        for (const r of wizard.items) {
          const item = rubric.items.find((i) => i.id === r.itemId);
          if (!item) throw new Error('a counted item is in the rubric');
          const label = `${item.label}. ${item.name}`;
          const ev = evidence.items[item.id];
          const rows = section?.evidence.filter((row) => row.item === label) ?? [];
          expect(rows.some((row) => row.fileName === '（缺交）')).toBe(!isPresent(ev));
          if (isPresent(ev) && ev.files.length > 0) {
            expect(rows.map((row) => row.fileName)).toEqual(ev.files.map((f) => f.name));
          }
          if (!item.criteria) continue;
          const ticks = effectiveTicks(item.criteria, {
            excellent: ev?.excellent ?? [],
            pass: ev?.pass ?? [],
          });
          const lines = section?.criteria.filter((c) => c.item === label) ?? [];
          const metOf = (level: '合格' | '优秀') => lines.filter((c) => c.level === level).map((c) => c.met);
          const reviewOf = (level: '合格' | '优秀') =>
            lines.filter((c) => c.level === level).map((c) => c.reviews[0]);
          expect(metOf('合格')).toEqual(item.criteria.pass.map((_, i) => ticks.pass.has(i)));
          expect(metOf('优秀')).toEqual(item.criteria.excellent.map((_, i) => ticks.excellent.has(i)));
          expect(reviewOf('合格')).toEqual(metOf('合格').map((m) => (m ? '满足' : '未满足')));
          expect(reviewOf('优秀')).toEqual(metOf('优秀').map((m) => (m ? '满足' : '未满足')));
          // What the packet prints never contradicts the grade it prints.
          if (r.status === '优秀') expect(metOf('优秀').every(Boolean)).toBe(true);
          if (r.status === '合格') expect(metOf('合格').every(Boolean)).toBe(true);
        }

        // The archive: the same self-grade, each stage's grade, and a status that follows from it.
        const merged = mergeArchive({ ...emptyArchive(), selfChecks: [carried], reviews }, STAGES);
        const [row] = archiveRows(merged, []);
        expect(row?.selfGrade).toBe(wizard.grade);
        expect(row?.stages.map((s) => s?.grade)).toEqual([wizard.grade, wizard.grade]);
        expect(row?.status).toBe(
          wizard.grade === '不合格' ? '需修改' : wizard.grade === undefined ? '无法评定' : '已通过',
        );
        if (!row) throw new Error('one row');
        const details = abilityDetails(merged, row, []);
        expect(details?.items.map((i) => [i.itemId, i.self, ...i.stages.map((s) => s?.status)])).toEqual(
          wizard.items.map((i) => [i.itemId, i.status, i.status, i.status]),
        );
      }),
      { numRuns: 150 },
    );
  });
});
