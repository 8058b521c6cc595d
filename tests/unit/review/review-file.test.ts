import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  APP_MARKER,
  MAX_REVIEW_BYTES,
  REVIEW_KIND,
  REVIEW_MIGRATIONS,
  REVIEW_VERSION,
  exportReviewText,
  importReviewText,
  isReviewData,
  isReviewText,
  migrateReviewWith,
  reviewFilename,
  reviewSchema,
  type ReviewFile,
} from '../../../src/lib/review/review-file';

const HASH = 'b'.repeat(64);

function sampleReview(): ReviewFile {
  return {
    app: APP_MARKER,
    kind: REVIEW_KIND,
    version: REVIEW_VERSION,
    reviewedAt: '2025-04-02T09:30:00.000Z',
    reviewer: { name: '李老师', role: '数学教研组长' },
    stage: '教师组内互评',
    teacher: { name: '王老师', school: '保定市第一中学' },
    draft: { id: 'd-0123abcd', contentHash: HASH, savedAt: '2025-04-01T08:00:00.000Z' },
    abilities: {
      C5: {
        grade: '合格',
        selfGrade: '优秀',
        comment: '案例完整，学生访谈还可以更具体。',
        items: {
          'case-video': {
            excellent: [0],
            pass: [0, 1, 2, 3, 4],
            comment: '视频中未见分层任务的说明。',
            grade: '合格',
            selfGrade: '优秀',
            files: [
              { name: '案例.mp4', sha256: 'c'.repeat(64), verdict: 'same' },
              { name: '补充.mp4', sha256: 'd'.repeat(64), verdict: 'different' },
            ],
          },
          reflection: { excellent: [], pass: [], comment: '', grade: '已提交' },
        },
      },
      A1: { comment: '', items: {} },
    },
  };
}

const CJK = /[\u4e00-\u9fff]/;

function c5Items(review: ReviewFile) {
  const c5 = review.abilities['C5'];
  if (!c5) throw new Error('sample has C5');
  return c5.items;
}

