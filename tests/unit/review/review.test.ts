import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportDraftText } from '../../../src/lib/self-check/draft';
import { draftContentHash } from '../../../src/lib/self-check/draft-hash';
import { buildPacket } from '../../../src/lib/pdf/packet';
import { gradeAbility, type AbilityEvidence, type Rubric } from '../../../src/lib/grading/grading';
import {
  buildReviewFile,
  compareAbility,
  countedTicks,
  inputFromReview,
  awaitingReviewer,
  inputTooBig,
  MAX_INPUT_BYTES,
  passUnmetButExcellent,
  shownGrade,
  shownStatus,
  openReviewInput,
  packetReview,
  reviewFit,
  reviewerEvidence,
  rubricForReview,
  toggleTick,
  type ReviewerAbilityInput,
} from '../../../src/lib/review/review';
import { importReviewText, exportReviewText } from '../../../src/lib/review/review-file';
import {
  addTeacher,
  emptySession,
  openReviewPageInput,
  sessionText,
} from '../../../src/lib/review/review-session';
import { caseArb } from '../../support/grading-arbitraries';
import { CASE_SHA, handbookRubric, teacherDraft } from '../../support/review-fixtures';

const C5 = handbookRubric('C5');
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

function reviewerInput(items: ReviewerAbilityInput['items'], comment = ''): ReviewerAbilityInput {
  return { comment, items };
}

describe('compareAbility on the handbook’s C5', () => {
  const teacher = teacherDraft().evidence['C5'];

  it('a reviewer who ticks only the 合格 criteria gives 合格 where the teacher gave 优秀, and the item is marked', () => {
    const c = compareAbility(
      C5,
      teacher,
      reviewerInput({ 'case-video': { excellent: [0], pass: range(5), comment: '' } }),
    );
    expect(c.self.grade).toBe('优秀');
    expect(c.reviewer.grade).toBe('合格');
    expect(c.differs).toBe(true);
    const video = c.items.find((i) => i.itemId === 'case-video');
    expect(video).toMatchObject({ differs: true, self: { status: '优秀' }, reviewer: { status: '合格' } });
    expect(c.items.find((i) => i.itemId === 'scenario')).toMatchObject({ differs: false });
  });

  it('a reviewer who ticks nothing finds the graded item 不合格, with the unmet criteria as reasons', () => {
    const c = compareAbility(C5, teacher, undefined);
    expect(c.reviewer.grade).toBe('不合格');
    // …which is the rule's answer, but not yet the reviewer's: the page shows 未评, not a difference.
    expect(c.pending).toBe(true);
    expect(c.differs).toBe(false);
    expect(shownGrade(c)).toBe('未评');
    const video = c.items.find((i) => i.itemId === 'case-video');
    expect(video).toMatchObject({ pending: true, differs: false, reviewer: { status: '不合格' } });
    if (video) expect(shownStatus(video)).toBe('未评');
    expect(c.items.find((i) => i.itemId === 'scenario')).toMatchObject({ pending: false });
    expect(c.reviewer.reasons).toContain(
      '「案例展示」未达合格：清晰、完整地呈现了从发现问题到实施指导的整个过程;',
    );
  });

  it('rechecks the hard limits from the teacher’s file metadata: an 11-minute video fails whatever the reviewer ticks', () => {
    const draft = teacherDraft();
    const video = draft.evidence['C5']?.items['case-video'];
    if (video?.files[0]) video.files[0].durationSeconds = 660;
    const c = compareAbility(
      C5,
      draft.evidence['C5'],
      reviewerInput({ 'case-video': { excellent: range(5), pass: range(5), comment: '' } }),
    );
    expect(c.reviewer.grade).toBe('不合格');
    expect(c.reviewer.reasons.join()).toContain('超过 10 分钟');
  });

  it('uses the rubric the teacher typed in when the draft has one', () => {
    const draft = teacherDraft();
    const custom = { ...C5, origin: '教师录入' as const, name: '自录' };
    draft.customRubrics = { C5: custom };
    expect(rubricForReview(draft, 'C5', C5)).toBe(custom);
    expect(rubricForReview(teacherDraft(), 'C5', C5)).toBe(C5);
    expect(rubricForReview(teacherDraft(), 'A1', undefined)).toBeUndefined();
  });
});

