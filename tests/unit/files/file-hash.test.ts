import { createHash, webcrypto } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHUNK_BYTES, sha256Hex, type ReadableFile } from '../../../src/lib/files/file-hash';

/** A file made of given bytes that records how much each read asked for. */
function fileOf(bytes: Uint8Array): ReadableFile & { reads: number[] } {
  const reads: number[] = [];
  return {
    reads,
    size: bytes.length,
    slice: (start, end) => ({
      arrayBuffer: async () => {
        reads.push(end - start);
        return bytes.slice(start, end).buffer;
      },
    }),
  };
}

const nodeSha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const text = (s: string) => new TextEncoder().encode(s);

describe('sha256Hex', () => {
  it('gives the standard digests, with and without Web Crypto', async () => {
    for (const subtle of [webcrypto.subtle, undefined]) {
      expect(await sha256Hex(fileOf(text('')), { subtle })).toBe(
        'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      );
      expect(await sha256Hex(fileOf(text('abc')), { subtle })).toBe(
        'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
      );
    }
  });

  it('without Web Crypto (a plain-http intranet) reads the file one chunk at a time', async () => {
    const bytes = new Uint8Array(2.5 * CHUNK_BYTES).map((_, i) => i % 251);
    const file = fileOf(bytes);
    expect(await sha256Hex(file)).toBe(nodeSha256(bytes));
    expect(file.reads).toEqual([CHUNK_BYTES, CHUNK_BYTES, CHUNK_BYTES / 2]);
  });

  it('reports progress after each chunk, ending at the file size', async () => {
    const bytes = new Uint8Array(250);
    const seen: number[] = [];
    await sha256Hex(fileOf(bytes), { chunkBytes: 100, onProgress: (done) => seen.push(done) });
    expect(seen).toEqual([100, 200, 250]);
    const once: number[] = [];
    await sha256Hex(fileOf(bytes), { subtle: webcrypto.subtle, onProgress: (done) => once.push(done) });
    expect(once).toEqual([250]);
  });

  it('hands a file too big for one buffer to the chunked hash even where Web Crypto exists', async () => {
    const bytes = text('一节课的录像'.repeat(100));
    const file = fileOf(bytes);
    const digest = await sha256Hex(file, {
      subtle: webcrypto.subtle,
      wholeFileMaxBytes: 100,
      chunkBytes: 64,
    });
    expect(digest).toBe(nodeSha256(bytes));
    expect(Math.max(...file.reads)).toBe(64);
  });

  it('falls back to the chunked hash when the browser refuses to read the file whole', async () => {
    const bytes = text('录像'.repeat(50));
    const plain = fileOf(bytes);
    const refusing: ReadableFile = {
      size: bytes.length,
      slice: (start, end) =>
        end - start === bytes.length && bytes.length > 64
          ? { arrayBuffer: () => Promise.reject(new DOMException('too big', 'NotReadableError')) }
          : plain.slice(start, end),
    };
    const digest = await sha256Hex(refusing, { subtle: webcrypto.subtle, chunkBytes: 64 });
    expect(digest).toBe(nodeSha256(bytes));
  });

  it('agrees with Node for any bytes and any chunk size', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 3000 }),
        fc.integer({ min: 1, max: 700 }),
        fc.boolean(),
        async (bytes, chunkBytes, withSubtle) => {
          const digest = await sha256Hex(fileOf(bytes), {
            subtle: withSubtle ? webcrypto.subtle : undefined,
            chunkBytes,
          });
          expect(digest).toBe(nodeSha256(bytes));
        },
      ),
    );
  });
});
