/**
 * What a teacher or reviewer sees of a school plan before taking it in (from a file or a link),
 * as for rubric files: whose plan it is, how many teachers in which categories with which rule,
 * the stages with their deadlines and which are outside the school, and the rubric pack it
 * brings. Every text from the file is shown as spelled (display-text.ts), so a bidi control in a
 * hostile file cannot reorder what the reader sees.
 */
import { displayData } from '../../content/display-text';
import { packPreview, type PackPreview } from '../../rubrics/rubric-file';
import { SUBMISSION_DEADLINE, type SchoolPlan } from './plan-file';
import { ruleText, type AbilityFacts } from './selection-rule';

export interface PlanPreview {
  school: string;
  /** The region's name where the page knows the slug, else the slug. */
  region: string;
  round: string;
  teachers: number;
  categories: { name: string; teachers: number; rule: string }[];
  /** When the self-checks are due, if the plan says. */
  submitBy?: string | undefined;
  stages: { name: string; where: '校内' | '校外' | '校外（抽查）'; deadline?: string | undefined }[];
  /** How many reviewer or group assignments the plan holds. */
  assignments: number;
  rubrics?: PackPreview | undefined;
}

export function planPreview(
  file: SchoolPlan,
  abilities: readonly AbilityFacts[],
  regionName: (slug: string) => string | undefined = () => undefined,
): PlanPreview {
  const plan = displayData(file);
  const deadline = (stage: string) => plan.deadlines.find((d) => d.stage === stage)?.date;
  return {
    school: plan.school.name,
    region: regionName(file.school.region) ?? plan.school.region,
    round: plan.school.round,
    teachers: plan.roster.length,
    categories: plan.categories.map((c) => ({
      name: c.name,
      teachers: plan.roster.filter((t) => t.category === c.name).length,
      rule: ruleText(c.rule, abilities),
    })),
    submitBy: deadline(SUBMISSION_DEADLINE),
    stages: plan.stages.map((s) => ({
      name: s.name,
      where: !s.outside ? '校内' : s.sampled ? '校外（抽查）' : '校外',
      deadline: deadline(s.name),
    })),
    assignments: plan.assignments.length,
    rubrics: file.rubrics ? packPreview(file.rubrics) : undefined,
  };
}
