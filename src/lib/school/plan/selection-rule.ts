/**
 * Whether a teacher's chosen abilities meet the selection rule of their category in the school's
 * plan, and what is missing, in the words a teacher reads on the pick step and in the summary
 * (本校要求：完成 3 个，至少 1 个来自混合或智慧学习环境 / 还差 1 个…). The same check gives
 * /school/ its 选课是否达标 column.
 *
 * A rule's count is a minimum: completing more is never held against a teacher. An “至少” line
 * counts the chosen abilities that are in one of its environments and, when it also names
 * dimensions, in one of those: 至少 1 个来自智慧学习环境的学业评价维度 means both.
 * The environment of a code is fixed by its letter (taxonomy.ts); its dimension and name come
 * from the ability entries the page has (content is data), passed in as `abilities`.
 */
import { ancestors, type Policy } from '../../content/policies';
import {
  compareCodes,
  DIMENSIONS,
  environmentOfCode,
  type Dimension,
  type Environment,
} from '../../content/taxonomy';
import type { RosterTeacher, SchoolPlan, SelectionRule } from './plan-file';
import { normalName } from './roster-import';

/** What the check needs to know of an ability: its name and 能力维度. */
export interface AbilityFacts {
  code: string;
  name: string;
  dimension: string;
}

export interface RuleCheck {
  met: boolean;
  /** 本校要求：完成 3 个，至少 1 个来自混合或智慧学习环境；必修：A1 技术支持的学情分析 */
  rule: string;
  /** One line per shortfall: 还差 1 个微能力点, 还差必修 A1 技术支持的学情分析 … */
  missing: string[];
}

const SHORT: Record<Environment, string> = {
  多媒体教学环境: '多媒体',
  混合学习环境: '混合',
  智慧学习环境: '智慧',
};

/** 混合或智慧学习环境; 多媒体、混合或智慧学习环境. */
function environmentsText(environments: readonly Environment[]): string {
  const last = environments.at(-1);
  if (last === undefined) return '';
  const head = environments.slice(0, -1).map((e) => SHORT[e]);
  return head.length === 0
    ? last
    : `${head
        .slice(0, -1)
        .map((h) => `${h}、`)
        .join('')}${head.at(-1)}或${SHORT[last]}${last.slice(SHORT[last].length)}`;
}

/** 学法指导或学业评价维度. */
function dimensionsText(dimensions: readonly Dimension[]): string {
  if (dimensions.length === 0) return '';
  const head = dimensions.slice(0, -1);
  return `${head.length > 0 ? `${head.join('、')}或` : ''}${dimensions.at(-1)}维度`;
}

function whereText(need: SelectionRule['atLeast'][number]): string {
  const env = environmentsText(need.environments);
  const dim = dimensionsText(need.dimensions);
  if (env && dim) return `来自${env}的${dim}`;
  return `来自${env || dim}`;
}

function abilityText(code: string, byCode: ReadonlyMap<string, AbilityFacts>): string {
  const name = byCode.get(code)?.name;
  return name ? `${code} ${name}` : code;
}

/** The rule in one sentence, as the pick step shows it. */
export function ruleText(rule: SelectionRule, abilities: readonly AbilityFacts[]): string {
  const byCode = new Map(abilities.map((a) => [a.code, a]));
  const parts = [`完成 ${rule.count} 个`, ...rule.atLeast.map((n) => `至少 ${n.count} 个${whereText(n)}`)];
  let text = `本校要求：${parts.join('，')}`;
  if (rule.required.length > 0)
    text += `；必修：${rule.required.map((c) => abilityText(c, byCode)).join('、')}`;
  if (rule.offered.length > 0) text += `；选修从 ${[...rule.offered].sort(compareCodes).join('、')} 中选`;
  return text;
}

function matches(
  code: string,
  need: SelectionRule['atLeast'][number],
  byCode: ReadonlyMap<string, AbilityFacts>,
): boolean {
  const environment = environmentOfCode(code);
  const dimension = byCode.get(code)?.dimension;
  const envOk =
    need.environments.length === 0 || (environment !== undefined && need.environments.includes(environment));
  const dimOk =
    need.dimensions.length === 0 ||
    (dimension !== undefined && (need.dimensions as readonly string[]).includes(dimension));
  return envOk && dimOk;
}

