/**
 * Keeps the self-check draft in the browser's localStorage, and falls back to keeping it in
 * memory when storage is missing, blocked (privacy modes) or full. The storage is injected so
 * the behaviour can be tested without a browser.
 */
import { importDraftText, stampDraft, type DescribeOptions, type Draft } from './draft';

export const STORAGE_KEY = 'weinengli.self-check';
/** The draft set aside when the teacher starts over, so it can still be downloaded. */
export const PREVIOUS_KEY = 'weinengli.self-check.previous';

export const MEMORY_MODE_MESSAGE =
  '浏览器存储已满或不可用，自评内容暂时只保存在本页面中，关闭页面前请用“保存自评文件”保存。';
export const PREVIOUS_MEMORY_MESSAGE =
  '浏览器存储已满或不可用，上一份自评只保存在本页面中，关闭页面前请先下载。';

export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The stored text of a draft that needed salvaging, kept so it can still be downloaded after the next save. */
export const RESCUED_KEY = 'weinengli.self-check.rescued';

export type LoadResult =
  | { status: 'empty' }
  | {
      status: 'ok';
      draft: Draft;
      migratedFrom?: number;
      /** Present when parts of the stored draft were invalid: what was set aside, and the stored text as it was. */
      salvaged?: { setAside: string[]; raw: string };
    }
  | { status: 'corrupt'; raw: string; error: string };

/**
 * A failed save. `elsewhere` means the stored draft was changed by another tab (or window) after
 * this page last read or wrote it: nothing was written, so the newer work there is kept.
 */
export type SaveResult = { ok: true } | { ok: false; error: string; elsewhere?: true };

export const CHANGED_ELSEWHERE_MESSAGE =
  '这份自评已在另一个标签页（或窗口）中修改过。为免覆盖那里较新的内容，本页不再自动保存；要留下本页的改动，请先“保存自评文件”。';

export interface DraftStore {
  /** 'storage' while drafts reach localStorage; 'memory' once it is missing or has failed. */
  readonly mode: 'storage' | 'memory';
  /** The saved draft; in memory mode, the draft kept in memory. */
  load(): LoadResult;
  /** Saves with savedAt updated. In memory mode every save answers `ok: false` with the warning. */
  save(draft: Draft): SaveResult;
  /** Forgets the current draft (the previous one stays). */
  clear(): void;
  /** Sets a draft aside before starting over. */
  savePrevious(draft: Draft): SaveResult;
  /** The draft set aside by savePrevious, if it is still readable. */
  loadPrevious(): Draft | undefined;
  /**
   * The stored text of a draft that could not be read whole (kept by load), until the teacher
   * dismisses it: it survives later saves and reloads so it can still be downloaded.
   */
  loadRescued(): string | undefined;
  /** The teacher has what they need: forget the kept original. */
  dismissRescued(): void;
  /**
   * Whether a change of the storage entry `key` to `newValue` (a `storage` event from another
   * tab) means the draft was changed elsewhere since this page last read or wrote it.
   */
  changedElsewhere(key: string | null, newValue: string | null): boolean;
}

export interface DraftStoreOptions {
  now?: (() => Date) | undefined;
  /** Names evidence items in the messages about what a damaged draft set aside. */
  itemName?: DescribeOptions['itemName'];
}

export { browserStorage } from '../files/browser-storage';

