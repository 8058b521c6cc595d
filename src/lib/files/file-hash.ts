/**
 * SHA-256 of a teacher's evidence file, computed in the browser, on any connection.
 *
 * Web Crypto is fast but exists only on https:// and localhost, and digests a whole buffer at
 * once. A school intranet is often plain http, and a class recording can be larger than the
 * memory a school PC gives one tab. So Web Crypto is used when it exists and the file is of a
 * size that fits comfortably in memory; otherwise the file is read in chunks into an
 * incremental SHA-256 (@noble/hashes), which is slower but holds one chunk at a time.
 */
import { sha256 } from '@noble/hashes/sha2.js';

/** Bytes read per step of the incremental hash. */
export const CHUNK_BYTES = 4 * 1024 * 1024;

/**
 * Largest file handed to Web Crypto in one piece. Chromium has refused to read a 256 MB blob
 * whole (NotReadableError, scripts/bench/bench-hash.mjs), so the limit stays well below that, and a
 * refused read falls back to the chunked hash.
 */
export const WHOLE_FILE_MAX_BYTES = 128 * 1024 * 1024;

/** What is needed of a File (a Blob): its size and slices of it. */
export interface ReadableFile {
  size: number;
  slice(start: number, end: number): { arrayBuffer(): Promise<ArrayBuffer> };
}

export interface HashOptions {
  /** Web Crypto, when the page has it (secure contexts only). */
  subtle?: Pick<SubtleCrypto, 'digest'> | undefined;
  wholeFileMaxBytes?: number;
  chunkBytes?: number;
  /** Told how many bytes are hashed so far, after each chunk; a big file takes seconds. */
  onProgress?: ((bytesDone: number) => void) | undefined;
}

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** The file's SHA-256 as 64 lower-case hexadecimal digits. */
export async function sha256Hex(file: ReadableFile, options: HashOptions = {}): Promise<string> {
  const { subtle, wholeFileMaxBytes = WHOLE_FILE_MAX_BYTES, chunkBytes = CHUNK_BYTES, onProgress } = options;
  if (subtle && file.size <= wholeFileMaxBytes) {
    try {
      const whole = await file.slice(0, file.size).arrayBuffer();
      const digest = hex(new Uint8Array(await subtle.digest('SHA-256', whole)));
      onProgress?.(file.size);
      return digest;
    } catch {
      // Too big to read whole on this machine after all: the chunked hash needs one chunk.
    }
  }
  const hash = sha256.create();
  for (let start = 0; start < file.size; start += chunkBytes) {
    const end = Math.min(start + chunkBytes, file.size);
    hash.update(new Uint8Array(await file.slice(start, end).arrayBuffer()));
    onProgress?.(end);
  }
  return hex(hash.digest());
}
