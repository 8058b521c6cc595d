/**
 * Whether a teacher's file belongs to this school: a 广州 teacher's self-check dropped into a 徐水
 * school's archive was counted in every figure. A file whose school or region differs from the
 * plan's (without a plan: from the archive's region) is set apart with its reason, left out of
 * every figure, and counted only when the principal takes it in (reversibly).
 *
 * Regions are compared through the region tree. A file is of the school's region when it names
 * that region, one of its ancestors, or one of its descendants: a 徐水 teacher who picked 保定市
 * or 河北省 in the wizard (the nearest document they knew, or the province's because the county's
 * says little) is still at a 徐水 school, and a principal who set the archive to 保定市 still owns
 * a file that names 徐水. A file that names no region, or 国家 (the root, an ancestor of every
 * region), says nothing against the school. A sibling (another county of the same city) or a
 * region the handbook does not know is another region.
 *
 * School names are compared as a person reads them: spaces and full-width forms do not count.
 * A file with no school name is not held against the school: its region decides.
 */
import { ancestors, type Policy } from '../content/policies';
import type { Draft } from '../self-check/draft';
import type { ArchiveContent } from './archive-file';
import { teacherLabel } from './archive-merge';

/** The school the archive is for: the plan's school and region, or (no plan) the archive's region. */
export interface Home {
  /** The plan's school name; undefined without a plan (only the region is compared then). */
  school?: string | undefined;
  /** A policy slug; '' when not known (nothing is set apart then). */
  region: string;
}

export type Belonging = { ours: true } | { ours: false; reason: string };

/** A school name as a person reads it: full-width forms and every space ignored, Latin letters in one case. */
export function sameSchoolName(a: string, b: string): boolean {
  const norm = (s: string) =>
    s
      .normalize('NFKC')
      .replace(/[\s\p{Cf}]+/gu, '')
      .toLowerCase();
  return norm(a) === norm(b);
}

function lineage(policies: readonly Policy[], slug: string): Set<string> {
  return new Set([slug, ...ancestors(policies, slug).map((p) => p.slug)]);
}

/** Whether two regions are one, or one lies inside the other in the region tree. */
export function relatedRegions(policies: readonly Policy[], a: string, b: string): boolean {
  if (a === b) return true;
  return lineage(policies, a).has(b) || lineage(policies, b).has(a);
}

const regionName = (policies: readonly Policy[], slug: string) =>
  policies.find((p) => p.slug === slug)?.data.region ?? `本手册未收录的地区“${slug.slice(0, 30)}”`;

/** Whether a file made by a teacher of `profile` belongs to the school `home`, and if not, why. */
export function belongs(
  profile: { school: string; region: string },
  home: Home,
  policies: readonly Policy[],
): Belonging {
  const school = profile.school.trim();
  const region = profile.region.trim();
  const named = school || '（未填学校名称）';
  const root = policies.find((p) => p.data.parent === undefined)?.slug;
  const regionSaysNothing = region === '' || region === root || home.region === '';
  if (!regionSaysNothing && !relatedRegions(policies, region, home.region)) {
    return {
      ours: false,
      reason: `来自${regionName(policies, region)}的${named}（本校在${regionName(policies, home.region)}）`,
    };
  }
  const homeSchool = home.school?.trim() ?? '';
  if (homeSchool !== '' && school !== '' && !sameSchoolName(school, homeSchool)) {
    return { ours: false, reason: `来自另一所学校：${school}（本校是${homeSchool}）` };
  }
  return { ours: true };
}

/** A self-check set apart, as the page lists it. */
export interface OtherSchoolFile {
  /** The self-check's id: what the principal takes in, with every version and review of it. */
  id: string;
  teacher: string;
  reason: string;
  takenIn: boolean;
  /** How many review files of it are set apart with it. */
  reviews: number;
}

export interface OursSplit {
  /** The archive with only this school's files and those taken in: every figure is of this. */
  ours: ArchiveContent;
  /** Files from another school or region, taken in or not, in the order loaded. */
  others: OtherSchoolFile[];
}

/**
 * Splits the archive into this school's files and the others. A self-check is judged by its
 * newest version (a teacher who corrected the school name is not held to the old one); its
 * reviews go where it goes. A review whose self-check is not loaded stays in: the archive lists it
 * as waiting for its self-check.
 */
export function splitOurs(archive: ArchiveContent, home: Home, policies: readonly Policy[]): OursSplit {
  const newest = new Map<string, Draft>();
  for (const d of archive.selfChecks) {
    const had = newest.get(d.id);
    if (!had || Date.parse(d.savedAt) >= Date.parse(had.savedAt)) newest.set(d.id, d);
  }
  const takenIn = new Set(archive.takenIn);
  const left = new Set<string>();
  const others: OtherSchoolFile[] = [];
  for (const [id, draft] of newest) {
    const verdict = belongs(draft.profile, home, policies);
    if (verdict.ours) continue;
    const taken = takenIn.has(id);
    if (!taken) left.add(id);
    others.push({
      id,
      teacher: teacherLabel(draft.profile),
      reason: verdict.reason,
      takenIn: taken,
      reviews: archive.reviews.filter((r) => r.draft.id === id).length,
    });
  }
  if (left.size === 0) return { ours: archive, others };
  return {
    ours: {
      ...archive,
      selfChecks: archive.selfChecks.filter((d) => !left.has(d.id)),
      reviews: archive.reviews.filter((r) => !left.has(r.draft.id)),
    },
    others,
  };
}

/** The archive's decisions after 纳入 or 移出 of one file: nothing else changes. */
export function setTakenIn(archive: ArchiveContent, id: string, take: boolean): ArchiveContent {
  const rest = archive.takenIn.filter((t) => t !== id);
  return { ...archive, takenIn: take ? [...rest, id] : rest };
}
