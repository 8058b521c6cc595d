/**
 * The review stages a teacher's self-check goes through, from the teacher's region's policy.
 *
 * A policy's `assessment.steps` lists the whole school-based assessment in its own words,
 * including steps that are not a review of a teacher's evidence (uploading the data, a
 * province's spot checks). A step is a review stage when it names a review or a decision on the
 * evidence: 互评, 复评, 审核, 认定, or a 考核小组 assessing it. A region whose entry names no
 * such step takes its parent's (Xushui → Baoding → Hebei); where none does, the stages are the
 * two the handbook's packet prints: 组内互评 and 复评.
 */
import type { Policy } from './policies';

export const DEFAULT_STAGES: readonly string[] = ['组内互评', '复评'];

export interface ReviewStage {
  /** As the policy names it (教师组内互评), or the default's name. */
  name: string;
  /** The packet column it fills: 组内互评 and 复评 are always printed; another stage adds its own. */
  column: string;
}

export interface StagePlan {
  stages: ReviewStage[];
  /** The policy entry the stages were read from; undefined for the default. */
  from?: { slug: string; region: string } | undefined;
}

const REVIEW_STEP = /互评|复评|审核|认定|考核小组/;

/** Whether a policy's assessment step is a review of the teacher's evidence. */
export function isReviewStep(step: string): boolean {
  return REVIEW_STEP.test(step);
}

/** A step's name without its parenthesised explanation, e.g. 基层考核小组（由…组成的管理团队）…. */
export function stageName(step: string): string {
  return step.replace(/（[^（）]*）|\([^()]*\)/g, '').trim();
}

/** The packet column a stage fills. */
export function packetColumn(stage: string): string {
  if (stage.includes('互评')) return '组内互评';
  if (stage.includes('复评')) return '复评';
  return stage;
}

function toStages(names: readonly string[]): ReviewStage[] {
  const seen = new Set<string>();
  const stages: ReviewStage[] = [];
  for (const name of names) {
    if (name === '' || seen.has(name)) continue;
    seen.add(name);
    stages.push({ name, column: packetColumn(name) });
  }
  return stages;
}

/** The stages for a teacher in region `slug` (a policy slug, or anything else for the default). */
export function reviewStages(policies: readonly Policy[], slug: string): StagePlan {
  const bySlug = new Map(policies.map((p) => [p.slug, p]));
  const visited = new Set<string>();
  let current = bySlug.get(slug);
  while (current && !visited.has(current.slug)) {
    visited.add(current.slug);
    const steps = (current.data.assessment?.steps ?? []).filter(isReviewStep).map(stageName);
    const stages = toStages(steps);
    if (stages.length > 0) return { stages, from: { slug: current.slug, region: current.data.region } };
    current = current.data.parent ? bySlug.get(current.data.parent) : undefined;
  }
  return { stages: toStages(DEFAULT_STAGES) };
}

/**
 * The stage to offer a reviewer first: the first one no loaded review covers yet, so the 复评
 * team that opens a self-check together with its 组内互评 lands on 复评. The last stage when all
 * are covered.
 */
export function nextStage(
  stages: readonly ReviewStage[],
  reviewed: readonly string[],
): ReviewStage | undefined {
  const done = new Set(reviewed.map(packetColumn));
  return stages.find((s) => !reviewed.includes(s.name) && !done.has(s.column)) ?? stages[stages.length - 1];
}
