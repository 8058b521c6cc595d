/** Nothing typed into the self-check is lost: the entered rubric before 保存标准, an ability unticked by mistake. */
import { expect, expectNoAxeViolations, test } from './fixtures';
import { item, savedNow, toEvidence } from './self-check-helpers';

const KEY = 'weinengli.self-check.rubric-editor.A2';

test('a half-typed rubric survives a reload and a followed link; the toolbar says so only once it is written', async ({
  page,
}) => {
  await toEvidence(page, 'A2');
  await page.getByRole('button', { name: '录入本地考核指南的标准' }).click();
  await page.getByLabel('名称', { exact: true }).fill('资源评价报告');
  await page.getByLabel('形式', { exact: true }).selectOption('文本');
  await page.getByLabel('合格标准（每行一条）').fill('来源可靠\n评价有依据');
  await page.getByLabel('份数（可空）').fill('2');
  await expect(page.locator('.save-state')).toContainText('已自动保存录入的标准');
  expect(await page.evaluate((key) => localStorage.getItem(key), KEY)).toContain('资源评价报告');

  await page.reload();
  await expect(page.getByText('已恢复上次录入但尚未保存的内容')).toBeVisible();
  await expect(page.getByLabel('名称', { exact: true })).toHaveValue('资源评价报告');
  await expect(page.getByLabel('合格标准（每行一条）')).toHaveValue('来源可靠\n评价有依据');
  await expect(page.getByLabel('份数（可空）')).toHaveValue('2');
  await expectNoAxeViolations(page);

  // Typing and leaving at once: the pending keystrokes are written as the page goes.
  await page.getByLabel('优秀标准（每行一条）').fill('来源可靠\n评价有依据\n形成推荐清单');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '地区政策' }).click();
  await expect(page).toHaveURL(/\/policies\/$/);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '自评' }).click();
  await expect(page.getByLabel('名称', { exact: true })).toHaveValue('资源评价报告');
  await expect(page.getByLabel('优秀标准（每行一条）')).toHaveValue('来源可靠\n评价有依据\n形成推荐清单');

  // Once saved as the rubric, the working copy is gone and the editor stays closed on reload.
  await page.getByRole('button', { name: '保存标准' }).click();
  await expect(page.getByText('评价标准：教师录入（按本地考核指南）')).toBeVisible();
  await savedNow(page);
  expect(await page.evaluate((key) => localStorage.getItem(key), KEY)).toBeNull();
  await page.reload();
  await expect(page.getByText('评价标准：教师录入（按本地考核指南）')).toBeVisible();
  await expect(page.locator('[data-rubric-editor]')).toHaveCount(0);
});

test('a damaged saved rubric entry keeps every item that still reads', async ({ page }) => {
  await toEvidence(page, 'A2');
  await page.getByRole('button', { name: '录入本地考核指南的标准' }).click();
  await page.getByLabel('名称', { exact: true }).fill('资源评价报告');
  await page.getByRole('button', { name: '再加一项证据' }).click();
  await page.locator('#rubric-A2-1-name').fill('推荐清单');
  await expect(page.locator('.save-state')).toContainText('已自动保存录入的标准');
  await page.evaluate((key) => {
    const saved = JSON.parse(localStorage.getItem(key) ?? '{}') as { items: unknown[] };
    saved.items[0] = { name: 42 };
    localStorage.setItem(key, JSON.stringify(saved));
  }, KEY);
  await page.reload();
  await expect(
    page.getByText('已恢复上次录入但尚未保存的内容（有 1 项证据无法读取，已略去）。'),
  ).toBeVisible();
  await expect(page.getByLabel('名称', { exact: true })).toHaveValue('推荐清单');
  await page.evaluate((key) => localStorage.setItem(key, '{not json'), KEY);
  await page.reload();
  await expect(page.getByRole('button', { name: '录入本地考核指南的标准' })).toBeVisible();
});

test('an ability unticked by mistake comes back with its evidence through 撤销', async ({ page }) => {
  await toEvidence(page, 'C5');
  await item(page, 'scenario').getByLabel('证据标题').fill('初二数学的分层作业');
  await savedNow(page);
  await page.getByRole('button', { name: '上一步' }).click();
  const c5 = page.getByRole('checkbox', { name: /^C5/ });
  await c5.uncheck();
  const notice = page.locator('[data-removed-ability="C5"]');
  await expect(notice).toContainText('已移除 C5');
  await expect(page.getByRole('button', { name: '下一步：逐项自查证据' })).toBeDisabled();
  await expectNoAxeViolations(page);
  await notice.getByRole('button', { name: /^撤销\s*移除 C5$/ }).click();
  await expect(c5).toBeChecked();
  await expect(c5).toBeFocused();
  await expect(notice).toHaveCount(0);
  await page.getByRole('button', { name: '下一步：逐项自查证据' }).click();
  await expect(item(page, 'scenario').getByLabel('证据标题')).toHaveValue('初二数学的分层作业');
});
