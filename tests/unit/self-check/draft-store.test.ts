import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyDraft, exportDraftText, type Draft } from '../../../src/lib/self-check/draft';
import {
  CHANGED_ELSEWHERE_MESSAGE,
  MEMORY_MODE_MESSAGE,
  PREVIOUS_KEY,
  RESCUED_KEY,
  STORAGE_KEY,
  browserStorage,
  createDraftStore,
  type DraftStorage,
} from '../../../src/lib/self-check/draft-store';
import { MemoryStorage } from '../../support/memory-storage';

const NOW = new Date('2025-05-01T10:00:00.000Z');
const now = () => NOW;

class FakeStorage extends MemoryStorage implements DraftStorage {
  failSet: string | undefined;
  failGet = false;

  override getItem(key: string): string | null {
    if (this.failGet) throw new DOMException('blocked', 'SecurityError');
    return super.getItem(key);
  }

  override setItem(key: string, value: string): void {
    if (this.failSet) throw new DOMException('full', this.failSet);
    super.setItem(key, value);
  }
}

function draft(name: string, step = 1): Draft {
  const d = emptyDraft(new Date('2025-01-01T00:00:00.000Z'));
  return {
    ...d,
    id: '6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b',
    step,
    abilities: ['A1'],
    profile: { ...d.profile, name },
  };
}

describe('createDraftStore with storage', () => {
  it('loads empty, then what was saved, with savedAt updated', () => {
    const storage = new FakeStorage();
    const store = createDraftStore(storage, { now });
    expect(store.mode).toBe('storage');
    expect(store.load()).toEqual({ status: 'empty' });
    expect(store.save(draft('王老师'))).toEqual({ ok: true });
    expect(storage.map.has(STORAGE_KEY)).toBe(true);

    const loaded = createDraftStore(storage).load();
    expect(loaded).toEqual({ status: 'ok', draft: { ...draft('王老师'), savedAt: NOW.toISOString() } });
  });

  it('clear forgets the draft', () => {
    const storage = new FakeStorage();
    const store = createDraftStore(storage, { now });
    store.save(draft('王老师'));
    store.clear();
    expect(storage.map.has(STORAGE_KEY)).toBe(false);
    expect(store.load()).toEqual({ status: 'empty' });
  });

  it('reports corrupt stored text and keeps the raw text', () => {
    for (const raw of ['{"app":"微能力手册","version":2,"step":', 'not json', '{"app":"other"}']) {
      const storage = new FakeStorage();
      storage.map.set(STORAGE_KEY, raw);
      const loaded = createDraftStore(storage).load();
      expect(loaded.status).toBe('corrupt');
      if (loaded.status !== 'corrupt') throw new Error('expected corrupt');
      expect(loaded.raw).toBe(raw);
      expect(loaded.error).toMatch(/[\u4e00-\u9fff]/);
      // Loading does not destroy the stored text.
      expect(storage.map.get(STORAGE_KEY)).toBe(raw);
    }
  });

  it('keeps every valid part of a stored draft with a bad field, says what it set aside, and keeps the raw text', () => {
    const storage = new FakeStorage();
    const good = { ...draft('王老师', 2), abilities: ['A1', 'C5'] };
    const raw = exportDraftText(good).replace('"step": 2', '"step": 99');
    storage.map.set(STORAGE_KEY, raw);
    const loaded = createDraftStore(storage, { now }).load();
    if (loaded.status !== 'ok') throw new Error(`expected ok, got ${loaded.status}`);
    expect(loaded.draft).toEqual({ ...good, step: 0, savedAt: loaded.draft.savedAt });
    expect(loaded.salvaged).toEqual({
      setAside: ['当前步骤：须为 0—4 之间的整数（原来是 99），已回到第 1 步。'],
      raw,
    });
    // The stored text as it was is kept aside, so the next save does not destroy it.
    expect(storage.map.get(RESCUED_KEY)).toBe(raw);
  });

  it('reports a draft from a newer version as corrupt with the version message', () => {
    const storage = new FakeStorage();
    storage.map.set(STORAGE_KEY, exportDraftText(draft('x')).replace('"version": 2', '"version": 3'));
    const loaded = createDraftStore(storage).load();
    expect(loaded).toMatchObject({ status: 'corrupt', error: expect.stringContaining('格式版本 3') });
  });
});

