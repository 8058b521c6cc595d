/** The shortest rubric a school enters on /rubrics/: a guide, who entered it, one graded item. */
import type { Page } from '@playwright/test';

export async function enterShortRubric(page: Page, address: string) {
  await page.goto(address);
  await page.getByLabel('考核指南名称（必填）').fill('测试省校本应用考核指南');
  await page.getByLabel('录入人（必填）').fill('实验小学信息化管理团队');
  await page.getByRole('button', { name: '添加一项证据' }).click();
  const first = page.getByRole('group', { name: /^第 1 项证据/ });
  await first.getByLabel('证据名称').fill('课堂讲授片段');
  // A new item starts with no 提交形式 ticked: the school says which form it takes.
  await first.getByRole('checkbox', { name: '视频' }).check();
  await first.getByLabel(/^优秀标准/).fill('讲授清晰，重点突出');
  await first.getByLabel(/^合格标准/).fill('讲授完整');
}
