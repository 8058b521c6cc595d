/**
 * The one shape of a rubric (提交指南 + 评价标准 of a micro-ability), wherever it comes from: an
 * ability's MDX frontmatter (src/content.config.ts builds abilitySchema from these parts), a
 * school's rubric file or a share link (src/lib/rubrics/rubric-file.ts). A rubric that passes here in
 * one place passes everywhere and is graded by src/lib/grading/grading.ts the same way.
 *
 * Every text and list is bounded, because files and links come from anywhere. The messages are
 * Chinese: the people who read them are content editors and the teachers who open a file.
 */
import { z } from 'zod';
import { lazySchema } from '../files/lazy-schema';
import { CODE_PATTERN } from '../content/taxonomy';

// Zod reads this when a schema is made, not when it parses: it must come before the first one.
// Its fast path calls eval(), which the site's Content-Security-Policy forbids.
z.config({ jitless: true });

export const EVIDENCE_FORMS = ['文本', '视频', '音频', '图片', '文件', '学生作品'] as const;
export type EvidenceForm = (typeof EVIDENCE_FORMS)[number];

export const MINUTES_QUALIFIERS = ['原则上', '一般'] as const;

/** Bounds shared by content and files: generous for any real 考核指南, small for a hostile file. */
export const RUBRIC_BOUNDS = {
  items: 12,
  groups: 6,
  criteria: 20,
  criterionChars: 500,
  nameChars: 100,
  labelChars: 20,
  requirementChars: 2000,
  maxMinutes: 600,
  maxCount: 100,
} as const;

const text = (max: number) => z.string().min(1).max(max, `不能超过 ${max} 个字`);

export const itemIdSchema = lazySchema(() =>
  z
    .string()
    .max(40, 'id 不能超过 40 个字符')
    .regex(/^[a-z0-9-]+$/, 'id 只能用小写字母、数字和连字符'),
);

export const limitsSchema = lazySchema(() =>
  z
    .object({
      /** Longest allowed duration of each audio or video, in minutes. */
      maxMinutes: z
        .number({ error: '须写成数字（分钟），例如 10，不要写成“10分钟”' })
        .positive()
        .max(RUBRIC_BOUNDS.maxMinutes, `不能超过 ${RUBRIC_BOUNDS.maxMinutes} 分钟`)
        .optional(),
      /** The source softens the time limit: 原则上 (as a rule) or 一般 (generally). */
      maxMinutesQualifier: z.enum(MINUTES_QUALIFIERS).optional(),
      /** How many pieces must be submitted (two student works, two students). */
      count: z
        .number({ error: '须写成整数，例如 2，不要写成“两份”' })
        .int()
        .positive()
        .max(RUBRIC_BOUNDS.maxCount, `不能超过 ${RUBRIC_BOUNDS.maxCount}`)
        .optional(),
      /** 须出现教师个人形象. */
      teacherOnCamera: z.boolean({ error: '须写成 true 或 false' }).optional(),
    })
    .strict(),
);

const criteriaList = (min: string) =>
  z
    .array(text(RUBRIC_BOUNDS.criterionChars))
    .min(1, min)
    .max(RUBRIC_BOUNDS.criteria, `最多 ${RUBRIC_BOUNDS.criteria} 条`);

export const criteriaSchema = lazySchema(() =>
  z
    .object({
      excellent: criteriaList('优秀标准至少一条'),
      pass: criteriaList('合格标准至少一条'),
    })
    .strict(),
);

/** The fields of an evidence item, without the cross-field rules (see {@link checkEvidenceItem}). */
export const evidenceItemShape = lazySchema(() => ({
  id: itemIdSchema,
  /** The numbering as the source prints it: "1", "任务一". */
  label: text(RUBRIC_BOUNDS.labelChars),
  name: text(RUBRIC_BOUNDS.nameChars),
  forms: z.array(z.enum(EVIDENCE_FORMS)).min(1).max(EVIDENCE_FORMS.length),
  /** The task as the source states it. */
  requirement: text(RUBRIC_BOUNDS.requirementChars).optional(),
  required: z.boolean().default(true),
  /** true: graded with criteria; false: required but not graded; 'unknown': the source does not say. */
  graded: z.union([z.boolean(), z.literal('unknown')]),
  /** Items sharing a group are alternatives: the teacher submits exactly one of them. */
  alternativeGroup: itemIdSchema.optional(),
  limits: limitsSchema.default({}),
  criteria: criteriaSchema.optional(),
}));

interface ItemForCheck {
  graded: boolean | 'unknown';
  criteria?: unknown;
  limits: { maxMinutes?: number | undefined; maxMinutesQualifier?: string | undefined };
}

export function checkEvidenceItem(item: ItemForCheck, ctx: z.RefinementCtx): void {
  if (item.graded === true && !item.criteria) {
    ctx.addIssue({
      code: 'custom',
      path: ['criteria'],
      message: '评分的证据项（graded: true）必须给出 criteria.excellent 与 criteria.pass',
    });
  }
  if (item.graded !== true && item.criteria) {
    ctx.addIssue({ code: 'custom', path: ['criteria'], message: '只有 graded: true 的证据项可以有评价标准' });
  }
  if (item.limits.maxMinutesQualifier && item.limits.maxMinutes === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['limits', 'maxMinutesQualifier'],
      message: 'maxMinutesQualifier 需要与 maxMinutes 一起使用',
    });
  }
}

export const evidenceItemSchema = lazySchema(() =>
  z.object(evidenceItemShape).strict().superRefine(checkEvidenceItem),
);

