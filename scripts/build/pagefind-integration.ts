/**
 * Astro integration: after every build, Pagefind (its extended binary, which segments Chinese)
 * indexes the built pages into <outDir>/pagefind/, so `npm run build` always ships a search
 * index that matches the content, under whatever base path the build used. Beside it goes
 * <outDir>/pagefind-layer/pagefind.js, our ranking layer, which the search UI loads instead.
 */
import type { AstroIntegration } from 'astro';
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import * as pagefind from 'pagefind';

const LAYER_ENTRY = fileURLToPath(
  new URL('../../src/components/search/pagefind-layer-entry.ts', import.meta.url),
);
const PAGEFIND_BUNDLE = '../pagefind/pagefind.js';

/** Our layer as one small module that imports Pagefind's own bundle by relative URL at run time. */
async function buildLayer(outDir: string): Promise<void> {
  await build({
    entryPoints: [LAYER_ENTRY],
    outfile: join(outDir, 'pagefind-layer', 'pagefind.js'),
    bundle: true,
    format: 'esm',
    minify: true,
    // ES2020 is what Chromium 87, Firefox 78 and Safari 14 all run; es-check verifies the output.
    target: 'es2020',
    logLevel: 'warning',
    plugins: [
      {
        name: 'pagefind-at-run-time',
        setup(b) {
          b.onResolve({ filter: /^\.\.\/pagefind\/pagefind\.js$/ }, () => ({
            path: PAGEFIND_BUNDLE,
            external: true,
          }));
        },
      },
    ],
  });
}

export function pagefindIndex(): AstroIntegration {
  return {
    name: 'handbook-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
        if (!index) throw new Error(`Pagefind 无法启动：${errors.join('; ')}`);
        const added = await index.addDirectory({ path: outDir });
        if (added.errors.length > 0) throw new Error(`Pagefind 索引失败：${added.errors.join('; ')}`);
        const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
        if (written.errors.length > 0) throw new Error(`Pagefind 写入失败：${written.errors.join('; ')}`);
        await pagefind.close();
        await buildLayer(outDir);
        logger.info(`搜索索引：${added.page_count} 个页面 → ${join(outDir, 'pagefind')}`);
      },
    },
  };
}
