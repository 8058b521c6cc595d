/**
 * Keeps the county's opened hand-offs and review files in this browser (IndexedDB through
 * TextStore), so a reload keeps them. Each school's hand-off is kept under its own key, so
 * opening one more school writes that school only; the county's review files are kept together.
 * Nothing is sent anywhere.
 *
 * A kept text that no longer reads is left where it is, never wiped, and said; only 清除本机数据
 * removes anything. The store is injected so this is testable without a browser.
 */
import type { TextStore } from '../../files/text-store';
import { isPlainRecord } from '../../files/versioned-file';
import { migrateReview, type ReviewFile } from '../../review/review-file';
import { exportHandoffText, handoffFileName, importHandoffText } from './handoff-file';
import { EMPTY_COUNTY, schoolKey, type CountySchool, type CountyState } from './county-intake';

/**
 * Kept apart from the school archive's keys ('school-archive', 'school-plan'). A school's text is
 * kept as the file's own text, so reading it back parses it once; the names the files were
 * opened under are kept together beside them.
 */
export const COUNTY_SCHOOL_PREFIX = 'county-handoff:';
export const COUNTY_NAMES_KEY = 'county-file-names';
export const COUNTY_REVIEWS_KEY = 'county-reviews';

export const COUNTY_STORE_FAILED =
  '浏览器无法保存县级汇总（存储已满、被禁用或处于隐私模式）：打开的文件只在本页面中，刷新后需要重新打开。';

export interface CountyLoad {
  state: CountyState;
  /** What could not be read back, in Chinese; the texts stay stored as they were. */
  problems: string[];
  /** The store could not be used at all. */
  unavailable: boolean;
}

/** Reads back what was kept. Never throws. */
export async function loadCounty(store: TextStore | undefined): Promise<CountyLoad> {
  if (!store) return { state: EMPTY_COUNTY, problems: [COUNTY_STORE_FAILED], unavailable: true };
  const problems: string[] = [];
  const schools: CountySchool[] = [];
  let reviews: ReviewFile[] = [];
  try {
    const keys = (await store.keys()).filter((k) => k.startsWith(COUNTY_SCHOOL_PREFIX)).sort();
    const names = readNames(await store.get(COUNTY_NAMES_KEY));
    // Asked for all at once: the browser answers them in one go instead of one round trip each.
    const texts = await Promise.all(keys.map((key) => store.get(key)));
    for (const [i, key] of keys.entries()) {
      const fileName = names[key];
      const text = texts[i];
      const result = text === undefined ? undefined : importHandoffText(text);
      if (!result?.ok) {
        problems.push(
          `本机保存的一份移交文件${fileName ? `“${fileName}”` : ''}无法读取${result ? `（${result.error}）` : ''}，已原样保留；请重新打开这所学校的移交文件。`,
        );
        continue;
      }
      schools.push({
        key: schoolKey(result.handoff),
        fileName: fileName ?? handoffFileName(result.handoff),
        handoff: result.handoff,
        dropped: result.dropped,
      });
    }
    const text = await store.get(COUNTY_REVIEWS_KEY);
    if (text !== undefined) {
      const read = readStoredReviews(text);
      reviews = read.reviews;
      if (read.lost > 0) problems.push(`本机保存的 ${read.lost} 份评审意见无法读取，其余已载入。`);
    }
  } catch {
    return { state: { schools, reviews }, problems: [COUNTY_STORE_FAILED], unavailable: true };
  }
  // The order they were first opened in is not kept; name order reads as well.
  return { state: { schools, reviews }, problems, unavailable: false };
}

function readNames(text: string | undefined): Record<string, string> {
  if (text === undefined) return {};
  try {
    const data: unknown = JSON.parse(text);
    if (!isPlainRecord(data)) return {};
    return Object.fromEntries(
      Object.entries(data).filter((e): e is [string, string] => typeof e[1] === 'string'),
    );
  } catch {
    return {};
  }
}

function readStoredReviews(text: string): { reviews: ReviewFile[]; lost: number } {
  let list: unknown;
  try {
    list = JSON.parse(text);
  } catch {
    return { reviews: [], lost: 1 };
  }
  if (!Array.isArray(list)) return { reviews: [], lost: 1 };
  const reviews: ReviewFile[] = [];
  let lost = 0;
  for (const entry of list) {
    const result = migrateReview(entry);
    if (result.ok) reviews.push(result.review);
    else lost += 1;
  }
  return { reviews, lost };
}

const storeKey = (school: Pick<CountySchool, 'key'>) => `${COUNTY_SCHOOL_PREFIX}${school.key}`;

/**
 * Keeps schools (new or replacing the same school's older hand-off) and the review list. The
 * text kept is the file's own (`text`), else the hand-off as read, written again.
 * Resolves to an error message when the store fails.
 */
export async function saveCounty(
  store: TextStore | undefined,
  schools: readonly (CountySchool & { text?: string | undefined })[],
  reviews: readonly ReviewFile[] | undefined,
): Promise<{ ok: true } | { ok: false; error: string }> {
  if (!store) return { ok: false, error: COUNTY_STORE_FAILED };
  try {
    if (schools.length > 0) {
      const names = readNames(await store.get(COUNTY_NAMES_KEY));
      for (const school of schools) {
        await store.set(storeKey(school), school.text ?? exportHandoffText(school.handoff));
        names[storeKey(school)] = school.fileName;
      }
      await store.set(COUNTY_NAMES_KEY, JSON.stringify(names));
    }
    if (reviews) await store.set(COUNTY_REVIEWS_KEY, JSON.stringify(reviews));
    return { ok: true };
  } catch {
    return { ok: false, error: COUNTY_STORE_FAILED };
  }
}

/** Forgets one school's hand-off. */
export async function forgetSchool(store: TextStore | undefined, key: string): Promise<void> {
  try {
    if (!store) return;
    await store.remove(storeKey({ key }));
    const gone = storeKey({ key });
    const names = Object.entries(readNames(await store.get(COUNTY_NAMES_KEY))).filter(([k]) => k !== gone);
    await store.set(COUNTY_NAMES_KEY, JSON.stringify(Object.fromEntries(names)));
  } catch {
    // Nothing kept to lose: the page has already let the school go.
  }
}

/** 清除本机数据: every hand-off and review the county view kept, readable or not. */
export async function clearCounty(
  store: TextStore | undefined,
): Promise<{ ok: true } | { ok: false; error: string }> {
  if (!store) return { ok: true };
  try {
    for (const key of await store.keys()) {
      if (key.startsWith(COUNTY_SCHOOL_PREFIX) || key === COUNTY_REVIEWS_KEY || key === COUNTY_NAMES_KEY)
        await store.remove(key);
    }
    return { ok: true };
  } catch {
    return { ok: false, error: '浏览器没有删除本机保存的县级汇总数据，请稍后再试。' };
  }
}
