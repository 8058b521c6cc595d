import { describe, expect, it } from 'vitest';
import { emptyArchive, type ArchiveContent } from '../../../src/lib/school/archive-file';
import { cachedContentHash, mergeArchive } from '../../../src/lib/school/archive-merge';
import { archiveRows } from '../../../src/lib/school/archive-rows';
import { removeOutcome, typeOutcome } from '../../../src/lib/school/archive-outcomes';
import {
  handoffCsv,
  handoffCsvName,
  handoffParts,
  readyTeachers,
} from '../../../src/lib/school/archive-handoff';
import { teacherLines } from '../../../src/lib/school/plan/plan-teachers';
import { neutraliseFormula } from '../../../src/lib/files/csv';
import { parseCsv } from '../../support/csv';
import { defined, makeDraft, makeReview, TEST_ABILITIES, testId } from '../../support/archive-fixtures';
import { xushuiPlan } from '../../support/plan-fixtures';

const plan = xushuiPlan();
const [GROUP, TEAM, COUNTY] = ['教师组内互评', '信息化团队复评', '县级专家团队审核认定'];
const TODAY = new Date('2025-07-01T00:00:00Z');

const wang = makeDraft({ id: testId(201), name: '王芳', levels: { C5: '优秀', C6: '合格', A1: '合格' } });
const zhang = makeDraft({ id: testId(202), name: '=1+2', levels: { C5: '合格' } });
const li = makeDraft({ id: testId(203), name: '李娜', levels: { C6: '合格' } });
const base: ArchiveContent = {
  ...emptyArchive(),
  selfChecks: [wang, zhang, li],
  reviews: [
    ...[GROUP, TEAM].map((stage) =>
      makeReview(wang, { stage, levels: { C5: '优秀', C6: '合格', A1: '合格' } }),
    ),
    ...[GROUP, TEAM].map((stage) => makeReview(zhang, { stage, levels: { C5: '合格' } })),
    makeReview(li, { stage: GROUP, levels: { C6: '合格' } }),
  ],
};

function view(archive: ArchiveContent) {
  const merged = mergeArchive(
    archive,
    plan.stages.map((s) => s.name),
  );
  const rows = archiveRows(merged, TEST_ABILITIES, { stages: plan.stages, typed: archive.outcomes });
  const lines = teacherLines(
    plan,
    merged.teachers.map((t) => ({
      id: t.id,
      name: t.draft.profile.name,
      subject: t.draft.profile.subject,
      level: t.draft.profile.stage,
      abilities: t.draft.abilities,
    })),
    rows,
    TEST_ABILITIES,
  );
  return { merged, rows, lines };
}

const typedInput = { stage: COUNTY, grade: '合格', by: '徐水区专家组', at: '2025-06-20' };

