/**
 * Sorting a batch of files a principal drops on the archive page: each becomes a self-check, a
 * review, an archive, or a file left out with its reason in Chinese. One bad file never stops
 * the others. Files in a picked folder that are not JSON (the videos and documents in a
 * teacher's folder) are skipped and only counted. Nothing here throws.
 */
import {
  importArchiveText,
  isArchiveData,
  MAX_ARCHIVE_BYTES,
  MAX_ARCHIVE_REVIEWS,
  MAX_ARCHIVE_OUTCOMES,
  MAX_ARCHIVE_SELF_CHECKS,
  MAX_ARCHIVE_TAKEN_IN,
  type ArchiveContent,
  type DroppedEntry,
  type TypedStageResult,
} from './archive-file';
import type { SchoolPlan } from './plan/plan-file';
import { APP_MARKER, MAX_IMPORT_BYTES, migrateDraft, type Draft } from '../self-check/draft';
import { MAX_REVIEW_BYTES, isReviewData, migrateReview, type ReviewFile } from '../review/review-file';
import { RUBRIC_KIND } from '../rubrics/rubric-file';
import { isPlainRecord, parseFileJson, withoutBom } from '../files/versioned-file';

/** A file as the page hands it over: the text is absent when the file was too big to read. */
export interface IncomingFile {
  name: string;
  size: number;
  text?: string | undefined;
  /** Picked as part of a folder: a file that is not JSON is then skipped quietly, not listed. */
  inFolder?: boolean | undefined;
  /** The browser could not read the file (moved, no permission). */
  unreadable?: boolean | undefined;
}

export type Intake =
  | { name: string; kind: 'self-check'; draft: Draft; migratedFrom?: number }
  | { name: string; kind: 'review'; review: ReviewFile }
  | { name: string; kind: 'archive'; archive: ArchiveContent; dropped: DroppedEntry[] }
  | { name: string; kind: 'rejected'; reason: string };

export interface BatchIntake {
  read: Intake[];
  /** Files skipped because they are not .json (counted, not listed one by one). */
  skipped: number;
}

/** Largest file worth reading at all: an archive. Bigger files are refused unread. */
export const MAX_READ_BYTES = MAX_ARCHIVE_BYTES;