describe('review properties', () => {
  const inputArb = (rubric: Rubric) =>
    fc
      .tuple(
        ...rubric.items.map((item) =>
          fc.record({
            excellent: fc.subarray(range(item.criteria?.excellent.length ?? 0)),
            pass: fc.subarray(range(item.criteria?.pass.length ?? 0)),
            comment: fc.string({ maxLength: 5 }),
          }),
        ),
      )
      .map((ticks) =>
        reviewerInput(
          Object.fromEntries(rubric.items.flatMap((item, i) => (ticks[i] ? [[item.id, ticks[i]]] : []))),
        ),
      );
  const reviewCase = caseArb.chain(([rubric, evidence]) =>
    fc.tuple(fc.constant(rubric), fc.constant(evidence), inputArb(rubric)),
  );

  it('the reviewer’s grade is gradeAbility on the reviewer’s ticks with the teacher’s evidence', () => {
    fc.assert(
      fc.property(reviewCase, ([rubric, evidence, input]) => {
        const byHand: AbilityEvidence = {
          ...evidence,
          items: Object.fromEntries(
            Object.entries(evidence.items).map(([id, item]) => [
              id,
              { ...item, excellent: input.items[id]?.excellent ?? [], pass: input.items[id]?.pass ?? [] },
            ]),
          ),
        };
        const c = compareAbility(rubric, evidence, input);
        expect(c.reviewer).toEqual(gradeAbility(rubric, byHand));
        expect(c.self).toEqual(gradeAbility(rubric, evidence));
      }),
    );
  });

  it('an item is marked exactly when the two statuses differ; the same ticks mark nothing', () => {
    fc.assert(
      fc.property(reviewCase, ([rubric, evidence, input]) => {
        const c = compareAbility(rubric, evidence, input);
        for (const item of c.items)
          expect(item.differs).toBe(!item.pending && item.self.status !== item.reviewer.status);
        expect(c.differs).toBe(!c.pending && c.self.grade !== c.reviewer.grade);
        const same = reviewerInput(
          Object.fromEntries(
            Object.entries(evidence.items).map(([id, e]) => [
              id,
              { excellent: e.excellent, pass: e.pass, comment: '' },
            ]),
          ),
        );
        const mirrored = compareAbility(rubric, evidence, same);
        expect(mirrored.differs).toBe(false);
        expect(mirrored.items.filter((i) => i.differs)).toEqual([]);
      }),
    );
  });

  it('reviewer ticks never change what the hard limits decide: a failed requirement fails for both', () => {
    fc.assert(
      fc.property(reviewCase, ([rubric, evidence, input]) => {
        const c = compareAbility(rubric, evidence, input);
        for (const item of c.items) {
          const hard = item.self.reasons.filter((r) => !r.startsWith('未达'));
          if (item.self.status === '不合格' && hard.length > 0) {
            expect(item.reviewer.status).toBe('不合格');
            expect(item.reviewer.reasons).toEqual(item.self.reasons);
          }
        }
      }),
    );
  });

  it('reviewerEvidence keeps every fact of the teacher’s evidence except the ticks', () => {
    fc.assert(
      fc.property(reviewCase, ([, evidence, input]) => {
        const mine = reviewerEvidence(evidence, input);
        expect(Object.keys(mine.items)).toEqual(Object.keys(evidence.items));
        for (const [id, item] of Object.entries(evidence.items)) {
          const { excellent: _e, pass: _p, ...facts } = item;
          expect(mine.items[id]).toMatchObject(facts);
        }
        expect(mine.chosen).toEqual(evidence.chosen);
      }),
    );
  });
});

