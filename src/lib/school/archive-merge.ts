/**
 * Putting the archive's files together, with every conflict said out loud:
 * - two self-checks of the same draft (same id): the newer (savedAt) is used, the other listed;
 * - a review of another version of the self-check (content hash differs): flagged as stale, and
 *   graded against the version it reviewed when that version is loaded;
 * - two reviews of the same draft, stage and micro-ability: the later one is used, the other
 *   listed; a review whose self-check is not loaded is listed and kept for when it comes.
 * A review's stage is matched to the region's stages by name: the same name, else the only
 * region stage that contains it or is contained in it (复评 ↔ 信息化团队复评); a stage that
 * matches none gets its own column after the region's.
 */
import type { ArchiveContent } from './archive-file';
import type { Draft } from '../self-check/draft';
import { draftContentHash } from '../self-check/draft-hash';
import type { ReviewFile } from '../review/review-file';

/** One collator for the archive's sorting: localeCompare makes one per call, which dominates sorting 2,000 teachers. */
export const zhCompare = new Intl.Collator('zh-CN').compare;

export interface TeacherRecord {
  id: string;
  /** The newest version loaded. */
  draft: Draft;
  /** Older versions loaded (newest first), for reviews of an older self-check. */
  older: Draft[];
}

export interface UsedReview {
  review: ReviewFile;
  /** The self-check version the review was made of, when loaded; else the newest. */
  reviewed: Draft;
  /** The review is of another version than the newest (its content hash differs). */
  stale: boolean;
}

export type NoticeKind =
  '较旧的自评' | '评审针对旧版自评' | '较旧的评审' | '缺少自评' | '同名教师' | '环节不在流程中';

export interface MergeNotice {
  kind: NoticeKind;
  text: string;
  teacherId?: string | undefined;
}

export interface MergedArchive {
  /** By school, then name (zh-CN), then id. */
  teachers: TeacherRecord[];
  /** The region's stages, in order: these decide the status. */
  regionStages: string[];
  /** The region's stages, then any other stage named by a review (shown, not counted). */
  stages: string[];
  /** teacher id → stage → ability code → the review used. */
  reviews: Map<string, Map<string, Map<string, UsedReview>>>;
  notices: MergeNotice[];
}

const hashes = new WeakMap<Draft, string>();

/**
 * draftContentHash, computed once per draft object: the archive is merged again on every change
 * of the page, and hashing 2,000 self-checks each time would dominate the work.
 */
export function cachedContentHash(draft: Draft): string {
  let hash = hashes.get(draft);
  if (hash === undefined) {
    hash = draftContentHash(draft);
    hashes.set(draft, hash);
  }
  return hash;
}

const time = (iso: string) => {
  const t = Date.parse(iso);
  return Number.isFinite(t) ? t : 0;
};

