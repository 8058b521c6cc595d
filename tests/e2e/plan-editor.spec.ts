/**
 * The principal writes a 徐水 school's plan on /school/plan/: the roster of eight imported from the
 * staff list (a GBK CSV, then an .xlsx merged in), categories and a rule, 徐水's stages, two
 * reviewers' assignments; saves the plan file and reads it back; makes the teachers' link and
 * opens it on /self-check/; reloads; and works in two tabs at once, where the second tab's save
 * never silently replaces the first's. axe at every state, keyboard, and a phone.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import fc from 'fast-check';
import { exportPackText } from '../../src/lib/rubrics/rubric-file';
import { importPlanText, type SchoolPlan } from '../../src/lib/school/plan/plan-file';
import { decodePlanFragment } from '../../src/lib/school/plan/plan-link';
import { PLAN_CHANGED_ELSEWHERE_MESSAGE } from '../../src/lib/school/plan/plan-store';
import { rosterCsvGbk, rosterXlsx } from '../fixtures/plan/rosters';
import { packArb } from '../support/rubric-arbitraries';
import { expect, expectNoAxeViolations, test } from './fixtures';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function openEditor(page: Page) {
  await page.goto('/school/plan/');
  await expect(page.getByRole('heading', { level: 1, name: '学校考核方案' })).toBeVisible();
  await expect(page.getByLabel('学校名称')).toBeEditable();
}

const category = (page: Page, name: string) => page.getByRole('group', { name: `教师类别：${name}` });
const assignment = (page: Page, name: string) => page.getByRole('group', { name: `评审分工：${name}` });
const saved = (page: Page) => expect(page.getByText(/^方案已保存在本浏览器中/)).toBeVisible();

/** The plan as this browser keeps it (the same IndexedDB record /school/ reads). */
async function storedPlan(page: Page): Promise<SchoolPlan> {
  const text = await page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('weinengli', 1);
        open.onerror = () => reject(new Error('IndexedDB'));
        open.onsuccess = () => {
          const get = open.result.transaction('school').objectStore('school').get('school-plan');
          get.onsuccess = () => resolve(get.result as string);
          get.onerror = () => reject(new Error('IndexedDB'));
        };
      }),
  );
  const read = importPlanText(text);
  if (!read.ok) throw new Error(read.error);
  return read.plan;
}

