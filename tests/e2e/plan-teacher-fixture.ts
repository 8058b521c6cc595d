/**
 * The school plan as it reaches a teacher of a 徐水 school (roster of 8, three categories):
 * as a file and as a share link, with its self-check deadline a month from today so the wizard
 * counts days left. A second school's plan, with a rubric pack for A6, is what replaces it.
 */
import fc from 'fast-check';
import { exportPlanText, makePlan, type SchoolPlan } from '../../src/lib/school/plan/plan-file';
import { planShareUrl } from '../../src/lib/school/plan/plan-link';
import { makePack } from '../../src/lib/rubrics/rubric-file';
import { abilityRubricArb } from '../support/rubric-arbitraries';
import { XUSHUI_PLAN } from '../support/plan-fixtures';

/** A day `days` from now, as YYYY-MM-DD in this machine's time zone (the browser's too). */
export function dayFromNow(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export const SUBMIT_BY = dayFromNow(30);

/** 徐水区实验小学's plan: the shared fixture with its deadlines moved into the future. */
export function schoolPlan(): SchoolPlan {
  const content = structuredClone(XUSHUI_PLAN);
  content.deadlines = [
    { stage: '提交自评', date: SUBMIT_BY },
    { stage: '教师组内互评', date: dayFromNow(45) },
    { stage: '信息化团队复评', date: dayFromNow(60) },
  ];
  return makePlan(content);
}

/** Another 徐水 school's plan, bringing the school's rubric pack for A6. */
export function secondPlan(): SchoolPlan {
  const plan = schoolPlan();
  plan.school.name = '徐水区第二小学';
  const [a6] = fc.sample(abilityRubricArb('A6'), { seed: 7, numRuns: 1 });
  plan.rubrics = makePack(
    { title: '本省校本应用考核指南', enteredBy: '信息化团队', enteredAt: '2026-03' },
    a6 ? [a6] : [],
  );
  return plan;
}

export const planFile = (name: string, plan: SchoolPlan) => ({
  name,
  mimeType: 'application/json',
  buffer: Buffer.from(exportPlanText(plan)),
});

/** The share link's fragment, without '#', as the principal's page makes it. */
export async function planFragment(plan: SchoolPlan): Promise<string> {
  const url = await planShareUrl('http://example.invalid/self-check/', plan);
  return url.slice(url.indexOf('#') + 1);
}
