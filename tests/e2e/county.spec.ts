/**
 * The county expert team on /county/ (县级汇总): two 徐水 schools' 移交县级审核 files opened at once
 * with a broken one among them, school × status, one school's teachers opened from the keyboard,
 * the county's own review file taking a teacher through, a school's newer file replacing its
 * older one, the CSV read back, a reload that keeps it all, 清除本机数据; and the same on a phone.
 * The files are made with the real plan, draft, review and hand-off formats (county-fixture.ts).
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { exportHandoffText, handoffFileName } from '../../src/lib/school/handoff/handoff-file';
import { exportReviewText } from '../../src/lib/review/review-file';
import { exportPlanText } from '../../src/lib/school/plan/plan-file';
import { handbookAbilities, makeReview } from '../support/archive-fixtures';
import { parseCsv } from '../support/csv';
import { buildHandoff, COUNTY_STAGE, type HandoffTeacher } from './county-fixture';
import { expect, expectNoAxeViolations, test } from './fixtures';

const ABILITIES = handbookAbilities();

/** 徐水's roster of eight: seven handed over (李娜 already through the county), 孙丽 handed in nothing. */
const first = buildHandoff(
  {
    school: '徐水区实验小学',
    idBase: 1,
    savedAt: new Date('2025-06-20T08:00:00.000Z'),
    absent: ['孙丽'],
    teachers: [
      { name: '王芳', levels: { C5: '合格' } },
      { name: '李娜', levels: { C6: '优秀' }, county: '合格', subject: '数学' },
      { name: '张伟', levels: { C5: '合格', C7: '合格' }, subject: '英语' },
      { name: '刘洋', levels: { C7: '合格' }, subject: '科学' },
      { name: '陈静', levels: { C5: '优秀' }, subject: '音乐' },
      { name: '杨光', levels: { C6: '合格' }, subject: '体育' },
      { name: '赵敏', levels: { C5: '合格' }, subject: '美术' },
    ],
  },
  ABILITIES,
);
const secondTeachers: HandoffTeacher[] = [
  { name: '周红', levels: { C5: '合格' } },
  { name: '吴刚', levels: { C6: '合格' }, county: '不合格' },
  { name: '郑洁', levels: { C7: '优秀' }, county: '优秀' },
];
const second = buildHandoff(
  {
    school: '徐水区第二小学',
    idBase: 100,
    savedAt: new Date('2025-06-21T08:00:00.000Z'),
    teachers: secondTeachers,
  },
  ABILITIES,
);
// The second school sends its hand-off again a week later: 周红's county result has come back.
const secondLater = buildHandoff(
  {
    school: '徐水区第二小学',
    idBase: 100,
    savedAt: new Date('2025-06-28T08:00:00.000Z'),
    teachers: [{ name: '周红', levels: { C5: '合格' }, county: '合格' }, ...secondTeachers.slice(1)],
  },
  ABILITIES,
);

const json = (name: string, text: string) => ({
  name,
  mimeType: 'application/json',
  buffer: Buffer.from(text),
});
const handoffFile = (h: typeof first) => json(handoffFileName(h), exportHandoffText(h));
const wang = first.selfChecks.find((d) => d.profile.name === '王芳');
if (!wang) throw new Error('王芳 missing');
const countyReview = json(
  '评审意见_王芳_县级专家团队审核认定.json',
  exportReviewText(
    makeReview(
      wang,
      {
        stage: COUNTY_STAGE,
        reviewer: '县专家组',
        role: '县级专家团队',
        reviewedAt: '2025-06-25T08:00:00.000Z',
        levels: { C5: '优秀' },
      },
      ABILITIES,
    ),
  ),
);

const BATCH = [
  handoffFile(first),
  json('坏文件.json', exportHandoffText(second).slice(0, 400)),
  json('学校考核方案_徐水区第二小学.json', exportPlanText(second.plan)),
  handoffFile(second),
];

const row = (page: Page, school: string) => page.locator(`.county-table tr[data-school="${school}"]`);
const count = (page: Page, school: string, status: string) =>
  row(page, school).locator(`td[data-status="${status}"]`);

async function openCounty(page: Page) {
  await page.goto('/county/');
  await expect(page.locator('.county-view')).toHaveAttribute('data-ready', 'true');
}

