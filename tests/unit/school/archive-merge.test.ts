import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyArchive, type ArchiveContent } from '../../../src/lib/school/archive-file';
import { matchStage, mergeArchive } from '../../../src/lib/school/archive-merge';
import { archiveRows, reviewGrade } from '../../../src/lib/school/archive-rows';
import { gradeAbility } from '../../../src/lib/grading/grading';
import {
  makeDraft,
  makeReview,
  TEST_ABILITIES,
  TEST_RUBRIC,
  testId,
  defined,
} from '../../support/archive-fixtures';

const STAGES = ['组内互评', '复评'];
const archive = (parts: Partial<ArchiveContent>): ArchiveContent => ({ ...emptyArchive(), ...parts });

describe('mergeArchive: self-checks', () => {
  it('uses the newer of two files of the same draft and lists the other', () => {
    const id = testId();
    const old = makeDraft({
      id,
      name: '王晓红',
      savedAt: '2026-03-01T08:00:00.000Z',
      levels: { C5: '不合格' },
    });
    const newer = makeDraft({
      id,
      name: '王晓红',
      savedAt: '2026-03-02T08:00:00.000Z',
      levels: { C5: '合格' },
    });
    for (const order of [
      [old, newer],
      [newer, old],
    ]) {
      const merged = mergeArchive(archive({ selfChecks: order }), STAGES);
      expect(merged.teachers).toHaveLength(1);
      expect(merged.teachers[0]?.draft).toBe(newer);
      expect(merged.teachers[0]?.older).toEqual([old]);
      const notice = merged.notices.find((n) => n.kind === '较旧的自评');
      expect(notice?.text).toMatch(
        /^王晓红（徐水区第一小学）有两份自评文件：使用 .* 保存的较新一份，.* 保存的一份未使用。$/,
      );
    }
  });

  it('keeps two drafts with different ids apart, and flags the same name twice', () => {
    const a = makeDraft({ name: '张伟', levels: { C5: '合格' } });
    const b = makeDraft({ name: '张伟', levels: { C6: '合格' } });
    const merged = mergeArchive(archive({ selfChecks: [a, b] }), STAGES);
    expect(merged.teachers).toHaveLength(2);
    expect(merged.notices.map((n) => n.kind)).toEqual(['同名教师']);
  });
});

