/**
 * The principal's side of a 徐水 school's round, on /school/ with the school's plan in this
 * browser: the roster against the files (孙丽 handed in nothing), a 广州 teacher's file set apart
 * and taken in and out again, one line per teacher with the selection rule, statuses through
 * 校内评审已完成，待县级专家团队审核认定, the county's review file and a result typed in, and the
 * hand-off list as a CSV (read back in LibreOffice) and on landscape A4. axe in every state, and
 * the controls a principal uses here worked by keyboard.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { parseCsv } from '../support/csv';
import { importHandoffText } from '../../src/lib/school/handoff/handoff-file';
import { openInCalc, SEPARATORS } from '../support/libreoffice';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { pdfPagesWithSize } from './pdf-text';
import { COUNTY, countyReviewFile, GROUP, PLAN, schoolFiles, seedPlan, TEAM } from './plan-school-fixture';

async function openSchool(page: Page) {
  await page.goto('/school/');
  await expect(page.locator('.school-archive')).toHaveAttribute('data-ready', 'true');
}

const summary = (page: Page, key: string) => page.locator(`[data-summary="${key}"] dd`);
const line = (page: Page, name: string) => page.locator(`[data-line="${name}"]`);

test('a 徐水 school with its plan: roster, a 广州 file set apart, statuses, county results and the hand-off', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await openSchool(page);
  // Without a plan the page works as before and says what a plan would add.
  await expect(page.locator('[data-plan="false"]')).toContainText('还没有学校考核方案');
  await expect(page.getByRole('link', { name: '编写学校考核方案' })).toHaveAttribute('href', '/school/plan/');
  await expectNoAxeViolations(page);

  await seedPlan(page);
  await page.reload();
  await expect(page.locator('.school-archive')).toHaveAttribute('data-ready', 'true');
  await expect(page.locator('[data-plan="true"]')).toContainText('按学校考核方案：徐水区实验小学');
  await expect(page.locator('[data-plan-region]')).toContainText('徐水区');
  await expect(page.locator('[data-stages]')).toContainText(
    `${GROUP} → ${TEAM} → ${COUNTY}（校外） → 省市抽查（校外，抽查）`,
  );
  // Before any file: all eight on the roster have handed in nothing.
  await expect(page.locator('[data-roster-count]')).toHaveText('名单 8 人，已提交自评 0 人，未提交 8 人。');

  await page.getByLabel('选择文件（可多选）').setInputFiles(schoolFiles());
  await expect(page.locator('[data-load-report]')).toContainText('本次读入 8 份自评、11 份评审意见');

  // The 广州 teacher's file: listed with its reason, counted nowhere.
  const others = page.locator('[data-others]');
  await expect(others).toContainText(
    '陈晓（广州市越秀区实验小学）：来自广州市的广州市越秀区实验小学（本校在徐水区）',
  );
  await expect(others.locator('[data-other="陈晓（广州市越秀区实验小学）"]')).toHaveAttribute(
    'data-taken-in',
    'false',
  );
  await expect(summary(page, 'teachers')).toHaveText('7 人');
  await expect(page.locator('[data-row^="00000000"]').filter({ hasText: '陈晓' })).toHaveCount(0);

  // The roster against the files.
  await expect(page.locator('[data-roster-count]')).toHaveText('名单 8 人，已提交自评 7 人，未提交 1 人。');
  await expect(page.locator('[data-nothing]')).toContainText('孙丽');
  await expect(page.locator('[data-nothing] li')).toHaveCount(1);
  await expect(page.locator(`[data-missing-stage="${GROUP}"]`)).toContainText('杨光（C5）');
  await expect(page.locator(`[data-missing-stage="${TEAM}"]`)).toContainText('刘洋（C5）、杨光（C5）');
  await expect(page.locator('[data-reviewer="语文组"]')).toContainText('已评 1 / 2 人');
  await expect(page.locator('[data-reviewer="语文组"]')).toContainText('孙丽');
  await expect(page.locator('[data-reviewer="信息化团队"]')).toContainText('已评 4 / 8 人');

  // One line per teacher: statuses through the stages, the rule checked.
  await expect(line(page, '王芳')).toHaveAttribute('data-status', '校内评审已完成');
  await expect(line(page, '王芳')).toContainText(`校内评审已完成：C5、C6、C7`);
  await expect(line(page, '王芳').locator('[data-rule]')).toContainText('未达标');
  await expect(line(page, '王芳').locator('[data-rule]')).toContainText('还差必修 A1');
  await expect(line(page, '赵敏').locator('[data-rule]')).toHaveText('达标');
  await expect(line(page, '张伟').locator('[data-rule]')).toContainText('还差 2 个微能力点');
  await expect(line(page, '刘洋')).toHaveAttribute('data-status', '待复评');
  await expect(line(page, '陈静')).toHaveAttribute('data-status', '需修改');
  await expect(line(page, '孙丽')).toHaveAttribute('data-status', '未提交');
  await expect(line(page, '王芳')).toContainText('智慧');
  // The figures count those done at school.
  await expect(summary(page, 'school-done')).toHaveText('4 人');
  await expect(summary(page, 'passed')).toHaveText('0 人（0%）');
  await expect(page.locator('.archive-table tbody tr').filter({ hasText: '王芳' }).first()).toContainText(
    `校内评审已完成，待${COUNTY}`,
  );
  await expectNoAxeViolations(page);

  // Taking the 广州 file in, by keyboard, counts it; taking it out again leaves it out.
  const take = page.getByRole('button', { name: '纳入本校档案：陈晓（广州市越秀区实验小学）' });
  await take.focus();
  await page.keyboard.press('Enter');
  await expect(summary(page, 'teachers')).toHaveText('8 人');
  await expect(others.locator('[data-other="陈晓（广州市越秀区实验小学）"]')).toContainText('已纳入本校档案');
  await expect(line(page, '陈晓')).toContainText('不在名单中');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: '移出本校档案：陈晓（广州市越秀区实验小学）' }).click();
  await expect(summary(page, 'teachers')).toHaveText('7 人');
  await expect(line(page, '陈晓')).toHaveCount(0);

  // The county's review file for 王芳, loaded with the others: she is through.
  await page.getByLabel('选择文件（可多选）').setInputFiles([countyReviewFile()]);
  await expect(page.locator('[data-load-report]')).toContainText('本次读入 0 份自评、1 份评审意见');
  await expect(line(page, '王芳')).toHaveAttribute('data-status', '已通过');
  await expect(line(page, '王芳')).toContainText('全部微能力点已通过');
  await expect(summary(page, 'passed')).toHaveText('1 人（14.3%）');
  await expect(summary(page, 'school-done')).toHaveText('3 人');

  // A result typed in, by keyboard: a missing 认定人 is refused and nothing typed is lost.
  const form = page.locator('[data-outcome-form]');
  await form.getByLabel('教师').selectOption('李娜');
  await form.getByLabel('微能力点').selectOption('C5');
  await form.getByLabel('结果').selectOption('合格');
  await form.getByLabel('认定日期').fill('2025-06-21');
  await form.getByLabel('认定日期').press('Enter');
  await expect(page.locator('[data-outcome-message]')).toHaveText('请填写认定人或认定单位');
  await expect(form.getByLabel('认定日期')).toHaveValue('2025-06-21');
  await form.getByLabel('认定人或认定单位').fill('徐水区专家组');
  await form.getByLabel('认定人或认定单位').press('Enter');
  await expect(page.locator('[data-outcome-message]')).toContainText('已录入：李娜 C5');
  await expect(page.locator('[data-typed]')).toContainText(
    `李娜 C5 ${COUNTY}：合格（徐水区专家组，2025-06-21）`,
  );
  const liC5 = page.locator('.archive-table tbody tr').filter({ hasText: '李娜' }).filter({ hasText: 'C5' });
  await expect(liC5).toContainText(`${GROUP} → ${TEAM} → ${COUNTY}均已通过`);
  await expect(line(page, '李娜')).toHaveAttribute('data-status', '校内评审已完成');
  await expectNoAxeViolations(page);

  // The hand-off: those with every ability done at school and one waiting for the county.
  await expect(page.locator('[data-handoff-count]')).toContainText('3 人');
  await expect(page.locator('[data-ready-teacher]')).toHaveText([/李娜/, /张伟/, /赵敏/]);

  // (a) The hand-off file: the plan, these three teachers' self-checks and reviews, the result typed in.
  const fileDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: '保存移交文件（交县级专家团队）' }).click();
  const handoffDownload = await fileDownload;
  expect(handoffDownload.suggestedFilename()).toMatch(/^县级审核移交_徐水区实验小学_\d{8}\.json$/);
  const handoff = importHandoffText(readFileSync(await handoffDownload.path(), 'utf8'));
  if (!handoff.ok) throw new Error(handoff.error);
  expect(handoff.dropped).toEqual([]);
  expect(handoff.handoff.plan.school).toEqual(PLAN.school);
  expect(handoff.handoff.selfChecks.map((d) => d.profile.name).sort()).toEqual(
    ['张伟', '李娜', '赵敏'].sort(),
  );
  expect(handoff.handoff.reviews).toHaveLength(6);
  expect(handoff.handoff.outcomes).toMatchObject([
    {
      teacher: '李娜',
      code: 'C5',
      stage: COUNTY,
      outcome: { grade: '合格', by: '徐水区专家组', from: '手动录入' },
    },
  ]);

  const csvDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出移交名单 CSV' }).click();
  const csvFile = await csvDownload;
  expect(csvFile.suggestedFilename()).toMatch(/^移交县级审核_徐水区实验小学_\d{8}\.csv$/);
  const csv = readFileSync(await csvFile.path(), 'utf8');
  const table = parseCsv(csv.replace(/^\uFEFF/, ''));
  expect(table[0]?.slice(0, 6)).toEqual(['学校', '教师', '学科', '学段', '类别', '微能力点']);
  expect(table.slice(1).map((r) => `${r[1]} ${r[5]} ${r[9]}`)).toEqual([
    '李娜 C5 合格',
    '李娜 C6 合格',
    '李娜 C7 合格',
    '张伟 C5 优秀',
    '赵敏 C6 合格',
  ]);
  // Opened in LibreOffice Calc: the same cells, none computed.
  // Calc writes its lines with \n; no cell here holds a line break.
  const calc = parseCsv(openInCalc(csv, 'comma' satisfies keyof typeof SEPARATORS).replace(/\r?\n/g, '\r\n'));
  expect(calc.slice(1).map((r) => r[1])).toEqual(['李娜', '李娜', '李娜', '张伟', '赵敏']);
  expect(calc.flat().filter((c) => /^(Err:\d+|#[A-Z]+[?!]?)$/.test(c))).toEqual([]);

  // Printed: only the list, on landscape A4.
  await page.evaluate(() => {
    window.print = () => document.body.setAttribute('data-printed', document.body.dataset['print'] ?? '');
  });
  await page.getByRole('button', { name: '打印移交名单' }).click();
  await expect(page.locator('body')).toHaveAttribute('data-printed', 'handoff');
  await page.emulateMedia({ media: 'print' });
  const pdf = new Uint8Array(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  const pages = await pdfPagesWithSize(pdf);
  expect(pages).toHaveLength(1);
  expect(pages[0]?.width).toBeCloseTo(842, -1);
  expect(pages[0]?.height).toBeCloseTo(595, -1);
  const text = (pages[0]?.text ?? '').normalize('NFKC').replace(/\s+/g, '');
  expect(text).toContain(`徐水区实验小学(2024—2025学年):待${COUNTY}的教师名单`.normalize('NFKC'));
  for (const name of ['李娜', '张伟', '赵敏']) expect(text).toContain(name);
  // Nothing else of the page: not the archive table, not the load section.
  expect(text).not.toContain('载入文件');
  expect(text).not.toContain('杨光');
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await page.emulateMedia({ media: 'screen' });
  await expect(page.locator('body')).not.toHaveAttribute('data-print', 'handoff');

  // A reload keeps every decision: the typed result, the file left out, the plan.
  await page.reload();
  await expect(page.locator('.school-archive')).toHaveAttribute('data-ready', 'true');
  await expect(page.locator('[data-typed]')).toContainText('李娜 C5');
  await expect(summary(page, 'teachers')).toHaveText('7 人');
  await expect(page.locator('[data-handoff-count]')).toContainText('3 人');

  // The saved archive file carries the decisions and the plan (format version 2).
  const saved = page.waitForEvent('download');
  await page.getByRole('button', { name: '保存档案文件' }).click();
  const file = JSON.parse(readFileSync(await (await saved).path(), 'utf8'));
  expect(file).toMatchObject({ kind: '学校考核档案', version: 2, takenIn: [] });
  expect(file.outcomes).toMatchObject([{ teacher: '李娜', code: 'C5', stage: COUNTY, by: '徐水区专家组' }]);
  expect(file.plan.school).toEqual(PLAN.school);
});

test('an archive file whose plan differs asks before it replaces the plan in this browser', async ({
  page,
}) => {
  await openSchool(page);
  await seedPlan(page);
  await page.reload();
  await expect(page.locator('.school-archive')).toHaveAttribute('data-ready', 'true');
  const other = {
    ...PLAN,
    school: { ...PLAN.school, round: '2025—2026 学年' },
    savedAt: '2025-09-01T08:00:00.000Z',
  };
  const archiveFile = (round: string) => ({
    name: `学校考核档案_${round}.json`,
    mimeType: 'application/json',
    buffer: Buffer.from(
      JSON.stringify({
        app: '微能力手册',
        kind: '学校考核档案',
        version: 2,
        savedAt: '2025-09-02T08:00:00.000Z',
        settings: { region: 'xushui' },
        selfChecks: [],
        reviews: [],
        outcomes: [],
        takenIn: [],
        plan: other,
      }),
    ),
  });
  await page.getByLabel('选择文件（可多选）').setInputFiles([archiveFile('a')]);
  const question = page.getByRole('group', { name: '是否替换学校考核方案' });
  await expect(question).toContainText('与本浏览器中的方案');
  // Focus is on 取消: Enter keeps the plan here.
  await expect(question.getByRole('button', { name: '取消' })).toBeFocused();
  await expectNoAxeViolations(page);
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-plan-notice]')).toHaveText('已保留本浏览器中的学校考核方案。');
  await expect(page.locator('[data-plan="true"]')).toContainText('2024—2025 学年');

  await page.getByLabel('选择文件（可多选）').setInputFiles([archiveFile('b')]);
  await question.getByRole('button', { name: '用档案中的方案替换' }).click();
  await expect(page.locator('[data-plan="true"]')).toContainText('2025—2026 学年');
  await page.reload();
  await expect(page.locator('[data-plan="true"]')).toContainText('2025—2026 学年');
});

test.describe('the plan’s parts on a 360 px phone, and a plan saved in another tab', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('the page does not scroll sideways; a plan saved in another tab is read at once', async ({ page }) => {
    await openSchool(page);
    await expect(page.locator('[data-plan="false"]')).toBeVisible();
    // The plan page in another tab saves the plan and announces it.
    const planTab = await page.context().newPage();
    await planTab.goto('/school/');
    await seedPlan(planTab);
    await planTab.evaluate(() => {
      const channel = new BroadcastChannel('weinengli.school-plan');
      channel.postMessage({ savedAt: 'now' });
      channel.close();
    });
    await expect(page.locator('[data-plan="true"]')).toContainText('徐水区实验小学');
    await planTab.close();

    await page.getByLabel('选择文件（可多选）').setInputFiles(schoolFiles());
    await expect(page.locator('[data-handoff-count]')).toContainText('4 人');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    for (const name of [
      '每位教师一行的表格（可左右滑动）',
      '评审分工进度表（可左右滑动）',
      '移交名单（可左右滑动）',
    ])
      await expect(page.getByRole('region', { name })).toHaveAttribute('tabindex', '0');
    await expectNoAxeViolations(page);
  });
});