describe('review file: export and import', () => {
  it('reads back exactly what was exported, marker, kind and version first', () => {
    const review = sampleReview();
    const text = exportReviewText(review);
    expect(Object.keys(JSON.parse(text)).slice(0, 3)).toEqual(['app', 'kind', 'version']);
    const result = importReviewText(text);
    expect(result).toEqual({ ok: true, review });
  });

  it('accepts a file saved with a byte-order mark (Windows Notepad)', () => {
    expect(importReviewText(`\uFEFF${exportReviewText(sampleReview())}`).ok).toBe(true);
  });

  it('tells a teacher’s self-check file from a review file', () => {
    const selfCheck = { app: APP_MARKER, version: 1, savedAt: '2025-04-01T08:00:00.000Z', profile: {} };
    const result = importReviewText(JSON.stringify(selfCheck));
    expect(result).toEqual({ ok: false, error: expect.stringContaining('自评文件') });
    expect(isReviewData(selfCheck)).toBe(false);
    expect(isReviewData(sampleReview())).toBe(true);
    expect(isReviewText(`\uFEFF${exportReviewText(sampleReview())}`)).toBe(true);
    expect(isReviewText(JSON.stringify(selfCheck))).toBe(false);
    expect(isReviewText('{"app":')).toBe(false);
  });

  it('refuses another app’s file, an empty file, a truncated file and a too-big file, in Chinese', () => {
    const text = exportReviewText(sampleReview());
    const cases = [
      JSON.stringify({ name: 'x' }),
      '',
      text.slice(0, text.length / 2),
      '[1,2]',
      ' '.repeat(MAX_REVIEW_BYTES + 1),
    ];
    const errors = cases.map((c) => {
      const r = importReviewText(c);
      expect(r.ok).toBe(false);
      return r.ok ? '' : r.error;
    });
    expect(errors[0]).toContain('app');
    expect(errors[1]).toContain('空');
    expect(errors[2]).toContain('不完整');
    expect(errors[3]).toContain('JSON 对象');
    expect(errors[4]).toContain('过大');
  });

  it('refuses a file from a newer version and one without a version', () => {
    const newer = { ...sampleReview(), version: REVIEW_VERSION + 1 };
    expect(importReviewText(JSON.stringify(newer))).toEqual({
      ok: false,
      error: expect.stringContaining('更新版本'),
    });
    const { version: _v, ...noVersion } = sampleReview();
    expect(importReviewText(JSON.stringify(noVersion))).toEqual({
      ok: false,
      error: expect.stringContaining('版本号'),
    });
  });

  it('names the bad field in Chinese', () => {
    const long = sampleReview();
    const video = c5Items(long)['case-video'];
    if (video) video.comment = '长'.repeat(2001);
    expect(importReviewText(JSON.stringify(long))).toEqual({
      ok: false,
      error: '评审意见文件中微能力点“C5”的证据“case-video”的评语：不能超过 2000 个字',
    });
    const noName = sampleReview();
    noName.reviewer.name = ' ';
    expect(importReviewText(JSON.stringify(noName))).toEqual({
      ok: false,
      error: '评审意见文件中评审人的姓名：请填写评审人姓名',
    });
    const badHash = { ...sampleReview(), draft: { ...sampleReview().draft, contentHash: 'xyz' } };
    const r = importReviewText(JSON.stringify(badHash));
    expect(r.ok ? '' : r.error).toContain('所评自评的内容校验值');
    const badCode = { ...sampleReview(), abilities: { Z9: { comment: '', items: {} } } };
    const r2 = importReviewText(JSON.stringify(badCode));
    expect(r2.ok ? '' : r2.error).toContain('编号须为');
  });

  it('refuses hostile keys and oversized collections', () => {
    const ctor = exportReviewText(sampleReview()).replace('"reflection"', '"constructor"');
    expect(importReviewText(ctor)).toEqual({ ok: false, error: expect.stringContaining('保留字') });
    const proto = importReviewText(
      exportReviewText(sampleReview())
        .replace('"reflection"', '"__proto__"')
        .replace('{', '{ "__proto__": { "polluted": true },'),
    );
    if (proto.ok) expect(Object.keys(c5Items(proto.review))).not.toContain('__proto__');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    const many = sampleReview();
    const items = c5Items(many);
    for (let i = 0; i < 31; i++)
      items[`item-${i}`] = { excellent: [], pass: [], comment: '', grade: '已提交' };
    expect(importReviewText(JSON.stringify(many))).toEqual({
      ok: false,
      error: expect.stringContaining('最多 30 项'),
    });
    const extra = { ...sampleReview(), secret: 1 };
    expect(importReviewText(JSON.stringify(extra))).toEqual({
      ok: false,
      error: expect.stringContaining('secret'),
    });
  });
});

describe('review file: migrations', () => {
  it('has no migrations while the format is at version 1', () => {
    expect(REVIEW_VERSION).toBe(1);
    expect(Object.keys(REVIEW_MIGRATIONS)).toEqual([]);
  });

  it('runs each migration in turn and reports where the file came from', () => {
    const { reviewedAt, ...rest } = sampleReview();
    const version0 = { ...rest, version: 0, time: reviewedAt };
    const migrations = {
      0: (old: unknown) => {
        const { time, ...others } = old as Record<string, unknown>;
        return { ...others, version: 1, reviewedAt: time };
      },
    };
    expect(migrateReviewWith(version0, migrations)).toEqual({
      ok: true,
      review: sampleReview(),
      migratedFrom: 0,
    });
  });

  it('turns a missing, throwing or non-advancing migration into a Chinese error', () => {
    const old = { ...sampleReview(), version: 0 };
    expect(migrateReviewWith(old, {})).toEqual({
      ok: false,
      error: expect.stringContaining('无法把格式版本 0'),
    });
    const throwing = {
      0: () => {
        throw new Error('boom');
      },
    };
    expect(migrateReviewWith(old, throwing)).toEqual({
      ok: false,
      error: expect.stringContaining('时出错'),
    });
    expect(migrateReviewWith(old, { 0: (o: unknown) => o })).toEqual({
      ok: false,
      error: expect.stringContaining('版本号不对'),
    });
  });
});

describe('review file name', () => {
  it('names teacher, stage and day, with characters file systems refuse replaced', () => {
    expect(reviewFilename(sampleReview())).toBe('评审意见_王老师_教师组内互评_20250402.json');
    expect(reviewFilename({ ...sampleReview(), teacher: { name: 'a/b:c', school: '' } })).toBe(
      '评审意见_a_b_c_教师组内互评_20250402.json',
    );
    expect(reviewFilename({ ...sampleReview(), teacher: { name: '', school: '' } })).toContain('未署名');
  });
});

