/**
 * Windows IIS, common on school intranets, answers 404 for any file type it has no MIME type
 * for. The build ships a web.config that maps every type it uses beyond the few IIS always
 * knows; a new kind of file in the build must be added there too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { expect, test } from '@playwright/test';

/** Types IIS serves out of the box on every version a school is likely to run. */
const IIS_BUILT_IN = new Set(['.html', '.css', '.js', '.txt', '.png', '.ico']);

function extensions(dir: string): Set<string> {
  const found = new Set<string>();
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name !== 'web.config') found.add(extname(entry.name).toLowerCase());
  }
  return found;
}

test('web.config gives IIS a MIME type for every kind of file the build serves', () => {
  const config = readFileSync(join('dist', 'web.config'), 'utf8');
  const mapped = [...config.matchAll(/<mimeMap fileExtension="([^"]+)" mimeType="[^"]+" \/>/g)].map(
    (m) => m[1],
  );
  const removed = [...config.matchAll(/<remove fileExtension="([^"]+)" \/>/g)].map((m) => m[1]);
  const needed = [...extensions('dist')].filter((ext) => !IIS_BUILT_IN.has(ext)).sort();
  expect(needed).toContain('.pf_meta');
  expect(needed.filter((ext) => !mapped.includes(ext))).toEqual([]);
  // A type IIS already knows would be a duplicate entry, which IIS refuses with an error 500.
  expect(removed.sort()).toEqual([...mapped].sort());
});