describe('buildReviewFile', () => {
  const input = reviewerInput(
    { 'case-video': { excellent: [2, 0], pass: range(5), comment: ' 数据来源单一。 ' } },
    '整体合格。',
  );
  const build = () =>
    buildReviewFile({
      draft: teacherDraft(),
      reviewer: { name: ' 李老师 ', role: '数学教研组长' },
      stage: '教师组内互评',
      reviewedAt: new Date('2025-04-02T09:30:00.000Z'),
      abilities: [
        {
          code: 'C5',
          rubric: C5,
          input,
          files: { 'case-video': [{ name: '案例.mp4', sha256: CASE_SHA, verdict: 'same' }] },
        },
        { code: 'A1', rubric: handbookRubric('A1'), input: undefined },
      ],
    });

  it('records who, when, which self-check, and per item the ticks, comment, both grades and checked files', () => {
    const review = build();
    expect(review).toMatchObject({
      reviewer: { name: '李老师', role: '数学教研组长' },
      stage: '教师组内互评',
      teacher: { name: '王老师', school: '徐水区第一中学' },
      draft: {
        id: teacherDraft().id,
        contentHash: draftContentHash(teacherDraft()),
        savedAt: teacherDraft().savedAt,
      },
    });
    expect(review.abilities['C5']).toEqual({
      grade: '合格',
      selfGrade: '优秀',
      comment: '整体合格。',
      items: {
        scenario: { excellent: [], pass: [], comment: '', grade: '已提交', selfGrade: '已提交' },
        'case-video': {
          excellent: [0, 2],
          pass: range(5),
          comment: '数据来源单一。',
          grade: '合格',
          selfGrade: '优秀',
          files: [{ name: '案例.mp4', sha256: CASE_SHA, verdict: 'same' }],
        },
        'student-accounts': { excellent: [], pass: [], comment: '', grade: '已提交', selfGrade: '已提交' },
      },
    });
    // A1 is not among the teacher's abilities.
    expect(Object.keys(review.abilities)).toEqual(['C5']);
  });

  it('is a valid review file that reads back, and its entries come back as the reviewer’s input', () => {
    const read = importReviewText(exportReviewText(build()));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.review).toEqual(build());
    const back = inputFromReview(read.review, 'C5');
    expect(back?.items['case-video']).toEqual({
      excellent: [0, 2],
      pass: range(5),
      comment: '数据来源单一。',
    });
    expect(compareAbility(C5, teacherDraft().evidence['C5'], back).reviewer.grade).toBe(
      read.review.abilities['C5']?.grade,
    );
    expect(inputFromReview(read.review, 'A1')).toBeUndefined();
  });

  it('tells a review of this self-check from one of an updated self-check and one of another draft', () => {
    const review = build();
    expect(reviewFit(review, teacherDraft())).toBe('current');
    const resaved = { ...teacherDraft(), savedAt: '2025-05-01T00:00:00.000Z', step: 1 };
    expect(reviewFit(review, resaved)).toBe('current');
    const changed = teacherDraft();
    const scenario = changed.evidence['C5']?.items['scenario'];
    if (scenario) scenario.description = '改过的情景描述';
    expect(reviewFit(review, changed)).toBe('outdated');
    expect(reviewFit(review, { ...teacherDraft(), id: 'another-id' })).toBe('other-draft');
  });
});

