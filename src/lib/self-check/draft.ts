// src/lib/self-check/ decides the teacher's self-check: the draft, its schema, salvage, hash and store, the
// wizard's steps.
// Imports only grading/, content/, files/; see eslint.config.js.
/**
 * The self-check draft: what the wizard keeps in the browser and what a teacher exports and
 * imports as a JSON file. The file carries an app marker and a format version; older versions
 * are migrated step by step, newer ones are refused, and everything is validated with bounded
 * lengths so that a hand-edited or hostile file can neither break the page nor fill the memory.
 *
 * Nothing here throws on bad input. A file that is not a self-check (not JSON, another app's,
 * a newer version, too big) is refused with `{ ok: false, error }` in Chinese; a self-check
 * with bad fields keeps every valid part and lists what it set aside (draft-salvage.ts).
 */
import { idFromContent, uuidShape } from './draft-hash';
import { isBlank, salvageDraft } from './draft-salvage';
import {
  APP_MARKER,
  DRAFT_VERSION,
  MAX_IMPORT_BYTES,
  chineseIssue,
  describeIssue,
  draftObjectSchema,
  isPlainRecord,
  type DescribeOptions,
  type Draft,
} from './draft-schema';
import { parseFileJson, tooBigToOpen } from '../files/versioned-file';

export * from './draft-schema';
export { UNREADABLE_CRITERION, salvageDraft, type Salvaged } from './draft-salvage';

/**
 * A draft read from a file or from storage. `setAside` lists, in Chinese, each part that was
 * invalid and was dropped or cut (see draft-salvage.ts); the rest of the draft is kept.
 */
export type DraftResult =
  { ok: true; draft: Draft; setAside: string[]; migratedFrom?: number } | { ok: false; error: string };

export interface ImportOptions extends DescribeOptions {
  /** Stands in for an unreadable savedAt. */
  now?: (() => Date) | undefined;
  /**
   * Keep every valid part of a draft with bad fields (and list what was set aside) instead of
   * refusing it. importDraftText salvages unless told not to; migrateDraft is strict unless told to.
   */
  salvage?: boolean | undefined;
}

/** Upgrades a draft object of version N to version N + 1 (or later); must set `version`. */
export type Migration = (old: unknown) => unknown;

/**
 * Migrations by the version they upgrade *from*.
 *
 * To introduce version N + 1: raise DRAFT_VERSION, change draftSchema (and Draft) to the new
 * shape, and add an entry `N: (old) => ({ ...(old as object), version: N + 1, newField: … })`
 * that turns a valid version-N object into a valid version-(N + 1) object. Keep every old
 * entry: a file of version 1 runs 1 → 2 → …. Migrations receive unvalidated data and may
 * throw; migrateWith turns a throw into an error result.
 */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {
  1: (old) => {
    const record = old as Record<string, unknown>;
    const { app, version: _version, savedAt, ...rest } = record;
    return { app, version: 2, id: idFromVersion1(record), savedAt, ...rest };
  },
};

/**
 * Version 1 had no id. The id of a migrated draft is derived from its content rather than drawn
 * at random, so that the same version-1 file imported twice (on two computers, or by the
 * teacher and a reviewer) becomes the same draft, not two. Two version-1 files with the same
 * self-check content are the same work, so sharing an id is right for them too.
 */
function idFromVersion1(record: Record<string, unknown>): string {
  return idFromContent(record);
}

/**
 * A new random draft id. crypto.randomUUID exists only on https:// and localhost; a school
 * intranet on plain http still has crypto.getRandomValues, and Math.random is the last resort
 * (an id only needs to tell one teacher's drafts apart, not to be secret).
 */
export function newDraftId(): string {
  const crypto = (globalThis as { crypto?: Partial<Crypto> }).crypto;
  try {
    if (typeof crypto?.randomUUID === 'function') return crypto.randomUUID().toLowerCase();
  } catch {
    // Not a secure context in some browsers: fall through.
  }
  const bytes = new Uint8Array(16);
  try {
    if (typeof crypto?.getRandomValues === 'function') crypto.getRandomValues(bytes);
    else throw new Error('no crypto');
  } catch {
    for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  }
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40; // version 4
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80; // RFC 4122 variant
  return uuidShape(Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(''));
}

// ---------------------------------------------------------------------------------------------
// Construction and export

export function emptyDraft(now: Date = new Date()): Draft {
  return {
    app: APP_MARKER,
    version: DRAFT_VERSION,
    id: newDraftId(),
    savedAt: now.toISOString(),
    step: 0,
    profile: { name: '', school: '', subject: '', stage: '', region: '', environment: '' },
    abilities: [],
    evidence: {},
    customRubrics: {},
  };
}

/** The draft as a file: app marker, version, id and savedAt first, 2-space indentation. */
export function exportDraftText(draft: Draft, now: Date = new Date()): string {
  return `${JSON.stringify(stampDraft(draft, now), null, 2)}\n`;
}

/** A copy with the marker and version set and savedAt updated, keys in file order; the id is kept. */
export function stampDraft(draft: Draft, now: Date = new Date()): Draft {
  const { app: _app, version: _version, id, savedAt: _savedAt, ...rest } = draft;
  return { app: APP_MARKER, version: DRAFT_VERSION, id, savedAt: now.toISOString(), ...rest };
}

