import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ItemEvidence } from '../../../src/lib/grading/grading';
import type { Draft } from '../../../src/lib/self-check/draft';
import type { CustomRubric } from '../../../src/lib/self-check/draft-schema';
import type { ReviewerAbilityInput } from '../../../src/lib/review/review';
import {
  carryReview,
  changeSummary,
  itemChanges,
  type ItemVersion,
} from '../../../src/lib/review/review-carry';
import {
  addTeacher,
  emptySession,
  readSession,
  sessionText,
  updateTeacher,
} from '../../../src/lib/review/review-session';
import { defined } from '../../support/archive-fixtures';
import { evidenceArb, rubricArb } from '../../support/grading-arbitraries';
import { handbookRubric, teacherDraft } from '../../support/review-fixtures';

const C5 = handbookRubric('C5');
const handbook = (code: string) => (code === 'C5' ? C5 : undefined);

/** The same self-check exported again later, with `edit` applied to a copy of it. */
function resubmit(draft: Draft, edit: (d: Draft) => void = () => undefined): Draft {
  const next = structuredClone(draft);
  next.savedAt = new Date(Date.parse(draft.savedAt) + 3_600_000).toISOString();
  edit(next);
  return next;
}

const itemOf = (d: Draft, id: string): ItemEvidence => {
  const item = d.evidence['C5']?.items[id];
  if (!item) throw new Error(`no ${id}`);
  return item;
};

/** The reviewer's work on 王老师's C5: two items ticked and commented, an overall comment. */
const REVIEWED: Record<string, ReviewerAbilityInput> = {
  C5: {
    comment: '整体达到合格。',
    items: {
      'case-video': { excellent: [0], pass: [0, 1, 2, 3, 4], comment: '数据来源较单一。' },
      'student-accounts': { excellent: [], pass: [0, 1], comment: '两位学生讲述清楚。' },
    },
  },
};

const carry = (before: Draft, after: Draft, inputs = REVIEWED) =>
  carryReview({ draft: before, inputs }, after, handbook);

describe('what counts as a changed evidence item (itemChanges)', () => {
  const rubricItem = C5.items.find((i) => i.id === 'case-video');
  const version = (evidence: ItemEvidence, over: Partial<ItemVersion> = {}): ItemVersion => ({
    rubricItem,
    evidence,
    counted: true,
    ...over,
  });
  const video = itemOf(teacherDraft(), 'case-video');

  it('is unchanged for the same item, and for spaces added at either end of its text', () => {
    expect(itemChanges(version(video), version(structuredClone(video)))).toEqual([]);
    expect(itemChanges(version(video), version({ ...video, title: ` ${video.title ?? ''}\n` }))).toEqual([]);
  });

  it('sees the text, every file fact and the hard-requirement declarations', () => {
    const [file] = video.files;
    if (!file) throw new Error('no file');
    const changed = (e: ItemEvidence) => itemChanges(version(video), version(e));
    expect(changed({ ...video, title: '另一个标题' })).toEqual(['evidence']);
    expect(changed({ ...video, description: '补充了说明' })).toEqual(['evidence']);
    expect(changed({ ...video, files: [{ ...file, name: '案例2.mp4' }] })).toEqual(['evidence']);
    expect(changed({ ...video, files: [{ ...file, size: file.size + 1 }] })).toEqual(['evidence']);
    expect(changed({ ...video, files: [{ ...file, sha256: 'c'.repeat(64) }] })).toEqual(['evidence']);
    expect(changed({ ...video, files: [] })).toEqual(['evidence']);
    expect(changed({ ...video, teacherOnCamera: false })).toEqual(['evidence']);
    expect(changed({ ...video, manualMinutes: 8 })).toEqual(['evidence']);
    expect(itemChanges(version(video), version(video, { counted: false }))).toEqual(['evidence']);
  });

  it('compares SHA-256 only where both versions recorded one', () => {
    const [file] = video.files;
    if (!file) throw new Error('no file');
    const { sha256: _dropped, ...unhashed } = file;
    expect(itemChanges(version(video), version({ ...video, files: [unhashed] }))).toEqual([]);
  });

  it('sees the teacher’s own ticks as grading counts them', () => {
    expect(itemChanges(version(video), version({ ...video, excellent: [0, 1, 2] }))).toEqual(['self-ticks']);
    // A tick past the end of the list counts for nothing, so it changes nothing.
    expect(itemChanges(version(video), version({ ...video, pass: [...video.pass, 30] }))).toEqual([]);
  });

  it('sees the rubric’s criteria texts, and an item the reviewed version did not have', () => {
    if (!rubricItem?.criteria) throw new Error('no criteria');
    const reworded = {
      ...rubricItem,
      criteria: { ...rubricItem.criteria, pass: ['换了说法', ...rubricItem.criteria.pass.slice(1)] },
    };
    expect(itemChanges(version(video), version(video, { rubricItem: reworded }))).toEqual(['rubric']);
    expect(itemChanges(undefined, version(video))).toEqual(['added']);
  });

  it('says what changed in words for a teacher', () => {
    expect(changeSummary(['evidence', 'rubric'])).toBe(
      '自上次评审后已修改：证据内容（说明、文件或硬性要求的填报）、评价标准。',
    );
    expect(changeSummary(['added'])).toBe('自上次评审后新增的证据。');
  });
});

