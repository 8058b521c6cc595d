/**
 * A region's rule for choosing micro-abilities, where its policy states one (how many, which
 * dimensions). Where the policy says nothing, nothing is checked and nothing is said.
 */
import type { Dimension } from '../content/taxonomy';

export interface SelectionRule {
  minAbilities?: number | undefined;
  requiredDimensions: readonly string[];
  text: string;
}

export interface SelectionCheck {
  met: boolean;
  messages: string[];
}

export function checkSelection(
  rule: SelectionRule | undefined,
  chosen: readonly { code: string; dimension: Dimension | string }[],
): SelectionCheck | undefined {
  if (!rule) return undefined;
  const messages: string[] = [];
  if (rule.minAbilities !== undefined && chosen.length < rule.minAbilities) {
    messages.push(`至少须选择 ${rule.minAbilities} 个微能力点，目前选了 ${chosen.length} 个。`);
  }
  const covered = new Set(chosen.map((c) => c.dimension));
  const missing = rule.requiredDimensions.filter((d) => !covered.has(d));
  if (missing.length > 0) messages.push(`还须覆盖能力维度：${missing.join('、')}。`);
  return { met: messages.length === 0, messages };
}
