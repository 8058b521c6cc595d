import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const shim = (name: string) => fileURLToPath(new URL(`./tests/support/${name}`, import.meta.url));

export default defineConfig({
  resolve: {
    // content.config.ts is loaded outside Astro: its collection wiring is replaced, its schemas are real.
    alias: {
      'astro:content': shim('astro-content-shim.ts'),
      'astro/loaders': shim('astro-loaders-shim.ts'),
    },
  },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    testTimeout: 20_000,
  },
});
