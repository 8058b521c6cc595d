/**
 * The reviewer's work on /review/, kept in this browser while it is done: who reviews, the
 * teachers' self-checks opened, for each the stage chosen, the criteria ticked and comments per
 * item, and the evidence files checked; and the earlier reviews opened. A reload (or a closed
 * tab) loses nothing that was not yet saved as a review file. Nothing is sent anywhere.
 *
 * The stored record is versioned and bounded. Each part is read on its own through the same
 * rules as a file opened on the page (a self-check through migrateDraft, a review through
 * migrateReview), so a damaged stored state keeps every part that still reads and says in
 * Chinese what was set aside; the damaged text itself is copied aside, never wiped. Only the
 * page's 清除 (after confirmation) removes the session.
 */
import { z } from 'zod';
import { lazySchema } from '../files/lazy-schema';
import { APP_MARKER, exportDraftText, migrateDraft, type Draft } from '../self-check/draft';
import { checkEvidenceFile, recordedFiles, type FileCheckResult } from './evidence-check';
import {
  ITEM_CHANGES,
  carryReview,
  type ChangedItems,
  type HandbookRubrics,
  type ItemChange,
} from './review-carry';
import {
  openReviewInput,
  type ReviewInput,
  type ReviewerAbilityInput,
  type ReviewerItemInput,
} from './review';
import { MAX_COMMENT_CHARS, migrateReview, type ReviewFile } from './review-file';
import { CODE_PATTERN } from '../content/taxonomy';
import { browserStoreLock, type StoreLock } from '../files/store-lock';
import { textFingerprint } from '../files/text-fingerprint';
import type { TextStore } from '../files/text-store';
import { isPlainRecord, upgrade, withoutBom, type Migration } from '../files/versioned-file';

z.config({ jitless: true });

export const REVIEW_SESSION_KEY = 'review-session';
/** The stored text of a session that did not read in full, kept so it can still be downloaded. */
export const REVIEW_SESSION_RESCUE_KEY = 'review-session.rescued';
export const REVIEW_SESSION_KIND = 'review-session';
/**
 * 2: the stored session names its revision, a new one at every write, so that a tab can tell
 * whether another tab saved since it last read or wrote (saveReviewSession).
 */
export const REVIEW_SESSION_VERSION = 2;
export const REVIEW_SESSION_MIGRATIONS: Readonly<Record<number, Migration>> = {
  // A session kept before revisions is named by when it was saved: a later write by a tab still
  // running the old page changes savedAt, so it is noticed too.
  1: (old) => {
    const data = isPlainRecord(old) ? old : {};
    const savedAt = typeof data['savedAt'] === 'string' ? data['savedAt'] : '';
    return { ...data, version: 2, revision: `v1:${savedAt}` };
  },
};

export const MAX_SESSION_TEACHERS = 60;
export const MAX_SESSION_REVIEWS = 200;
/** Evidence files checked per teacher. */
export const MAX_SESSION_CHECKS = 200;

export const SESSION_STORE_FAILED =
  '浏览器无法保存评审进度（存储已满、被禁用或处于隐私模式）：刷新或关闭页面前，请先点“保存评审意见文件”。';

/** An evidence file the reviewer hashed; its verdict is worked out again from the self-check. */
export interface CheckedFile {
  name: string;
  sha256: string;
}

export interface SessionTeacher {
  draft: Draft;
  fileName: string;
  /** The stage the reviewer chose; '' until they choose, when the region's next stage applies. */
  stage: string;
  /** The reviewer's ticks and comments, by ability code. */
  inputs: Record<string, ReviewerAbilityInput>;
  checked: CheckedFile[];
  /** Set when a newer export of this self-check replaced the one the review began on. */
  resubmitted?: Resubmission | undefined;
}

export interface Resubmission {
  /** savedAt of the version the review began on. */
  since: string;
  /** The items changed since then (review-carry.ts). */
  changed: ChangedItems;
}

export interface ReviewSession {
  reviewer: { name: string; role: string };
  /** The teacher shown (a draft id). */
  currentId: string | undefined;
  teachers: SessionTeacher[];
  /** Earlier reviews opened beside the self-checks. */
  reviews: ReviewFile[];
}

export const emptySession = (): ReviewSession => ({
  reviewer: { name: '', role: '' },
  currentId: undefined,
  teachers: [],
  reviews: [],
});

