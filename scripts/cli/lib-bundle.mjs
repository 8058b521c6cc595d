/**
 * The commands use the very modules the pages use (one schema, one reader), but src/lib is
 * TypeScript: the modules a command names are bundled with esbuild into a temporary ES module
 * and imported.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const libDir = resolve(import.meta.dirname, '../../src/lib');

/**
 * `modules` maps a path under src/lib to the names it exports that the command needs, e.g.
 * `{ 'rubrics/rubric-file.ts': ['importPackBytes'] }`; the result holds them all.
 */
export async function bundleLib(modules) {
  const work = mkdtempSync(join(tmpdir(), 'handbook-lib-'));
  try {
    const entry = join(work, 'entry.ts');
    writeFileSync(
      entry,
      Object.entries(modules)
        .map(
          ([path, names]) => `export { ${names.join(', ')} } from ${JSON.stringify(join(libDir, path))};\n`,
        )
        .join(''),
    );
    await build({
      entryPoints: [entry],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: join(work, 'lib.mjs'),
      // A CommonJS dependency bundled into an ES module still calls require() for Node's own modules.
      banner: {
        js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
      },
      logLevel: 'error',
    });
    return await import(pathToFileURL(join(work, 'lib.mjs')).href);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
