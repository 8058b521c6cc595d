// src/lib/files/ decides how a carried file is read and upgraded, and how files are kept and hashed
// (contract: FILE_FORMATS.md).
// Imports nothing else from src/lib/; see eslint.config.js.
/**
 * Reading a file a person carries (self-check, rubric, review, archive) as JSON, and upgrading it
 * from an older format version to the current one, one step at a time. Never throws: an empty
 * or broken text, or a missing, failing or misbehaving step, gives a Chinese reason instead, and
 * the caller replaces nothing.
 */

import type { z } from 'zod';

/** Upgrades an object of version N to version N + 1 (or later); must set `version`. */
export type Migration = (old: unknown) => unknown;

export type MigrationResult = { ok: true; data: unknown; from: number } | { ok: false; error: string };

/**
 * A carried file's bytes as text: UTF-8 with or without the byte-order mark, or UTF-16 (little
 * or big endian) with its mark, as Windows Notepad's “Unicode” saves it. undefined when the
 * bytes are none of these (a picture, a file in GBK). The mark is not part of the text.
 */
export function decodeFileText(bytes: Uint8Array): string | undefined {
  const [a, b] = bytes;
  const encoding = a === 0xff && b === 0xfe ? 'utf-16le' : a === 0xfe && b === 0xff ? 'utf-16be' : 'utf-8';
  try {
    return withoutBom(new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes));
  } catch {
    return undefined;
  }
}

/**
 * Text a person saved on a Chinese PC (a staff list's CSV, a 考核指南's .txt): UTF-8 or UTF-16
 * when the bytes are that, otherwise GB 18030, which covers the GBK that Excel and older 记事本
 * write.
 */
export function decodeLocalText(bytes: Uint8Array): string {
  return decodeFileText(bytes) ?? new TextDecoder('gb18030').decode(bytes);
}

/**
 * A picked file's text by {@link decodeFileText}; bytes that are not text come back decoded
 * loosely, so that the reader's own JSON check refuses them in its own words.
 */
export async function readFileText(file: { arrayBuffer(): Promise<ArrayBuffer> }): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  return decodeFileText(bytes) ?? new TextDecoder().decode(bytes);
}

/** A file's text without the byte-order mark Windows Notepad and some chat tools put in front. */
export function withoutBom(text: string): string {
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

/**
 * A carried file's text read as JSON, refused in the format's own Chinese words when it is empty
 * or not JSON (a transfer cut short). Never throws.
 */
export function parseFileJson(
  text: string,
  messages: { empty: string; invalid: string },
): { ok: true; data: unknown } | { ok: false; error: string } {
  const body = withoutBom(text);
  if (body.trim() === '') return { ok: false, error: messages.empty };
  try {
    return { ok: true, data: JSON.parse(body) };
  } catch {
    return { ok: false, error: messages.invalid };
  }
}

const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '');

/**
 * The refusal of a file larger than its format ever is (`what`: 自评文件), or undefined when it
 * fits. Asked with the file's size before it is read: reading a video picked by mistake as text
 * would stall or crash the page.
 */
export function tooBigToOpen(bytes: number, maxBytes: number, what: string): string | undefined {
  if (bytes <= maxBytes) return undefined;
  return `文件过大（${(bytes / 1024 / 1024).toFixed(1)} MB），${what}不会超过 ${megabytes(maxBytes)} MB。请确认选择的是微能力手册保存的${what}。`;
}

export function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function versionOf(record: Record<string, unknown>): number | undefined {
  const version = Object.hasOwn(record, 'version') ? record['version'] : undefined;
  return typeof version === 'number' && Number.isSafeInteger(version) && version >= 0 ? version : undefined;
}

/**
 * Runs `migrations` (keyed by the version they upgrade from) until `current`. `what` names the
 * file in messages: 评价标准文件.
 */
export function upgrade(
  input: Record<string, unknown>,
  current: number,
  migrations: Readonly<Record<number, Migration>>,
  what: string,
): MigrationResult {
  const from = versionOf(input);
  if (from === undefined) return { ok: false, error: `${what}缺少有效的格式版本号（version），无法识别。` };
  if (from > current) {
    return {
      ok: false,
      error: `这份${what}来自更新版本的微能力手册（格式版本 ${from}），当前版本只能读取到版本 ${current}。请更新手册后再打开。`,
    };
  }
  let data: unknown = input;
  let version = from;
  while (version < current) {
    const step = Object.hasOwn(migrations, version) ? migrations[version] : undefined;
    if (!step) return { ok: false, error: `无法把格式版本 ${version} 的${what}升级到当前版本 ${current}。` };
    try {
      data = step(data);
    } catch {
      return { ok: false, error: `升级格式版本 ${version} 的${what}时出错，文件内容可能已损坏。` };
    }
    const next = isPlainRecord(data) ? versionOf(data) : undefined;
    if (next === undefined || next <= version || next > current) {
      return { ok: false, error: `升级格式版本 ${version} 的${what}时出错：升级结果的版本号不对。` };
    }
    version = next;
  }
  return { ok: true, data, from };
}

