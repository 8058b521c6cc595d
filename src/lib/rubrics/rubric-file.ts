// src/lib/rubrics/ decides school rubric packs: the file, the share link, the editor's state, regional
// entries.
// Imports only self-check/, grading/, content/, files/; see eslint.config.js.
/**
 * The rubric file: a school's rubric pack (评价标准文件), several abilities entered once from the
 * local 考核指南, with where they come from and who entered them. Colleagues open it in the
 * self-check wizard (or as a share link, see rubric-link.ts); `npm run rubric:add` turns it
 * into regional content entries. Each ability's rubric is validated by the same schema as an
 * MDX entry (rubric-schema.ts).
 *
 * Nothing here throws on bad input: readers return `{ ok: false, error }` with a Chinese reason.
 */
import { z } from 'zod';
import { lazySchema } from '../files/lazy-schema';
import { typesetData } from '../content/chinese-typography';
import { rubricFromAbility, type Rubric } from '../grading/grading';
import {
  abilityRubricSchema,
  rubricSourceSchema,
  sourceLine,
  type AbilityRubric,
  type RubricSource,
} from '../grading/rubric-schema';
import { gradingReadiness, readinessText } from './rubric-readiness';
import { compareCodes } from '../content/taxonomy';
import {
  decodeFileText,
  isPlainRecord,
  issuePlace,
  parseCarriedJson,
  readVersioned,
  tooBigToOpen,
  type Migration,
  type VersionedFormat,
} from '../files/versioned-file';
import { displayData } from '../content/display-text';

// Zod probes for eval() to speed up parsing; the site's Content-Security-Policy forbids eval.
z.config({ jitless: true });

export const RUBRIC_APP = '微能力手册';
export const RUBRIC_KIND = '评价标准';
export const RUBRIC_FILE_VERSION = 1;
/** Largest rubric file accepted, in bytes (UTF-8); 30 full abilities take about 100 KB. */
export const MAX_RUBRIC_FILE_BYTES = 1024 * 1024;
export const MAX_PACK_ABILITIES = 30;

/**
 * Migrations by the version they upgrade from; empty while the format is at version 1. To
 * introduce version 2: raise RUBRIC_FILE_VERSION, change rubricPackSchema, and add
 * `1: (old) => ({ ...(old as object), version: 2, … })`. Keep every old entry.
 */
export const RUBRIC_MIGRATIONS: Readonly<Record<number, Migration>> = {};

export const rubricPackSchema = lazySchema(() =>
  z
    .object({
      app: z.literal(RUBRIC_APP),
      kind: z.literal(RUBRIC_KIND),
      version: z.literal(RUBRIC_FILE_VERSION),
      savedAt: z.iso.datetime({ offset: true, error: '须为 ISO 8601 时间，例如 2025-03-01T08:00:00.000Z' }),
      source: rubricSourceSchema,
      abilities: z
        .array(abilityRubricSchema)
        .min(1, '至少要有一个微能力点')
        .max(MAX_PACK_ABILITIES, `最多 ${MAX_PACK_ABILITIES} 个微能力点`)
        .refine(
          (list) => new Set(list.map((a) => a.code)).size === list.length,
          '同一个微能力点只能出现一次',
        ),
    })
    .strict(),
);

export type RubricPack = z.output<typeof rubricPackSchema>;

export type PackResult = { ok: true; pack: RubricPack; migratedFrom?: number } | { ok: false; error: string };

/** A new pack with marker, version and savedAt set and the abilities in code order. */
export function makePack(
  source: RubricSource,
  abilities: readonly AbilityRubric[],
  now = new Date(),
): RubricPack {
  return {
    app: RUBRIC_APP,
    kind: RUBRIC_KIND,
    version: RUBRIC_FILE_VERSION,
    savedAt: now.toISOString(),
    source,
    abilities: [...abilities].sort((a, b) => compareCodes(a.code, b.code)),
  };
}

/** The file's text: 2-space indentation, a final newline. */
export function exportPackText(pack: RubricPack): string {
  return `${JSON.stringify(pack, null, 2)}\n`;
}

