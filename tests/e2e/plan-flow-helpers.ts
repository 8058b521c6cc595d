/**
 * Helpers for plan-flow.spec.ts: each person's own browser, files saved to disk as a person
 * saves a download, and the files the story does not make through the wizard (five teachers'
 * self-checks and the school's reviews of them, a 广州 teacher's file, a second school's
 * hand-off), built with the same fixture builders the other plan specs use.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { exportDraftText, type Draft } from '../../src/lib/self-check/draft';
import { exportReviewText } from '../../src/lib/review/review-file';
import { exportHandoffText, handoffFileName } from '../../src/lib/school/handoff/handoff-file';
import { handbookAbilities, makeDraft, makeReview, testId, type Level } from '../support/archive-fixtures';
import { buildHandoff } from './county-fixture';

export const SCHOOL = '徐水区实验小学';
export const [GROUP, TEAM, COUNTY] = ['教师组内互评', '信息化团队复评', '县级专家团队审核认定'];

/** A person's own browser (no shared storage with anyone else), with its page errors collected. */
export async function personPage(browser: Browser, baseURL: string | undefined) {
  const context = await browser.newContext({
    ...(baseURL ? { baseURL } : {}),
    serviceWorkers: 'block',
    locale: 'zh-CN',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  return { context, page, errors };
}

/** Clicks a button that downloads, and saves the file in `dir` under its suggested name. */
export async function saveDownload(page: Page, button: string, dir: string): Promise<string> {
  const pending = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const download = await pending;
  const path = join(dir, download.suggestedFilename());
  await download.saveAs(path);
  return path;
}

const ABILITIES = handbookAbilities();

interface Colleague {
  name: string;
  subject: string;
  levels: Record<string, Level>;
  reviews: [string, Level][];
}

/**
 * The five colleagues who did not go through the wizard in this story. Who stands where:
 * 李娜, 张伟 and 赵敏 passed both school stages (ready for the county); 刘洋 has only the
 * group's review (待复评); 陈静 failed the group's review (需修改).
 */
const COLLEAGUES: Colleague[] = [
  {
    name: '李娜',
    subject: '数学',
    levels: { C6: '合格' },
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
  {
    name: '赵敏',
    subject: '美术',
    levels: { C6: '合格' },
    reviews: [
      [GROUP, '合格'],
      [TEAM, '合格'],
    ],
  },
];

const write = (dir: string, name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const draftFile = (dir: string, draft: Draft) =>
  write(dir, `微能力自评_${draft.profile.name}.json`, exportDraftText(draft, new Date(draft.savedAt)));

/** The colleagues' self-check files, written to `dir`. */
export function colleagueSelfChecks(dir: string): string[] {
  return COLLEAGUES.map((c) => draftFile(dir, colleagueDraft(c)));
}

/** The school's reviews of the colleagues, written to `dir`. */
export function colleagueReviews(dir: string): string[] {
  return COLLEAGUES.flatMap((c) =>
    c.reviews.map(([stage, level]) =>
      write(
        dir,
        `评审意见_${c.name}_${stage}.json`,
        exportReviewText(
          makeReview(
            colleagueDraft(c),
            {
              stage,
              reviewer: stage === GROUP ? '数学组' : '信息化团队',
              reviewedAt: stage === GROUP ? '2025-06-01T08:00:00.000Z' : '2025-06-02T08:00:00.000Z',
              levels: Object.fromEntries(Object.keys(c.levels).map((code) => [code, level])),
            },
            ABILITIES,
          ),
        ),
      ),
    ),
  );
}

function colleagueDraft(c: Colleague): Draft {
  return makeDraft(
    {
      id: testId(9100 + COLLEAGUES.indexOf(c)),
      name: c.name,
      subject: c.subject,
      school: SCHOOL,
      region: 'xushui',
      savedAt: '2025-05-10T08:00:00.000Z',
      levels: c.levels,
    },
    ABILITIES,
  );
}

/** A teacher of a 广州 school whose self-check reached this school by mistake. */
export function guangzhouSelfCheck(dir: string): string {
  return draftFile(
    dir,
    makeDraft(
      {
        id: testId(9200),
        name: '陈晓',
        school: '广州市越秀区实验小学',
        region: 'guangzhou',
        savedAt: '2025-05-10T08:00:00.000Z',
        levels: { C5: '合格' },
      },
      ABILITIES,
    ),
  );
}

/** Another 徐水 school's hand-off: one teacher ready, one failed and one passed at the county. */
export function secondSchoolHandoff(dir: string): string {
  const handoff = buildHandoff(
    {
      school: '徐水区第二小学',
      idBase: 9300,
      savedAt: new Date('2025-06-21T08:00:00.000Z'),
      teachers: [
        { name: '周红', levels: { C5: '合格' } },
        { name: '吴刚', levels: { C6: '合格' }, county: '不合格' },
        { name: '郑洁', levels: { C7: '优秀' }, county: '优秀' },
      ],
    },
    ABILITIES,
  );
  return write(dir, handoffFileName(handoff), exportHandoffText(handoff));
}