/**
 * A carried file's text read as JSON after checking its size in UTF-8 bytes against the format's
 * limit (`what`: 评价标准文件), refused in the format's own words. Never throws.
 */
export function parseCarriedJson(
  text: unknown,
  format: { maxBytes: number; what: string; empty: string; invalid: string },
): { ok: true; data: unknown } | { ok: false; error: string } {
  if (typeof text !== 'string') return { ok: false, error: '没有读到文件内容。' };
  // Counting UTF-8 bytes of a huge text would itself take long: its length already says too big.
  const bytes = text.length > format.maxBytes ? text.length : new TextEncoder().encode(text).length;
  const big = tooBigToOpen(bytes, format.maxBytes, format.what);
  return big ? { ok: false, error: big } : parseFileJson(text, format);
}

/**
 * Where a schema issue sits in a carried file, in Chinese: 教师名单的第 2 项（李娜）的学段. Field
 * names come from `labels` (an unknown one is quoted); a list entry is numbered from 1, with
 * `entryNote(list, entry)` after it, e.g. its name or code. `label(key, keys)` may name a key by
 * the keys above it (a teacher's `stage` is a 学段, elsewhere a review stage).
 */
export function issuePlace(
  path: readonly PropertyKey[],
  input: unknown,
  words: {
    labels: Readonly<Record<string, string>>;
    entryNote?: (list: string, entry: unknown) => string;
    label?: (key: string, keys: readonly string[]) => string | undefined;
  },
): string {
  const parts: string[] = [];
  const keys: string[] = [];
  let node: unknown = input;
  for (const segment of path) {
    const next =
      isPlainRecord(node) || Array.isArray(node)
        ? (node as Record<PropertyKey, unknown>)[segment]
        : undefined;
    if (typeof segment === 'number') {
      parts.push(`第 ${segment + 1} 项${words.entryNote?.(keys.at(-1) ?? '', next) ?? ''}`);
    } else {
      const key = String(segment);
      parts.push(words.label?.(key, keys) ?? words.labels[key] ?? `“${key.slice(0, 40)}”`);
      keys.push(key);
    }
    node = next;
  }
  return parts.join('的');
}

/** How one format is told apart, upgraded and checked (see {@link readVersioned}). */
export interface VersionedFormat<T> {
  app: string;
  kind: string;
  current: number;
  migrations: Readonly<Record<number, Migration>>;
  /** The file in messages: 评价标准文件. */
  what: string;
  /** Said of anything without the app marker. */
  notOurs: string;
  /** Said of one of our files of another kind, which may be named from its fields. */
  wrongKind: (data: Record<string, unknown>) => string;
  schema: z.ZodType<T>;
  /** The schema's issues in Chinese. */
  issueText: (issue: z.core.$ZodRawIssue) => string | undefined;
  /** The first issue with where it is in the file. */
  describe: (issue: z.core.$ZodIssue, input: unknown) => string;
}

/**
 * A parsed carried file read as its format: app marker, kind, version upgraded step by step,
 * then the one schema. `migratedFrom` is set when the file was of an earlier version. Never throws.
 */
export function readVersioned<T>(
  data: unknown,
  format: VersionedFormat<T>,
): { ok: true; value: T; migratedFrom?: number } | { ok: false; error: string } {
  try {
    if (!isPlainRecord(data) || data['app'] !== format.app) return { ok: false, error: format.notOurs };
    if (data['kind'] !== format.kind) return { ok: false, error: format.wrongKind(data) };
    const upgraded = upgrade(data, format.current, format.migrations, format.what);
    if (!upgraded.ok) return upgraded;
    const parsed = format.schema.safeParse(upgraded.data, { error: format.issueText });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { ok: false, error: issue ? format.describe(issue, upgraded.data) : `${format.what}无效。` };
    }
    return upgraded.from < format.current
      ? { ok: true, value: parsed.data, migratedFrom: upgraded.from }
      : { ok: true, value: parsed.data };
  } catch {
    return { ok: false, error: `读取${format.what}时出错，无法打开。` };
  }
}
