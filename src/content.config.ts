/**
 * Zod schemas of every content type: the one source of truth for what a content file may say.
 * CONTRIBUTING.md documents each field for the people who edit the files.
 *
 * Validation messages are in Chinese because the people who read them are a school's IT
 * admins editing MDX files, not developers.
 */
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { COMPARISON_ROW_IDS, POLICY_FACTS } from './lib/content/policies';
import {
  checkEvidenceItem,
  checkRubricParts,
  evidenceItemShape,
  rubricPartsShape,
  rubricSourceSchema,
} from './lib/grading/rubric-schema';
import { CODE_PATTERN, DIMENSIONS, ENVIRONMENTS, environmentOfCode } from './lib/content/taxonomy';

z.config(z.locales.zhCN());
z.config({
  // "期望 string，实际接收 undefined" hides the real problem from a content editor: the field is missing.
  customError: (issue) => (issue.input === undefined ? '缺少必填字段' : undefined),
});

/** Overridable so tests and benchmarks can build from a fixture or synthetic content folder. */
const contentDir = process.env.HANDBOOK_CONTENT_DIR ?? './src/content';

/**
 * How sure the handbook is of a fact (shared/reference/abilities-facts.md defines the levels):
 * seed — stands in one of the seed documents; public-2 — two or more independent public copies
 * agree; public-1 — one public copy only, shown with 待核实.
 */
export const CONFIDENCE_LEVELS = ['seed', 'public-2', 'public-1'] as const;
export const confidenceSchema = z.enum(CONFIDENCE_LEVELS, {
  error: 'confidence 须为 seed、public-2 或 public-1（旧写法 public、recall 已不再使用）',
});

/** Where a fact comes from: an id of the sources collection, a page or section, quoted or restated. */
export const sourceRefSchema = z
  .object({
    source: z.string().min(1),
    locator: z.string().min(1).optional(),
    quoted: z.boolean(),
  })
  .strict();

/** The rubric parts (evidence items, limits, criteria, alternatives) are shared with rubric files. */
export {
  EVIDENCE_FORMS,
  limitsSchema,
  criteriaSchema,
  alternativeGroupSchema,
} from './lib/grading/rubric-schema';

export const evidenceItemSchema = z
  .object({
    ...evidenceItemShape,
    source: sourceRefSchema.optional(),
    /** How sure the handbook is of this item; absent means as sure as its source (a seed). */
    confidence: confidenceSchema.optional(),
  })
  .strict()
  .superRefine(checkEvidenceItem);

/** A region's own version of a rubric (e.g. a province's 考核指南); absent for the national one. */
export const variantSchema = z
  .object({
    region: z.string().regex(/^[a-z0-9-]+$/, 'region 须为政策条目的 slug'),
    regionName: z.string().min(1),
    document: z.string().min(1),
    number: z.string().min(1).optional(),
    /** Written by `npm run rubric:add` from a school's rubric file (see rubricSourceSchema). */
    issuer: rubricSourceSchema.shape.issuer,
    year: rubricSourceSchema.shape.year,
    enteredBy: rubricSourceSchema.shape.enteredBy.optional(),
    enteredAt: rubricSourceSchema.shape.enteredAt.optional(),
  })
  .strict();

export const COMPLETENESS = ['完整', '部分', '待补充'] as const;

