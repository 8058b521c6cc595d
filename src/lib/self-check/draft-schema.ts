/**
 * The self-check draft's shape: types, the zod schemas (one per field, so the wizard's forms
 * validate each field with exactly the rule the store uses) and the Chinese wording of what is
 * wrong where. src/lib/self-check/draft.ts builds, exports, imports and migrates drafts with these.
 */
import { z } from 'zod';
import { lazySchema } from '../files/lazy-schema';
import type { AbilityEvidence, EvidenceFile, ItemEvidence, Rubric, RubricItem } from '../grading/grading';
import { rubricSourceSchema } from '../grading/rubric-schema';

import { CODE_PATTERN, ENVIRONMENTS, type Environment } from '../content/taxonomy';
import { isPlainRecord } from '../files/versioned-file';

// Zod probes for eval() to speed up parsing; the site's Content-Security-Policy forbids eval.
z.config({ jitless: true });

export const APP_MARKER = '微能力手册';
export const DRAFT_VERSION = 2;
/** Largest file importDraftText accepts, in bytes (UTF-8). */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export const STAGES = ['幼儿园', '小学', '初中', '高中', '中职', '特殊教育'] as const;
export type Stage = (typeof STAGES)[number];

/**
 * The region value of 其他地区: the teacher works where the handbook has no policy entry and
 * names the place in `regionOther`. Policy slugs never take this value.
 */
export const OTHER_REGION = 'other';

/** The last step of the wizard (steps are numbered 0–4). */
export const LAST_STEP = 4;

export interface DraftProfile {
  name: string;
  school: string;
  subject: string;
  stage: Stage | '';
  /** Slug of a policy entry, OTHER_REGION for 其他地区, '' when not chosen. */
  region: string;
  /** Where the teacher works, typed in when region is OTHER_REGION. */
  regionOther?: string | undefined;
  environment: Environment | '';
}

/** A rubric the teacher typed in from the local 考核指南. */
export interface CustomRubric extends Rubric {
  /** 学校文件: opened from a school's rubric file or link, with its `source`. */
  origin: '教师录入' | '学校文件';
}

export interface Draft {
  app: typeof APP_MARKER;
  version: typeof DRAFT_VERSION;
  /**
   * This self-check's identity, kept across saves, exports and imports, so reviews and the
   * school archive tie files to one teacher's draft. Lower-case UUID shape.
   */
  id: string;
  /** ISO 8601 time of the last save or export. */
  savedAt: string;
  /** Wizard step, 0–4. */
  step: number;
  currentAbility?: string | undefined;
  profile: DraftProfile;
  /** Chosen micro-ability codes, unique, in the teacher's order. */
  abilities: string[];
  evidence: Record<string, AbilityEvidence>;
  customRubrics: Record<string, CustomRubric>;
}

export interface DescribeOptions {
  /** The item's name in the rubric the page knows, for messages like 证据“案例展示”. */
  itemName?: ((code: string, itemId: string) => string | undefined) | undefined;
}

// ---------------------------------------------------------------------------------------------
// Schema

const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** A record key: bounded, and never one that could reach an object's prototype. */
export function safeKey(max: number) {
  return z
    .string()
    .min(1, '名称不能为空')
    .max(max, `名称不能超过 ${max} 个字符`)
    .refine((key) => !FORBIDDEN_KEYS.has(key), '名称不允许（保留字）');
}

export function boundedRecord<V extends z.ZodType>(key: z.ZodType<string>, value: V, maxEntries: number) {
  return z
    .record(key, value)
    .refine((record) => Object.keys(record).length <= maxEntries, `最多 ${maxEntries} 项`);
}

export const codeSchema = lazySchema(() =>
  z
    .string()
    .max(3, '编号须为 A1–A13、B1–B10 或 C1–C7')
    .regex(CODE_PATTERN, '编号须为 A1–A13、B1–B10 或 C1–C7'),
);
export const codeKey = safeKey(3).regex(CODE_PATTERN, '编号须为 A1–A13、B1–B10 或 C1–C7');
export const idSchema = lazySchema(() => z.string().min(1, '不能为空').max(100, '不能超过 100 个字符'));

