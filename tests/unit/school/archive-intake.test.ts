import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ARCHIVE_KIND,
  emptyArchive,
  exportArchiveText,
  importArchiveText,
  migrateArchiveWith,
  ARCHIVE_MIGRATIONS,
  MAX_ARCHIVE_BYTES,
} from '../../../src/lib/school/archive-file';
import {
  addToArchive,
  combineReports,
  readBatch,
  readIncoming,
  type IncomingFile,
} from '../../../src/lib/school/archive-intake';
import { exportDraftText } from '../../../src/lib/self-check/draft';
import { exportReviewText } from '../../../src/lib/review/review-file';
import { makeDraft, makeReview } from '../../support/archive-fixtures';

const teacher = makeDraft({ name: '王晓红', levels: { C5: '合格' } });
const review = makeReview(teacher, { stage: '组内互评', levels: { C5: '合格' } });
const file = (name: string, text: string): IncomingFile => ({ name, size: text.length, text });
const draftText = exportDraftText(teacher, new Date(teacher.savedAt));
const draftFile = file('王晓红.json', draftText);
const reviewFile = file('评审意见_王晓红.json', exportReviewText(review));

describe('readIncoming: one file', () => {
  it('reads a self-check, a review and an archive for what they are', () => {
    expect(readIncoming(draftFile)).toMatchObject({ kind: 'self-check', draft: { id: teacher.id } });
    expect(readIncoming(reviewFile)).toMatchObject({ kind: 'review', review: { stage: '组内互评' } });
    const text = exportArchiveText({ ...emptyArchive(), selfChecks: [teacher], reviews: [review] });
    const read = readIncoming(file('档案.json', text));
    expect(read.kind).toBe('archive');
    if (read.kind === 'archive') expect(read.archive.selfChecks[0]?.id).toBe(teacher.id);
  });

  it('migrates a version-1 self-check (no id) to the current format', () => {
    const { id: _id, ...rest } = teacher;
    const v1 = JSON.stringify({ ...rest, version: 1 });
    const read = readIncoming(file('old.json', v1));
    expect(read).toMatchObject({ kind: 'self-check', migratedFrom: 1 });
  });

  const reasons: [string, string, RegExp][] = [
    ['a truncated file', draftText.slice(0, 200), /^不是有效的 JSON 文件：内容可能不完整/],
    ['another app’s JSON', '{"name":"report","rows":[1,2,3]}', /^不是微能力手册的文件/],
    ['a rubric file', '{"app":"微能力手册","kind":"评价标准","version":1}', /^这是评价标准文件/],
    [
      'another kind',
      '{"app":"微能力手册","kind":"别的","version":1}',
      /^这是微能力手册的另一种文件（“别的”）/,
    ],
    [
      'a hostile self-check',
      JSON.stringify({ ...teacher, profile: { ...teacher.profile, name: '<script>'.repeat(1000) } }),
      /^自评文件无法读取：基本信息的姓名：不能超过 60 个字/,
    ],
    ['a broken review', exportReviewText(review).replace('"组内互评"', '""'), /^评审意见文件中评审环节：/],
    ['an empty file', '   ', /^文件是空的/],
  ];
  it.each(reasons)('lists %s with its Chinese reason', (_what, text, reason) => {
    const read = readIncoming(file('x.json', text));
    expect(read.kind).toBe('rejected');
    if (read.kind === 'rejected') expect(read.reason).toMatch(reason);
  });

  it('says so when the browser could not read a file', () => {
    expect(readIncoming({ name: 'a.json', size: 10, unreadable: true })).toMatchObject({
      kind: 'rejected',
      reason: expect.stringMatching(/^浏览器无法读取这个文件/),
    });
  });

  it('refuses a file too big to be ours without reading it', () => {
    const read = readIncoming({ name: 'video.json', size: MAX_ARCHIVE_BYTES + 1 });
    expect(read).toMatchObject({
      kind: 'rejected',
      reason: expect.stringMatching(/^文件过大（100\.0 MB），没有读取/),
    });
  });
});