/** The 徐水 plan made through the page, as a principal would. */
async function makeXushuiPlan(page: Page) {
  await openEditor(page);
  // A new plan says what is missing, at the fields.
  await expect(page.getByText('学校名称不能为空')).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel('学校名称').fill('徐水区实验小学');
  await page.getByLabel('所在地区（按哪份政策文件）').selectOption('xushui');
  await page.getByLabel('轮次或学年').fill('2024—2025 学年');
  await page.getByLabel('提交自评截止日期').fill('2025-05-15');
  // 徐水's stages, from its policy; those after the school marked 校外.
  const stages = page.getByRole('group', { name: /^环节 \d：/ });
  await expect(stages).toHaveCount(4);
  await expect(page.getByRole('group', { name: '环节 1：教师组内互评 校内' })).toBeVisible();
  await expect(page.getByRole('group', { name: '环节 3：县级专家团队审核认定 校外' })).toBeVisible();
  await expect(page.getByRole('group', { name: '环节 4：省市抽查 校外（抽查）' })).toBeVisible();
  // No policy entry states a selection rule: the field says so rather than guessing.
  await expect(page.getByText(/没有规定选几个微能力点，请按本校的校本研修与考核方案填写/)).toBeVisible();
  await page.getByLabel('截止日期', { exact: true }).first().fill('2025-05-31');

  // The staff list as Excel saves CSV on a Chinese PC (GBK), with a title line and an empty row.
  await page.getByLabel('导入教师名单（.xlsx 或 CSV）').setInputFiles({
    name: '教师名单.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(rosterCsvGbk()),
  });
  const preview = page.getByRole('region', { name: '“教师名单.csv”中的教师名单' });
  await expect(preview).toContainText('读到 6 位教师。');
  await expect(preview).toContainText('识别的列：姓名：A列，学科：B列，学段：C列，类别：D列。');
  await expect(preview).toContainText('跳过空行 1 行。');
  await expect(preview.getByLabel(/名单中有方案里没有的类别：骨干、其他、50岁以上/)).toBeChecked();
  await expectNoAxeViolations(page);
  await preview.getByRole('button', { name: '导入名单' }).click();
  await expect(page.getByText('已从“教师名单.csv”导入教师名单，现共 6 位教师。')).toBeVisible();
  // 王 芳, padded as staff lists do, is read as 王芳.
  await expect(page.getByLabel('王芳的姓名')).toHaveValue('王芳');
  await expect(page.getByLabel('赵敏的类别')).toHaveValue('50岁以上');

  // The .xlsx: two more teachers and a correction, merged in after asking.
  await page.getByLabel('导入教师名单（.xlsx 或 CSV）').setInputFiles({
    name: '补充名单.xlsx',
    mimeType: XLSX_TYPE,
    buffer: Buffer.from(rosterXlsx()),
  });
  const more = page.getByRole('region', { name: '“补充名单.xlsx”中的教师名单' });
  await expect(more).toContainText('读到 3 位教师。');
  await expect(more.getByRole('radio', { name: /合并/ })).toBeChecked();
  await expect(more).toContainText(
    '将新增 2 位，更新 1 位，0 位不变；现有名单中 5 位不在这份名单里，会保留。',
  );
  await expectNoAxeViolations(page);
  await more.getByRole('button', { name: '合并到名单' }).click();
  await expect(page.getByText('现共 8 位教师。')).toBeVisible();
  await expect(page.getByLabel('陈静的学科')).toHaveValue('音乐、书法');

  // The categories the staff list brought, each with its rule.
  await category(page, '骨干').getByLabel('要完成几个微能力点').fill('3');
  await category(page, '骨干').getByRole('button', { name: '添加“至少 N 个来自…”要求' }).click();
  const atLeast = category(page, '骨干').getByRole('group', { name: '骨干的“至少”要求 1' });
  await atLeast.getByRole('checkbox', { name: '混合学习环境' }).check();
  await atLeast.getByRole('checkbox', { name: '智慧学习环境' }).check();
  await category(page, '骨干').getByLabel('必修（微能力点编号，用顿号分隔）').fill('A1、Z9');
  await expect(category(page, '骨干').getByText(/Z9|不是微能力点编号/)).toBeVisible();
  await category(page, '骨干').getByLabel('必修（微能力点编号，用顿号分隔）').fill('A1');
  await category(page, '其他').getByLabel('要完成几个微能力点').fill('3');
  await category(page, '50岁以上').getByLabel('要完成几个微能力点').fill('1');
  await expect(category(page, '骨干')).toContainText(
    '教师看到的要求：本校要求：完成 3 个，至少 1 个来自混合或智慧学习环境；必修：A1 技术支持的学情分析',
  );

  // Two reviewers: 语文组 at 组内互评 for two teachers, the IT team at 复评 for everyone.
  await page.getByRole('button', { name: '添加评审分工' }).click();
  await assignment(page, '第 1 项分工').getByLabel('评审人或小组').fill('语文组');
  const chinese = assignment(page, '语文组');
  await chinese.getByLabel('评审环节').selectOption({ label: '教师组内互评' });
  await chinese.getByRole('checkbox', { name: '王芳' }).check();
  await chinese.getByRole('checkbox', { name: '孙丽' }).check();
  await page.getByRole('button', { name: '添加评审分工' }).click();
  await assignment(page, '第 2 项分工').getByLabel('评审人或小组').fill('信息化团队');
  const team = assignment(page, '信息化团队');
  await team.getByLabel('评审环节').selectOption({ label: '信息化团队复评' });
  await team.getByRole('button', { name: '全选信息化团队的教师' }).click();
  await expect(team.getByRole('group', { name: '信息化团队评审的教师（已选 8 位）' })).toBeVisible();
  const open = page.locator('.plan-unassigned');
  await expect(open).toContainText('教师组内互评：6 位未分配（李娜、张伟、刘洋、陈静、赵敏、杨光）');
  await expect(open).toContainText('信息化团队复评：全部已分配');

  await saved(page);
  await expect(page.getByText('方案完整，修改会自动保存。')).toBeVisible();
  await expectNoAxeViolations(page);
}

