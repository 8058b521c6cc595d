import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyArchive } from '../../../src/lib/school/archive-file';
import {
  belongs,
  relatedRegions,
  sameSchoolName,
  setTakenIn,
  splitOurs,
} from '../../../src/lib/school/archive-ours';
import type { Policy } from '../../../src/lib/content/policies';
import { readCollection } from '../../support/content-files';
import { makeDraft, makeReview } from '../../support/archive-fixtures';

const POLICIES: Policy[] = readCollection('policies', '.mdx').map((f) => ({
  slug: f.name.replace(/\.mdx$/, ''),
  data: { quotas: [], ...f.data } as unknown as Policy['data'],
}));
const SLUGS = POLICIES.map((p) => p.slug);
const SCHOOL = '徐水区实验小学';
const home = { school: SCHOOL, region: 'xushui' };

/** A school name as people type it: Han, Latin, digits, spaces. */
const nameArb = fc
  .array(fc.constantFrom(...'徐水区实验小学第一中学广州越秀ABCab12 '.split('')), {
    minLength: 1,
    maxLength: 12,
  })
  .map((cs) => cs.join(''))
  .filter((s) => s.trim() !== '');

/** The same name as another person might type it: spaces around and between, full-width letters. */
const retyped = (name: string) =>
  ` ${name
    .split('')
    .map((c) => (/[A-Za-z0-9]/.test(c) ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c))
    .join(' ')}\u3000`;

describe('which files are ours', () => {
  it('a 广州 teacher’s file in a 徐水 school is not, and says where it comes from', () => {
    expect(belongs({ school: '广州市越秀区实验小学', region: 'guangzhou' }, home, POLICIES)).toEqual({
      ours: false,
      reason: '来自广州市的广州市越秀区实验小学（本校在徐水区）',
    });
  });

  it('a file naming the parent city or province, or no region, is still ours; a sibling region is not', () => {
    for (const region of ['xushui', 'baoding', 'hebei', 'national', ''])
      expect(belongs({ school: SCHOOL, region }, home, POLICIES), region).toEqual({ ours: true });
    // The principal set the archive to the city: a 徐水 file is in it.
    expect(belongs({ school: '', region: 'xushui' }, { region: 'baoding' }, POLICIES)).toEqual({
      ours: true,
    });
    expect(belongs({ school: SCHOOL, region: 'yueqing' }, home, POLICIES)).toMatchObject({ ours: false });
    expect(belongs({ school: SCHOOL, region: 'nowhere' }, home, POLICIES)).toEqual({
      ours: false,
      reason: `来自本手册未收录的地区“nowhere”的${SCHOOL}（本校在徐水区）`,
    });
  });

  it('another school of the same region is not ours when there is a plan; without one, the region decides', () => {
    expect(belongs({ school: '徐水区第二小学', region: 'xushui' }, home, POLICIES)).toEqual({
      ours: false,
      reason: `来自另一所学校：徐水区第二小学（本校是${SCHOOL}）`,
    });
    expect(belongs({ school: '徐水区第二小学', region: 'xushui' }, { region: 'xushui' }, POLICIES)).toEqual({
      ours: true,
    });
  });

  it('property: the same school typed another way is ours; any other name is not', () => {
    fc.assert(
      fc.property(nameArb, nameArb, (a, b) => {
        expect(
          belongs({ school: retyped(a), region: 'xushui' }, { school: a, region: 'xushui' }, POLICIES),
        ).toEqual({
          ours: true,
        });
        expect(sameSchoolName(retyped(a), a)).toBe(true);
        const verdict = belongs({ school: b, region: 'xushui' }, { school: a, region: 'xushui' }, POLICIES);
        expect(verdict.ours).toBe(sameSchoolName(a, b));
      }),
    );
  });

  it('property: regions are related exactly along the tree, both ways, and a file is never flagged by an empty home', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SLUGS), fc.constantFrom(...SLUGS), nameArb, (a, b, school) => {
        expect(relatedRegions(POLICIES, a, b)).toBe(relatedRegions(POLICIES, b, a));
        const verdict = belongs({ school, region: a }, { region: b }, POLICIES);
        expect(verdict.ours).toBe(relatedRegions(POLICIES, a, b) || a === 'national');
        if (!verdict.ours) expect(verdict.reason).toContain(school.trim());
        expect(belongs({ school, region: a }, { region: '' }, POLICIES)).toEqual({ ours: true });
      }),
    );
  });
});

describe('splitting the archive', () => {
  const ours = makeDraft({ name: '王芳', school: SCHOOL, levels: { C5: '合格' } });
  const theirs = makeDraft({
    name: '陈晓',
    school: '广州市越秀区实验小学',
    region: 'guangzhou',
    levels: { C5: '合格' },
  });
  const archive = {
    ...emptyArchive(),
    selfChecks: [ours, theirs],
    reviews: [
      makeReview(ours, { stage: '教师组内互评', levels: { C5: '合格' } }),
      makeReview(theirs, { stage: '组内互评', levels: { C5: '合格' } }),
    ],
  };

  it('leaves another school’s self-check and its reviews out, listed with the reason', () => {
    const split = splitOurs(archive, home, POLICIES);
    expect(split.ours.selfChecks).toEqual([ours]);
    expect(split.ours.reviews.map((r) => r.teacher.name)).toEqual(['王芳']);
    expect(split.others).toEqual([
      {
        id: theirs.id,
        teacher: '陈晓（广州市越秀区实验小学）',
        reason: '来自广州市的广州市越秀区实验小学（本校在徐水区）',
        takenIn: false,
        reviews: 1,
      },
    ]);
  });

  it('taking it in counts it, still listed; taking it out again restores the split', () => {
    const taken = setTakenIn(archive, theirs.id, true);
    const split = splitOurs(taken, home, POLICIES);
    expect(split.ours.selfChecks).toHaveLength(2);
    expect(split.ours.reviews).toHaveLength(2);
    expect(split.others[0]?.takenIn).toBe(true);
    const back = setTakenIn(taken, theirs.id, false);
    expect(back.takenIn).toEqual([]);
    expect(splitOurs(back, home, POLICIES).ours.selfChecks).toEqual([ours]);
  });

  it('judges a teacher by the newest version: a corrected school name makes the file ours', () => {
    const fixed = {
      ...theirs,
      savedAt: '2026-03-09T08:00:00.000Z',
      profile: { ...ours.profile, name: '陈晓' },
    };
    const split = splitOurs({ ...archive, selfChecks: [ours, theirs, fixed] }, home, POLICIES);
    expect(split.others).toEqual([]);
  });
});
