/**
 * A teacher resubmits after a review has begun: the teacher exports a C6 self-check from the
 * wizard, a colleague ticks and comments both graded items on /review/, the teacher changes one
 * of them and exports again, and the colleague opens the new file. The unchanged item keeps its
 * ticks and comment; the changed one is marked, its ticks cleared and its comment kept with a
 * note; the marks are still there after a reload. Teacher and reviewer each have their own
 * browser.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { importReviewText } from '../../src/lib/review/review-file';
import { importDraftText } from '../../src/lib/self-check/draft';
import { draftContentHash } from '../../src/lib/self-check/draft-hash';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { openReview } from './review-page';
import { item, savedNow, toEvidence } from './self-check-helpers';

const MEDIA = join(import.meta.dirname, '../fixtures/media');
const CASE_VIDEO = join(MEDIA, 'case-9min.webm');

const VIDEO_COMMENT = '案例分析紧扣模型，过程清楚。';
const MODEL_COMMENT = '模型的适用范围可以写得更具体。';

/** The teacher's 保存自评文件, handed on under its own name. */
async function exportSelfCheck(page: Page) {
  const pending = page.waitForEvent('download');
  await page.getByRole('button', { name: '保存自评文件' }).click();
  const file = await pending;
  return {
    name: file.suggestedFilename(),
    mimeType: 'application/json',
    buffer: readFileSync(await file.path()),
  };
}

const boxes = (card: Locator, legend: RegExp) =>
  card.getByRole('group', { name: legend }).getByRole('checkbox');

async function tickAll(card: Locator, legend: RegExp) {
  const all = await boxes(card, legend).all();
  expect(all.length).toBeGreaterThan(0);
  for (const box of all) await box.check();
}

