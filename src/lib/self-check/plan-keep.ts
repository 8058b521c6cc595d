/**
 * The school plan (学校考核方案) a teacher took into the wizard, kept in this browser so it is still
 * in use after a reload.
 *
 * Why localStorage under its own key, not inside the draft: the plan is the school's, not the
 * teacher's work. It must outlive 新建自评 and opening another self-check file (both replace the
 * draft), and it must not travel inside the self-check file the teacher hands in, whose schema
 * and size limits are the draft's. The school's own copy lives in IndexedDB on /school/
 * (plan-store.ts); a teacher's browser needs no more than one small entry read at start-up.
 *
 * Reading the plan (its zod schema) is heavy, and most teachers never open one, so the reader is
 * injected: the wizard loads it only when this browser keeps a plan or a plan arrives
 * (hasKeptPlan, isPlanLinkHash below, both light). Two tabs: a save checks that the stored text
 * is still the one this page last read or wrote, so a plan taken in another tab is never
 * silently replaced; the page asks again instead.
 */

import { APP_MARKER } from './draft';

export const PLAN_KEY = 'weinengli.self-check.plan';

/**
 * How a plan link's fragment begins: the same text as PLAN_LINK_PREFIX in
 * school/plan/plan-link.ts (a unit test keeps them equal), repeated here so the wizard can tell
 * at first load whether it was opened from a plan link without loading the link's decoder.
 */
export const PLAN_LINK_START = 'plan=';

/** Whether a location.hash (with or without '#') claims to be a plan link. */
export function isPlanLinkHash(hash: string): boolean {
  return hash.replace(/^#/, '').startsWith(PLAN_LINK_START);
}

/** The plan file's kind: PLAN_KIND in school/plan/plan-file.ts (a unit test keeps them equal). */
export const PLAN_FILE_KIND = '学校考核方案';

/**
 * Whether a file's text claims to be a school plan, valid or not, so that a plan opened with
 * 打开自评文件 points the teacher to 使用学校考核方案. Never throws.
 */
export function isPlanText(text: string): boolean {
  try {
    const data: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
    return (
      typeof data === 'object' &&
      data !== null &&
      (data as Record<string, unknown>)['app'] === APP_MARKER &&
      (data as Record<string, unknown>)['kind'] === PLAN_FILE_KIND
    );
  } catch {
    return false;
  }
}

export type PlanStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Whether this browser keeps a plan for the wizard, readable or not. Only looks; never throws. */
export function hasKeptPlan(storage: Pick<Storage, 'getItem'> | undefined): boolean {
  try {
    const raw = storage?.getItem(PLAN_KEY);
    return typeof raw === 'string' && raw.trim() !== '';
  } catch {
    return false;
  }
}

export type ReadResult<T> = { ok: true; value: T } | { ok: false; error: string };

export type KeptPlan<T> =
  | { status: 'empty' }
  | { status: 'ok'; value: T }
  /** Stored text that is no longer a valid plan (hand-edited, or a future version). */
  | { status: 'unreadable'; error: string };

export type KeepResult = { ok: true } | { ok: false; error: string; elsewhere?: true };

export const PLAN_ELSEWHERE_MESSAGE =
  '另一个标签页（或窗口）刚刚更换或移除了学校考核方案。为免覆盖，本页没有保存；请看下面现在使用的方案后再决定。';
export const PLAN_NOT_KEPT_MESSAGE =
  '浏览器存储不可用或已满：学校考核方案只在本页面中使用，刷新或关闭页面后需要重新打开学校发来的方案文件或链接。';

export interface PlanKeep<T> {
  /** The kept plan, read with the injected reader; remembers the text as last seen. */
  load(): KeptPlan<T>;
  /** Keeps `text` (the plan's file text) unless another tab changed the entry since this page last looked. */
  save(text: string): KeepResult;
  /** Forgets the plan, under the same check as save. */
  remove(): KeepResult;
  /** Whether a `storage` event (another tab) changed the kept plan since this page last looked. */
  changedElsewhere(key: string | null, newValue: string | null): boolean;
}

export function createPlanKeep<T>(
  storage: PlanStorage | undefined,
  read: (text: string) => ReadResult<T>,
): PlanKeep<T> {
  // The stored text as this page last read or wrote it; undefined before the first load.
  let lastSeen: string | null | undefined;

  const stored = (): string | null | undefined => {
    try {
      return storage ? storage.getItem(PLAN_KEY) : undefined;
    } catch {
      return undefined;
    }
  };

  const write = (text: string | null): KeepResult => {
    if (!storage) return { ok: false, error: PLAN_NOT_KEPT_MESSAGE };
    const now = stored();
    if (lastSeen !== undefined && now !== undefined && now !== lastSeen) {
      return { ok: false, error: PLAN_ELSEWHERE_MESSAGE, elsewhere: true };
    }
    try {
      if (text === null) storage.removeItem(PLAN_KEY);
      else storage.setItem(PLAN_KEY, text);
      lastSeen = text;
      return { ok: true };
    } catch {
      return { ok: false, error: PLAN_NOT_KEPT_MESSAGE };
    }
  };

  return {
    load() {
      const raw = stored();
      lastSeen = raw ?? null;
      if (typeof raw !== 'string' || raw.trim() === '') return { status: 'empty' };
      try {
        const result = read(raw);
        return result.ok
          ? { status: 'ok', value: result.value }
          : { status: 'unreadable', error: result.error };
      } catch {
        return { status: 'unreadable', error: '读取时出错。' };
      }
    },
    save: (text) => write(text),
    remove: () => write(null),
    changedElsewhere(key, newValue) {
      // key null: the other tab cleared the whole storage.
      if (key !== null && key !== PLAN_KEY) return false;
      return lastSeen !== undefined && (key === null ? null : newValue) !== lastSeen;
    },
  };
}
