/**
 * What the wizard shows of the school plan for the teacher at hand: whose plan it is, where the
 * typed name stands on the roster, the rule of the teacher's category and whether the chosen
 * abilities meet it, which abilities are 必修 or offered as 选修, and when the self-check is due.
 *
 * The decisions are the plan library's (teacherRule, checkSelection, ruleText in
 * school/plan/selection-rule.ts); this module only puts them together for the three steps that
 * show them. It lives beside the wizard, not in src/lib/self-check/, because lib/self-check may
 * not import lib/school (eslint.config.js) and the plan is the school's. It is loaded with the plan
 * panel, never on the wizard's first load (the plan's schema is heavy).
 *
 * A name not on the roster is a warning, never a refusal. A teacher whose category cannot be told
 * (name not found, or namesakes of different categories) sees every category's rule with its own
 * verdict, as on the school's paper plan, and finds their own line there: guessing one would be
 * worse, and asking them to pick would add a field the school's reviewers never see.
 */
import { displayData, displayText } from '../../lib/content/display-text';
import { SUBMISSION_DEADLINE, type SchoolPlan, type SelectionRule } from '../../lib/school/plan/plan-file';
import {
  checkSelection,
  teacherRule,
  type AbilityFacts,
  type RuleCheck,
} from '../../lib/school/plan/selection-rule';

export interface PlanRuleView {
  /** The category's name as the plan spells it. */
  category: string;
  check: RuleCheck;
}

export interface PlanGuide {
  school: string;
  round: string;
  /** The typed name on the roster: its category, subject and 学段; absent when not found or no name yet. */
  rosterLine?: string | undefined;
  /** Shown under the name on the profile step; never stops the teacher. */
  warning?: string | undefined;
  /** True when `rules` is the teacher's own category's; false when every category is listed. */
  categoryKnown: boolean;
  rules: PlanRuleView[];
  /** By ability code: 必修 / 选修 (with the categories when not the teacher's own is known). */
  marks: Record<string, string>;
  /** When the self-checks are due, if the plan says. */
  submitBy?: { date: string; text: string } | undefined;
  /** Lines for the PDF packet's cover: the plan, the rule and whether it is met, the deadline. */
  packetLines: [label: string, value: string][];
}

const DAY = 24 * 60 * 60 * 1000;

/** 提交自评截止：2025-05-15（还有 12 天） — counted in whole calendar days from `today`'s date. */
export function deadlineText(date: string, today: Date): string {
  const local = new Date(today.getFullYear(), today.getMonth(), today.getDate());
  const [y, m, d] = date.split('-').map(Number);
  const due = new Date(y ?? 0, (m ?? 1) - 1, d ?? 1);
  const days = Math.round((due.getTime() - local.getTime()) / DAY);
  const when = days > 0 ? `还有 ${days} 天` : days === 0 ? '就是今天' : `已过 ${-days} 天，请尽快与学校联系`;
  return `${SUBMISSION_DEADLINE}截止：${date}（${when}）`;
}

/** 必修 for the teacher's own category; 必修（骨干）when only some of the listed categories require it. */
function marksOf(rules: readonly { category: string; rule: SelectionRule }[]): Record<string, string> {
  const marks: Record<string, string> = {};
  const label = (code: string, kind: 'required' | 'offered', word: string) => {
    const some = rules.filter((r) => r.rule[kind].includes(code)).map((r) => r.category);
    if (some.length === 0) return undefined;
    return some.length === rules.length ? word : `${word}（${some.join('、')}）`;
  };
  const codes = new Set(rules.flatMap((r) => [...r.rule.required, ...r.rule.offered]));
  for (const code of codes) {
    const parts = [label(code, 'required', '必修'), label(code, 'offered', '本校选修')].filter(
      (p): p is string => p !== undefined,
    );
    marks[code] = parts.join('，');
  }
  return marks;
}

function packetLines(
  school: string,
  round: string,
  own: PlanRuleView | undefined,
  submitBy: string | undefined,
): [string, string][] {
  const lines: [string, string][] = [['学校考核方案', round ? `${school}（${round}）` : school]];
  if (own) {
    lines.push(['本校要求', `${own.category}：${own.check.rule.replace(/^本校要求：/, '')}`]);
    lines.push(['是否达到', own.check.met ? '已达到本校要求' : `未达到：${own.check.missing.join('；')}`]);
  } else {
    lines.push(['本校要求', '未能按教师名单确定类别，请对照学校考核方案']);
  }
  if (submitBy !== undefined) lines.push(['提交自评截止', submitBy]);
  return lines;
}

export function planGuide(
  plan: SchoolPlan,
  abilities: readonly AbilityFacts[],
  typedName: string,
  chosen: readonly string[],
  today: Date = new Date(),
): PlanGuide {
  const found = teacherRule(plan, typedName);
  const own = found.teachers.length > 0 || plan.categories.length === 1 ? found.category : undefined;
  const rules = own ? [own] : plan.categories;
  const shown = displayData(rules.map((r) => ({ category: r.name, rule: r.rule })));
  const teacher = found.teachers.length === 1 ? displayData(found.teachers[0]) : undefined;
  const submit = plan.deadlines.find((d) => d.stage === SUBMISSION_DEADLINE)?.date;
  const school = displayText(plan.school.name);
  const round = displayText(plan.school.round);
  const views = shown.map((r) => ({
    category: r.category,
    check: checkSelection(r.rule, chosen, abilities),
  }));
  return {
    school,
    round,
    rosterLine: teacher
      ? [teacher.category, teacher.subject, teacher.stage].filter((s) => s.trim() !== '').join(' · ')
      : found.teachers.length > 1 && found.warning === undefined && own
        ? `${displayText(own.name)}（名单中有 ${found.teachers.length} 位同名教师）`
        : undefined,
    warning: found.warning === undefined ? undefined : displayText(found.warning),
    categoryKnown: own !== undefined,
    rules: views,
    marks: marksOf(shown),
    submitBy: submit === undefined ? undefined : { date: submit, text: deadlineText(submit, today) },
    packetLines: packetLines(school, round, own ? views[0] : undefined, submit),
  };
}
