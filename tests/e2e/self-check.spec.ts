import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { abilityGrade, fillProfile, hashWorkerReady, item, savedNow, toEvidence } from './self-check-helpers';

const MEDIA = join(import.meta.dirname, '../fixtures/media');
test.describe('self-check wizard', () => {
  test('a C5 self-check: over-long video fails with its reason, then 合格, then 优秀; reload restores it', async ({
    page,
  }) => {
    await page.goto('/abilities/C5/');
    await page.getByRole('link', { name: /用此能力点开始自评/ }).click();
    await expect(page).toHaveURL('/self-check/');
    await expect(page.getByRole('heading', { level: 2 })).toHaveText('第 1 步：基本信息');

    // Profile: validation speaks Chinese.
    await page.getByRole('button', { name: '下一步：选择微能力点' }).click();
    await expect(page.getByText('请填写姓名')).toBeVisible();
    await expect(page.getByLabel('姓名', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await fillProfile(page);
    await page.getByRole('button', { name: '下一步：选择微能力点' }).click();

    // C5 comes preselected from the ability page.
    await expect(page.getByRole('heading', { level: 2 })).toBeFocused();
    await expect(page.getByRole('checkbox', { name: /C5 基于数据的个别化指导/ })).toBeChecked();
    await expect(page.getByText('已按您打开的能力点页面预选 C5')).toBeVisible();
    await page.getByRole('button', { name: '下一步：逐项自查证据' }).click();
    await expect(page.getByRole('heading', { level: 2 })).toHaveText(
      '第 3 步：逐项自查证据——C5 基于数据的个别化指导',
    );

    // Picking a file makes no network request (once the step, fetched when first reached, shows,
    // and its hashing worker has started).
    await expect(page.getByRole('button', { name: '下一步：查看自评结果' })).toBeVisible();
    await hashWorkerReady(page);
    const requests: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith('blob:') && !r.url().startsWith('data:')) requests.push(r.url());
    });
    await item(page, 'scenario').getByLabel('这项证据我已准备好').check();
    const video = item(page, 'case-video');
    await video.getByLabel(/选择本地文件/).setInputFiles(join(MEDIA, 'case-11min.webm'));
    await expect(video.getByText(/时长 11 分 0 秒/).first()).toBeVisible();
    await expect(video.getByText(/文件校验码 [0-9a-f]{8}…/)).toBeVisible();
    await expect(video.locator('[data-grade]').first()).toHaveText(/不合格/);
    await expect(video.getByText('「案例展示」时长 11 分 0 秒，超过 10 分钟的上限')).toBeVisible();
    expect(requests).toEqual([]);

    // Within the limit, on camera, every 合格 criterion ticked: the item is 合格 …
    // Removed by mistake: 撤销 (focused in its place) brings the file back with its hash.
    await video.getByRole('button', { name: /移除/ }).click();
    await expect(video.getByRole('list', { name: '已选文件' })).toHaveCount(0);
    const undo = video.getByRole('button', { name: /^撤销\s*移除“case-11min.webm”$/ });
    await expect(undo).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(video.getByText(/时长 11 分 0 秒/).first()).toBeVisible();
    await expect(video.getByText(/文件校验码 [0-9a-f]{8}…/)).toBeVisible();
    await expect(undo).toHaveCount(0);
    await video.getByRole('button', { name: /移除/ }).click();
    await video.getByLabel(/选择本地文件/).setInputFiles(join(MEDIA, 'case-9min.webm'));
    await expect(video.getByRole('button', { name: /撤销/ })).toHaveCount(0);
    await expect(video.getByText(/时长 9 分 0 秒/)).toBeVisible();
    await video.getByLabel('视频中出现了我本人的形象').check();
    const passBoxes = video.getByRole('group', { name: /合格标准/ }).getByRole('checkbox');
    for (const box of await passBoxes.all()) await box.check();
    await expect(video.locator('[data-grade]').first()).toHaveText(/合格/);
    // … but the ability fails while the students' accounts are missing.
    await expect(abilityGrade(page, 'C5')).toHaveText(/不合格/);
    await expect(page.locator('[data-ability-grade="C5"]')).toContainText('「学生体会」缺交');
    await item(page, 'student-accounts')
      .getByLabel(/选择本地文件/)
      .setInputFiles([join(MEDIA, 'student-90s.weba'), join(MEDIA, 'student-100s.weba')]);
    await expect(item(page, 'student-accounts').getByText(/时长 1 分 40 秒/)).toBeVisible();
    await expect(abilityGrade(page, 'C5')).toHaveText(/合格/);
    await expect(abilityGrade(page, 'C5')).not.toHaveText(/不合格/);

    // Every 优秀 criterion: 优秀.
    const excellentBoxes = video.getByRole('group', { name: /优秀标准/ }).getByRole('checkbox');
    for (const box of await excellentBoxes.all()) await box.check();
    await expect(abilityGrade(page, 'C5')).toHaveText(/优秀/);
    expect(requests).toEqual([]);

    // Reload: everything is where it was.
    await savedNow(page);
    await page.reload();
    await expect(page.getByRole('heading', { level: 2 })).toHaveText(
      '第 3 步：逐项自查证据——C5 基于数据的个别化指导',
    );
    await expect(abilityGrade(page, 'C5')).toHaveText(/优秀/);
    await expect(item(page, 'case-video').locator('.file-name')).toHaveText('case-9min.webm');
    await expect(item(page, 'case-video').getByLabel('视频中出现了我本人的形象')).toBeChecked();

    // The summary lists the grade.
    await page.getByRole('button', { name: '下一步：查看自评结果' }).click();
    await expect(page.locator('[data-summary="C5"]')).toContainText('优秀');
    await expect(page.locator('[data-summary="C5"]')).toContainText('本手册');
  });

  test('export, start over, import: the self-check comes back identical; a broken file is refused', async ({
    page,
  }) => {
    await page.goto('/self-check/?a=C6');
    await fillProfile(page);
    await page.getByRole('button', { name: '下一步：选择微能力点' }).click();
    await page.getByRole('checkbox', { name: /C7 创建数据分析微模型/ }).check();
    await page.getByRole('button', { name: '下一步：逐项自查证据' }).click();
    await item(page, 'model-introduction').getByLabel('证据标题').fill('认知风格测量模型介绍 <b>加粗</b>');
    await savedNow(page);

    const exportDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: '保存自评文件' }).click();
    const exported = await exportDownload;
    expect(exported.suggestedFilename()).toMatch(/^微能力自评_王晓红_\d{8}\.json$/);
    const exportedPath = await exported.path();
    const before = JSON.parse(readFileSync(exportedPath, 'utf8'));

    await page.getByRole('button', { name: '新建自评' }).click();
    await page.getByRole('button', { name: '确定新建' }).click();
    await expect(page.getByRole('heading', { level: 2 })).toHaveText('第 1 步：基本信息');
    await expect(page.getByLabel('姓名', { exact: true })).toHaveValue('');
    await expect(page.getByRole('button', { name: '下载上一份自评' })).toBeVisible();

    await page.getByLabel('打开自评文件').setInputFiles(exportedPath);
    await expect(page.getByText(/已打开/)).toBeVisible();
    await expect(item(page, 'model-introduction').getByLabel('证据标题')).toHaveValue(
      '认知风格测量模型介绍 <b>加粗</b>',
    );
    const reexport = page.waitForEvent('download');
    await page.getByRole('button', { name: '保存自评文件' }).click();
    const after = JSON.parse(readFileSync(await (await reexport).path(), 'utf8'));
    expect({ ...after, savedAt: '' }).toEqual({ ...before, savedAt: '' });

    // A truncated file and a newer-version file are refused; the draft stays as it was.
    const text = readFileSync(exportedPath, 'utf8');
    await page.getByLabel('打开自评文件').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from(text.slice(0, 120)),
    });
    await expect(page.getByRole('alert')).toContainText('未能打开“broken.json”');
    await expect(page.getByRole('alert')).toContainText('当前的自评没有改动');
    const newer = JSON.stringify({ ...before, version: 99 });
    await page
      .getByLabel('打开自评文件')
      .setInputFiles({ name: 'newer.json', mimeType: 'application/json', buffer: Buffer.from(newer) });
    await expect(page.getByRole('alert')).toContainText('更新版本');
    await expect(item(page, 'model-introduction').getByLabel('证据标题')).toHaveValue(
      '认知风格测量模型介绍 <b>加粗</b>',
    );
  });

  test('corrupt saved data: the wizard opens, explains, offers the raw data and starts clean', async ({
    page,
  }) => {
    await page.addInitScript(() => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem('weinengli.self-check', '{"app":"微能力手册","version":1,"profile":');
        sessionStorage.setItem('seeded', '1');
      }
    });
    await page.goto('/self-check/');
    await expect(page.getByRole('alert')).toContainText('浏览器中保存的自评无法读取');
    const raw = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载原来的数据' }).click();
    expect(readFileSync(await (await raw).path(), 'utf8')).toBe('{"app":"微能力手册","version":1,"profile":');
    await expect(page.getByLabel('姓名', { exact: true })).toHaveValue('');
  });

  test('on a plain-http intranet (no Web Crypto) the file still gets its SHA-256', async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(globalThis.crypto, 'subtle', { value: undefined });
    });
    await page.goto('/self-check/?a=C5');
    expect(await page.evaluate(() => globalThis.crypto.subtle === undefined)).toBe(true);
    await fillProfile(page);
    await page.getByRole('button', { name: '下一步：选择微能力点' }).click();
    await page.getByRole('button', { name: '下一步：逐项自查证据' }).click();
    const video = item(page, 'case-video');
    await video.getByLabel(/选择本地文件/).setInputFiles(join(MEDIA, 'case-9min.webm'));
    const expected = createHash('sha256')
      .update(readFileSync(join(MEDIA, 'case-9min.webm')))
      .digest('hex');
    // Teachers read 文件校验码, shortened; the whole value opens on demand, by keyboard too.
    const checksum = video.getByText(`文件校验码 ${expected.slice(0, 8)}…`);
    await expect(checksum).toBeVisible();
    await expect(video.getByText(expected, { exact: true })).toBeHidden();
    await checksum.focus();
    await page.keyboard.press('Enter');
    await expect(video.getByText(expected, { exact: true })).toBeVisible();
    await expect(video).not.toContainText('SHA-256');
  });

  test('storage unavailable: keeps working in memory and says so', async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('blocked', 'SecurityError');
        },
      });
    });
    await page.goto('/self-check/');
    await expect(page.getByRole('alert')).toContainText('浏览器存储不可用');
    await fillProfile(page);
    await page.getByRole('button', { name: '下一步：选择微能力点' }).click();
    await expect(page.getByRole('heading', { level: 2 })).toHaveText('第 2 步：选择微能力点');
  });

  test('an ability without a rubric is not a dead end: the teacher enters the local criteria', async ({
    page,
  }) => {
    await page.goto('/self-check/?a=A2');
    await fillProfile(page);
    await page.getByRole('button', { name: '下一步：选择微能力点' }).click();
    await page.getByRole('button', { name: '下一步：逐项自查证据' }).click();
    await expect(page.getByText('手册尚未收录 A2 的评价标准')).toBeVisible();
    await page.getByRole('button', { name: '录入本地考核指南的标准' }).click();
    await page.getByLabel('名称', { exact: true }).fill('资源评价报告');
    await page.getByLabel('形式', { exact: true }).selectOption('文本');
    await page.getByLabel('合格标准（每行一条）').fill('来源可靠\n评价有依据');
    await page.getByLabel('优秀标准（每行一条）').fill('来源可靠\n评价有依据\n形成推荐清单');
    await page.getByRole('button', { name: '保存标准' }).click();
    await expect(page.getByText('评价标准：教师录入（按本地考核指南）')).toBeVisible();
    const entered = item(page, 'item-1');
    await entered.getByLabel('这项证据我已准备好').check();
    for (const box of await entered
      .getByRole('group', { name: /合格标准/ })
      .getByRole('checkbox')
      .all())
      await box.check();
    await expect(abilityGrade(page, 'A2')).toHaveText(/合格/);
    await page.getByRole('button', { name: '下一步：查看自评结果' }).click();
    await expect(page.locator('[data-summary="A2"]')).toContainText('教师录入');
  });

  test('keyboard only: every step can be completed without a mouse', async ({ page }) => {
    await page.goto('/self-check/?a=C6');
    await page.getByLabel('姓名', { exact: true }).focus();
    await page.keyboard.type('李老师');
    await page.keyboard.press('Tab');
    await page.keyboard.type('保定市第一中学');
    await page.keyboard.press('Tab');
    await page.keyboard.type('数学');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: '下一步：选择微能力点' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 2 })).toBeFocused();
    await expect(page.getByRole('heading', { level: 2 })).toHaveText('第 2 步：选择微能力点');
    await page.getByRole('button', { name: '下一步：逐项自查证据' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 2 })).toHaveText(/第 3 步/);
    await page.getByRole('button', { name: '下一步：查看自评结果' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 2 })).toHaveText('第 4 步：自评结果');
    await expect(page.locator('[data-summary="C6"]')).toContainText('不合格');
  });

  test('axe finds no violation on any step', async ({ page }) => {
    test.setTimeout(90_000);
    await page.goto('/self-check/?a=C4');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: '下一步：选择微能力点' }).click();
    await expectNoAxeViolations(page);
    await fillProfile(page);
    await page.getByRole('button', { name: '下一步：选择微能力点' }).click();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: '下一步：逐项自查证据' }).click();
    await page.getByRole('radio', { name: /任务二/ }).check();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: '下一步：查看自评结果' }).click();
    await expectNoAxeViolations(page);
  });
});