describe('mergeArchive: reviews', () => {
  const teacher = makeDraft({ name: '李娜', levels: { C5: '合格', C6: '合格' } });

  it('attaches a review of the current self-check to its stage, not stale', () => {
    const review = makeReview(teacher, { stage: '组内互评', levels: { C5: '优秀' } });
    const merged = mergeArchive(archive({ selfChecks: [teacher], reviews: [review] }), STAGES);
    const used = merged.reviews.get(teacher.id)?.get('组内互评')?.get('C5');
    expect(used?.review).toBe(review);
    expect(used?.stale).toBe(false);
    expect(merged.notices).toEqual([]);
  });

  it('flags a review of an older self-check and grades it against the version reviewed', () => {
    const id = testId();
    const v1 = makeDraft({ id, name: '赵敏', savedAt: '2026-03-01T08:00:00.000Z', levels: { C5: '不合格' } });
    const v2 = makeDraft({ id, name: '赵敏', savedAt: '2026-03-04T08:00:00.000Z', levels: { C5: '优秀' } });
    // The reviewer ticked everything on v1, whose video was missing the teacher on camera.
    const broken = {
      ...v1,
      evidence: { C5: { ...defined(v1.evidence['C5']), items: { ...defined(v1.evidence['C5']).items } } },
    };
    defined(broken.evidence['C5']).items['video'] = {
      ...defined(defined(broken.evidence['C5']).items['video']),
      teacherOnCamera: false,
    };
    const review = makeReview(broken, { stage: '组内互评', levels: { C5: '优秀' } });
    const merged = mergeArchive(archive({ selfChecks: [broken, v2], reviews: [review] }), STAGES);
    const used = merged.reviews.get(id)?.get('组内互评')?.get('C5');
    expect(used?.stale).toBe(true);
    expect(used?.reviewed).toBe(broken);
    expect(reviewGrade(defined(used), 'C5', TEST_ABILITIES[0])).toBe('不合格');
    const notice = merged.notices.find((n) => n.kind === '评审针对旧版自评');
    expect(notice?.text).toMatch(
      /^赵敏（徐水区第一小学）的“组内互评”评审（李老师）评的是.* 保存的较早版本；自评已更新，需重新评审。$/,
    );
  });

  it('flags a review whose content hash matches no loaded version', () => {
    const review = makeReview(teacher, {
      stage: '复评',
      levels: { C5: '合格' },
      contentHash: 'f'.repeat(64),
    });
    const merged = mergeArchive(archive({ selfChecks: [teacher], reviews: [review] }), STAGES);
    expect(merged.reviews.get(teacher.id)?.get('复评')?.get('C5')?.stale).toBe(true);
    expect(merged.notices.find((n) => n.kind === '评审针对旧版自评')?.text).toContain(
      '与现有自评文件都不一致的版本',
    );
  });

  it('uses the later of two reviews of the same stage and lists the earlier one', () => {
    const early = makeReview(teacher, {
      stage: '组内互评',
      reviewer: '甲',
      reviewedAt: '2026-03-05T08:00:00.000Z',
      levels: { C5: '不合格' },
    });
    const late = makeReview(teacher, {
      stage: '组内互评',
      reviewer: '乙',
      reviewedAt: '2026-03-06T08:00:00.000Z',
      levels: { C5: '合格' },
    });
    const merged = mergeArchive(archive({ selfChecks: [teacher], reviews: [late, early] }), STAGES);
    expect(merged.reviews.get(teacher.id)?.get('组内互评')?.get('C5')?.review).toBe(late);
    const notice = merged.notices.find((n) => n.kind === '较旧的评审');
    expect(notice?.text).toMatch(/“组内互评”评审（甲，.*）已由较新的评审（乙，.*）代替，未使用。$/);
  });

  it('does not list an earlier review still used for another micro-ability', () => {
    const both = makeReview(teacher, {
      stage: '组内互评',
      reviewedAt: '2026-03-05T08:00:00.000Z',
      levels: { C5: '合格', C6: '合格' },
    });
    const onlyC5 = makeReview(teacher, {
      stage: '组内互评',
      reviewedAt: '2026-03-06T08:00:00.000Z',
      levels: { C5: '优秀' },
    });
    const merged = mergeArchive(archive({ selfChecks: [teacher], reviews: [both, onlyC5] }), STAGES);
    const byCode = merged.reviews.get(teacher.id)?.get('组内互评');
    expect(byCode?.get('C5')?.review).toBe(onlyC5);
    expect(byCode?.get('C6')?.review).toBe(both);
    expect(merged.notices).toEqual([]);
  });

  it('lists a review whose self-check is not loaded, once', () => {
    const other = makeDraft({ name: '孙丽', levels: { C5: '合格' } });
    const review = makeReview(other, { stage: '组内互评', levels: { C5: '合格' } });
    const merged = mergeArchive(archive({ selfChecks: [teacher], reviews: [review, review] }), STAGES);
    expect(merged.notices.filter((n) => n.kind === '缺少自评')).toHaveLength(1);
    expect(merged.notices[0]?.text).toContain('孙丽（徐水区第一小学）的“组内互评”评审意见');
  });

  it('matches a stage by its name inside the region’s (复评 → 信息化团队复评) and gives an unknown one its own column', () => {
    const hebei = ['教师组内互评', '信息化团队复评', '县级专家团队审核认定'];
    expect(matchStage('复评', hebei)).toBe('信息化团队复评');
    expect(matchStage('组内互评', hebei)).toBe('教师组内互评');
    expect(matchStage('审核', ['县级审核', '市级审核'])).toBeUndefined();
    const review = makeReview(teacher, { stage: '学校抽查', levels: { C5: '合格' } });
    const merged = mergeArchive(archive({ selfChecks: [teacher], reviews: [review] }), hebei);
    expect(merged.stages).toEqual([...hebei, '学校抽查']);
    expect(merged.regionStages).toEqual(hebei);
    expect(merged.notices.map((n) => n.kind)).toEqual(['环节不在流程中']);
  });
});

