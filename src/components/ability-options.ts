/** The handbook's abilities as the islands that grade (wizard, review) receive them: data only. */
import { rubricFromAbility } from '../lib/grading/grading';
import { ancestors, type Policy } from '../lib/content/policies';
import { gradingReadiness } from '../lib/rubrics/rubric-readiness';
import { variantSource, type RegionalRubric } from '../lib/rubrics/school-rubrics';
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
    gradable: gradingReadiness(data.evidence).canGrade,
  }));
}

/**
 * Regional versions (regions/<slug>/<code>.mdx), for teachers of that region and the regions
 * under it; one that cannot grade yet is offered too, saying so, for the teacher to complete.
 */
export async function regionalRubrics(policies: readonly Policy[]): Promise<RegionalRubric[]> {
  return (await allAbilityEntries()).flatMap(({ data }) => {
    const variant = data.variant;
    if (!variant) return [];
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
        canGrade: gradingReadiness(data.evidence).canGrade,
      },
    ];
  });
}
