/**
 * SHA-256 of a teacher's evidence file, computed in the browser, on any connection.
 *
 * A class recording is 200–800 MB, and a reviewer checks a batch of them: the hash must run at
 * the speed the disk reads, hold a few chunks at a time, and leave the page free to answer clicks.
 * So the page reads the file in chunks (feed-worker.ts) and a Web Worker hashes them with a SHA-256
 * in WebAssembly (our own kernels, else hash-wasm's: wasm-sha256.ts), reading and hashing side by
 * side on two threads; this works alike on https and on a plain-http intranet. A browser without
 * Worker or WebAssembly (or a policy that refuses them) gets the main-thread path this file had
 * before: Web Crypto for a file that fits in memory (https only), else an incremental SHA-256 in
 * JavaScript (@noble/hashes). Every path gives the same 64 hexadecimal digits.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import {
  aborted,
  hashInChunks,
  isAbort,
  type HashMessage,
  type HashReply,
  type ReadableFile,
} from './chunked-hash';
import { feedFile } from './feed-worker';

/** Bytes read per step of the main-thread incremental hash. */
export const CHUNK_BYTES = 4 * 1024 * 1024;

/**
 * Bytes handed to the worker per step (feed-worker.ts), or read by the worker per step where the
 * page cannot feed it: each step is a message, or a round trip to the browser's file reader, so
 * fewer, larger steps go faster.
 */
export const WORKER_CHUNK_BYTES = 4 * 1024 * 1024;

/** Buffers the page fills for the worker at once: memory holds these, whatever the file's size. */
export const FEED_BUFFERS = 3;

/**
 * Largest file handed to Web Crypto in one piece. Chromium has refused to read a 256 MB blob
 * whole (NotReadableError, scripts/bench/bench-hash.mjs), so the limit stays well below that, and a
 * refused read falls back to the chunked hash.
 */
export const WHOLE_FILE_MAX_BYTES = 128 * 1024 * 1024;

export type { ReadableFile } from './chunked-hash';
export { hashPercent, isAbort } from './chunked-hash';