describe('a review carried over to a resubmission (carryReview)', () => {
  it('carries every tick and comment when nothing changed', () => {
    const before = teacherDraft();
    const result = carry(before, resubmit(before));
    expect(result.inputs).toEqual(REVIEWED);
    expect(result.changed).toEqual({});
    expect(result).toMatchObject({ carried: 2, changedNow: 0 });
  });

  it('clears the ticks of the changed item only, keeps its comment and marks it', () => {
    const before = teacherDraft();
    const after = resubmit(before, (d) => {
      itemOf(d, 'student-accounts').files.pop();
    });
    const result = carry(before, after);
    expect(result.inputs['C5']?.items['case-video']).toEqual(REVIEWED['C5']?.items['case-video']);
    expect(result.inputs['C5']?.items['student-accounts']).toEqual({
      excellent: [],
      pass: [],
      comment: '两位学生讲述清楚。',
    });
    expect(result.inputs['C5']?.comment).toBe('整体达到合格。');
    expect(result.changed).toEqual({ C5: { 'student-accounts': ['evidence'] } });
    expect(result).toMatchObject({ carried: 1, changedNow: 1 });
  });

  it('marks a changed item the reviewer had not judged yet', () => {
    const before = teacherDraft();
    const after = resubmit(before, (d) => {
      itemOf(d, 'scenario').description = '初二（4）班分层作业';
    });
    const result = carry(before, after);
    expect(result.changed).toEqual({ C5: { scenario: ['evidence'] } });
    expect(result.inputs).toEqual(REVIEWED);
  });

  it('drops the ticks but keeps the comment when the teacher’s own rubric was reworded', () => {
    const own: CustomRubric = { ...C5, origin: '教师录入' };
    const before: Draft = { ...teacherDraft(), customRubrics: { C5: own } };
    const after = resubmit(before, (d) => {
      const rubric = d.customRubrics['C5'];
      const video = rubric?.items.find((i) => i.id === 'case-video');
      if (!rubric || !video?.criteria) throw new Error('no criteria');
      d.customRubrics['C5'] = {
        ...rubric,
        items: rubric.items.map((i) =>
          i === video ? { ...i, criteria: { ...defined(video.criteria), excellent: ['新写的优秀标准'] } } : i,
        ),
      };
    });
    const result = carry(before, after);
    expect(result.changed).toEqual({ C5: { 'case-video': ['self-ticks', 'rubric'] } });
    expect(result.inputs['C5']?.items['case-video']).toEqual({
      excellent: [],
      pass: [],
      comment: '数据来源较单一。',
    });
    expect(result.inputs['C5']?.items['student-accounts']).toEqual(REVIEWED['C5']?.items['student-accounts']);
  });

  it('marks the items of a newly chosen ability as added, with nothing to carry', () => {
    const before = teacherDraft();
    const after = resubmit(before, (d) => {
      d.abilities = ['C5', 'C6'];
      d.evidence['C6'] = {
        chosen: {},
        items: { plan: { present: true, files: [], excellent: [], pass: [] } },
      };
    });
    const result = carryReview(
      { draft: before, inputs: { ...REVIEWED, C6: { comment: '旧的', items: {} } } },
      after,
      handbook,
    );
    expect(result.changed['C6']).toEqual({ plan: ['added'] });
    expect(result.inputs['C6']).toBeUndefined();
    expect(result.inputs['C5']).toEqual(REVIEWED['C5']);
  });

  it('keeps earlier marks through a second resubmission, and the ticks given since', () => {
    const v1 = teacherDraft();
    const v2 = resubmit(v1, (d) => {
      itemOf(d, 'case-video').title = '改过的标题';
    });
    const first = carry(v1, v2);
    const rejudged = {
      C5: {
        ...defined(first.inputs['C5']),
        items: {
          ...defined(first.inputs['C5']).items,
          'case-video': { excellent: [], pass: [0, 1], comment: '已核对。' },
        },
      },
    };
    const v3 = resubmit(v2, (d) => {
      itemOf(d, 'scenario').description = '另一个班';
    });
    const second = carryReview({ draft: v2, inputs: rejudged, changed: first.changed }, v3, handbook);
    expect(second.changed).toEqual({ C5: { 'case-video': ['evidence'], scenario: ['evidence'] } });
    expect(second.inputs['C5']?.items['case-video']).toEqual({
      excellent: [],
      pass: [0, 1],
      comment: '已核对。',
    });
    expect(second.changedNow).toBe(1);
  });
});