export const isEmptySession = (s: ReviewSession): boolean =>
  s.teachers.length === 0 && s.reviews.length === 0 && s.reviewer.name === '' && s.reviewer.role === '';

const teacherName = (draft: Draft) => draft.profile.name.trim() || '未署名的教师';

/** One teacher's entries changed; the others are left as they are. */
export function updateTeacher(
  session: ReviewSession,
  id: string,
  patch: Partial<Pick<SessionTeacher, 'stage' | 'inputs' | 'checked'>>,
): ReviewSession {
  return {
    ...session,
    teachers: session.teachers.map((t) => (t.draft.id === id ? { ...t, ...patch } : t)),
  };
}

/**
 * A self-check opened on the page. A second file of the same self-check (same id) keeps the
 * newer one. A newer one is the teacher's resubmission: the review carries over to it
 * (carryReview: ticks and comments stay on unchanged items, changed items are marked, their
 * ticks cleared and comments kept), with the stage and the files checked. Returns what to tell
 * the reviewer, if anything. `handbook` gives the handbook's rubrics, which the carry-over
 * compares item by item.
 */
export function addTeacher(
  session: ReviewSession,
  draft: Draft,
  fileName: string,
  handbook?: HandbookRubrics,
): { session: ReviewSession; note?: string } {
  const same = session.teachers.find((t) => t.draft.id === draft.id);
  const fresh: SessionTeacher = { draft, fileName, stage: '', inputs: {}, checked: [] };
  if (!same) {
    if (session.teachers.length >= MAX_SESSION_TEACHERS) {
      return {
        session,
        note: `一次最多评审 ${MAX_SESSION_TEACHERS} 位教师，“${fileName}”未打开；请先清除已完成的评审。`,
      };
    }
    return {
      session: {
        ...session,
        teachers: [...session.teachers, fresh],
        currentId: session.currentId ?? draft.id,
      },
    };
  }
  if (draft.savedAt > same.draft.savedAt) {
    const carried = carryReview(
      { draft: same.draft, inputs: same.inputs, changed: same.resubmitted?.changed },
      draft,
      handbook,
    );
    const next: SessionTeacher = {
      ...fresh,
      stage: same.stage,
      inputs: carried.inputs,
      checked: same.checked,
      resubmitted: { since: same.resubmitted?.since ?? same.draft.savedAt, changed: carried.changed },
    };
    return {
      session: { ...session, teachers: session.teachers.map((t) => (t === same ? next : t)) },
      note: `“${fileName}”是“${same.fileName}”的新版本（教师重新提交），已改用“${fileName}”：${
        carried.changedNow > 0
          ? `${carried.changedNow} 项证据自上次评审后已修改，已标出，其勾选已清除、评语保留；其余证据沿用原来的勾选和评语。`
          : '证据都没有修改，原来的勾选和评语全部沿用。'
      }`,
    };
  }
  return {
    session,
    note: `“${fileName}”与已打开的“${same.fileName}”是同一份自评，保留较新的“${same.fileName}”。`,
  };
}

/**
 * A review opened or saved on the page, kept with the session: one per self-check and stage (a
 * corrected review replaces the earlier one), the oldest dropped beyond MAX_SESSION_REVIEWS. The
 * reviewer's own saved reviews are what tells the plan's list that a teacher is done.
 */
export function keepSessionReview(reviews: readonly ReviewFile[], review: ReviewFile): ReviewFile[] {
  const rest = reviews.filter((r) => !(r.draft.id === review.draft.id && r.stage === review.stage));
  return [...rest, review].slice(-MAX_SESSION_REVIEWS);
}

/** The evidence check's results, worked out from the files' hashes and the self-check. */
export function checkResults(teacher: Pick<SessionTeacher, 'draft' | 'checked'>): FileCheckResult[] {
  const recorded = recordedFiles(teacher.draft);
  return teacher.checked.map((c) => checkEvidenceFile(c, recorded));
}

// ---------------------------------------------------------------------------------------------
// The stored record

