// src/lib/school/handoff/ decides the hand-off to the county (移交县级审核): its file, and the
// county's view of several schools' hand-offs. Part of school/ in eslint.config.js, so it
// imports only what school/ may.
/**
 * The 移交县级审核 file: what a school sends the county expert team once its own review stages are
 * done. It holds the school's plan (who the school is, its region, round, roster and stages), the
 * self-checks of the teachers ready for 审核认定, the school's reviews of them, and any results of
 * the stages after the school that have already come back (县级审核认定, 省市抽查).
 *
 * Like every carried file (src/lib/files/FILE_FORMATS.md): app marker, kind, version with
 * migrations, bounded sizes. The plan is required and read with the plan's own reader: without it
 * the county cannot tell whose file this is, so a damaged plan refuses the file. Each self-check,
 * review and recorded result is read on its own (self-checks and reviews with their own formats'
 * readers and migrations), so one damaged entry is listed and dropped, never the whole file.
 * Reading never throws.
 */
import { z } from 'zod';
import { lazySchema } from '../../files/lazy-schema';
import { APP_MARKER, chineseIssue, migrateDraft, type Draft } from '../../self-check/draft';
import { migrateReview, type ReviewFile } from '../../review/review-file';
import { CODE_PATTERN } from '../../content/taxonomy';
import {
  decodeFileText,
  isPlainRecord,
  parseCarriedJson,
  tooBigToOpen,
  upgrade,
  type Migration,
} from '../../files/versioned-file';
import { isCalendarDate, PLAN_BOUNDS, readPlan, type SchoolPlan } from '../plan/plan-file';
import type { RecordedOutcome } from '../plan/plan-stages';

// Zod probes for eval() to speed up parsing; the site's Content-Security-Policy forbids eval.
z.config({ jitless: true });

export const HANDOFF_KIND = '县级审核移交';
export const HANDOFF_VERSION = 1;

/** Limits of the hand-off's lists; a real school stays far below every one. */
export const HANDOFF_BOUNDS = {
  /** As many self-checks as a plan has teachers. */
  selfChecks: PLAN_BOUNDS.teachers,
  /** Every teacher, every stage, a few abilities each. */
  reviews: 20000,
  /** Every teacher × ability × outside stage. */
  outcomes: 50000,
} as const;

/** Largest hand-off file read, in bytes: 2,000 teachers with their reviews stay well below. */
export const MAX_HANDOFF_BYTES = 100 * 1024 * 1024;

/**
 * Migrations by the version they upgrade from; empty while the format is at version 1. To go to
 * version 2: raise HANDOFF_VERSION, change the envelope schema, and add
 * `1: (old) => ({ ...(old as object), version: 2, … })`. Keep every old entry. The entries
 * inside migrate by their own formats' registries.
 */
export const HANDOFF_MIGRATIONS: Readonly<Record<number, Migration>> = {};

/** An outside stage's result the school recorded, for one teacher (by name) and ability. */
export interface HandoffOutcome {
  /** The teacher's name as on the plan's roster and in the self-check. */
  teacher: string;
  /** Ability code: A1 … C7. */
  code: string;
  /** The plan's outside stage: 县级审核认定, 省市抽查 … */
  stage: string;
  outcome: RecordedOutcome;
}

export interface HandoffContent {
  plan: SchoolPlan;
  selfChecks: Draft[];
  reviews: ReviewFile[];
  outcomes: HandoffOutcome[];
}

export interface HandoffFile extends HandoffContent {
  app: typeof APP_MARKER;
  kind: typeof HANDOFF_KIND;
  version: typeof HANDOFF_VERSION;
  savedAt: string;
}

/** An entry of the hand-off that could not be read, with the reason in Chinese. */
export interface DroppedHandoffEntry {
  what: '自评' | '评审意见' | '校外环节结果';
  /** 1-based position in its list, to find it. */
  position: number;
  reason: string;
}

export type HandoffResult =
  | { ok: true; handoff: HandoffFile; dropped: DroppedHandoffEntry[]; migratedFrom?: number }
  | { ok: false; error: string };

const WHAT = '县级审核移交文件';

