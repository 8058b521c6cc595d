/**
 * Self-check and review files for the archive's tests, built with the real draft and review
 * formats (so they pass the same readers a principal's files do). A teacher's level per
 * micro-ability says which criteria are ticked: every 优秀 one, every 合格 one, or too few.
 */
import { rubricFromAbility, type AbilityEvidence, type Rubric } from '../../src/lib/grading/grading';
import { APP_MARKER, DRAFT_VERSION, type Draft, type DraftProfile } from '../../src/lib/self-check/draft';
import type { FileCheck, ReviewFile } from '../../src/lib/review/review-file';
import { buildReviewFile } from '../../src/lib/review/review';
import type { AbilityInfo } from '../../src/lib/school/archive-rows';
import { readCollection } from './content-files';

export type Level = '优秀' | '合格' | '不合格';

/** A rubric like C5's: a required ungraded item, a graded video with limits, then a graded text. */
export const TEST_RUBRIC: Rubric = {
  code: 'C5',
  name: '基于数据的个别化指导',
  origin: '手册',
  alternativeGroups: [],
  items: [
    {
      id: 'scenario',
      label: '1',
      name: '情景描述',
      forms: ['文本'],
      required: true,
      graded: false,
      limits: {},
    },
    {
      id: 'video',
      label: '2',
      name: '案例展示',
      forms: ['视频'],
      required: true,
      graded: true,
      limits: { maxMinutes: 10, teacherOnCamera: true },
      criteria: { excellent: ['优1', '优2'], pass: ['合1', '合2'] },
    },
    {
      id: 'plan',
      label: '3',
      name: '方案',
      forms: ['文本'],
      required: true,
      graded: true,
      limits: {},
      criteria: { excellent: ['优A'], pass: ['合A'] },
    },
  ],
};

export const TEST_ABILITIES: AbilityInfo[] = ['C5', 'C6', 'A1'].map((code, i) => ({
  code,
  name: `能力点${code}`,
  environment: code.startsWith('C') ? '智慧学习环境' : '多媒体教学环境',
  dimension: ['学法指导', '学业评价', '学情分析'][i] ?? '学法指导',
  rubric: { ...TEST_RUBRIC, code },
}));

/** The real handbook rubrics, read from the content files as the build reads them. */
export function handbookAbilities(): AbilityInfo[] {
  return readCollection('abilities', '.mdx')
    .filter((f) => !f.file.includes('/regions/'))
    .map((f) => {
      const data = f.data as unknown as Parameters<typeof rubricFromAbility>[0] & {
        environment: string;
        dimension: string;
      };
      return {
        code: data.code,
        name: data.name,
        environment: data.environment,
        dimension: data.dimension,
        rubric: rubricFromAbility(data),
      };
    });
}

function ticks(count: number, level: Level): number[] {
  const n = level === '不合格' ? Math.max(0, count - 1) : count;
  return Array.from({ length: n }, (_, i) => i);
}

/** Evidence for a rubric that grades to `level`: every item present, within its limits. */
export function evidenceAt(rubric: Rubric, level: Level): AbilityEvidence {
  const items: AbilityEvidence['items'] = {};
  const chosen: Record<string, string> = {};
  for (const item of rubric.items) {
    if (item.alternativeGroup) {
      if (chosen[item.alternativeGroup]) continue;
      chosen[item.alternativeGroup] = item.id;
    }
    const video = item.forms.includes('视频');
    const audio = !video && item.forms.includes('音频');
    const count = item.limits.count ?? 1;
    const excellent = item.criteria?.excellent.length ?? 0;
    const pass = item.criteria?.pass.length ?? 0;
    items[item.id] = {
      present: true,
      title: `${item.name}材料`,
      files:
        video || audio
          ? Array.from({ length: count }, (_, i) => ({
              name: `${item.id}-${i + 1}.${video ? 'mp4' : 'm4a'}`,
              type: video ? 'video/mp4' : 'audio/mp4',
              size: 1000 + i,
              durationSeconds: Math.min(60, (item.limits.maxMinutes ?? 1) * 60),
              // Distinct pieces: the grading rule counts one file sent twice only once.
              sha256: 'abcdef'.charAt(i % 6).repeat(64),
            }))
          : [],
      ...(count > 1 && !video && !audio ? { manualCount: count } : {}),
      ...(item.limits.teacherOnCamera ? { teacherOnCamera: true } : {}),
      // 优秀 ticks every criterion; 合格 every 合格 one and no 优秀 one; 不合格 one 合格 short.
      excellent: level === '优秀' ? ticks(excellent, '优秀') : [],
      pass: ticks(pass, level),
    };
  }
  return { chosen, items, reflection: '反思' };
}

