/**
 * Assessment day (issue 18): evidence a teacher typed out without ticking 这项证据我已准备好 is
 * submitted everywhere — in the wizard, the exported file, /review/ and both PDFs — and a 优秀
 * criterion that repeats a 合格 one (greyed in the wizard, 勾选一次即可) prints 满足 whenever the
 * item is 优秀. Then the review page's wording: the school's rubric named as the wizard names it,
 * 未评 before the reviewer has judged, and one line when 优秀 leaves a 合格 criterion unticked.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { exportDraftText, importDraftText, type Draft } from '../../src/lib/self-check/draft';
import { isPresent } from '../../src/lib/grading/grading';
import type { ReviewFile } from '../../src/lib/review/review-file';
import { teacherDraft } from '../support/teacher-draft';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { pdfPagesText } from './pdf-text';
import { abilityGrade, item, toEvidence } from './self-check-helpers';
import { openReview } from './review-page';

const MEDIA = join(import.meta.dirname, '../fixtures/media');
const TITLE = '学习风格自测问卷模型介绍';
const DESCRIPTION =
  '模型的来源与背景：所罗门学习风格量表。\n适用对象：初中学生；应用方法：课前测、课后分组。';
const compact = (text: string) => text.replace(/\s+/g, '');

async function download(page: Page, click: () => Promise<void>) {
  const pending = page.waitForEvent('download');
  await click();
  const file = await pending;
  return { name: file.suggestedFilename(), path: await file.path() };
}

const reviewItem = (page: Page, id: string) => page.locator(`[data-review-item="${id}"]`);

test.describe('typed-out evidence and the shared criterion, from the wizard to the review', () => {
  test('C6 模型介绍 typed, not ticked ready: submitted in the file, /review/ and the PDFs', async ({
    page,
  }) => {
    // The wizard, two PDFs and the review page in one story.
    test.setTimeout(180_000);
    await toEvidence(page, 'C6');
    const intro = item(page, 'model-introduction');
    await intro.getByLabel('证据标题').fill(TITLE);
    await intro.getByLabel('简要说明').fill(DESCRIPTION);
    await expect(intro).toContainText('已填写证据标题和简要说明，这项证据按已提交计。');
    // 合格 #1 is 优秀 #1 word for word: ticked once, in the 合格 list; the 优秀 box follows greyed.
    for (const box of await intro
      .getByRole('group', { name: /^合格标准/ })
      .getByRole('checkbox')
      .all())
      await box.check();
    const excellent = intro.getByRole('group', { name: /^优秀标准/ }).getByRole('checkbox');
    await expect(excellent.first()).toBeChecked();
    for (const box of (await excellent.all()).slice(1)) await box.check();
    await expect(intro.locator('[data-grade]').first()).toHaveText(/优秀/);

    const video = item(page, 'case-analysis');
    await video.getByLabel(/选择本地文件/).setInputFiles(join(MEDIA, 'case-9min.webm'));
    await expect(video.getByText(/时长 9 分 0 秒/)).toBeVisible();
    await video.getByLabel('视频中出现了我本人的形象').check();
    for (const box of await video.locator('.criteria-check').getByRole('checkbox').all()) await box.check();
    await expect(video.locator('[data-grade]').first()).toHaveText(/优秀/);
    await expect(abilityGrade(page, 'C6')).toHaveText(/优秀/);

    // The exported file keeps the tick as it was (not ticked); whoever reads it derives presence.
    const exported = await download(page, () => page.getByRole('button', { name: '保存自评文件' }).click());
    const text = readFileSync(exported.path, 'utf8');
    const read = importDraftText(text);
    if (!read.ok) throw new Error(read.error);
    const introEvidence = read.draft.evidence['C6']?.items['model-introduction'];
    expect(introEvidence?.present).toBe(false);
    expect(isPresent(introEvidence)).toBe(true);

    // The teacher's packet: every criterion of an all-优秀 self-check is 已满足, the greyed one too.
    await page.getByRole('button', { name: '下一步：查看自评结果' }).click();
    const own = await download(page, () => page.getByRole('button', { name: '生成 PDF 证据包' }).click());
    const ownText = compact((await pdfPagesText(own.path)).join(''));
    expect(ownText).toContain('自评结果：优秀');
    expect(ownText).toContain(compact(TITLE));
    expect(ownText).toContain(compact(DESCRIPTION));
    expect(ownText, 'no criterion of an 优秀 item is printed unmet').not.toContain('未满足');
    expect(ownText).not.toContain('（缺交）');

    // /review/: the typed text in full, the criteria to tick, and 未评 until the reviewer judges.
    await openReview(page);
    await page.getByLabel(/^姓名/).fill('李老师');
    await page.getByLabel('打开自评文件').setInputFiles({
      name: exported.name,
      mimeType: 'application/json',
      buffer: Buffer.from(text),
    });
    const card = reviewItem(page, 'model-introduction');
    await expect(card).toBeVisible();
    await expect(card).not.toContainText('缺交');
    await expect(card.locator('dd').first()).toHaveText(TITLE);
    await expect(card.locator('dd.pre-line')).toHaveText(DESCRIPTION);
    await expect(card.locator('[data-reviewer-status]')).toHaveText(/未评/);
    await expect(card).toHaveAttribute('data-differs', 'false');
    await expect(card.getByText('与教师自评不同')).toHaveCount(0);
    await expect(page.locator('[data-reviewer-grade="C6"]')).toHaveText(/未评/);
    await expect(page.locator('[data-pending="C6"]')).toContainText('模型介绍、应用案例分析');
    await expectNoAxeViolations(page);

    // Every 优秀 criterion, and only 合格 #1 (through its 优秀 twin): 优秀 by the rule, said once.
    for (const box of await card
      .getByRole('group', { name: /^优秀标准/ })
      .getByRole('checkbox')
      .all())
      await box.check();
    await expect(card.locator('[data-reviewer-status]')).toHaveText(/优秀/);
    await expect(card.locator('[data-rule-note]')).toHaveText(
      '优秀标准已全部满足，按规则本项为优秀；未勾选的合格标准（第 2、3 条）不影响等级。',
    );
    await expect(card).toHaveAttribute('data-differs', 'false');
    await expectNoAxeViolations(page);

    const reviewVideo = reviewItem(page, 'case-analysis');
    for (const box of await reviewVideo.getByRole('checkbox').all()) await box.check();
    for (const box of await card
      .getByRole('group', { name: /^合格标准/ })
      .getByRole('checkbox')
      .all())
      await box.check();
    await expect(card.locator('[data-rule-note]')).toHaveCount(0);
    await expect(page.locator('[data-reviewer-grade="C6"]')).toHaveText(/优秀/);
    await expect(page.locator('[data-pending="C6"]')).toHaveCount(0);
    await expect(page.getByText('与教师自评不同')).toHaveCount(0);

    // The reviewer's PDF: no disagreement that does not exist, no 缺交.
    const reviewed = await download(page, () =>
      page.getByRole('button', { name: /^生成填好“.+”栏的 PDF 证据包$/ }).click(),
    );
    const reviewedText = compact((await pdfPagesText(reviewed.path)).join(''));
    expect(reviewedText).toContain(compact(DESCRIPTION));
    expect(reviewedText).not.toContain('未满足');
    expect(reviewedText).not.toContain('（缺交）');
  });
});

test.describe('/review/ wording', () => {
  /** A6 graded by the school's rubric, its 教学设计 typed out and not ticked ready. */
  function schoolDraft(): Draft {
    const base = teacherDraft();
    return {
      ...base,
      abilities: ['A6'],
      customRubrics: {
        A6: {
          code: 'A6',
          name: '技术支持的课堂导入',
          origin: '学校文件',
          source: {
            title: '徐水区微能力点考核指南',
            number: '徐教〔2021〕12号',
            enteredBy: '信息化管理团队',
            enteredAt: '2021-09',
          },
          alternativeGroups: [],
          items: [
            {
              id: 'design',
              label: '1',
              name: '教学设计',
              forms: ['文本'],
              required: true,
              graded: true,
              limits: {},
              criteria: { excellent: ['导入设计新颖'], pass: ['导入设计完整'] },
            },
            {
              id: 'reflection',
              label: '2',
              name: '教学反思',
              forms: ['文本'],
              required: true,
              graded: false,
              limits: {},
            },
          ],
        },
      },
      evidence: {
        A6: {
          chosen: {},
          items: {
            design: {
              present: false,
              title: '《春》的导入设计',
              description: '用一段春天的视频导入。',
              files: [],
              excellent: [0],
              pass: [0],
            },
            // Only a description, no title, not ticked ready: 缺交, but the text is shown.
            reflection: { present: false, description: '学生参与度高。', files: [], excellent: [], pass: [] },
          },
        },
      },
    };
  }

  test('names the school’s rubric and its source, and shows the typed design for review', async ({
    page,
  }) => {
    await openReview(page);
    await page.getByLabel('打开自评文件').setInputFiles({
      name: '微能力自评_王老师.json',
      mimeType: 'application/json',
      buffer: Buffer.from(exportDraftText(schoolDraft())),
    });
    const ability = page.locator('[data-review-ability="A6"]');
    await expect(ability).toContainText(
      '评价标准：学校文件。评价标准来源：《徐水区微能力点考核指南》（徐教〔2021〕12号），由信息化管理团队录入',
    );
    await expect(ability).not.toContainText('本手册收录的标准');
    const card = reviewItem(page, 'design');
    await expect(card).toContainText('用一段春天的视频导入。');
    await expect(card).not.toContainText('缺交');
    await expect(card.locator('[data-reviewer-status]')).toHaveText(/未评/);
    // Saved before judging: the file holds the rule's 不合格, and the reviewer is told which item.
    await page.getByLabel(/^姓名/).fill('张老师');
    const early = await download(page, () => page.getByRole('button', { name: '保存评审意见文件' }).click());
    await expect(page.getByText(/已保存评审意见/)).toContainText(
      '其中A6「教学设计」您尚未勾选任何标准，文件中按规则记为不合格',
    );
    const earlyReview = JSON.parse(readFileSync(early.path, 'utf8')) as ReviewFile;
    expect(earlyReview.abilities['A6']?.items['design']?.grade).toBe('不合格');
    await card.getByRole('checkbox', { name: /导入设计完整/ }).check();
    await expect(card.locator('[data-reviewer-status]')).toHaveText(/合格/);
    await expect(card.getByText('与教师自评不同')).toBeVisible();
    const reflection = reviewItem(page, 'reflection');
    await expect(reflection).toContainText('教师未提交这项证据（缺交）。');
    await expect(reflection.locator('dd.pre-line')).toHaveText('学生参与度高。');
    await expect(reflection.locator('[data-reviewer-status]')).toHaveText(/不合格/);
    // 缺交 decides the ability whatever is ticked, for the teacher as for the reviewer.
    await expect(page.locator('[data-reviewer-grade="A6"]')).toHaveText(/不合格/);
    await expectNoAxeViolations(page);
  });
});
