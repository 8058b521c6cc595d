/**
 * Our own SHA-256 in WebAssembly, the hashing worker's first choice (wasm-sha256.ts). We wrote it
 * because hash-wasm's, though correct, stays below issue 23's 300 MB/s on the machine we measure on;
 * ours with SIMD hashes about half as fast again, and ours without SIMD, for browsers that have none
 * (before Chrome 91, Firefox 89, Safari 16.4), about a quarter (scripts/build/build-sha256.mjs says
 * how, and generates the bytes in sha256-kernel-bytes.ts). Both are proven against node:crypto by
 * property tests over random bytes, lengths and splits (tests/unit/files/sha256-kernel.test.ts),
 * and check themselves against a known digest before each use: an engine that cannot compile or
 * run one correctly gets the next (SIMD, then without, then hash-wasm), never a wrong digest.
 *
 * Here: the bytes before a whole 64-byte block, the padding and the length (FIPS 180-4, 5.1.1);
 * the module hashes whole blocks only.
 */
import type { IncrementalHash } from './chunked-hash';
import { SHA256_KERNEL_BASE64, SHA256_SCALAR_KERNEL_BASE64 } from './sha256-kernel-bytes';

interface KernelExports {
  memory: WebAssembly.Memory;
  compress(ptr: number, blocks: number): void;
}

const INITIAL_STATE = [
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
];
/** Where the module reads its input: after the 32 bytes of state, block-aligned. */
const INPUT = 64;
/** The input area: the rest of the module's one 64 KB page, a whole number of blocks. */
const INPUT_BYTES = 65536 - INPUT;

/** Our two kernels: with SIMD, and without. */
export type KernelKind = 'simd' | 'scalar';

const BASE64: Record<KernelKind, string> = {
  simd: SHA256_KERNEL_BASE64,
  scalar: SHA256_SCALAR_KERNEL_BASE64,
};

/** Each compiled once per worker; each file gets its own instance. */
const compiled = new Map<KernelKind, Promise<WebAssembly.Module>>();

function compile(kind: KernelKind): Promise<WebAssembly.Module> {
  let module = compiled.get(kind);
  if (!module) {
    module = WebAssembly.compile(Uint8Array.from(atob(BASE64[kind]), (c) => c.charCodeAt(0)));
    compiled.set(kind, module);
  }
  return module;
}

/** An incremental SHA-256 over one instance of the module. */
function hashOver({ memory, compress }: KernelExports): IncrementalHash {
  const heap = new Uint8Array(memory.buffer);
  const view = new DataView(memory.buffer);
  INITIAL_STATE.forEach((word, i) => view.setUint32(i * 4, word, true));
  /** Bytes waiting at INPUT for their block to fill. */
  let pending = 0;
  let length = 0;
  return {
    update(bytes) {
      length += bytes.length;
      let at = 0;
      if (pending > 0) {
        at = Math.min(64 - pending, bytes.length);
        heap.set(bytes.subarray(0, at), INPUT + pending);
        pending += at;
        if (pending < 64) return;
        compress(INPUT, 1);
        pending = 0;
      }
      while (bytes.length - at >= 64) {
        const take = Math.min(INPUT_BYTES, bytes.length - at) & ~63;
        heap.set(bytes.subarray(at, at + take), INPUT);
        compress(INPUT, take / 64);
        at += take;
      }
      heap.set(bytes.subarray(at), INPUT);
      pending = bytes.length - at;
    },
    hex() {
      // 0x80, zeros to 8 bytes short of a block's end, then the length in bits, big-endian.
      const blocks = pending + 9 <= 64 ? 1 : 2;
      heap[INPUT + pending] = 0x80;
      heap.fill(0, INPUT + pending + 1, INPUT + blocks * 64);
      const bits = length * 8;
      view.setUint32(INPUT + blocks * 64 - 8, Math.floor(bits / 2 ** 32));
      view.setUint32(INPUT + blocks * 64 - 4, bits >>> 0);
      compress(INPUT, blocks);
      return Array.from({ length: 8 }, (_, i) =>
        view
          .getUint32(i * 4, true)
          .toString(16)
          .padStart(8, '0'),
      ).join('');
    },
  };
}

/** SHA-256 of "abc" (FIPS 180-4's first example), the check the kernel passes before it is used. */
const ABC = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';

/**
 * A fresh incremental SHA-256 on one of our kernels (or on `bytes`, a module in its place, for the
 * tests). Rejects where WebAssembly cannot compile or run it (a browser without SIMD cannot compile
 * 'simd'), or where it gives a wrong digest for "abc"; the caller then takes the next.
 */
export async function kernelSha256(
  kind: KernelKind | Uint8Array<ArrayBuffer> = 'simd',
): Promise<IncrementalHash> {
  const module = await (typeof kind === 'string' ? compile(kind) : WebAssembly.compile(kind));
  const kernel = (await WebAssembly.instantiate(module)).exports as unknown as KernelExports;
  const probe = hashOver(kernel);
  probe.update(new Uint8Array([0x61, 0x62, 0x63]));
  if (probe.hex() !== ABC) throw new Error('SHA-256 kernel failed its known-answer check');
  return { ...hashOver(kernel), engine: typeof kind === 'string' ? kind : 'given module' };
}
