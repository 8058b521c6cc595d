/**
 * Keeps the principal's school plan in this browser (the same IndexedDB text store as the
 * archive), so the plan page and /school/ read one copy and a reload keeps it.
 *
 * Two tabs may both have the plan open. A save names the version it started from (the stored
 * plan's savedAt when it was loaded, or undefined for a first plan); when another tab has saved
 * since, the save is refused with that tab's plan, and the page asks before anything is
 * overwritten. A stored plan that no longer reads is never wiped: its text is copied aside under a
 * rescue key first, as the archive's is.
 */
import type { TextStore } from '../../files/text-store';
import { exportPlanText, importPlanText, type SchoolPlan } from './plan-file';

export const PLAN_KEY = 'school-plan';
export const PLAN_RESCUE_PREFIX = 'school-plan.rescued.';

/** Name of the BroadcastChannel on which a tab announces that it saved the plan. */
export const PLAN_CHANNEL = 'weinengli.school-plan';

export const PLAN_STORE_FAILED_MESSAGE =
  '浏览器无法保存学校考核方案（存储已满、被禁用或处于隐私模式）：方案只在本页面中，关闭前请点“保存方案文件”。';

export const PLAN_CHANGED_ELSEWHERE_MESSAGE =
  '另一个标签页已经保存了学校考核方案，本页没有覆盖它。请选择保留哪一份。';

export type StoredPlanLoad =
  | { status: 'empty' }
  | { status: 'ok'; plan: SchoolPlan }
  /** The stored text no longer reads as a plan: it is kept under rescueKey, nothing is loaded. */
  | { status: 'unreadable'; error: string; rescueKey: string | undefined }
  | { status: 'unavailable'; error: string };

export type StoredPlanSave =
  | { ok: true; plan: SchoolPlan }
  /** Another tab saved since `basedOn`: nothing was written; `current` is what it saved. */
  | { ok: false; elsewhere: true; current: SchoolPlan | undefined; error: string }
  | { ok: false; elsewhere: false; error: string };

export async function loadStoredPlan(
  store: TextStore | undefined,
  now: Date = new Date(),
): Promise<StoredPlanLoad> {
  if (!store) return { status: 'unavailable', error: PLAN_STORE_FAILED_MESSAGE };
  let text: string | undefined;
  try {
    text = await store.get(PLAN_KEY);
  } catch {
    return { status: 'unavailable', error: PLAN_STORE_FAILED_MESSAGE };
  }
  if (text === undefined) return { status: 'empty' };
  const read = importPlanText(text);
  if (read.ok) return { status: 'ok', plan: read.plan };
  const rescueKey = `${PLAN_RESCUE_PREFIX}${now.toISOString()}`;
  try {
    await store.set(rescueKey, text);
    return { status: 'unreadable', error: read.error, rescueKey };
  } catch {
    return { status: 'unreadable', error: read.error, rescueKey: undefined };
  }
}

/**
 * Stores `plan` if the stored plan is still the one this page started from (`basedOn`: its
 * savedAt, or undefined when there was none). `force` overwrites after the person has chosen to.
 */
export async function saveStoredPlan(
  store: TextStore | undefined,
  plan: SchoolPlan,
  basedOn: string | undefined,
  { force = false }: { force?: boolean } = {},
): Promise<StoredPlanSave> {
  if (!store) return { ok: false, elsewhere: false, error: PLAN_STORE_FAILED_MESSAGE };
  try {
    if (!force) {
      const text = await store.get(PLAN_KEY);
      if (text !== undefined) {
        const read = importPlanText(text);
        const storedAt = read.ok ? read.plan.savedAt : undefined;
        // An unreadable stored text is not silently replaced either: loading rescues it first.
        if (storedAt !== basedOn || !read.ok) {
          return {
            ok: false,
            elsewhere: true,
            current: read.ok ? read.plan : undefined,
            error: PLAN_CHANGED_ELSEWHERE_MESSAGE,
          };
        }
      }
    }
    await store.set(PLAN_KEY, exportPlanText(plan));
    return { ok: true, plan };
  } catch {
    return { ok: false, elsewhere: false, error: PLAN_STORE_FAILED_MESSAGE };
  }
}

/** Removes the stored plan and every rescued copy (清除本机数据). */
export async function clearStoredPlan(store: TextStore | undefined): Promise<void> {
  if (!store) return;
  const keys = await store.keys().catch(() => [] as string[]);
  for (const key of keys) {
    if (key === PLAN_KEY || key.startsWith(PLAN_RESCUE_PREFIX))
      await store.remove(key).catch(() => undefined);
  }
}
