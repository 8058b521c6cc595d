// src/lib/school/plan/ decides the school's own plan (学校考核方案): its file and link, the staff list
// it is built from, the selection rule and the stages through the county. Part of school/ in
// eslint.config.js, so it imports only what school/ may.
/**
 * The school plan (学校考核方案): what a school decides once in its 《校本研修与考核方案》 and hands
 * to every teacher and reviewer: the school and its region, the roster, each teacher category's
 * selection rule, the stages (the school's own and those after it), who reviews whom, the
 * deadlines and, if it has one, its rubric pack. One file gives a teacher everything the school
 * decided, so the wizard, /review/ and /school/ all read this one schema.
 *
 * Like every carried file (src/lib/files/FILE_FORMATS.md): app marker, kind, version with
 * migrations, bounded sizes. Reading never throws: a bad file gives a Chinese reason and the
 * caller replaces nothing.
 */
import { z } from 'zod';
import { lazySchema } from '../../files/lazy-schema';
import { APP_MARKER, chineseIssue } from '../../self-check/draft';
import { LABELS as RUBRIC_LABELS, rubricPackSchema } from '../../rubrics/rubric-file';
import { CODE_PATTERN, DIMENSIONS, ENVIRONMENTS } from '../../content/taxonomy';
import {
  decodeFileText,
  isPlainRecord,
  issuePlace,
  parseCarriedJson,
  readVersioned,
  tooBigToOpen,
  type Migration,
} from '../../files/versioned-file';

// Zod probes for eval() to speed up parsing; the site's Content-Security-Policy forbids eval.
z.config({ jitless: true });

export const PLAN_KIND = '学校考核方案';
export const PLAN_VERSION = 1;

/** Limits of the plan's lists and texts; a real school stays far below every one. */
export const PLAN_BOUNDS = {
  /** The largest schools in the programme have a few thousand teachers. */
  teachers: 5000,
  nameChars: 40,
  schoolChars: 60,
  roundChars: 40,
  fieldChars: 20,
  categories: 20,
  stages: 10,
  stageChars: 30,
  deadlines: 20,
  assignments: 500,
  /** Names in all assignments together: every teacher at every stage, twice over. */
  assignedNames: 20000,
  atLeast: 6,
} as const;

/** Largest plan file read, in bytes: a full roster, every assignment and a 1 MB rubric pack fit. */
export const MAX_PLAN_BYTES = 4 * 1024 * 1024;

/** The deadline that is not a review stage: when the teachers hand in their self-checks. */
export const SUBMISSION_DEADLINE = '提交自评';

/**
 * Migrations by the version they upgrade from; empty while the format is at version 1. To
 * introduce version 2: raise PLAN_VERSION, change planSchema, and add
 * `1: (old) => ({ ...(old as object), version: 2, … })`. Keep every old entry.
 */
export const PLAN_MIGRATIONS: Readonly<Record<number, Migration>> = {};

const text = (max: number, what: string) =>
  z.string({ error: `${what}须为文字` }).max(max, `${what}不能超过 ${max} 个字`);
const name = (max: number, what: string) => text(max, what).refine((s) => s.trim() !== '', `${what}不能为空`);

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A real day written YYYY-MM-DD (2025-02-30 is not one). */
export function isCalendarDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  const day = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(text);
}

const dateSchema = lazySchema(() =>
  z
    .string({ error: '日期须为文字' })
    .refine(isCalendarDate, '日期须写成 2025-06-30 这样的格式，且是真实的一天'),
);

const codeSchema = lazySchema(() =>
  z
    .string({ error: '微能力点编号须为文字' })
    .regex(CODE_PATTERN, '不是微能力点编号（A1–A13、B1–B10、C1–C7）'),
);
const codeList = lazySchema(() =>
  z
    .array(codeSchema, { error: '须为编号列表' })
    .max(30, '最多 30 个微能力点')
    .refine((codes) => new Set(codes).size === codes.length, '同一个微能力点只能写一次'),
);

/**
 * 至少 N 个来自 these environments and/or dimensions: an ability counts when it is in one of the
 * environments listed and, if dimensions are listed too, in one of them (selection-rule.ts).
 */
const atLeastSchema = lazySchema(() =>
  z
    .object({
      count: z
        .number({ error: '个数须为整数' })
        .int('个数须为整数')
        .min(1, '个数至少为 1')
        .max(30, '个数不能超过 30'),
      environments: z.array(z.enum(ENVIRONMENTS, { error: '须为三种教学环境之一' })).max(3),
      dimensions: z.array(z.enum(DIMENSIONS, { error: '须为四个能力维度之一' })).max(4),
    })
    .strict()
    .refine((r) => r.environments.length + r.dimensions.length > 0, '须写明来自哪些教学环境或能力维度'),
);

