import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { memoryStore } from '../../../src/lib/files/text-store';
import type { Draft } from '../../../src/lib/self-check/draft';
import { buildReviewFile, toggleTick } from '../../../src/lib/review/review';
import {
  MAX_SESSION_REVIEWS,
  MAX_SESSION_TEACHERS,
  REVIEW_SESSION_KEY,
  REVIEW_SESSION_RESCUE_KEY,
  addTeacher,
  checkResults,
  clearReviewSession,
  emptySession,
  keepSessionReview,
  loadReviewSession,
  readSession,
  saveReviewSession,
  sessionText,
  updateTeacher,
  type ReviewSession,
} from '../../../src/lib/review/review-session';
import { CASE_SHA, handbookRubric, teacherDraft } from '../../support/review-fixtures';

const C5 = handbookRubric('C5');
const CASE_CRITERIA = C5.items.find((i) => i.id === 'case-video')?.criteria ?? { excellent: [], pass: [] };

function teacher(n: number, name = `教师${n}`): Draft {
  const d = teacherDraft();
  return {
    ...d,
    id: `0f8e6c2a-1b3d-4e5f-8a9b-${String(n).padStart(12, '0')}`,
    profile: { ...d.profile, name },
  };
}

const review = (draft: Draft, stage: string, reviewer = '李老师') =>
  buildReviewFile({
    draft,
    reviewer: { name: reviewer, role: '' },
    stage,
    reviewedAt: new Date('2025-04-02T08:00:00.000Z'),
    abilities: [],
  });

/** A session as a reviewer leaves it: two teachers, ticks and comments, checked files, a review. */
function workedSession(): ReviewSession {
  let s = emptySession();
  s = { ...s, reviewer: { name: '李老师', role: '数学教研组长' } };
  s = addTeacher(s, teacher(1, '王老师'), '王老师.json').session;
  s = addTeacher(s, teacher(2, '陈老师'), '陈老师.json').session;
  s = updateTeacher(s, teacher(1).id, {
    stage: '教师组内互评',
    inputs: {
      C5: {
        comment: '整体达到合格。',
        items: { 'case-video': { excellent: [], pass: [0, 1, 2, 3, 4], comment: '数据来源较单一。' } },
      },
    },
    checked: [
      { name: '案例.mp4', sha256: CASE_SHA },
      { name: '学生甲.m4a', sha256: 'c'.repeat(64) },
    ],
  });
  return { ...s, reviews: [review(teacher(2), '教师组内互评')], currentId: teacher(2).id };
}

const roundTrip = (s: ReviewSession) => {
  const read = readSession(sessionText(s));
  if (read.status !== 'ok') throw new Error(read.status);
  return read;
};