/** Whether the page should read this file (by name): .json files only. */
export function isCandidate(name: string): boolean {
  return /\.json$/i.test(name);
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** One file. Never throws. */
export function readIncoming(file: IncomingFile): Intake {
  const name = typeof file.name === 'string' ? file.name : '（无名文件）';
  const rejected = (reason: string): Intake => ({ name, kind: 'rejected', reason });
  try {
    if (file.unreadable === true) return rejected('浏览器无法读取这个文件（可能已被移动、删除或没有权限）。');
    if (file.size > MAX_READ_BYTES || file.text === undefined) {
      return rejected(`文件过大（${mb(file.size)}），没有读取：自评、评审意见和档案文件都不会这么大。`);
    }
    const text = file.text;
    const body = withoutBom(text);
    const parsed = parseFileJson(body, {
      empty: '文件是空的。',
      invalid: '不是有效的 JSON 文件：内容可能不完整（传输中断）或已损坏，请让对方重新导出。',
    });
    if (!parsed.ok) return rejected(parsed.error);
    const { data } = parsed;
    if (!isPlainRecord(data) || data['app'] !== APP_MARKER) {
      return rejected('不是微能力手册的文件（可能是别的软件导出的 JSON）。');
    }
    if (isArchiveData(data)) {
      const result = importArchiveText(body);
      return result.ok
        ? { name, kind: 'archive', archive: result.archive, dropped: result.dropped }
        : rejected(result.error);
    }
    if (isReviewData(data)) {
      if (body.length > MAX_REVIEW_BYTES) {
        return rejected(`文件过大（${mb(body.length)}），评审意见文件不会超过 ${mb(MAX_REVIEW_BYTES)}。`);
      }
      const result = migrateReview(data);
      return result.ok ? { name, kind: 'review', review: result.review } : rejected(result.error);
    }
    if (Object.hasOwn(data, 'kind')) {
      const kind = typeof data['kind'] === 'string' ? data['kind'].slice(0, 20) : '';
      return rejected(
        data['kind'] === RUBRIC_KIND
          ? '这是评价标准文件（在自评向导或评价标准录入页中打开），不是自评或评审意见，不能放入考核档案。'
          : `这是微能力手册的另一种文件${kind ? `（“${kind}”）` : ''}，不是自评或评审意见，不能放入考核档案。`,
      );
    }
    if (body.length > MAX_IMPORT_BYTES) {
      return rejected(`文件过大（${mb(body.length)}），自评文件不会超过 ${mb(MAX_IMPORT_BYTES)}。`);
    }
    const result = migrateDraft(data);
    if (!result.ok) return rejected(`自评文件无法读取：${result.error}`);
    return result.migratedFrom === undefined
      ? { name, kind: 'self-check', draft: result.draft }
      : { name, kind: 'self-check', draft: result.draft, migratedFrom: result.migratedFrom };
  } catch {
    return rejected('读取文件时出错。');
  }
}

/** A whole batch: the .json files read one by one, the rest counted. Never throws. */
export function readBatch(files: readonly IncomingFile[]): BatchIntake {
  const read: Intake[] = [];
  let skipped = 0;
  for (const file of files) {
    const name = String(file?.name ?? '');
    if (isCandidate(name)) read.push(readIncoming(file));
    else if (file?.inFolder === true) skipped += 1;
    else {
      read.push({
        name,
        kind: 'rejected',
        reason: '不是 JSON 文件：自评、评审意见和考核档案都是 .json 文件，这个文件没有读取。',
      });
    }
  }
  return { read, skipped };
}

export interface AddReport {
  selfChecks: number;
  reviews: number;
  /** Files whose exact content the archive already had. */
  duplicates: number;
  rejected: { name: string; reason: string }[];
  skipped: number;
  /** Plans carried by archive files in the batch, for the page to offer (never taken in silently). */
  plans: { name: string; plan: SchoolPlan }[];
}

/** The same draft saved at the same moment: a copy of a file already loaded. */
const draftKey = (d: Draft) => `${d.id}\u0000${d.savedAt}`;
const reviewKey = (r: ReviewFile) =>
  [r.draft.id, r.draft.contentHash, r.stage, r.reviewer.name, r.reviewer.role, r.reviewedAt].join('\u0000');
/** One typed result per teacher × ability × stage: a later archive's result for the same one is the same decision. */
export const outcomeKey = (o: Pick<TypedStageResult, 'teacher' | 'code' | 'stage'>) =>
  [o.teacher, o.code, o.stage].join('\u0000');

/**
 * The archive with a batch added: exact copies of what it holds are counted, not added twice;
 * an archive file's entries join the others (its settings are taken only into an empty
 * archive, or where adoptSettings says so); anything over the archive's bounds is listed as rejected. Never throws.
 */
export function addToArchive(
  archive: ArchiveContent,
  batch: BatchIntake,
  options: { adoptSettings?: boolean | undefined } = {},
): { archive: ArchiveContent; report: AddReport } {
  const selfChecks = [...archive.selfChecks];
  const reviews = [...archive.reviews];
  const outcomes = [...archive.outcomes];
  const takenIn = new Set(archive.takenIn);
  const plans: AddReport['plans'] = [];
  let settings = archive.settings;
  const haveDrafts = new Set(selfChecks.map(draftKey));
  const haveReviews = new Set(reviews.map(reviewKey));
  const report: AddReport = {
    selfChecks: 0,
    reviews: 0,
    duplicates: 0,
    rejected: [],
    skipped: batch.skipped,
    plans,
  };
  const wasEmpty = options.adoptSettings ?? (selfChecks.length === 0 && reviews.length === 0);

  const addDraft = (name: string, draft: Draft) => {
    const key = draftKey(draft);
    if (haveDrafts.has(key)) return void (report.duplicates += 1);
    if (selfChecks.length >= MAX_ARCHIVE_SELF_CHECKS) {
      return void report.rejected.push({
        name,
        reason: `档案已满：最多 ${MAX_ARCHIVE_SELF_CHECKS} 份自评。`,
      });
    }
    haveDrafts.add(key);
    selfChecks.push(draft);
    report.selfChecks += 1;
  };
  const addReview = (name: string, review: ReviewFile) => {
    const key = reviewKey(review);
    if (haveReviews.has(key)) return void (report.duplicates += 1);
    if (reviews.length >= MAX_ARCHIVE_REVIEWS) {
      return void report.rejected.push({
        name,
        reason: `档案已满：最多 ${MAX_ARCHIVE_REVIEWS} 份评审意见。`,
      });
    }
    haveReviews.add(key);
    reviews.push(review);
    report.reviews += 1;
  };

  for (const item of batch.read) {
    try {
      if (item.kind === 'self-check') addDraft(item.name, item.draft);
      else if (item.kind === 'review') addReview(item.name, item.review);
      else if (item.kind === 'archive') {
        if (wasEmpty && settings.region === '' && settings.teacherTotal === undefined)
          settings = item.archive.settings;
        for (const d of item.archive.selfChecks) addDraft(item.name, d);
        for (const r of item.archive.reviews) addReview(item.name, r);
        // The principal's decisions come along; a result already typed here is kept, not replaced.
        const have = new Set(outcomes.map(outcomeKey));
        for (const o of item.archive.outcomes) {
          if (have.has(outcomeKey(o)) || outcomes.length >= MAX_ARCHIVE_OUTCOMES) continue;
          have.add(outcomeKey(o));
          outcomes.push(o);
        }
        for (const id of item.archive.takenIn) if (takenIn.size < MAX_ARCHIVE_TAKEN_IN) takenIn.add(id);
        if (item.archive.plan) plans.push({ name: item.name, plan: item.archive.plan });
        for (const d of item.dropped) {
          report.rejected.push({ name: `${item.name} 中第 ${d.position} 份${d.what}`, reason: d.reason });
        }
      } else report.rejected.push({ name: item.name, reason: item.reason });
    } catch {
      report.rejected.push({ name: item.name, reason: '读取文件时出错。' });
    }
  }
  return { archive: { settings, selfChecks, reviews, outcomes, takenIn: [...takenIn] }, report };
}

/** Two reports of one batch added in parts (the page adds a large batch a few hundred files at a time). */
export function combineReports(a: AddReport, b: AddReport): AddReport {
  return {
    selfChecks: a.selfChecks + b.selfChecks,
    reviews: a.reviews + b.reviews,
    duplicates: a.duplicates + b.duplicates,
    rejected: [...a.rejected, ...b.rejected],
    skipped: a.skipped + b.skipped,
    plans: [...a.plans, ...b.plans],
  };
}