export const profileText = lazySchema(() => z.string().trim().max(60, '不能超过 60 个字'));

export const draftProfileSchema = lazySchema(() =>
  z
    .object({
      name: profileText,
      school: profileText,
      subject: profileText,
      stage: z.enum(['', ...STAGES], { error: `须为空或以下之一：${STAGES.join('、')}` }),
      region: z
        .string()
        .max(60, '不能超过 60 个字符')
        .regex(/^[a-z0-9-]*$/, '须为政策条目的 slug（小写字母、数字和连字符）或空'),
      regionOther: z.string().trim().max(60, '不能超过 60 个字').optional(),
      environment: z.enum(['', ...ENVIRONMENTS], { error: `须为空或以下之一：${ENVIRONMENTS.join('、')}` }),
    })
    .strict(),
);

export const sha256Schema = lazySchema(() =>
  z.string().regex(/^[0-9a-f]{64}$/, '须为 64 位小写十六进制的 SHA-256 值'),
);

export const evidenceFileSchema = lazySchema(
  () =>
    z
      .object({
        name: z.string().max(255, '不能超过 255 个字符'),
        type: z.string().max(100, '不能超过 100 个字符'),
        size: z
          .number({ error: '须为不小于 0 的整数（字节）' })
          .int('须为不小于 0 的整数（字节）')
          .min(0, '须为不小于 0 的整数（字节）'),
        durationSeconds: z
          .number({ error: '须为不小于 0 的数字（秒）' })
          .min(0, '须为不小于 0 的数字（秒）')
          .optional(),
        sha256: sha256Schema.optional(),
      })
      .strict() satisfies z.ZodType<EvidenceFile>,
);

export const criterionIndexes = lazySchema(() =>
  z
    .array(
      z
        .number({ error: '须为 0—49 之间的整数' })
        .int('须为 0—49 之间的整数')
        .min(0, '须为 0—49 之间的整数')
        .max(49, '须为 0—49 之间的整数'),
    )
    .max(50, '最多 50 项'),
);

export const MINUTES_MESSAGE = '须为 0—600 之间的数字（分钟）';
export const COUNT_MESSAGE = '须为 0—100 之间的整数';

export const itemEvidenceSchema = lazySchema(
  () =>
    z
      .object({
        present: z.boolean(),
        title: z.string().max(200, '不能超过 200 个字').optional(),
        description: z.string().max(2000, '不能超过 2000 个字').optional(),
        files: z.array(evidenceFileSchema).max(20, '最多 20 个文件'),
        manualMinutes: z
          .number({ error: MINUTES_MESSAGE })
          .min(0, MINUTES_MESSAGE)
          .max(600, MINUTES_MESSAGE)
          .optional(),
        manualCount: z
          .number({ error: COUNT_MESSAGE })
          .int(COUNT_MESSAGE)
          .min(0, COUNT_MESSAGE)
          .max(100, COUNT_MESSAGE)
          .optional(),
        teacherOnCamera: z.boolean().optional(),
        excellent: criterionIndexes,
        pass: criterionIndexes,
      })
      .strict() satisfies z.ZodType<ItemEvidence>,
);

export const abilityEvidenceSchema = lazySchema(
  () =>
    z
      .object({
        chosen: boundedRecord(safeKey(100), idSchema, 20),
        items: boundedRecord(safeKey(100), itemEvidenceSchema, 30),
        reflection: z.string().max(5000, '不能超过 5000 个字').optional(),
      })
      .strict() satisfies z.ZodType<AbilityEvidence>,
);

const rubricText = (max: number) => z.string().trim().min(1, '不能为空').max(max, `不能超过 ${max} 个字`);