describe('archiveRows', () => {
  it('gives one row per teacher × chosen micro-ability with gradeAbility’s grades and the status', () => {
    const t = makeDraft({ name: '周杰', subject: '数学', levels: { C5: '优秀', C6: '不合格' } });
    const peer = makeReview(t, { stage: '组内互评', levels: { C5: '优秀', C6: '合格' } });
    const team = makeReview(t, {
      stage: '复评',
      reviewedAt: '2026-03-07T08:00:00.000Z',
      levels: { C5: '合格' },
    });
    const merged = mergeArchive(archive({ selfChecks: [t], reviews: [peer, team] }), STAGES);
    const rows = archiveRows(merged, TEST_ABILITIES);
    expect(rows.map((r) => [r.code, r.selfGrade, r.stages.map((s) => s?.grade), r.status, r.final])).toEqual([
      ['C5', '优秀', ['优秀', '合格'], '已通过', '合格'],
      ['C6', '不合格', ['合格', undefined], '待复评', undefined],
    ]);
    // The self-grade is gradeAbility's on the teacher's own evidence.
    expect(rows[0]?.selfGrade).toBe(gradeAbility({ ...TEST_RUBRIC, code: 'C5' }, t.evidence['C5']).grade);
    expect(rows[0]).toMatchObject({ teacher: '周杰', subject: '数学', level: '小学', dimension: '学法指导' });
    expect(rows[0]?.stages[0]).toMatchObject({
      reviewer: '李老师',
      role: '教研组长',
      comment: 'C5总评',
      stale: false,
    });
  });

  it('rechecks the hard limits from the teacher’s metadata: ticks cannot pass an over-long video', () => {
    const t = makeDraft({ name: '吴磊', levels: { C5: '优秀' } });
    const video = defined(defined(t.evidence['C5']).items['video']);
    video.files = [{ ...defined(video.files[0]), durationSeconds: 11 * 60 }];
    const review = makeReview(t, { stage: '组内互评', levels: { C5: '优秀' } });
    const rows = archiveRows(
      mergeArchive(archive({ selfChecks: [t], reviews: [review] }), STAGES),
      TEST_ABILITIES,
    );
    expect(rows[0]?.selfGrade).toBe('不合格');
    expect(rows[0]?.stages[0]?.grade).toBe('不合格');
    expect(rows[0]?.status).toBe('需修改');
  });

  it('grades by a rubric the teacher typed in when the draft has one', () => {
    const t = makeDraft({ name: '郑洁', levels: { C5: '合格' } });
    // The local guide asks a second 合格 criterion of the plan, which the teacher did not tick.
    const plan = defined(TEST_RUBRIC.items[2]);
    const custom = {
      ...TEST_RUBRIC,
      origin: '教师录入' as const,
      items: [{ ...plan, criteria: { excellent: ['优A'], pass: ['合A', '合B'] } }],
    };
    t.customRubrics['C5'] = custom;
    const rows = archiveRows(mergeArchive(archive({ selfChecks: [t] }), STAGES), TEST_ABILITIES);
    expect(gradeAbility(TEST_RUBRIC, t.evidence['C5']).grade).toBe('合格');
    expect(rows[0]?.selfGrade).toBe('不合格');
  });
});

describe('merge properties', () => {
  it('of any versions of one draft the newest is used and every other distinct one is listed once', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 28 }), { minLength: 1, maxLength: 6 }), (days) => {
        const id = testId();
        const versions = days.map((d) =>
          makeDraft({
            id,
            name: '王晓红',
            savedAt: `2026-02-${String(d).padStart(2, '0')}T08:00:00.000Z`,
            levels: { C5: '合格' },
          }),
        );
        const merged = mergeArchive(archive({ selfChecks: versions }), STAGES);
        expect(merged.teachers).toHaveLength(1);
        expect(merged.teachers[0]?.draft.savedAt).toBe(
          versions
            .map((v) => v.savedAt)
            .sort()
            .at(-1),
        );
        expect(merged.notices.filter((n) => n.kind === '较旧的自评')).toHaveLength(days.length - 1);
      }),
      { numRuns: 50 },
    );
  });

  it('a review is stale exactly when its content hash is not the newest version’s', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.constantFrom('优秀', '合格', '不合格'), (ofOld, level) => {
        const id = testId();
        const v1 = makeDraft({
          id,
          name: '李娜',
          savedAt: '2026-03-01T08:00:00.000Z',
          levels: { C5: '不合格' },
        });
        const v2 = makeDraft({
          id,
          name: '李娜',
          savedAt: '2026-03-02T08:00:00.000Z',
          levels: { C5: '合格' },
        });
        const review = makeReview(ofOld ? v1 : v2, { stage: '组内互评', levels: { C5: level } });
        const merged = mergeArchive(archive({ selfChecks: [v2, v1], reviews: [review] }), STAGES);
        expect(merged.reviews.get(id)?.get('组内互评')?.get('C5')?.stale).toBe(ofOld);
        const row = archiveRows(merged, TEST_ABILITIES)[0];
        expect(row?.status === '需重新评审').toBe(ofOld);
      }),
      { numRuns: 30 },
    );
  });
});
