/**
 * The committed kernel (src/lib/files/sha256-kernel-bytes.ts) is what scripts/build/build-sha256.mjs
 * makes, byte for byte: the build never runs the generator, so the two must not drift apart.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OUTPUT, sha256KernelModule, sha256Wasm } from '../../../../scripts/build/build-sha256.mjs';
import wabtInit from 'wabt';
import {
  SHA256_KERNEL_BASE64,
  SHA256_SCALAR_KERNEL_BASE64,
} from '../../../../src/lib/files/sha256-kernel-bytes';

describe('build:sha256', () => {
  it('reproduces the committed kernel byte for byte', async () => {
    expect(readFileSync(OUTPUT, 'utf8')).toBe(await sha256KernelModule());
    expect(Buffer.from(SHA256_KERNEL_BASE64, 'base64')).toEqual(Buffer.from(await sha256Wasm()));
    expect(Buffer.from(SHA256_SCALAR_KERNEL_BASE64, 'base64')).toEqual(
      Buffer.from(await sha256Wasm({ simd: false })),
    );
  });

  it('makes modules with one memory and compress(ptr, blocks), and nothing they must import', async () => {
    for (const simd of [true, false]) {
      const module = new WebAssembly.Module(await sha256Wasm({ simd }));
      expect(WebAssembly.Module.imports(module)).toEqual([]);
      expect(WebAssembly.Module.exports(module)).toEqual([
        { name: 'memory', kind: 'memory' },
        { name: 'compress', kind: 'function' },
      ]);
    }
  });

  it('the kernel without SIMD runs where WebAssembly has no SIMD; the other would not', async () => {
    const wabt = await wabtInit();
    // wabt reading and checking the module as an engine without SIMD would.
    const validWithoutSimd = async (simd: boolean) => {
      const bytes = await sha256Wasm({ simd });
      try {
        const module = wabt.readWasm(bytes, { simd: false });
        try {
          module.validate();
          return true;
        } finally {
          module.destroy();
        }
      } catch {
        return false;
      }
    };
    expect(await validWithoutSimd(false)).toBe(true);
    expect(await validWithoutSimd(true)).toBe(false);
  });
});
