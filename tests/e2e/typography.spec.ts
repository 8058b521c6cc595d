/**
 * Chinese typography of every built page, read from the build output: no half-width , : ;
 * between Chinese characters, no stray space beside full-width punctuation.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { visibleTextRuns } from '../support/page-text';
import { expect, test } from './fixtures';
import { builtPages } from './site-pages';

const HALF_WIDTH_BETWEEN_HAN = /\p{Script=Han}[ ]?[,:;][ ]?\p{Script=Han}/gu;
const SPACE_BESIDE_PUNCTUATION =
  /.{0,6}(?:\s[，。、；：？！）》〕】」』”]|[（《〔【「『“，。、；：？！]\s).{0,6}/gu;

test('no page sets half-width , : ; between Chinese characters or a space beside full-width punctuation', () => {
  const halfWidth: string[] = [];
  const spaces: string[] = [];
  for (const path of builtPages('dist')) {
    const html = readFileSync(join('dist', path, 'index.html'), 'utf8');
    for (const run of visibleTextRuns(html)) {
      for (const m of run.matchAll(HALF_WIDTH_BETWEEN_HAN)) halfWidth.push(`${path} 「${m[0]}」`);
      for (const m of run.matchAll(SPACE_BESIDE_PUNCTUATION)) spaces.push(`${path} 「${m[0]}」`);
    }
  }
  expect(halfWidth).toEqual([]);
  expect(spaces).toEqual([]);
});

test('breadcrumb separators have a space on each side', () => {
  const tight: string[] = [];
  for (const path of builtPages('dist')) {
    const html = readFileSync(join('dist', path, 'index.html'), 'utf8');
    for (const nav of html.matchAll(/<nav[^>]*class="breadcrumbs[^"]*"[^>]*>([\s\S]*?)<\/nav>/g)) {
      const text = visibleTextRuns(nav[1] ?? '').join(' ');
      if (/\S›|›\S/.test(text)) tight.push(`${path} 「${text}」`);
    }
  }
  expect(tight).toEqual([]);
});

test('citation links underline the title only, not a space or the book-title marks before it', () => {
  const bad: string[] = [];
  for (const path of builtPages('dist')) {
    const html = readFileSync(join('dist', path, 'index.html'), 'utf8');
    for (const link of html.matchAll(/<a\b[^>]*href="[^"]*#source-[^"]*"[^>]*>([\s\S]*?)<\/a>/g)) {
      const text = (link[1] ?? '').replace(/<[^>]+>/g, '');
      if (/^[\s《〈“]|[\s》〉”]$/.test(text)) bad.push(`${path} 「${text.slice(0, 20)}」`);
    }
  }
  expect(bad).toEqual([]);
});
