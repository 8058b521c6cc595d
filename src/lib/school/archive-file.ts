// src/lib/school/ decides the school's 考核档案: intake, merging, status, summary, table and store.
// Imports only review/, rubrics/, pdf/, self-check/, grading/, content/, files/; see eslint.config.js.
/**
 * The school's 考核档案 as one file: every teacher's self-check and every review the school has
 * gathered, plus the page's settings (region, number of teachers) and, since version 2, the
 * principal's own decisions: the results of the stages after the school (县级审核认定 …) typed in
 * when they came back, which files from another school or region the principal took in anyway,
 * and optionally a copy of the school's plan, so a saved archive carries everything the principal
 * decided. The principal saves it to keep the archive or hand it on, and opens it later to go on.
 * The browser keeps the same text.
 *
 * Like the other files people carry it has the app marker, a kind, a version with migrations
 * and bounded sizes. Each self-check and review inside is read with its own file's reader (and
 * migrations), one by one, so one damaged entry is listed and dropped, never the whole archive.
 * Nothing here throws on bad input.
 */
import { z } from 'zod';
import { lazySchema } from '../files/lazy-schema';
import { APP_MARKER, migrateDraft, type Draft } from '../self-check/draft';
import { migrateReview, type ReviewFile } from '../review/review-file';
import { isPlainRecord, parseFileJson, upgrade, type Migration } from '../files/versioned-file';
import { isCalendarDate, PLAN_BOUNDS, readPlan, type SchoolPlan } from './plan/plan-file';

z.config({ jitless: true });

export const ARCHIVE_KIND = '学校考核档案';
export const ARCHIVE_VERSION = 2;
/** Largest archive file read, in bytes (UTF-8): 2,000 teachers with reviews stay well below. */
export const MAX_ARCHIVE_BYTES = 100 * 1024 * 1024;
export const MAX_ARCHIVE_SELF_CHECKS = 5000;
export const MAX_ARCHIVE_REVIEWS = 20000;
export const MAX_TEACHER_TOTAL = 100000;
/** Every teacher's every ability at two outside stages, with room to spare. */
export const MAX_ARCHIVE_OUTCOMES = 20000;
/** At most one decision per self-check. */
export const MAX_ARCHIVE_TAKEN_IN = MAX_ARCHIVE_SELF_CHECKS;

export interface ArchiveSettings {
  /** Policy slug of the school's region; '' until chosen (then the files' most common region is used). */
  region: string;
  /** How many teachers the school has, for the share against the region's targets; absent: those loaded. */
  teacherTotal?: number | undefined;
}

/**
 * An outside stage's result typed in by the principal (readRecordedOutcome): the teacher by name
 * (as the roster and the hand-off to the county name them), the ability and the stage. The
 * self-check's content hash at the time says whether the result is of the self-check as it is
 * now; a result that came in a county's review file is not kept here: the review file is.
 */
export interface TypedStageResult {
  teacher: string;
  code: string;
  stage: string;
  grade: '优秀' | '合格' | '不合格';
  by: string;
  /** YYYY-MM-DD */
  at: string;
  /** draftContentHash of the self-check the result is of; '' when not known. */
  contentHash: string;
}

export interface ArchiveContent {
  settings: ArchiveSettings;
  selfChecks: Draft[];
  reviews: ReviewFile[];
  /** Outside stages' results typed in (version 2). */
  outcomes: TypedStageResult[];
  /** Draft ids of self-checks from another school or region that the principal took in (version 2). */
  takenIn: string[];
  /** A copy of the school's plan, carried in a saved file; not kept in the stored archive. */
  plan?: SchoolPlan | undefined;
}

export interface ArchiveFile extends ArchiveContent {
  app: typeof APP_MARKER;
  kind: typeof ARCHIVE_KIND;
  version: typeof ARCHIVE_VERSION;
  savedAt: string;
}

/** An entry of the archive that could not be read, with the reason in Chinese. */
export interface DroppedEntry {
  what: '自评' | '评审意见' | '学校考核方案';
  /** 1-based position in the archive, to find it. */
  position: number;
  reason: string;
}

export type ArchiveResult =
  | { ok: true; archive: ArchiveContent; dropped: DroppedEntry[]; migratedFrom?: number }
  | { ok: false; error: string };

export type ArchiveMigration = Migration;