export const limitsSchema = lazySchema(() =>
  z
    .object({
      maxMinutes: z
        .number({ error: '须为 0—600 之间的数字（分钟）' })
        .gt(0, '须大于 0')
        .max(600, '不能超过 600 分钟')
        .optional(),
      maxMinutesQualifier: z.enum(['原则上', '一般']).optional(),
      count: z
        .number({ error: '须为 1—100 之间的整数' })
        .int('须为 1—100 之间的整数')
        .min(1, '须为 1—100 之间的整数')
        .max(100, '须为 1—100 之间的整数')
        .optional(),
      teacherOnCamera: z.boolean().optional(),
    })
    .strict(),
);

const criteriaListSchema = lazySchema(() => z.array(rubricText(500)).max(20, '最多 20 条'));

export const rubricItemSchema = lazySchema(
  () =>
    z
      .object({
        id: idSchema,
        label: rubricText(20),
        name: rubricText(100),
        forms: z.array(rubricText(40)).max(20, '最多 20 项'),
        required: z.boolean(),
        graded: z.union([z.boolean(), z.literal('unknown')], { error: '须为 true、false 或 "unknown"' }),
        alternativeGroup: idSchema.optional(),
        limits: limitsSchema,
        criteria: z.object({ excellent: criteriaListSchema, pass: criteriaListSchema }).strict().optional(),
      })
      .strict() satisfies z.ZodType<RubricItem>,
);

export const alternativeGroupSchema = lazySchema(() =>
  z
    .object({ id: idSchema, label: rubricText(20), name: rubricText(100), instruction: rubricText(500) })
    .strict(),
);

export const customRubricSchema = lazySchema(
  () =>
    z
      .object({
        code: codeSchema,
        name: rubricText(100),
        origin: z.enum(['教师录入', '学校文件'], { error: '须为“教师录入”或“学校文件”' }),
        alternativeGroups: z.array(alternativeGroupSchema).max(20, '最多 20 项'),
        items: z.array(rubricItemSchema).max(12, '最多 12 个证据项'),
        source: rubricSourceSchema.optional(),
      })
      .strict() satisfies z.ZodType<CustomRubric>,
);

export const draftIdSchema = lazySchema(() =>
  z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, '须为 36 位的自评编号'),
);

export const stepSchema = lazySchema(() =>
  z
    .number({ error: `须为 0—${LAST_STEP} 之间的整数` })
    .int(`须为 0—${LAST_STEP} 之间的整数`)
    .min(0, `须为 0—${LAST_STEP} 之间的整数`)
    .max(LAST_STEP, `须为 0—${LAST_STEP} 之间的整数`),
);

export const savedAtSchema = lazySchema(() =>
  z.iso.datetime({
    offset: true,
    error: '须为 ISO 8601 时间，例如 2025-03-01T08:00:00.000Z',
  }),
);

export const abilitiesSchema = lazySchema(() =>
  z
    .array(codeSchema)
    .max(30, '最多 30 个微能力点')
    .refine((codes) => new Set(codes).size === codes.length, '微能力点不能重复'),
);

export const draftObjectSchema = lazySchema(() =>
  z
    .object({
      app: z.literal(APP_MARKER, { error: `须为“${APP_MARKER}”` }),
      version: z.literal(DRAFT_VERSION, { error: `须为 ${DRAFT_VERSION}` }),
      id: draftIdSchema,
      savedAt: savedAtSchema,
      step: stepSchema,
      currentAbility: codeSchema.optional(),
      profile: draftProfileSchema,
      abilities: abilitiesSchema,
      evidence: boundedRecord(codeKey, abilityEvidenceSchema, 30),
      customRubrics: boundedRecord(codeKey, customRubricSchema, 30).superRefine((rubrics, ctx) => {
        for (const [code, rubric] of Object.entries(rubrics)) {
          if (rubric.code !== code) {
            ctx.addIssue({
              code: 'custom',
              path: [code, 'code'],
              message: `须与所在位置的编号 ${code} 一致`,
            });
          }
        }
      }),
    })
    .strict(),
);

/** The draft file format. Parse with {@link parseDraft} to get Chinese messages. */
export const draftSchema: z.ZodType<Draft> = draftObjectSchema;

export { isPlainRecord };

// ---------------------------------------------------------------------------------------------
// Chinese messages

