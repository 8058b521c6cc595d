import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ARCHIVE_KIND,
  ARCHIVE_MIGRATIONS,
  emptyArchive,
  exportArchiveText,
  importArchiveText,
  MAX_ARCHIVE_OUTCOMES,
  MAX_ARCHIVE_TAKEN_IN,
  migrateArchive,
  type TypedStageResult,
} from '../../../src/lib/school/archive-file';
import { addToArchive, readBatch } from '../../../src/lib/school/archive-intake';
import { archiveStages } from '../../../src/lib/school/archive-region';
import type { Policy } from '../../../src/lib/content/policies';
import { makeDraft, makeReview } from '../../support/archive-fixtures';
import { xushuiPlan } from '../../support/plan-fixtures';
import { readCollection } from '../../support/content-files';

const teacher = makeDraft({ name: '王芳', levels: { C5: '合格' } });
const review = makeReview(teacher, { stage: '组内互评', levels: { C5: '合格' } });
const typed: TypedStageResult = {
  teacher: '王芳',
  code: 'C5',
  stage: '县级专家团队审核认定',
  grade: '合格',
  by: '徐水区专家组',
  at: '2025-06-20',
  contentHash: 'a'.repeat(64),
};

/** An archive as version 1 of the handbook saved it. */
const v1 = () => ({
  app: '微能力手册',
  kind: ARCHIVE_KIND,
  version: 1,
  savedAt: '2025-03-01T00:00:00.000Z',
  settings: { region: 'xushui', teacherTotal: 40 },
  selfChecks: [teacher],
  reviews: [review],
});

describe('archive format version 2', () => {
  it('migrates a version-1 archive: everything kept, no decisions made yet', () => {
    const result = migrateArchive(v1());
    expect(result).toEqual({
      ok: true,
      migratedFrom: 1,
      dropped: [],
      archive: {
        settings: { region: 'xushui', teacherTotal: 40 },
        selfChecks: [teacher],
        reviews: [review],
        outcomes: [],
        takenIn: [],
      },
    });
    expect(ARCHIVE_MIGRATIONS[1]?.(v1())).toMatchObject({ version: 2, outcomes: [], takenIn: [] });
  });

  it('round-trips the typed results, the files taken in and the plan copy', () => {
    const plan = xushuiPlan();
    const content = {
      ...emptyArchive(),
      selfChecks: [teacher],
      reviews: [review],
      outcomes: [typed],
      takenIn: [teacher.id],
      plan,
    };
    expect(importArchiveText(exportArchiveText(content))).toEqual({
      ok: true,
      archive: content,
      dropped: [],
    });
  });

  it('a damaged plan copy is listed and left out; the archive still loads', () => {
    const data = JSON.parse(
      exportArchiveText({ ...emptyArchive(), selfChecks: [teacher], plan: xushuiPlan() }),
    );
    data.plan.roster[0].category = '不存在的类别';
    const result = importArchiveText(JSON.stringify(data));
    expect(result).toMatchObject({ ok: true, archive: { selfChecks: [{ id: teacher.id }] } });
    if (!result.ok) return;
    expect(result.archive.plan).toBeUndefined();
    expect(result.dropped).toEqual([
      { what: '学校考核方案', position: 1, reason: expect.stringContaining('不是方案中的教师类别') },
    ]);
  });

  it('bounds the new lists and refuses a bad typed result in Chinese', () => {
    const base = JSON.parse(exportArchiveText(emptyArchive()));
    const many = (n: number, make: (i: number) => unknown) => Array.from({ length: n }, (_, i) => make(i));
    expect(
      importArchiveText(JSON.stringify({ ...base, outcomes: many(MAX_ARCHIVE_OUTCOMES + 1, () => typed) })),
    ).toEqual({ ok: false, error: `档案文件的结构不对：最多 ${MAX_ARCHIVE_OUTCOMES} 条录入的结果。` });
    expect(
      importArchiveText(
        JSON.stringify({ ...base, takenIn: many(MAX_ARCHIVE_TAKEN_IN + 1, (i) => `id${i}`) }),
      ),
    ).toMatchObject({ ok: false, error: expect.stringContaining('最多纳入') });
    expect(
      importArchiveText(JSON.stringify({ ...base, outcomes: [{ ...typed, at: '2025-02-30' }] })),
    ).toMatchObject({ ok: false, error: expect.stringContaining('2025-06-30') });
    expect(
      importArchiveText(JSON.stringify({ ...base, outcomes: [{ ...typed, grade: '良好' }] })),
    ).toMatchObject({
      ok: false,
      error: expect.stringContaining('优秀、合格或不合格'),
    });
  });

  it('property: any value in the new fields never throws', () => {
    const base = JSON.parse(exportArchiveText(emptyArchive()));
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), (outcomes, takenIn, plan) => {
        const result = migrateArchive({ ...base, outcomes, takenIn, plan });
        expect(typeof result.ok).toBe('boolean');
      }),
    );
  });

  it('an archive file added to another brings its decisions; a result typed here is kept', () => {
    const mine = { ...emptyArchive(), outcomes: [{ ...typed, grade: '优秀' as const }] };
    const other = exportArchiveText({
      ...emptyArchive(),
      selfChecks: [teacher],
      outcomes: [typed, { ...typed, code: 'C6' }],
      takenIn: [teacher.id],
      plan: xushuiPlan(),
    });
    const { archive, report } = addToArchive(
      mine,
      readBatch([{ name: '档案.json', size: other.length, text: other }]),
    );
    expect(archive.outcomes.map((o) => [o.code, o.grade])).toEqual([
      ['C5', '优秀'],
      ['C6', '合格'],
    ]);
    expect(archive.takenIn).toEqual([teacher.id]);
    // The plan is offered to the page, never taken in here.
    expect(report.plans.map((p) => p.plan.school.name)).toEqual(['徐水区实验小学']);
    expect(archive.plan).toBeUndefined();
  });
});

describe('the stages the archive follows', () => {
  const policies: Policy[] = readCollection('policies', '.mdx').map((f) => ({
    slug: f.name.replace(/\.mdx$/, ''),
    data: { quotas: [], ...f.data } as unknown as Policy['data'],
  }));

  it('without a plan, a 徐水 school’s county stage is outside the school; 广州 keeps its two', () => {
    expect(archiveStages(policies, 'xushui')).toEqual([
      { name: '教师组内互评', outside: false, sampled: false },
      { name: '信息化团队复评', outside: false, sampled: false },
      { name: '县级专家团队审核认定', outside: true, sampled: false },
    ]);
    expect(archiveStages(policies, 'guangzhou').map((s) => [s.name, s.outside])).toEqual([
      ['组内互评', false],
      ['复评', false],
    ]);
  });

  it('with a plan, the plan’s stages', () => {
    const plan = xushuiPlan();
    expect(archiveStages(policies, 'guangzhou', plan)).toEqual(plan.stages);
  });
});