describe('openReviewInput', () => {
  const review = buildReviewFile({
    draft: teacherDraft(),
    reviewer: { name: '李老师', role: '' },
    stage: '组内互评',
    reviewedAt: new Date('2025-04-02T04:00:00.000Z'),
    abilities: [{ code: 'C5', rubric: C5, input: undefined }],
  });

  it('tells a self-check from a review, and gives the Chinese reason for anything else', () => {
    expect(openReviewInput(exportDraftText(teacherDraft()))).toMatchObject({
      kind: 'self-check',
      draft: { id: teacherDraft().id },
    });
    expect(openReviewInput(exportReviewText(review))).toEqual({ kind: 'review', review });
    expect(openReviewInput('{"app":"微能力手册","kind":"评审意见","version":1}')).toMatchObject({
      kind: 'error',
      error: expect.stringContaining('评审意见文件中'),
    });
    expect(openReviewInput('{"app":"别的"}')).toMatchObject({
      kind: 'error',
      error: expect.stringContaining('不是'),
    });
    expect(openReviewInput('{"app":"微能力手')).toMatchObject({
      kind: 'error',
      error: expect.stringContaining('JSON'),
    });
  });

  it('/review/ also offers review progress downloaded from it, as it was, and names what did not read', () => {
    const draft = teacherDraft();
    const session = addTeacher(
      { ...emptySession(), reviewer: { name: '张老师', role: '' } },
      draft,
      '王.json',
    ).session;
    const text = sessionText(session, new Date('2026-12-07T08:00:00.000Z'), 'r1');
    expect(openReviewPageInput(`\uFEFF${text}`)).toEqual({
      kind: 'session',
      session,
      savedAt: '2026-12-07T08:00:00.000Z',
      setAside: [],
    });
    const data = JSON.parse(text);
    data.teachers.push({ draft: { app: '微能力手册' }, fileName: '坏.json' });
    const partly = openReviewPageInput(JSON.stringify(data));
    expect(partly.kind === 'session' && partly.session.teachers).toHaveLength(1);
    expect(partly.kind === 'session' && partly.setAside.length).toBe(1);
    // Anything else is what openReviewInput makes of it; nothing throws.
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc
            .dictionary(fc.string(), fc.jsonValue())
            .map((d) => JSON.stringify({ ...d, app: '微能力手册', kind: 'review-session' })),
        ),
        (t) => {
          const result = openReviewPageInput(t);
          if (result.kind === 'error') expect(result.error).toMatch(/[\u4e00-\u9fff]/);
        },
      ),
      { numRuns: 200 },
    );
    expect(openReviewPageInput('{"app":"微能力手册","kind":"review-session","version":99}')).toMatchObject({
      kind: 'error',
      error: expect.stringMatching(/[\u4e00-\u9fff]/),
    });
  });

  it('refuses a file too big to be a self-check before it is read', () => {
    expect(inputTooBig(MAX_INPUT_BYTES)).toBeUndefined();
    expect(inputTooBig(300 * 1024 * 1024)).toContain('300.0 MB');
  });

  it('never throws and always answers in Chinese on anything handed to it', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (text) => {
        const result = openReviewInput(text);
        if (result.kind === 'error') expect(result.error).toMatch(/[\u4e00-\u9fff]/);
      }),
      { numRuns: 300 },
    );
  });

  it('turns a review into the packet’s review stage, with the reviewer’s name and role', () => {
    const printed = packetReview({ ...review, reviewer: { name: '李老师', role: '教研组长' } });
    expect(printed).toEqual({
      stage: '组内互评',
      reviewer: '李老师（教研组长）',
      date: expect.stringMatching(/^2025年4月2日$/),
      abilities: review.abilities,
    });
    const packet = buildPacket({
      draft: teacherDraft(),
      abilities: [{ code: 'C5', name: '基于数据的个别化指导', rubric: C5 }],
      regionName: '徐水区',
      generatedAt: new Date('2025-04-03T04:00:00.000Z'),
      siteVersion: 'test',
      reviews: [printed],
    });
    const box = packet.sections[0]?.reviewBoxes.find((b) => b.stage === '组内互评');
    expect(box).toMatchObject({ reviewer: '李老师（教研组长）', grade: review.abilities['C5']?.grade });
  });
});

describe('a sentence in both criteria lists is one tick for the reviewer too', () => {
  // C5's case video: 优秀 criterion 1 has the same words as 合格 criterion 1.
  const criteria = C5.items.find((i) => i.id === 'case-video')?.criteria ?? { excellent: [], pass: [] };

  it('ticking the 合格 box shows the 优秀 twin ticked; unticking either clears both', () => {
    expect(criteria.excellent[0]).toBe(criteria.pass[0]);
    const ticked = toggleTick(criteria, { excellent: [], pass: [] }, 'pass', 0);
    expect(ticked).toEqual({ excellent: [0], pass: [0] });
    expect(toggleTick(criteria, ticked, 'excellent', 0)).toEqual({ excellent: [], pass: [] });
    expect(toggleTick(criteria, { excellent: [], pass: [] }, 'excellent', 1)).toEqual({
      excellent: [1],
      pass: [],
    });
    expect(countedTicks(criteria, { excellent: [], pass: [3, 0] })).toEqual({ excellent: [0], pass: [0, 3] });
  });

  it('any sequence of clicks: the clicked box flips, and grading counts exactly what is shown', () => {
    const click = fc.record({
      level: fc.constantFrom('excellent' as const, 'pass' as const),
      index: fc.nat({ max: 4 }),
    });
    fc.assert(
      fc.property(fc.array(click, { maxLength: 30 }), (clicks) => {
        let ticks = { excellent: [] as number[], pass: [] as number[] };
        for (const { level, index } of clicks) {
          const before = countedTicks(criteria, ticks)[level].includes(index);
          ticks = toggleTick(criteria, ticks, level, index);
          expect(ticks[level].includes(index)).toBe(!before);
          expect(countedTicks(criteria, ticks)).toEqual(ticks);
        }
      }),
    );
  });

  it('the review file records the counted ticks, so 优秀 criterion 1 is kept when 合格 1 is ticked', () => {
    const file = buildReviewFile({
      draft: teacherDraft(),
      reviewer: { name: '李老师', role: '' },
      stage: '组内互评',
      reviewedAt: new Date('2025-04-02T08:00:00.000Z'),
      abilities: [
        {
          code: 'C5',
          rubric: C5,
          input: reviewerInput({ 'case-video': { excellent: [4, 1, 2, 3], pass: range(5), comment: '' } }),
        },
      ],
    });
    expect(file.abilities['C5']?.items['case-video']).toMatchObject({
      excellent: range(5),
      pass: range(5),
      grade: '优秀',
    });
  });
});