describe('the carry-over as a property', () => {
  /** Any rubric the teacher typed in (as C5), evidence for it, and a reviewer's entries on every item. */
  const caseArb = rubricArb.chain((shape) => {
    const rubric: CustomRubric = { ...shape, code: 'C5', origin: '教师录入' };
    const inputArb = fc.record({
      excellent: fc.uniqueArray(fc.integer({ min: 0, max: 4 }), { maxLength: 5 }),
      pass: fc.uniqueArray(fc.integer({ min: 0, max: 4 }), { maxLength: 5 }),
      comment: fc.string({ maxLength: 20 }),
    });
    return fc.record({
      rubric: fc.constant(rubric),
      evidence: evidenceArb(rubric),
      inputs: fc.tuple(...rubric.items.map(() => inputArb)),
      comment: fc.string({ maxLength: 20 }),
      target: fc.nat({ max: rubric.items.length - 1 }),
      change: fc.constantFrom('description', 'file', 'ticks', 'criteria'),
    });
  });

  type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;
  const draftOf = (c: Case): { draft: Draft; inputs: Record<string, ReviewerAbilityInput> } => ({
    draft: {
      ...teacherDraft(),
      abilities: ['C5'],
      evidence: { C5: structuredClone(c.evidence) },
      customRubrics: { C5: c.rubric },
    },
    inputs: {
      C5: {
        comment: c.comment,
        items: Object.fromEntries(c.rubric.items.map((item, i) => [item.id, defined(c.inputs[i])])),
      },
    },
  });

  it('an unchanged resubmission carries everything and marks nothing', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const before = draftOf(c);
        const result = carryReview(before, resubmit(before.draft));
        expect(result.inputs).toEqual(before.inputs);
        expect(result.changed).toEqual({});
      }),
    );
  });

  it('changing exactly one item clears and marks exactly that one, keeping its comment', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const before = draftOf(c);
        const target = defined(c.rubric.items[c.target]);
        const change = target.criteria
          ? c.change
          : c.change === 'ticks' || c.change === 'criteria'
            ? 'file'
            : c.change;
        const after = resubmit(before.draft, (d) => {
          const evidence = defined(d.evidence['C5']);
          const item = (evidence.items[target.id] ??= { present: false, files: [], excellent: [], pass: [] });
          if (change === 'description') item.description = `${item.description?.trim() ?? ''}（已修改）`;
          if (change === 'file') item.files.push({ name: '新证据.mp4', type: 'video/mp4', size: 1 });
          if (change === 'ticks') {
            const ticked = new Set(
              item.pass.filter((i) => i >= 0 && i < defined(target.criteria).pass.length),
            );
            item.pass = ticked.has(0) ? [...ticked].filter((i) => i !== 0) : [...ticked, 0];
          }
          if (change === 'criteria') {
            const rubric = defined(d.customRubrics['C5']);
            d.customRubrics['C5'] = {
              ...rubric,
              items: rubric.items.map((i) =>
                i.id === target.id
                  ? {
                      ...i,
                      criteria: {
                        ...defined(i.criteria),
                        pass: defined(i.criteria).pass.map((t) => `${t}（修订）`),
                      },
                    }
                  : i,
              ),
            };
          }
        });
        const result = carryReview(before, after);
        expect(Object.keys(result.changed['C5'] ?? {})).toEqual([target.id]);
        expect(result.changedNow).toBe(1);
        for (const item of c.rubric.items) {
          const was = defined(before.inputs['C5']?.items[item.id]);
          expect(result.inputs['C5']?.items[item.id]).toEqual(
            item.id === target.id ? { excellent: [], pass: [], comment: was.comment } : was,
          );
        }
        expect(result.inputs['C5']?.comment).toBe(c.comment);
      }),
    );
  });
});

