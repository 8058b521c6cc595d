/**
 * /review/ as a colleague and the school's team use it, and the review back in the teacher's
 * wizard: open a teacher's exported self-check (with a broken file in the batch), check the
 * evidence files (one the same, one swapped), grade an item differently from the teacher,
 * download the review file and the PDF and read both back, then 复评 on top of it, and the
 * teacher opening it.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { exportDraftText } from '../../src/lib/self-check/draft';
import { buildReviewFile } from '../../src/lib/review/review';
import { exportReviewText, importReviewText, type ReviewFile } from '../../src/lib/review/review-file';
import { teacherDraft } from '../support/teacher-draft';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { openReview } from './review-page';
import { pdfPagesText } from './pdf-text';

const CASE_BYTES = Buffer.from('案例视频的内容'.repeat(200));
const ACCOUNT_BYTES = Buffer.from('学生甲的录音'.repeat(100));
const SWAPPED_BYTES = Buffer.from('换过的另一段录音'.repeat(100));
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

const draft = teacherDraft({ case: sha(CASE_BYTES), account: sha(ACCOUNT_BYTES) });
const draftFile = {
  name: '微能力自评_王老师_20250401.json',
  mimeType: 'application/json',
  buffer: Buffer.from(exportDraftText(draft, new Date('2025-04-01T08:00:00.000Z'))),
};
const COMMENT = '数据来源较单一，建议补充问卷数据。';

const reviewItem = (page: Page, id: string) => page.locator(`[data-review-item="${id}"]`);

async function download(page: Page, click: () => Promise<void>) {
  const pending = page.waitForEvent('download');
  await click();
  const file = await pending;
  return { name: file.suggestedFilename(), path: await file.path() };
}

/** A downloaded file handed on under its own name, as a person forwards it. */
const upload = (file: { name: string; path: string }) => ({
  name: file.name,
  mimeType: 'application/json',
  buffer: readFileSync(file.path),
});

function readReview(path: string): ReviewFile {
  const result = importReviewText(readFileSync(path, 'utf8'));
  if (!result.ok) throw new Error(result.error);
  return result.review;
}

async function tickAll(card: Locator, legend: RegExp) {
  const boxes = card.getByRole('group', { name: legend }).getByRole('checkbox');
  for (const box of await boxes.all()) await box.check();
}

/** Presses Tab until `target` has the focus; fails if it is not reached. */
async function tabTo(page: Page, target: Locator, max = 120) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('not reached by Tab');
}

