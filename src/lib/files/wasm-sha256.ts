/**
 * What the hashing worker does (sha256-worker.ts only wires it to the worker's messages): SHA-256
 * in WebAssembly, several times faster than in JavaScript, fed the file chunk by chunk. Our own
 * kernel first (sha256-kernel.ts, faster than hash-wasm's on the machines we measure), with SIMD,
 * else without; where neither can run, hash-wasm's; where none can, the worker replies 'failed' and
 * the page hashes on its main thread (file-hash.ts). Runs in Node as well, where the unit tests
 * check its digests.
 */
import { createSHA256 } from 'hash-wasm';
import {
  hashInChunks,
  hashStreamed,
  type FeedMessage,
  type HashMessage,
  type HashReply,
  type HashRequest,
  type IncrementalHash,
} from './chunked-hash';
import { kernelSha256 } from './sha256-kernel';

/** hash-wasm's SHA-256: correct everywhere WebAssembly runs, and slower than ours. */
export async function hashWasmSha256(): Promise<IncrementalHash> {
  const hasher = await createSHA256();
  hasher.init();
  return { update: (bytes) => hasher.update(bytes), hex: () => hasher.digest('hex'), engine: 'hash-wasm' };
}

/** The first of `choices` that starts here; rejects with the last one's error if none does. */
export async function wasmSha256(
  choices: readonly (() => Promise<IncrementalHash>)[] = [
    () => kernelSha256('simd'),
    () => kernelSha256('scalar'),
    hashWasmSha256,
  ],
): Promise<IncrementalHash> {
  let failure: unknown = new Error('no SHA-256 in WebAssembly');
  for (const start of choices) {
    try {
      const hash = await start();
      // A fallback gives the same digest, only slower: the mark lets the browser's performance
      // panel (and the e2e tests) tell which SHA-256 ran.
      globalThis.performance?.mark?.(`sha256-engine:${hash.engine ?? 'other'}`);
      return hash;
    } catch (error) {
      failure = error;
    }
  }
  throw failure;
}

/**
 * Hashes the requested file, replying with progress after each chunk, then the digest. The file's
 * stream is read into two reused buffers where the browser allows it, else by slices.
 */
export async function answerHashRequest(
  { file, chunkBytes }: HashRequest,
  reply: (message: HashReply) => void,
  startHash: () => Promise<IncrementalHash> = wasmSha256,
): Promise<void> {
  try {
    const hash = await startHash();
    const options = { chunkBytes, onProgress: (done: number) => reply({ type: 'progress', done }) };
    const hex = (await hashStreamed(file, hash, options)) ?? (await hashInChunks(file, hash, options));
    reply({ type: 'done', hex });
  } catch (error) {
    reply(failure(error));
  }
}

/** How the worker answers the page: a reply, and the buffers it hands back (transferred). */
export type Reply = (message: HashReply, transfer?: Transferable[]) => void;

const failure = (error: unknown): HashReply => ({
  type: 'failed',
  message: error instanceof Error ? error.message : String(error),
});

/**
 * One hash of bytes the page reads and hands over (feed-worker.ts): each buffer is hashed and
 * handed back, with how much is done, and 'end' gets the digest. The worker then does nothing but
 * hash, while the page's thread waits on the file: on a machine of two cores or more, reading and
 * hashing run side by side instead of taking turns in the worker.
 */
export function fedHash(reply: Reply, startHash: () => Promise<IncrementalHash> = wasmSha256) {
  const hash = startHash();
  let failed = false;
  let done = 0;
  const fail = (error: unknown) => {
    if (failed) return;
    failed = true;
    reply(failure(error));
  };
  hash.catch(fail);
  // Each message waits on the same hash, so they are taken in the order they came.
  return (message: Exclude<FeedMessage, { type: 'feed' }>) =>
    void hash
      .then((h) => {
        if (failed) return;
        if (message.type === 'end') return reply({ type: 'done', hex: h.hex() });
        h.update(new Uint8Array(message.buffer, 0, message.length));
        done += message.length;
        reply({ type: 'spare', buffer: message.buffer, done }, [message.buffer]);
      })
      .catch(fail);
}

/** The worker's answer to each message from the page (sha256-worker.ts wires it up). */
export function hashWorker(reply: Reply, startHash: () => Promise<IncrementalHash> = wasmSha256) {
  let fed: ReturnType<typeof fedHash> | undefined;
  return (message: HashMessage) => {
    if (!('type' in message)) void answerHashRequest(message, reply, startHash);
    else if (message.type === 'feed') fed = fedHash(reply, startHash);
    else fed?.(message);
  };
}
