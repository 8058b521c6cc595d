import { describe, expect, it } from 'vitest';
import { abilitySchema } from '../../../src/content.config';
import { NATIONAL_CODES, compareCodes, environmentOfCode } from '../../../src/lib/content/taxonomy';
import { readCollection } from '../../support/content-files';
import { normalizeForQuote, proseParagraphs, seedText, SEED_FILES } from '../../support/seed-text';

const files = readCollection('abilities', '.mdx');
const national = files.filter((f) => f.data['variant'] === undefined);

/**
 * The corrected table of shared/reference/abilities-facts.md, pinned:
 * code → [name, dimension, confidence of the name, confidence of the dimension].
 */
const REFERENCE: Record<string, [string, string, string, string]> = {
  A1: ['技术支持的学情分析', '学情分析', 'seed', 'public-2'],
  A2: ['数字教育资源获取与评价', '教学设计', 'public-1', 'public-1'],
  A3: ['演示文稿设计与制作', '教学设计', 'seed', 'public-1'],
  A4: ['数字教育资源管理', '教学设计', 'public-1', 'public-1'],
  A5: ['技术支持的课堂导入', '学法指导', 'seed', 'public-1'],
  A6: ['技术支持的课堂讲授', '学法指导', 'public-1', 'public-1'],
  A7: ['技术支持的总结提升', '学法指导', 'public-1', 'public-1'],
  A8: ['技术支持的方法指导', '学法指导', 'public-1', 'public-1'],
  A9: ['学生信息道德培养', '学法指导', 'public-2', 'public-1'],
  A10: ['学生信息安全培养', '学法指导', 'public-1', 'public-1'],
  A11: ['评价量规设计与应用', '学业评价', 'seed', 'public-1'],
  A12: ['评价数据的伴随性采集', '学业评价', 'public-1', 'public-1'],
  A13: ['数据可视化呈现与解读', '学业评价', 'public-1', 'public-1'],
  B1: ['技术支持的测验与练习', '学情分析', 'public-1', 'public-1'],
  B2: ['微课程设计与制作', '教学设计', 'seed', 'public-1'],
  B3: ['探究型学习活动设计', '教学设计', 'public-1', 'public-1'],
  B4: ['技术支持的发现与解决问题', '学法指导', 'public-1', 'public-1'],
  B5: ['学习小组组织与管理', '学法指导', 'public-1', 'public-1'],
  B6: ['技术支持的展示交流', '学法指导', 'public-2', 'public-1'],
  B7: ['家校交流与合作', '学法指导', 'public-1', 'public-1'],
  B8: ['公平管理技术资源', '学法指导', 'public-1', 'public-1'],
  B9: ['自评与互评活动的组织', '学业评价', 'public-1', 'public-1'],
  B10: ['档案袋评价', '学业评价', 'public-1', 'public-1'],
  C1: ['跨学科学习活动设计', '教学设计', 'public-1', 'public-1'],
  C2: ['创造真实学习情境', '教学设计', 'public-1', 'public-1'],
  C3: ['创新解决问题的方法', '学法指导', 'public-1', 'public-1'],
  C4: ['支持学生创造性学习与表达', '学法指导', 'seed', 'seed'],
  C5: ['基于数据的个别化指导', '学法指导', 'seed', 'seed'],
  C6: ['应用数据分析模型', '学业评价', 'seed', 'seed'],
  C7: ['创建数据分析微模型', '学业评价', 'seed', 'seed'],
};

/** Only these are established beyond their name by the seeds (abilities-facts.md). */
const HAS_SEED_CONTENT = new Set(['A1', 'A3', 'A5', 'A11', 'B2', 'C4', 'C5', 'C6', 'C7']);
const COMPLETE = new Set(['C4', 'C5', 'C6', 'C7']);