export function createDraftStore(
  storage: DraftStorage | undefined,
  options: DraftStoreOptions = {},
): DraftStore {
  const now = options.now ?? (() => new Date());
  let mode: 'storage' | 'memory' = storage ? 'storage' : 'memory';
  let memory: Draft | undefined;
  let previousMemory: Draft | undefined;
  // The stored text as this page last read or wrote it; undefined until it has read or written.
  // A save finding anything else there would overwrite another tab's newer work.
  let lastSeen: string | null | undefined;

  const toMemory = (draft: Draft | undefined): void => {
    mode = 'memory';
    if (draft) memory = draft;
  };

  const read = (key: string): string | null | undefined => {
    if (!storage) return undefined;
    try {
      return storage.getItem(key);
    } catch {
      return undefined;
    }
  };

  const rescue = (raw: string): void => {
    try {
      storage?.setItem(RESCUED_KEY, raw);
    } catch {
      // The raw text is still offered for download on this page.
    }
  };

  return {
    get mode() {
      return mode;
    },

    load(): LoadResult {
      if (mode === 'memory') return memory ? { status: 'ok', draft: memory } : { status: 'empty' };
      const raw = read(STORAGE_KEY);
      if (raw === undefined) {
        toMemory(undefined);
        return memory ? { status: 'ok', draft: memory } : { status: 'empty' };
      }
      lastSeen = raw;
      if (raw === null) return { status: 'empty' };
      const result = importDraftText(raw, { now, itemName: options.itemName });
      if (!result.ok) {
        // The next save replaces the stored text: the original is kept under its own key first.
        rescue(raw);
        return { status: 'corrupt', raw, error: result.error };
      }
      const loaded: LoadResult = { status: 'ok', draft: result.draft };
      if (result.migratedFrom !== undefined) loaded.migratedFrom = result.migratedFrom;
      if (result.setAside.length > 0) {
        loaded.salvaged = { setAside: result.setAside, raw };
        rescue(raw);
      }
      return loaded;
    },

    save(draft: Draft): SaveResult {
      const stamped = stampDraft(draft, now());
      if (mode === 'memory' || !storage) {
        toMemory(stamped);
        return { ok: false, error: MEMORY_MODE_MESSAGE };
      }
      const stored = read(STORAGE_KEY);
      if (lastSeen !== undefined && stored !== undefined && stored !== lastSeen) {
        return { ok: false, error: CHANGED_ELSEWHERE_MESSAGE, elsewhere: true };
      }
      try {
        const text = JSON.stringify(stamped);
        storage.setItem(STORAGE_KEY, text);
        lastSeen = text;
        memory = stamped;
        return { ok: true };
      } catch {
        // QuotaExceededError, SecurityError, or anything else: keep the work on this page.
        toMemory(stamped);
        return { ok: false, error: MEMORY_MODE_MESSAGE };
      }
    },

    clear(): void {
      memory = undefined;
      if (mode === 'memory' || !storage) return;
      try {
        storage.removeItem(STORAGE_KEY);
        lastSeen = null;
      } catch {
        // Nothing more can be done; the next save overwrites it.
      }
    },

    savePrevious(draft: Draft): SaveResult {
      const stamped = stampDraft(draft, now());
      previousMemory = stamped;
      if (mode === 'memory' || !storage) return { ok: false, error: PREVIOUS_MEMORY_MESSAGE };
      try {
        storage.setItem(PREVIOUS_KEY, JSON.stringify(stamped));
        return { ok: true };
      } catch {
        return { ok: false, error: PREVIOUS_MEMORY_MESSAGE };
      }
    },

    loadPrevious(): Draft | undefined {
      if (previousMemory) return previousMemory;
      const raw = read(PREVIOUS_KEY);
      if (typeof raw !== 'string') return undefined;
      const result = importDraftText(raw);
      return result.ok ? result.draft : undefined;
    },

    loadRescued(): string | undefined {
      return read(RESCUED_KEY) ?? undefined;
    },

    dismissRescued(): void {
      try {
        storage?.removeItem(RESCUED_KEY);
      } catch {
        // Blocked storage holds nothing to forget.
      }
    },

    changedElsewhere(key: string | null, newValue: string | null): boolean {
      // key null: the other tab cleared the whole storage.
      if (mode === 'memory' || (key !== null && key !== STORAGE_KEY)) return false;
      return lastSeen !== undefined && (key === null ? null : newValue) !== lastSeen;
    },
  };
}
