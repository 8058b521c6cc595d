/**
 * What the hashing worker does (sha256-worker.ts only wires it to the worker's messages): SHA-256
 * in WebAssembly, several times faster than in JavaScript, fed the file chunk by chunk. Our own
 * kernel first (sha256-kernel.ts, faster than hash-wasm's on the machines we measure); where it
 * cannot run, hash-wasm's; where neither can, the worker replies 'failed' and the page hashes on its
 * main thread (file-hash.ts). Runs in Node as well, where the unit tests check its digests.
 */
import { createSHA256 } from 'hash-wasm';
import {
  hashInChunks,
  hashStreamed,
  type HashReply,
  type HashRequest,
  type IncrementalHash,
} from './chunked-hash';
import { kernelSha256 } from './sha256-kernel';

/** hash-wasm's SHA-256: correct everywhere WebAssembly runs, and slower than ours. */
export async function hashWasmSha256(): Promise<IncrementalHash> {
  const hasher = await createSHA256();
  hasher.init();
  return { update: (bytes) => hasher.update(bytes), hex: () => hasher.digest('hex') };
}

/** The first of `choices` that starts here; rejects with the last one's error if none does. */
export async function wasmSha256(
  choices: readonly (() => Promise<IncrementalHash>)[] = [() => kernelSha256(), hashWasmSha256],
): Promise<IncrementalHash> {
  let failure: unknown = new Error('no SHA-256 in WebAssembly');
  for (const start of choices) {
    try {
      return await start();
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
    reply({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
}