export const abilitySchema = z
  .object({
    code: z.string().regex(CODE_PATTERN, '编号须为 A1–A13、B1–B10 或 C1–C7'),
    name: z.string().min(1),
    environment: z.enum(ENVIRONMENTS),
    dimension: z.enum(DIMENSIONS),
    confidence: z.object({ name: confidenceSchema, dimension: confidenceSchema }).strict(),
    completeness: z.enum(COMPLETENESS),
    variant: variantSchema.optional(),
    capability: z
      .object({
        statement: z.string().min(1),
        /** Empty when the sources give the statement but not its goal bullets. */
        goals: z.array(z.string().min(1)).default([]),
        source: sourceRefSchema,
        confidence: confidenceSchema.optional(),
      })
      .strict()
      .optional(),
    /** What a teacher must know about how far the entry can be trusted, in our own words. */
    caveats: z.array(z.string().min(1)).default([]),
    ...rubricPartsShape(evidenceItemSchema),
    /** Every document the entry draws on. */
    sources: z.array(sourceRefSchema).min(1),
  })
  .strict()
  .superRefine((a, ctx) => {
    const expected = environmentOfCode(a.code);
    if (expected && a.environment !== expected) {
      ctx.addIssue({
        code: 'custom',
        path: ['environment'],
        message: `${a.code} 属于${expected}，不是${a.environment}`,
      });
    }
    checkRubricParts(a, ctx);
    if (a.completeness === '完整') {
      if (!a.capability) {
        ctx.addIssue({ code: 'custom', path: ['capability'], message: '完整的条目必须有能力描述' });
      } else if (a.capability.goals.length === 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['capability', 'goals'],
          message: '完整的条目必须有能力目标要点',
        });
      }
      if (a.evidence.length === 0) {
        ctx.addIssue({ code: 'custom', path: ['evidence'], message: '完整的条目必须有提交指南' });
      }
      a.evidence.forEach((item, i) => {
        if (item.graded === 'unknown') {
          ctx.addIssue({
            code: 'custom',
            path: ['evidence', i, 'graded'],
            message: '完整的条目不能有评分方式未知的证据项',
          });
        }
      });
    }
    if (a.completeness === '待补充' && a.evidence.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['completeness'],
        message: '已有提交指南的条目应标为「部分」或「完整」',
      });
    }
  });

export const sourceSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    title: z.string().min(1),
    short: z.string().min(1),
    issuer: z.string().min(1).optional(),
    number: z.string().min(1).optional(),
    date: z.string().min(1).optional(),
    /**
     * seed: one of the five documents in shared/seeds; national: a national document the seeds
     * cite; public-copy: a secondary public copy (a re-post, a training deck), not the issuer's
     * own publication; reference: research notes.
     */
    kind: z.enum(['seed', 'national', 'public-copy', 'reference']),
    /** Where a public copy was read; shown as text and links on the about page. */
    urls: z.array(z.url({ error: '须为完整网址，例如 https://example.org/page' })).default([]),
    /** What the handbook takes from it. */
    use: z.string().min(1),
    note: z.string().min(1).optional(),
  })
  .strict();

export const glossarySchema = z
  .object({
    term: z.string().min(1),
    /** ASCII anchor on /glossary/, e.g. "cio". */
    anchor: z.string().regex(/^[a-z0-9-]+$/),
    aliases: z.array(z.string().min(1)).default([]),
    source: sourceRefSchema,
    /** Order on the glossary page; the Guangzhou appendix terms first. */
    order: z.number().int(),
  })
  .strict();

export const POLICY_LEVELS = ['国家', '省', '市', '区县'] as const;
export const HOUR_UNITS = ['学时', '学分'] as const;

const slugSchema = z.string().regex(/^[a-z0-9-]+$/, '须为英文小写、数字和连字符');
/** 2020, 2020-09 or 2020-09-21: only as precise as the document is. */
const partialDateSchema = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, '日期写成 2020、2020-09 或 2020-09-21');

export const hoursSchema = z
  .object({
    total: z.number({ error: '须写成数字，例如 50' }).positive(),
    unit: z.enum(HOUR_UNITS),
    /** 不少于 */
    atLeast: z.boolean().default(false),
    /** Over what span the total is due, as the document says: 每人3年, 每人5年. */
    per: z.string().min(1).optional(),
    split: z
      .array(
        z
          .object({
            kind: z.string().min(1),
            amount: z.number({ error: '须写成数字，例如 25' }).positive(),
            atLeast: z.boolean().default(false),
          })
          .strict(),
      )
      .default([]),
    note: z.string().min(1).optional(),
  })
  .strict();

