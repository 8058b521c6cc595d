/**
 * What the hashing worker does (sha256-worker.ts only wires it to the worker's messages):
 * WebAssembly's SHA-256 from hash-wasm, several times faster than SHA-256 in JavaScript, fed
 * the file chunk by chunk. Runs in Node as well, where the unit tests check its digests.
 */
import { createSHA256 } from 'hash-wasm';
import {
  hashInChunks,
  hashStreamed,
  type HashReply,
  type HashRequest,
  type IncrementalHash,
} from './chunked-hash';

export async function wasmSha256(): Promise<IncrementalHash> {
  const hasher = await createSHA256();
  hasher.init();
  return { update: (bytes) => hasher.update(bytes), hex: () => hasher.digest('hex') };
}

/**
 * Hashes the requested file, replying with progress after each chunk, then the digest. The file's
 * stream is read into two reused buffers where the browser allows it, else by slices.
 */
export async function answerHashRequest(
  { file, chunkBytes }: HashRequest,
  reply: (message: HashReply) => void,
): Promise<void> {
  try {
    const hash = await wasmSha256();
    const options = { chunkBytes, onProgress: (done: number) => reply({ type: 'progress', done }) };
    const hex = (await hashStreamed(file, hash, options)) ?? (await hashInChunks(file, hash, options));
    reply({ type: 'done', hex });
  } catch (error) {
    reply({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
}
