/**
 * The review file (评审意见): what a colleague or the school's team hands back after reviewing
 * one teacher's self-check at one stage (组内互评, 复评 …). The teacher opens it in the wizard;
 * the school's archive reads it beside the self-check files.
 *
 * It names the self-check it reviewed by the draft's id and a hash of its content, so a
 * self-check changed after review shows up as 自评已更新，需重新评审. Like the self-check file it
 * carries an app marker (plus a kind, since both files share the marker), a version with
 * migrations from every earlier one, and bounded sizes; importing never throws and explains a
 * bad file in Chinese.
 */
import { z } from 'zod';
import { lazySchema } from '../files/lazy-schema';
import { APP_MARKER, chineseIssue } from '../self-check/draft';
import type { Grade, ItemStatus } from '../grading/grading';
import { CODE_PATTERN } from '../content/taxonomy';
import { MAX_REVIEW_BYTES, REVIEW_KIND } from './review-presence';
import { isPlainRecord, parseFileJson, upgrade, type Migration } from '../files/versioned-file';

z.config({ jitless: true });

export { APP_MARKER };
export { isReviewData, isReviewText, MAX_REVIEW_BYTES, REVIEW_KIND } from './review-presence';
/** Tells a review file from a self-check file: both carry the app marker. */
export const REVIEW_VERSION = 1;
export const MAX_COMMENT_CHARS = 2000;

/** What the reviewer's browser found when hashing a file the teacher sent. */
export type FileVerdict = 'same' | 'different' | 'unrecorded';

export interface FileCheck {
  /** The name of the file the reviewer picked. */
  name: string;
  sha256: string;
  verdict: FileVerdict;
}

export interface ReviewItem {
  /** The criteria the reviewer finds met, by index into the rubric's lists. */
  excellent: number[];
  pass: number[];
  comment: string;
  /** The item's status by the reviewer's ticks (gradeItem), as the reviewer saw it. */
  grade: ItemStatus;
  /** The teacher's own status for the item, for showing both without the self-check at hand. */
  selfGrade?: ItemStatus | undefined;
  files?: FileCheck[] | undefined;
}

export interface ReviewAbility {
  /** The reviewer's grade (gradeAbility); absent when the rubric's criteria are not known. */
  grade?: Grade | undefined;
  selfGrade?: Grade | undefined;
  comment: string;
  items: Record<string, ReviewItem>;
}

export interface ReviewFile {
  app: typeof APP_MARKER;
  kind: typeof REVIEW_KIND;
  version: typeof REVIEW_VERSION;
  /** ISO 8601 time the review was saved. */
  reviewedAt: string;
  reviewer: { name: string; role: string };
  /** The stage reviewed at, as the region's policy names it (e.g. 教师组内互评, 复评). */
  stage: string;
  teacher: { name: string; school: string };
  /** Which self-check was reviewed. */
  draft: { id: string; contentHash: string; savedAt: string };
  abilities: Record<string, ReviewAbility>;
}

export type ReviewResult =
  { ok: true; review: ReviewFile; migratedFrom?: number } | { ok: false; error: string };

/** Upgrades a review object of version N to version N + 1 (or later); must set `version`. */
export type ReviewMigration = Migration;

/**
 * Migrations by the version they upgrade *from*; empty while the format is at version 1. To go
 * to version 2, raise REVIEW_VERSION, change the schema and add `1: (old) => ({ …, version: 2 })`;
 * keep every entry so that any earlier file still runs up step by step.
 */
export const REVIEW_MIGRATIONS: Readonly<Record<number, ReviewMigration>> = {};

// ---------------------------------------------------------------------------------------------
// Schema

const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

const keySchema = (max: number) =>
  z
    .string()
    .min(1, '名称不能为空')
    .max(max, `名称不能超过 ${max} 个字符`)
    .refine((key) => !FORBIDDEN_KEYS.has(key), '名称不允许（保留字）');

const limitedRecord = <V extends z.ZodType>(key: z.ZodType<string>, value: V, max: number) =>
  z.record(key, value).refine((r) => Object.keys(r).length <= max, `最多 ${max} 项`);

const GRADES = ['优秀', '合格', '不合格'] as const satisfies readonly Grade[];
const STATUSES = [...GRADES, '已提交'] as const satisfies readonly ItemStatus[];