// ---------------------------------------------------------------------------------------------
// Import

/** Reads a draft file's text, salvaging a draft with bad fields unless `salvage: false`. Never throws. */
export function importDraftText(text: string, options: ImportOptions = {}): DraftResult {
  try {
    if (typeof text !== 'string') return { ok: false, error: '没有读到文件内容。' };
    // UTF-8 never takes fewer bytes than UTF-16 code units, so the length test comes first.
    const bytes = text.length > MAX_IMPORT_BYTES ? text.length : new TextEncoder().encode(text).length;
    const tooBig = tooBigToOpen(bytes, MAX_IMPORT_BYTES, '自评文件');
    if (tooBig) return { ok: false, error: tooBig };
    const parsed = parseFileJson(text, {
      empty: '文件是空的，没有可导入的自评内容。',
      invalid:
        '不是有效的 JSON 文件：内容可能不完整或已损坏。请重新保存一份，或选择微能力手册保存的自评文件（.json）。',
    });
    if (!parsed.ok) return parsed;
    const { data } = parsed;
    if (!isPlainRecord(data)) {
      return { ok: false, error: '这不是微能力手册保存的自评文件：文件内容不是一条自评记录（JSON 对象）。' };
    }
    if (data['app'] !== APP_MARKER) {
      return { ok: false, error: `这不是微能力手册保存的自评文件（缺少 "app": "${APP_MARKER}" 标记）。` };
    }
    return migrateDraft(data, { ...options, salvage: options.salvage ?? true });
  } catch {
    return { ok: false, error: '读取文件时出错，无法导入。' };
  }
}

/** Migrates an already-parsed draft object to the current version and validates it. Never throws. */
export function migrateDraft(input: unknown, options: ImportOptions = {}): DraftResult {
  return migrateWith(input, MIGRATIONS, options);
}

/** migrateDraft with an explicit migration registry (for tests and future versions). Never throws. */
export function migrateWith(
  input: unknown,
  migrations: Readonly<Record<number, Migration>>,
  options: ImportOptions = {},
): DraftResult {
  try {
    if (!isPlainRecord(input)) return { ok: false, error: '自评记录须为 JSON 对象。' };
    const from = readVersion(input);
    if (typeof from === 'string') return { ok: false, error: from };
    if (from > DRAFT_VERSION) {
      return {
        ok: false,
        error: `这份文件来自更新版本的微能力手册（格式版本 ${from}），当前版本无法读取。请更新手册后再导入。`,
      };
    }
    let data: unknown = input;
    let version = from;
    while (version < DRAFT_VERSION) {
      const migration = Object.hasOwn(migrations, version) ? migrations[version] : undefined;
      if (!migration) {
        return { ok: false, error: `无法把格式版本 ${version} 的文件升级到当前版本 ${DRAFT_VERSION}。` };
      }
      try {
        data = migration(data);
      } catch {
        return { ok: false, error: `把格式版本 ${version} 的文件升级时出错，文件内容可能已损坏。` };
      }
      const next = isPlainRecord(data) ? readVersion(data) : '升级后的内容不是 JSON 对象。';
      if (typeof next === 'string' || next <= version || next > DRAFT_VERSION) {
        return { ok: false, error: `把格式版本 ${version} 的文件升级时出错：升级结果的版本号不对。` };
      }
      version = next;
    }
    if (!isPlainRecord(data)) return { ok: false, error: '自评记录须为 JSON 对象。' };
    if (options.salvage !== true) {
      const parsed = parseDraft(data, options);
      if (!parsed.ok) return parsed;
      return from < DRAFT_VERSION
        ? { ok: true, draft: parsed.draft, setAside: [], migratedFrom: from }
        : { ok: true, draft: parsed.draft, setAside: [] };
    }
    const { draft, setAside } = salvageDraft(data, options, options.now?.() ?? new Date());
    if (setAside.length > 0 && isBlank(draft)) {
      return { ok: false, error: `文件中没有可以读出的自评内容（${setAside[0] ?? ''}）` };
    }
    return from < DRAFT_VERSION
      ? { ok: true, draft, setAside, migratedFrom: from }
      : { ok: true, draft, setAside };
  } catch {
    return { ok: false, error: '读取自评记录时出错，无法导入。' };
  }
}

/** Validates a current-version draft object; the error names the first bad field in Chinese. */
export function parseDraft(
  input: unknown,
  options: ImportOptions = {},
): { ok: true; draft: Draft } | { ok: false; error: string } {
  const result = draftObjectSchema.safeParse(input, { error: chineseIssue });
  if (result.success) return { ok: true, draft: result.data };
  const issue = result.error.issues[0];
  if (!issue) return { ok: false, error: '自评记录无效。' };
  return { ok: false, error: describeIssue(issue, input, options) };
}

function readVersion(record: Record<string, unknown>): number | string {
  if (!Object.hasOwn(record, 'version')) return '文件缺少格式版本号（version），无法识别，不能导入。';
  const version = record['version'];
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 0) {
    return '文件的格式版本号（version）无效，不能导入。';
  }
  return version;
}
