/**
 * The committed kernel (src/lib/files/sha256-kernel-bytes.ts) is what scripts/build/build-sha256.mjs
 * makes, byte for byte: the build never runs the generator, so the two must not drift apart.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OUTPUT, sha256KernelModule, sha256Wasm } from '../../../../scripts/build/build-sha256.mjs';
import { SHA256_KERNEL_BASE64 } from '../../../../src/lib/files/sha256-kernel-bytes';

describe('build:sha256', () => {
  it('reproduces the committed kernel byte for byte', async () => {
    expect(readFileSync(OUTPUT, 'utf8')).toBe(await sha256KernelModule());
    expect(Buffer.from(SHA256_KERNEL_BASE64, 'base64')).toEqual(Buffer.from(await sha256Wasm()));
  });

  it('makes a module with one memory and compress(ptr, blocks), and nothing it must import', async () => {
    const module = new WebAssembly.Module(await sha256Wasm());
    expect(WebAssembly.Module.imports(module)).toEqual([]);
    expect(WebAssembly.Module.exports(module)).toEqual([
      { name: 'memory', kind: 'memory' },
      { name: 'compress', kind: 'function' },
    ]);
  });
});