describe('readBatch', () => {
  it('skips non-JSON files of a folder quietly but lists a non-JSON file picked on its own', () => {
    const video = { name: 'case.mp4', size: 10 };
    const batch = readBatch([draftFile, { ...video, inFolder: true }, video]);
    expect(batch.skipped).toBe(1);
    expect(batch.read.map((r) => r.kind)).toEqual(['self-check', 'rejected']);
  });

  const anyFile = fc.oneof(
    fc.string().map((text) => file('random.json', text)),
    fc.jsonValue().map((v) => file('json.json', JSON.stringify(v))),
    fc
      .record(
        { app: fc.constant('微能力手册'), kind: fc.option(fc.string()), version: fc.anything() },
        { requiredKeys: ['app'] },
      )
      .map((v) => file('marker.json', JSON.stringify(v))),
    fc.nat({ max: draftText.length }).map((n) => file('cut.json', draftText.slice(0, n))),
    fc.nat({ max: 2000 }).map((n) => file('deep.json', '['.repeat(n * 20) + ']'.repeat(n * 20))),
  );

  it('property: any batch never throws, and every good file in it is read', () => {
    fc.assert(
      fc.property(fc.array(anyFile, { maxLength: 8 }), fc.nat(), (bad, at) => {
        const good = [draftFile, reviewFile];
        const files = [...bad];
        files.splice(at % (files.length + 1), 0, ...good);
        const batch = readBatch(files);
        expect(batch.read).toHaveLength(files.length);
        const kinds = batch.read.map((r) => r.kind);
        expect(kinds.filter((k) => k === 'self-check').length).toBeGreaterThanOrEqual(1);
        expect(kinds.filter((k) => k === 'review').length).toBeGreaterThanOrEqual(1);
        for (const r of batch.read) if (r.kind === 'rejected') expect(r.reason).toMatch(/[\u4e00-\u9fff]/);
      }),
      { numRuns: 200 },
    );
  });
});

describe('the archive file', () => {
  it('round-trips its settings, self-checks and reviews', () => {
    const content = {
      settings: { region: 'guangzhou', teacherTotal: 120 },
      selfChecks: [teacher],
      reviews: [review],
      outcomes: [],
      takenIn: [],
    };
    const result = importArchiveText(exportArchiveText(content, new Date('2026-03-10T00:00:00Z')));
    expect(result).toEqual({ ok: true, archive: content, dropped: [] });
  });

  it('keeps every valid entry when one is damaged, and says which was dropped', () => {
    const data = JSON.parse(
      exportArchiveText({ ...emptyArchive(), selfChecks: [teacher, teacher], reviews: [review] }),
    );
    data.selfChecks[0].profile.stage = '大学';
    data.reviews.push({ app: '微能力手册', kind: '评审意见', version: 99 });
    const result = importArchiveText(JSON.stringify(data));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.archive.selfChecks).toHaveLength(1);
    expect(result.archive.reviews).toHaveLength(1);
    expect(result.dropped.map((d) => [d.what, d.position])).toEqual([
      ['自评', 1],
      ['评审意见', 2],
    ]);
    expect(result.dropped[0]?.reason).toContain('学段');
  });

  it('refuses a newer version, a bad envelope and a missing marker with Chinese reasons', () => {
    const base = JSON.parse(exportArchiveText(emptyArchive()));
    expect(importArchiveText(JSON.stringify({ ...base, version: 3 }))).toEqual({
      ok: false,
      error: expect.stringMatching(/^这份考核档案来自更新版本的微能力手册（格式版本 3）/),
    });
    expect(importArchiveText(JSON.stringify({ ...base, selfChecks: 'x' }))).toEqual({
      ok: false,
      error: '档案文件的结构不对：自评列表须为数组。',
    });
    expect(importArchiveText(JSON.stringify({ ...base, kind: undefined }))).toMatchObject({ ok: false });
  });

  it('runs migrations from an older version step by step', () => {
    const old = {
      app: '微能力手册',
      kind: ARCHIVE_KIND,
      version: 0,
      savedAt: '2026-01-01T00:00:00Z',
      teachers: [teacher],
    };
    const migrations = {
      0: (o: unknown) => {
        const { teachers, ...rest } = o as { teachers: unknown[] };
        return { ...rest, version: 1, settings: { region: '' }, selfChecks: teachers, reviews: [] };
      },
      1: ARCHIVE_MIGRATIONS[1] ?? expect.fail('no 1 → 2 migration'),
    };
    const result = migrateArchiveWith(old, migrations);
    expect(result).toMatchObject({
      ok: true,
      migratedFrom: 0,
      archive: { selfChecks: [{ id: teacher.id }] },
    });
    expect(migrateArchiveWith(old, {})).toEqual({
      ok: false,
      error: '无法把格式版本 0 的考核档案升级到当前版本 2。',
    });
    expect(
      migrateArchiveWith(old, {
        0: () => {
          throw new Error('x');
        },
      }),
    ).toMatchObject({ ok: false });
  });

  it('property: importing arbitrary text never throws', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.jsonValue().map((v) => JSON.stringify(v)),
        ),
        (text) => {
          const result = importArchiveText(text);
          expect(typeof result.ok).toBe('boolean');
        },
      ),
    );
  });
});