const outcomeSchema = lazySchema(() =>
  z
    .object({
      teacher: z
        .string({ error: '教师姓名须为文字' })
        .max(PLAN_BOUNDS.nameChars, `教师姓名不能超过 ${PLAN_BOUNDS.nameChars} 个字`)
        .refine((s) => s.trim() !== '', '教师姓名不能为空'),
      code: z.string({ error: '微能力点编号须为文字' }).regex(CODE_PATTERN, '不是微能力点编号'),
      stage: z
        .string({ error: '环节须为文字' })
        .max(PLAN_BOUNDS.stageChars, `环节不能超过 ${PLAN_BOUNDS.stageChars} 个字`)
        .refine((s) => s.trim() !== '', '环节不能为空'),
      outcome: z
        .object({
          grade: z.enum(['优秀', '合格', '不合格'], { error: '结果须为优秀、合格或不合格' }).optional(),
          stale: z.boolean({ error: '须写明是否针对旧版自评' }),
          by: z
            .string({ error: '认定人须为文字' })
            .max(PLAN_BOUNDS.nameChars, `认定人不能超过 ${PLAN_BOUNDS.nameChars} 个字`)
            .refine((s) => s.trim() !== '', '认定人不能为空'),
          at: z.string({ error: '日期须为文字' }).refine(isCalendarDate, '日期须写成 2025-06-30 这样的格式'),
          from: z.enum(['评审意见文件', '手动录入'], { error: '来源须为“评审意见文件”或“手动录入”' }),
        })
        .strict(),
    })
    .strict(),
);

/** The envelope; the plan and the entries are read one by one afterwards. */
const envelopeSchema = lazySchema(() =>
  z
    .object({
      app: z.literal(APP_MARKER),
      kind: z.literal(HANDOFF_KIND),
      version: z.literal(HANDOFF_VERSION),
      savedAt: z.iso.datetime({ offset: true, error: '保存时间须为 ISO 8601 时间' }),
      plan: z.unknown().refine((p) => p !== undefined, '缺少学校考核方案'),
      selfChecks: z
        .array(z.unknown(), { error: '自评列表须为数组' })
        .max(HANDOFF_BOUNDS.selfChecks, `最多 ${HANDOFF_BOUNDS.selfChecks} 份自评`),
      reviews: z
        .array(z.unknown(), { error: '评审意见列表须为数组' })
        .max(HANDOFF_BOUNDS.reviews, `最多 ${HANDOFF_BOUNDS.reviews} 份评审意见`),
      outcomes: z
        .array(z.unknown(), { error: '校外环节结果须为数组' })
        .max(HANDOFF_BOUNDS.outcomes, `最多 ${HANDOFF_BOUNDS.outcomes} 条校外环节结果`),
    })
    .strict(),
);

/** The hand-off as a file, with marker, kind, version and time set. */
export function makeHandoff(content: HandoffContent, now: Date = new Date()): HandoffFile {
  return {
    app: APP_MARKER,
    kind: HANDOFF_KIND,
    version: HANDOFF_VERSION,
    savedAt: now.toISOString(),
    plan: content.plan,
    selfChecks: [...content.selfChecks],
    reviews: [...content.reviews],
    outcomes: content.outcomes.map(({ teacher, code, stage, outcome }) => ({
      teacher,
      code,
      stage,
      // A result without a grade (criteria unknown) has no `grade` key in the file's text.
      outcome: { ...outcome },
    })),
  };
}

/** The file's text. One line: a county's batch of a hundred schools is large enough as it is. */
export function exportHandoffText(file: HandoffFile): string {
  return `${JSON.stringify(file)}\n`;
}

