/**
 * The wizard's regional rubrics, fetched from the site's data files (src/lib/rubrics/rubric-data.ts)
 * for the teacher's region and the abilities chosen, instead of every region's in the page.
 * Offline, the service worker answers from its copy; a failed fetch leaves the draft alone and
 * says so, with 重试.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  FETCH_FAILED,
  versionsNeeded,
  type OfferedVersion,
  type RegionIndex,
} from '../../lib/rubrics/rubric-data';
import type { RubricData } from '../../lib/rubrics/rubric-data-fetch';
import type { RegionalRubric } from '../../lib/rubrics/school-rubrics';

async function fetchJson(url: string): Promise<unknown> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${response.status} ${url}`);
  return response.json();
}

// The reading code comes only for a teacher whose region has versions; a failed fetch of it is
// forgotten, so that 重试 fetches it again.
let reader: Promise<typeof import('../../lib/rubrics/rubric-data-fetch')> | undefined;
const loadReader = () =>
  (reader ??= import('../../lib/rubrics/rubric-data-fetch').catch((error: unknown) => {
    reader = undefined;
    throw error;
  }));

export interface RegionalRubrics {
  /** The versions fetched for the abilities needed: what regionalRubricFor chooses from. */
  regional: RegionalRubric[];
  /** The region's version of `code`, known from the index before its file is fetched. */
  offered: (code: string) => OfferedVersion | undefined;
  /** 'ready' once every needed file is here (always, for a region without versions). */
  status: 'ready' | 'loading' | { error: string };
  retry: () => void;
}

/**
 * @param base the data folder's URL under the base path (…/data/rubrics/)
 * @param withVersions the regions that have an index file at all; others fetch nothing
 * @param codes the abilities whose regional version must be at hand
 */
export function useRegionalRubrics(
  base: string,
  withVersions: readonly string[],
  region: string | undefined,
  codes: readonly string[],
): RegionalRubrics {
  // One reader per page and base: it fetches each file once.
  const made = useRef<{ base: string; data: RubricData }>(undefined);
  const reading = useCallback(async (): Promise<RubricData> => {
    if (made.current?.base === base) return made.current.data;
    const data = (await loadReader()).createRubricData(base, fetchJson);
    made.current = { base, data };
    return data;
  }, [base]);
  const [index, setIndex] = useState<RegionIndex>();
  const [fetched, setFetched] = useState<ReadonlyMap<string, RegionalRubric>>(new Map());
  const [error, setError] = useState<string>();
  const [attempt, setAttempt] = useState(0);
  const hasIndex = !!region && withVersions.includes(region);
  const current = hasIndex && index?.region === region ? index : undefined;

  useEffect(() => {
    if (!hasIndex || !region) return;
    let live = true;
    const codeFailed = { ok: false as const, error: FETCH_FAILED };
    void reading()
      .then(
        (d) => d.index(region),
        () => codeFailed,
      )
      .then((read) => {
        if (!live) return;
        // A later success (another region, another ability) clears what an earlier failure said.
        setError(read.ok ? undefined : read.error);
        if (read.ok) setIndex(read.value);
      });
    return () => {
      live = false;
    };
  }, [reading, hasIndex, region, attempt]);

  const needed = versionsNeeded(current, codes);
  const missing = needed.filter((v) => !fetched.has(v.file));
  const missingKey = missing.map((v) => v.file).join(' ');
  useEffect(() => {
    if (missing.length === 0) return;
    let live = true;
    const codeFailed = { ok: false as const, error: FETCH_FAILED };
    void reading()
      .then(
        (d) => d.versions(missing),
        () => codeFailed,
      )
      .then((read) => {
        if (!live) return;
        setError(read.ok ? undefined : read.error);
        if (read.ok)
          setFetched((before) => {
            const next = new Map(before);
            read.value.forEach((entry, i) => next.set(missing[i]?.file ?? '', entry));
            return next;
          });
      });
    return () => {
      live = false;
    };
    // The files wanted, not the array that names them (new on every render), decide whether to fetch.
  }, [reading, missingKey, attempt]);

  const retry = useCallback(() => {
    setError(undefined);
    setAttempt((n) => n + 1);
  }, []);

  const regional = needed.flatMap((v) => {
    const entry = fetched.get(v.file);
    return entry ? [entry] : [];
  });
  const loading = hasIndex && (!current || missing.length > 0);
  return {
    regional,
    offered: (code) => current?.abilities.find((a) => a.code === code),
    status: !loading ? 'ready' : error ? { error } : 'loading',
    retry,
  };
}