export const selectionRuleSchema = lazySchema(() =>
  z
    .object({
      /** How many abilities a teacher of the category completes. */
      count: z
        .number({ error: '完成个数须为整数' })
        .int('完成个数须为整数')
        .min(1, '完成个数至少为 1')
        .max(30, '完成个数不能超过 30'),
      atLeast: z.array(atLeastSchema).max(PLAN_BOUNDS.atLeast, `最多 ${PLAN_BOUNDS.atLeast} 条“至少”要求`),
      required: codeList,
      /** The 选修 abilities offered; empty: any of the 30. */
      offered: codeList,
    })
    .strict()
    .superRefine((rule, ctx) => {
      if (rule.required.length > rule.count) {
        ctx.addIssue({
          code: 'custom',
          path: ['required'],
          message: `必修 ${rule.required.length} 个，多于要完成的 ${rule.count} 个`,
        });
      }
      for (const [i, need] of rule.atLeast.entries()) {
        if (need.count > rule.count) {
          ctx.addIssue({
            code: 'custom',
            path: ['atLeast', i, 'count'],
            message: `至少 ${need.count} 个，多于要完成的 ${rule.count} 个`,
          });
        }
      }
      const both = rule.required.filter((c) => rule.offered.includes(c));
      if (both.length > 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['offered'],
          message: `${both.join('、')} 已是必修，不必再列为选修`,
        });
      }
      if (rule.offered.length > 0 && rule.required.length + rule.offered.length < rule.count) {
        ctx.addIssue({
          code: 'custom',
          path: ['offered'],
          message: `必修与选修合计不足要完成的 ${rule.count} 个`,
        });
      }
    }),
);

const categorySchema = lazySchema(() =>
  z.object({ name: name(PLAN_BOUNDS.fieldChars, '类别名称'), rule: selectionRuleSchema }).strict(),
);

const teacherSchema = lazySchema(() =>
  z
    .object({
      name: name(PLAN_BOUNDS.nameChars, '姓名'),
      subject: text(PLAN_BOUNDS.fieldChars, '学科'),
      /** 学段: 小学, 初中 … as the school writes it. */
      stage: text(PLAN_BOUNDS.fieldChars, '学段'),
      category: text(PLAN_BOUNDS.fieldChars, '类别'),
    })
    .strict(),
);

const stageSchema = lazySchema(() =>
  z
    .object({
      name: name(PLAN_BOUNDS.stageChars, '环节名称'),
      /** Done by the county or above (县级审核认定, 省市抽查), not by the school. */
      outside: z.boolean({ error: '须写明是否校外环节' }),
      /** Only some teachers are drawn (省市抽查): a missing result holds nobody up. */
      sampled: z.boolean({ error: '须写明是否抽查' }),
    })
    .strict(),
);

const assignmentSchema = lazySchema(() =>
  z
    .object({
      /** A person (王老师) or a group (语文组, 信息化团队). */
      reviewer: name(PLAN_BOUNDS.nameChars, '评审人'),
      stage: name(PLAN_BOUNDS.stageChars, '环节'),
      teachers: z
        .array(name(PLAN_BOUNDS.nameChars, '教师姓名'))
        .min(1, '至少分配一位教师')
        .max(PLAN_BOUNDS.teachers),
    })
    .strict(),
);

