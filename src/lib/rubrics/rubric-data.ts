/**
 * Regional rubrics as data files of the site (dist/data/rubrics/…) rather than props of the
 * wizard: a province's 考核指南 adds about 30 entries, 31 provinces about 930, and inlined they
 * made /self-check/ grow by 3.7 KB each (issue 23). A teacher's browser now fetches one small
 * index for the teacher's region (which ability has a regional version, and whether it can
 * grade) and one file per chosen ability that has one.
 *
 *   regions/<region>.json            what a teacher of <region> is offered (regionIndex)
 *   versions/<region>/<code>.json    one regional version of one ability (a RegionalRubric)
 *
 * The index is decided at build time with the same rule the wizard used (regionalRubricFor), so
 * the browser never needs the other regions' entries to know which one wins.
 */
import type { Rubric } from '../grading/grading';
import { regionalRubricFor, type RegionalRubric } from './school-rubrics';

/** Where the files live, under the site's base path. */
export const RUBRIC_DATA_DIR = 'data/rubrics/';
/** Marks the files as ours, so that an error page or an older build's file is told apart. */
export const RUBRIC_DATA_FORMAT = 'weinengli-rubric-data';
export const RUBRIC_DATA_VERSION = 1;

/** One ability a teacher of the region is offered a regional version of. */
export interface OfferedVersion {
  code: string;
  /** The version's file, relative to RUBRIC_DATA_DIR. */
  file: string;
  canGrade: boolean;
}

export interface RegionIndex {
  format: typeof RUBRIC_DATA_FORMAT;
  version: typeof RUBRIC_DATA_VERSION;
  region: string;
  abilities: OfferedVersion[];
}

export interface VersionFile {
  format: typeof RUBRIC_DATA_FORMAT;
  version: typeof RUBRIC_DATA_VERSION;
  entry: RegionalRubric;
}

/** A slug as a path segment: the content's file names are ASCII, but the URL must not depend on it. */
const segment = (slug: string) => encodeURIComponent(slug);

export function regionIndexFile(region: string): string {
  return `regions/${segment(region)}.json`;
}

export function versionFile(entry: Pick<RegionalRubric, 'region' | 'code'>): string {
  return `versions/${segment(entry.region)}/${segment(entry.code)}.json`;
}

/** Every region some regional entry applies to: the regions that get an index file. */
export function offeredRegions(regional: readonly RegionalRubric[]): string[] {
  return [...new Set(regional.flatMap((r) => r.appliesTo))].sort();
}

/** What a teacher of `region` is offered, ability by ability, in the order of `codes`. */
export function regionIndex(
  regional: readonly RegionalRubric[],
  region: string,
  codes: readonly string[],
): RegionIndex {
  const abilities = codes.flatMap((code) => {
    const offered = regionalRubricFor(regional, code, region);
    return offered ? [{ code, file: versionFile(offered), canGrade: offered.canGrade }] : [];
  });
  return { format: RUBRIC_DATA_FORMAT, version: RUBRIC_DATA_VERSION, region, abilities };
}

export function versionData(entry: RegionalRubric): VersionFile {
  return { format: RUBRIC_DATA_FORMAT, version: RUBRIC_DATA_VERSION, entry };
}

/**
 * The abilities whose regional version the wizard must hold before it shows their criteria:
 * those chosen, and those with evidence kept in the draft (a school file's rubric is compared
 * with the version it replaces, to keep or clear the ticks).
 */
export function versionsNeeded(index: RegionIndex | undefined, codes: Iterable<string>): OfferedVersion[] {
  if (!index) return [];
  const wanted = new Set(codes);
  return index.abilities.filter((a) => wanted.has(a.code));
}

/**
 * Where the pick step says a rubric comes from before its file is fetched: the teacher's own or
 * a school file's rubric first, then the region's version, then nothing (the handbook's).
 */
export function pickOrigin(
  custom: Rubric | undefined,
  offered: OfferedVersion | undefined,
): string | undefined {
  if (custom) return custom.origin !== '手册' ? custom.origin : custom.source ? '本地区版本' : undefined;
  if (offered) return offered.canGrade ? '本地区版本' : '本地区版本，需补全标准';
  return undefined;
}

/** What the wizard says when a data file (or the code that reads it) cannot be fetched. */
export const FETCH_FAILED =
  '未能读取本地区的评价标准（可能没有网络，且本浏览器还没有保存离线副本）。您填写的内容都还在，联网后点“重试”即可继续。';