describe('the reviewer’s work kept in the browser', () => {
  it('reads back exactly what was kept, and says nothing was set aside', () => {
    const s = workedSession();
    const read = roundTrip(s);
    expect(read.session).toEqual(s);
    expect(read.setAside).toEqual([]);
    // The verdicts are worked out again from the self-check: the case video is the same file.
    const [first] = read.session.teachers;
    expect(first && checkResults(first).map((c) => c.verdict)).toEqual(['same', 'different']);
  });

  it('a second file of the same self-check keeps the newer one, with a note', () => {
    const s = addTeacher(emptySession(), teacher(1), 'a.json').session;
    const older = addTeacher(s, { ...teacher(1), savedAt: '2025-03-01T08:00:00.000Z' }, 'old.json');
    expect(older.session).toBe(s);
    expect(older.note).toBe('“old.json”与已打开的“a.json”是同一份自评，保留较新的“a.json”。');
    const ticked = updateTeacher(s, teacher(1).id, { stage: '复评' });
    const newer = addTeacher(ticked, { ...teacher(1), savedAt: '2025-05-01T08:00:00.000Z' }, 'new.json');
    expect(newer.session.teachers).toHaveLength(1);
    // The teacher's resubmission: the review goes on at the stage chosen (review-carry.test.ts).
    expect(newer.session.teachers[0]).toMatchObject({ fileName: 'new.json', stage: '复评' });
    expect(newer.note).toContain('已改用“new.json”');
  });

  it('stops at the bound of teachers with a message, keeping those open', () => {
    let s = emptySession();
    for (let i = 0; i < MAX_SESSION_TEACHERS; i++) s = addTeacher(s, teacher(i), `${i}.json`).session;
    const over = addTeacher(s, teacher(999), 'over.json');
    expect(over.session.teachers).toHaveLength(MAX_SESSION_TEACHERS);
    expect(over.note).toContain(`一次最多评审 ${MAX_SESSION_TEACHERS} 位教师`);
  });

  it('any sequence of reviewer actions is kept and read back the same', () => {
    const pool = [teacher(1, '王老师'), teacher(2, '陈老师'), teacher(3, '张老师')];
    const pick = (i: number) => pool[i] ?? teacher(1);
    const action = fc.oneof(
      fc.record({
        kind: fc.constant('reviewer' as const),
        name: fc.string({ maxLength: 60 }),
        role: fc.string({ maxLength: 60 }),
      }),
      fc.record({
        kind: fc.constant('open' as const),
        t: fc.nat({ max: 2 }),
        file: fc.string({ maxLength: 40 }),
      }),
      fc.record({ kind: fc.constant('show' as const), t: fc.nat({ max: 2 }) }),
      fc.record({
        kind: fc.constant('stage' as const),
        t: fc.nat({ max: 2 }),
        stage: fc.constantFrom('组内互评', '复评', ''),
      }),
      fc.record({
        kind: fc.constant('tick' as const),
        t: fc.nat({ max: 2 }),
        level: fc.constantFrom('excellent' as const, 'pass' as const),
        index: fc.nat({ max: 4 }),
      }),
      fc.record({
        kind: fc.constant('comment' as const),
        t: fc.nat({ max: 2 }),
        item: fc.constantFrom('case-video', 'scenario', 'student-accounts', 'constructor'),
        text: fc.string({ maxLength: 200 }),
      }),
      fc.record({
        kind: fc.constant('check' as const),
        t: fc.nat({ max: 2 }),
        name: fc.string({ maxLength: 40 }),
        sha256: fc.constantFrom(CASE_SHA, 'd'.repeat(64)),
      }),
      fc.record({
        kind: fc.constant('review' as const),
        t: fc.nat({ max: 2 }),
        stage: fc.constantFrom('组内互评', '复评'),
      }),
    );
    fc.assert(
      fc.property(fc.array(action, { maxLength: 25 }), (actions) => {
        let s = emptySession();
        for (const a of actions) {
          const id = pick(a.kind === 'reviewer' ? 0 : a.t).id;
          const t = s.teachers.find((x) => x.draft.id === id);
          if (a.kind === 'reviewer') s = { ...s, reviewer: { name: a.name, role: a.role } };
          else if (a.kind === 'open') s = addTeacher(s, pick(a.t), a.file).session;
          else if (a.kind === 'review') s = { ...s, reviews: [...s.reviews, review(pick(a.t), a.stage)] };
          else if (!t) continue;
          else if (a.kind === 'show') s = { ...s, currentId: id };
          else if (a.kind === 'stage') s = updateTeacher(s, id, { stage: a.stage });
          else if (a.kind === 'check')
            s = updateTeacher(s, id, { checked: [...t.checked, { name: a.name, sha256: a.sha256 }] });
          else {
            const c5 = t.inputs['C5'] ?? { comment: '', items: {} };
            const key = a.kind === 'tick' ? 'case-video' : a.item;
            const item = (Object.hasOwn(c5.items, key) ? c5.items[key] : undefined) ?? {
              excellent: [],
              pass: [],
              comment: '',
            };
            const next =
              a.kind === 'tick'
                ? { ...item, ...toggleTick(CASE_CRITERIA, item, a.level, a.index) }
                : { ...item, comment: a.text };
            const items = { ...c5.items };
            Object.defineProperty(items, key, {
              value: next,
              enumerable: true,
              writable: true,
              configurable: true,
            });
            s = updateTeacher(s, id, { inputs: { ...t.inputs, C5: { ...c5, items } } });
          }
        }
        const read = roundTrip(s);
        expect(read.setAside).toEqual([]);
        expect(read.session).toEqual(s);
      }),
      { numRuns: 60 },
    );
  });

  describe('a damaged stored state keeps every part that still reads', () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a stored record poked at as a hand edit would
    const stored = () => JSON.parse(sessionText(workedSession())) as Record<string, any>;
    const read = (data: unknown) => {
      const r = readSession(JSON.stringify(data));
      if (r.status !== 'ok') throw new Error(r.status);
      return r;
    };

    it('one teacher’s self-check damaged: the other teacher, the reviewer and the reviews stay', () => {
      const data = stored();
      data.teachers[1].draft.profile.stage = '大学';
      const r = read(data);
      expect(r.session.teachers.map((t) => t.draft.profile.name)).toEqual(['王老师']);
      expect(r.session.teachers[0]).toEqual(workedSession().teachers[0]);
      expect(r.session.reviewer).toEqual({ name: '李老师', role: '数学教研组长' });
      expect(r.session.reviews).toHaveLength(1);
      expect(r.session.currentId).toBe(teacher(1).id);
      expect(r.setAside).toHaveLength(1);
      expect(r.setAside[0]).toMatch(
        /^“陈老师\.json”的自评内容无法读取（.+），已略去；请重新打开这份自评文件。$/,
      );
    });

    it('one item’s ticks damaged: that item is left out, its ability’s comment and the rest stay', () => {
      const data = stored();
      data.teachers[0].inputs.C5.items['case-video'].pass = [0, 'x'];
      data.teachers[0].inputs.C5.items.scenario = { excellent: [], pass: [], comment: '情境清楚。' };
      const r = read(data);
      const c5 = r.session.teachers[0]?.inputs['C5'];
      expect(c5?.comment).toBe('整体达到合格。');
      expect(Object.keys(c5?.items ?? {})).toEqual(['scenario']);
      expect(r.session.teachers[0]?.checked).toHaveLength(2);
      expect(r.setAside).toEqual(['王老师的 C5 评审中有 1 处勾选或评语无法读取，已略去，请核对后重新填写。']);
    });

    it('the reviewer, one check, one review and the stage damaged: each is said, the rest stays', () => {
      const data = stored();
      data.reviewer = { name: 42 };
      data.teachers[0].checked[1].sha256 = 'not a hash';
      data.teachers[0].stage = ['复评'];
      data.reviews.push({ app: '微能力手册', kind: 'review', version: 1 });
      const r = read(data);
      expect(r.session.reviewer).toEqual({ name: '', role: '' });
      expect(r.session.teachers[0]?.checked).toEqual([{ name: '案例.mp4', sha256: CASE_SHA }]);
      expect(r.session.teachers[0]?.stage).toBe('');
      expect(r.session.teachers[0]?.inputs).toEqual(workedSession().teachers[0]?.inputs);
      expect(r.session.reviews).toEqual(workedSession().reviews);
      expect(r.setAside).toEqual([
        '评审人的姓名和身份无法读取，已留空，请重新填写。',
        '王老师的评审环节无法读取，已按所在地区的流程重新选择。',
        '王老师的证据文件核对结果有部分无法读取，已略去；需要时请重新选择证据文件。',
        '已打开的评审意见中有 1 份无法读取，已略去；需要时请重新打开。',
      ]);
    });

    it('any one part replaced by any JSON value: every other teacher is kept as it was', () => {
      const paths = [
        ['reviewer'],
        ['currentId'],
        ['teachers', 0],
        ['teachers', 0, 'draft'],
        ['teachers', 0, 'inputs'],
        ['teachers', 0, 'inputs', 'C5'],
        ['teachers', 0, 'checked'],
        ['teachers', 0, 'fileName'],
        ['reviews'],
        ['reviews', 0],
      ] as const;
      fc.assert(
        fc.property(fc.constantFrom(...paths), fc.jsonValue(), (path, value) => {
          const data = stored();
          let at = data;
          for (const key of path.slice(0, -1)) at = at[key];
          at[path[path.length - 1] ?? 'reviewer'] = value;
          const r = readSession(JSON.stringify(data));
          expect(r.status).toBe('ok');
          if (r.status !== 'ok') return;
          expect(r.session.teachers.find((t) => t.draft.id === teacher(2).id)).toEqual(
            workedSession().teachers[1],
          );
          if (path[0] !== 'reviewer') expect(r.session.reviewer).toEqual(workedSession().reviewer);
        }),
        { numRuns: 150 },
      );
    });
  });

  it('any text, any JSON and any record with the marker: reading never throws', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(() => readSession(text)).not.toThrow();
      }),
    );
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(() => readSession(JSON.stringify(value))).not.toThrow();
      }),
    );
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), fc.jsonValue(), (extra, teachers) => {
        const r = readSession(
          JSON.stringify({
            ...extra,
            app: '微能力手册',
            kind: 'review-session',
            version: 1,
            teachers: [teachers],
          }),
        );
        expect(['ok', 'unreadable']).toContain(r.status);
      }),
    );
  });

  it('refuses what is not a kept session in Chinese, and a newer version', () => {
    expect(readSession('{"app":"微能力手册","kind":"review-sess')).toEqual({
      status: 'unreadable',
      error: '本机保存的评审进度不完整，无法读取（可能在保存时被中断）。',
    });
    expect(readSession('{"app":"别的软件"}').status).toBe('unreadable');
    const newer = readSession(JSON.stringify({ app: '微能力手册', kind: 'review-session', version: 9 }));
    expect(newer.status).toBe('unreadable');
    expect(readSession(null)).toEqual({ status: 'empty' });
  });
});

