/**
 * Built by esbuild (scripts/build/pagefind-integration.ts) into <out>/pagefind-layer/pagefind.js.
 * Pagefind's Component UI loads `<bundle-path>pagefind.js` and calls its `createInstance`; its
 * bundle path points here, so the UI searches through our layer (src/lib/search/search-layer.ts) while
 * Pagefind itself still loads from its own folder next to this one, under any base path.
 */
// @ts-expect-error -- Pagefind's browser bundle exists only in the built site, beside this file.
import * as pagefind from '../pagefind/pagefind.js';
import { layerPagefind, type PagefindApi } from '../../lib/search/search-layer';
import { reportSearchFailure } from './failure';

const real = pagefind as { createInstance(options: Record<string, unknown>): PagefindApi };
/** The site's base path: this file is <base>pagefind-layer/pagefind.js. */
const base = new URL('../', import.meta.url).pathname;

export function createInstance(options: Record<string, unknown> = {}): PagefindApi {
  return layerPagefind(real.createInstance(options), base, reportSearchFailure);
}