export const alternativeGroupSchema = lazySchema(() =>
  z
    .object({
      id: itemIdSchema,
      label: text(RUBRIC_BOUNDS.labelChars),
      name: text(RUBRIC_BOUNDS.nameChars),
      instruction: text(RUBRIC_BOUNDS.requirementChars),
    })
    .strict(),
);

interface PartsForCheck {
  alternativeGroups: readonly { id: string; name: string }[];
  evidence: readonly { id: string; alternativeGroup?: string | undefined }[];
}

/** Item ids unique, every group named by an item exists, every group offers at least two tasks. */
export function checkRubricParts(parts: PartsForCheck, ctx: z.RefinementCtx): void {
  const ids = new Set<string>();
  parts.evidence.forEach((item, i) => {
    if (ids.has(item.id)) {
      ctx.addIssue({ code: 'custom', path: ['evidence', i, 'id'], message: `证据项 id「${item.id}」重复` });
    }
    ids.add(item.id);
    if (item.alternativeGroup && !parts.alternativeGroups.some((g) => g.id === item.alternativeGroup)) {
      ctx.addIssue({
        code: 'custom',
        path: ['evidence', i, 'alternativeGroup'],
        message: `alternativeGroups 中没有「${item.alternativeGroup}」`,
      });
    }
  });
  const groupIds = new Set<string>();
  parts.alternativeGroups.forEach((g, i) => {
    if (groupIds.has(g.id)) {
      ctx.addIssue({
        code: 'custom',
        path: ['alternativeGroups', i, 'id'],
        message: `任务组 id「${g.id}」重复`,
      });
    }
    groupIds.add(g.id);
    const members = parts.evidence.filter((e) => e.alternativeGroup === g.id).length;
    if (members < 2) {
      ctx.addIssue({
        code: 'custom',
        path: ['alternativeGroups', i],
        message: `「${g.name}」至少要有两个可选任务，现有 ${members} 个`,
      });
    }
  });
}

/** The rubric parts of an ability entry; content.config.ts spreads these into abilitySchema. */
export function rubricPartsShape<I extends z.ZodType>(item: I) {
  return {
    alternativeGroups: z
      .array(alternativeGroupSchema)
      .max(RUBRIC_BOUNDS.groups, `最多 ${RUBRIC_BOUNDS.groups} 个任务组`)
      .default([]),
    evidence: z.array(item).max(RUBRIC_BOUNDS.items, `最多 ${RUBRIC_BOUNDS.items} 个证据项`).default([]),
  };
}

export const codeSchema = lazySchema(() =>
  z.string().max(3).regex(CODE_PATTERN, '编号须为 A1–A13、B1–B10 或 C1–C7'),
);

/** One ability's rubric as a file or link carries it. */
export const abilityRubricSchema = lazySchema(() =>
  z
    .object({
      code: codeSchema,
      name: text(RUBRIC_BOUNDS.nameChars),
      ...rubricPartsShape(evidenceItemSchema),
    })
    .strict()
    .superRefine(checkRubricParts),
);

export type AbilityRubric = z.output<typeof abilityRubricSchema>;
export type AbilityRubricInput = z.input<typeof abilityRubricSchema>;
export type RubricEvidenceItem = z.output<typeof evidenceItemSchema>;

const partialDate = lazySchema(() =>
  z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, '日期写成 2021、2021-09 或 2021-09-01'),
);

/**
 * Where a school's rubric comes from and who entered it; printed as
 * “评价标准来源：《…》（文号），由 … 录入”.
 */
export const rubricSourceSchema = lazySchema(() =>
  z
    .object({
      /** The guide's title, without 《》. */
      title: text(200),
      /** 文号, e.g. 冀教师〔2021〕5号. */
      number: text(60).optional(),
      issuer: text(100).optional(),
      year: z
        .string()
        .regex(/^\d{4}$/, '年份写成四位数字，例如 2021')
        .optional(),
      /** Slug of a policy entry of the region tree, when the region is one the handbook knows. */
      region: z
        .string()
        .max(60)
        .regex(/^[a-z0-9-]+$/, '须为地区的英文代号（小写字母、数字和连字符）')
        .optional(),
      regionName: text(60).optional(),
      /** Who typed it in: a person or team, e.g. 某某小学信息化管理团队. */
      enteredBy: text(60),
      /** When it was entered. */
      enteredAt: partialDate,
    })
    .strict(),
);

export type RubricSource = z.output<typeof rubricSourceSchema>;

/** “《…考核指南》（文号），由 … 录入” — the line shown beside every school-file rubric. */
export function sourceLine(source: RubricSource): string {
  const title = `《${source.title.replace(/^《|》$/g, '')}》`;
  const number = source.number ? `（${source.number}）` : '';
  // A regional content entry written by hand may not say who entered it.
  return `${title}${number}${source.enteredBy ? `，由${source.enteredBy}录入` : ''}`;
}

/**
 * An ability entry's rubric parts without the handbook's own provenance (each item's citation
 * and confidence), which a school file does not carry: what a file would hold.
 */
export function handbookRubric(data: {
  code: string;
  name: string;
  alternativeGroups: readonly z.input<typeof alternativeGroupSchema>[];
  evidence: readonly (z.input<typeof evidenceItemSchema> & { source?: unknown; confidence?: unknown })[];
}): AbilityRubricInput {
  return {
    code: data.code,
    name: data.name,
    alternativeGroups: data.alternativeGroups.map((g) => ({ ...g })),
    evidence: data.evidence.map(({ source: _source, confidence: _confidence, ...item }) => ({ ...item })),
  };
}