test.describe('self-check wizard: evidence details', () => {
  test('the same file attached twice is flagged and counted once; more pieces than asked is a warning', async ({
    page,
  }) => {
    await toEvidence(page, 'C5');
    const accounts = item(page, 'student-accounts');
    await accounts.getByLabel(/选择本地文件/).setInputFiles(join(MEDIA, 'student-90s.weba'));
    await expect(accounts.locator('.file-name')).toHaveText(['student-90s.weba']);
    await accounts.getByLabel(/选择本地文件/).setInputFiles(join(MEDIA, 'student-90s.weba'));
    await expect(accounts.locator('.file-name')).toHaveCount(2);
    await expect(accounts.locator('li[data-duplicate="true"]')).toContainText('重复，只算一份');
    await expect(accounts).toContainText(
      '“student-90s.weba”与第 1 个文件“student-90s.weba”是同一个文件（文件校验码相同），只算一份',
    );
    await expect(accounts.locator('[data-grade]').first()).toHaveText(/不合格/);
    await expect(accounts).toContainText('「学生体会」需要 2 份，目前 1 份');
    await expectNoAxeViolations(page);

    await accounts
      .getByLabel(/选择本地文件/)
      .setInputFiles([join(MEDIA, 'student-100s.weba'), join(MEDIA, 'case-6min.webm')]);
    await expect(accounts.locator('.file-name')).toHaveCount(4);
    await expect(accounts).toContainText('「学生体会」要求 2 份，目前有 3 份，多出的 1 份请确认是否需要提交');
    // Three distinct pieces meet the count (the warning is not a failure reason).
    await expect(accounts).not.toContainText('需要 2 份');
    await expect(accounts.locator('.reasons')).not.toContainText('多出');
  });

  test('typed text is evidence without the ready tick; a file without a readable duration asks for the minutes', async ({
    page,
  }) => {
    await toEvidence(page, 'C5');
    const scenario = item(page, 'scenario');
    await scenario.getByLabel('证据标题').fill('初二数学的分层作业');
    await expect(scenario.locator('[data-grade]').first()).toHaveText(/不合格/);
    await scenario.getByLabel('简要说明').fill('三个层次的学生，作业完成数据来自平台。');
    await expect(scenario.locator('[data-grade]').first()).toHaveText(/已提交/);
    await expect(scenario.getByLabel('这项证据我已准备好')).toHaveCount(0);
    await expect(scenario).toContainText('已填写证据标题和简要说明，这项证据按已提交计。');

    const video = item(page, 'case-video');
    await expect(video.getByLabel('未选文件时：最长一份的时长（分钟）')).toBeVisible();
    await video.getByLabel(/选择本地文件/).setInputFiles({
      name: '课堂实录.wmv',
      mimeType: 'video/x-ms-wmv',
      buffer: Buffer.from('0&\u00b2u\u008ef\u00cf\u0011 not really a wmv file'),
    });
    await expect(video).toContainText(
      '浏览器读不出“课堂实录.wmv”的时长（WMV、FLV 等格式常见），请在下面填写最长一份的时长（分钟）。',
    );
    await expect(video.getByLabel('未选文件时：最长一份的时长（分钟）')).toHaveCount(0);
    const minutes = video.getByLabel('所选文件读不出时长：最长一份的时长（分钟）');
    await expect(video).toContainText('未提供时长');
    await minutes.fill('12');
    await expect(video).toContainText('「案例展示」时长 12 分 0 秒，超过 10 分钟的上限');
    await minutes.fill('8');
    await expect(video).not.toContainText('时长 12 分');
    await expectNoAxeViolations(page);
  });

  test('a sentence that is both a 合格 and an 优秀 criterion is ticked once and counts for both', async ({
    page,
  }) => {
    await toEvidence(page, 'C5');
    const video = item(page, 'case-video');
    const pass = video.getByRole('group', { name: /合格标准/ }).getByRole('checkbox');
    const excellent = video.getByRole('group', { name: /优秀标准/ }).getByRole('checkbox');
    await expect(video.getByRole('group', { name: /优秀标准/ })).toContainText(
      '（与合格标准第 1 条相同，勾选一次即可）',
    );
    await pass.first().check();
    await expect(excellent.first()).toBeChecked();
    await excellent.first().uncheck();
    await expect(pass.first()).not.toBeChecked();
    await excellent.first().check();
    await expect(pass.first()).toBeChecked();
  });

  test('going back keeps later steps reachable; ?a=C5 says on step 1 that C5 was added', async ({ page }) => {
    await page.goto('/self-check/?a=C5');
    await expect(page.getByRole('status').filter({ hasText: '已把 C5 加入本次自评' })).toBeVisible();
    await fillProfile(page);
    await page.getByRole('button', { name: '下一步：选择微能力点' }).click();
    await page.getByRole('button', { name: '下一步：逐项自查证据' }).click();
    await page.getByRole('button', { name: '下一步：查看自评结果' }).click();
    const steps = page.getByRole('list', { name: '步骤' });
    await steps.getByRole('button', { name: '1. 基本信息' }).click();
    await expect(page.getByRole('heading', { level: 2 })).toHaveText('第 1 步：基本信息');
    await expect(steps.getByRole('button', { name: '3. 逐项自查证据' })).toBeEnabled();
    await steps.getByRole('button', { name: '4. 自评结果' }).click();
    await expect(page.getByRole('heading', { level: 2 })).toHaveText('第 4 步：自评结果');
  });

  test('the printed summary names the teacher; on a phone the grade badges stay on one line', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await toEvidence(page, 'C5');
    await page.getByRole('button', { name: '下一步：查看自评结果' }).click();
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.summary')).toContainText(
      '自评教师：王晓红　学校：徐水区特殊教育学校　学科：语文',
    );
    await expect(page.locator('.summary-teacher')).toBeVisible();
    await page.emulateMedia({ media: 'screen' });
    const badge = page.locator('[data-summary="C5"] .grade');
    await expect(badge).toHaveText(/不合格/);
    // One line box: the badge text does not break between its characters.
    expect(await badge.evaluate((el) => el.getClientRects().length)).toBe(1);
    const { height, width } = (await badge.boundingBox()) ?? { height: 0, width: 0 };
    expect(height).toBeLessThan(32);
    expect(width).toBeGreaterThan(40);
  });

  test('其他地区: free text, required once chosen; the selection hint only where a policy states one', async ({
    page,
  }) => {
    await page.goto('/self-check/');
    await fillProfile(page);
    await page
      .getByLabel('所在地区（按哪份政策文件）')
      .selectOption({ label: '其他地区（手册未收录本地政策）' });
    await page.getByRole('button', { name: '下一步：选择微能力点' }).click();
    await expect(page.getByText('请填写所在地区，例如“某某省某某市某某县”')).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel('所在地区名称').fill('四川省成都市武侯区');
    await expect(page.getByText('请填写所在地区，例如“某某省某某市某某县”')).toHaveCount(0);
    await page.getByRole('button', { name: '下一步：选择微能力点' }).click();
    await page.getByRole('checkbox', { name: /C5 / }).check();
    await expect(page.getByText(/的要求：/)).toHaveCount(0);
    await savedNow(page);
    await page.reload();
    await page.getByRole('button', { name: '上一步' }).click();
    await expect(page.getByLabel('所在地区名称')).toHaveValue('四川省成都市武侯区');

    await page.getByLabel('所在地区（按哪份政策文件）').selectOption('guangzhou');
    await page.getByRole('button', { name: '下一步：选择微能力点' }).click();
    await expect(page.getByText('广州市的要求：')).toBeVisible();
    await expect(page.getByText(/^原文：/)).toBeVisible();
  });
});

