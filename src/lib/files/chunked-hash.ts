/**
 * The chunk-by-chunk read that every SHA-256 path shares, on the main thread and in the hashing
 * worker, and what the page and the worker say to each other. Kept apart from file-hash.ts so
 * the worker's bundle carries only this loop and WebAssembly's hash.
 */

/** What is needed of a File (a Blob): its size and slices of it, and its byte stream where there is one. */
export interface ReadableFile {
  size: number;
  slice(start: number, end: number): { arrayBuffer(): Promise<ArrayBuffer> };
  stream?: (() => ReadableStream<Uint8Array>) | undefined;
}

/** An incremental SHA-256: WebAssembly's in the worker (ours, else hash-wasm's), @noble/hashes' on the main thread. */
export interface IncrementalHash {
  update(bytes: Uint8Array): unknown;
  /** The digest as 64 lower-case hexadecimal digits. */
  hex(): string;
  /** Which SHA-256 this is ('simd', 'scalar', 'hash-wasm'), where it is one of the worker's. */
  engine?: string;
}

/** The page asks the worker to hash one file, which the worker reads itself. */
export interface HashRequest {
  file: ReadableFile;
  chunkBytes: number;
}

/**
 * Or the page reads the file and hands it over a buffer at a time (feed-worker.ts): 'feed' starts a
 * hash, each 'bytes' carries a buffer's first `length` bytes (transferred, not copied), 'end' asks
 * for the digest.
 */
export type FeedMessage =
  { type: 'feed' } | { type: 'bytes'; buffer: ArrayBuffer; length: number } | { type: 'end' };

export type HashMessage = HashRequest | FeedMessage;

export type HashReply =
  | { type: 'progress'; done: number }
  /** A fed buffer, hashed, handed back for the next read; `done` bytes are hashed so far. */
  | { type: 'spare'; buffer: ArrayBuffer; done: number }
  | { type: 'done'; hex: string }
  /** The worker could not hash (no WebAssembly, a policy refusing it, an unreadable file). */
  | { type: 'failed'; message: string };

export interface ChunkOptions {
  chunkBytes: number;
  /** Told how many bytes are hashed so far, after each chunk; a big file takes seconds. */
  onProgress?: ((bytesDone: number) => void) | undefined;
  /** Stops the hash between two chunks: the promise rejects with an AbortError. */
  signal?: AbortSignal | undefined;
}

export const aborted = () => new DOMException('已取消计算文件校验码', 'AbortError');

/** True when the error is a cancelled hash, not a file that could not be read. */
export const isAbort = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';

/**
 * How much of a hash is done, in whole per cent, for a progress line. Here, not in file-hash.ts,
 * so the wizard shows it without loading the hash itself before a file is picked.
 */
export const hashPercent = (done: number, total: number) =>
  total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 100;

/**
 * Reads `file` into `hash` one chunk at a time, so memory holds two chunks whatever the size:
 * the next chunk is read from the disk while this one is hashed, so reading and hashing overlap
 * instead of taking turns (the browser reads a file on its own thread).
 */
export async function hashInChunks(
  file: ReadableFile,
  hash: IncrementalHash,
  { chunkBytes, onProgress, signal }: ChunkOptions,
): Promise<string> {
  const read = (start: number) => {
    const pending = file.slice(start, Math.min(start + chunkBytes, file.size)).arrayBuffer();
    // A read begun ahead may be left unawaited by a cancel: its failure is not the caller's.
    pending.catch(() => undefined);
    return pending;
  };
  let next = file.size > 0 ? read(0) : undefined;
  for (let start = 0; start < file.size && next; start += chunkBytes) {
    if (signal?.aborted) throw aborted();
    const end = Math.min(start + chunkBytes, file.size);
    const bytes = await next;
    next = end < file.size ? read(end) : undefined;
    hash.update(new Uint8Array(bytes));
    onProgress?.(end);
  }
  if (signal?.aborted) throw aborted();
  return hash.hex();
}

/**
 * A reader that fills buffers of ours from the file's byte stream, or undefined where the file has
 * no stream or the browser's stream is not a byte stream (no BYOB reader).
 */
export function byobReader(file: ReadableFile): ReadableStreamBYOBReader | undefined {
  if (typeof file.stream !== 'function') return undefined;
  try {
    return file.stream().getReader({ mode: 'byob' });
  } catch {
    return undefined;
  }
}

/**
 * Reads `file` through its byte stream into two buffers of `chunkBytes` that take turns: the browser
 * fills one while the other is hashed, and no buffer is made per read. Reading slices makes a new
 * buffer for every chunk, and on a busy machine allocating and collecting them cost as much as the
 * hash itself (scripts/bench/bench-hash.mjs). Progress is told each time another `chunkBytes` is
 * hashed, and at the end. Resolves to undefined, having read nothing, where the file has no stream
 * that can be read into a buffer of ours (no BYOB reader): hashInChunks reads it by slices then.
 */
export async function hashStreamed(
  file: ReadableFile,
  hash: IncrementalHash,
  { chunkBytes, onProgress, signal }: ChunkOptions,
): Promise<string | undefined> {
  const reader = byobReader(file);
  if (!reader) return undefined;
  try {
    let spare = new ArrayBuffer(chunkBytes);
    let next = reader.read(new Uint8Array(new ArrayBuffer(chunkBytes)));
    let done = 0;
    let told = 0;
    for (;;) {
      if (signal?.aborted) throw aborted();
      const { done: ended, value } = await next;
      if (ended || !value) break;
      // The next read fills the spare buffer while this one is hashed; then this one is the spare.
      next = reader.read(new Uint8Array(spare));
      hash.update(value);
      done += value.byteLength;
      spare = value.buffer as ArrayBuffer;
      if (done - told >= chunkBytes) {
        told = done;
        onProgress?.(done);
      }
    }
    if (signal?.aborted) throw aborted();
    if (done !== told || done === 0) onProgress?.(done);
    return hash.hex();
  } catch (error) {
    reader.cancel().catch(() => undefined);
    throw error;
  }
}
