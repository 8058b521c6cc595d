/**
 * The school plan a reviewer opened on /review/, kept in this browser (IndexedDB, through
 * files/text-store, key 'review-plan') with the reviewer's answer to “您是谁”, so a reload or the
 * next day starts from the same list. It is the reviewer's copy, apart from the principal's plan
 * on /school/ (key 'school-plan'): opening a plan here never touches the school's.
 *
 * Two tabs: each write first reads what is stored and goes ahead only when it is what this tab
 * last read or wrote. Otherwise another tab has changed the kept plan since, and the page asks
 * the reviewer which to keep instead of overwriting it silently.
 *
 * review/ may not import school/, so the plan's own reader (readPlan) is passed in; a stored
 * plan goes through it again when read back, as a file would.
 */
import { APP_MARKER } from '../self-check/draft';
import type { TextStore } from '../files/text-store';
import { browserStoreLock, type StoreLock } from '../files/store-lock';
import { isPlainRecord } from '../files/versioned-file';

export const REVIEW_PLAN_KEY = 'review-plan';
export const REVIEW_PLAN_KIND = 'review-plan';
export const REVIEW_PLAN_VERSION = 1;

export const PLAN_STORE_FAILED =
  '浏览器无法保存学校考核方案（存储已满、被禁用或处于隐私模式）：本页关闭后需要重新打开方案文件或链接。';

export interface KeptPlan<P> {
  plan: P;
  /** The id of the reviewer's choice (review-assignments.ts), '' until they choose. */
  as: string;
}

export type PlanReader<P> = (data: unknown) => { ok: true; plan: P } | { ok: false; error: string };

export type PlanLoad<P> =
  | { status: 'empty' }
  | { status: 'ok'; kept: KeptPlan<P>; raw: string }
  | { status: 'unreadable'; error: string; raw: string }
  | { status: 'unavailable'; error: string };

/** The stored text of a kept plan. */
export function keptPlanText<P>(kept: KeptPlan<P>, now: Date = new Date()): string {
  return JSON.stringify({
    app: APP_MARKER,
    kind: REVIEW_PLAN_KIND,
    version: REVIEW_PLAN_VERSION,
    keptAt: now.toISOString(),
    as: kept.as,
    plan: kept.plan,
  });
}

/** Reads a stored text. Never throws. */
export function readKeptPlan<P>(
  raw: string | undefined,
  read: PlanReader<P>,
): Exclude<PlanLoad<P>, { status: 'unavailable' }> {
  if (raw === undefined || raw === '') return { status: 'empty' };
  const unreadable = (why: string) => ({
    status: 'unreadable' as const,
    error: `本浏览器中保存的学校考核方案${why}，请重新打开学校发来的方案文件或链接。`,
    raw,
  });
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return unreadable('不完整，无法读取');
  }
  if (!isPlainRecord(data) || data['app'] !== APP_MARKER || data['kind'] !== REVIEW_PLAN_KIND)
    return unreadable('不是本页面能读取的内容');
  if (data['version'] !== REVIEW_PLAN_VERSION) return unreadable('来自更新版本的手册，本页无法读取');
  let plan: ReturnType<PlanReader<P>>;
  try {
    plan = read(data['plan']);
  } catch {
    return unreadable('无法读取');
  }
  if (!plan.ok) return unreadable(`无法读取（${plan.error}）`);
  const as = typeof data['as'] === 'string' && data['as'].length <= 200 ? data['as'] : '';
  return { status: 'ok', kept: { plan: plan.plan, as }, raw };
}

export async function loadKeptPlan<P>(
  store: TextStore | undefined,
  read: PlanReader<P>,
): Promise<PlanLoad<P>> {
  if (!store) return { status: 'unavailable', error: PLAN_STORE_FAILED };
  let raw: string | undefined;
  try {
    raw = await store.get(REVIEW_PLAN_KEY);
  } catch {
    return { status: 'unavailable', error: PLAN_STORE_FAILED };
  }
  return readKeptPlan(raw, read);
}

export type PlanSave<P> =
  /** Written; `raw` is what this tab now expects to find next time. */
  | { status: 'saved'; raw: string | undefined }
  /** Another tab changed the kept plan since `expected`; nothing was written. */
  | { status: 'conflict'; stored: PlanLoad<P>; raw: string | undefined }
  | { status: 'failed'; error: string };

/**
 * Keeps `kept` (or, with undefined, removes the kept plan), provided what is stored is still
 * `expected` (what this tab last read or wrote; undefined: nothing). `force` writes anyway,
 * after the reviewer has chosen to replace the other tab's plan.
 */
export async function saveKeptPlan<P>(
  store: TextStore | undefined,
  kept: KeptPlan<P> | undefined,
  expected: string | undefined,
  read: PlanReader<P>,
  options: { force?: boolean; now?: Date; lock?: StoreLock } = {},
): Promise<PlanSave<P>> {
  if (!store) return { status: 'failed', error: PLAN_STORE_FAILED };
  // The check and the write run alone among the tabs: two tabs that read the same plan cannot
  // both pass the check and write one over the other.
  const lock = options.lock ?? browserStoreLock(REVIEW_PLAN_KEY);
  try {
    return await lock(async (): Promise<PlanSave<P>> => {
      const stored = await store.get(REVIEW_PLAN_KEY);
      if (!options.force && (stored ?? undefined) !== expected) {
        return { status: 'conflict', stored: readKeptPlan(stored, read), raw: stored };
      }
      if (kept === undefined) {
        await store.remove(REVIEW_PLAN_KEY);
        return { status: 'saved', raw: undefined };
      }
      const raw = keptPlanText(kept, options.now);
      await store.set(REVIEW_PLAN_KEY, raw);
      return { status: 'saved', raw };
    });
  } catch {
    return { status: 'failed', error: PLAN_STORE_FAILED };
  }
}