const TYPE_NAMES: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  boolean: '是或否（true 或 false）',
  object: '对象',
  array: '列表',
  record: '对象',
  literal: '固定值',
};

/** Per-parse error map: short Chinese messages for the issues a schema can raise (the review file uses it too). */
export function chineseIssue(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? '缺少此项' : `应为${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case 'too_big': {
      const max = String(issue.maximum);
      if (issue.origin === 'string') return `不能超过 ${max} 个字符`;
      if (issue.origin === 'array') return `最多 ${max} 项`;
      return issue.inclusive === false ? `须小于 ${max}` : `不能大于 ${max}`;
    }
    case 'too_small': {
      const min = String(issue.minimum);
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? '不能为空' : `至少 ${min} 个字符`;
      if (issue.origin === 'array') return `至少 ${min} 项`;
      return issue.inclusive === false ? `须大于 ${min}` : `不能小于 ${min}`;
    }
    case 'invalid_value':
      return `须为以下之一：${issue.values.map((v) => JSON.stringify(v)).join('、')}`;
    case 'invalid_format':
      return '格式不正确';
    case 'unrecognized_keys':
      return `含有不认识的字段：${issue.keys.map((k) => `“${shorten(k)}”`).join('、')}`;
    case 'invalid_key':
      return '名称不允许';
    case 'invalid_union':
      return '取值不符合要求';
    case 'custom':
      return typeof issue.message === 'string' ? issue.message : '取值不符合要求';
    default:
      return '取值不符合要求';
  }
}

const TOP_LABELS: Record<string, string> = {
  app: '文件标记（app）',
  version: '格式版本（version）',
  id: '自评编号',
  savedAt: '保存时间',
  step: '当前步骤',
  currentAbility: '当前微能力点',
  profile: '基本信息',
  abilities: '所选微能力点',
  evidence: '证据',
  customRubrics: '自录评价标准',
};

const FIELD_LABELS: Record<string, string> = {
  // profile
  school: '学校',
  subject: '学科',
  stage: '学段',
  region: '地区',
  regionOther: '其他地区的名称',
  environment: '教学环境',
  // evidence
  chosen: '任务选择',
  present: '是否已准备',
  title: '标题',
  description: '说明',
  files: '文件',
  type: '文件类型',
  size: '文件大小',
  durationSeconds: '时长（秒）',
  sha256: '文件校验值（sha256）',
  manualMinutes: '时长',
  manualCount: '份数',
  teacherOnCamera: '教师出镜',
  excellent: '勾选的优秀标准',
  pass: '勾选的合格标准',
  reflection: '反思',
  // rubric
  code: '编号',
  origin: '来源',
  alternativeGroups: '任务组',
  label: '序号',
  instruction: '说明',
  forms: '形式',
  required: '是否必交',
  graded: '是否评分',
  alternativeGroup: '所属任务组',
  limits: '要求',
  maxMinutes: '时长上限',
  maxMinutesQualifier: '时长上限的限定词',
  count: '份数',
  criteria: '评价标准',
  id: '编号',
};

/** How the n-th element of a list is called, by the list's key. */
const INDEX_LABELS: Record<string, string> = {
  abilities: '个所选微能力点',
  files: '个文件',
  excellent: '个勾选的优秀标准',
  pass: '个勾选的合格标准',
  items: '个证据项',
  alternativeGroups: '个任务组',
  forms: '个形式',
};

/** Inside a custom rubric the criteria lists hold the criteria themselves, not ticks. */
const RUBRIC_INDEX_LABELS: Record<string, string> = {
  excellent: '条优秀标准',
  pass: '条合格标准',
};

/** A label by key; own entries only, so a key like "__proto__" or "constructor" gets none. */
function own(labels: Record<string, string>, key: string): string | undefined {
  return Object.hasOwn(labels, key) ? labels[key] : undefined;
}

export function shorten(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

export function get(value: unknown, key: PropertyKey): unknown {
  if (!isPlainRecord(value) && !Array.isArray(value)) return undefined;
  return Object.hasOwn(value, key) ? (value as Record<PropertyKey, unknown>)[key] : undefined;
}

export function describeIssue(issue: z.core.$ZodIssue, input: unknown, options: DescribeOptions): string {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  const dotted = path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${shorten(String(p))}`))
    .join('');
  if (path.length === 0) return `自评记录无效：${issue.message}`;
  const message = issue.code === 'invalid_key' ? (issue.issues[0]?.message ?? issue.message) : issue.message;
  return `${describePath(path, input, options)}：${message}（字段 ${dotted} 无效）`;
}

