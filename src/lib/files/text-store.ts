/**
 * A key → text store, so that work kept in this browser survives a reload: the browser's IndexedDB
 * (an archive of 2,000 teachers is far beyond localStorage's few megabytes), or memory in tests.
 * The school archive and the reviewer's session keep their text here, each under its own keys.
 */
export interface TextStore {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
  remove(key: string): Promise<void>;
  keys(): Promise<string[]>;
}

export function memoryStore(initial: Record<string, string> = {}): TextStore & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    get: (key) => Promise.resolve(data.get(key)),
    set: (key, value) => {
      data.set(key, value);
      return Promise.resolve();
    },
    remove: (key) => {
      data.delete(key);
      return Promise.resolve();
    },
    keys: () => Promise.resolve([...data.keys()]),
  };
}

const DB_NAME = 'weinengli';
// Named after its first user, the school archive; the reviewer's session shares it. Renaming it
// would orphan what browsers already keep.
const STORE_NAME = 'school';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB'));
  });
}

/** The browser's IndexedDB as a TextStore; undefined where there is none (or it is blocked). */
export function indexedDbStore(): TextStore | undefined {
  let factory: IDBFactory | undefined;
  try {
    factory = globalThis.indexedDB;
  } catch {
    return undefined;
  }
  if (!factory) return undefined;
  const idb = factory;
  let opened: Promise<IDBDatabase> | undefined;
  const open = () => {
    opened ??= new Promise<IDBDatabase>((resolve, reject) => {
      const req = idb.open(DB_NAME, 1);
      req.onupgradeneeded = () => {
        if (!req.result.objectStoreNames.contains(STORE_NAME)) req.result.createObjectStore(STORE_NAME);
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error('IndexedDB'));
      req.onblocked = () => reject(new Error('IndexedDB blocked'));
    });
    return opened;
  };
  const run = async <T>(mode: IDBTransactionMode, body: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> => {
    const db = await open();
    const tx = db.transaction(STORE_NAME, mode);
    const done = new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB'));
    });
    const result = await request(body(tx.objectStore(STORE_NAME)));
    // A write counts once the transaction has committed, not when the request succeeded.
    if (mode === 'readwrite') await done;
    else done.catch(() => undefined);
    return result;
  };
  return {
    get: async (key) => {
      const value: unknown = await run('readonly', (s) => s.get(key));
      return typeof value === 'string' ? value : undefined;
    },
    set: async (key, value) => {
      await run('readwrite', (s) => s.put(value, key));
    },
    remove: async (key) => {
      await run('readwrite', (s) => s.delete(key));
    },
    keys: async () => (await run('readonly', (s) => s.getAllKeys())).map(String),
  };
}
