/** The handbook's abilities as the islands that grade (wizard, review) receive them: data only. */
import { rubricFromAbility } from '../lib/grading';
import { ancestors, type Policy } from '../lib/policies';
import { variantSource, type RegionalRubric } from '../lib/school-rubrics';
import { allAbilityEntries, nationalAbilityEntries } from './collections';
import type { AbilityOption } from './self-check/types';

export async function abilityOptions(): Promise<AbilityOption[]> {
  return (await nationalAbilityEntries()).map(({ data }) => ({
    code: data.code,
    name: data.name,
    environment: data.environment,
    dimension: data.dimension,
    completeness: data.completeness,
    rubric: rubricFromAbility(data),
    gradable: data.evidence.length > 0 && data.evidence.every((e) => e.graded !== 'unknown'),
  }));
}

/** Regional versions (regions/<slug>/<code>.mdx) that can grade, for teachers of that region and the regions under it. */
export async function regionalRubrics(policies: readonly Policy[]): Promise<RegionalRubric[]> {
  return (await allAbilityEntries()).flatMap(({ data }) => {
    const variant = data.variant;
    if (!variant || data.evidence.length === 0 || data.evidence.some((e) => e.graded === 'unknown'))
      return [];
    const appliesTo = policies
      .filter(
        (p) =>
          p.slug === variant.region || ancestors(policies, p.slug).some((a) => a.slug === variant.region),
      )
      .map((p) => p.slug);
    return [
      {
        code: data.code,
        region: variant.region,
        appliesTo: appliesTo.length > 0 ? appliesTo : [variant.region],
        depth: ancestors(policies, variant.region).length,
        rubric: { ...rubricFromAbility(data), source: variantSource(variant) },
      },
    ];
  });
}
