/** What the /school/ page hands the archive island: content data only, no functions. */
import type { AbilityInfo } from '../../lib/school/archive-rows';
import type { Policy } from '../../lib/content/policies';

export interface SchoolProps {
  abilities: AbilityInfo[];
  /** Every policy document, in region-tree order: stages, targets and the region picker read them. */
  policies: Policy[];
}
