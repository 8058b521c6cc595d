/**
 * A big school's staff list on /school/plan/: 120 teachers imported, shown fifty at a time with
 * 查找 across every page; a row with a problem on another page is named and one click away; a
 * teacher added lands on the last page with the focus in the name; each reviewer's checklist
 * lists a hundred names at most and finds the rest. Keyboard, axe, and a phone.
 */
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { sidewaysScroll } from './layout';

const TEACHERS = 120;
const csv = [
  '姓名,学科,学段,类别',
  ...Array.from({ length: TEACHERS }, (_, i) => `教师${i},${i % 2 === 0 ? '数学' : '语文'},小学,骨干`),
].join('\n');

async function openWithRoster(page: Page) {
  await page.goto('/school/plan/');
  await expect(page.getByLabel('学校名称')).toBeEditable();
  await page.getByLabel('导入教师名单（.xlsx 或 CSV）').setInputFiles({
    name: '全校教师.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv),
  });
  await page.getByRole('button', { name: '导入名单' }).click();
  await expect(page.getByText(`已从“全校教师.csv”导入教师名单，现共 ${TEACHERS} 位教师。`)).toBeVisible();
}

const pager = (page: Page) => page.getByRole('navigation', { name: '教师名单分页' });

test.describe('a staff list of 120 teachers', () => {
  test('pages, 查找, a problem on another page, and a teacher added', async ({ page }) => {
    await openWithRoster(page);
    await expect(pager(page)).toContainText('第 1 / 3 页（第 1—50 位）');
    await expect(page.getByLabel('教师49的姓名')).toHaveValue('教师49');
    await expect(page.getByLabel('教师50的姓名')).toHaveCount(0);
    await expect(pager(page).getByRole('button', { name: '上一页' })).toBeDisabled();
    await expectNoAxeViolations(page);

    await pager(page).getByRole('button', { name: '下一页' }).click();
    await expect(pager(page)).toContainText('第 2 / 3 页（第 51—100 位）');
    await expect(page.getByLabel('教师50的姓名')).toBeVisible();
    await expect(page.getByLabel('教师0的姓名')).toHaveCount(0);

    // 查找 looks across every page: by name, or by subject and stage together.
    const search = page.getByLabel('查找教师（姓名、学科、学段或类别）');
    await search.fill('教师119');
    await expect(page.getByText('找到 1 位教师。')).toBeVisible();
    await expect(page.getByLabel('教师119的姓名')).toBeVisible();
    await expect(pager(page)).toHaveCount(0);
    await search.fill('语文 小学');
    await expect(page.getByText('找到 60 位教师。')).toBeVisible();
    await expect(pager(page)).toContainText('第 1 / 2 页');
    await search.fill('王');
    await expect(page.getByText('没有找到符合的教师。')).toBeVisible();

    // A name cleared on page 2 is a problem; seen from page 1 it is named, and 转到 goes there.
    await search.fill('');
    await pager(page).getByRole('button', { name: '下一页' }).click();
    await page.getByLabel('教师77的姓名').fill('');
    await pager(page).getByRole('button', { name: '上一页' }).click();
    const elsewhere = page.getByRole('note').filter({ hasText: '不在当前显示的名单中' });
    await expect(elsewhere).toContainText('还有 1 位教师的信息需要补全或修改');
    await expectNoAxeViolations(page);
    await elsewhere.getByRole('button', { name: '转到第 78 位：第 78 位教师' }).click();
    await expect(page.getByLabel('第 78 位教师的姓名')).toBeFocused();
    await page.keyboard.type('教师77');
    await expect(elsewhere).toHaveCount(0);

    // 添加一位教师 opens the last page with the new row's name to type.
    await page.getByRole('button', { name: '添加一位教师' }).click();
    await expect(pager(page)).toContainText('第 3 / 3 页（第 101—121 位）');
    await expect(page.getByLabel('第 121 位教师的姓名')).toBeFocused();
    await page.keyboard.type('新来的老师');
    await expect(page.getByLabel('新来的老师的姓名')).toHaveValue('新来的老师');
    await expect(page.getByText(`共 ${TEACHERS + 1} 位教师。`)).toBeVisible();
  });

  test('a reviewer’s checklist shows a hundred names and finds the others', async ({ page }) => {
    await openWithRoster(page);
    await page.getByRole('button', { name: '添加评审分工' }).click();
    const list = page.getByRole('group', { name: /^第 1 项分工评审的教师/ });
    await expect(list).toContainText('找到 120 位，这里列出前 100 位；请用查找缩小范围。');
    await expect(list.getByRole('checkbox')).toHaveCount(100);
    await list.getByLabel('在名单中查找要给第 1 项分工评审的教师').fill('教师11');
    await expect(list).toContainText('找到 11 位。');
    await list.getByRole('checkbox', { name: '教师115' }).check();
    await expect(page.getByRole('group', { name: /^第 1 项分工评审的教师（已选 1 位）/ })).toBeVisible();
    // 全选 takes every teacher, listed or not.
    await page.getByRole('button', { name: '全选第 1 项分工的教师' }).click();
    await expect(page.getByRole('group', { name: /^第 1 项分工评审的教师（已选 120 位）/ })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('on a phone the pager and 查找 fit the screen', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await openWithRoster(page);
    await expect(pager(page)).toBeVisible();
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
    const box = await pager(page).getByRole('button', { name: '下一页' }).boundingBox();
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(360);
  });
});
