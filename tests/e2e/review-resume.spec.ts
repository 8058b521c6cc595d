/**
 * 以此继续评审 on /review/: a reviewer opens a teacher's self-check with an earlier review of it and
 * takes that review up. A review of this very self-check comes back whole; once the reviewer has
 * ticked or written something, the page asks before replacing it; a review of an earlier version
 * of the self-check brings back its comments only, and says why the ticks did not come.
 */
import type { Page } from '@playwright/test';
import { exportDraftText } from '../../src/lib/self-check/draft';
import { buildReviewFile } from '../../src/lib/review/review';
import { exportReviewText } from '../../src/lib/review/review-file';
import { teacherDraft } from '../support/teacher-draft';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { openReview } from './review-page';

const draft = teacherDraft();
const draftFile = (d = draft) => ({
  name: '微能力自评_王老师_20250401.json',
  mimeType: 'application/json',
  buffer: Buffer.from(exportDraftText(d, new Date(d.savedAt))),
});

/**
 * 李老师's 组内互评 of `of`: two of the case video's 合格 criteria ticked (so 不合格 by the rule),
 * and two comments. Built without the handbook's rubric (e2e tests do not read the content
 * collections); a file records the reviewer's ticks as indexes, which is all that is taken up.
 */
function reviewFile(of = draft) {
  const file = buildReviewFile({
    draft: of,
    reviewer: { name: '李老师', role: '教研组长' },
    stage: '教师组内互评',
    reviewedAt: new Date('2025-04-02T09:30:00.000Z'),
    abilities: [],
  });
  file.abilities = {
    C5: {
      comment: '整体合格。',
      items: { 'case-video': { excellent: [], pass: [0, 1], comment: '数据来源单一。', grade: '不合格' } },
    },
  };
  return {
    name: '评审意见_王老师_教师组内互评_20250402.json',
    mimeType: 'application/json',
    buffer: Buffer.from(exportReviewText(file)),
  };
}

const video = (page: Page) => page.locator('[data-review-item="case-video"]');
const passBoxes = (page: Page) =>
  video(page)
    .getByRole('group', { name: /^合格标准/ })
    .getByRole('checkbox');

test.describe('以此继续评审', () => {
  test('a review of this self-check comes back whole; the page asks before replacing entries', async ({
    page,
  }) => {
    await openReview(page);
    await page.getByLabel(/^姓名/).fill('赵老师');
    await page.getByLabel('打开自评文件').setInputFiles([draftFile(), reviewFile()]);
    await expect(page.getByRole('heading', { name: /评审：王老师/ })).toBeVisible();

    const resume = page.getByRole('button', { name: /^以此继续评审\s*（教师组内互评）/ });
    await resume.click();
    await expect(page.getByText('已载入李老师的教师组内互评意见，可以继续修改。')).toBeVisible();
    await expect(passBoxes(page).nth(0)).toBeChecked();
    await expect(passBoxes(page).nth(1)).toBeChecked();
    await expect(passBoxes(page).nth(2)).not.toBeChecked();
    await expect(page.getByLabel('对“案例展示”的评语')).toHaveValue('数据来源单一。');
    await expect(page.getByLabel('对 C5 的总体评语')).toHaveValue('整体合格。');
    // The reviewer's own name stays.
    await expect(page.getByLabel(/^姓名/)).toHaveValue('赵老师');

    // The reviewer goes on; taking the file up again would replace that: the page asks, 取消 keeps it.
    await passBoxes(page).nth(2).check();
    await resume.click();
    const question = page.getByRole('group', { name: '确认以教师组内互评意见继续评审' });
    await expect(question).toContainText('载入这份意见会替换您在本页已做的勾选和评语。');
    await expect(question.getByRole('button', { name: '取消' })).toBeFocused();
    await expectNoAxeViolations(page);
    await page.keyboard.press('Enter');
    await expect(question).toBeHidden();
    await expect(passBoxes(page).nth(2)).toBeChecked();

    // Confirmed, the file's entries replace the page's.
    await resume.click();
    await question.getByRole('button', { name: '确定载入' }).click();
    await expect(passBoxes(page).nth(2)).not.toBeChecked();
    await expect(passBoxes(page).nth(0)).toBeChecked();
  });

  test('a review of an earlier version brings back its comments, not its ticks, and says so', async ({
    page,
  }) => {
    // The teacher changed a description after 李老师's review and exported again.
    const changed = structuredClone(draft);
    const scenario = changed.evidence['C5']?.items['scenario'];
    if (scenario) scenario.description = '初二（3）班分层作业，改为两个课时';
    changed.savedAt = '2025-04-03T08:00:00.000Z';

    await openReview(page);
    await page.getByLabel(/^姓名/).fill('赵老师');
    await page.getByLabel('打开自评文件').setInputFiles([draftFile(changed), reviewFile(draft)]);
    await expect(page.getByText('自评已更新，需重新评审：教师在这份意见之后修改了自评。')).toBeVisible();

    await page.getByRole('button', { name: /^以此继续评审\s*（教师组内互评）/ }).click();
    const note = page.getByRole('alert').filter({ hasText: '写于教师修改自评之前' });
    await expect(note).toContainText('原来的勾选（1 项证据）没有载入');
    for (const box of await passBoxes(page).all()) await expect(box).not.toBeChecked();
    await expect(page.getByLabel('对“案例展示”的评语')).toHaveValue('数据来源单一。');
    await expect(page.getByLabel('对 C5 的总体评语')).toHaveValue('整体合格。');
    await expectNoAxeViolations(page);
  });
});
