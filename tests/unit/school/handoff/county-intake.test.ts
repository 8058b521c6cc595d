import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addToCounty,
  combineCountyReports,
  EMPTY_COUNTY,
  readCountyFile,
  removeSchool,
  schoolKey,
  type CountyIntake,
} from '../../../../src/lib/school/handoff/county-intake';
import { exportHandoffText, type HandoffFile } from '../../../../src/lib/school/handoff/handoff-file';
import { exportPlanText } from '../../../../src/lib/school/plan/plan-file';
import { exportDraftText } from '../../../../src/lib/self-check/draft';
import { exportReviewText } from '../../../../src/lib/review/review-file';
import { emptyArchive, exportArchiveText } from '../../../../src/lib/school/archive-file';
import { makeReview } from '../../../support/archive-fixtures';
import { buildHandoff, COUNTY_STAGE } from '../../../e2e/county-fixture';

const handoff = (school: string, savedAt = '2025-06-20T08:00:00.000Z', idBase = 100): HandoffFile =>
  buildHandoff({
    school,
    savedAt: new Date(savedAt),
    idBase,
    teachers: [
      { name: '王芳', levels: { C5: '合格' } },
      { name: '李娜', levels: { C6: '优秀' } },
    ],
  });
const file = (name: string, text: string) => ({ name, size: text.length, text });
const read = (name: string, text: string) => readCountyFile(file(name, text));