// ---------------------------------------------------------------------------------------------
// Properties: every file a person can hand the page

const text = (max: number) => fc.string({ maxLength: max });
const ticks = fc.uniqueArray(fc.integer({ min: 0, max: 49 }), { maxLength: 10 });
const status = fc.constantFrom('优秀', '合格', '不合格', '已提交' as const);
const grade = fc.constantFrom('优秀', '合格', '不合格' as const);
const hex64 = fc.stringMatching(/^[0-9a-f]{64}$/);
const itemKey = fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/);
const code = fc.constantFrom('A1', 'A13', 'B2', 'B10', 'C5', 'C7');
const isoTime = fc
  .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
  .map((d) => d.toISOString());

const reviewItem = fc.record(
  {
    excellent: ticks,
    pass: ticks,
    comment: text(200),
    grade: status,
    selfGrade: status,
    files: fc.array(
      fc.record({
        name: text(40),
        sha256: hex64,
        verdict: fc.constantFrom('same', 'different', 'unrecorded' as const),
      }),
      { maxLength: 3 },
    ),
  },
  { requiredKeys: ['excellent', 'pass', 'comment', 'grade'] },
);

const reviewArb: fc.Arbitrary<ReviewFile> = fc.record({
  app: fc.constant(APP_MARKER),
  kind: fc.constant(REVIEW_KIND),
  version: fc.constant(REVIEW_VERSION),
  reviewedAt: isoTime,
  reviewer: fc.record({
    name: fc.stringMatching(/^[\u4e00-\u9fffA-Za-z]{1,20}$/),
    role: fc.constantFrom('', '教研组长'),
  }),
  stage: fc.constantFrom('教师组内互评', '信息化团队复评', '复评'),
  teacher: fc.record({ name: fc.constantFrom('', '王老师'), school: fc.constantFrom('', '一中') }),
  draft: fc.record({ id: fc.stringMatching(/^[A-Za-z0-9_-]{1,40}$/), contentHash: hex64, savedAt: isoTime }),
  abilities: fc.dictionary(
    code,
    fc.record(
      {
        grade,
        selfGrade: grade,
        comment: text(100),
        items: fc.dictionary(itemKey, reviewItem, { maxKeys: 4 }),
      },
      { requiredKeys: ['comment', 'items'] },
    ),
    { maxKeys: 4 },
  ),
});

describe('review file: properties', () => {
  it('every valid review survives export and import unchanged', () => {
    fc.assert(
      fc.property(reviewArb, (review) => {
        expect(reviewSchema.safeParse(review).success).toBe(true);
        expect(importReviewText(exportReviewText(review))).toEqual({ ok: true, review });
      }),
      { numRuns: 200 },
    );
  });

  it('never throws on any text, and every refusal is in Chinese', () => {
    const check = (input: string) => {
      const result = importReviewText(input);
      if (!result.ok) expect(result.error).toMatch(CJK);
    };
    fc.assert(fc.property(fc.string(), check), { numRuns: 300 });
    fc.assert(fc.property(fc.json(), check), { numRuns: 300 });
  });

  it('a valid review with one value replaced by anything never throws and is refused in Chinese or read as valid', () => {
    fc.assert(
      fc.property(reviewArb, fc.nat(), fc.jsonValue(), (review, at, value) => {
        const paths: (string | number)[][] = [];
        const walk = (node: unknown, path: (string | number)[]) => {
          paths.push(path);
          if (node && typeof node === 'object') {
            for (const [k, v] of Object.entries(node))
              walk(v, [...path, Array.isArray(node) ? Number(k) : k]);
          }
        };
        const copy = JSON.parse(JSON.stringify(review)) as Record<string, unknown>;
        walk(copy, []);
        const path = paths[at % paths.length] ?? [];
        const last = path[path.length - 1];
        if (last === undefined) return;
        let parent: Record<string | number, unknown> = copy;
        for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
        parent[last] = value;
        const result = importReviewText(JSON.stringify(copy));
        if (result.ok) expect(reviewSchema.safeParse(result.review).success).toBe(true);
        else expect(result.error).toMatch(CJK);
      }),
      { numRuns: 300 },
    );
  });
});
