/**
 * Reads content files the way the build does (frontmatter + body) so unit tests can check
 * invariants across the whole collection without running Astro.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'yaml';

export const CONTENT_DIR = join(import.meta.dirname, '../../src/content');

export interface ContentFile {
  file: string;
  name: string;
  data: Record<string, unknown>;
  body: string;
}

export function readContentFile(file: string): ContentFile {
  const text = readFileSync(file, 'utf8');
  const match = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(text);
  if (!match) throw new Error(`${file}: no frontmatter`);
  return {
    file,
    name: basename(file),
    data: (parse(match[1] ?? '') ?? {}) as Record<string, unknown>,
    body: match[2] ?? '',
  };
}

export function readCollection(folder: string, extension: string): ContentFile[] {
  const dir = join(CONTENT_DIR, folder);
  const files: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(extension)) files.push(path);
    }
  };
  walk(dir);
  return files.sort().map(readContentFile);
}
