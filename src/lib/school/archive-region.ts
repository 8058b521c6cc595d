/**
 * What the school's region asks of the archive, read from the policy collection through the
 * region tree: the yearly targets for the share of teachers (a district without its own figures
 * inherits its city's or province's), and which region the loaded files point to. A region with
 * targets is added by adding a policy file, not by changing this code.
 */
import { ancestors, type Policy, type PolicyData } from '../content/policies';

export type Quota = PolicyData['quotas'][number];

export interface QuotaTarget {
  year: string;
  /** The share stated for this year, in per cent. */
  share: number;
  atLeast: boolean;
  /** The stated shares of this and every earlier year added up, capped at 100. */
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
    const quotas = policy.data.quotas
      .filter((q) => q.of === '教师')
      .slice()
      .sort((a, b) => a.year.localeCompare(b.year));
    if (quotas.length === 0) continue;
    let sum = 0;
    const targets = quotas.map((q) => {
      sum += q.share;
      return {
        year: q.year,
        share: q.share,
        atLeast: q.atLeast,
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
