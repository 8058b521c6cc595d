/**
 * The source documents as plain searchable text, for checking that what the handbook quotes
 * really stands in the source.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { typesetChinese } from '../../src/lib/content/chinese-typography';

const SEED_DIR = join(import.meta.dirname, '../../sources/seeds');

export const SEED_FILES: Record<string, string> = {
  'seed-000': '000_d9718390fbff2272.txt',
  'seed-001': '001_8231b03446f561cd.txt',
  'seed-002': '002_956069edd329f598.txt',
  'seed-003': '003_13c84d1b7b0d4353.txt',
  'seed-004': '004_fec723f99a37eeaf.txt',
};

/**
 * Drops what is layout, not text: page markers (第52页 and the bare page number after it),
 * list glyphs, Markdown bold markers, and all white space, so a quote that spans a line or page break still matches.
 * Both sides are typeset as the pages show them (full-width , : ; inside Chinese), and only that:
 * a quote may show the seed's "，" for its ",", nothing else.
 */
export function normalizeForQuote(text: string): string {
  const lines = text.split('\n').filter((line) => !/^\s*(第\d+页|\d+)\s*$/.test(line));
  return typesetChinese(lines.join(''))
    .replace(/[\s\u3000]+/g, '')
    .replace(/[⚫●•]/g, '')
    .replace(/\*\*/g, '');
}

const cache = new Map<string, string>();

export function seedText(sourceId: string): string {
  const file = SEED_FILES[sourceId];
  if (!file) throw new Error(`no seed file for source ${sourceId}`);
  let text = cache.get(sourceId);
  if (text === undefined) {
    text = normalizeForQuote(readFileSync(join(SEED_DIR, file), 'utf8'));
    cache.set(sourceId, text);
  }
  return text;
}

/** Strips Markdown and MDX markup from a body so its prose can be looked up in a seed. */
export function proseParagraphs(body: string): string[] {
  return body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '' && !p.startsWith('<') && !p.startsWith('#') && !p.startsWith('import '))
    .map((p) =>
      p
        .replace(/^>\s?/gm, '')
        .replace(/^[-*]\s+/gm, '')
        .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/[*_`]/g, ''),
    );
}