const textSchema = (max: number) => z.string().max(max);
const ticksSchema = lazySchema(() => z.array(z.number().int().min(0).max(49)).max(50));
const itemInputSchema = lazySchema(
  () =>
    z
      .object({ excellent: ticksSchema, pass: ticksSchema, comment: textSchema(MAX_COMMENT_CHARS) })
      .strict() satisfies z.ZodType<ReviewerItemInput>,
);
const checkedSchema = lazySchema(
  () =>
    z
      .object({ name: textSchema(255), sha256: z.string().regex(/^[0-9a-f]{64}$/) })
      .strict() satisfies z.ZodType<CheckedFile>,
);
const reviewerSchema = lazySchema(() => z.object({ name: textSchema(60), role: textSchema(60) }).strict());
const ITEM_ID = /^[A-Za-z0-9_-]{1,100}$/;
const MAX_ITEMS = 30;

/** A fresh revision name: unique among the writes of this browser's tabs, not a secret. */
export function newRevision(now: Date = new Date()): string {
  return `${now.toISOString()}~${Math.random().toString(36).slice(2, 10)}`;
}

/** The text stored for a session. */
export function sessionText(
  session: ReviewSession,
  now: Date = new Date(),
  revision: string = newRevision(now),
): string {
  return JSON.stringify({
    app: APP_MARKER,
    kind: REVIEW_SESSION_KIND,
    version: REVIEW_SESSION_VERSION,
    revision,
    savedAt: now.toISOString(),
    reviewer: session.reviewer,
    currentId: session.currentId ?? null,
    teachers: session.teachers.slice(0, MAX_SESSION_TEACHERS).map((t) => ({
      fileName: t.fileName,
      stage: t.stage,
      // As the teacher's file has it, so it reads back through the same migrations and checks.
      draft: JSON.parse(exportDraftText(t.draft, new Date(t.draft.savedAt))) as unknown,
      inputs: t.inputs,
      checked: t.checked.slice(0, MAX_SESSION_CHECKS),
      ...(t.resubmitted ? { resubmitted: t.resubmitted } : {}),
    })),
    reviews: session.reviews.slice(-MAX_SESSION_REVIEWS),
  });
}

export type SessionRead =
  | { status: 'empty' }
  /** `setAside` says in Chinese each part that could not be read and was left out. */
  | {
      status: 'ok';
      session: ReviewSession;
      setAside: string[];
      savedAt: string | undefined;
      revision: string;
    }
  | { status: 'unreadable'; error: string };

const entries = (value: unknown): [string, unknown][] => (isPlainRecord(value) ? Object.entries(value) : []);

/** An entry set as data, so an id such as "__proto__" is an item like any other. */
function setOwn<V>(record: Record<string, V>, key: string, value: V): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}

const changesSchema = lazySchema(() => z.array(z.enum(ITEM_CHANGES)).max(ITEM_CHANGES.length));

/** The marks of a resubmission; a mark that does not read is dropped and said, the rest kept. */
function readResubmission(value: unknown, who: string, setAside: string[]): Resubmission | undefined {
  if (value === undefined) return undefined;
  const lostText = `${who}的“自上次评审后已修改”标记有部分无法读取，已略去；请对照教师修改过的证据核对评审。`;
  const since = isPlainRecord(value) ? textSchema(40).safeParse(value['since']) : undefined;
  if (!isPlainRecord(value) || !since?.success) {
    setAside.push(lostText);
    return undefined;
  }
  const changed: ChangedItems = {};
  const codes = entries(value['changed']);
  let lost = codes.length > MAX_ITEMS || !isPlainRecord(value['changed']);
  for (const [code, raw] of codes.slice(0, MAX_ITEMS)) {
    if (!CODE_PATTERN.test(code) || !isPlainRecord(raw)) {
      lost = true;
      continue;
    }
    const marks: Record<string, ItemChange[]> = {};
    const items = Object.entries(raw);
    if (items.length > MAX_ITEMS) lost = true;
    for (const [id, list] of items.slice(0, MAX_ITEMS)) {
      const parsed = changesSchema.safeParse(list);
      if (ITEM_ID.test(id) && parsed.success) setOwn(marks, id, parsed.data);
      else lost = true;
    }
    changed[code] = marks;
  }
  if (lost) setAside.push(lostText);
  return { since: since.data, changed };
}