export const planSchema = lazySchema(() =>
  z
    .object({
      app: z.literal(APP_MARKER),
      kind: z.literal(PLAN_KIND),
      version: z.literal(PLAN_VERSION),
      savedAt: z.iso.datetime({ offset: true, error: '须为 ISO 8601 时间' }),
      school: z
        .object({
          name: name(PLAN_BOUNDS.schoolChars, '学校名称'),
          /** A policy slug of the region tree (xushui); checked against the entries by planRegionError. */
          region: z
            .string({ error: '地区须为文字' })
            .max(60, '地区不能超过 60 个字符')
            .regex(/^[a-z0-9-]+$/, '地区须为政策条目的名称（小写字母、数字和连字符）'),
          /** 2024—2025 学年, 第二轮 … */
          round: text(PLAN_BOUNDS.roundChars, '轮次或学年'),
        })
        .strict(),
      deadlines: z
        .array(z.object({ stage: name(PLAN_BOUNDS.stageChars, '环节'), date: dateSchema }).strict())
        .max(PLAN_BOUNDS.deadlines),
      categories: z.array(categorySchema).min(1, '至少要有一个教师类别').max(PLAN_BOUNDS.categories),
      roster: z.array(teacherSchema).max(PLAN_BOUNDS.teachers, `名单最多 ${PLAN_BOUNDS.teachers} 人`),
      stages: z.array(stageSchema).min(1, '至少要有一个评审环节').max(PLAN_BOUNDS.stages),
      assignments: z.array(assignmentSchema).max(PLAN_BOUNDS.assignments),
      rubrics: rubricPackSchema.optional(),
    })
    .strict()
    .superRefine((plan, ctx) => {
      const issue = (path: (string | number)[], message: string) =>
        ctx.addIssue({ code: 'custom', path, message });
      const categories = new Set<string>();
      for (const [i, c] of plan.categories.entries()) {
        if (categories.has(c.name)) issue(['categories', i, 'name'], `类别“${c.name}”重复`);
        categories.add(c.name);
      }
      for (const [i, t] of plan.roster.entries()) {
        if (!categories.has(t.category))
          issue(['roster', i, 'category'], `“${t.category}”不是方案中的教师类别`);
      }
      const stages = new Set<string>();
      let outsideSeen = false;
      for (const [i, s] of plan.stages.entries()) {
        if (stages.has(s.name)) issue(['stages', i, 'name'], `环节“${s.name}”重复`);
        if (outsideSeen && !s.outside) issue(['stages', i, 'outside'], '校内环节须排在校外环节之前');
        if (s.sampled && !s.outside) issue(['stages', i, 'sampled'], '抽查只能是校外环节');
        if (s.name === SUBMISSION_DEADLINE)
          issue(['stages', i, 'name'], `“${SUBMISSION_DEADLINE}”不是评审环节`);
        outsideSeen ||= s.outside;
        stages.add(s.name);
      }
      if (!plan.stages.some((s) => !s.outside)) issue(['stages'], '至少要有一个校内评审环节');
      const dated = new Set<string>();
      for (const [i, d] of plan.deadlines.entries()) {
        if (d.stage !== SUBMISSION_DEADLINE && !stages.has(d.stage))
          issue(['deadlines', i, 'stage'], `“${d.stage}”不是方案中的环节`);
        if (dated.has(d.stage)) issue(['deadlines', i, 'stage'], `“${d.stage}”的截止日期写了两次`);
        dated.add(d.stage);
      }
      const names = new Set(plan.roster.map((t) => t.name));
      let assigned = 0;
      for (const [i, a] of plan.assignments.entries()) {
        if (!stages.has(a.stage)) issue(['assignments', i, 'stage'], `“${a.stage}”不是方案中的环节`);
        const stranger = a.teachers.find((t) => !names.has(t));
        if (stranger !== undefined) issue(['assignments', i, 'teachers'], `“${stranger}”不在教师名单中`);
        assigned += a.teachers.length;
      }
      if (assigned > PLAN_BOUNDS.assignedNames)
        issue(['assignments'], `分配的教师合计不能超过 ${PLAN_BOUNDS.assignedNames} 人次`);
    }),
);

export type SchoolPlan = z.output<typeof planSchema>;
export type SelectionRule = SchoolPlan['categories'][number]['rule'];
export type RosterTeacher = SchoolPlan['roster'][number];
export type PlanStage = SchoolPlan['stages'][number];

/** What a plan holds apart from its marker, version and time. */
export type PlanContent = Omit<SchoolPlan, 'app' | 'kind' | 'version' | 'savedAt'>;

export type PlanResult = { ok: true; plan: SchoolPlan; migratedFrom?: number } | { ok: false; error: string };

/** The plan as a file, with marker, kind, version and time set. */
export function makePlan(content: PlanContent, now: Date = new Date()): SchoolPlan {
  return { app: APP_MARKER, kind: PLAN_KIND, version: PLAN_VERSION, savedAt: now.toISOString(), ...content };
}

/** The file's text: 2-space indentation, a final newline. */
export function exportPlanText(plan: SchoolPlan): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}