/**
 * Migrations by the version they upgrade from; keep every entry so that any earlier archive runs
 * up step by step. The entries inside migrate by their own formats' registries.
 * 1 → 2: the principal's decisions arrive, none made yet: no typed results, nothing taken in.
 */
export const ARCHIVE_MIGRATIONS: Readonly<Record<number, ArchiveMigration>> = {
  1: (old) => ({ ...(old as Record<string, unknown>), version: 2, outcomes: [], takenIn: [] }),
};

const settingsSchema = lazySchema(() =>
  z
    .object({
      region: z
        .string({ error: '地区须为文字' })
        .max(60, '地区不能超过 60 个字符')
        .regex(/^[a-z0-9-]*$/, '地区须为政策条目的名称（小写字母、数字和连字符）或空'),
      teacherTotal: z
        .number({ error: '全校教师人数须为整数' })
        .int('全校教师人数须为整数')
        .min(1, '全校教师人数至少为 1')
        .max(MAX_TEACHER_TOTAL, `全校教师人数不能超过 ${MAX_TEACHER_TOTAL}`)
        .optional(),
    })
    .strict(),
);

const shortText = (max: number, what: string) =>
  z
    .string({ error: `${what}须为文字` })
    .max(max, `${what}不能超过 ${max} 个字`)
    .refine((t) => t.trim() !== '', `${what}不能为空`);

const typedResultSchema = lazySchema(() =>
  z
    .object({
      teacher: shortText(PLAN_BOUNDS.nameChars, '教师姓名'),
      code: shortText(20, '微能力点'),
      stage: shortText(PLAN_BOUNDS.stageChars, '环节'),
      grade: z.enum(['优秀', '合格', '不合格'], { error: '结果须为优秀、合格或不合格' }),
      by: shortText(PLAN_BOUNDS.nameChars, '认定人'),
      at: z.string({ error: '日期须为文字' }).refine(isCalendarDate, '日期须写成 2025-06-30 这样的格式'),
      contentHash: z
        .string({ error: '校验值须为文字' })
        .regex(/^([0-9a-f]{64})?$/, '校验值须为 64 位十六进制或空'),
    })
    .strict(),
);

/** The envelope; the entries are read one by one afterwards. */
const envelopeSchema = lazySchema(() =>
  z
    .object({
      app: z.literal(APP_MARKER),
      kind: z.literal(ARCHIVE_KIND),
      version: z.literal(ARCHIVE_VERSION),
      savedAt: z.iso.datetime({ offset: true, error: '保存时间须为 ISO 8601 时间' }),
      settings: settingsSchema,
      selfChecks: z
        .array(z.unknown(), { error: '自评列表须为数组' })
        .max(MAX_ARCHIVE_SELF_CHECKS, `最多 ${MAX_ARCHIVE_SELF_CHECKS} 份自评`),
      reviews: z
        .array(z.unknown(), { error: '评审意见列表须为数组' })
        .max(MAX_ARCHIVE_REVIEWS, `最多 ${MAX_ARCHIVE_REVIEWS} 份评审意见`),
      outcomes: z
        .array(typedResultSchema, { error: '录入的结果须为数组' })
        .max(MAX_ARCHIVE_OUTCOMES, `最多 ${MAX_ARCHIVE_OUTCOMES} 条录入的结果`),
      takenIn: z
        .array(z.string({ error: '编号须为文字' }).max(100, '编号不能超过 100 个字符'), {
          error: '纳入的文件须为数组',
        })
        .max(MAX_ARCHIVE_TAKEN_IN, `最多纳入 ${MAX_ARCHIVE_TAKEN_IN} 份其他学校的自评`),
      plan: z.unknown().optional(),
    })
    .strict(),
);

export function emptyArchive(): ArchiveContent {
  return { settings: { region: '' }, selfChecks: [], reviews: [], outcomes: [], takenIn: [] };
}

/** The archive as a file: marker, kind, version and time first. */
export function exportArchiveText(archive: ArchiveContent, now: Date = new Date()): string {
  const file: ArchiveFile = {
    app: APP_MARKER,
    kind: ARCHIVE_KIND,
    version: ARCHIVE_VERSION,
    savedAt: now.toISOString(),
    settings: archive.settings,
    selfChecks: archive.selfChecks,
    reviews: archive.reviews,
    outcomes: archive.outcomes,
    takenIn: archive.takenIn,
    ...(archive.plan ? { plan: archive.plan } : {}),
  };
  return JSON.stringify(file);
}