const gradeSchema = lazySchema(() => z.enum(GRADES, { error: '须为“优秀”“合格”或“不合格”' }));
const statusSchema = lazySchema(() => z.enum(STATUSES, { error: '须为“优秀”“合格”“不合格”或“已提交”' }));
const sha256Schema = lazySchema(() =>
  z.string().regex(/^[0-9a-f]{64}$/, '须为 64 位小写十六进制的 SHA-256 值'),
);
const timeSchema = lazySchema(() =>
  z.iso.datetime({
    offset: true,
    error: '须为 ISO 8601 时间，例如 2025-03-01T08:00:00.000Z',
  }),
);
const personText = lazySchema(() => z.string().trim().max(60, '不能超过 60 个字'));
const commentSchema = lazySchema(() =>
  z.string().max(MAX_COMMENT_CHARS, `不能超过 ${MAX_COMMENT_CHARS} 个字`),
);

const ticksSchema = lazySchema(() =>
  z
    .array(
      z.number().int('须为 0—49 之间的整数').min(0, '须为 0—49 之间的整数').max(49, '须为 0—49 之间的整数'),
    )
    .max(50, '最多 50 项'),
);

const fileCheckSchema = lazySchema(() =>
  z
    .object({
      name: z.string().max(255, '不能超过 255 个字符'),
      sha256: sha256Schema,
      verdict: z.enum(['same', 'different', 'unrecorded'], { error: '须为 same、different 或 unrecorded' }),
    })
    .strict(),
);

const reviewItemSchema = lazySchema(
  () =>
    z
      .object({
        excellent: ticksSchema,
        pass: ticksSchema,
        comment: commentSchema,
        grade: statusSchema,
        selfGrade: statusSchema.optional(),
        files: z.array(fileCheckSchema).max(20, '最多 20 个文件').optional(),
      })
      .strict() satisfies z.ZodType<ReviewItem>,
);

const reviewAbilitySchema = lazySchema(
  () =>
    z
      .object({
        grade: gradeSchema.optional(),
        selfGrade: gradeSchema.optional(),
        comment: commentSchema,
        items: limitedRecord(keySchema(100), reviewItemSchema, 30),
      })
      .strict() satisfies z.ZodType<ReviewAbility>,
);

const reviewObjectSchema = lazySchema(() =>
  z
    .object({
      app: z.literal(APP_MARKER, { error: `须为“${APP_MARKER}”` }),
      kind: z.literal(REVIEW_KIND, { error: `须为“${REVIEW_KIND}”` }),
      version: z.literal(REVIEW_VERSION, { error: `须为 ${REVIEW_VERSION}` }),
      reviewedAt: timeSchema,
      reviewer: z.object({ name: personText.min(1, '请填写评审人姓名'), role: personText }).strict(),
      stage: z.string().trim().min(1, '不能为空').max(60, '不能超过 60 个字'),
      teacher: z.object({ name: personText, school: personText }).strict(),
      draft: z
        .object({
          id: z
            .string()
            .min(1, '不能为空')
            .max(100, '不能超过 100 个字符')
            .regex(/^[A-Za-z0-9_-]+$/, '须由字母、数字、连字符或下划线组成'),
          contentHash: sha256Schema,
          savedAt: timeSchema,
        })
        .strict(),
      abilities: limitedRecord(
        keySchema(3).regex(CODE_PATTERN, '编号须为 A1–A13、B1–B10 或 C1–C7'),
        reviewAbilitySchema,
        30,
      ),
    })
    .strict(),
);

/** The review file format. Parse with {@link parseReview} to get Chinese messages. */
export const reviewSchema: z.ZodType<ReviewFile> = reviewObjectSchema;

// ---------------------------------------------------------------------------------------------
// Export

/** The review as a file: marker, kind and version first, 2-space indentation. */
export function exportReviewText(review: ReviewFile): string {
  const { app: _a, kind: _k, version: _v, ...rest } = review;
  return `${JSON.stringify({ app: APP_MARKER, kind: REVIEW_KIND, version: REVIEW_VERSION, ...rest }, null, 2)}\n`;
}