function readInputs(value: unknown, who: string, setAside: string[]): Record<string, ReviewerAbilityInput> {
  const inputs: Record<string, ReviewerAbilityInput> = {};
  const all = entries(value);
  if (value !== undefined && !isPlainRecord(value)) setAside.push(`${who}的评审勾选和评语无法读取，已略去。`);
  for (const [code, raw] of all.slice(0, MAX_ITEMS)) {
    if (!CODE_PATTERN.test(code) || !isPlainRecord(raw)) {
      setAside.push(`${who}的一项能力点评审无法读取，已略去。`);
      continue;
    }
    const comment = textSchema(MAX_COMMENT_CHARS).safeParse(raw['comment']);
    const items: Record<string, ReviewerItemInput> = {};
    let lost = comment.success ? 0 : 1;
    const itemEntries = entries(raw['items']);
    lost += Math.max(0, itemEntries.length - MAX_ITEMS);
    for (const [id, item] of itemEntries.slice(0, MAX_ITEMS)) {
      const parsed = itemInputSchema.safeParse(item);
      if (ITEM_ID.test(id) && parsed.success) {
        setOwn(items, id, parsed.data);
      } else lost += 1;
    }
    inputs[code] = { comment: comment.success ? comment.data : '', items };
    if (lost > 0)
      setAside.push(`${who}的 ${code} 评审中有 ${lost} 处勾选或评语无法读取，已略去，请核对后重新填写。`);
  }
  if (all.length > MAX_ITEMS) setAside.push(`${who}的评审中超过 ${MAX_ITEMS} 个能力点的部分未恢复。`);
  return inputs;
}

function readTeacher(raw: unknown, index: number, setAside: string[]): SessionTeacher | undefined {
  const record = isPlainRecord(raw) ? raw : {};
  const fileNameRead = textSchema(255).safeParse(record['fileName']);
  const fileName = fileNameRead.success ? fileNameRead.data : `第 ${index + 1} 份自评`;
  // Strict, not salvaged: a review of a partly read copy would not match the teacher's file.
  const opened = migrateDraft(record['draft']);
  if (!opened.ok) {
    setAside.push(`“${fileName}”的自评内容无法读取（${opened.error}），已略去；请重新打开这份自评文件。`);
    return undefined;
  }
  const draft = opened.draft;
  const who = teacherName(draft);
  for (const part of opened.setAside) setAside.push(`${who}的自评：${part}`);
  const stage = textSchema(60).safeParse(record['stage']);
  if (!stage.success && record['stage'] !== undefined)
    setAside.push(`${who}的评审环节无法读取，已按所在地区的流程重新选择。`);
  const checked: CheckedFile[] = [];
  const checks = Array.isArray(record['checked']) ? record['checked'] : [];
  let lostChecks = Math.max(0, checks.length - MAX_SESSION_CHECKS);
  for (const c of checks.slice(0, MAX_SESSION_CHECKS)) {
    const parsed = checkedSchema.safeParse(c);
    if (parsed.success) checked.push(parsed.data);
    else lostChecks += 1;
  }
  if (lostChecks > 0 || (record['checked'] !== undefined && !Array.isArray(record['checked'])))
    setAside.push(`${who}的证据文件核对结果有部分无法读取，已略去；需要时请重新选择证据文件。`);
  return {
    draft,
    fileName,
    stage: stage.success ? stage.data : '',
    inputs: readInputs(record['inputs'], who, setAside),
    checked,
    resubmitted: readResubmission(record['resubmitted'], who, setAside),
  };
}

/**
 * The revision of a stored text, undefined when nothing is stored. A text without a readable
 * revision (damaged, hand-edited) is named by its fingerprint, so replacing it is noticed too.
 * Never throws.
 */
export function revisionOf(raw: string | null | undefined): string | undefined {
  if (raw === null || raw === undefined || raw === '') return undefined;
  try {
    const data: unknown = JSON.parse(raw);
    if (isPlainRecord(data) && data['app'] === APP_MARKER && data['kind'] === REVIEW_SESSION_KIND) {
      const upgraded = upgrade(data, REVIEW_SESSION_VERSION, REVIEW_SESSION_MIGRATIONS, '评审进度');
      const revision = upgraded.ok && isPlainRecord(upgraded.data) ? upgraded.data['revision'] : undefined;
      if (typeof revision === 'string' && revision !== '') return revision;
    }
  } catch {
    // Named by its fingerprint below.
  }
  return `text:${textFingerprint(raw)}`;
}