test.describe('the school plan editor', () => {
  test('a 徐水 plan: roster imported from GBK CSV and .xlsx, rules, stages, reviewers; file, link, reload', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await makeXushuiPlan(page);

    const stored = await storedPlan(page);
    expect(stored.school).toEqual({ name: '徐水区实验小学', region: 'xushui', round: '2024—2025 学年' });
    expect(stored.roster.map((t) => t.name)).toEqual([
      '王芳',
      '李娜',
      '张伟',
      '刘洋',
      '陈静',
      '赵敏',
      '杨光',
      '孙丽',
    ]);
    expect(stored.categories.map((c) => [c.name, c.rule.count])).toEqual([
      ['骨干', 3],
      ['其他', 3],
      ['50岁以上', 1],
    ]);
    expect(stored.stages.map((s) => [s.name, s.outside])).toEqual([
      ['教师组内互评', false],
      ['信息化团队复评', false],
      ['县级专家团队审核认定', true],
      ['省市抽查', true],
    ]);
    expect(stored.deadlines).toEqual([
      { stage: '提交自评', date: '2025-05-15' },
      { stage: '教师组内互评', date: '2025-05-31' },
    ]);
    expect(stored.assignments).toEqual([
      { reviewer: '语文组', stage: '教师组内互评', teachers: ['王芳', '孙丽'] },
      { reviewer: '信息化团队', stage: '信息化团队复评', teachers: stored.roster.map((t) => t.name) },
    ]);

    // The school's rubric pack, made on /rubrics/, goes into the plan after a preview.
    const [pack] = fc.sample(packArb(1), { numRuns: 1, seed: 21 });
    if (!pack) throw new Error('no pack');
    await page.getByLabel('打开评价标准文件').setInputFiles({
      name: '评价标准.json',
      mimeType: 'application/json',
      buffer: Buffer.from(exportPackText(pack)),
    });
    await expect(page.getByRole('region', { name: '“评价标准.json”中的评价标准' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: '放进方案' }).click();
    await expect(page.getByText(/^方案中的评价标准：/)).toContainText(`${pack.abilities.length} 个微能力点`);
    await expect.poll(async () => (await storedPlan(page)).rubrics).toEqual(pack);

    // The plan file, read back as another browser would.
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: '保存方案文件' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^学校考核方案_徐水区实验小学_\d{8}\.json$/);
    const fileText = readFileSync(await download.path(), 'utf8');
    const fromFile = importPlanText(fileText);
    expect(fromFile.ok && fromFile.plan.roster).toEqual(stored.roster);
    expect(fromFile.ok && fromFile.plan.assignments).toEqual(stored.assignments);
    expect(fromFile.ok && fromFile.plan.rubrics).toEqual(pack);

    // Opened again over a changed plan: a preview first, then replace, then 撤销.
    await page.getByLabel('学校名称').fill('徐水区第二小学');
    await saved(page);
    await page.getByLabel('打开方案文件').setInputFiles({
      name: download.suggestedFilename(),
      mimeType: 'application/json',
      buffer: Buffer.from(fileText),
    });
    const filePreview = page.getByRole('region', { name: /中的学校考核方案$/ });
    await expect(filePreview).toContainText('徐水区实验小学');
    await expect(filePreview).toContainText('8 人');
    await expect(filePreview).toContainText('县级专家团队审核认定（校外）');
    await expect(page.getByLabel('学校名称')).toHaveValue('徐水区第二小学');
    await expectNoAxeViolations(page);
    await filePreview.getByRole('button', { name: '替换为这份方案' }).click();
    await expect(page.getByLabel('学校名称')).toHaveValue('徐水区实验小学');
    await expect(page.getByLabel('孙丽的类别')).toHaveValue('50岁以上');
    await page.getByRole('button', { name: '撤销' }).click();
    await expect(page.getByLabel('学校名称')).toHaveValue('徐水区第二小学');
    await page.getByLabel('学校名称').fill('徐水区实验小学');
    await saved(page);

    // A file that is not a plan changes nothing.
    await page.getByLabel('打开方案文件').setInputFiles({
      name: '随便.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"app":"x"}'),
    });
    await expect(page.getByText(/未能打开“随便.json”：.*正在编辑的方案没有改动。/)).toBeVisible();

    // The teachers' link: its length in words, and the wizard receives the plan in the fragment.
    await page.getByRole('button', { name: '生成教师自评链接' }).click();
    const link = await page.getByLabel('教师自评链接').inputValue();
    expect(link).toMatch(/\/self-check\/#plan=1\./);
    await expect(page.getByText(/^链接共 \d+ 个字符/)).toBeVisible();
    await page.getByRole('button', { name: '生成评审链接' }).click();
    await expect(page.getByLabel('评审链接（互评与复评）')).toHaveValue(/\/review\/#plan=1\./);
    await expectNoAxeViolations(page);
    // 复制链接 puts the teachers' link on the clipboard, and says so.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    const copyButtons = page.getByRole('button', { name: '复制链接' });
    await copyButtons.first().click();
    await expect(page.getByText('已复制，可以粘贴到教师群或邮件中。')).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    // Where the browser refuses, the reviewers' link is selected for Ctrl+C, and the page says so.
    await page.evaluate(() => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
    });
    await copyButtons.nth(1).click();
    await expect(
      page.getByText('浏览器不允许自动复制：链接已选中，请按 Ctrl+C（手机上长按）复制。'),
    ).toBeVisible();
    const reviewBox = page.getByLabel('评审链接（互评与复评）');
    expect(
      await reviewBox.evaluate(
        (box: HTMLTextAreaElement) => box.selectionStart === 0 && box.selectionEnd === box.value.length,
      ),
    ).toBe(true);
    const decoded = await decodePlanFragment(link.slice(link.indexOf('#')));
    expect(decoded.ok && decoded.plan.roster).toEqual(stored.roster);

    const teacher = await page.context().newPage();
    await teacher.addInitScript(() => {
      (window as unknown as { firstHash: string }).firstHash = location.hash;
    });
    await teacher.goto(link);
    await expect(teacher.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await teacher.evaluate(() => (window as unknown as { firstHash: string }).firstHash)).toBe(
      link.slice(link.indexOf('#')),
    );
    expect(new URL(teacher.url()).pathname).toBe('/self-check/');
    await teacher.close();

    // A reload keeps everything.
    await page.reload();
    await expect(page.getByLabel('学校名称')).toHaveValue('徐水区实验小学');
    await expect(page.getByLabel('杨光的姓名')).toHaveValue('杨光');
    await expect(assignment(page, '语文组').getByRole('checkbox', { name: '孙丽' })).toBeChecked();
    await expect(page.getByText('方案完整，修改会自动保存。')).toBeVisible();
  });

  test('unfinished typing survives a reload, and /school/ links here', async ({ page }) => {
    await page.goto('/school/');
    await page.getByRole('link', { name: '编写学校考核方案' }).click();
    await expect(page).toHaveURL(/\/school\/plan\/$/);
    await expect(page.getByRole('link', { name: '考核方案', exact: true })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await expect(page.getByLabel('学校名称')).toBeEditable();
    await page.getByLabel('学校名称').fill('徐水区实验小学');
    await page.getByLabel('要完成几个微能力点').fill('3个');
    await expect(page.getByText('完成个数须为整数')).toBeVisible();
    await expect(page.getByText(/已输入的内容已暂存在本浏览器中/)).toBeVisible();
    await page.reload();
    await expect(page.getByLabel('学校名称')).toHaveValue('徐水区实验小学');
    await expect(page.getByLabel('要完成几个微能力点')).toHaveValue('3个');
    await expect(page.getByText('已恢复上次未完成的修改')).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('a change made just before the tab is closed is kept, finished or not', async ({ context, page }) => {
    test.setTimeout(120_000);
    await makeXushuiPlan(page);
    // The last change, then the tab closes at once: no moment passes for the autosave's pause.
    await page.getByLabel('轮次或学年').fill('2025—2026 学年');
    await page.close({ runBeforeUnload: true });

    const again = await context.newPage();
    await openEditor(again);
    await expect(again.getByLabel('轮次或学年')).toHaveValue('2025—2026 学年');
    // Saved either by the closing tab (its write may still land) or, from its closing copy, by this
    // one; in the first case this page has nothing to say, so the stored plan is what is checked.
    await expect.poll(async () => (await storedPlan(again)).school.round).toBe('2025—2026 学年');

    // An unfinished change (a count that is not a number yet), closed at once, comes back as one.
    await again.getByLabel('要完成几个微能力点').first().fill('3个');
    await again.close({ runBeforeUnload: true });
    const third = await context.newPage();
    await openEditor(third);
    await expect(third.getByLabel('要完成几个微能力点').first()).toHaveValue('3个');
    await expect(third.getByText('已恢复上次未完成的修改')).toBeVisible();
    await expect(third.getByLabel('轮次或学年')).toHaveValue('2025—2026 学年');
  });

  test('two tabs: the second tab’s save does not silently replace the first’s', async ({ page }) => {
    test.setTimeout(120_000);
    await makeXushuiPlan(page);
    const second = await page.context().newPage();
    await openEditor(second);
    await expect(second.getByLabel('学校名称')).toHaveValue('徐水区实验小学');

    // The second tab starts a change it cannot save yet (a name cleared) …
    await second.getByLabel('学校名称').fill('');
    await expect(second.getByText(/已输入的内容已暂存/)).toBeVisible();
    // … while the first saves another.
    await page.getByLabel('轮次或学年').fill('2025—2026 学年');
    await saved(page);
    await expect(second.getByText('另一个标签页刚保存了学校考核方案')).toBeVisible();

    // The second tab's change, once complete, is not written over the first's: it asks.
    await second.getByLabel('学校名称').fill('徐水区实验二小');
    const conflict = second.getByRole('alert').filter({ hasText: PLAN_CHANGED_ELSEWHERE_MESSAGE });
    await expect(conflict).toBeVisible();
    await expectNoAxeViolations(second);
    expect((await storedPlan(page)).school).toEqual({
      name: '徐水区实验小学',
      region: 'xushui',
      round: '2025—2026 学年',
    });

    // Keyboard: the choice is made from the keyboard, and the first tab follows.
    await conflict.getByRole('button', { name: '保留本页的方案' }).focus();
    await second.keyboard.press('Enter');
    await expect(second.getByText('已保留本页的方案，并保存在本浏览器中。')).toBeVisible();
    expect((await storedPlan(second)).school.name).toBe('徐水区实验二小');
    await expect(page.getByLabel('学校名称')).toHaveValue('徐水区实验二小');
    await expect(page.getByText('另一个标签页保存了学校考核方案，本页已换成它保存的方案。')).toBeVisible();
  });

  test('keyboard: stages reordered and removed with keys, and a question answered', async ({ page }) => {
    await openEditor(page);
    await page.getByLabel('所在地区（按哪份政策文件）').selectOption('xushui');
    await expect(page.getByRole('group', { name: /^环节 \d：/ })).toHaveCount(4);
    await page.getByRole('button', { name: '下移“教师组内互评”' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('group', { name: '环节 1：信息化团队复评 校内' })).toBeVisible();
    await page.getByRole('button', { name: '删除环节“省市抽查”' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('group', { name: /^环节 \d：/ })).toHaveCount(3);
    await page.getByRole('button', { name: /重新填入评审环节$/ }).focus();
    await page.keyboard.press('Enter');
    // Focus is on 取消 first, so a second Enter does not replace the stages.
    await expect(page.getByRole('button', { name: '取消' })).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('group', { name: /^环节 \d：/ })).toHaveCount(4);
    await expect(page.getByRole('group', { name: '环节 1：教师组内互评 校内' })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('on a phone, the plan fits the screen and passes axe', async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 375, height: 740 });
    await makeXushuiPlan(page);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
