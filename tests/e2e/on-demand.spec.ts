/**
 * Parts of the wizard most teachers never use (a review sent back, the rubric editor) are
 * fetched when first needed. On an http intranet there is no offline copy, and Wi-Fi drops: the
 * part then says so, the wizard and the draft stay, and 重试 brings it once the network is back.
 */
import type { Page } from '@playwright/test';
import { exportDraftText } from '../../src/lib/self-check/draft';
import { buildReviewFile } from '../../src/lib/review/review';
import { exportReviewText } from '../../src/lib/review/review-file';
import { teacherDraft } from '../support/teacher-draft';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { toEvidence } from './self-check-helpers';

// The dropped fetch is logged by the browser and by React's error boundary, on purpose.
test.use({
  expectedConsoleErrors: /Failed to load resource|dynamically imported module|ERR_INTERNET_DISCONNECTED/,
});

const draft = teacherDraft();
const jsonFile = (name: string, text: string) => ({
  name,
  mimeType: 'application/json',
  buffer: Buffer.from(text),
});
const reviewText = exportReviewText(
  buildReviewFile({
    draft,
    reviewer: { name: '李老师', role: '数学组' },
    stage: '组内互评',
    reviewedAt: new Date('2025-04-03T09:00:00.000Z'),
    abilities: [],
  }),
);

const recheckText = exportReviewText(
  buildReviewFile({
    draft,
    reviewer: { name: '张老师', role: '信息化团队' },
    stage: '复评',
    reviewedAt: new Date('2025-04-05T09:00:00.000Z'),
    abilities: [],
  }),
);

/** Records which of the site's scripts a page asks for, by file name. */
function scriptsAsked(page: Page): string[] {
  const asked: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') asked.push(new URL(r.url()).pathname.split('/').pop() ?? '');
  });
  return asked;
}

test('a review sent back: fetched only when opened; a dropped connection says so and 重试 brings it', async ({
  page,
}) => {
  const asked = scriptsAsked(page);
  await page.goto('/self-check/');
  await page
    .getByLabel('打开自评文件')
    .setInputFiles(jsonFile('微能力自评_王老师.json', exportDraftText(draft)));
  await expect(page.getByRole('status').filter({ hasText: '已打开' })).toBeVisible();
  expect(asked.filter((f) => f.startsWith('ReviewFeedback'))).toEqual([]);

  await page.context().setOffline(true);
  await page.getByLabel('打开评审意见').setInputFiles(jsonFile('评审意见_王老师.json', reviewText));
  const failed = page.getByRole('alert').filter({ hasText: '“评审意见”这部分没能载入' });
  await expect(failed).toBeVisible();
  // The wizard and the teacher's self-check are still there.
  await expect(page.getByRole('heading', { name: /第 4 步：自评结果/ })).toBeVisible();
  await expect(page.getByText('王老师').first()).toBeVisible();
  await expectNoAxeViolations(page);

  await page.context().setOffline(false);
  await failed.getByRole('button', { name: '重试' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: '已打开评审意见“评审意见_王老师.json”' }),
  ).toBeVisible();
  await expect(page.getByRole('list', { name: '已打开的评审意见' })).toContainText(
    '组内互评（李老师，数学组）',
  );
  await expect(failed).toHaveCount(0);

  // Kept in this browser: the next visit fetches the review part by itself.
  asked.length = 0;
  await page.reload();
  await expect(page.getByRole('list', { name: '已打开的评审意见' })).toContainText(
    '组内互评（李老师，数学组）',
  );
  expect(asked.some((f) => f.startsWith('ReviewFeedback'))).toBe(true);
});

test('the rubric editor: a dropped connection says so, and 重试 opens it', async ({ page }) => {
  const asked = scriptsAsked(page);
  await toEvidence(page, 'A2');
  expect(asked.filter((f) => f.startsWith('CustomRubricEditor'))).toEqual([]);

  await page.context().setOffline(true);
  await page.getByRole('button', { name: '录入本地考核指南的标准' }).click();
  const failed = page.getByRole('alert').filter({ hasText: '“录入评价标准”这部分没能载入' });
  await expect(failed).toBeVisible();
  await expectNoAxeViolations(page);

  await page.context().setOffline(false);
  await failed.getByRole('button', { name: '重试' }).click();
  await page.getByLabel('名称', { exact: true }).fill('资源评价报告');
  await expect(page.locator('.save-state')).toContainText('已自动保存录入的标准');
});

test('two reviews picked one after the other while the review part is on its way are both opened', async ({
  page,
}) => {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/ReviewFeedback\.[^/]*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/self-check/');
  await page
    .getByLabel('打开自评文件')
    .setInputFiles(jsonFile('微能力自评_王老师.json', exportDraftText(draft)));
  await page.getByLabel('打开评审意见').setInputFiles(jsonFile('评审意见_组内互评.json', reviewText));
  await expect(page.getByRole('status').filter({ hasText: '正在打开评审意见' })).toBeVisible();
  await page.getByLabel('打开评审意见').setInputFiles(jsonFile('评审意见_复评.json', recheckText));
  release();

  const list = page.getByRole('list', { name: '已打开的评审意见' });
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(list).toContainText('组内互评（李老师，数学组）');
  await expect(list).toContainText('复评（张老师，信息化团队）');
  await expect(
    page.getByRole('status').filter({ hasText: '已打开评审意见“评审意见_组内互评.json”' }),
  ).toBeVisible();
  await expect(
    page.getByRole('status').filter({ hasText: '已打开评审意见“评审意见_复评.json”' }),
  ).toBeVisible();
});