/** Reads a stored session. Never throws; keeps every part that still reads. */
export function readSession(raw: string | null | undefined): SessionRead {
  if (raw === null || raw === undefined || raw === '') return { status: 'empty' };
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { status: 'unreadable', error: '本机保存的评审进度不完整，无法读取（可能在保存时被中断）。' };
  }
  try {
    if (!isPlainRecord(data) || data['app'] !== APP_MARKER || data['kind'] !== REVIEW_SESSION_KIND)
      return { status: 'unreadable', error: '本机保存的评审进度不是本页面能读取的内容。' };
    const upgraded = upgrade(data, REVIEW_SESSION_VERSION, REVIEW_SESSION_MIGRATIONS, '本机保存的评审进度');
    if (!upgraded.ok || !isPlainRecord(upgraded.data))
      return { status: 'unreadable', error: upgraded.ok ? '本机保存的评审进度无法读取。' : upgraded.error };
    const stored = upgraded.data;
    const setAside: string[] = [];

    const reviewer = reviewerSchema.safeParse(stored['reviewer']);
    if (!reviewer.success) setAside.push('评审人的姓名和身份无法读取，已留空，请重新填写。');

    const teachers: SessionTeacher[] = [];
    const rawTeachers = Array.isArray(stored['teachers']) ? stored['teachers'] : [];
    if (!Array.isArray(stored['teachers']))
      setAside.push('已打开的自评列表无法读取，请重新打开教师的自评文件。');
    for (const [i, t] of rawTeachers.slice(0, MAX_SESSION_TEACHERS).entries()) {
      const teacher = readTeacher(t, i, setAside);
      if (teacher && !teachers.some((x) => x.draft.id === teacher.draft.id)) teachers.push(teacher);
    }
    if (rawTeachers.length > MAX_SESSION_TEACHERS)
      setAside.push(`超过 ${MAX_SESSION_TEACHERS} 位教师的部分未恢复，请重新打开这些自评文件。`);

    const reviews: ReviewFile[] = [];
    const rawReviews = Array.isArray(stored['reviews']) ? stored['reviews'] : [];
    let lostReviews = Math.max(0, rawReviews.length - MAX_SESSION_REVIEWS);
    for (const r of rawReviews.slice(-MAX_SESSION_REVIEWS)) {
      const opened = migrateReview(r);
      if (opened.ok) reviews.push(opened.review);
      else lostReviews += 1;
    }
    if (lostReviews > 0 || (stored['reviews'] !== undefined && !Array.isArray(stored['reviews'])))
      setAside.push(
        `已打开的评审意见中有${lostReviews > 0 ? ` ${lostReviews} 份` : '部分'}无法读取，已略去；需要时请重新打开。`,
      );

    const current = typeof stored['currentId'] === 'string' ? stored['currentId'] : undefined;
    const savedAt = typeof stored['savedAt'] === 'string' ? stored['savedAt'] : undefined;
    return {
      revision:
        typeof stored['revision'] === 'string' && stored['revision'] !== ''
          ? stored['revision']
          : `text:${textFingerprint(raw)}`,
      status: 'ok',
      session: {
        reviewer: reviewer.success ? reviewer.data : { name: '', role: '' },
        currentId: teachers.some((t) => t.draft.id === current) ? current : teachers[0]?.draft.id,
        teachers,
        reviews,
      },
      setAside,
      savedAt,
    };
  } catch {
    return { status: 'unreadable', error: '本机保存的评审进度无法读取。' };
  }
}

// ---------------------------------------------------------------------------------------------
// In the browser (IndexedDB through files/text-store; tests use memoryStore)
//
// Two tabs may both have /review/ open. Each save names the revision it started from (the one
// this tab last read or wrote) and writes nothing when the stored one is another: another tab
// saved since, and the page asks the reviewer before anything of that tab's is replaced.

export type SessionLoad =
  | { status: 'empty' }
  | {
      status: 'ok';
      session: ReviewSession;
      savedAt: string | undefined;
      /** The stored revision: what this tab's next save names as the one it started from. */
      revision: string;
      setAside: string[];
      /** The stored text, when parts were set aside (it is also copied under the rescue key). */
      raw?: string;
    }
  | { status: 'unreadable'; error: string; raw: string; revision: string | undefined }
  | { status: 'unavailable'; error: string };

/** Runs a read-then-write alone among this browser's tabs (files/store-lock). */
export type SessionLock = StoreLock;

export const browserLock: SessionLock = browserStoreLock(REVIEW_SESSION_KEY);

