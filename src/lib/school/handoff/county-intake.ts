/**
 * What the county expert team opens on /county/: several schools' 移交县级审核 files, and the
 * review files the county made itself on /review/ at its own stage (县级审核认定). Each file is
 * read on its own; one that is not either is named with its reason and the rest load.
 *
 * One school's hand-off is kept once. A school is its region, its name and its round (a school's
 * next round is another hand-off). The same school's file again: the newer one (by when it was
 * made) replaces the older one, saying so; an older or identical one is left out, saying so.
 * Nothing here throws.
 */
import type { IncomingFile } from '../archive-intake';
import { APP_MARKER, MAX_IMPORT_BYTES } from '../../self-check/draft';
import { isReviewData, MAX_REVIEW_BYTES, migrateReview, type ReviewFile } from '../../review/review-file';
import { isPlainRecord, parseFileJson, withoutBom } from '../../files/versioned-file';
import {
  droppedText,
  isHandoffData,
  MAX_HANDOFF_BYTES,
  type DroppedHandoffEntry,
  readHandoff,
  type HandoffFile,
} from './handoff-file';

/** One school's hand-off as the county keeps it. */
export interface CountySchool {
  /** regionslug␀name␀round: one per school and round. */
  key: string;
  /** The file's name as it was opened. */
  fileName: string;
  handoff: HandoffFile;
  /** Entries of the file that did not read (listed, not counted). */
  dropped: DroppedHandoffEntry[];
}

export interface CountyState {
  /** In the order they were opened. */
  schools: CountySchool[];
  /** The county's own review files (made on /review/ at its stage). */
  reviews: ReviewFile[];
}

export type CountyIntake =
  | { name: string; kind: 'handoff'; school: CountySchool }
  | { name: string; kind: 'review'; review: ReviewFile }
  | { name: string; kind: 'rejected'; reason: string }
  /** Not .json, in a picked folder (the videos beside the files): counted, not listed. */
  | { name: string; kind: 'skipped' };

export interface CountyReport {
  /** Schools added for the first time: their names. */
  added: string[];
  reviews: number;
  /** Said out loud: a school replaced by a newer file, an older or identical file left out. */
  notices: string[];
  /** Files that could not be used, each named with its reason. */
  rejected: { name: string; reason: string }[];
  /** Entries of hand-off files that did not read: 某某小学：第 2 份自评…. */
  dropped: string[];
  /** Files skipped because they are not .json in a picked folder (counted only). */
  skipped: number;
}

export const EMPTY_COUNTY: CountyState = { schools: [], reviews: [] };

export function emptyReport(): CountyReport {
  return { added: [], reviews: 0, notices: [], rejected: [], dropped: [], skipped: 0 };
}

/** The key a school's hand-offs share: the same school and round. */
export function schoolKey(handoff: Pick<HandoffFile, 'plan'>): string {
  const { region, name, round } = handoff.plan.school;
  return [region, name.trim(), round.trim()].join('\u0000');
}

