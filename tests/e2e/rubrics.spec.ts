/**
 * A rubric entered once at a school and used by a colleague: the editor on /rubrics/, the file
 * and the share link, the wizard's import, and `npm run rubric:add` on the same file. The grade
 * the colleague's wizard shows must equal the grade of the regional entry rubric:add writes;
 * tests/unit/scripts/cli/rubric-add.test.ts shows that entry, once built, reaches the wizard unchanged.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { parse } from 'yaml';
import {
  gradeAbility,
  rubricFromAbility,
  type AbilityEvidence,
  type AbilityRubricData,
} from '../../src/lib/grading/grading';
import { typesetData } from '../../src/lib/content/chinese-typography';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { openReview } from './review-page';
import { toEvidence } from './self-check-helpers';
import { exportDraftText } from '../../src/lib/self-check/draft';
import { encodeAs } from '../support/encodings';
import { teacherDraft } from '../support/teacher-draft';

const REPO = join(import.meta.dirname, '../..');
const item = (page: Page, id: string) => page.locator(`[data-item-editor="${id}"]`);

/** No right-to-left override is left active anywhere on the page, and the page passes axe. */
async function expectBidiShownAsMarks(page: Page) {
  await expect(page.locator('body')).not.toContainText('\u202E');
  await expectNoAxeViolations(page);
}

async function enterA6(page: Page) {
  await page.goto('/rubrics/?a=A6');
  await expect(page.getByRole('heading', { level: 2, name: 'A6 技术支持的课堂讲授' })).toBeVisible();
  await expect(page.getByText('本手册尚未收录这个微能力点的提交指南和评价标准')).toBeVisible();
  await page
    .getByLabel('考核指南名称（必填）')
    .fill('测试省中小学教师信息技术应用能力提升工程2.0校本应用考核指南');
  await page.getByLabel('文号').fill('测教〔2021〕5号');
  await page.getByLabel('录入人（必填）').fill('实验小学信息化管理团队');
  await page.getByLabel('地区', { exact: true }).selectOption({ label: '河北省' });

  await page.getByRole('button', { name: '添加一项证据' }).click();
  const first = page.getByRole('group', { name: /^第 1 项证据/ });
  await first.getByLabel('证据名称').fill('课堂讲授片段');
  await expect(first.getByRole('checkbox', { name: '文本' })).not.toBeChecked();
  await first.getByRole('checkbox', { name: '视频' }).check();
  await first.getByLabel(/时长上限/).fill('10');
  await first.getByRole('checkbox', { name: /须出现教师本人形象/ }).check();
  await first.getByLabel(/^优秀标准/).fill('讲授清晰，重点突出\n技术运用恰当，促进理解');
  await first.getByLabel(/^合格标准/).fill('讲授完整');

  await page.getByRole('button', { name: '添加一项证据' }).click();
  const second = page.getByRole('group', { name: /^第 2 项证据/ });
  await second.getByLabel('证据名称').fill('教学反思');
  await expect(second.getByText('请至少选一种提交形式。')).toBeVisible();
  await second.getByRole('checkbox', { name: '文本' }).check();
  await expect(second.getByText('请至少选一种提交形式。')).toHaveCount(0);
  await second.getByRole('radio', { name: /必须提交，但不评分/ }).check();
  await expect(page.locator('.save-state')).toContainText('已自动保存');
}

/** The colleague's self-check of A6: the video 8 minutes, on camera, 合格 met, one 优秀 criterion not. */
const EVIDENCE: AbilityEvidence = {
  chosen: {},
  items: {
    'item-1': {
      present: true,
      files: [],
      manualMinutes: 8,
      teacherOnCamera: true,
      excellent: [0],
      pass: [0],
    },
    'item-2': { present: true, files: [], excellent: [], pass: [] },
  },
};