describe('addToArchive', () => {
  it('adds self-checks and reviews, counts exact copies once, lists rejected files and dropped entries', () => {
    const broken = file('坏.json', '{"app":');
    const inner = JSON.parse(
      exportArchiveText({ ...emptyArchive(), settings: { region: 'guangzhou' }, selfChecks: [teacher] }),
    );
    inner.selfChecks.push({ app: '微能力手册', version: 2 });
    const archiveFile = file('档案.json', JSON.stringify(inner));
    const first = addToArchive(emptyArchive(), readBatch([archiveFile, draftFile, reviewFile, broken]));
    expect(first.archive.selfChecks).toHaveLength(1);
    expect(first.archive.reviews).toHaveLength(1);
    expect(first.archive.settings.region).toBe('guangzhou');
    expect(first.report).toMatchObject({ selfChecks: 1, reviews: 1, duplicates: 1, skipped: 0 });
    expect(first.report.rejected.map((r) => r.name)).toEqual(['档案.json 中第 2 份自评', '坏.json']);
    const again = addToArchive(first.archive, readBatch([draftFile, reviewFile]));
    expect(again.report).toMatchObject({ selfChecks: 0, reviews: 0, duplicates: 2 });
    expect(again.archive).toEqual(first.archive);
  });

  it('property: adding a batch never loses what the archive had, and every good file is in it after', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.string().map((t) => file('x.json', t)),
          { maxLength: 5 },
        ),
        (bad) => {
          const start = addToArchive(emptyArchive(), readBatch([draftFile])).archive;
          const other = makeDraft({ name: '李娜', levels: { C6: '合格' } });
          const otherFile = file('李娜.json', exportDraftText(other));
          const { archive } = addToArchive(start, readBatch([...bad, otherFile, reviewFile]));
          expect(archive.selfChecks.map((d) => d.id)).toEqual([teacher.id, other.id]);
          expect(archive.reviews).toHaveLength(1);
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('a batch added in parts', () => {
  it('gives the same archive and report as the batch added at once', () => {
    const other = makeDraft({ name: '李娜', levels: { C6: '合格' } });
    const files = [
      draftFile,
      file('坏.json', '{'),
      reviewFile,
      file('李娜.json', exportDraftText(other)),
      draftFile,
    ];
    const whole = addToArchive(emptyArchive(), readBatch(files));
    let archive = emptyArchive();
    let report;
    for (let i = 0; i < files.length; i += 2) {
      const step = addToArchive(archive, readBatch(files.slice(i, i + 2)), { adoptSettings: true });
      archive = step.archive;
      report = report ? combineReports(report, step.report) : step.report;
    }
    expect(archive).toEqual(whole.archive);
    expect(report).toEqual(whole.report);
  });
});
