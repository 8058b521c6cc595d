/**
 * A regional rubric that cannot grade yet (an item left at 考核指南没有写明) is still offered to
 * the teachers of its region and the regions under it, saying what is missing, as A1 is: built
 * from a fixture content entry into a site of its own, served beside the usual one.
 */
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startFixtureSite, type FixtureSite } from '../support/fixture-site';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { fillProfile } from './self-check-helpers';

let site: FixtureSite;
let origin: string;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  site = await startFixtureSite((content) => {
    mkdirSync(join(content, 'abilities/regions/baoding'), { recursive: true });
    cpSync(
      join(import.meta.dirname, '../fixtures/content/regional-A5-partial.mdx'),
      join(content, 'abilities/regions/baoding/A5.mdx'),
    );
  });
  origin = site.origin;
});

test.afterAll(() => site?.close());

test('a 徐水 teacher is offered 保定’s A5 though it cannot grade yet, told what is missing, and can complete it', async ({
  page,
}) => {
  await page.goto(`${origin}/self-check/?a=A5`);
  await fillProfile(page);
  await page.getByRole('button', { name: '下一步：选择微能力点' }).click();
  await expect(page.getByRole('checkbox', { name: /A5 技术支持的课堂导入/ })).toBeChecked();
  await expect(page.locator('label', { hasText: 'A5 技术支持的课堂导入' })).toContainText(
    '本地区版本，需补全标准',
  );
  await page.getByRole('button', { name: '下一步：逐项自查证据' }).click();
  const note = page.locator('[data-regional-not-ready]');
  await expect(note).toContainText('A5 的本地区版本（河北省保定市版');
  await expect(note).toContainText('还不能评分：第 2 项证据“课堂导入设计”：还没写明是否评分');
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: '录入本地考核指南的标准' }).click();
  // The editor starts from 保定's version, not the national one.
  await expect(page.getByRole('textbox', { name: /名称/ }).first()).toHaveValue('问题描述（保定版）');
});
