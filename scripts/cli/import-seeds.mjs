#!/usr/bin/env node
/**
 * Copies the source documents from ../shared/seeds into sources/seeds so the repository is
 * self-contained (content-fidelity tests compare quotes against them). Personal phone numbers
 * and e-mail addresses are replaced on the way in: the handbook never reproduces them.
 *
 *   node scripts/cli/import-seeds.mjs [path/to/shared/seeds]
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const from = process.argv[2] ?? '../shared/seeds';
const to = 'sources/seeds';
const REDACTED = '〔联系方式从略〕';

export function redact(text) {
  return text
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, REDACTED)
    .replace(/(?<!\d)1[3-9]\d{9}(?!\d)([(（]\d{5,6}[)）])?/g, REDACTED)
    .replace(/(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)/g, REDACTED);
}

mkdirSync(to, { recursive: true });
for (const name of readdirSync(from)) {
  const text = readFileSync(join(from, name), 'utf8');
  writeFileSync(join(to, name), name.endsWith('.txt') ? redact(text) : text);
  console.log(`${name} → ${to}/${name}`);
}