let counter = 0;
/** A UUID-shaped id that differs per call and is stable per seed. */
export function testId(seed?: number): string {
  const n = seed ?? ++counter;
  const hex = n.toString(16).padStart(12, '0').slice(-12);
  return `00000000-0000-4000-8000-${hex}`;
}

export interface TeacherSpec {
  id?: string;
  name: string;
  school?: string;
  subject?: string;
  stage?: DraftProfile['stage'];
  region?: string;
  savedAt?: string;
  /** Micro-ability code → the level its evidence grades to. */
  levels: Record<string, Level>;
}

export function makeDraft(spec: TeacherSpec, abilities: readonly AbilityInfo[] = TEST_ABILITIES): Draft {
  const codes = Object.keys(spec.levels);
  const rubricOf = (code: string) => {
    const info = abilities.find((a) => a.code === code);
    if (!info) throw new Error(`no rubric for ${code}`);
    return info.rubric;
  };
  return {
    app: APP_MARKER,
    version: DRAFT_VERSION,
    id: spec.id ?? testId(),
    savedAt: spec.savedAt ?? '2026-03-01T08:00:00.000Z',
    step: 4,
    profile: {
      name: spec.name,
      school: spec.school ?? '徐水区第一小学',
      subject: spec.subject ?? '语文',
      stage: spec.stage ?? '小学',
      region: spec.region ?? 'xushui',
      environment: '智慧学习环境',
    },
    abilities: codes,
    evidence: Object.fromEntries(codes.map((c) => [c, evidenceAt(rubricOf(c), spec.levels[c] ?? '合格')])),
    customRubrics: {},
  };
}

export interface ReviewSpec {
  stage: string;
  reviewer?: string;
  role?: string;
  reviewedAt?: string;
  /** Micro-ability code → the level the reviewer's ticks grade to. */
  levels: Record<string, Level>;
  /** Review another content than the draft's (a review of an earlier version). */
  contentHash?: string;
  /** Micro-ability code → item id → the files the reviewer hashed. */
  files?: Record<string, Record<string, FileCheck[]>>;
}

export function makeReview(
  draft: Draft,
  spec: ReviewSpec,
  abilities: readonly AbilityInfo[] = TEST_ABILITIES,
): ReviewFile {
  const review = buildReviewFile({
    draft,
    reviewer: { name: spec.reviewer ?? '李老师', role: spec.role ?? '教研组长' },
    stage: spec.stage,
    reviewedAt: new Date(spec.reviewedAt ?? '2026-03-05T08:00:00.000Z'),
    abilities: Object.entries(spec.levels).map(([code, level]) => {
      const rubric = abilities.find((a) => a.code === code)?.rubric;
      if (!rubric) throw new Error(`no rubric for ${code}`);
      const ev = evidenceAt(rubric, level);
      return {
        code,
        rubric,
        files: spec.files?.[code],
        input: {
          comment: `${code}总评`,
          items: Object.fromEntries(
            Object.entries(ev.items).map(([id, item]) => [
              id,
              { excellent: item.excellent, pass: item.pass, comment: `${id}评语` },
            ]),
          ),
        },
      };
    }),
  });
  return spec.contentHash ? { ...review, draft: { ...review.draft, contentHash: spec.contentHash } } : review;
}

/** The value, or a failed test naming what was missing. */
export function defined<T>(value: T | undefined | null, what = 'value'): T {
  if (value === undefined || value === null) throw new Error(`${what} is missing`);
  return value;
}
