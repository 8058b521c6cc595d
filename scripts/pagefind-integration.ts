/**
 * Astro integration: after every build, Pagefind (its extended binary, which segments Chinese)
 * indexes the built pages into <outDir>/pagefind/, so `npm run build` always ships a search
 * index that matches the content, under whatever base path the build used.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import * as pagefind from 'pagefind';

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
        logger.info(`搜索索引：${added.page_count} 个页面 → ${join(outDir, 'pagefind')}`);
      },
    },
  };
}
