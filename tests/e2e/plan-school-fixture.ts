/**
 * The principal's side of a 徐水 school's round (tests/e2e/plan-school.spec.ts): the school's plan
 * (roster of 8, tests/support/plan-fixtures.ts), seven teachers' self-checks and the reviews of
 * them made with the real file libraries, one teacher who hands in nothing, and one file from a
 * 广州 school. Who stands where, by design:
 * - 王芳 (骨干) C5 C6 C7, both school stages passed: ready for the county (rule unmet: no A1);
 * - 李娜 (骨干) C5 C6 C7, both passed: ready;
 * - 张伟 (其他) C5, both passed: ready (rule unmet: 1 of 3);
 * - 刘洋 (其他) C5, 组内互评 only: 待复评;
 * - 陈静 (其他) C5, 组内互评 不合格: 需修改;
 * - 杨光 (其他) C5, no review: 未评审;
 * - 赵敏 (50岁以上) C6, both passed: ready, rule met;
 * - 孙丽: nothing handed in;
 * - 陈晓 of 广州市越秀区实验小学: not ours.
 */
import type { Page } from '@playwright/test';
import { exportDraftText, type Draft } from '../../src/lib/self-check/draft';
import { exportReviewText } from '../../src/lib/review/review-file';
import { exportPlanText, type SchoolPlan } from '../../src/lib/school/plan/plan-file';
import { handbookAbilities, makeDraft, makeReview, testId, type Level } from '../support/archive-fixtures';
import { xushuiPlan } from '../support/plan-fixtures';

export const ABILITIES = handbookAbilities();
export const PLAN: SchoolPlan = xushuiPlan();
export const SCHOOL = PLAN.school.name;
export const [GROUP, TEAM, COUNTY] = ['教师组内互评', '信息化团队复评', '县级专家团队审核认定'];

interface Teacher {
  name: string;
  subject: string;
  levels: Record<string, Level>;
  /** The stages reviewed, each at the level given for every ability. */
  reviews: [string, Level][];
  school?: string;
  region?: string;
}

const TEACHERS: Teacher[] = [
  {
    name: '王芳',
    subject: '语文',
    levels: { C5: '优秀', C6: '合格', C7: '合格' },
    reviews: [
      [GROUP, '合格'],
      [TEAM, '合格'],
    ],
  },
  {
    name: '李娜',
    subject: '数学',
    levels: { C5: '合格', C6: '合格', C7: '合格' },
    reviews: [
      [GROUP, '合格'],
      [TEAM, '合格'],
    ],
  },
  {
    name: '张伟',
    subject: '英语',
    levels: { C5: '合格' },
    reviews: [
      [GROUP, '合格'],
      [TEAM, '优秀'],
    ],
  },
  { name: '刘洋', subject: '科学', levels: { C5: '合格' }, reviews: [[GROUP, '合格']] },
  { name: '陈静', subject: '音乐', levels: { C5: '合格' }, reviews: [[GROUP, '不合格']] },
  { name: '杨光', subject: '体育', levels: { C5: '合格' }, reviews: [] },
  {
    name: '赵敏',
    subject: '美术',
    levels: { C6: '合格' },
    reviews: [
      [GROUP, '合格'],
      [TEAM, '合格'],
    ],
  },
  {
    name: '陈晓',
    subject: '语文',
    school: '广州市越秀区实验小学',
    region: 'guangzhou',
    levels: { C5: '合格' },
    reviews: [['组内互评', '合格']],
  },
];

export interface UploadFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

const json = (name: string, text: string): UploadFile => ({
  name,
  mimeType: 'application/json',
  buffer: Buffer.from(text),
});

export const DRAFTS: Record<string, Draft> = Object.fromEntries(
  TEACHERS.map((t, i) => [
    t.name,
    makeDraft(
      {
        id: testId(7100 + i),
        name: t.name,
        subject: t.subject,
        school: t.school ?? SCHOOL,
        region: t.region ?? 'xushui',
        levels: t.levels,
      },
      ABILITIES,
    ),
  ]),
);

const draftOf = (name: string): Draft => {
  const d = DRAFTS[name];
  if (!d) throw new Error(`no draft for ${name}`);
  return d;
};

/** Every teacher's self-check file and the school's review files, as the principal collected them. */
export function schoolFiles(): UploadFile[] {
  const files: UploadFile[] = [];
  for (const t of TEACHERS) {
    const draft = draftOf(t.name);
    files.push(json(`微能力自评_${t.name}.json`, exportDraftText(draft, new Date(draft.savedAt))));
    for (const [i, [stage, level]] of t.reviews.entries()) {
      const levels = Object.fromEntries(Object.keys(t.levels).map((c) => [c, level]));
      const review = makeReview(
        draft,
        {
          stage,
          reviewer: stage === GROUP || stage === '组内互评' ? '周老师' : '信息化团队',
          reviewedAt: `2025-06-0${i + 1}T08:00:00.000Z`,
          levels,
        },
        ABILITIES,
      );
      files.push(json(`评审意见_${t.name}_${stage}.json`, exportReviewText(review)));
    }
  }
  return files;
}

/** The county's review file for 王芳 made on /review/ at 县级专家团队审核认定: every ability 合格. */
export function countyReviewFile(): UploadFile {
  const draft = draftOf('王芳');
  const review = makeReview(
    draft,
    {
      stage: COUNTY,
      reviewer: '徐水区专家组',
      role: '县级专家',
      reviewedAt: '2025-06-20T08:00:00.000Z',
      levels: { C5: '合格', C6: '合格', C7: '合格' },
    },
    ABILITIES,
  );
  return json('评审意见_王芳_县级专家团队审核认定.json', exportReviewText(review));
}

/**
 * Stores the plan in the page's browser the way the plan page does (plan-store.ts: the
 * 'school-plan' key of IndexedDB 'weinengli', store 'school'), then reloads so /school/ reads it.
 */
export async function seedPlan(page: Page, plan: SchoolPlan = PLAN): Promise<void> {
  await page.evaluate(async (text) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('weinengli', 1);
      req.onupgradeneeded = () => {
        if (!req.result.objectStoreNames.contains('school')) req.result.createObjectStore('school');
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('school', 'readwrite');
      tx.objectStore('school').put(text, 'school-plan');
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, exportPlanText(plan));
}