async function selfCheckA6(page: Page): Promise<{ grade: string; reasons: string[] }> {
  await page.getByLabel('姓名', { exact: true }).fill('李老师');
  await page.getByLabel('学校', { exact: true }).fill('实验小学');
  await page.getByLabel('任教学科', { exact: true }).fill('数学');
  await page.getByLabel('学段', { exact: true }).selectOption('小学');
  await page.getByLabel('所在地区（按哪份政策文件）').selectOption({ label: '广州市（市）' });
  await page.getByLabel('学校的教学环境').selectOption('多媒体教学环境');
  await page.getByRole('button', { name: '下一步：选择微能力点' }).click();
  const a6 = page.getByRole('checkbox', { name: /A6 技术支持的课堂讲授/ });
  await expect(page.locator('label', { has: a6 })).toContainText('学校文件');
  await a6.check();
  await page.getByRole('button', { name: '下一步：逐项自查证据' }).click();
  await expect(page.locator('[data-rubric-origin]')).toContainText(
    '学校文件。评价标准来源：《测试省中小学教师信息技术应用能力提升工程2.0校本应用考核指南》（测教〔2021〕5号），由实验小学信息化管理团队录入',
  );
  const video = item(page, 'item-1');
  await video.getByLabel('这项证据我已准备好').check();
  await video.getByLabel(/最长一份的时长/).fill('8');
  await video.getByLabel('视频中出现了我本人的形象').check();
  await video
    .getByRole('group', { name: /合格标准/ })
    .getByRole('checkbox')
    .first()
    .check();
  await video
    .getByRole('group', { name: /优秀标准/ })
    .getByRole('checkbox')
    .first()
    .check();
  await item(page, 'item-2').getByLabel('这项证据我已准备好').check();
  const box = page.locator('[data-ability-grade="A6"]');
  await expect(box.locator('[data-grade]').first()).toHaveAttribute('data-grade', '合格');
  return {
    grade: (await box.locator('[data-grade]').first().getAttribute('data-grade')) ?? '',
    reasons: await box.locator('.reasons li').allInnerTexts(),
  };
}