/** 学校考核档案_<YYYYMMDD>.json */
export function archiveFilename(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `学校考核档案_${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}.json`;
}

/** Whether parsed JSON claims to be an archive file (app marker and kind), valid or not. */
export function isArchiveData(data: unknown): boolean {
  return isPlainRecord(data) && data['app'] === APP_MARKER && data['kind'] === ARCHIVE_KIND;
}

/** Reads an archive file's text. Never throws. */
export function importArchiveText(text: string): ArchiveResult {
  try {
    if (typeof text !== 'string') return { ok: false, error: '没有读到文件内容。' };
    if (text.length > MAX_ARCHIVE_BYTES) return tooBig(text.length);
    const parsed = parseFileJson(text, {
      empty: '文件是空的，没有档案内容。',
      invalid: '不是有效的 JSON 文件：档案文件可能不完整或已损坏。',
    });
    return parsed.ok ? migrateArchive(parsed.data) : parsed;
  } catch {
    return { ok: false, error: '读取档案文件时出错。' };
  }
}

function tooBig(bytes: number): ArchiveResult {
  return {
    ok: false,
    error: `文件过大（${(bytes / 1024 / 1024).toFixed(0)} MB），考核档案文件不会超过 ${MAX_ARCHIVE_BYTES / 1024 / 1024} MB。`,
  };
}

/** Migrates a parsed archive object and reads its entries. Never throws. */
export function migrateArchive(input: unknown): ArchiveResult {
  return migrateArchiveWith(input, ARCHIVE_MIGRATIONS);
}

/** migrateArchive with an explicit registry (for tests and future versions). Never throws. */
export function migrateArchiveWith(
  input: unknown,
  migrations: Readonly<Record<number, ArchiveMigration>>,
  current: number = ARCHIVE_VERSION,
): ArchiveResult {
  try {
    if (!isArchiveData(input)) return { ok: false, error: '这不是微能力手册保存的学校考核档案。' };
    const upgraded = upgrade(input as Record<string, unknown>, current, migrations, '考核档案');
    if (!upgraded.ok) return upgraded;
    const { data, from: version } = upgraded;
    const envelope = envelopeSchema.safeParse(data);
    if (!envelope.success) {
      const issue = envelope.error.issues[0];
      const message = issue && issue.code === 'custom' ? issue.message : (issue?.message ?? '');
      return { ok: false, error: `档案文件的结构不对${message ? `：${message}` : ''}。` };
    }
    const dropped: DroppedEntry[] = [];
    const selfChecks: Draft[] = [];
    envelope.data.selfChecks.forEach((entry, i) => {
      const result = migrateDraft(entry);
      if (result.ok) selfChecks.push(result.draft);
      else dropped.push({ what: '自评', position: i + 1, reason: result.error });
    });
    const reviews: ReviewFile[] = [];
    envelope.data.reviews.forEach((entry, i) => {
      const result = migrateReview(entry);
      if (result.ok) reviews.push(result.review);
      else dropped.push({ what: '评审意见', position: i + 1, reason: result.error });
    });
    const settings: ArchiveSettings =
      envelope.data.settings.teacherTotal === undefined
        ? { region: envelope.data.settings.region }
        : { region: envelope.data.settings.region, teacherTotal: envelope.data.settings.teacherTotal };
    // A damaged plan copy is listed and left out: the archive's own content still loads.
    let plan: SchoolPlan | undefined;
    if (envelope.data.plan !== undefined) {
      const read = readPlan(envelope.data.plan);
      if (read.ok) plan = read.plan;
      else dropped.push({ what: '学校考核方案', position: 1, reason: read.error });
    }
    const archive: ArchiveContent = {
      settings,
      selfChecks,
      reviews,
      outcomes: envelope.data.outcomes,
      takenIn: [...new Set(envelope.data.takenIn)],
      ...(plan ? { plan } : {}),
    };
    return version < current
      ? { ok: true, archive, dropped, migratedFrom: version }
      : { ok: true, archive, dropped };
  } catch {
    return { ok: false, error: '读取档案文件时出错。' };
  }
}