/** “2026-03-01 08:00” in local time, for notices. */
export function shortTime(iso: string): string {
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return iso;
  const d = new Date(t);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function teacherLabel(profile: { name: string; school: string }): string {
  const name = profile.name.trim() || '（未填姓名）';
  return profile.school.trim() ? `${name}（${profile.school.trim()}）` : name;
}

/** The region stage a review's stage name stands for, or undefined. */
export function matchStage(name: string, stages: readonly string[]): string | undefined {
  const trimmed = name.trim();
  if (stages.includes(trimmed)) return trimmed;
  const near = stages.filter((s) => s.includes(trimmed) || trimmed.includes(s));
  return near.length === 1 ? near[0] : undefined;
}

export function mergeArchive(
  archive: Pick<ArchiveContent, 'selfChecks' | 'reviews'> & Partial<ArchiveContent>,
  regionStages: readonly string[],
): MergedArchive {
  const notices: MergeNotice[] = [];

  // Self-checks: newest per draft id; later in the list wins a tie.
  // Hashes are worked out only where they decide something: a review to check, two versions saved at once.
  const byId = new Map<string, { draft: Draft }[]>();
  for (const draft of archive.selfChecks) {
    const list = byId.get(draft.id) ?? [];
    list.push({ draft });
    byId.set(draft.id, list);
  }
  const teachers: TeacherRecord[] = [];
  for (const [id, versions] of byId) {
    const ordered = versions
      .map((v, i) => ({ ...v, i }))
      .sort((a, b) => time(b.draft.savedAt) - time(a.draft.savedAt) || b.i - a.i);
    const [newest, ...older] = ordered;
    if (!newest) continue;
    const distinctOlder = older.filter(
      (o) =>
        o.draft.savedAt !== newest.draft.savedAt ||
        cachedContentHash(o.draft) !== cachedContentHash(newest.draft),
    );
    teachers.push({
      id,
      draft: newest.draft,
      older: distinctOlder.map((o) => o.draft),
    });
    for (const o of distinctOlder) {
      notices.push({
        kind: '较旧的自评',
        teacherId: id,
        text: `${teacherLabel(newest.draft.profile)}有两份自评文件：使用 ${shortTime(newest.draft.savedAt)} 保存的较新一份，${shortTime(o.draft.savedAt)} 保存的一份未使用。`,
      });
    }
  }
  teachers.sort(
    (a, b) =>
      zhCompare(a.draft.profile.school, b.draft.profile.school) ||
      zhCompare(a.draft.profile.name, b.draft.profile.name) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );

  const sameName = new Map<string, TeacherRecord[]>();
  for (const t of teachers) {
    const key = `${t.draft.profile.school.trim()}\u0000${t.draft.profile.name.trim()}`;
    if (!t.draft.profile.name.trim()) continue;
    sameName.set(key, [...(sameName.get(key) ?? []), t]);
  }
  for (const list of sameName.values()) {
    const first = list[0];
    if (list.length < 2 || !first) continue;
    notices.push({
      kind: '同名教师',
      teacherId: first.id,
      text: `${teacherLabel(first.draft.profile)}有 ${list.length} 份编号不同的自评（可能是重新开始的自评，或同名的两位老师），表中分别列出；如是同一人，请只保留最新一份。`,
    });
  }

  // Reviews: stage columns, then the latest per teacher × stage × ability.
  const stages = [...regionStages];
  const stageOf = (review: ReviewFile): string => {
    const matched = matchStage(review.stage, regionStages);
    if (matched) return matched;
    const own = review.stage.trim();
    if (!stages.includes(own)) {
      stages.push(own);
      notices.push({
        kind: '环节不在流程中',
        text: `评审环节“${own}”不在本地区的考核流程（${regionStages.join(' → ') || '未规定'}）中，单列一栏，不计入状态。`,
      });
    }
    return own;
  };
  const teacherById = new Map(teachers.map((t) => [t.id, t]));
  const reviews = new Map<string, Map<string, Map<string, UsedReview>>>();
  const ordered = archive.reviews
    .map((review, i) => ({ review, i }))
    .sort((a, b) => time(a.review.reviewedAt) - time(b.review.reviewedAt) || a.i - b.i);
  const replaced = new Map<ReviewFile, ReviewFile>();
  const orphanSeen = new Set<string>();
  for (const { review } of ordered) {
    const teacher = teacherById.get(review.draft.id);
    if (!teacher) {
      const key = `${review.draft.id}\u0000${review.stage}`;
      if (!orphanSeen.has(key)) {
        orphanSeen.add(key);
        notices.push({
          kind: '缺少自评',
          text: `${teacherLabel(review.teacher)}的“${review.stage}”评审意见（评审人 ${review.reviewer.name}）找不到对应的自评文件；请同时载入这位老师的自评文件。评审意见已保留在档案中。`,
        });
      }
      continue;
    }
    const stage = stageOf(review);
    const stale = review.draft.contentHash !== cachedContentHash(teacher.draft);
    const reviewed = stale
      ? (teacher.older.find((o) => cachedContentHash(o) === review.draft.contentHash) ?? teacher.draft)
      : teacher.draft;
    const byStage = reviews.get(teacher.id) ?? new Map<string, Map<string, UsedReview>>();
    reviews.set(teacher.id, byStage);
    const byCode = byStage.get(stage) ?? new Map<string, UsedReview>();
    byStage.set(stage, byCode);
    for (const code of Object.keys(review.abilities)) {
      const previous = byCode.get(code);
      if (previous && previous.review !== review) replaced.set(previous.review, review);
      byCode.set(code, { review, reviewed, stale });
    }
  }

  // A review is listed as replaced only when none of its micro-abilities is still in use.
  const inUse = new Set<ReviewFile>();
  for (const byStage of reviews.values())
    for (const byCode of byStage.values()) for (const used of byCode.values()) inUse.add(used.review);
  for (const [old, newer] of replaced) {
    if (inUse.has(old)) continue;
    notices.push({
      kind: '较旧的评审',
      teacherId: old.draft.id,
      text: `${teacherLabel(old.teacher)}的“${old.stage}”评审（${old.reviewer.name}，${shortTime(old.reviewedAt)}）已由较新的评审（${newer.reviewer.name}，${shortTime(newer.reviewedAt)}）代替，未使用。`,
    });
  }
  const staleSeen = new Set<ReviewFile>();
  for (const [teacherId, byStage] of reviews) {
    const teacher = teacherById.get(teacherId);
    if (!teacher) continue;
    for (const byCode of byStage.values()) {
      for (const used of byCode.values()) {
        if (!used.stale || staleSeen.has(used.review)) continue;
        staleSeen.add(used.review);
        const version =
          used.reviewed === teacher.draft
            ? '与现有自评文件都不一致的版本'
            : `${shortTime(used.reviewed.savedAt)} 保存的较早版本`;
        notices.push({
          kind: '评审针对旧版自评',
          teacherId,
          text: `${teacherLabel(teacher.draft.profile)}的“${used.review.stage}”评审（${used.review.reviewer.name}）评的是${version}；自评已更新，需重新评审。`,
        });
      }
    }
  }
  return { teachers, regionStages: [...regionStages], stages, reviews, notices };
}
