/**
 * The reviewer's side of the school plan story (plan-review.spec.ts): a 徐水 school's plan with
 * a roster of eight, two reviewers at 教师组内互评 and the IT team at 信息化团队复评, its share
 * link, and the teachers' C5 self-check files as the wizard exports them.
 */
import { readFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { makePlan, type SchoolPlan } from '../../src/lib/school/plan/plan-file';
import { planShareUrl } from '../../src/lib/school/plan/plan-link';
import { exportDraftText, type Draft } from '../../src/lib/self-check/draft';
import { importReviewText, type ReviewFile } from '../../src/lib/review/review-file';
import { teacherDraft } from '../support/teacher-draft';
import { expect } from './fixtures';

export const SCHOOL = '徐水区实验小学';

const ROSTER = ['王芳', '李娜', '张伟', '刘洋', '陈静', '杨光', '赵敏', '孙丽'] as const;

export function xushuiPlan(school = SCHOOL): SchoolPlan {
  return makePlan(
    {
      school: { name: school, region: 'xushui', round: '2024—2025 学年' },
      deadlines: [
        { stage: '提交自评', date: '2025-05-15' },
        { stage: '教师组内互评', date: '2025-05-31' },
        { stage: '信息化团队复评', date: '2025-06-15' },
      ],
      categories: [
        { name: '50岁以上', rule: { count: 1, atLeast: [], required: [], offered: [] } },
        { name: '其他', rule: { count: 3, atLeast: [], required: [], offered: [] } },
      ],
      roster: ROSTER.map((name, i) => ({
        name,
        subject: i % 2 === 0 ? '语文' : '数学',
        stage: '小学',
        category: i >= 6 ? '50岁以上' : '其他',
      })),
      stages: [
        { name: '教师组内互评', outside: false, sampled: false },
        { name: '信息化团队复评', outside: false, sampled: false },
        { name: '县级专家团队审核认定', outside: true, sampled: false },
        { name: '省市抽查', outside: true, sampled: true },
      ],
      assignments: [
        { reviewer: '语文组', stage: '教师组内互评', teachers: ['王芳', '孙丽'] },
        {
          reviewer: '数学组',
          stage: '教师组内互评',
          teachers: ['李娜', '张伟', '刘洋', '陈静', '杨光', '赵敏'],
        },
        { reviewer: '信息化团队', stage: '信息化团队复评', teachers: [...ROSTER] },
      ],
    },
    new Date('2025-03-01T08:00:00.000Z'),
  );
}

/** The plan's link to /review/, as the principal posts it in the staff chat. */
export async function planLink(plan: SchoolPlan = xushuiPlan()): Promise<string> {
  const url = await planShareUrl('http://example.invalid/review/', plan);
  return `/review/${url.slice(url.indexOf('#'))}`;
}

/** A teacher's C5 self-check (the review tests' draft) under the teacher's own name. */
export function selfCheck(name: string, n: number, savedAt = '2025-05-10T08:00:00.000Z'): Draft {
  const d = teacherDraft();
  return {
    ...d,
    id: `5c1e0a7b-2d3f-4a6b-9c8d-${String(n).padStart(12, '0')}`,
    savedAt,
    profile: { ...d.profile, name, school: SCHOOL },
  };
}

/** The teacher rewrites the scenario and exports again: a resubmission of the same self-check. */
export function resubmitted(draft: Draft): Draft {
  const c5 = draft.evidence['C5'];
  const scenario = c5?.items['scenario'];
  if (!c5 || !scenario) throw new Error('fixture');
  return {
    ...draft,
    savedAt: '2025-05-20T08:00:00.000Z',
    evidence: {
      ...draft.evidence,
      C5: {
        ...c5,
        items: { ...c5.items, scenario: { ...scenario, description: '初二（3）班分层作业，补充了课堂观察' } },
      },
    },
  };
}

export const fileOf = (draft: Draft) => ({
  name: `微能力自评_${draft.profile.name}_${draft.savedAt.slice(0, 10).replaceAll('-', '')}.json`,
  mimeType: 'application/json',
  buffer: Buffer.from(exportDraftText(draft, new Date(draft.savedAt))),
});

/** A downloaded review, read back, and the file to hand on. */
export async function savedReview(
  page: Page,
): Promise<{ review: ReviewFile; file: ReturnType<typeof fileOf> }> {
  const pending: Promise<Download> = page.waitForEvent('download');
  await page.getByRole('button', { name: '保存评审意见文件' }).click();
  const download = await pending;
  const buffer = readFileSync(await download.path());
  const read = importReviewText(buffer.toString('utf8'));
  if (!read.ok) throw new Error(read.error);
  return {
    review: read.review,
    file: { name: download.suggestedFilename(), mimeType: 'application/json', buffer },
  };
}

/** One teacher's line in the list of one stage. */
export const assigned = (page: Page, stage: string, name: string) =>
  page.locator(`[data-assigned-stage="${stage}"] [data-assigned-teacher="${name}"]`);

export async function expectAssigned(page: Page, stage: string, expected: Record<string, string>) {
  const lines = page.locator(`[data-assigned-stage="${stage}"] [data-assigned-teacher]`);
  await expect(lines).toHaveCount(Object.keys(expected).length);
  for (const [name, state] of Object.entries(expected))
    await expect(assigned(page, stage, name), name).toHaveAttribute('data-state', state);
}