/** 学校考核方案_某某小学_20250301.json */
export function planFileName(plan: Pick<SchoolPlan, 'school' | 'savedAt'>): string {
  const school = plan.school.name.replace(/[\\/:*?"<>|\s\p{Cc}\p{Cf}]+/gu, '').slice(0, 30) || '未署名';
  return `学校考核方案_${school}_${plan.savedAt.slice(0, 10).replace(/-/g, '')}.json`;
}

/** Whether parsed JSON claims to be a plan file (app marker and kind), valid or not. */
export function isPlanData(data: unknown): boolean {
  return isPlainRecord(data) && data['app'] === APP_MARKER && data['kind'] === PLAN_KIND;
}

/** Reads a picked file's bytes (any bytes at all). Never throws. */
export function importPlanBytes(bytes: Uint8Array): PlanResult {
  try {
    const big = tooBigToOpen(bytes.length, MAX_PLAN_BYTES, '学校考核方案文件');
    if (big) return { ok: false, error: big };
    const text = decodeFileText(bytes);
    if (text === undefined) {
      return {
        ok: false,
        error: '文件不是文本文件（不是 UTF-8 或 UTF-16 编码的 JSON），不是学校考核方案文件。',
      };
    }
    return importPlanText(text);
  } catch {
    return { ok: false, error: '读取学校考核方案文件时出错，无法打开。' };
  }
}

/** Reads a file's text. Never throws (neither step does). */
export function importPlanText(text: string): PlanResult {
  const parsed = parseCarriedJson(text, {
    maxBytes: MAX_PLAN_BYTES,
    what: '学校考核方案文件',
    empty: '文件是空的，没有学校考核方案。',
    invalid: '不是有效的 JSON 文件：方案文件可能不完整或已损坏。请向学校重新要一份。',
  });
  return parsed.ok ? readPlan(parsed.data) : parsed;
}

/** Validates (and upgrades) an already parsed object. Never throws. */
export function readPlan(data: unknown): PlanResult {
  return readPlanWith(data, PLAN_MIGRATIONS);
}

/** readPlan with an explicit registry (for tests and future versions). Never throws. */
export function readPlanWith(
  data: unknown,
  migrations: Readonly<Record<number, Migration>>,
  current: number = PLAN_VERSION,
): PlanResult {
  const read = readVersioned(data, {
    app: APP_MARKER,
    kind: PLAN_KIND,
    current,
    migrations,
    what: '学校考核方案文件',
    notOurs: '这不是微能力手册的学校考核方案文件。',
    wrongKind: (file) => {
      const kind = typeof file['kind'] === 'string' ? `这是一份“${file['kind'].slice(0, 20)}”文件，` : '';
      return `${kind}不是学校考核方案文件（缺少 "kind": "${PLAN_KIND}" 标记）。`;
    },
    schema: planSchema,
    issueText: chineseIssue,
    describe: describePlanIssue,
  });
  if (!read.ok) return read;
  const { value: plan, migratedFrom } = read;
  return migratedFrom === undefined ? { ok: true, plan } : { ok: true, plan, migratedFrom };
}

/**
 * The schema checks that the region is written as a slug; whether the region tree has it is
 * known only to the pages (the policy collection), which ask here. undefined when it does.
 */
export function planRegionError(
  plan: Pick<SchoolPlan, 'school'>,
  regions: ReadonlySet<string>,
): string | undefined {
  return regions.has(plan.school.region)
    ? undefined
    : `方案中的地区“${plan.school.region}”不是本手册收录的地区，请在方案中重新选择地区。`;
}

// ---------------------------------------------------------------------------------------------
// Chinese messages

const LABELS: Record<string, string> = {
  ...RUBRIC_LABELS,
  savedAt: '保存时间',
  school: '学校',
  name: '名称',
  region: '地区',
  round: '轮次或学年',
  deadlines: '截止日期',
  date: '日期',
  categories: '教师类别',
  rule: '选课要求',
  count: '个数',
  atLeast: '“至少”要求',
  environments: '教学环境',
  dimensions: '能力维度',
  required: '必修',
  offered: '选修',
  roster: '教师名单',
  subject: '学科',
  category: '类别',
  stages: '评审环节',
  outside: '校外环节',
  sampled: '抽查',
  stage: '环节',
  assignments: '评审分工',
  reviewer: '评审人',
  teachers: '教师',
  rubrics: '评价标准',
};

const ROSTER_LABELS: Record<string, string> = { name: '姓名', stage: '学段' };

function describePlanIssue(issue: z.core.$ZodIssue, input: unknown): string {
  const where = issuePlace(issue.path, input, {
    labels: LABELS,
    entryNote: (list, entry) => {
      const value =
        ['roster', 'categories', 'stages'].includes(list) && isPlainRecord(entry) ? entry['name'] : undefined;
      return typeof value === 'string' && value.trim() !== '' ? `（${value.slice(0, 20)}）` : '';
    },
    // A teacher's `stage` is their 学段 (as in the self-check's profile); elsewhere a review stage.
    label: (key, keys) => (keys.at(-1) === 'roster' ? ROSTER_LABELS[key] : undefined),
  });
  return `学校考核方案文件无效：${where ? `${where}：` : ''}${issue.message}`;
}