function abilityLabel(code: string, input: unknown): string {
  const abilities = get(input, 'abilities');
  const index = Array.isArray(abilities) ? abilities.indexOf(code) : -1;
  if (!CODE_PATTERN.test(code)) return `微能力点“${shorten(code)}”`;
  return index >= 0 ? `第 ${index + 1} 个微能力点（${code}）` : `微能力点 ${code}`;
}

function itemLabel(code: string, itemId: string, input: unknown, options: DescribeOptions): string {
  let name: string | undefined;
  try {
    name = options.itemName?.(code, itemId);
  } catch {
    name = undefined;
  }
  if (!name) {
    const items = get(get(get(input, 'customRubrics'), code), 'items');
    if (Array.isArray(items)) {
      const match: unknown = items.find((item) => get(item, 'id') === itemId);
      const candidate = get(match, 'name');
      if (typeof candidate === 'string' && candidate.trim() !== '') name = candidate;
    }
  }
  return `证据“${shorten(name ?? itemId)}”`;
}

export function describePath(
  path: readonly (string | number)[],
  input: unknown,
  options: DescribeOptions,
): string {
  const [top, ...rest] = path;
  const parts: string[] = [];
  let tail = rest;
  const inRubric = top === 'customRubrics';
  if (top === 'profile' && rest.length > 0) {
    const field = String(rest[0]);
    parts.push(`基本信息的${field === 'name' ? '姓名' : fieldLabel(field)}`);
    tail = rest.slice(1);
  } else if (top === 'evidence' && rest.length > 0) {
    const code = String(rest[0]);
    tail = rest.slice(1);
    if (tail[0] === 'items' && tail.length > 1) {
      parts.push(abilityLabel(code, input), itemLabel(code, String(tail[1]), input, options));
      tail = tail.slice(2);
    } else if (tail[0] === 'chosen' && tail.length > 1) {
      parts.push(abilityLabel(code, input), `任务组“${shorten(String(tail[1]))}”的选择`);
      tail = tail.slice(2);
    } else {
      parts.push(abilityLabel(code, input), '证据记录');
    }
  } else if (inRubric && rest.length > 0) {
    const code = String(rest[0]);
    parts.push(`自录的 ${CODE_PATTERN.test(code) ? code : `“${shorten(code)}”`} 评价标准`);
    tail = rest.slice(1);
  } else {
    parts.push(own(TOP_LABELS, String(top)) ?? `“${shorten(String(top))}”`);
  }
  let previous = String(top);
  for (const segment of tail) {
    if (typeof segment === 'number') {
      const label =
        (inRubric ? own(RUBRIC_INDEX_LABELS, previous) : undefined) ?? own(INDEX_LABELS, previous);
      if (label && parts[parts.length - 1] === fieldLabel(previous)) {
        parts[parts.length - 1] = `第 ${segment + 1} ${label}`;
      } else {
        parts.push(`第 ${segment + 1} 项`);
      }
    } else {
      parts.push(fieldLabel(segment));
    }
    previous = String(segment);
  }
  // “微能力点 C5 的证据”: a space after Latin letters and digits, none after Chinese.
  return parts.reduce((text, part) => `${text}${/[A-Za-z0-9]$/.test(text) ? ' ' : ''}的${part}`);
}

function fieldLabel(key: string): string {
  if (key === 'name') return '名称';
  return own(FIELD_LABELS, key) ?? own(TOP_LABELS, key) ?? `“${shorten(key)}”`;
}

// ---------------------------------------------------------------------------------------------
// The wizard's inputs