describe('a stored draft that could not be read whole', () => {
  it('keeps the original of a corrupt draft under its own key through saves and reloads, until dismissed', () => {
    const storage = new FakeStorage();
    const raw = '{"app":"微能力手册","version":2,"profile":';
    storage.map.set(STORAGE_KEY, raw);
    const store = createDraftStore(storage, { now });
    expect(store.load().status).toBe('corrupt');
    // The first edit replaces the stored draft; the original stays aside.
    expect(store.save(draft('王建国'))).toEqual({ ok: true });
    expect(storage.map.get(STORAGE_KEY)).not.toBe(raw);

    const reloaded = createDraftStore(storage, { now });
    expect(reloaded.load()).toMatchObject({ status: 'ok', draft: { profile: { name: '王建国' } } });
    expect(reloaded.loadRescued()).toBe(raw);
    reloaded.save(draft('王建国', 2));
    expect(createDraftStore(storage).loadRescued()).toBe(raw);

    reloaded.dismissRescued();
    expect(createDraftStore(storage).loadRescued()).toBeUndefined();
  });

  it('keeps the original of a partly recovered draft after the next save and reload', () => {
    const storage = new FakeStorage();
    const raw = exportDraftText(draft('王老师', 2)).replace('"step": 2', '"step": 99');
    storage.map.set(STORAGE_KEY, raw);
    const store = createDraftStore(storage, { now });
    expect(store.load()).toMatchObject({ status: 'ok', salvaged: { raw } });
    store.save(draft('王老师', 1));
    expect(createDraftStore(storage).loadRescued()).toBe(raw);
  });

  it('has nothing rescued when the stored draft was fine', () => {
    const storage = new FakeStorage();
    const store = createDraftStore(storage, { now });
    store.save(draft('王老师'));
    expect(createDraftStore(storage).loadRescued()).toBeUndefined();
  });
});

describe('two tabs on one draft', () => {
  it('a tab whose stored draft changed elsewhere writes nothing and learns of it', () => {
    const storage = new FakeStorage();
    storage.map.set(STORAGE_KEY, exportDraftText(draft('王建国')));
    const tabA = createDraftStore(storage, { now });
    const tabB = createDraftStore(storage, { now });
    tabA.load();
    tabB.load();

    expect(tabA.save(draft('王建国（改）'))).toEqual({ ok: true });
    const written = storage.map.get(STORAGE_KEY) ?? null;
    expect(tabB.changedElsewhere(STORAGE_KEY, written)).toBe(true);
    expect(tabA.changedElsewhere(STORAGE_KEY, written)).toBe(false);
    expect(tabB.changedElsewhere('weinengli.other', 'x')).toBe(false);

    expect(tabB.save(draft('李四'))).toEqual({
      ok: false,
      error: CHANGED_ELSEWHERE_MESSAGE,
      elsewhere: true,
    });
    expect(tabB.mode).toBe('storage');
    expect(storage.map.get(STORAGE_KEY)).toBe(written);

    // Reloading in tab B takes up A's work; then B saves again.
    expect(tabB.load()).toMatchObject({ status: 'ok', draft: { profile: { name: '王建国（改）' } } });
    expect(tabB.save(draft('王建国（B）'))).toEqual({ ok: true });
    expect(tabA.save(draft('王建国（A）')).ok).toBe(false);
  });

  it('a draft another tab created or cleared counts as changed elsewhere', () => {
    const storage = new FakeStorage();
    const tabA = createDraftStore(storage, { now });
    const tabB = createDraftStore(storage, { now });
    expect(tabA.load().status).toBe('empty');
    expect(tabB.load().status).toBe('empty');
    tabB.save(draft('李四'));
    expect(tabA.save(draft('王建国')).ok).toBe(false);
    tabA.load();
    tabB.clear();
    expect(tabA.changedElsewhere(null, null)).toBe(true);
    expect(tabB.changedElsewhere(null, null)).toBe(false);
  });

  it('whatever two tabs do in whatever order, no save overwrites a draft its tab has not seen', () => {
    const step = fc.record({ tab: fc.integer({ min: 0, max: 1 }), action: fc.constantFrom('load', 'save') });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        const storage = new FakeStorage();
        const tabs = [createDraftStore(storage, { now }), createDraftStore(storage, { now })] as const;
        const seen: (string | null)[] = [null, null];
        tabs.forEach((t) => t.load());
        steps.forEach(({ tab, action }, i) => {
          const store = tabs[tab === 0 ? 0 : 1];
          const before = storage.map.get(STORAGE_KEY) ?? null;
          if (action === 'load') {
            store.load();
            seen[tab] = before;
            return;
          }
          const result = store.save(draft(`第 ${i} 次`));
          expect(result.ok).toBe(before === seen[tab]);
          if (result.ok) seen[tab] = storage.map.get(STORAGE_KEY) ?? null;
          else expect(storage.map.get(STORAGE_KEY) ?? null).toBe(before);
        });
      }),
    );
  });
});

