/**
 * Built by esbuild (scripts/build/pagefind-integration.ts) into <out>/pagefind-layer/pagefind.js.
 * Pagefind's Component UI loads `<bundle-path>pagefind.js` and calls its `createInstance`; its
 * bundle path points here, so the UI searches through our layer (src/lib/search/search-layer.ts) while
 * Pagefind itself still loads from its own folder next to this one, under any base path.
 * The answer cards' index (answers.json, beside this file) is fetched with the first search.
 */
// @ts-expect-error -- Pagefind's browser bundle exists only in the built site, beside this file.
import * as pagefind from '../pagefind/pagefind.js';
import { answeredSearch } from '../../lib/search/search-ask';
import { readAnswerIndex, type AnswerIndex } from '../../lib/search/search-answers';
import { layerPagefind, type PagefindApi } from '../../lib/search/search-layer';
import { reportSearchFailure } from './failure';

const real = pagefind as { createInstance(options: Record<string, unknown>): PagefindApi };
/** The site's base path: this file is <base>pagefind-layer/pagefind.js. */
const base = new URL('../', import.meta.url).pathname;

let index: Promise<AnswerIndex | undefined> | undefined;

/** The card index, once; without it search still works, only without cards. */
function answerIndex(): Promise<AnswerIndex | undefined> {
  index ??= fetch(new URL('answers.json', import.meta.url).href)
    .then((response) => (response.ok ? response.json() : undefined))
    .then(readAnswerIndex)
    .catch((error: unknown) => {
      console.warn('答案卡片索引未能加载：', error);
      return undefined;
    });
  return index;
}

export function createInstance(options: Record<string, unknown> = {}): PagefindApi {
  void answerIndex();
  return layerPagefind(real.createInstance(options), base, reportSearchFailure, async (p, term, filters) =>
    answeredSearch(p, term, base, filters, await answerIndex()),
  );
}