/** 评价标准_某某小学_20250301.json */
export function packFileName(pack: RubricPack): string {
  const who = pack.source.enteredBy.replace(/[\\/:*?"<>|\s]+/g, '').slice(0, 30) || '未署名';
  return `评价标准_${who}_${pack.savedAt.slice(0, 10).replace(/-/g, '')}.json`;
}

/** Reads a file's bytes (any bytes: a wrong file, a picture, a truncated download, UTF-16). Never throws. */
export function importPackBytes(bytes: Uint8Array): PackResult {
  const big = tooBigToOpen(bytes.length, MAX_RUBRIC_FILE_BYTES, '评价标准文件');
  if (big) return { ok: false, error: big };
  const text = decodeFileText(bytes);
  if (text === undefined) {
    return { ok: false, error: '文件不是文本文件（不是 UTF-8 或 UTF-16 编码的 JSON），不是评价标准文件。' };
  }
  return importPackText(text);
}

/** Reads a file's text. Never throws. */
export function importPackText(text: string): PackResult {
  try {
    const parsed = parseCarriedJson(text, {
      maxBytes: MAX_RUBRIC_FILE_BYTES,
      what: '评价标准文件',
      empty: '文件是空的，没有评价标准。',
      invalid: '不是有效的 JSON 文件：内容可能不完整或已损坏。请向录入的同事重新要一份。',
    });
    return parsed.ok ? readPack(parsed.data) : parsed;
  } catch {
    return { ok: false, error: '读取文件时出错，无法打开。' };
  }
}

/** Validates (and upgrades) an already parsed object. Never throws. */
export function readPack(data: unknown): PackResult {
  const read = readVersioned(data, PACK_FORMAT);
  if (!read.ok) return read;
  const { value: pack, migratedFrom } = read;
  return migratedFrom === undefined ? { ok: true, pack } : { ok: true, pack, migratedFrom };
}

const PACK_FORMAT: VersionedFormat<RubricPack> = {
  app: RUBRIC_APP,
  kind: RUBRIC_KIND,
  current: RUBRIC_FILE_VERSION,
  migrations: RUBRIC_MIGRATIONS,
  what: '评价标准文件',
  notOurs: '这不是微能力手册的评价标准文件。',
  wrongKind: (data) =>
    Object.hasOwn(data, 'profile')
      ? '这是一份自评文件，不是评价标准文件：请在自评页用“打开自评文件”打开。'
      : `这不是评价标准文件（缺少 "kind": "${RUBRIC_KIND}" 标记）。`,
  schema: rubricPackSchema,
  issueText: (issue) => chineseIssue(issue),
  describe: (issue, input) => describeIssue(issue, input),
};

// ---------------------------------------------------------------------------------------------
// What a teacher sees before using a pack, and what the wizard grades with

export interface PackPreview {
  /** “《…》（文号），由 … 录入” */
  sourceLine: string;
  issuer?: string | undefined;
  year?: string | undefined;
  regionName?: string | undefined;
  enteredBy: string;
  enteredAt: string;
  /** `readiness`: 可以评分。 or 还不能评分：… (rubric-readiness.ts), so nobody relies on a partial one. */
  abilities: { code: string; name: string; items: number; graded: number; readiness: string }[];
}

export function packPreview(file: RubricPack): PackPreview {
  // Shown as spelled: a bidi control in a hostile file cannot reorder what the teacher reads.
  const pack = displayData(file);
  return {
    sourceLine: sourceLine(pack.source),
    issuer: pack.source.issuer,
    year: pack.source.year,
    regionName: pack.source.regionName,
    enteredBy: pack.source.enteredBy,
    enteredAt: pack.source.enteredAt,
    abilities: pack.abilities.map((a) => ({
      code: a.code,
      name: a.name,
      items: a.evidence.length,
      graded: a.evidence.filter((e) => e.graded === true).length,
      readiness: readinessText(gradingReadiness(a.evidence)),
    })),
  };
}

/**
 * A school file's rubric as grading.ts takes it: the same conversion as a handbook entry's,
 * typeset as pages typeset content (collections.ts), so that its reasons read exactly as those
 * of the same rubric added to the site with `npm run rubric:add`.
 */
export function schoolRubric(ability: AbilityRubric): Rubric {
  return { ...displayData(typesetData(rubricFromAbility(ability))), origin: '学校文件' };
}

// ---------------------------------------------------------------------------------------------
// Chinese messages

function chineseIssue(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? '缺少此项' : '类型不对';
    case 'too_big':
      return issue.origin === 'string'
        ? `不能超过 ${String(issue.maximum)} 个字`
        : `不能大于 ${String(issue.maximum)}`;
    case 'too_small':
      return issue.origin === 'string' ? '不能为空' : `不能小于 ${String(issue.minimum)}`;
    case 'invalid_value':
      return `须为以下之一：${issue.values.map((v) => JSON.stringify(v)).join('、')}`;
    case 'unrecognized_keys':
      return `含有不认识的字段：${issue.keys.map((k) => `“${k.slice(0, 40)}”`).join('、')}`;
    default:
      return undefined;
  }
}

/** The fields' names in messages; the school plan's messages use them for the pack it carries. */
export const LABELS: Record<string, string> = {
  savedAt: '保存时间',
  source: '来源',
  title: '考核指南名称',
  number: '文号',
  issuer: '发文单位',
  year: '年份',
  region: '地区代号',
  regionName: '地区',
  enteredBy: '录入人',
  enteredAt: '录入日期',
  abilities: '微能力点',
  code: '编号',
  name: '名称',
  evidence: '证据项',
  alternativeGroups: '任务组',
  id: '编号',
  label: '序号',
  forms: '形式',
  requirement: '要求',
  required: '是否必交',
  graded: '是否评分',
  alternativeGroup: '所属任务组',
  limits: '要求',
  maxMinutes: '时长上限',
  maxMinutesQualifier: '时长限定词',
  count: '份数',
  teacherOnCamera: '教师出镜',
  criteria: '评价标准',
  excellent: '优秀标准',
  pass: '合格标准',
  instruction: '说明',
};

function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  const where = issuePlace(issue.path, input, {
    labels: LABELS,
    entryNote: (list, entry) => {
      const code = list === 'abilities' && isPlainRecord(entry) ? entry['code'] : undefined;
      return typeof code === 'string' ? `（${code.slice(0, 3)}）` : '';
    },
  });
  return `评价标准文件无效：${where ? `${where}：` : ''}${issue.message}`;
}