describe('createDraftStore falling back to memory', () => {
  for (const name of ['QuotaExceededError', 'SecurityError']) {
    it(`switches to memory mode when setItem throws ${name}`, () => {
      const storage = new FakeStorage();
      const store = createDraftStore(storage, { now });
      expect(store.save(draft('第一版'))).toEqual({ ok: true });

      storage.failSet = name;
      expect(store.save(draft('第二版', 3))).toEqual({ ok: false, error: MEMORY_MODE_MESSAGE });
      expect(store.mode).toBe('memory');
      expect(MEMORY_MODE_MESSAGE).toBe(
        '浏览器存储已满或不可用，自评内容暂时只保存在本页面中，关闭页面前请用“保存自评文件”保存。',
      );

      const loaded = store.load();
      expect(loaded).toEqual({ status: 'ok', draft: { ...draft('第二版', 3), savedAt: NOW.toISOString() } });

      // Later saves stay in memory and keep warning.
      storage.failSet = undefined;
      expect(store.save(draft('第三版'))).toEqual({ ok: false, error: MEMORY_MODE_MESSAGE });
      expect(store.load()).toMatchObject({ status: 'ok', draft: { profile: { name: '第三版' } } });
      store.clear();
      expect(store.load()).toEqual({ status: 'empty' });
    });
  }

  it('falls back to memory when getItem throws', () => {
    const storage = new FakeStorage();
    storage.failGet = true;
    const store = createDraftStore(storage);
    expect(store.load()).toEqual({ status: 'empty' });
    expect(store.mode).toBe('memory');
  });

  it('works in memory mode without storage', () => {
    const store = createDraftStore(undefined, { now });
    expect(store.mode).toBe('memory');
    expect(store.load()).toEqual({ status: 'empty' });
    expect(store.save(draft('王老师'))).toEqual({ ok: false, error: MEMORY_MODE_MESSAGE });
    expect(store.load()).toMatchObject({ status: 'ok', draft: { profile: { name: '王老师' } } });
    expect(store.savePrevious(draft('旧的')).ok).toBe(false);
    expect(store.loadPrevious()?.profile.name).toBe('旧的');
  });
});

describe('savePrevious and loadPrevious', () => {
  it('keeps the last draft when starting over', () => {
    const storage = new FakeStorage();
    const store = createDraftStore(storage, { now });
    expect(store.loadPrevious()).toBeUndefined();
    store.save(draft('上一份'));
    expect(store.savePrevious(draft('上一份'))).toEqual({ ok: true });
    store.clear();
    store.save(draft('新的'));

    expect(storage.map.has(PREVIOUS_KEY)).toBe(true);
    const reopened = createDraftStore(storage);
    expect(reopened.loadPrevious()).toEqual({ ...draft('上一份'), savedAt: NOW.toISOString() });
    expect(reopened.load()).toMatchObject({ status: 'ok', draft: { profile: { name: '新的' } } });
  });

  it('keeps the previous draft in memory when storage is full', () => {
    const storage = new FakeStorage();
    storage.failSet = 'QuotaExceededError';
    const store = createDraftStore(storage);
    const result = store.savePrevious(draft('上一份'));
    expect(result.ok).toBe(false);
    expect(store.loadPrevious()?.profile.name).toBe('上一份');
  });

  it('ignores an unreadable previous draft', () => {
    const storage = new FakeStorage();
    storage.map.set(PREVIOUS_KEY, '{"broken":');
    expect(createDraftStore(storage).loadPrevious()).toBeUndefined();
  });
});

describe('browserStorage', () => {
  it('returns undefined when localStorage is missing or throws', () => {
    const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'localStorage');
    try {
      Object.defineProperty(globalThis, 'localStorage', {
        configurable: true,
        get() {
          throw new DOMException('denied', 'SecurityError');
        },
      });
      expect(browserStorage()).toBeUndefined();
      Object.defineProperty(globalThis, 'localStorage', { configurable: true, value: undefined });
      expect(browserStorage()).toBeUndefined();
      const fake = new FakeStorage();
      Object.defineProperty(globalThis, 'localStorage', { configurable: true, value: fake });
      expect(browserStorage()).toBe(fake);
    } finally {
      if (descriptor) Object.defineProperty(globalThis, 'localStorage', descriptor);
      else delete (globalThis as { localStorage?: unknown }).localStorage;
    }
  });
});
