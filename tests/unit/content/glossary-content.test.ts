import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { glossarySchema } from '../../../src/content.config';
import { CONTENT_DIR, readCollection } from '../../support/content-files';
import { normalizeForQuote, seedText, SEED_FILES } from '../../support/seed-text';

const files = readCollection('glossary', '.md');

interface SourceRef {
  source: string;
  locator?: string;
  quoted: boolean;
}

const sourceOf = (data: Record<string, unknown>) => data['source'] as SourceRef;

const sourceIds = new Set(
  (parse(readFileSync(join(CONTENT_DIR, 'sources.yaml'), 'utf8')) as { id: string }[]).map((s) => s.id),
);

/** The six terms of the Guangzhou plan's 附录：术语表 (seed 000). */
const APPENDIX_TERMS = [
  '多媒体教学环境',
  '混合学习环境',
  '智慧学习环境',
  '微能力',
  '教师网络研修社区',
  '晒课',
];

describe('glossary collection', () => {
  it('is not empty', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files.map((f) => [f.name, f] as const))('%s matches the schema', (_name, f) => {
    const result = glossarySchema.safeParse(f.data);
    expect(result.success, JSON.stringify(result.error?.issues, null, 2)).toBe(true);
  });

  it('names every file after its anchor, each anchor once', () => {
    const anchors = files.map((f) => String(f.data['anchor']));
    expect(new Set(anchors).size).toBe(anchors.length);
    for (const f of files) expect(f.name).toBe(`${String(f.data['anchor'])}.md`);
  });

  it('has unique terms and orders', () => {
    const terms = files.map((f) => String(f.data['term']));
    expect(new Set(terms).size).toBe(terms.length);
    const orders = files.map((f) => Number(f.data['order']));
    expect(new Set(orders).size).toBe(orders.length);
  });

  it('never uses one name (term or alias) for two entries', () => {
    const owner = new Map<string, string>();
    for (const f of files) {
      const names = [String(f.data['term']), ...((f.data['aliases'] as string[] | undefined) ?? [])];
      for (const name of names) {
        expect(owner.get(name), `「${name}」 in ${f.name} and ${owner.get(name)}`).toBeUndefined();
        owner.set(name, f.name);
      }
    }
  });

  it('lists each related name once per entry, as the page joins them with 、', () => {
    for (const f of files) {
      // The page shows 又称：a、b、c, so an alias that is itself a list repeats its parts.
      const names = [String(f.data['term']), ...((f.data['aliases'] as string[] | undefined) ?? [])].flatMap(
        (name) => name.split('、'),
      );
      const repeated = names.filter((name, i) => names.indexOf(name) !== i);
      expect(repeated, f.name).toEqual([]);
    }
  });

  it('gives every term a definition in plain prose, without headings', () => {
    for (const f of files) {
      expect(f.body.trim(), f.name).not.toBe('');
      expect(f.body, f.name).not.toMatch(/^#/m);
    }
  });

  it('cites only sources listed in sources.yaml', () => {
    for (const f of files) {
      expect(sourceIds.has(sourceOf(f.data).source), `${f.name}: ${sourceOf(f.data).source}`).toBe(true);
    }
  });

  it('quotes only what stands in the seed', () => {
    const quoted = files.filter((f) => sourceOf(f.data).quoted);
    expect(quoted.length).toBeGreaterThan(0);
    for (const f of quoted) {
      const { source } = sourceOf(f.data);
      expect(SEED_FILES[source], `${f.name}: quoted from ${source}, which is not a seed`).toBeDefined();
      const body = normalizeForQuote(f.body);
      expect(body, f.name).not.toBe('');
      expect(seedText(source).includes(body), `${f.name}: definition not found verbatim in ${source}`).toBe(
        true,
      );
    }
  });

  it('holds the six appendix terms, quoted from seed 000 and shown first in the appendix order', () => {
    APPENDIX_TERMS.forEach((term, i) => {
      const f = files.find((file) => file.data['term'] === term);
      if (!f) throw new Error(`appendix term ${term} is missing`);
      expect(sourceOf(f.data), term).toEqual({ source: 'seed-000', locator: '附录：术语表', quoted: true });
      expect(f.data['order'], term).toBe(i + 1);
      // The quoted definition is the whole entry of the appendix, not a fragment of it.
      const entry = `${String(i + 1)}.${term}：${normalizeForQuote(f.body)}`;
      expect(seedText('seed-000').includes(entry), term).toBe(true);
    });
    const appendixMax = APPENDIX_TERMS.length;
    for (const f of files) {
      if (!APPENDIX_TERMS.includes(String(f.data['term']))) {
        expect(Number(f.data['order']), f.name).toBeGreaterThan(appendixMax);
      }
    }
  });

  it('restates, never pastes, the definitions it does not mark as quoted', () => {
    for (const f of files.filter((file) => !sourceOf(file.data).quoted)) {
      const { source } = sourceOf(f.data);
      if (!SEED_FILES[source]) continue;
      for (const sentence of normalizeForQuote(f.body).split(/[。；]/)) {
        if (sentence.length < 40) continue;
        expect(seedText(source).includes(sentence), `${f.name}: "${sentence}" is pasted from ${source}`).toBe(
          false,
        );
      }
    }
  });

  it('gives restated terms a locator', () => {
    for (const f of files) expect(sourceOf(f.data).locator, f.name).toBeTruthy();
  });
});
