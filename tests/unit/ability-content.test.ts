import { describe, expect, it } from 'vitest';
import { abilitySchema } from '../../src/content.config';
import { NATIONAL_CODES, compareCodes, environmentOfCode } from '../../src/lib/taxonomy';
import { readCollection } from '../support/content-files';
import { normalizeForQuote, proseParagraphs, seedText, SEED_FILES } from '../support/seed-text';

const files = readCollection('abilities', '.mdx');
const national = files.filter((f) => f.data['variant'] === undefined);

/** From shared/reference/abilities-facts.md: code → [name, dimension]. */
const REFERENCE: Record<string, [string, string]> = {
  A1: ['技术支持的学情分析', '学情分析'],
  A2: ['数字教育资源获取与评价', '教学设计'],
  A3: ['演示文稿设计与制作', '教学设计'],
  A4: ['数字教育资源管理', '教学设计'],
  A5: ['技术支持的课堂导入', '教学设计'],
  A6: ['技术支持的课堂讲授', '教学设计'],
  A7: ['技术支持的总结提升', '教学设计'],
  A8: ['技术支持的方法指导', '学法指导'],
  A9: ['学习小组组织与管理', '学法指导'],
  A10: ['技术支持的展示交流', '学法指导'],
  A11: ['评价量规设计与应用', '学业评价'],
  A12: ['评价数据的伴随性采集', '学业评价'],
  A13: ['数据可视化呈现与解读', '学业评价'],
  B1: ['技术支持的测验与练习', '学情分析'],
  B2: ['微课程设计与制作', '教学设计'],
  B3: ['探究型学习活动设计', '教学设计'],
  B4: ['技术支持的发现与解决问题', '学法指导'],
  B5: ['技术支持的学习小组组织与管理', '学法指导'],
  B6: ['技术支持的展示交流', '学法指导'],
  B7: ['加工制作有效的学习支架', '学法指导'],
  B8: ['学生信息道德培养', '学法指导'],
  B9: ['自评与互评活动的组织', '学业评价'],
  B10: ['档案袋评价', '学业评价'],
  C1: ['学习过程数据的采集与分析', '学情分析'],
  C2: ['跨学科学习活动设计', '教学设计'],
  C3: ['创造真实学习情境', '教学设计'],
  C4: ['支持学生创造性学习与表达', '学法指导'],
  C5: ['基于数据的个别化指导', '学法指导'],
  C6: ['应用数据分析模型', '学业评价'],
  C7: ['创建数据分析微模型', '学业评价'],
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
      expect([f.data['name'], f.data['dimension']], code).toEqual(REFERENCE[code]);
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

  it('marks unconfirmed names and dimensions as recall, confirmed ones as seed', () => {
    const seedNamed = new Set(['A1', 'A3', 'A5', 'A11', 'B2', 'C4', 'C5', 'C6', 'C7']);
    const publicNamed = new Set(['A6', 'B6']);
    for (const f of national) {
      const code = String(f.data['code']);
      const confidence = f.data['confidence'] as { name: string; dimension: string };
      const expectedName = seedNamed.has(code) ? 'seed' : publicNamed.has(code) ? 'public' : 'recall';
      expect(confidence.name, code).toBe(expectedName);
      expect(confidence.dimension, code).toBe(COMPLETE.has(code) ? 'seed' : 'recall');
    }
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
      { statement: string; goals: string[]; source: Ref } | undefined;
    if (capability) check(quotedSeed(capability.source), [capability.statement, ...capability.goals]);
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
