/** The handbook's abilities as the islands that grade (wizard, review) receive them: data only. */
import { rubricFromAbility } from '../lib/grading';
import { nationalAbilityEntries } from './collections';
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
