/**
 * Pure views over ability entries: the environment × dimension matrix, ordering, neighbours,
 * limit badges and the shape of a rubric. Pages and the wizard read abilities only through
 * these, so what a teacher sees is computed the same way everywhere.
 */
import { DIMENSIONS, ENVIRONMENTS, compareCodes, type Dimension, type Environment } from './taxonomy';

/** How sure the handbook is of a fact; the levels are defined in shared/reference/abilities-facts.md. */
export type Confidence = 'seed' | 'public-2' | 'public-1';

/** Only one public copy supports it: show it, cite it, mark it 待核实. */
export function needsVerification(confidence: Confidence | undefined): boolean {
  return confidence === 'public-1';
}

/** The fact rests on public copies rather than a seed document, so the page must say so. */
export function restsOnPublicCopies(confidences: readonly (Confidence | undefined)[]): boolean {
  return confidences.some((c) => c === 'public-1' || c === 'public-2');
}

export interface Limits {
  maxMinutes?: number | undefined;
  maxMinutesQualifier?: '原则上' | '一般' | undefined;
  count?: number | undefined;
  teacherOnCamera?: boolean | undefined;
}

export interface EvidenceItem {
  id: string;
  label: string;
  name: string;
  forms: readonly string[];
  requirement?: string | undefined;
  required: boolean;
  graded: boolean | 'unknown';
  alternativeGroup?: string | undefined;
  limits: Limits;
  criteria?: { excellent: readonly string[]; pass: readonly string[] } | undefined;
  confidence?: Confidence | undefined;
}

export interface AlternativeGroup {
  id: string;
  label: string;
  name: string;
  instruction: string;
}

export interface AbilityLike {
  code: string;
  name: string;
  environment: Environment;
  dimension: Dimension;
  completeness: '完整' | '部分' | '待补充';
  variant?: { region: string } | undefined;
  alternativeGroups: readonly AlternativeGroup[];
  evidence: readonly EvidenceItem[];
}

export function sortAbilities<T extends { code: string }>(abilities: readonly T[]): T[] {
  return [...abilities].sort((a, b) => compareCodes(a.code, b.code));
}

/** The national entries only: regional rubric variants stand beside them, not in the grid. */
export function nationalAbilities<T extends { variant?: unknown }>(abilities: readonly T[]): T[] {
  return abilities.filter((a) => a.variant === undefined);
}

export interface MatrixRow<T> {
  environment: Environment;
  cells: { dimension: Dimension; abilities: T[] }[];
}

/** Rows 多媒体 / 混合 / 智慧, columns 学情分析 / 教学设计 / 学法指导 / 学业评价, codes in order. */
export function abilityMatrix<T extends Pick<AbilityLike, 'code' | 'environment' | 'dimension'>>(
  abilities: readonly T[],
): MatrixRow<T>[] {
  const sorted = sortAbilities(abilities);
  return ENVIRONMENTS.map((environment) => ({
    environment,
    cells: DIMENSIONS.map((dimension) => ({
      dimension,
      abilities: sorted.filter((a) => a.environment === environment && a.dimension === dimension),
    })),
  }));
}

export function filterAbilities<T extends Pick<AbilityLike, 'environment' | 'dimension'>>(
  abilities: readonly T[],
  filter: { environment?: Environment | undefined; dimension?: Dimension | undefined },
): T[] {
  return abilities.filter(
    (a) =>
      (!filter.environment || a.environment === filter.environment) &&
      (!filter.dimension || a.dimension === filter.dimension),
  );
}

/** Previous and next in code order, for the links at the foot of an ability page. */
export function neighbours<T extends { code: string }>(
  abilities: readonly T[],
  code: string,
): { previous?: T | undefined; next?: T | undefined } {
  const sorted = sortAbilities(abilities);
  const i = sorted.findIndex((a) => a.code === code);
  if (i < 0) return {};
  return { previous: sorted[i - 1], next: sorted[i + 1] };
}

/** The hard requirements of an item as short badge texts: 时长 ≤ 10 分钟, 须出现教师本人形象, 2 份. */
export function limitBadges(limits: Limits): string[] {
  const badges: string[] = [];
  if (limits.maxMinutes !== undefined) {
    const prefix = `时长${limits.maxMinutesQualifier ?? ''}`;
    badges.push(`${prefix} ≤ ${limits.maxMinutes} 分钟${limits.count && limits.count > 1 ? '（每份）' : ''}`);
  }
  if (limits.count !== undefined) badges.push(`${limits.count} 份`);
  if (limits.teacherOnCamera) badges.push('须出现教师本人形象');
  return badges;
}

export type RubricBlock =
  { kind: 'item'; item: EvidenceItem } | { kind: 'choice'; group: AlternativeGroup; items: EvidenceItem[] };

/**
 * The submission guide in the order the source gives it, with "choose one task" items gathered
 * under their group at the place of the group's first task.
 */
export function rubricBlocks(ability: Pick<AbilityLike, 'alternativeGroups' | 'evidence'>): RubricBlock[] {
  const blocks: RubricBlock[] = [];
  const placed = new Set<string>();
  for (const item of ability.evidence) {
    const group = item.alternativeGroup
      ? ability.alternativeGroups.find((g) => g.id === item.alternativeGroup)
      : undefined;
    if (!group) {
      blocks.push({ kind: 'item', item });
    } else if (!placed.has(group.id)) {
      placed.add(group.id);
      blocks.push({
        kind: 'choice',
        group,
        items: ability.evidence.filter((e) => e.alternativeGroup === group.id),
      });
    }
  }
  return blocks;
}

export function gradedItems(ability: Pick<AbilityLike, 'evidence'>): EvidenceItem[] {
  return ability.evidence.filter((e) => e.graded === true && e.criteria);
}

/** The status label an ability carries wherever it is listed: the same words on its page, in lists and the grid. */
export function completenessLabel(completeness: AbilityLike['completeness']): string {
  return `收录：${completeness}`;
}

/** What a teacher can rely on, in one phrase per completeness level. */
export const COMPLETENESS_TEXT: Record<AbilityLike['completeness'], string> = {
  完整: '提交指南与评价标准完整收录',
  部分: '仅收录部分内容，评价标准未收录或不全',
  待补充: '仅有名称与分类，提交指南与评价标准尚未收录',
};