describe('typing in an outside stage’s result', () => {
  it('is kept with the self-check’s hash; the row shows who and when; typing again replaces it', () => {
    const target = { teacher: ' 王 芳 ', code: 'C5', contentHash: cachedContentHash(wang) };
    const first = typeOutcome(base, target, typedInput, plan.stages, TODAY);
    expect(first).toMatchObject({ ok: true });
    if (!first.ok) return;
    expect(first.archive.outcomes).toEqual([
      {
        teacher: '王芳',
        code: 'C5',
        stage: COUNTY,
        grade: '合格',
        by: '徐水区专家组',
        at: '2025-06-20',
        contentHash: cachedContentHash(wang),
      },
    ]);
    const row = defined(view(first.archive).rows.find((r) => r.teacher === '王芳' && r.code === 'C5'));
    expect(row.status).toBe('已通过');
    expect(row.detail).toBe(`${GROUP} → ${TEAM} → ${COUNTY}均已通过`);
    const again = typeOutcome(first.archive, target, { ...typedInput, grade: '不合格' }, plan.stages, TODAY);
    if (!again.ok) throw new Error(again.error);
    expect(again.archive.outcomes.map((o) => o.grade)).toEqual(['不合格']);
    expect(removeOutcome(again.archive, { teacher: '王芳', code: 'C5', stage: COUNTY }).outcomes).toEqual([]);
  });

  it('refuses a school stage, a day to come, a missing name, each in Chinese, and changes nothing', () => {
    const target = { teacher: '王芳', code: 'C5', contentHash: '' };
    expect(typeOutcome(base, target, { ...typedInput, stage: TEAM }, plan.stages, TODAY)).toEqual({
      ok: false,
      error: `${TEAM}是校内环节，结果来自评审意见文件，不能手动录入。`,
    });
    expect(typeOutcome(base, target, { ...typedInput, at: '2025-07-02' }, plan.stages, TODAY)).toEqual({
      ok: false,
      error: '日期 2025-07-02 还没到，请填写认定的日期。',
    });
    expect(typeOutcome(base, target, { ...typedInput, by: '  ' }, plan.stages, TODAY)).toEqual({
      ok: false,
      error: '请填写认定人或认定单位',
    });
    expect(typeOutcome(base, { ...target, teacher: '' }, typedInput, plan.stages, TODAY)).toEqual({
      ok: false,
      error: '请选择教师和微能力点。',
    });
  });
});

describe('the hand-off to the county', () => {
  it('lists the teachers with every school stage done, and carries their files and no one else’s', () => {
    const { merged, rows, lines } = view(base);
    expect(readyTeachers(lines).map((l) => l.name)).toEqual(['王芳', '=1+2']);
    const parts = handoffParts(base, merged, rows, lines, plan.stages);
    expect(parts.selfChecks.map((d) => d.profile.name).sort()).toEqual(['=1+2', '王芳']);
    expect(parts.reviews).toHaveLength(4);
    expect(parts.reviews.every((r) => r.draft.id !== li.id)).toBe(true);
    expect(parts.outcomes).toEqual([]);
  });

  it('a teacher the county has passed is no longer in the list; a typed result travels with the others', () => {
    const typed = ['C5', 'C6', 'A1'].reduce<ArchiveContent>((a, code) => {
      const r = typeOutcome(
        a,
        { teacher: '王芳', code, contentHash: cachedContentHash(wang) },
        typedInput,
        plan.stages,
        TODAY,
      );
      if (!r.ok) throw new Error(r.error);
      return r.archive;
    }, base);
    const { lines } = view(typed);
    expect(readyTeachers(lines).map((l) => l.name)).toEqual(['=1+2']);
    // Sent back by the county for one ability: not ready either, it goes back to the teacher.
    const oneFailed = typeOutcome(
      base,
      { teacher: '=1+2', code: 'C5', contentHash: '' },
      { ...typedInput, grade: '不合格' },
      plan.stages,
      TODAY,
    );
    if (!oneFailed.ok) throw new Error(oneFailed.error);
    const after = view(oneFailed.archive);
    expect(readyTeachers(after.lines).map((l) => l.name)).toEqual(['王芳']);
  });

  it('the CSV has one row per ready teacher × ability, the school result and the rule, no formula', () => {
    const { lines } = view(base);
    const table = parseCsv(handoffCsv(plan, lines));
    expect(table[0]).toEqual([
      '学校',
      '教师',
      '学科',
      '学段',
      '类别',
      '微能力点',
      '名称',
      '教学环境',
      '能力维度',
      '校内评审结果',
      '选课要求',
      '说明',
    ]);
    expect(table.slice(1).map((r) => [r[1], r[5], r[9], r[10]])).toEqual([
      ['王芳', 'C5', '优秀', '达标'],
      ['王芳', 'C6', '合格', '达标'],
      ['王芳', 'A1', '合格', '达标'],
      [neutraliseFormula('=1+2'), 'C5', '合格', ''],
    ]);
    expect(handoffCsvName(plan, new Date(2025, 5, 1))).toBe('移交县级审核_徐水区实验小学_20250601.csv');
  });
});
