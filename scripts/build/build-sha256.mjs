#!/usr/bin/env node
/**
 * Writes src/lib/files/sha256-kernel-bytes.ts: the evidence-file hash's SHA-256 compression in
 * WebAssembly, generated here as WebAssembly text and assembled by wabt (pinned, so the bytes are the
 * same on every run; tests/unit/scripts/build/build-sha256.test.ts checks the committed file against
 * this script's output).
 *
 * Why our own and not hash-wasm's: issue 23 asks for ≥ 300 MB/s, and hash-wasm's SHA-256 tops out at
 * about 280–300 MB/s on this machine on bytes already in memory, before any file is read. This kernel
 * is the same algorithm (FIPS 180-4) laid out for V8: the 64 rounds fully unrolled, the eight working
 * variables renamed from round to round instead of moved, the sixteen-word message window and the
 * state in locals (no memory traffic but the input), the round constants as immediates, and a loop
 * over many 64-byte blocks in one call. In Node and Chromium it hashes about a quarter faster than
 * hash-wasm (README, bench:hash). Tried and not kept, as they measured no faster here: byte-swapping
 * the input with SIMD, the message schedule in SIMD, and nested rotations for the Σ functions.
 *
 * The module: one 64 KB memory, the eight state words at bytes 0–31, input at byte 64 onwards;
 * compress(ptr, blocks) hashes `blocks` whole 64-byte blocks at `ptr` into the state. Padding, the
 * length and the partial block are left to src/lib/files/sha256-kernel.ts.
 *
 *   node scripts/build/build-sha256.mjs   (npm run build:sha256)
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import wabtInit from 'wabt';

export const OUTPUT = fileURLToPath(new URL('../../src/lib/files/sha256-kernel-bytes.ts', import.meta.url));

/** The round constants: the first 32 bits of the fractional parts of the cube roots of the first 64 primes. */
const K = [
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
];

const i32 = (n) => `(i32.const ${n | 0})`;
const get = (name) => `(local.get $${name})`;
const set = (name, value) => `(local.set $${name} ${value})`;
const add = (...xs) => xs.reduce((a, b) => `(i32.add ${a} ${b})`);
const xor = (...xs) => xs.reduce((a, b) => `(i32.xor ${a} ${b})`);
const and = (a, b) => `(i32.and ${a} ${b})`;
const rotr = (x, n) => `(i32.rotr ${x} ${i32(n)})`;
const shr = (x, n) => `(i32.shr_u ${x} ${i32(n)})`;

/** The WebAssembly text of the kernel. */
export function sha256Wat() {
  const STATE = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
  const W = Array.from({ length: 16 }, (_, i) => `w${i}`);
  const w = (t) => W[t & 15];
  const locals = [...STATE, ...W, 't1', 'ab', 'bc', 'end'];
  const body = [];
  // The state into locals, once per call.
  STATE.forEach((v, i) => body.push(set(v, `(i32.load offset=${i * 4} ${i32(0)})`)));
  body.push('(loop $block');
  // Sixteen big-endian words: a little-endian load, then its bytes swapped.
  for (let i = 0; i < 16; i++) {
    body.push(set(W[i], `(i32.load offset=${i * 4} ${get('ptr')})`));
    const x = get(W[i]);
    body.push(
      set(
        W[i],
        `(i32.or (i32.rotl ${and(x, i32(0x00ff00ff))} ${i32(24)}) (i32.rotl ${and(x, i32(0xff00ff00))} ${i32(8)}))`,
      ),
    );
  }
  // 64 rounds. The names of the working variables move instead of their values: after a round, what
  // was h holds the new a and what was d the new e, and after 64 rounds every name is back in place.
  let [a, b, c, d, e, f, g, h] = STATE;
  // Maj(a, b, c) = b ^ ((a ^ b) & (b ^ c)), and this round's a ^ b is the next round's b ^ c.
  body.push(set('bc', xor(get(b), get(c))));
  for (let t = 0; t < 64; t++) {
    if (t >= 16) {
      const x2 = get(w(t - 2));
      const x15 = get(w(t - 15));
      const s0 = xor(rotr(x15, 7), rotr(x15, 18), shr(x15, 3));
      const s1 = xor(rotr(x2, 17), rotr(x2, 19), shr(x2, 10));
      body.push(set(w(t), add(add(get(w(t)), s0), add(get(w(t - 7)), s1))));
    }
    const ch = xor(and(xor(get(f), get(g)), get(e)), get(g));
    const bigS1 = xor(rotr(get(e), 6), rotr(get(e), 11), rotr(get(e), 25));
    const bigS0 = xor(rotr(get(a), 2), rotr(get(a), 13), rotr(get(a), 22));
    // h + W + K first: it does not wait on this round's e, so the chain from e to e is short.
    body.push(set('t1', add(add(add(get(h), add(get(w(t)), i32(K[t]))), ch), bigS1)));
    body.push(set(d, add(get(d), get('t1'))));
    body.push(set('ab', xor(get(a), get(b))));
    body.push(set(h, add(get('t1'), add(bigS0, xor(and(get('ab'), get('bc')), get(b))))));
    body.push(set('bc', get('ab')));
    [a, b, c, d, e, f, g, h] = [h, a, b, c, d, e, f, g];
  }
  // Added into the state, which stays in memory for the next call.
  STATE.forEach((v, i) => {
    body.push(set(v, add(`(i32.load offset=${i * 4} ${i32(0)})`, get(v))));
    body.push(`(i32.store offset=${i * 4} ${i32(0)} ${get(v)})`);
  });
  body.push(set('ptr', add(get('ptr'), i32(64))));
  body.push(`(br_if $block (i32.lt_u ${get('ptr')} ${get('end')})))`);
  return [
    '(module',
    '(memory (export "memory") 1 1)',
    '(func (export "compress") (param $ptr i32) (param $blocks i32)',
    locals.map((l) => `(local $${l} i32)`).join(' '),
    `(if (i32.eqz ${get('blocks')}) (then (return)))`,
    set('end', add(get('ptr'), `(i32.shl ${get('blocks')} ${i32(6)})`)),
    ...body,
    '))',
    '',
  ].join('\n');
}

/** The kernel's WebAssembly binary. */
export async function sha256Wasm() {
  const wabt = await wabtInit();
  const module = wabt.parseWat('sha256.wat', sha256Wat());
  try {
    module.validate();
    return Uint8Array.from(module.toBinary({ log: false, write_debug_names: false }).buffer);
  } finally {
    module.destroy();
  }
}

/** The TypeScript module holding the binary, as committed. */
export async function sha256KernelModule() {
  const base64 = Buffer.from(await sha256Wasm()).toString('base64');
  return `/**
 * Generated by scripts/build/build-sha256.mjs (npm run build:sha256): do not edit. The SHA-256
 * compression in WebAssembly that sha256-kernel.ts runs, as base64.
 */
export const SHA256_KERNEL_BASE64 =
  '${base64}';
`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(OUTPUT, await sha256KernelModule());
  console.log(`wrote ${OUTPUT}`);
}
