/**
 * What the school's region asks of the archive, read from the policy collection through the
 * region tree: the yearly targets for the share of teachers (a district without its own figures
 * inherits its city's or province's), and which region the loaded files point to. A region with
 * targets is added by adding a policy file, not by changing this code.
 */
import { ancestors, quotaPeriodText, type Policy } from '../content/policies';
import { reviewStages } from '../content/review-stages';
import type { PlanStage } from './plan/plan-file';
import { planStagesFromRegion } from './plan/plan-stages';

export interface QuotaTarget {
  year: string;
  /** When it falls due, as a principal reads it: 2020 年, 2021年8月15日前, 2021年9月至2022年8月. */
  period: string;
  /** Due by the year's end (no finer date), so its share is that year's. */
  wholeYear: boolean;
  /** The share stated for this period, in per cent. */
  share: number;
  atLeast: boolean;
  /** The document states the share as the running total (累计), not this period's own part. */
  statedCumulative: boolean;
  /**
   * The share due by the end of this period: the stated shares of this and every earlier period
   * added up, or the running total the document states; capped at 100.
   */
  cumulative: number;
  note?: string | undefined;
}

export interface RegionTargets {
  /** The document the targets are read from: the region itself or its nearest ancestor that states them. */
  policy: Policy;
  /** True when read from an ancestor, not the chosen region's own document. */
  inherited: boolean;
  targets: QuotaTarget[];
}

/** The chosen region and then its ancestors, nearest first. */
function selfAndAncestors(policies: readonly Policy[], slug: string): Policy[] {
  const self = policies.find((p) => p.slug === slug);
  if (!self) return [];
  return [self, ...ancestors(policies, slug).reverse()];
}

/**
 * Yearly targets for the share of a region's teachers, from the nearest document in the region
 * tree that states any. Targets counted in schools (Jiangsu) say nothing about one school's
 * teachers and are left out. Undefined when no document up the tree states a teacher target.
 */
export function teacherTargets(policies: readonly Policy[], slug: string): RegionTargets | undefined {
  const chain = selfAndAncestors(policies, slug);
  for (const policy of chain) {
    // By the date each falls due: a province's 2021-08-15 comes before its 2021-09 to 2022-08.
    const quotas = policy.data.quotas
      .filter((q) => q.of === '教师')
      .slice()
      .sort((a, b) => (a.by ?? a.year).localeCompare(b.by ?? b.year));
    if (quotas.length === 0) continue;
    let sum = 0;
    const targets = quotas.map((q) => {
      const statedCumulative = q.cumulative === true;
      sum = statedCumulative ? q.share : sum + q.share;
      return {
        year: q.year,
        period: quotaPeriodText(q),
        wholeYear: q.by === undefined,
        share: q.share,
        atLeast: q.atLeast,
        statedCumulative,
        cumulative: Math.min(100, sum),
        ...(q.note !== undefined ? { note: q.note } : {}),
      };
    });
    return { policy, inherited: policy.slug !== slug, targets };
  }
  return undefined;
}

/** Targets the chosen region states in schools, to say why they are not shown against teachers. */
export function schoolTargetsOnly(policies: readonly Policy[], slug: string): Policy | undefined {
  return selfAndAncestors(policies, slug).find(
    (p) => p.data.quotas.length > 0 && p.data.quotas.every((q) => q.of === '学校'),
  );
}

/**
 * The region most of the teachers' files name (the wizard's profile), '' when none names a
 * known region. Ties go to the region named first, so the choice does not flicker.
 */
export function commonRegion(regions: readonly string[], known: ReadonlySet<string>): string {
  const counts = new Map<string, number>();
  for (const r of regions) if (known.has(r)) counts.set(r, (counts.get(r) ?? 0) + 1);
  let best = '';
  let bestCount = 0;
  for (const [region, count] of counts) {
    if (count > bestCount) {
      best = region;
      bestCount = count;
    }
  }
  return best;
}

/**
 * The stages the archive follows, each marked inside or outside the school: the plan's when
 * there is one; otherwise the region's own review stages as its policy names them, those done
 * above the school (县级专家团队审核认定) marked outside, so "done at school" shows for a 徐水
 * school even before it writes a plan. Without a plan no stage the region does not name is added.
 */
export function archiveStages(
  policies: readonly Policy[],
  region: string,
  plan?: { stages: readonly PlanStage[] } | undefined,
): PlanStage[] {
  if (plan) return [...plan.stages];
  const named = new Set(reviewStages(policies, region).stages.map((s) => s.name));
  return planStagesFromRegion(policies, region).filter((s) => named.has(s.name));
}