/** Checks a teacher's chosen codes against their category's rule. Never throws on any list of strings. */
export function checkSelection(
  rule: SelectionRule,
  chosen: readonly string[],
  abilities: readonly AbilityFacts[],
): RuleCheck {
  const byCode = new Map(abilities.map((a) => [a.code, a]));
  const picked = [...new Set(chosen)].filter((c) => environmentOfCode(c) !== undefined);
  const missing: string[] = [];
  if (picked.length < rule.count)
    missing.push(
      `还差 ${rule.count - picked.length} 个微能力点（要完成 ${rule.count} 个，已选 ${picked.length} 个）`,
    );
  for (const need of rule.atLeast) {
    const have = picked.filter((c) => matches(c, need, byCode)).length;
    if (have < need.count) missing.push(`还差 ${need.count - have} 个${whereText(need)}的微能力点`);
  }
  for (const code of rule.required) {
    if (!picked.includes(code)) missing.push(`还差必修 ${abilityText(code, byCode)}`);
  }
  if (rule.offered.length > 0) {
    const allowed = new Set([...rule.required, ...rule.offered]);
    for (const code of picked.filter((c) => !allowed.has(c)).sort(compareCodes)) {
      missing.push(`${abilityText(code, byCode)} 不在本校开设的选修中，请换一个`);
    }
  }
  return { met: missing.length === 0, rule: ruleText(rule, abilities), missing };
}

/** Where a rule the plan is pre-filled with comes from, or why there is none. */
export type PolicyRule =
  | { found: true; rule: SelectionRule; from: { slug: string; region: string }; text: string }
  | { found: false; note: string };

/**
 * A rule to pre-fill the plan from the region's policy, the nearest entry up the tree that states
 * a number of abilities. No entry does today; the field then says so rather than guessing.
 */
export function policyRule(policies: readonly Policy[], slug: string): PolicyRule {
  const self = policies.find((p) => p.slug === slug);
  const chain = self ? [self, ...ancestors(policies, slug).reverse()] : [];
  for (const policy of chain) {
    const selection = policy.data.selection;
    if (selection?.minAbilities === undefined) continue;
    const dimensions = selection.requiredDimensions.filter((d): d is Dimension =>
      (DIMENSIONS as readonly string[]).includes(d),
    );
    const count = Math.min(30, Math.max(1, selection.minAbilities, dimensions.length));
    return {
      found: true,
      rule: {
        count,
        atLeast: dimensions.map((d) => ({ count: 1, environments: [], dimensions: [d] })),
        required: [],
        offered: [],
      },
      from: { slug: policy.slug, region: policy.data.region },
      text: selection.text,
    };
  }
  return { found: false, note: '本地区的政策文件没有规定选几个微能力点，请按本校的校本研修与考核方案填写。' };
}

/** Whose rule applies to the teacher the wizard's profile names, or why none can be said. */
export interface TeacherRule {
  /** The roster's entries of that name: none, one, or several namesakes. */
  teachers: RosterTeacher[];
  /** The category's rule when it is known: one entry, or namesakes of one category, or one category in all. */
  category?: { name: string; rule: SelectionRule } | undefined;
  /** Shown beside the name; never a refusal, the self-check goes on. */
  warning?: string | undefined;
}

/**
 * The roster entry and category rule for a teacher's name as typed (spaces padding a Chinese
 * name do not count). A name not on the roster is a warning, not a refusal: the roster may be
 * older than the teacher's arrival, or the name typed another way.
 */
export function teacherRule(plan: Pick<SchoolPlan, 'roster' | 'categories'>, typed: string): TeacherRule {
  const name = normalName(typed);
  const teachers = name === '' ? [] : plan.roster.filter((t) => normalName(t.name) === name);
  const categoryNames = [...new Set(teachers.map((t) => t.category))];
  const only = plan.categories.length === 1 ? plan.categories[0] : undefined;
  const named =
    categoryNames.length === 1 ? plan.categories.find((c) => c.name === categoryNames[0]) : undefined;
  const category = named ?? only;
  if (name === '') return { teachers, category };
  if (teachers.length === 0) {
    return {
      teachers,
      category,
      warning: `“${name}”不在学校考核方案的教师名单中。如姓名无误，请向学校确认所属类别；自评照常进行。`,
    };
  }
  if (categoryNames.length > 1) {
    return {
      teachers,
      category,
      warning: `教师名单中有 ${teachers.length} 位“${name}”，类别不同（${categoryNames.join('、')}），请向学校确认自己的类别。`,
    };
  }
  return { teachers, category };
}