/** What `npm run rubric:add` writes from the downloaded file, graded by src/lib/grading/grading.ts. */
function gradeOfRubricAdd(file: string): { grade: string | undefined; reasons: string[] } {
  const work = mkdtempSync(join(tmpdir(), 'rubric-e2e-'));
  try {
    cpSync(join(REPO, 'src/content'), join(work, 'content'), { recursive: true });
    const out = execFileSync(
      'node',
      ['scripts/cli/rubric-add.mjs', file, '--region', 'hebei', '--content-dir', join(work, 'content')],
      { cwd: REPO, encoding: 'utf8' },
    );
    expect(out).toContain('已写入');
    const mdx = readFileSync(join(work, 'content/abilities/regions/hebei/A6.mdx'), 'utf8');
    const data = parse(/^---\n([\s\S]*?)\n---/.exec(mdx)?.[1] ?? '') as AbilityRubricData & {
      variant: { region: string; document: string };
    };
    expect(data.variant).toMatchObject({ region: 'hebei', document: expect.stringContaining('测试省') });
    // As the built site reads content: typeset (collections.ts).
    const result = gradeAbility(typesetData(rubricFromAbility(data)), EVIDENCE);
    return { grade: result.grade, reasons: result.reasons };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function freshWizard(browser: Browser, address: string) {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(address);
  return { context, page };
}

test.describe('school rubrics', () => {
  test('entered in the editor, downloaded, opened in a fresh browser: graded as its rubric:add entry', async ({
    page,
    browser,
    baseURL,
  }, testInfo) => {
    test.setTimeout(90_000);
    await enterA6(page);
    await expectNoAxeViolations(page);

    // Nothing is lost on reload.
    await page.reload();
    await expect(page.getByRole('group', { name: /^第 1 项证据/ }).getByLabel('证据名称')).toHaveValue(
      '课堂讲授片段',
    );
    await expect(page.getByLabel('录入人（必填）')).toHaveValue('实验小学信息化管理团队');

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载评价标准文件' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^评价标准_实验小学信息化管理团队_\d{8}\.json$/);
    const file = testInfo.outputPath('pack.json');
    await download.saveAs(file);

    const { context, page: colleague } = await freshWizard(browser, `${baseURL}/self-check/`);
    await colleague.getByRole('button', { name: '使用学校录入的评价标准' }).click();
    await colleague.getByLabel('打开评价标准文件').setInputFiles(file);
    const preview = colleague.getByRole('region', { name: /中的评价标准/ });
    await expect(preview).toContainText('由实验小学信息化管理团队录入');
    await expect(preview).toContainText('A6 技术支持的课堂讲授（2 项证据，其中 1 项评分）可以评分。');
    await expectNoAxeViolations(colleague);
    await preview.getByRole('button', { name: '使用这些评价标准' }).click();
    const shown = await selfCheckA6(colleague);
    await expectNoAxeViolations(colleague);
    await context.close();

    const built = gradeOfRubricAdd(file);
    expect(shown).toEqual(built);
    expect(shown.reasons).toEqual(['「课堂讲授片段」未达优秀：技术运用恰当，促进理解']);
  });

  test('the share link gives the same grade; a link edited by hand is refused and replaces nothing', async ({
    page,
    browser,
  }) => {
    test.setTimeout(90_000);
    await enterA6(page);
    await page.getByRole('button', { name: '复制分享链接' }).click();
    const link = await page.getByLabel(/分享链接/).inputValue();
    expect(link).toMatch(/\/self-check\/#rubrics=1\.[0-9a-f]{8}\.[A-Za-z0-9_-]+$/);

    const { context, page: colleague } = await freshWizard(browser, link);
    const preview = colleague.getByRole('region', { name: '链接中的评价标准' });
    await expect(preview).toContainText(
      '《测试省中小学教师信息技术应用能力提升工程2.0校本应用考核指南》（测教〔2021〕5号）',
    );
    await preview.getByRole('button', { name: '使用这些评价标准' }).click();
    expect(new URL(colleague.url()).hash).toBe('');
    const shown = await selfCheckA6(colleague);
    expect(shown).toEqual({ grade: '合格', reasons: ['「课堂讲授片段」未达优秀：技术运用恰当，促进理解'] });

    // One character changed in the middle of the data.
    const at = link.length - 20;
    const edited = `${link.slice(0, at)}${link[at] === 'A' ? 'B' : 'A'}${link.slice(at + 1)}`;
    await colleague.goto('about:blank');
    await colleague.goto(edited);
    await expect(colleague.getByRole('alert')).toContainText('链接不完整或被改动过');
    await expect(colleague.getByRole('alert')).toContainText('当前的自评没有改动');
    await expect(colleague.locator('[data-ability-grade="A6"] [data-grade]').first()).toHaveAttribute(
      'data-grade',
      '合格',
    );
    await expect(colleague.locator('[data-rubric-origin]')).toContainText('由实验小学信息化管理团队录入');
    await context.close();
  });

  test('a damaged saved editor state is salvaged, not wiped, and can be downloaded', async ({ page }) => {
    await enterA6(page);
    // Damaged as a browser crash or an older copy of the site might leave it (before the page reads it).
    await page.addInitScript(() => {
      const key = 'weinengli.rubric-editor';
      const saved = JSON.parse(localStorage.getItem(key) ?? '{}');
      saved.source.title = 42;
      localStorage.setItem(key, JSON.stringify(saved));
    });
    await page.reload();
    await expect(page.getByRole('alert')).toContainText('有一部分无法读取');
    await expect(page.getByRole('group', { name: /^第 1 项证据/ }).getByLabel('证据名称')).toHaveValue(
      '课堂讲授片段',
    );
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载原来的数据' }).click();
    expect((await downloading).suggestedFilename()).toBe('无法读取的录入内容.txt');
  });

  test('an unfinished ability page leads to the editor and to the wizard import', async ({ page }) => {
    await page.goto('/abilities/A6/');
    await page.getByRole('link', { name: '录入本地考核指南中的评价标准' }).click();
    await expect(page).toHaveURL('/rubrics/?a=A6');
    await expect(page.getByRole('heading', { level: 2, name: 'A6 技术支持的课堂讲授' })).toBeVisible();
    await page.goto('/abilities/A6/');
    await page.getByRole('link', { name: '使用学校发来的评价标准' }).click();
    await expect(page.getByRole('region', { name: '使用学校录入的评价标准' })).toBeVisible();
    await page.goto('/abilities/C5/');
    await expect(page.getByRole('link', { name: '录入本地考核指南中的评价标准' })).toHaveCount(0);
  });

  test('A5 starts from the handbook’s three items; the editor is usable by keyboard alone', async ({
    page,
  }) => {
    await page.goto('/rubrics/?a=A5');
    await expect(page.getByText('本手册只收录了这个微能力点的一部分')).toBeVisible();
    for (const [i, name] of ['问题描述', '课堂导入设计', '课堂导入片段'].entries()) {
      await expect(
        page.getByRole('group', { name: new RegExp(`^第 ${i + 1} 项证据`) }).getByLabel('证据名称'),
      ).toHaveValue(name);
    }
    await expect(page.getByRole('group', { name: /^第 3 项证据/ }).getByLabel(/时长上限/)).toHaveValue('5');
    await page.goto('/rubrics/?a=A3');
    await expect(page.getByRole('complementary', { name: '参考：学校对演示文稿的要求' })).toBeVisible();
    await expectNoAxeViolations(page);
    // Keyboard: from the file name field, Tab reaches the add-ability picker and its button.
    await page.getByLabel('添加微能力点').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: '添加', exact: true })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 2, name: 'A1 技术支持的学情分析' })).toBeFocused();
  });

  test('A5 left at 考核指南没有写明 is not called complete: the editor says it cannot grade and what is missing', async ({
    page,
  }) => {
    await page.goto('/rubrics/?a=A5');
    await page.getByLabel('考核指南名称（必填）').fill('保定市校本应用考核指南（测试）');
    await page.getByLabel('录入人（必填）').fill('实验小学信息化管理团队');
    await page.getByLabel('地区', { exact: true }).selectOption({ label: '河北省保定市' });
    await expect(page.getByRole('button', { name: /^A5 技术支持的课堂导入/ })).toContainText('尚不能评分');
    await expect(page.getByRole('button', { name: /^A5 技术支持的课堂导入/ })).not.toContainText(
      '已填写完整',
    );
    const readiness = page.locator('[data-readiness]');
    await expect(readiness).toContainText('A5 还不能评分');
    await expect(readiness).toContainText('第 3 项证据“课堂导入片段”：还没写明是否评分');
    await expectNoAxeViolations(page);

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载评价标准文件' }).click();
    await downloading;
    await expect(
      page.getByRole('alert').or(page.getByRole('status')).filter({ hasText: '已保存评价标准文件' }),
    ).toContainText('注意：A5 还不能评分');

    // Each item graded 不评分 (or with criteria) and it can grade.
    for (const i of [1, 2, 3]) {
      await page
        .getByRole('group', { name: new RegExp(`^第 ${i} 项证据`) })
        .getByRole('radio', { name: /必须提交，但不评分/ })
        .check();
    }
    await expect(readiness).toContainText('A5 可以评分。');
    await expect(page.getByRole('button', { name: /^A5 技术支持的课堂导入/ })).toContainText('可以评分');
  });

  test('a right-to-left override in a picked file’s name reads as spelled, in the list, the reasons and the notes', async ({
    page,
  }) => {
    await toEvidence(page, 'C5');
    const video = item(page, 'case-video');
    await video.getByLabel('这项证据我已准备好').check();
    await video.getByLabel(/选择本地文件/).setInputFiles({
      name: 'evil\u202Egpm.exe',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from('MZ'),
    });
    await expect(video.locator('.file-name')).toHaveText('evil[U+202E]gpm.exe');
    await expectBidiShownAsMarks(page);
  });

  test('年份 opens a keypad and 录入日期 a date picker; a date saved as free text still reads', async ({
    page,
  }) => {
    await page.goto('/rubrics/');
    await page.evaluate(() =>
      localStorage.setItem(
        'weinengli.rubric-editor',
        JSON.stringify({
          app: '微能力手册',
          kind: '评价标准草稿',
          version: 1,
          source: {
            title: '测试指南',
            number: '',
            issuer: '',
            year: '',
            region: '',
            regionName: '',
            enteredBy: '实验小学',
            enteredAt: '2025年3月1日',
          },
          abilities: [],
        }),
      ),
    );
    await page.reload();
    const year = page.getByLabel('年份');
    await expect(year).toHaveAttribute('inputmode', 'numeric');
    await expect(year).toHaveAttribute('pattern', '[0-9]{4}');
    const date = page.getByLabel('录入日期（必填）');
    await expect(date).toHaveAttribute('type', 'date');
    await expect(date).toHaveValue('2025-03-01');
    await date.fill('2025-04-02');
    await expect(page.locator('.save-state')).toContainText('已自动保存');
    await page.reload();
    await expect(page.getByLabel('录入日期（必填）')).toHaveValue('2025-04-02');

    // A colleague's file may say only the month: kept, said, and replaced only when a day is picked.
    await page.evaluate(() => {
      const state = JSON.parse(localStorage.getItem('weinengli.rubric-editor') ?? '{}');
      state.source.enteredAt = '2021-09';
      localStorage.setItem('weinengli.rubric-editor', JSON.stringify(state));
    });
    await page.reload();
    await expect(
      page.getByText('原来填写的是“2021-09”，不改动就照原样保存；要改时请选择日期。'),
    ).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('/review/ opens a self-check saved as UTF-16 and shows its files’ names as spelled', async ({
    page,
  }) => {
    const draft = teacherDraft();
    const video = draft.evidence['C5']?.items['case-video']?.files[0];
    if (!video) throw new Error('the teacher draft has a case video');
    video.name = 'evil\u202Egpm.mp4';
    await openReview(page);
    await page.getByLabel(/^姓名/).fill('李老师');
    await page.getByLabel('打开自评文件').setInputFiles([
      {
        name: '微能力自评_王老师.json',
        mimeType: 'application/json',
        buffer: Buffer.from(
          encodeAs(exportDraftText(draft, new Date('2025-04-01T08:00:00.000Z')), 'utf-16le'),
        ),
      },
      { name: 'bad\u202Enosj.exe', mimeType: 'application/json', buffer: Buffer.from('{') },
    ]);
    await expect(page.getByRole('heading', { name: /评审：王老师/ })).toBeVisible();
    await expect(page.locator('[data-review-item="case-video"]')).toContainText('evil[U+202E]gpm.mp4');
    await expect(page.getByRole('alert')).toContainText('bad[U+202E]nosj.exe');
    await expectBidiShownAsMarks(page);
  });

  test('/school/ reads a self-check saved as UTF-16; a refused file’s name reads as spelled', async ({
    page,
  }) => {
    await page.goto('/school/');
    await expect(page.locator('.school-archive')).toHaveAttribute('data-ready', 'true');
    await page.getByLabel('选择文件（可多选）').setInputFiles([
      {
        name: '王老师.json',
        mimeType: 'application/json',
        buffer: Buffer.from(
          encodeAs(exportDraftText(teacherDraft(), new Date('2025-04-01T08:00:00.000Z')), 'utf-16be'),
        ),
      },
      { name: 'bad\u202Enosj.exe.json', mimeType: 'application/json', buffer: Buffer.from('{') },
    ]);
    await expect(page.locator('[data-load-report]')).toContainText('本次读入 1 份自评');
    await expect(page.locator('[data-rejected]')).toContainText('bad[U+202E]nosj.exe.json');
    await expectBidiShownAsMarks(page);
  });
});