test.describe('the county view (县级汇总)', () => {
  test('two schools’ hand-offs and a bad file: school × status, a school’s teachers, the county’s review, reload, CSV, clear', async ({
    page,
  }) => {
    await openCounty(page);
    await expect(page.getByRole('heading', { level: 1, name: '县级汇总' })).toBeVisible();
    await expect(page.getByText('还没有打开任何学校的移交文件')).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByLabel('选择文件（可多选）').setInputFiles(BATCH);
    const report = page.getByRole('alert').filter({ hasText: '打开了 2 所学校的移交文件' });
    await expect(report).toBeVisible();
    await expect(report.locator('li').filter({ hasText: '坏文件.json' })).toContainText(
      '不是有效的 JSON 文件',
    );
    await expect(report.locator('li').filter({ hasText: '学校考核方案_徐水区第二小学.json' })).toContainText(
      '这是学校考核方案文件，不是县级审核移交文件',
    );
    await expect(page.locator('.county-view')).toHaveAttribute('data-teachers', '10');
    await expect(page.locator('[data-total="schools"]')).toHaveText('2');

    // School × status.
    await expect(row(page, '徐水区实验小学').locator('td').nth(0)).toHaveText('徐水区');
    await expect(row(page, '徐水区实验小学').locator('td').nth(1)).toHaveText('2024—2025 学年');
    await expect(row(page, '徐水区实验小学').locator('td').nth(2)).toHaveText('7');
    await expect(count(page, '徐水区实验小学', '校内评审已完成')).toHaveText('6');
    await expect(count(page, '徐水区实验小学', '已通过')).toHaveText('1');
    await expect(count(page, '徐水区第二小学', '需修改')).toHaveText('1');
    await expect(count(page, '徐水区第二小学', '已通过')).toHaveText('1');
    await expect(
      page.getByRole('columnheader', { name: /校内评审已完成（待县级专家团队审核认定）/ }),
    ).toBeVisible();
    await expectNoAxeViolations(page);

    // Sorting from the keyboard: the most teachers first.
    const firstRow = page.locator('.county-table tbody tr').first();
    await expect(firstRow).toHaveAttribute('data-school', '徐水区第二小学');
    await page.getByRole('button', { name: /^移交人数/ }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('columnheader', { name: /^移交人数/ })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
    await expect(firstRow).toHaveAttribute('data-school', '徐水区实验小学');

    // One school's teachers, opened from the keyboard; the heading takes the focus.
    const open = page.getByRole('button', { name: '徐水区实验小学' });
    await open.focus();
    await page.keyboard.press('Enter');
    const heading = page.getByRole('heading', { name: '徐水区实验小学的教师' });
    await expect(heading).toBeFocused();
    await expect(open).toHaveAttribute('aria-expanded', 'true');
    const section = page.locator('#school-teachers');
    await expect(section).toContainText('7（方案名单 8 人）');
    await expect(section).toContainText(
      '教师组内互评 → 信息化团队复评 → 县级专家团队审核认定（校外） → 省市抽查（校外，抽查）',
    );
    const li = section.locator('tr[data-teacher="李娜"]');
    await expect(li).toContainText('C6');
    await expect(li.locator('td').nth(2)).toContainText('优秀');
    await expect(li.locator('td').nth(3)).toContainText('合格县专家组，2025-06-18，学校移交的记录');
    await expect(li.locator('td').nth(4)).toContainText('已通过');
    const wangRow = section.locator('tr[data-teacher="王芳"]');
    await expect(wangRow.locator('td').nth(3)).toContainText('待审核');
    await expect(wangRow.locator('td').nth(4)).toContainText('校内评审已完成（待县级专家团队审核认定）');
    await page.getByLabel('状态', { exact: true }).selectOption('已通过');
    await expect(section.locator('[data-teachers-count]')).toHaveText('共 1 位教师（筛选自 7 位）');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: '返回学校列表' }).click();
    await expect(open).toBeFocused();
    await expect(section).toBeHidden();

    // The county's own review file from /review/: 王芳 is through.
    await page.getByLabel('选择文件（可多选）').setInputFiles([countyReview]);
    const news = page.locator('.county-view .notice').filter({ has: page.locator('[data-report]') });
    await expect(news).toContainText('载入县级评审意见 1 份');
    await expect(count(page, '徐水区实验小学', '已通过')).toHaveText('2');
    await expect(count(page, '徐水区实验小学', '校内评审已完成')).toHaveText('5');

    // The second school's newer file replaces its older one, saying so.
    await page
      .getByLabel('选择文件（可多选）')
      .setInputFiles([json('县级审核移交_徐水区第二小学_新.json', exportHandoffText(secondLater))]);
    await expect(news).toContainText('徐水区第二小学（2024—2025 学年）：使用');
    await expect(news).toContainText('代替 2025-06-21');
    await expect(count(page, '徐水区第二小学', '已通过')).toHaveText('2');
    await expect(page.locator('[data-total="schools"]')).toHaveText('2');

    // The schools' CSV, downloaded and read back.
    const pending = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出学校汇总 CSV' }).click();
    const download = await pending;
    expect(download.suggestedFilename()).toMatch(/^县级汇总_学校_\d{8}\.csv$/);
    const csv = parseCsv(readFileSync(await download.path(), 'utf8'));
    expect(csv[0]?.slice(0, 7)).toEqual([
      '学校',
      '地区',
      '轮次或学年',
      '方案名单人数',
      '移交人数',
      '校内评审已完成（待县级审核认定）',
      '已通过',
    ]);
    expect(csv.find((r) => r[0] === '徐水区实验小学')?.slice(0, 7)).toEqual([
      '徐水区实验小学',
      '徐水区',
      '2024—2025 学年',
      '8',
      '7',
      '5',
      '2',
    ]);

    // The teachers' CSV: a double-click hands over one file, one row per teacher × ability.
    const names: string[] = [];
    const onDownload = (d: { suggestedFilename(): string }) => names.push(d.suggestedFilename());
    page.on('download', onDownload);
    const teachersCsv = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出教师明细 CSV' }).dblclick();
    const rows = parseCsv(readFileSync(await (await teachersCsv).path(), 'utf8'));
    // Time for a second file to arrive had the second click been acted on.
    await page.waitForTimeout(1500);
    page.off('download', onDownload);
    expect(names).toHaveLength(1);
    expect(names[0]).toMatch(/^县级汇总_教师_\d{8}\.csv$/);
    expect(rows.find((r) => r[2] === '王芳')?.slice(6, 10)).toEqual([
      'C5',
      '基于数据的个别化指导',
      '合格',
      '优秀',
    ]);
    expect(rows).toHaveLength(1 + 11);

    // A reload keeps the schools and the county's review.
    await page.reload();
    await expect(page.locator('.county-view')).toHaveAttribute('data-ready', 'true');
    await expect(page.locator('.county-view')).toHaveAttribute('data-teachers', '10');
    await expect(count(page, '徐水区实验小学', '已通过')).toHaveText('2');
    await expect(count(page, '徐水区第二小学', '已通过')).toHaveText('2');
    await expectNoAxeViolations(page);

    // 清除本机数据 asks first; then nothing is kept, after a reload too.
    await page.getByRole('button', { name: '清除本机数据' }).click();
    await expect(page.getByRole('button', { name: '取消' })).toBeFocused();
    await page.getByRole('button', { name: '确定清除' }).click();
    await expect(page.getByText('还没有打开任何学校的移交文件')).toBeVisible();
    await page.reload();
    await expect(page.locator('.county-view')).toHaveAttribute('data-ready', 'true');
    await expect(page.getByText('还没有打开任何学校的移交文件')).toBeVisible();
  });

  test('files dropped on the page open as picked ones do; a bad one among them is named', async ({
    page,
  }) => {
    await openCounty(page);
    const zone = page.locator('[data-drop-zone]');
    const files = [handoffFile(first), json('坏文件.json', exportHandoffText(second).slice(0, 400))].map(
      (f) => ({
        name: f.name,
        text: f.buffer.toString('utf8'),
      }),
    );
    const transfer = await page.evaluateHandle((list) => {
      const data = new DataTransfer();
      for (const f of list) data.items.add(new File([f.text], f.name, { type: 'application/json' }));
      return data;
    }, files);
    // Dragged over, the zone says it will take the files.
    await zone.dispatchEvent('dragover', { dataTransfer: transfer });
    await expect(zone).toHaveClass(/drop-over/);
    await zone.dispatchEvent('drop', { dataTransfer: transfer });
    await expect(zone).not.toHaveClass(/drop-over/);
    const report = page.getByRole('alert').filter({ hasText: '打开了 1 所学校的移交文件' });
    await expect(report.locator('li').filter({ hasText: '坏文件.json' })).toContainText(
      '不是有效的 JSON 文件',
    );
    await expect(page.locator('.county-view')).toHaveAttribute('data-teachers', '7');
    await expect(count(page, '徐水区实验小学', '已通过')).toHaveText('1');
    await expectNoAxeViolations(page);
  });

  test('the school archive links to the county view, and the header lists it', async ({ page }) => {
    await page.goto('/school/');
    await page.getByRole('main').getByRole('link', { name: '县级汇总' }).click();
    await expect(page).toHaveURL(/\/county\/$/);
    await expect(
      page.getByRole('navigation').first().getByRole('link', { name: '县级汇总' }),
    ).toHaveAttribute('aria-current', 'page');
  });

  test.describe('on a phone', () => {
    test.use({ viewport: { width: 360, height: 740 }, hasTouch: true });
    test('the tables scroll inside their own region; the page never scrolls sideways', async ({ page }) => {
      await openCounty(page);
      await page.getByLabel('选择文件（可多选）').setInputFiles([handoffFile(first), handoffFile(second)]);
      await expect(page.locator('.county-view')).toHaveAttribute('data-teachers', '10');
      const sideways = () =>
        page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(await sideways()).toBeLessThanOrEqual(0);
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: '徐水区第二小学' }).tap();
      await expect(page.getByRole('heading', { name: '徐水区第二小学的教师' })).toBeFocused();
      await expect(page.locator('#school-teachers tr[data-teacher="吴刚"]')).toContainText('需修改');
      expect(await sideways()).toBeLessThanOrEqual(0);
      await expectNoAxeViolations(page);
    });
  });
});