const unsafeFileChars = (text: string, max: number) =>
  [...text.trim()]
    .map((c) => (/[\\/:*?"<>|]/.test(c) || c.charCodeAt(0) < 0x20 ? '_' : c))
    .join('')
    .slice(0, max);

/** 评审意见_<教师>_<阶段>_<YYYYMMDD>.json */
export function reviewFilename(review: Pick<ReviewFile, 'teacher' | 'stage' | 'reviewedAt'>): string {
  const date = review.reviewedAt.slice(0, 10).replaceAll('-', '');
  const teacher = unsafeFileChars(review.teacher.name, 30) || '未署名';
  const stage = unsafeFileChars(review.stage, 20) || '评审';
  return `评审意见_${teacher}_${stage}_${date}.json`;
}

// ---------------------------------------------------------------------------------------------
// Import

/** Reads a review file's text. Never throws. */
export function importReviewText(text: string): ReviewResult {
  try {
    if (typeof text !== 'string') return { ok: false, error: '没有读到文件内容。' };
    const bytes = text.length > MAX_REVIEW_BYTES ? text.length : new TextEncoder().encode(text).length;
    if (bytes > MAX_REVIEW_BYTES) {
      return {
        ok: false,
        error: `文件过大（${(bytes / 1024 / 1024).toFixed(1)} MB），评审意见文件不会超过 2 MB。请确认选择的是微能力手册保存的评审意见。`,
      };
    }
    const parsed = parseFileJson(text, {
      empty: '文件是空的，没有评审意见。',
      invalid: '不是有效的 JSON 文件：内容可能不完整或已损坏。请让评审人重新保存评审意见。',
    });
    return parsed.ok ? migrateReview(parsed.data) : parsed;
  } catch {
    return { ok: false, error: '读取文件时出错，无法打开评审意见。' };
  }
}

/** Migrates an already-parsed review object to the current version and validates it. Never throws. */
export function migrateReview(input: unknown): ReviewResult {
  return migrateReviewWith(input, REVIEW_MIGRATIONS);
}

/** migrateReview with an explicit registry (for tests and future versions). Never throws. */
export function migrateReviewWith(
  input: unknown,
  migrations: Readonly<Record<number, ReviewMigration>>,
  current: number = REVIEW_VERSION,
): ReviewResult {
  try {
    if (!isPlainRecord(input)) {
      return { ok: false, error: '这不是微能力手册的评审意见文件：内容不是一条记录（JSON 对象）。' };
    }
    if (input['app'] !== APP_MARKER) {
      return { ok: false, error: `这不是微能力手册的评审意见文件（缺少 "app": "${APP_MARKER}" 标记）。` };
    }
    if (input['kind'] !== REVIEW_KIND) {
      return Object.hasOwn(input, 'kind')
        ? { ok: false, error: '这是微能力手册的另一种文件，不是评审意见文件。' }
        : { ok: false, error: '这是教师的自评文件，不是评审意见文件。请选择评审人保存的评审意见。' };
    }
    const upgraded = upgrade(input, current, migrations, '评审意见文件');
    if (!upgraded.ok) return upgraded;
    const parsed = parseReview(upgraded.data);
    if (!parsed.ok || upgraded.from === current) return parsed;
    return { ...parsed, migratedFrom: upgraded.from };
  } catch {
    return { ok: false, error: '读取评审意见时出错，无法打开。' };
  }
}

/** Validates a current-version review object; the error names the first bad field in Chinese. */
export function parseReview(input: unknown): ReviewResult {
  const result = reviewObjectSchema.safeParse(input, { error: chineseIssue });
  if (result.success) return { ok: true, review: result.data };
  const issue = result.error.issues[0];
  if (!issue) return { ok: false, error: '评审意见无效。' };
  const message = issue.code === 'invalid_key' ? (issue.issues[0]?.message ?? issue.message) : issue.message;
  return { ok: false, error: `评审意见文件中${describePath(issue.path)}：${message}` };
}

const LABELS: Record<string, string> = {
  app: '文件标记',
  kind: '文件种类',
  version: '格式版本',
  reviewedAt: '评审时间',
  reviewer: '评审人',
  role: '身份',
  stage: '评审环节',
  teacher: '被评教师',
  school: '学校',
  draft: '所评自评',
  id: '编号',
  contentHash: '内容校验值',
  savedAt: '保存时间',
  abilities: '评审内容',
  items: '证据',
  grade: '评定等级',
  selfGrade: '自评等级',
  comment: '评语',
  excellent: '认定的优秀标准',
  pass: '认定的合格标准',
  files: '核对的文件',
  sha256: '校验值',
  verdict: '核对结果',
};

const shorten = (text: string, max = 40) => (text.length > max ? `${text.slice(0, max)}…` : text);

/** abilities.C5.items.case-video.comment → 微能力点 C5 的证据“case-video”的评语. */
function describePath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '';
  const parts: string[] = [];
  const [top, ...rest] = path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  let tail = rest;
  if (top === 'abilities' && rest.length > 0) {
    parts.push(`微能力点“${shorten(String(rest[0]))}”`);
    tail = rest.slice(1);
    if (tail[0] === 'items' && tail.length > 1) {
      parts.push(`证据“${shorten(String(tail[1]))}”`);
      tail = tail.slice(2);
    }
  } else {
    parts.push(LABELS[String(top)] ?? `“${shorten(String(top))}”`);
  }
  for (const segment of tail) {
    if (typeof segment === 'number') parts.push(`第 ${segment + 1} 项`);
    else if (segment === 'name') parts.push(top === 'reviewer' || top === 'teacher' ? '姓名' : '名称');
    else parts.push(LABELS[segment] ?? `“${shorten(segment)}”`);
  }
  return `的${parts.join('的')}`.replace(/^的/, '');
}