describe('a resubmission opened into the reviewer’s session (addTeacher)', () => {
  const opened = () => {
    const v1 = teacherDraft();
    let s = addTeacher(emptySession(), v1, '王老师.json', handbook).session;
    s = updateTeacher(s, v1.id, {
      stage: '教师组内互评',
      inputs: REVIEWED,
      checked: [{ name: '案例.mp4', sha256: 'a'.repeat(64) }],
    });
    return { v1, s };
  };

  it('keeps the stage, the files checked and the unchanged items’ review, and says what it did', () => {
    const { v1, s } = opened();
    const v2 = resubmit(v1, (d) => {
      itemOf(d, 'student-accounts').files.pop();
    });
    const added = addTeacher(s, v2, '王老师_新.json', handbook);
    const [t] = added.session.teachers;
    expect(added.session.teachers).toHaveLength(1);
    expect(t).toMatchObject({
      fileName: '王老师_新.json',
      stage: '教师组内互评',
      checked: [{ name: '案例.mp4' }],
      resubmitted: { since: v1.savedAt, changed: { C5: { 'student-accounts': ['evidence'] } } },
    });
    expect(t?.draft).toBe(v2);
    expect(t?.inputs['C5']?.items['case-video']).toEqual(REVIEWED['C5']?.items['case-video']);
    expect(added.note).toBe(
      '“王老师_新.json”是“王老师.json”的新版本（教师重新提交），已改用“王老师_新.json”：1 项证据自上次评审后已修改，已标出，其勾选已清除、评语保留；其余证据沿用原来的勾选和评语。',
    );
  });

  it('an older file of the same self-check changes nothing', () => {
    const { v1, s } = opened();
    const older = { ...v1, savedAt: '2025-03-01T08:00:00.000Z' };
    expect(addTeacher(s, older, '旧.json', handbook).session).toBe(s);
  });

  it('keeps the marks through a reload, and sets aside marks that do not read', () => {
    const { v1, s } = opened();
    const v2 = resubmit(v1, (d) => {
      itemOf(d, 'case-video').title = '新标题';
    });
    const session = addTeacher(s, v2, '新.json', handbook).session;
    const read = readSession(sessionText(session));
    if (read.status !== 'ok') throw new Error(read.status);
    expect(read.session).toEqual(session);
    expect(read.setAside).toEqual([]);

    const stored = JSON.parse(sessionText(session)) as { teachers: Record<string, unknown>[] };
    defined(stored.teachers[0])['resubmitted'] = {
      since: v1.savedAt,
      changed: { C5: { 'case-video': ['没有这种修改'], scenario: ['evidence'] }, 坏: {} },
    };
    const damaged = readSession(JSON.stringify(stored));
    if (damaged.status !== 'ok') throw new Error(damaged.status);
    expect(damaged.session.teachers[0]?.resubmitted).toEqual({
      since: v1.savedAt,
      changed: { C5: { scenario: ['evidence'] } },
    });
    expect(damaged.setAside).toEqual([
      '王老师的“自上次评审后已修改”标记有部分无法读取，已略去；请对照教师修改过的证据核对评审。',
    ]);
    // The reviewer's ticks and comments read back whole all the same.
    expect(damaged.session.teachers[0]?.inputs).toEqual(session.teachers[0]?.inputs);
  });
});
