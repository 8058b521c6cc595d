import { describe, expect, it } from 'vitest';
import { policySchema } from '../../src/content.config';
import {
  policyFigures,
  textStatesNumber,
  textStatesYear,
  treeProblems,
  type PolicyData,
} from '../../src/lib/policies';
import { readCollection } from '../support/content-files';
import { normalizeForQuote, seedText, SEED_FILES } from '../support/seed-text';

const files = readCollection('policies', '.mdx');
const slugOf = (name: string) => name.replace(/\.mdx$/, '');
const parsed = files.map((f) => ({ file: f, result: policySchema.safeParse(f.data) }));
const policies = parsed.flatMap(({ file, result }) =>
  result.success ? [{ slug: slugOf(file.name), data: result.data as PolicyData, body: file.body, file }] : [],
);

const EXPECTED_PARENTS: Record<string, string | undefined> = {
  national: undefined,
  guangzhou: 'national',
  yueqing: 'national',
  jiangsu: 'national',
  shanghai: 'national',
  hebei: 'national',
  baoding: 'hebei',
  xushui: 'baoding',
};

const PERSONAL_INFO_MARKER = '〔个人信息从略〕';

describe('policy collection', () => {
  it.each(parsed.map(({ file, result }) => [file.name, result] as const))(
    '%s matches the schema',
    (_n, result) => {
      expect(result.success, JSON.stringify(result.error?.issues, null, 2)).toBe(true);
    },
  );

  it('holds the eight documents in the region tree 国家 → 省 → 市 → 区县', () => {
    expect(Object.fromEntries(policies.map((p) => [p.slug, p.data.parent]))).toEqual(EXPECTED_PARENTS);
    expect(treeProblems(policies)).toEqual([]);
  });

  it.each(policies.map((p) => [p.slug, p] as const))(
    '%s: every figure of the key facts stands in its text',
    (_s, p) => {
      const missing = policyFigures(p.data)
        .filter(
          (f) =>
            !(f.field.endsWith('.year')
              ? textStatesYear(p.body, f.value)
              : textStatesNumber(p.body, f.value)),
        )
        .map((f) => `${f.field} = ${f.value}`);
      expect(missing).toEqual([]);
    },
  );

  it('reproduces no phone number or e-mail address', () => {
    for (const f of files) {
      const text = JSON.stringify(f.data) + f.body;
      expect(text, f.name).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);
      expect(text, f.name).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
      expect(text, f.name).not.toContain('联系方式从略');
    }
  });

  it('dates its timeline events and links only real ability codes', () => {
    for (const p of policies) {
      const files = readCollection('abilities', '.mdx').map((a) => String(a.data['code']));
      for (const event of (p.file.data['timeline'] as { abilities?: string[] }[] | undefined) ?? []) {
        for (const code of event.abilities ?? []) expect(files).toContain(code);
      }
    }
    const xushui = policies.find((p) => p.slug === 'xushui');
    expect((xushui?.file.data['timeline'] as unknown[] | undefined)?.length ?? 0).toBeGreaterThan(0);
  });
});

describe('full texts stand in their source documents', () => {
  const quotedSeed = (data: Record<string, unknown>) =>
    ((data['sources'] as { source: string; quoted: boolean }[] | undefined) ?? []).find(
      (s) => s.quoted && s.source in SEED_FILES,
    )?.source;

  it.each(files.filter((f) => quotedSeed(f.data)).map((f) => [f.name, f] as const))(
    '%s: every heading and paragraph is the source text, cleaned of layout only',
    (_n, f) => {
      const source = quotedSeed(f.data) as string;
      const seed = seedText(source);
      const missing: string[] = [];
      const blocks = f.body
        .split(/\n\s*\n/)
        .map((b) => b.trim())
        .filter((b) => b !== '' && !b.startsWith('<') && !b.startsWith('import '));
      expect(blocks.length).toBeGreaterThan(10);
      for (const block of blocks) {
        const text = block
          .replace(/^#{1,6}\s+/gm, '')
          .replace(/^>\s?/gm, '')
          .replace(/^[-*]\s+/gm, '')
          .replace(/^\|?\s*:?-{3,}.*$/gm, '')
          .replace(/\*\*/g, '')
          .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
        // Table rows are checked cell by cell; removed personal details split a paragraph in pieces.
        const pieces = text
          .split(/\||〔个人信息从略〕/)
          .map((p) => normalizeForQuote(p))
          .filter((p) => p.length > 0);
        for (const piece of pieces) if (!seed.includes(piece)) missing.push(piece.slice(0, 60));
      }
      expect(missing).toEqual([]);
    },
  );

  it('marks every removal of personal details', () => {
    const yueqing = files.find((f) => f.name === 'yueqing.mdx');
    expect(yueqing?.body).toContain(PERSONAL_INFO_MARKER);
  });
});