/** 徐水区实验小学（2024—2025 学年）. */
export function schoolLabel(handoff: Pick<HandoffFile, 'plan'>): string {
  const { name, round } = handoff.plan.school;
  return round.trim() ? `${name.trim()}（${round.trim()}）` : name.trim();
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const rejected = (name: string, reason: string): CountyIntake => ({ name, kind: 'rejected', reason });

/** Whether a file is worth reading at all (by name): .json files only. */
export function isCountyCandidate(name: string): boolean {
  return /\.json$/i.test(name);
}

/** One file. Never throws. */
export function readCountyFile(file: IncomingFile): CountyIntake {
  const name = typeof file.name === 'string' && file.name !== '' ? file.name : '（无名文件）';
  try {
    if (file.unreadable === true)
      return rejected(name, '浏览器无法读取这个文件（可能已被移动、删除或没有权限）。');
    if (!isCountyCandidate(name)) {
      if (file.inFolder === true) return { name, kind: 'skipped' };
      return rejected(
        name,
        '不是 JSON 文件：县级审核移交文件和评审意见文件都是 .json 文件，这个文件没有读取。',
      );
    }
    if (file.size > MAX_HANDOFF_BYTES || file.text === undefined) {
      return rejected(
        name,
        `文件过大（${mb(file.size)}），没有读取：县级审核移交文件不会超过 ${mb(MAX_HANDOFF_BYTES)}。`,
      );
    }
    const body = withoutBom(file.text);
    if (body.length > MAX_HANDOFF_BYTES) {
      return rejected(
        name,
        `文件过大（${mb(body.length)}），没有读取：县级审核移交文件不会超过 ${mb(MAX_HANDOFF_BYTES)}。`,
      );
    }
    // Parsed once: a hundred schools' files are too large to read twice.
    const parsed = parseFileJson(body, {
      empty: '文件是空的。',
      invalid: '不是有效的 JSON 文件：内容可能不完整（传输中断）或已损坏，请学校重新导出。',
    });
    if (!parsed.ok) return rejected(name, parsed.error);
    const { data } = parsed;
    if (!isPlainRecord(data) || data['app'] !== APP_MARKER) {
      return rejected(name, '不是微能力手册的文件（可能是别的软件导出的 JSON）。');
    }
    if (isHandoffData(data)) {
      const result = readHandoff(data);
      if (!result.ok) return rejected(name, result.error);
      const { handoff, dropped } = result;
      return { name, kind: 'handoff', school: { key: schoolKey(handoff), fileName: name, handoff, dropped } };
    }
    if (isReviewData(data)) {
      if (body.length > MAX_REVIEW_BYTES) {
        return rejected(
          name,
          `文件过大（${mb(body.length)}），评审意见文件不会超过 ${mb(MAX_REVIEW_BYTES)}。`,
        );
      }
      const result = migrateReview(data);
      return result.ok ? { name, kind: 'review', review: result.review } : rejected(name, result.error);
    }
    return rejected(name, otherKind(data['kind'], body.length));
  } catch {
    return rejected(name, '读取文件时出错。');
  }
}

function otherKind(kind: unknown, length: number): string {
  const ask = '请学校在“学校考核档案”页导出县级审核移交文件再发来。';
  switch (kind) {
    case '学校考核方案':
      return `这是学校考核方案文件，不是县级审核移交文件。${ask}`;
    case '学校考核档案':
      return `这是学校考核档案文件，不是县级审核移交文件。${ask}`;
    case '评价标准':
      return '这是评价标准文件（在自评向导或评价标准录入页中打开），不是县级审核移交文件。';
    case undefined:
      // No kind: a teacher's self-check (it has none).
      return length > MAX_IMPORT_BYTES
        ? '不是县级审核移交文件。'
        : `这是一位教师的自评文件，不是县级审核移交文件。县级汇总只打开学校的移交文件和县级专家的评审意见文件；${ask}`;
    default: {
      const named = typeof kind === 'string' ? `（“${kind.slice(0, 20)}”）` : '';
      return `这是微能力手册的另一种文件${named}，不是县级审核移交文件或评审意见文件。`;
    }
  }
}

const reviewKey = (r: ReviewFile) =>
  [r.draft.id, r.draft.contentHash, r.stage, r.reviewer.name, r.reviewer.role, r.reviewedAt].join('\u0000');

const time = (iso: string) => {
  const t = Date.parse(iso);
  return Number.isFinite(t) ? t : 0;
};

/** “2025-06-20 16:00”, local time, for notices. */
function shortTime(iso: string): string {
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return iso;
  const d = new Date(t);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export interface CountyChange {
  state: CountyState;
  report: CountyReport;
  /** Schools now kept that were not before, or replaced: the page stores these. */
  stored: CountySchool[];
}

/**
 * The county's state with a batch of read files added. A newer hand-off of a school replaces the
 * one kept; an older or identical one is left out; a review already kept is not added twice.
 * Never throws.
 */
export function addToCounty(state: CountyState, batch: readonly CountyIntake[]): CountyChange {
  const schools = [...state.schools];
  const reviews = [...state.reviews];
  const haveReviews = new Set(reviews.map(reviewKey));
  const report = emptyReport();
  const stored = new Map<string, CountySchool>();
  for (const item of batch) {
    try {
      if (item.kind === 'rejected') {
        report.rejected.push({ name: item.name, reason: item.reason });
      } else if (item.kind === 'skipped') {
        report.skipped += 1;
      } else if (item.kind === 'review') {
        const key = reviewKey(item.review);
        if (haveReviews.has(key)) {
          report.notices.push(`“${item.name}”与已载入的评审意见相同，未重复载入。`);
          continue;
        }
        haveReviews.add(key);
        reviews.push(item.review);
        report.reviews += 1;
      } else {
        const incoming = item.school;
        const label = schoolLabel(incoming.handoff);
        const at = schoolIndex(schools, incoming.key);
        const kept = at === -1 ? undefined : schools[at];
        for (const d of incoming.dropped) report.dropped.push(`${label}（${item.name}）：${droppedText(d)}`);
        if (!kept) {
          schools.push(incoming);
          stored.set(incoming.key, incoming);
          report.added.push(label);
          continue;
        }
        const newer = time(incoming.handoff.savedAt) - time(kept.handoff.savedAt);
        if (newer > 0) {
          schools[at] = incoming;
          stored.set(incoming.key, incoming);
          report.notices.push(
            `${label}：使用 ${shortTime(incoming.handoff.savedAt)} 导出的较新移交文件“${item.name}”，代替 ${shortTime(kept.handoff.savedAt)} 导出的“${kept.fileName}”。`,
          );
        } else if (newer < 0) {
          report.notices.push(
            `${label}：“${item.name}”是 ${shortTime(incoming.handoff.savedAt)} 导出的较旧移交文件，未使用；继续使用 ${shortTime(kept.handoff.savedAt)} 导出的“${kept.fileName}”。`,
          );
        } else {
          report.notices.push(`${label}：“${item.name}”与已载入的移交文件是同一份，未重复载入。`);
        }
      }
    } catch {
      report.rejected.push({ name: item.name, reason: '读取文件时出错。' });
    }
  }
  return { state: { schools, reviews }, report, stored: [...stored.values()] };
}

function schoolIndex(schools: readonly CountySchool[], key: string): number {
  return schools.findIndex((s) => s.key === key);
}

/** Two reports of one batch added in parts (the page adds a large batch a few files at a time). */
export function combineCountyReports(a: CountyReport, b: CountyReport): CountyReport {
  return {
    added: [...a.added, ...b.added],
    reviews: a.reviews + b.reviews,
    notices: [...a.notices, ...b.notices],
    rejected: [...a.rejected, ...b.rejected],
    dropped: [...a.dropped, ...b.dropped],
    skipped: a.skipped + b.skipped,
  };
}

/** The state without one school (the county removes a hand-off it opened by mistake). */
export function removeSchool(state: CountyState, key: string): CountyState {
  return { ...state, schools: state.schools.filter((s) => s.key !== key) };
}