describe('未评: an item waits for the reviewer until they tick or comment', () => {
  const teacher = teacherDraft().evidence['C5'];
  const video = C5.items.find((i) => i.id === 'case-video');
  if (!video || !teacher) throw new Error('C5 has a case video');
  const teacherVideo = teacher.items['case-video'];
  const firstFile = teacherVideo?.files[0];
  if (!teacherVideo || !firstFile) throw new Error('the teacher sent a case video');

  it('waits with nothing ticked and no comment; a tick or a comment is a judgement', () => {
    expect(awaitingReviewer(video, teacherVideo, undefined)).toBe(true);
    expect(awaitingReviewer(video, teacherVideo, { excellent: [], pass: [], comment: '  ' })).toBe(true);
    expect(awaitingReviewer(video, teacherVideo, { excellent: [], pass: [2], comment: '' })).toBe(false);
    expect(awaitingReviewer(video, teacherVideo, { excellent: [], pass: [], comment: '均未达到' })).toBe(
      false,
    );
    const judged = compareAbility(C5, teacher, {
      comment: '',
      items: { 'case-video': { excellent: [], pass: [], comment: '均未达到' } },
    });
    expect(judged).toMatchObject({ pending: false, differs: true, reviewer: { grade: '不合格' } });
  });

  it('never waits where the grade does not rest on the ticks: missing, too long, ungraded', () => {
    expect(awaitingReviewer(video, undefined, undefined)).toBe(false);
    expect(awaitingReviewer(video, { ...teacherVideo, present: false, title: '' }, undefined)).toBe(false);
    const long = { ...teacherVideo, files: [{ ...firstFile, durationSeconds: 660 }] };
    expect(awaitingReviewer(video, long, undefined)).toBe(false);
    const scenario = C5.items.find((i) => i.id === 'scenario');
    expect(scenario && awaitingReviewer(scenario, teacher.items['scenario'], undefined)).toBe(false);
  });

  it('the ability shows its grade once it no longer rests on the waiting items', () => {
    const draft = teacherDraft();
    const accounts = draft.evidence['C5']?.items['student-accounts'];
    if (!accounts) throw new Error('the fixture has student accounts');
    accounts.files = accounts.files.slice(0, 1); // one recording where two are required: 不合格
    const c = compareAbility(C5, draft.evidence['C5'], undefined);
    expect(c.items.find((i) => i.itemId === 'case-video')?.pending).toBe(true);
    expect(c.pending).toBe(false);
    expect(shownGrade(c)).toBe('不合格');
  });
});

describe('优秀 with a 合格 criterion left unticked', () => {
  const teacher = teacherDraft().evidence['C5'];
  const video = C5.items.find((i) => i.id === 'case-video');
  if (!video) throw new Error('C5 has a case video');
  const item = (input: ReviewerAbilityInput['items'][string]) => {
    const c = compareAbility(C5, teacher, { comment: '', items: { 'case-video': input } });
    const found = c.items.find((i) => i.itemId === 'case-video');
    if (!found) throw new Error('the video is counted');
    return passUnmetButExcellent(video, found, input);
  };

  it('names the 合格 criteria the rule lets pass (not the one shared with 优秀)', () => {
    expect(item({ excellent: range(5), pass: [], comment: '' })).toEqual([1, 2, 3, 4]);
  });

  it('is empty when not 优秀, or when every 合格 criterion is ticked', () => {
    expect(item({ excellent: range(5), pass: range(5), comment: '' })).toEqual([]);
    expect(item({ excellent: [1], pass: range(5), comment: '' })).toEqual([]);
  });
});