/** A number box's text read into a draft number by the store's own rule; empty means not given. */
function numberInput<T extends z.ZodType<number | undefined, number | undefined>>(schema: T) {
  return z
    .string()
    .transform((text) => (text.trim() === '' ? undefined : Number(text.trim())))
    .pipe(schema);
}

/**
 * The evidence item's typed fields as the form holds them (text), each read with exactly the
 * rule the store applies to the saved draft, so what the form accepts is what the store keeps.
 */
export const itemInputSchemas = lazySchema(
  () =>
    ({
      title: itemEvidenceSchema.shape.title,
      description: itemEvidenceSchema.shape.description,
      manualMinutes: numberInput(itemEvidenceSchema.shape.manualMinutes),
      manualCount: numberInput(itemEvidenceSchema.shape.manualCount),
    }) as const,
);

export type ItemInputField = keyof typeof itemInputSchemas;
export type ItemInputs = Record<ItemInputField, string>;

/** All typed fields of an item at once, for a form resolver. */
export const itemInputsSchema = lazySchema(() => z.object(itemInputSchemas));
export type ItemForm = z.input<typeof itemInputsSchema>;
export type ItemFormValues = z.output<typeof itemInputsSchema>;

/** The reflection box of an ability, by the store's rule. */
export const reflectionSchema = lazySchema(() => abilityEvidenceSchema.shape.reflection);

/** An item's typed fields as text for the form. */
export function itemInputs(evidence: ItemEvidence): ItemInputs {
  return {
    title: evidence.title ?? '',
    description: evidence.description ?? '',
    manualMinutes: evidence.manualMinutes?.toString() ?? '',
    manualCount: evidence.manualCount?.toString() ?? '',
  };
}

/**
 * What typing `text` into one field does to the item: a valid value is kept; an invalid one
 * is not saved — the field becomes "not given" — and its Chinese message is returned for
 * display under the field.
 */
export function applyItemInput(
  evidence: ItemEvidence,
  field: ItemInputField,
  text: string,
): { evidence: ItemEvidence; error?: string } {
  const result = (itemInputSchemas[field] as z.ZodType<string | number | undefined>).safeParse(text, {
    error: chineseIssue,
  });
  const { [field]: _old, ...rest } = evidence;
  if (!result.success) {
    return { evidence: rest as ItemEvidence, error: result.error.issues[0]?.message ?? '取值不符合要求' };
  }
  const value = result.data;
  return {
    evidence: (value === undefined || value === '' ? rest : { ...rest, [field]: value }) as ItemEvidence,
  };
}

/**
 * What choosing a value in one profile field does: a value the saved draft accepts replaces the
 * old one; anything else leaves the profile as it was (the form shows the message).
 */
export function applyProfileInput(
  profile: DraftProfile,
  field: keyof DraftProfile,
  value: unknown,
): DraftProfile {
  const parsed = (draftProfileSchema.shape[field] as z.ZodType<string | undefined>).safeParse(value);
  return parsed.success ? { ...profile, [field]: parsed.data } : profile;
}

/**
 * A picked file's facts, bounded as the draft stores them: a name the system allows to be
 * longer than 255 characters is cut, an odd MIME type is treated as unknown, an unusable
 * duration is left out (the teacher is then asked for the minutes).
 */
export function evidenceFileOf(facts: {
  name: string;
  type: string;
  size: number;
  durationSeconds?: number | undefined;
  sha256?: string | undefined;
}): EvidenceFile {
  const shape = evidenceFileSchema.shape;
  const file: EvidenceFile = {
    name: facts.name.slice(0, 255),
    type: shape.type.safeParse(facts.type).success ? facts.type : '',
    size: Number.isSafeInteger(facts.size) && facts.size >= 0 ? facts.size : 0,
  };
  const duration = facts.durationSeconds;
  if (duration !== undefined && Number.isFinite(duration) && duration > 0) {
    file.durationSeconds = Math.round(duration * 10) / 10;
  }
  if (facts.sha256 !== undefined && shape.sha256.safeParse(facts.sha256).success) file.sha256 = facts.sha256;
  return file;
}