describe('ability collection', () => {
  it.each(files.map((f) => [f.name, f] as const))('%s matches the schema', (_name, f) => {
    const result = abilitySchema.safeParse(f.data);
    expect(result.success, JSON.stringify(result.error?.issues, null, 2)).toBe(true);
  });

  it('holds exactly the 30 national codes, each once, named after its file', () => {
    const codes = national.map((f) => String(f.data['code']));
    expect([...codes].sort(compareCodes)).toEqual(NATIONAL_CODES);
    for (const f of national) expect(f.name).toBe(`${String(f.data['code'])}.mdx`);
  });

  it('puts every code in the environment its letter names', () => {
    for (const f of files) {
      expect(f.data['environment']).toBe(environmentOfCode(String(f.data['code'])));
    }
  });

  it('agrees with the reference on every name and dimension', () => {
    for (const f of national) {
      const code = String(f.data['code']);
      expect([f.data['name'], f.data['dimension']], code).toEqual(REFERENCE[code]?.slice(0, 2));
    }
  });

  it('claims rubric content only where the seeds give it', () => {
    for (const f of national) {
      const code = String(f.data['code']);
      const evidence = (f.data['evidence'] as unknown[] | undefined) ?? [];
      if (!HAS_SEED_CONTENT.has(code)) {
        expect(evidence, code).toHaveLength(0);
        expect(f.data['capability'], code).toBeUndefined();
        expect(f.data['completeness'], code).toBe('待补充');
      }
      expect(f.data['completeness'] === '完整', code).toBe(COMPLETE.has(code));
    }
  });

  it('gives every name and dimension the confidence level of the reference table', () => {
    for (const f of national) {
      const code = String(f.data['code']);
      const confidence = f.data['confidence'] as { name: string; dimension: string };
      expect([confidence.name, confidence.dimension], code).toEqual(REFERENCE[code]?.slice(2));
    }
  });

  it('counts 2, 7, 14 and 7 abilities in the four dimensions, none in 智慧学习环境 × 学情分析', () => {
    const count = (dimension: string) => national.filter((f) => f.data['dimension'] === dimension).length;
    expect([count('学情分析'), count('教学设计'), count('学法指导'), count('学业评价')]).toEqual([
      2, 7, 14, 7,
    ]);
    const smartAnalysis = national.filter(
      (f) => f.data['environment'] === '智慧学习环境' && f.data['dimension'] === '学情分析',
    );
    expect(smartAnalysis).toEqual([]);
  });

  it('cites a public copy wherever a name or dimension rests on one', () => {
    for (const f of national) {
      const code = String(f.data['code']);
      const confidence = f.data['confidence'] as { name: string; dimension: string };
      const cited = (f.data['sources'] as { source: string }[]).map((s) => s.source);
      if ([confidence.name, confidence.dimension].some((c) => c.startsWith('public'))) {
        expect(cited, code).toContain('anhui-list');
      }
      // The reference names jinniu-tool as the second source of these three names. (It rates A9's
      // name public-2 too without naming the second copy, so A9 can cite only anhui-list.)
      if (['A1', 'A3', 'B6'].includes(code)) expect(cited, code).toContain('jinniu-tool');
    }
  });

  it('holds A1 as the reference gives it: two items, a 5-minute video report without criteria', () => {
    const a1 = national.find((f) => f.data['code'] === 'A1');
    const evidence = a1?.data['evidence'] as {
      name: string;
      graded: unknown;
      limits?: { maxMinutes?: number };
      criteria?: { excellent: string[]; pass: string[] };
      confidence?: string;
    }[];
    expect(a1?.data['completeness']).toBe('部分');
    expect(evidence.map((e) => e.name)).toEqual(['学情分析方案', '学情分析报告']);
    expect(evidence.map((e) => e.confidence)).toEqual(['public-1', 'public-1']);
    expect(evidence[0]?.criteria?.pass).toHaveLength(3);
    expect(evidence[0]?.criteria?.excellent).toHaveLength(4);
    expect(evidence[1]?.graded).toBe('unknown');
    expect(evidence[1]?.limits?.maxMinutes).toBe(5);
    expect(evidence[1]?.criteria).toBeUndefined();
  });
});

describe('quotes stand in their source', () => {
  interface Ref {
    source: string;
    quoted: boolean;
  }
  const quotedSeed = (ref: Ref | undefined): string | undefined =>
    ref && ref.quoted && ref.source in SEED_FILES ? ref.source : undefined;

  it.each(files.map((f) => [f.name, f] as const))('%s quotes its seed exactly', (_name, f) => {
    const missing: string[] = [];
    const check = (source: string | undefined, texts: string[]) => {
      if (!source) return;
      for (const t of texts) if (!seedText(source).includes(normalizeForQuote(t))) missing.push(t);
    };
    const capability = f.data['capability'] as
      { statement: string; goals?: string[]; source: Ref } | undefined;
    if (capability) check(quotedSeed(capability.source), [capability.statement, ...(capability.goals ?? [])]);
    const items =
      (f.data['evidence'] as
        | { requirement?: string; criteria?: { excellent: string[]; pass: string[] }; source?: Ref }[]
        | undefined) ?? [];
    for (const item of items) {
      check(quotedSeed(item.source), [
        ...(item.requirement ? [item.requirement] : []),
        ...(item.criteria?.excellent ?? []),
        ...(item.criteria?.pass ?? []),
      ]);
    }
    // Body: the paragraphs before each <Cite … quoted /> are quotes of that source.
    let pending: string[] = [];
    for (const block of f.body.split(/\n\s*\n/)) {
      const cite = /<Cite\b(?=[^>]*\bquoted(?![=\w]))[^>]*?\bsource="([^"]+)"/.exec(block);
      if (cite) {
        check(cite[1] && cite[1] in SEED_FILES ? cite[1] : undefined, pending);
        pending = [];
      } else if (block.trim().startsWith('<Cite')) {
        pending = [];
      } else {
        pending.push(...proseParagraphs(block));
      }
    }
    expect(missing).toEqual([]);
  });
});