describe('readCountyFile: one file', () => {
  it('reads a hand-off and a county review for what they are', () => {
    const a = handoff('徐水区实验小学');
    expect(read('移交.json', exportHandoffText(a))).toMatchObject({
      kind: 'handoff',
      school: { key: schoolKey(a), fileName: '移交.json', dropped: [] },
    });
    const draft = a.selfChecks[0];
    if (!draft) throw new Error('no draft');
    const review = makeReview(draft, { stage: COUNTY_STAGE, levels: { C5: '合格' } });
    expect(read('县级评审.json', exportReviewText(review))).toMatchObject({ kind: 'review' });
  });

  it('names what every other file is, and why it cannot be used', () => {
    const a = handoff('徐水区实验小学');
    const draft = a.selfChecks[0];
    if (!draft) throw new Error('no draft');
    const cases: [string, string, RegExp][] = [
      ['方案.json', exportPlanText(a.plan), /^这是学校考核方案文件，不是县级审核移交文件/],
      ['档案.json', exportArchiveText(emptyArchive()), /^这是学校考核档案文件/],
      ['王芳.json', exportDraftText(draft), /^这是一位教师的自评文件/],
      ['别的.json', '{"a":1}', /^不是微能力手册的文件/],
      ['断的.json', exportHandoffText(a).slice(0, 500), /^不是有效的 JSON 文件/],
      ['空的.json', '', /^文件是空的/],
      ['照片.jpg', 'xx', /^不是 JSON 文件/],
      ['别种.json', '{"app":"微能力手册","kind":"别的","version":1}', /另一种文件（“别的”）/],
    ];
    for (const [name, text, reason] of cases) {
      const result = read(name, text);
      expect(result.kind).toBe('rejected');
      if (result.kind === 'rejected') expect(result.reason, name).toMatch(reason);
    }
    expect(readCountyFile({ name: 'x.json', size: 200 * 1024 * 1024 })).toMatchObject({
      kind: 'rejected',
      reason: expect.stringContaining('文件过大') as unknown,
    });
    expect(readCountyFile({ name: 'x.json', size: 3, unreadable: true })).toMatchObject({ kind: 'rejected' });
    expect(readCountyFile({ name: '视频.mp4', size: 3, inFolder: true })).toEqual({
      name: '视频.mp4',
      kind: 'skipped',
    });
  });

  it('never throws on any file and always says why in Chinese', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.oneof(
          fc.string(),
          fc.jsonValue().map((v) => JSON.stringify(v)),
        ),
        (name, text) => {
          const result = readCountyFile(file(`${name}.json`, text));
          if (result.kind === 'rejected') expect(result.reason).toMatch(/[\u4e00-\u9fff]/);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('addToCounty: a batch', () => {
  it('loads the good files of a batch and names the bad one', () => {
    const batch: CountyIntake[] = [
      read('一小.json', exportHandoffText(handoff('徐水区第一小学', undefined, 100))),
      read('坏的.json', '{"app":"微能力手册"'),
      read('二小.json', exportHandoffText(handoff('徐水区第二小学', undefined, 200))),
    ];
    const { state, report, stored } = addToCounty(EMPTY_COUNTY, batch);
    expect(state.schools.map((s) => s.handoff.plan.school.name)).toEqual([
      '徐水区第一小学',
      '徐水区第二小学',
    ]);
    expect(stored).toHaveLength(2);
    expect(report.added).toEqual(['徐水区第一小学（2024—2025 学年）', '徐水区第二小学（2024—2025 学年）']);
    expect(report.rejected).toEqual([
      { name: '坏的.json', reason: expect.stringMatching(/^不是有效的 JSON 文件/) as unknown },
    ]);
  });

  it('keeps the newer of the same school’s two files, whichever comes first, and says so', () => {
    const older = read('旧.json', exportHandoffText(handoff('徐水区实验小学', '2025-06-01T08:00:00.000Z')));
    const newer = read('新.json', exportHandoffText(handoff('徐水区实验小学', '2025-06-20T08:00:00.000Z')));
    for (const order of [
      [older, newer],
      [newer, older],
    ]) {
      const { state, report } = addToCounty(EMPTY_COUNTY, order);
      expect(state.schools).toHaveLength(1);
      expect(state.schools[0]?.fileName).toBe('新.json');
      expect(report.notices).toHaveLength(1);
      expect(report.notices[0]).toMatch(
        order[0] === older
          ? /使用 .* 导出的较新移交文件“新.json”，代替/
          : /“旧.json”是 .* 导出的较旧移交文件，未使用/,
      );
    }
    // The newer one opened later replaces what is kept, and is what the page stores.
    const first = addToCounty(EMPTY_COUNTY, [older]);
    const second = addToCounty(first.state, [newer]);
    expect(second.stored.map((s) => s.fileName)).toEqual(['新.json']);
    const again = addToCounty(second.state, [newer]);
    expect(again.report.notices[0]).toMatch(/是同一份，未重复载入/);
    expect(again.stored).toEqual([]);
  });

  it('keeps another round of the same school as its own hand-off', () => {
    const a = handoff('徐水区实验小学');
    const b = buildHandoff({
      school: '徐水区实验小学',
      round: '2025—2026 学年',
      teachers: [{ name: '王芳', levels: { C5: '合格' } }],
    });
    const { state } = addToCounty(EMPTY_COUNTY, [
      read('a.json', exportHandoffText(a)),
      read('b.json', exportHandoffText(b)),
    ]);
    expect(state.schools).toHaveLength(2);
    expect(removeSchool(state, schoolKey(a)).schools.map((s) => s.fileName)).toEqual(['b.json']);
  });

  it('adds a county review once, and lists a damaged entry of a hand-off', () => {
    const a = handoff('徐水区实验小学');
    const draft = a.selfChecks[0];
    if (!draft) throw new Error('no draft');
    const review = read(
      '评审.json',
      exportReviewText(makeReview(draft, { stage: COUNTY_STAGE, levels: { C5: '合格' } })),
    );
    const data = JSON.parse(exportHandoffText(a)) as { selfChecks: unknown[] };
    data.selfChecks[1] = { broken: true };
    const { state, report } = addToCounty(EMPTY_COUNTY, [
      review,
      review,
      read('移交.json', JSON.stringify(data)),
    ]);
    expect(state.reviews).toHaveLength(1);
    expect(report.reviews).toBe(1);
    expect(report.notices).toEqual(['“评审.json”与已载入的评审意见相同，未重复载入。']);
    expect(report.dropped).toHaveLength(1);
    expect(report.dropped[0]).toMatch(
      /^徐水区实验小学（2024—2025 学年）（移交.json）：第 2 份自评无法读取，已略去：/,
    );
    const both = combineCountyReports(report, report);
    expect(both.dropped).toHaveLength(2);
    expect(both.reviews).toBe(2);
  });
});
