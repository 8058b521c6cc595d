/**
 * Reading the regional rubrics' data files back in the browser (rubric-data.ts says what they
 * are): fetched once each, checked enough to tell them from an error page or another build's.
 * Loaded by the wizard only for a teacher whose region has versions, so that most first loads
 * carry none of it.
 */
import type { RegionalRubric } from './school-rubrics';
import type { Rubric } from '../grading/grading';
import {
  FETCH_FAILED,
  regionIndexFile,
  RUBRIC_DATA_FORMAT,
  RUBRIC_DATA_VERSION,
  type OfferedVersion,
  type RegionIndex,
} from './rubric-data';

export type Read<T> = { ok: true; value: T } | { ok: false; error: string };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** The site's own file, checked enough to tell it from an error page or another build's format. */
function ours(value: unknown): value is Record<string, unknown> {
  return isRecord(value) && value.format === RUBRIC_DATA_FORMAT && value.version === RUBRIC_DATA_VERSION;
}

const STALE = '读到的评价标准数据与本页面的版本不符，可能是网站刚刚更新。请刷新页面后再试。';

export function readRegionIndex(value: unknown, region: string): Read<RegionIndex> {
  if (!ours(value) || value.region !== region || !Array.isArray(value.abilities)) {
    return { ok: false, error: STALE };
  }
  const abilities = value.abilities.filter(
    (a): a is OfferedVersion =>
      isRecord(a) &&
      typeof a.code === 'string' &&
      typeof a.file === 'string' &&
      typeof a.canGrade === 'boolean',
  );
  if (abilities.length !== value.abilities.length) return { ok: false, error: STALE };
  return { ok: true, value: { ...(value as unknown as RegionIndex), abilities } };
}

function isRubric(v: unknown, code: string): v is Rubric {
  return isRecord(v) && v.code === code && Array.isArray(v.items) && Array.isArray(v.alternativeGroups);
}

export function readVersionFile(value: unknown, wanted: OfferedVersion): Read<RegionalRubric> {
  const entry = ours(value) && isRecord(value.entry) ? value.entry : undefined;
  if (
    !entry ||
    entry.code !== wanted.code ||
    typeof entry.region !== 'string' ||
    !Array.isArray(entry.appliesTo) ||
    typeof entry.depth !== 'number' ||
    typeof entry.canGrade !== 'boolean' ||
    !isRubric(entry.rubric, wanted.code)
  ) {
    return { ok: false, error: STALE };
  }
  return { ok: true, value: entry as unknown as RegionalRubric };
}

/** Fetches one JSON file; rejects with the reason in Chinese. */
export type FetchJson = (url: string) => Promise<unknown>;

/**
 * Fetches the files the wizard needs, each once per page; a failed fetch is forgotten, so that
 * 重试 fetches it again.
 */
export function createRubricData(base: string, fetchJson: FetchJson) {
  const cache = new Map<string, Promise<unknown>>();
  const get = (file: string): Promise<unknown> => {
    const url = `${base}${file}`;
    let pending = cache.get(url);
    if (!pending) {
      pending = fetchJson(url);
      cache.set(url, pending);
      pending.catch(() => cache.delete(url));
    }
    return pending;
  };
  return {
    async index(region: string): Promise<Read<RegionIndex>> {
      try {
        return readRegionIndex(await get(regionIndexFile(region)), region);
      } catch {
        return { ok: false, error: FETCH_FAILED };
      }
    },
    async versions(wanted: readonly OfferedVersion[]): Promise<Read<RegionalRubric[]>> {
      try {
        const read = await Promise.all(wanted.map(async (w) => readVersionFile(await get(w.file), w)));
        const failed = read.find((r) => !r.ok);
        if (failed) return failed;
        return { ok: true, value: read.flatMap((r) => (r.ok ? [r.value] : [])) };
      } catch {
        return { ok: false, error: FETCH_FAILED };
      }
    },
  };
}

export type RubricData = ReturnType<typeof createRubricData>;