test('a resubmitted self-check keeps the review of every unchanged item and marks the changed one', async ({
  browser,
  baseURL,
  page: teacher,
}) => {
  // Two people, media read and hashed in the wizard, two exports and three axe checks.
  test.setTimeout(180_000);

  // 1. The teacher self-checks C6 and exports.
  await toEvidence(teacher, 'C6');
  const model = item(teacher, 'model-introduction');
  await model.getByLabel('证据标题').fill('学困生识别的数据模型');
  await model.getByLabel('简要说明').fill('用三次单元测验的成绩和作业完成率识别学困生。');
  await expect(model.getByText('已填写证据标题和简要说明，这项证据按已提交计。')).toBeVisible();
  await tickAll(model, /合格标准/);
  const video = item(teacher, 'case-analysis');
  await video.getByLabel(/选择本地文件/).setInputFiles(CASE_VIDEO);
  await expect(video.getByText(/文件校验码 [0-9a-f]{8}…/)).toBeVisible();
  await video.getByLabel('视频中出现了我本人的形象').check();
  await video.getByLabel('这项证据我已准备好').check();
  await tickAll(video, /合格标准/);
  await savedNow(teacher);
  const first = await exportSelfCheck(teacher);

  // 2. A colleague, in their own browser, reviews both items with ticks and comments.
  const context = await browser.newContext({ ...(baseURL ? { baseURL } : {}), serviceWorkers: 'block' });
  const reviewer = await context.newPage();
  const errors: string[] = [];
  reviewer.on('pageerror', (err) => errors.push(err.message));
  reviewer.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  await openReview(reviewer);
  await reviewer.getByLabel(/^姓名/).fill('李老师');
  await reviewer.getByLabel('打开自评文件').setInputFiles(first);
  await expect(reviewer.getByRole('heading', { name: /评审：王晓红/ })).toBeVisible();
  const card = (id: string) => reviewer.locator(`[data-review-item="${id}"]`);
  await tickAll(card('case-analysis'), /^合格标准/);
  await boxes(card('case-analysis'), /^优秀标准/)
    .first()
    .check();
  const videoComment = card('case-analysis').getByLabel('对“应用案例分析”的评语');
  await videoComment.fill(VIDEO_COMMENT);
  await tickAll(card('model-introduction'), /^合格标准/);
  const modelComment = card('model-introduction').getByLabel('对“模型介绍”的评语');
  await modelComment.fill(MODEL_COMMENT);
  await reviewer.getByLabel('对 C6 的总体评语').fill('整体达到合格。');
  await expect(reviewer.locator('[data-session-saved]')).toBeVisible();
  const ticked = (id: string) =>
    boxes(card(id), /^(合格|优秀)标准/).evaluateAll((els) =>
      els.map((el) => (el as HTMLInputElement).checked),
    );
  const videoTicks = await ticked('case-analysis');
  expect(videoTicks.filter(Boolean)).toHaveLength(
    (await boxes(card('case-analysis'), /^合格标准/).count()) + 1,
  );
  expect((await ticked('model-introduction')).filter(Boolean).length).toBeGreaterThan(0);

  // 3. The teacher rewrites the model's description and exports again.
  await model.getByLabel('简要说明').fill('用三次单元测验的成绩、作业完成率和课堂提问记录识别学困生。');
  await savedNow(teacher);
  const second = await exportSelfCheck(teacher);

  // 4. The colleague opens the new file into the same session.
  await reviewer.getByLabel('打开自评文件').setInputFiles(second);
  await expect(reviewer.getByRole('status').filter({ hasText: '教师重新提交' })).toContainText(
    '1 项证据自上次评审后已修改，已标出，其勾选已清除、评语保留；其余证据沿用原来的勾选和评语。',
  );
  await expect(reviewer.locator('[data-resubmitted]')).toContainText('1 项证据自上次评审后已修改');

  // The unchanged item: ticks and comment as they were, no mark.
  await expect(card('case-analysis')).toHaveAttribute('data-changed', 'false');
  expect(await ticked('case-analysis')).toEqual(videoTicks);
  await expect(videoComment).toHaveValue(VIDEO_COMMENT);
  await expect(videoComment).not.toHaveAttribute('aria-describedby');

  // The changed item: marked, ticks cleared, comment kept with a note that it predates the change.
  const changed = card('model-introduction');
  await expect(changed).toHaveAttribute('data-changed', 'true');
  await expect(changed.locator('[data-changed-mark]')).toHaveText(
    '自上次评审后已修改：证据内容（说明、文件或硬性要求的填报）。请按修改后的内容重新勾选。',
  );
  for (const box of await boxes(changed, /^(合格|优秀)标准/).all()) await expect(box).not.toBeChecked();
  await expect(modelComment).toHaveValue(MODEL_COMMENT);
  await expect(modelComment).toHaveAccessibleDescription(
    '这条评语是针对修改前的证据写的，请核对是否仍然适用。',
  );
  await expect(changed).toContainText('课堂提问记录');
  await expect(reviewer.getByLabel('对 C6 的总体评语')).toHaveValue('整体达到合格。');
  await expect(reviewer.getByLabel('对 C6 的总体评语')).toHaveAccessibleDescription(/本能力点有证据已修改/);
  await expectNoAxeViolations(reviewer);

  // The marks are part of the work kept in the browser: a reload brings them back.
  await expect(reviewer.locator('[data-session-saved]')).toBeVisible();
  await reviewer.reload();
  await expect(reviewer.locator('.review-app')).toHaveAttribute('data-ready', 'true');
  await expect(changed).toHaveAttribute('data-changed', 'true');
  await expect(modelComment).toHaveValue(MODEL_COMMENT);
  expect(await ticked('case-analysis')).toEqual(videoTicks);
  await expect(reviewer.locator('[data-resubmitted]')).toBeVisible();
  await expectNoAxeViolations(reviewer);

  // The reviewer judges the changed item again and saves: the review file is of the new version
  // and holds both items.
  await tickAll(changed, /^合格标准/);
  const pending = reviewer.waitForEvent('download');
  await reviewer.getByRole('button', { name: '保存评审意见文件' }).click();
  const saved = importReviewText(readFileSync(await (await pending).path(), 'utf8'));
  if (!saved.ok) throw new Error(saved.error);
  const secondDraft = importDraftText(second.buffer.toString('utf8'));
  if (!secondDraft.ok) throw new Error(secondDraft.error);
  expect(saved.review.draft.contentHash).toBe(draftContentHash(secondDraft.draft));
  expect(saved.review.abilities['C6']?.items).toMatchObject({
    'case-analysis': { excellent: [0], comment: VIDEO_COMMENT },
    'model-introduction': { comment: MODEL_COMMENT },
  });
  expect(saved.review.abilities['C6']?.items['model-introduction']?.pass.length).toBeGreaterThan(0);
  await context.close();
  expect(errors).toEqual([]);
});
