import type { Policy } from '../../lib/content/policies';
import type { AbilityFacts } from '../../lib/school/plan/selection-rule';

/** What the page hands the editor: the abilities (for the rule's words) and the region tree. */
export interface PlanPageData {
  abilities: AbilityFacts[];
  policies: Policy[];
}