/** 县级审核移交_某某小学_20250601.json, the day in the time the file was made (UTC, as savedAt). */
export function handoffFileName(file: Pick<HandoffFile, 'plan' | 'savedAt'>): string {
  const school = file.plan.school.name.replace(/[\\/:*?"<>|\s\p{Cc}\p{Cf}]+/gu, '').slice(0, 30) || '未署名';
  return `县级审核移交_${school}_${file.savedAt.slice(0, 10).replace(/-/g, '')}.json`;
}

/** Whether parsed JSON claims to be a hand-off file (app marker and kind), valid or not. */
export function isHandoffData(data: unknown): boolean {
  return isPlainRecord(data) && data['app'] === APP_MARKER && data['kind'] === HANDOFF_KIND;
}

/** Reads a picked file's bytes (any bytes at all). Never throws. */
export function importHandoffBytes(bytes: Uint8Array): HandoffResult {
  try {
    const big = tooBigToOpen(bytes.length, MAX_HANDOFF_BYTES, WHAT);
    if (big) return { ok: false, error: big };
    const text = decodeFileText(bytes);
    if (text === undefined) {
      return { ok: false, error: `文件不是文本文件（不是 UTF-8 或 UTF-16 编码的 JSON），不是${WHAT}。` };
    }
    return importHandoffText(text);
  } catch {
    return { ok: false, error: `读取${WHAT}时出错，无法打开。` };
  }
}

/** Reads a file's text. Never throws. */
export function importHandoffText(text: string): HandoffResult {
  try {
    const parsed = parseCarriedJson(text, {
      maxBytes: MAX_HANDOFF_BYTES,
      what: WHAT,
      empty: '文件是空的，没有移交内容。',
      invalid: '不是有效的 JSON 文件：移交文件可能不完整（传输中断）或已损坏。请学校重新导出一份。',
    });
    return parsed.ok ? readHandoff(parsed.data) : parsed;
  } catch {
    return { ok: false, error: `读取${WHAT}时出错，无法打开。` };
  }
}

/** Validates (and upgrades) an already parsed object, entry by entry. Never throws. */
export function readHandoff(data: unknown): HandoffResult {
  return readHandoffWith(data, HANDOFF_MIGRATIONS);
}

/** readHandoff with an explicit registry (for tests and future versions). Never throws. */
export function readHandoffWith(
  input: unknown,
  migrations: Readonly<Record<number, Migration>>,
  current: number = HANDOFF_VERSION,
): HandoffResult {
  try {
    if (!isPlainRecord(input) || input['app'] !== APP_MARKER) {
      return { ok: false, error: '这不是微能力手册的县级审核移交文件。' };
    }
    if (input['kind'] !== HANDOFF_KIND) {
      const kind = typeof input['kind'] === 'string' ? `这是一份“${input['kind'].slice(0, 20)}”文件，` : '';
      return { ok: false, error: `${kind}不是县级审核移交文件（缺少 "kind": "${HANDOFF_KIND}" 标记）。` };
    }
    const upgraded = upgrade(input, current, migrations, WHAT);
    if (!upgraded.ok) return upgraded;
    const envelope = envelopeSchema.safeParse(upgraded.data, { error: chineseIssue });
    if (!envelope.success) {
      const issue = envelope.error.issues[0];
      const where = issue?.path[0] !== undefined ? `${LABELS[String(issue.path[0])] ?? '内容'}：` : '';
      return { ok: false, error: `${WHAT}的结构不对：${where}${issue?.message ?? '无法识别'}。` };
    }
    const data = envelope.data;
    const plan = readPlan(data.plan);
    if (!plan.ok) return { ok: false, error: `${WHAT}中的学校考核方案无法读取：${plan.error}` };

    const dropped: DroppedHandoffEntry[] = [];
    const selfChecks: Draft[] = [];
    data.selfChecks.forEach((entry, i) => {
      const result = migrateDraft(entry);
      if (result.ok) selfChecks.push(result.draft);
      else dropped.push({ what: '自评', position: i + 1, reason: result.error });
    });
    const reviews: ReviewFile[] = [];
    data.reviews.forEach((entry, i) => {
      const result = migrateReview(entry);
      if (result.ok) reviews.push(result.review);
      else dropped.push({ what: '评审意见', position: i + 1, reason: result.error });
    });
    const outsideStages = new Set(plan.plan.stages.filter((s) => s.outside).map((s) => s.name));
    const outcomes: HandoffOutcome[] = [];
    data.outcomes.forEach((entry, i) => {
      const result = outcomeSchema.safeParse(entry, { error: chineseIssue });
      if (!result.success) {
        dropped.push({
          what: '校外环节结果',
          position: i + 1,
          reason: result.error.issues[0]?.message ?? '无效',
        });
        return;
      }
      const { teacher, code, stage, outcome } = result.data;
      if (!outsideStages.has(stage)) {
        dropped.push({
          what: '校外环节结果',
          position: i + 1,
          reason: `“${stage}”不是方案中的校外环节`,
        });
        return;
      }
      outcomes.push({ teacher, code, stage, outcome: { ...outcome, grade: outcome.grade } });
    });
    const handoff: HandoffFile = {
      app: APP_MARKER,
      kind: HANDOFF_KIND,
      version: HANDOFF_VERSION,
      savedAt: data.savedAt,
      plan: plan.plan,
      selfChecks,
      reviews,
      outcomes,
    };
    return upgraded.from < current
      ? { ok: true, handoff, dropped, migratedFrom: upgraded.from }
      : { ok: true, handoff, dropped };
  } catch {
    return { ok: false, error: `读取${WHAT}时出错，无法打开。` };
  }
}

const LABELS: Record<string, string> = {
  savedAt: '保存时间',
  plan: '学校考核方案',
  selfChecks: '自评列表',
  reviews: '评审意见列表',
  outcomes: '校外环节结果',
  version: '格式版本',
};

/** One line per dropped entry, for the page: 第 3 份自评：…. */
export function droppedText(entry: DroppedHandoffEntry): string {
  const unit = entry.what === '校外环节结果' ? '条' : '份';
  return `第 ${entry.position} ${unit}${entry.what}无法读取，已略去：${entry.reason}`;
}