describe('the session in a store', () => {
  it('saves, loads, and 清除 removes it with its rescued copy', async () => {
    const store = memoryStore();
    expect(await loadReviewSession(store)).toEqual({ status: 'empty' });
    expect(
      await saveReviewSession(store, workedSession(), undefined, {
        now: new Date('2025-04-03T08:00:00.000Z'),
        revision: 'r1',
      }),
    ).toEqual({ status: 'saved', revision: 'r1' });
    const loaded = await loadReviewSession(store);
    expect(loaded).toMatchObject({
      status: 'ok',
      setAside: [],
      savedAt: '2025-04-03T08:00:00.000Z',
      revision: 'r1',
    });
    expect(loaded.status === 'ok' && loaded.session).toEqual(workedSession());
    expect(store.data.has(REVIEW_SESSION_RESCUE_KEY)).toBe(false);

    store.data.set(REVIEW_SESSION_RESCUE_KEY, 'old');
    expect(await clearReviewSession(store, 'r1')).toEqual({ status: 'saved', revision: undefined });
    expect([...store.data.keys()]).toEqual([]);
  });

  it('a damaged state is copied aside before anything is written over it, never wiped', async () => {
    const data = JSON.parse(sessionText(workedSession()));
    data.teachers[1].draft = 'broken';
    const raw = JSON.stringify(data);
    const store = memoryStore({ [REVIEW_SESSION_KEY]: raw });
    const loaded = await loadReviewSession(store);
    expect(loaded).toMatchObject({ status: 'ok', raw });
    expect(store.data.get(REVIEW_SESSION_RESCUE_KEY)).toBe(raw);
    expect(store.data.get(REVIEW_SESSION_KEY)).toBe(raw);

    const truncated = memoryStore({ [REVIEW_SESSION_KEY]: raw.slice(0, 100) });
    expect(await loadReviewSession(truncated)).toMatchObject({
      status: 'unreadable',
      raw: raw.slice(0, 100),
    });
    expect(truncated.data.get(REVIEW_SESSION_RESCUE_KEY)).toBe(raw.slice(0, 100));
  });

  it('without a store (storage blocked) says so in Chinese', async () => {
    expect(await loadReviewSession(undefined)).toMatchObject({ status: 'unavailable' });
    const saved = await saveReviewSession(undefined, workedSession(), undefined);
    expect(saved).toEqual({ status: 'failed', error: expect.stringContaining('浏览器无法保存评审进度') });
  });
});

describe('reviews kept with the session', () => {
  it('keeps one per self-check and stage, the later replacing the earlier, well beyond ten', () => {
    let reviews = keepSessionReview([], review(teacher(1), '教师组内互评'));
    const corrected = { ...review(teacher(1), '教师组内互评'), reviewedAt: '2025-04-03T08:00:00.000Z' };
    reviews = keepSessionReview(reviews, corrected);
    expect(reviews).toEqual([corrected]);
    for (let n = 2; n <= 30; n++) reviews = keepSessionReview(reviews, review(teacher(n), '信息化团队复评'));
    expect(reviews).toHaveLength(30);
    expect(reviews[0]).toBe(corrected);
    for (let n = 31; n <= MAX_SESSION_REVIEWS + 5; n++)
      reviews = keepSessionReview(reviews, review(teacher(n), '信息化团队复评'));
    expect(reviews).toHaveLength(MAX_SESSION_REVIEWS);
    expect(reviews.at(-1)?.draft.id).toBe(teacher(MAX_SESSION_REVIEWS + 5).id);
  });
});