/** The part of a Worker the hash uses, so tests can stand in for one. */
export interface HashWorker {
  postMessage(message: HashMessage, transfer?: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: { data: HashReply }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

export interface HashOptions {
  /** Web Crypto, when the page has it (secure contexts only). */
  subtle?: Pick<SubtleCrypto, 'digest'> | undefined;
  wholeFileMaxBytes?: number;
  chunkBytes?: number;
  /** Told how many bytes are hashed so far, after each chunk; a big file takes seconds. */
  onProgress?: ((bytesDone: number) => void) | undefined;
  /** Stops the hash: the promise rejects with an AbortError and nothing more is read. */
  signal?: AbortSignal | undefined;
  /**
   * Starts a hashing worker; by default the browser's, where it has Worker and WebAssembly.
   * `null` keeps the hash on the main thread.
   */
  startWorker?: (() => HashWorker) | null;
}

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** Where the hash gets its worker, and what becomes of it afterwards. */
interface WorkerSource {
  /** A worker for one file; may wait for the one in use. Rejects with an AbortError if cancelled meanwhile. */
  take(signal: AbortSignal | undefined): Promise<HashWorker>;
  /** After a digest: kept for the next file. */
  give(worker: HashWorker): void;
  /** After a cancel or a failure: ended. */
  drop(worker: HashWorker): void;
}

const browserCanRun = () => typeof Worker === 'function' && typeof WebAssembly === 'object';
// A classic worker (no `type: 'module'`): older Firefox and Safari run no module workers.
const newBrowserWorker = () =>
  new Worker(new URL('./sha256-worker.ts', import.meta.url)) as unknown as HashWorker;

/**
 * One idle browser worker, started before the first file is picked (prepareHashWorker) and kept
 * between files: picking a file then fetches nothing, offline or not, and starts at once.
 */
let idle: HashWorker | undefined;

/** Starts the worker ahead of the first pick, where the browser can run one. */
export function prepareHashWorker(): void {
  if (idle || !browserCanRun()) return;
  try {
    const worker = newBrowserWorker();
    // A script that cannot load is dropped, so no hash waits on it; the next pick starts anew.
    worker.onerror = () => {
      if (idle === worker) idle = undefined;
      worker.terminate();
    };
    idle = worker;
  } catch {
    // No worker here (a policy refusing it): the hash falls back when a file is picked.
  }
}

/**
 * The browser's workers: one file at a time, in the one worker, the others waiting their turn.
 * Files come from one disk, and one read after another is what a disk does fastest.
 */
const browserWorkers: WorkerSource = (() => {
  let lent = false;
  const waiting: (() => void)[] = [];
  const next = () => {
    lent = false;
    waiting.shift()?.();
  };
  const turn = (signal: AbortSignal | undefined) =>
    new Promise<void>((resolve, reject) => {
      const wake = () => {
        signal?.removeEventListener('abort', leave);
        resolve();
      };
      const leave = () => {
        waiting.splice(waiting.indexOf(wake), 1);
        reject(aborted());
      };
      waiting.push(wake);
      signal?.addEventListener('abort', leave, { once: true });
    });
  return {
    take: async (signal) => {
      while (lent) await turn(signal);
      lent = true;
      try {
        const worker = idle ?? newBrowserWorker();
        idle = undefined;
        return worker;
      } catch (error) {
        next();
        throw error;
      }
    },
    give: (worker) => {
      if (idle) worker.terminate();
      else idle = worker;
      next();
    },
    drop: (worker) => {
      worker.terminate();
      next();
    },
  };
})();

/** The browser's hashing worker, where the browser can run one; Vite bundles sha256-worker.ts. */
function workerSource(start: HashOptions['startWorker']): WorkerSource | null {
  if (start === undefined) return browserCanRun() ? browserWorkers : null;
  if (!start) return null;
  const end = (worker: HashWorker) => worker.terminate();
  return { take: async () => start(), give: end, drop: end };
}

/** The worker gave no digest because it cannot run here (not because the teacher cancelled). */
class WorkerUnavailable extends Error {}

async function hashInWorker(
  file: ReadableFile,
  source: WorkerSource,
  { chunkBytes = WORKER_CHUNK_BYTES, onProgress, signal }: HashOptions,
): Promise<string> {
  let worker: HashWorker;
  try {
    worker = await source.take(signal);
  } catch (error) {
    throw isAbort(error) ? error : new WorkerUnavailable(String(error));
  }
  if (signal?.aborted) {
    source.give(worker);
    throw aborted();
  }
  return new Promise((resolve, reject) => {
    // The page reads the file and the worker only hashes, where the file's stream allows it. The
    // worker's replies come as later events, after the handlers below are in place.
    const feeder = feedFile(file, {
      chunkBytes,
      buffers: FEED_BUFFERS,
      send: (message, transfer = []) => worker.postMessage(message, transfer),
      // Unreadable here is unreadable everywhere: no use handing it to the main thread's hash.
      onError: (error) => finish(() => reject(error)),
    });
    let told = -1;
    const progress = (done: number) => {
      told = done;
      onProgress?.(done);
    };
    const finish = (settle: () => void, keep = false) => {
      signal?.removeEventListener('abort', cancel);
      feeder?.stop();
      worker.onmessage = null;
      worker.onerror = null;
      if (keep) source.give(worker);
      else source.drop(worker);
      settle();
    };
    // Terminating the worker stops the read at once; a chunk half-read is simply dropped.
    const cancel = () => finish(() => reject(aborted()));
    signal?.addEventListener('abort', cancel);
    worker.onmessage = ({ data }) => {
      if (data.type === 'spare') {
        feeder?.give(data.buffer);
        progress(data.done);
      } else if (data.type === 'progress') progress(data.done);
      else if (data.type === 'done') {
        if (told !== file.size) progress(file.size);
        finish(() => resolve(data.hex), true);
      } else finish(() => reject(new WorkerUnavailable(data.message)));
    };
    // The script did not load or run (offline without it, a policy refusing workers).
    worker.onerror = () => finish(() => reject(new WorkerUnavailable('worker failed')));
    if (!feeder) worker.postMessage({ file, chunkBytes });
  });
}

/** Today's main-thread path: Web Crypto whole where it exists and fits, else chunked JavaScript. */
async function hashOnMainThread(file: ReadableFile, options: HashOptions): Promise<string> {
  const {
    subtle,
    wholeFileMaxBytes = WHOLE_FILE_MAX_BYTES,
    chunkBytes = CHUNK_BYTES,
    onProgress,
    signal,
  } = options;
  if (subtle && file.size <= wholeFileMaxBytes) {
    try {
      const whole = await file.slice(0, file.size).arrayBuffer();
      const digest = hex(new Uint8Array(await subtle.digest('SHA-256', whole)));
      if (signal?.aborted) throw aborted();
      onProgress?.(file.size);
      return digest;
    } catch (error) {
      if (isAbort(error)) throw error;
      // Too big to read whole on this machine after all: the chunked hash needs one chunk.
    }
  }
  const hash = sha256.create();
  return hashInChunks(
    file,
    { update: (b) => hash.update(b), hex: () => hex(hash.digest()) },
    {
      chunkBytes,
      onProgress,
      signal,
    },
  );
}

/** The file's SHA-256 as 64 lower-case hexadecimal digits. */
export async function sha256Hex(file: ReadableFile, options: HashOptions = {}): Promise<string> {
  if (options.signal?.aborted) throw aborted();
  const source = workerSource(options.startWorker);
  if (source) {
    try {
      return await hashInWorker(file, source, options);
    } catch (error) {
      if (!(error instanceof WorkerUnavailable)) throw error;
      // The worker could not run here: the main thread hashes it, as before there was one.
    }
  }
  return hashOnMainThread(file, options);
}
