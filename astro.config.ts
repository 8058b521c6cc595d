import mdx from '@astrojs/mdx';
import react from '@astrojs/react';
import { defineConfig } from 'astro/config';
import { normalizeBase } from './src/lib/paths';
import { rehypeBaseLinks } from './scripts/rehype-base-links';

/** Schools host the site under a sub-path of their intranet: BASE_PATH=/handbook/ npm run build. */
const base = normalizeBase(process.env.BASE_PATH);

export default defineConfig({
  base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  outDir: process.env.HANDBOOK_OUT_DIR ?? './dist',
  integrations: [mdx(), react()],
  markdown: {
    rehypePlugins: [[rehypeBaseLinks, { base }]],
  },
  devToolbar: { enabled: false },
  telemetry: false,
});