test.describe('review', () => {
  test('组内互评, then 复评 on it, then the teacher reads it in the wizard', async ({ page }) => {
    // One story across three pages with two PDFs and seven axe checks: longer than one page's test.
    test.setTimeout(180_000);
    await page.goto('/review/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('互评与复评');
    await expectNoAxeViolations(page);

    await page.getByLabel(/^姓名/).fill('李老师');
    await page.getByLabel(/^身份或职务/).fill('数学教研组长');
    // A batch: the teacher's file, a truncated copy and another app's file.
    await page
      .getByLabel('打开自评文件')
      .setInputFiles([
        draftFile,
        { name: '坏了.json', mimeType: 'application/json', buffer: draftFile.buffer.subarray(0, 200) },
        { name: '别的.json', mimeType: 'application/json', buffer: Buffer.from('{"app":"别的软件"}') },
      ]);
    const problems = page.getByRole('alert');
    await expect(problems).toContainText('坏了.json');
    await expect(problems).toContainText('不是有效的 JSON 文件');
    await expect(problems).toContainText('别的.json');
    await expect(page.getByRole('heading', { name: /评审：王老师/ })).toBeVisible();
    // Xushui names no stages; Baoding's (as Hebei's) apply.
    const stage = page.getByLabel('评审环节');
    await expect(stage).toHaveValue('教师组内互评');
    await expect(page.getByText(/按保定市文件规定的校本应用考核流程/)).toBeVisible();
    await expectNoAxeViolations(page);

    // The evidence the teacher shows: file name, size, duration and hash.
    const video = reviewItem(page, 'case-video');
    await expect(video).toContainText('分层作业的个别化指导');
    await expect(video).toContainText('案例.mp4');
    await expect(video).toContainText('9 分 0 秒');
    // Named 文件校验码 for reviewers, shortened; the whole value one click away.
    await expect(video.getByText(`文件校验码 ${sha(CASE_BYTES).slice(0, 8)}…`)).toBeVisible();
    await expect(video.getByText(sha(CASE_BYTES), { exact: true })).toBeHidden();
    await video.getByText(`文件校验码 ${sha(CASE_BYTES).slice(0, 8)}…`).click();
    await expect(video.getByText(sha(CASE_BYTES), { exact: true })).toBeVisible();
    await expect(video).not.toContainText('SHA-256');
    await expect(video).toContainText('硬性要求（按教师文件的类型、时长、份数和出镜确认重新核查）：符合');

    // Evidence check: the case video is the one self-checked, the student recording was swapped.
    await page.getByLabel('选择证据文件（可多选）').setInputFiles([
      { name: '案例.mp4', mimeType: 'video/mp4', buffer: CASE_BYTES },
      { name: '学生甲.m4a', mimeType: 'audio/mp4', buffer: SWAPPED_BYTES },
      { name: '学生乙.m4a', mimeType: 'audio/mp4', buffer: Buffer.from('学生乙的录音') },
    ]);
    const results = page.getByRole('list', { name: '核对结果' });
    await expect(results.locator('[data-verdict="same"]')).toContainText('案例.mp4：✓ 与自评时的文件一致');
    await expect(results.locator('[data-verdict="different"]')).toContainText(
      '学生甲.m4a：✗ 与自评时的文件不同',
    );
    await expect(results.locator('[data-verdict="unrecorded"]')).toContainText(
      '学生乙.m4a：? 自评时未记录文件校验码',
    );
    await expect(reviewItem(page, 'student-accounts')).toContainText('学生甲.m4a：与自评时的文件不同');
    await expectNoAxeViolations(page);

    // The teacher ticked everything (优秀); the reviewer finds the 合格 criteria and one 优秀 met.
    await expect(video.getByText('（教师自评：已勾选）')).toHaveCount(10);
    // Before the reviewer has ticked anything the item is not yet judged (未评), not 不合格.
    await expect(video.locator('[data-reviewer-status]')).toHaveText(/未评/);
    await expect(video).toHaveAttribute('data-differs', 'false');
    await tickAll(video, /^合格标准/);
    await video
      .getByRole('group', { name: /^优秀标准/ })
      .getByRole('checkbox')
      .first()
      .check();
    await expect(video.locator('[data-reviewer-status]')).toHaveText(/合格/);
    await expect(video).toHaveAttribute('data-differs', 'true');
    await expect(video.getByText('与教师自评不同')).toBeVisible();
    await expect(reviewItem(page, 'scenario')).toHaveAttribute('data-differs', 'false');
    await expect(page.locator('[data-reviewer-grade="C5"]')).toHaveText(/合格/);
    await video.getByLabel('对“案例展示”的评语').fill(COMMENT);
    await page.getByLabel('对 C5 的总体评语').fill('整体达到合格。');
    await expectNoAxeViolations(page);

    const saved = await download(page, () => page.getByRole('button', { name: '保存评审意见文件' }).click());
    expect(saved.name).toMatch(/^评审意见_王老师_教师组内互评_\d{8}\.json$/);
    const review = readReview(saved.path);
    expect(review).toMatchObject({
      reviewer: { name: '李老师', role: '数学教研组长' },
      stage: '教师组内互评',
      teacher: { name: '王老师' },
      draft: { id: draft.id },
      abilities: {
        C5: {
          grade: '合格',
          selfGrade: '优秀',
          comment: '整体达到合格。',
          items: {
            'case-video': {
              pass: [0, 1, 2, 3, 4],
              excellent: [0],
              comment: COMMENT,
              grade: '合格',
              selfGrade: '优秀',
              files: [{ name: '案例.mp4', verdict: 'same' }],
            },
            'student-accounts': { files: [{ verdict: 'different' }, { verdict: 'unrecorded' }] },
          },
        },
      },
    });

    // The PDF: the teacher's packet with the 组内互评 column and grade box filled in.
    const pdf = await download(page, () =>
      page.getByRole('button', { name: '生成填好“教师组内互评”栏的 PDF 证据包' }).click(),
    );
    expect(pdf.name).toMatch(/^微能力自评_王老师_教师组内互评_\d{8}\.pdf$/);
    const text = (await pdfPagesText(pdf.path)).join('').replace(/\s+/g, '');
    expect(text).toContain('王老师');
    expect(text).toContain('李老师（数学教研组长）');
    expect(text).toContain(COMMENT.replace(/\s+/g, ''));
    expect(text).toContain('教师组内互评');

    // 复评 on the same computer: the 组内互评 work comes back after a reload; the school team
    // clears it (this browser's copy only) and opens the self-check with the 组内互评 review.
    await page.reload();
    await expect(page.locator('[data-session-restored]')).toContainText('已恢复上次在本浏览器中的评审进度');
    await expect(page.getByLabel(/^姓名/)).toHaveValue('李老师');
    await page.getByRole('button', { name: '清除本机保存的评审进度' }).click();
    await page.getByRole('button', { name: '确定清除' }).click();
    await expect(page.getByRole('heading', { name: /评审：王老师/ })).toHaveCount(0);
    await page.getByLabel(/^姓名/).fill('张老师');
    await page.getByLabel(/^身份或职务/).fill('信息化团队');
    await page.getByLabel('打开自评文件').setInputFiles([draftFile, upload(saved)]);
    await expect(page.getByLabel('评审环节')).toHaveValue('信息化团队复评');
    await expect(page.getByText(/教师组内互评 · 李老师（数学教研组长）/)).toBeVisible();
    const recheck = reviewItem(page, 'case-video');
    await expect(recheck.locator('.earlier-item')).toContainText(`教师组内互评（李老师）：✓ 合格 ${COMMENT}`);
    await tickAll(recheck, /^合格标准/);
    await tickAll(recheck, /^优秀标准/);
    await expect(recheck).toHaveAttribute('data-differs', 'false');
    await expectNoAxeViolations(page);
    const second = await download(page, () => page.getByRole('button', { name: '保存评审意见文件' }).click());
    expect(readReview(second.path)).toMatchObject({
      stage: '信息化团队复评',
      reviewer: { name: '张老师' },
      abilities: { C5: { grade: '优秀', items: { 'case-video': { grade: '优秀' } } } },
    });
    const both = await download(page, () =>
      page.getByRole('button', { name: '生成填好“信息化团队复评”栏的 PDF 证据包' }).click(),
    );
    expect(both.name).toMatch(/^微能力自评_王老师_信息化团队复评_\d{8}\.pdf$/);
    const bothText = (await pdfPagesText(both.path)).join('').replace(/\s+/g, '');
    expect(bothText).toContain('李老师（数学教研组长）');
    expect(bothText).toContain('张老师（信息化团队）');

    // Back to the teacher: the wizard shows the review beside each item until dismissed.
    await page.goto('/self-check/');
    await page.getByLabel('打开自评文件').setInputFiles(draftFile);
    await page.getByRole('button', { name: '3. 逐项自查证据' }).click();
    await page.getByLabel('打开评审意见').setInputFiles(upload(saved));
    const editor = page.locator('[data-item-editor="case-video"]');
    const note = editor.locator('[data-review-note="教师组内互评"]');
    await expect(note).toContainText('教师组内互评（李老师，数学教研组长）评定：');
    await expect(note).toContainText('合格');
    await expect(note).toContainText(COMMENT);
    await expect(editor.locator('h4')).toContainText('优秀');
    await expect(page.locator('[data-review-note="教师组内互评"]').first()).toContainText('整体达到合格。');
    await expectNoAxeViolations(page);

    await page.reload();
    await expect(note).toContainText(COMMENT);
    // The summary shows the reviewer's grade of each ability beside the teacher's own.
    await page.getByRole('button', { name: '4. 自评结果' }).click();
    const summaryNote = page.locator('[data-summary="C5"] [data-review-note="教师组内互评"]');
    await expect(summaryNote).toContainText('合格');
    await expect(summaryNote).toContainText('整体达到合格。');
    await expect(page.locator('[data-summary="C5"]')).toContainText('优秀');
    await page.getByRole('button', { name: '3. 逐项自查证据' }).click();
    // The teacher changes the self-check: the review is now of an older one.
    await editor.getByLabel('证据标题').fill('分层作业的个别化指导（修改后）');
    await expect(note).toContainText('自评已更新，需重新评审');
    await expect(page.locator('[data-review-fit="outdated"]')).toContainText('自评已更新，需重新评审');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: /不再显示/ }).click();
    await expect(note).toHaveCount(0);
    await page.reload();
    await expect(editor).toBeVisible();
    await expect(page.locator('[data-review-note]')).toHaveCount(0);
  });

  test('the wizard tells a self-check from a review file, whichever button gets it', async ({ page }) => {
    await page.goto('/self-check/');
    await page.getByLabel('打开评审意见').setInputFiles(draftFile);
    await expect(page.getByRole('alert')).toContainText('这是教师的自评文件，不是评审意见文件');
    // …and a review file given to 打开自评文件 points to 打开评审意见.
    const review = buildReviewFile({
      draft,
      reviewer: { name: '李老师', role: '' },
      stage: '组内互评',
      reviewedAt: new Date(),
      abilities: [],
    });
    await page.getByLabel('打开自评文件').setInputFiles({
      name: '评审意见.json',
      mimeType: 'application/json',
      buffer: Buffer.from(exportReviewText(review)),
    });
    await expect(page.getByRole('alert').filter({ hasText: '评审意见.json' })).toContainText(
      '是评审意见文件，不是自评文件：请用“打开评审意见”打开它',
    );
  });

  test('keyboard only: open a self-check, tick a criterion, comment and save', async ({ page }) => {
    await openReview(page);
    await tabTo(page, page.getByLabel(/^姓名/));
    await page.keyboard.type('赵老师');
    const opener = page.getByLabel('打开自评文件');
    await tabTo(page, opener);
    const chooser = page.waitForEvent('filechooser');
    await page.keyboard.press('Space');
    await (await chooser).setFiles(draftFile);
    await expect(page.getByRole('heading', { name: /评审：王老师/ })).toBeVisible();

    const video = reviewItem(page, 'case-video');
    const first = video
      .getByRole('group', { name: /^合格标准/ })
      .getByRole('checkbox')
      .first();
    await tabTo(page, first);
    await page.keyboard.press('Space');
    await expect(first).toBeChecked();
    await tabTo(page, video.getByLabel('对“案例展示”的评语'));
    await page.keyboard.type('过程完整。');
    const save = page.getByRole('button', { name: '保存评审意见文件' });
    await tabTo(page, save);
    const saved = await download(page, () => page.keyboard.press('Enter'));
    expect(readReview(saved.path).abilities['C5']?.items['case-video']).toMatchObject({
      pass: [0],
      comment: '过程完整。',
      grade: '不合格',
    });
    await expectNoAxeViolations(page);
  });

  test('two teachers at once: each keeps what was entered; without a name nothing is saved', async ({
    page,
  }) => {
    const other = teacherDraft();
    other.id = '1a2b3c4d-0000-4000-8000-000000000002';
    other.profile = { ...other.profile, name: '陈老师', school: '徐水区第二中学' };
    await openReview(page);
    await page
      .getByLabel('打开自评文件')
      .setInputFiles([
        draftFile,
        { name: '陈老师.json', mimeType: 'application/json', buffer: Buffer.from(exportDraftText(other)) },
      ]);
    const tabs = page.getByRole('navigation', { name: '选择要评审的教师' });
    await expect(page.getByRole('heading', { name: /评审：王老师/ })).toBeVisible();
    await reviewItem(page, 'case-video')
      .locator('visible=true')
      .getByLabel('对“案例展示”的评语')
      .fill('王老师的评语');
    await tabs.getByRole('button', { name: /陈老师/ }).click();
    await expect(page.getByRole('heading', { name: /评审：陈老师/ })).toBeVisible();
    await expect(page.getByRole('heading', { name: /评审：王老师/ })).toBeHidden();
    await expect(page.getByLabel('对“案例展示”的评语').locator('visible=true')).toHaveValue('');
    await tabs.getByRole('button', { name: /王老师/ }).click();
    await expect(page.getByLabel('对“案例展示”的评语').locator('visible=true')).toHaveValue('王老师的评语');
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: '保存评审意见文件' }).click();
    await expect(page.getByRole('alert')).toContainText('请先在页面上方填写评审人姓名');
    await expect(page.getByLabel(/^姓名/)).toBeFocused();
  });
});
