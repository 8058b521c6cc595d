/**
 * The page's half of the fed hash (wasm-sha256.ts's fedHash is the worker's): the page reads the
 * file and hands it to the hashing worker a full buffer at a time.
 *
 * Why the page reads: a browser hands a file's stream over in small pieces (Chromium: mostly 64 KB,
 * some 4,000 for 256 MB), and each piece is a task on the thread that reads it. Read in the worker,
 * those tasks take turns with the hash, and a fast hash spends a sixth of its time waiting on them
 * (scripts/bench/bench-hash.mjs). Read here, they run on the page's thread beside the worker's, and
 * the worker only hashes: one message per buffer, each buffer moved (transferred) to the worker and
 * back, never copied. The pieces are small tasks, so the page stays free to answer the teacher.
 *
 * Memory holds `buffers` buffers of `chunkBytes`, whatever the file's size: the page waits for the
 * worker to hand one back before it reads more. The buffers are kept for the next file, so a
 * reviewer's batch of recordings reuses the same few instead of leaving each file's to be collected;
 * a while after the last file they are let go, so a phone does not hold them for nothing.
 */
import { aborted, byobReader, type FeedMessage, type ReadableFile } from './chunked-hash';

export interface Feeder {
  /** A buffer the worker has hashed and handed back. */
  give(buffer: ArrayBuffer): void;
  /** Stops reading (a cancel, a finished or failed hash). */
  stop(): void;
}

export interface FeedOptions {
  chunkBytes: number;
  /** Buffers in use at once: one being hashed, the others being filled. */
  buffers: number;
  /** Sends a message to the worker, moving the listed buffers. */
  send(message: FeedMessage, transfer?: Transferable[]): void;
  /** The file could not be read: no more is sent. */
  onError(error: unknown): void;
}

const CHANGED = '读取时文件大小与选择时不同，文件可能已被改动或移走。请重新选择文件。';

/** Buffers handed back by the worker after a whole file, kept for the next. */
const kept: ArrayBuffer[] = [];
/** How long buffers are kept after the last file: a batch picks its next file well within it. */
export const KEEP_BUFFERS_MS = 30_000;
let letGo: ReturnType<typeof setTimeout> | undefined;

/** Bytes held for the next file (for the tests). */
export const keptBytes = () => kept.reduce((n, buffer) => n + buffer.byteLength, 0);

/**
 * Starts feeding `file` to the worker, or returns undefined having read nothing where the file has
 * no stream that can be read into a buffer of ours (no BYOB reader): the worker then reads it itself.
 */
export function feedFile(
  file: ReadableFile,
  { chunkBytes, buffers, send, onError }: FeedOptions,
): Feeder | undefined {
  const reader = byobReader(file);
  if (!reader) return undefined;
  const spares: ArrayBuffer[] = [];
  let made = 0;
  let stopped = false;
  let wake: (() => void) | undefined;
  /** A spare buffer, or a new one while fewer than `buffers` exist, else the next handed back. */
  const take = async () => {
    while (!spares.length && made >= buffers && !stopped) await new Promise<void>((r) => (wake = r));
    if (stopped) throw aborted();
    const spare = spares.pop();
    if (spare) return spare;
    made += 1;
    const index = kept.findIndex((buffer) => buffer.byteLength === chunkBytes);
    const reused = index >= 0 ? kept.splice(index, 1)[0] : undefined;
    return reused ?? new ArrayBuffer(chunkBytes);
  };
  /** Fills `buffer` from the stream; the buffer (moved by each read), its bytes, and whether the file ended. */
  const fill = async (buffer: ArrayBuffer) => {
    let filled = 0;
    while (filled < buffer.byteLength) {
      // `min` asks for the whole rest at once, so one read fills the buffer instead of dozens; a
      // browser that does not know it fills part, and the loop reads on.
      const rest = buffer.byteLength - filled;
      const { done, value } = await reader.read(new Uint8Array(buffer, filled, rest), { min: rest });
      if (value) {
        buffer = value.buffer as ArrayBuffer;
        filled += value.byteLength;
      }
      if (done) return { buffer, filled, ended: true };
    }
    return { buffer, filled, ended: false };
  };
  void (async () => {
    send({ type: 'feed' });
    let read = 0;
    for (;;) {
      const { buffer, filled, ended } = await fill(await take());
      if (stopped) return;
      read += filled;
      if (filled > 0) send({ type: 'bytes', buffer, length: filled }, [buffer]);
      else spares.push(buffer);
      if (!ended) continue;
      // A file changed on the disk since it was picked: no digest, rather than one of part of it.
      if (read !== file.size) throw new DOMException(CHANGED, 'NotReadableError');
      return send({ type: 'end' });
    }
  })().catch((error: unknown) => {
    if (!stopped) onError(error);
  });
  return {
    give(buffer) {
      spares.push(buffer);
      wake?.();
    },
    stop() {
      stopped = true;
      wake?.();
      reader.cancel().catch(() => undefined);
      // Those still with the worker are gone with it, if it is ended; the page makes new ones.
      kept.push(...spares.splice(0));
      kept.splice(0, kept.length - buffers);
      clearTimeout(letGo);
      letGo = setTimeout(() => kept.splice(0), KEEP_BUFFERS_MS);
    },
  };
}