export const quotaSchema = z
  .object({
    /** The year the target falls due. */
    year: z.string().regex(/^\d{4}$/),
    /** Percent of teachers or schools, 0–100. */
    share: z.number().min(0).max(100),
    atLeast: z.boolean().default(false),
    of: z.enum(['教师', '学校']),
    /** Where the document's span is finer than a year: from 2021-09 … by 2022-08, or only by 2021-08-15. */
    from: partialDateSchema.optional(),
    by: partialDateSchema.optional(),
    /** The share is the running total by then (累计), not this period's own part. */
    cumulative: z.boolean().default(false),
    note: z.string().min(1).optional(),
  })
  .strict()
  .superRefine((q, ctx) => {
    if (q.by !== undefined && !q.by.startsWith(q.year)) {
      ctx.addIssue({ code: 'custom', path: ['by'], message: `by 须在 year（${q.year} 年）之内` });
    }
    if (q.from !== undefined && (q.by === undefined || q.from > q.by)) {
      ctx.addIssue({ code: 'custom', path: ['from'], message: '写了 from 就须写 by，且 from 不晚于 by' });
    }
  });

export const timelineEventSchema = z
  .object({
    date: partialDateSchema,
    title: z.string().min(1),
    abilities: z.array(z.string().regex(CODE_PATTERN)).default([]),
    summary: z.string().min(1),
    source: sourceRefSchema,
  })
  .strict();

export const policySchema = z
  .object({
    title: z.string().min(1),
    /** Short region name: 广州市, 河北省, 国家. */
    region: z.string().min(1),
    level: z.enum(POLICY_LEVELS),
    /** Slug of the policy entry one level up; absent only for the national entry. */
    parent: slugSchema.optional(),
    issuer: z.string().min(1).optional(),
    number: z.string().min(1).optional(),
    date: partialDateSchema.optional(),
    scope: z.array(z.string().min(1)).default([]),
    hours: hoursSchema.optional(),
    period: z
      .object({
        start: partialDateSchema.optional(),
        end: partialDateSchema.optional(),
        text: z.string().min(1),
      })
      .strict()
      .optional(),
    deadline: z.string().min(1).optional(),
    quotas: z.array(quotaSchema).default([]),
    phases: z
      .array(
        z
          .object({
            name: z.string().min(1),
            period: z.string().min(1),
            description: z.string().min(1).optional(),
          })
          .strict(),
      )
      .default([]),
    platforms: z.array(z.string().min(1)).default([]),
    assessment: z
      .object({ steps: z.array(z.string().min(1)).min(1), note: z.string().min(1).optional() })
      .strict()
      .optional(),
    teams: z
      .array(z.object({ name: z.string().min(1), description: z.string().min(1) }).strict())
      .default([]),
    cio: z.string().min(1).optional(),
    funding: z
      .object({
        amount: z.number().positive().optional(),
        unit: z.literal('元/人').optional(),
        description: z.string().min(1),
      })
      .strict()
      .optional(),
    continuingEducation: z.string().min(1).optional(),
    pilots: z.string().min(1).optional(),
    /** How many micro-abilities a teacher must complete, or which dimensions; only where the document states it. */
    selection: z
      .object({
        minAbilities: z.number().int().positive().optional(),
        requiredDimensions: z.array(z.enum(DIMENSIONS)).default([]),
        text: z.string().min(1),
      })
      .strict()
      .optional(),
    citedDocuments: z
      .array(
        z
          .object({
            title: z.string().min(1),
            number: z.string().min(1).optional(),
            issuer: z.string().min(1).optional(),
          })
          .strict(),
      )
      .default([]),
    timeline: z.array(timelineEventSchema).default([]),
    /**
     * 全文: the handbook holds the document's text; 部分: only part of it (a public copy's readable
     * opening), restated; 无: only what other documents say about it.
     */
    heldText: z.enum(['全文', '部分', '无']).default('全文'),
    /** public-1: the entry rests on one public copy, and its pages mark it 待核实. */
    confidence: confidenceSchema.optional(),
    /** Facts the handbook's copy cannot answer (its covering notice or letterhead is missing). */
    notHeld: z.array(z.enum(POLICY_FACTS)).default([]),
    sources: z.array(sourceRefSchema).min(1),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.heldText !== '全文' && p.notHeld.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['notHeld'],
        message: `heldText: ${p.heldText} 时每个未写的要点都显示“本手册未收录原文”，不必再写 notHeld`,
      });
    }
    if (p.heldText === '全文' && !p.sources.some((s) => s.quoted)) {
      ctx.addIssue({
        code: 'custom',
        path: ['heldText'],
        message:
          '本手册收录了全文（heldText: 全文）时，sources 中至少一项应为 quoted: true；只有别的文件的引述时写 heldText: 无',
      });
    }
    // Every official document has an issuer and a date; when the text the handbook holds does not
    // show them, that part (the covering notice) is missing, which is not the document being silent.
    for (const fact of ['issuer', 'date'] as const) {
      if (p.heldText === '全文' && p[fact] === undefined && !p.notHeld.includes(fact)) {
        ctx.addIssue({
          code: 'custom',
          path: [fact],
          message: `每份文件都有${fact === 'issuer' ? '发文机关' : '日期'}：收录的文本里没有时，把 ${fact} 列入 notHeld`,
        });
      }
    }
    p.notHeld.forEach((fact, i) => {
      const value = p[fact];
      if (Array.isArray(value) ? value.length > 0 : value !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['notHeld', i],
          message: `已写了 ${fact}，就不要再列入 notHeld`,
        });
      }
    });
    if (p.level !== '国家' && !p.parent) {
      ctx.addIssue({ code: 'custom', path: ['parent'], message: `${p.level}级文件须写明上级（parent）` });
    }
    if (p.level === '国家' && p.parent) {
      ctx.addIssue({ code: 'custom', path: ['parent'], message: '国家级文件没有上级' });
    }
    if (p.funding && (p.funding.amount === undefined) !== (p.funding.unit === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['funding'], message: 'amount 与 unit 须同时写或同时不写' });
    }
  });