export async function loadReviewSession(store: TextStore | undefined): Promise<SessionLoad> {
  if (!store) return { status: 'unavailable', error: SESSION_STORE_FAILED };
  let raw: string | undefined;
  try {
    raw = await store.get(REVIEW_SESSION_KEY);
  } catch {
    return { status: 'unavailable', error: SESSION_STORE_FAILED };
  }
  const read = readSession(raw);
  if (read.status === 'empty' || raw === undefined) return { status: 'empty' };
  const damaged = read.status === 'unreadable' || read.setAside.length > 0;
  // Copied aside before anything is written over it: the page's next autosave replaces the key.
  if (damaged) await store.set(REVIEW_SESSION_RESCUE_KEY, raw).catch(() => undefined);
  if (read.status === 'unreadable')
    return { status: 'unreadable', error: read.error, raw, revision: revisionOf(raw) };
  return {
    status: 'ok',
    session: read.session,
    savedAt: read.savedAt,
    revision: read.revision,
    setAside: read.setAside,
    ...(damaged ? { raw } : {}),
  };
}

export type SessionSave =
  /** Written (an empty session: the stored one removed); `revision` is the one now stored. */
  | { status: 'saved'; revision: string | undefined }
  /** Another tab saved since `basedOn`: nothing was written; `revision` is the one it stored. */
  | { status: 'elsewhere'; revision: string | undefined }
  | { status: 'failed'; error: string };

export interface SaveOptions {
  /** Write even though another tab saved since: only after the reviewer has chosen to. */
  force?: boolean;
  now?: Date;
  /** The revision to store (tests); a fresh one by default. */
  revision?: string;
  lock?: SessionLock;
}

/**
 * Keeps `session` (an empty one removes the stored session), provided the stored revision is
 * still `basedOn`: the one this tab last read or wrote (undefined: nothing was stored).
 */
export async function saveReviewSession(
  store: TextStore | undefined,
  session: ReviewSession,
  basedOn: string | undefined,
  { force = false, now = new Date(), revision, lock = browserLock }: SaveOptions = {},
): Promise<SessionSave> {
  if (!store) return { status: 'failed', error: SESSION_STORE_FAILED };
  try {
    return await lock(async (): Promise<SessionSave> => {
      if (!force) {
        const stored = revisionOf(await store.get(REVIEW_SESSION_KEY));
        if (stored !== basedOn) return { status: 'elsewhere', revision: stored };
      }
      if (isEmptySession(session)) {
        await store.remove(REVIEW_SESSION_KEY);
        return { status: 'saved', revision: undefined };
      }
      const next = revision ?? newRevision(now);
      await store.set(REVIEW_SESSION_KEY, sessionText(session, now, next));
      return { status: 'saved', revision: next };
    });
  } catch {
    return { status: 'failed', error: SESSION_STORE_FAILED };
  }
}

/**
 * 清除: the session and its rescued copy, under the same rule as a save: when another tab saved
 * since `basedOn`, nothing is removed.
 */
export async function clearReviewSession(
  store: TextStore | undefined,
  basedOn: string | undefined,
  options: Omit<SaveOptions, 'revision' | 'now'> = {},
): Promise<SessionSave> {
  const cleared = await saveReviewSession(store, emptySession(), basedOn, options);
  if (cleared.status === 'saved') await store?.remove(REVIEW_SESSION_RESCUE_KEY).catch(() => undefined);
  return cleared;
}

/**
 * A file handed to /review/: a teacher's self-check, an earlier review (openReviewInput), or
 * review progress downloaded from this page (本页的评审进度, 关闭前的改动), read by the same rules
 * as the stored session, so a part that does not read is named and the rest kept. Never throws.
 */
export function openReviewPageInput(text: string): ReviewInput {
  let data: unknown;
  try {
    data = JSON.parse(withoutBom(text));
  } catch {
    return openReviewInput(text);
  }
  if (!isPlainRecord(data) || data['app'] !== APP_MARKER || data['kind'] !== REVIEW_SESSION_KIND)
    return openReviewInput(text);
  const read = readSession(withoutBom(text));
  if (read.status === 'ok')
    return { kind: 'session', session: read.session, savedAt: read.savedAt, setAside: read.setAside };
  return { kind: 'error', error: read.status === 'unreadable' ? read.error : '评审进度文件是空的。' };
}