test('the entered rubric: a message clears as soon as its field is fixed; 删除录入的标准 asks first', async ({
  page,
}) => {
  await toEvidence(page, 'A2');
  await page.getByRole('button', { name: '录入本地考核指南的标准' }).click();
  await page.getByRole('button', { name: '保存标准' }).click();
  await expect(page.getByText('第 1 项证据缺少名称。')).toBeVisible();
  await page.getByLabel('名称', { exact: true }).fill('资源评价报告');
  await expect(page.getByText('第 1 项证据缺少名称。')).toHaveCount(0);
  // A new item starts with no form: the teacher is asked for one rather than given 文本 unnoticed.
  await expect(page.getByText('“资源评价报告”请选择提交形式。')).toBeVisible();
  await page.getByLabel('形式', { exact: true }).selectOption('文本');
  await expect(page.getByText('“资源评价报告”要评分，请分别填写优秀和合格标准（每行一条）。')).toBeVisible();
  await page.getByLabel('合格标准（每行一条）').fill('来源可靠');
  await page.getByLabel('优秀标准（每行一条）').fill('来源可靠\n形成推荐清单');
  await expect(page.locator('[data-rubric-editor] .field-error')).toHaveCount(0);
  await page.getByRole('button', { name: '保存标准' }).click();
  await expect(page.getByText('评价标准：教师录入（按本地考核指南）')).toBeVisible();

  await page.getByRole('button', { name: '删除录入的标准' }).click();
  const confirm = page.getByRole('group', { name: '确认删除录入的标准' });
  await expect(confirm).toContainText('确定删除录入的 A2 评价标准吗？');
  await expect(page.getByText('评价标准：教师录入（按本地考核指南）')).toBeVisible();
  // 取消 has the focus, so Enter pressed twice asks and cancels; the focus comes back.
  await expect(confirm.getByRole('button', { name: '取消' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(confirm).toHaveCount(0);
  await expect(page.getByText('评价标准：教师录入（按本地考核指南）')).toBeVisible();
  const remove = page.getByRole('button', { name: '删除录入的标准' });
  await expect(remove).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(remove).toBeFocused();
  await expect(page.getByText('评价标准：教师录入（按本地考核指南）')).toBeVisible();
  await remove.click();
  await page.getByRole('button', { name: '确定删除' }).click();
  await expect(page.getByText('手册尚未收录 A2 的评价标准')).toBeVisible();
});