/** Kinds of entry in search-vocabulary.yaml: how the search box reads a teacher's question. */
export const VOCABULARY_KINDS = ['问句用词', '同义词', '证据项问题', '政策问题', '地区别称'] as const;
/** What a question about an evidence item asks: its time limit, count, teacher on camera, form, or the whole guide. */
export const ITEM_TOPICS = ['时长', '份数', '出镜', '形式', '提交'] as const;

export const searchVocabularySchema = z
  .object({
    id: slugSchema,
    kind: z.enum(VOCABULARY_KINDS),
    words: z.array(z.string().trim().min(1)).min(1),
    /** 同义词: a page containing any of these counts as holding the word. */
    find: z.array(z.string().trim().min(1)).default([]),
    /** 证据项问题: which requirement of an item the words ask about. */
    topic: z.enum(ITEM_TOPICS).optional(),
    /** 政策问题: the /compare/ row the words ask about. */
    row: z.string().optional(),
    /** 地区别称: the policy entry (slug) the words name. */
    region: slugSchema.optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    const needs = { 同义词: 'find', 证据项问题: 'topic', 政策问题: 'row', 地区别称: 'region' } as const;
    const field = v.kind === '问句用词' ? undefined : needs[v.kind];
    if (field === 'find' ? v.find.length === 0 : field !== undefined && v[field] === undefined) {
      ctx.addIssue({ code: 'custom', path: [field ?? 'kind'], message: `${v.kind}须写 ${field}` });
    }
    if (v.row !== undefined && !COMPARISON_ROW_IDS.includes(v.row)) {
      ctx.addIssue({
        code: 'custom',
        path: ['row'],
        message: `比较页没有「${v.row}」这一行；可用：${COMPARISON_ROW_IDS.join('、')}`,
      });
    }
  });

const abilities = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: `${contentDir}/abilities` }),
  schema: abilitySchema,
});

const sources = defineCollection({
  loader: file(`${contentDir}/sources.yaml`),
  schema: sourceSchema,
});

const glossary = defineCollection({
  loader: glob({ pattern: '**/*.md', base: `${contentDir}/glossary` }),
  schema: glossarySchema,
});

const policies = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: `${contentDir}/policies` }),
  schema: policySchema,
});

const searchVocabulary = defineCollection({
  loader: file(`${contentDir}/search-vocabulary.yaml`),
  schema: searchVocabularySchema,
});

export const collections = { abilities, sources, glossary, policies, searchVocabulary };
