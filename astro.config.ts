import mdx from '@astrojs/mdx';
import react from '@astrojs/react';
import { defineConfig } from 'astro/config';
import { normalizeBase } from './src/lib/content/paths';
import { satteri } from '@astrojs/markdown-satteri';
import { abilityLinksPlugin } from './scripts/build/markdown-ability-links';
import { baseLinksPlugin } from './scripts/build/markdown-base-links';
import { typographyPlugin } from './scripts/build/markdown-typography';
import { pagefindIndex } from './scripts/build/pagefind-integration';
import { serviceWorker } from './scripts/build/service-worker.mjs';

/** Schools host the site under a sub-path of their intranet: BASE_PATH=/handbook/ npm run build. */
const base = normalizeBase(process.env.BASE_PATH);

/**
 * Astro marks each content module with "use astro:head-inject" and reads the marker itself;
 * the bundler then warns, once per MDX file with a code frame, that it may drop the directive.
 * Harmless, but 40 yellow warnings read to a school's admin like errors in their content, and
 * would hide a real one. Only that warning about that directive is dropped; every other passes.
 */
function quietKnownWarnings(
  warning: { code?: string; message: string },
  warn: (warning: { code?: string; message: string }) => void,
): void {
  if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('"use astro:head-inject"'))
    return;
  warn(warning);
}

export default defineConfig({
  base,
  trailingSlash: 'always',
  // The site's CSS is small (about 2 KB gzip a page): inlined, it costs no render-blocking request.
  build: { format: 'directory', inlineStylesheets: 'always' },
  outDir: process.env.HANDBOOK_OUT_DIR ?? './dist',
  // Separate caches let test builds from fixture content run without touching the main one.
  cacheDir: process.env.HANDBOOK_CACHE_DIR ?? './node_modules/.astro',
  // The service worker comes last: its precache list includes Pagefind's index.
  integrations: [mdx(), react(), pagefindIndex(), serviceWorker()],
  markdown: {
    processor: satteri({
      hastPlugins: [typographyPlugin(), abilityLinksPlugin(base), baseLinksPlugin(base)],
    }),
    // The handbook has no source code to colour, and Shiki's colours are inline styles, which
    // the CSP below blocks; a code block an editor writes stays plain <pre><code>.
    syntaxHighlight: false,
  },
  devToolbar: { enabled: false },
  // School PCs run 360/QQ browsers on old Chromium cores; Windows 7 stops at Chrome 109.
  vite: {
    build: {
      target: ['chrome87', 'edge88', 'firefox78', 'safari14'],
      // pdf.js and its worker (1.3 MB) are fetched only when a 考核指南 PDF is imported on /rubrics/;
      // the warning for them would read to a school's admin like an error in the build.
      chunkSizeWarningLimit: 1400,
      rolldownOptions: { onwarn: quietKnownWarnings },
    },
  },
  // A strict policy in a <meta> tag on every page: only the site's own files, Astro's inline
  // scripts by hash, WebAssembly for Pagefind and the evidence-file hash. README has the same policy as an nginx header.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data: blob:",
        "media-src 'self' blob:",
        "font-src 'self'",
        "connect-src 'self'",
        // The offline copy's service worker, Pagefind's search worker and the file-hash worker; the web app manifest.
        "worker-src 'self'",
        "manifest-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
    },
  },
});
