/**
 * Our SHA-256 in WebAssembly (src/lib/files/sha256-kernel.ts), against node:crypto: any bytes, the
 * lengths where the padding changes (55, 56, 63, 64, 65 …) and inputs of several MB, split into
 * chunks anywhere. And what the worker does where the kernel cannot run: hash-wasm's, then the page.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import wabtInit from 'wabt';
import { describe, expect, it } from 'vitest';
import type { HashReply, IncrementalHash } from '../../../src/lib/files/chunked-hash';
import { kernelSha256, type KernelKind } from '../../../src/lib/files/sha256-kernel';
import { answerHashRequest, hashWasmSha256, wasmSha256 } from '../../../src/lib/files/wasm-sha256';

const nodeSha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Feeds `bytes` to `hash` cut at the given points (any order, any repeats), then its digest. */
function hashSplit(hash: IncrementalHash, bytes: Uint8Array, cuts: number[]): string {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  let start = 0;
  for (const point of [...points, bytes.length]) {
    hash.update(bytes.subarray(start, point));
    start = point;
  }
  return hash.hex();
}

/** Bytes that are not all alike, quickly, for inputs of several MB. */
const patterned = (length: number, seed: number) => {
  const bytes = new Uint8Array(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = x & 0xff;
  }
  return bytes;
};

describe.each<KernelKind>(['simd', 'scalar'])('our SHA-256 kernel (%s)', (kind) => {
  it('gives the standard digests', async () => {
    const hex = async (s: string) => {
      const hash = await kernelSha256(kind);
      hash.update(new TextEncoder().encode(s));
      return hash.hex();
    };
    expect(await hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(await hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it("gives node:crypto's digest for any bytes split anywhere", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 3000 }),
        fc.array(fc.nat(), { maxLength: 12 }),
        async (bytes, cuts) => {
          expect(hashSplit(await kernelSha256(kind), bytes, cuts)).toBe(nodeSha256(bytes));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is right at every length where the padding changes, and around whole blocks', async () => {
    const lengths = fc.oneof(
      fc.constantFrom(0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 129, 191, 192),
      // Around the kernel's 64 KB input area, which a long chunk fills more than once.
      fc.integer({ min: 65_400, max: 65_600 }),
      fc.integer({ min: 0, max: 1000 }),
    );
    await fc.assert(
      fc.asyncProperty(
        lengths,
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.nat(),
        async (length, cuts, seed) => {
          const bytes = patterned(length, seed);
          expect(hashSplit(await kernelSha256(kind), bytes, cuts)).toBe(nodeSha256(bytes));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('hashes several MB in chunks of any size, as the worker feeds a file', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 5 * 1024 * 1024 }),
        fc.integer({ min: 1, max: 3 * 1024 * 1024 }),
        fc.nat(),
        async (length, chunk, seed) => {
          const bytes = patterned(length, seed);
          const hash = await kernelSha256(kind);
          for (let at = 0; at < bytes.length; at += chunk) hash.update(bytes.subarray(at, at + chunk));
          expect(hash.hex()).toBe(nodeSha256(bytes));
        },
      ),
      { numRuns: 8 },
    );
  });

  it('hashes 3 MB of blocks in one call, across the SIMD kernel’s turn between its two schedule areas', async () => {
    const bytes = patterned(3 * 1024 * 1024 + 17, 3);
    const hash = await kernelSha256(kind);
    hash.update(bytes);
    expect(hash.hex()).toBe(nodeSha256(bytes));
  });

  it('keeps two files apart when they are hashed at the same time', async () => {
    const one = patterned(100_000, 1);
    const two = patterned(70_001, 2);
    const [h1, h2] = [await kernelSha256(kind), await kernelSha256(kind)];
    for (let at = 0; at < one.length; at += 9_999) {
      h1.update(one.subarray(at, at + 9_999));
      h2.update(two.subarray(at, at + 9_999));
    }
    expect([h1.hex(), h2.hex()]).toEqual([nodeSha256(one), nodeSha256(two)]);
  });
});

describe('where our kernel cannot run', () => {
  /** A module of the kernel's shape whose compress does nothing: it compiles, and gives wrong digests. */
  async function wrongKernel(): Promise<Uint8Array<ArrayBuffer>> {
    const wabt = await wabtInit();
    const module = wabt.parseWat(
      'wrong.wat',
      '(module (memory (export "memory") 1 1) (func (export "compress") (param i32 i32)))',
    );
    const bytes = Uint8Array.from(module.toBinary({}).buffer);
    module.destroy();
    return bytes;
  }

  it('refuses to start on bytes that are not WebAssembly, or on a kernel that hashes wrongly', async () => {
    await expect(kernelSha256(new Uint8Array([1, 2, 3]))).rejects.toThrow();
    await expect(kernelSha256(await wrongKernel())).rejects.toThrow(/known-answer/);
  });

  it('the worker takes ours with SIMD where the engine has it, and ours without where that one cannot start', async () => {
    expect((await wasmSha256()).engine).toBe('simd');
    const noSimd = () => kernelSha256(new Uint8Array([0]));
    const hash = await wasmSha256([noSimd, () => kernelSha256('scalar'), hashWasmSha256]);
    expect(hash.engine).toBe('scalar');
    const bytes = patterned(100_000, 9);
    expect(hashSplit(hash, bytes, [5, 70_000])).toBe(nodeSha256(bytes));
  });

  it("the worker hashes with hash-wasm's SHA-256 instead, with the same digest", async () => {
    const bytes = patterned(200_000, 7);
    const broken = () => kernelSha256(new Uint8Array([0]));
    const hash = await wasmSha256([broken, hashWasmSha256]);
    expect(hashSplit(hash, bytes, [1, 64, 99_999])).toBe(nodeSha256(bytes));
  });

  it("where neither starts, the worker says so and the page's own hash takes over", async () => {
    const broken = () => kernelSha256(new Uint8Array([0]));
    await expect(wasmSha256([broken, broken])).rejects.toThrow();
    const bytes = new Uint8Array(100);
    const file = new Blob([bytes]);
    const replies: HashReply[] = [];
    await answerHashRequest(
      { file, chunkBytes: 64 },
      (r) => replies.push(r),
      () => wasmSha256([broken]),
    );
    expect(replies).toEqual([{ type: 'failed', message: expect.any(String) }]);
  });
});
