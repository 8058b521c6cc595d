/**
 * The regional rubrics are data files, not part of the page: a 徐水 teacher's wizard fetches the
 * index for 徐水 and the versions of the abilities chosen, nothing of other regions, under the
 * /handbook/ sub-path. A fetch that fails says so, keeps what was typed, and 重试 picks it up.
 * Built from fixture content (河北 C5, 保定 A5 that cannot grade yet, 江苏 C5) into a site of its own.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { startFixtureSite, type FixtureSite } from '../support/fixture-site';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { fillProfile, savedNow } from './self-check-helpers';
import type { Rubric } from '../../src/lib/grading/grading';
import type { AbilityRubric } from '../../src/lib/grading/rubric-schema';
import { exportPackText, makePack } from '../../src/lib/rubrics/rubric-file';

const FIXTURES = join(import.meta.dirname, '../fixtures/content');
const BASE = '/handbook/';
// One worker runs this file's tests in turn, so the fixture site is built once, not per worker.
test.describe.configure({ mode: 'default' });
let site: FixtureSite;
let origin: string;

/** The test province's C5 fixture, as the version of a real region. */
function c5For(region: string, regionName: string): string {
  return readFileSync(join(FIXTURES, 'regional-C5.mdx'), 'utf8')
    .replace('region: test-province', `region: ${region}`)
    .replace('regionName: 测试省', `regionName: ${regionName}`)
    .replaceAll('测试省版', `${regionName}版`)
    .replaceAll('测试用优秀标准', `${regionName}的优秀标准`);
}

test.beforeAll(async () => {
  test.setTimeout(300_000);
  site = await startFixtureSite((content) => {
    for (const region of ['hebei', 'baoding', 'jiangsu'])
      mkdirSync(join(content, 'abilities/regions', region), { recursive: true });
    writeFileSync(join(content, 'abilities/regions/hebei/C5.mdx'), c5For('hebei', '河北省'));
    writeFileSync(join(content, 'abilities/regions/jiangsu/C5.mdx'), c5For('jiangsu', '江苏省'));
    cpSync(join(FIXTURES, 'regional-A5-partial.mdx'), join(content, 'abilities/regions/baoding/A5.mdx'));
  }, BASE);
  origin = site.origin;
});

test.afterAll(() => site?.close());

/** The paths of the rubric data files the page asks for, in order. */
function dataRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.includes('/data/')) seen.push(pathname);
  });
  return seen;
}

test('a 徐水 teacher fetches 徐水’s index and 河北’s C5 only, and self-checks C5 by it under /handbook/', async ({
  page,
  request,
}) => {
  // The page itself holds no region's criteria.
  const html = await (await request.get(`${origin}${BASE}self-check/`)).text();
  expect(html).not.toContain('河北省的优秀标准');
  expect(html).not.toContain('江苏省的优秀标准');

  const seen = dataRequests(page);
  await page.goto(`${origin}${BASE}self-check/?a=C5`);
  await fillProfile(page);
  await page.getByRole('button', { name: '下一步：选择微能力点' }).click();
  // Which ability has a regional version is known before any version is fetched.
  await expect(page.locator('label', { hasText: 'C5 基于数据的个别化指导' })).toContainText('本地区版本');
  await expect(page.locator('label', { hasText: 'A5 技术支持的课堂导入' })).toContainText(
    '本地区版本，需补全标准',
  );
  await page.getByRole('button', { name: '下一步：逐项自查证据' }).click();
  await expect(page.getByText('案例展示（河北省版）').first()).toBeVisible();
  await expect(page.getByText('河北省的优秀标准')).toBeVisible();
  await expect(page.getByText('江苏省的优秀标准')).toHaveCount(0);
  await expectNoAxeViolations(page);

  expect(seen).toEqual([
    `${BASE}data/rubrics/regions/xushui.json`,
    `${BASE}data/rubrics/versions/hebei/C5.json`,
  ]);

  // Choosing A5 too fetches 保定’s A5, once; nothing is fetched again for C5.
  await page.getByRole('button', { name: '上一步' }).first().click();
  await page.getByRole('checkbox', { name: /A5 技术支持的课堂导入/ }).check();
  await page.getByRole('button', { name: '下一步：逐项自查证据' }).click();
  await expect(page.getByRole('button', { name: '下一步：查看自评结果' })).toBeVisible();
  expect(seen).toEqual([
    `${BASE}data/rubrics/regions/xushui.json`,
    `${BASE}data/rubrics/versions/hebei/C5.json`,
    `${BASE}data/rubrics/versions/baoding/A5.json`,
  ]);
});

test('a school rubric file opened while 河北’s C5 is on its way waits for it, and keeps the ticks made by it', async ({
  page,
  request,
}, testInfo) => {
  // A 徐水 teacher ticks the excellent criterion of 河北’s C5.
  await page.goto(`${origin}${BASE}self-check/?a=C5`);
  await fillProfile(page);
  await page.getByRole('button', { name: '下一步：选择微能力点' }).click();
  await page.getByRole('button', { name: '下一步：逐项自查证据' }).click();
  await page.getByRole('checkbox', { name: '河北省的优秀标准' }).check();
  await savedNow(page);

  // The school's file for C5 has 河北’s own criteria (the handbook's national ones differ).
  const version = (await (
    await request.get(`${origin}${BASE}data/rubrics/versions/hebei/C5.json`)
  ).json()) as { entry: { rubric: Rubric } };
  const { rubric } = version.entry;
  const pack = makePack(
    { title: '河北省校本应用考核指南', enteredBy: '实验小学信息化管理团队', enteredAt: '2025-03' },
    [
      {
        code: 'C5',
        name: rubric.name,
        alternativeGroups: [...rubric.alternativeGroups],
        evidence: rubric.items as unknown as AbilityRubric['evidence'],
      },
    ],
  );
  const file = testInfo.outputPath('评价标准_河北.json');
  writeFileSync(file, exportPackText(pack));

  // After a reload, 河北’s C5 is slow to come; the file is opened meanwhile.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/data/rubrics/versions/hebei/C5.json', async (route) => {
    await held;
    await route.continue();
  });
  await page.reload();
  await page.getByRole('button', { name: '使用学校录入的评价标准' }).click();
  await page.getByLabel('打开评价标准文件').setInputFiles(file);
  await page
    .getByRole('region', { name: /中的评价标准/ })
    .getByRole('button', { name: '使用这些评价标准' })
    .click();
  await expect(page.getByText(/将在本地区的评价标准载入后使用/)).toBeVisible();

  release();
  await expect(page.getByText(/已使用学校录入的评价标准：C5/)).toBeVisible();
  const tick = page.getByRole('checkbox', { name: '河北省的优秀标准' });
  await expect(tick).toBeVisible();
  await expect(page.getByText(/河北省校本应用考核指南/).first()).toBeVisible();
  await expect(tick).toBeChecked();
  await expectNoAxeViolations(page);
});

test.describe('no network', () => {
  // The refused fetches are the point of this test; the console names each one.
  test.use({ expectedConsoleErrors: /ERR_INTERNET_DISCONNECTED/ });

  test('a version that cannot be fetched is said in Chinese, nothing typed is lost, and 重试 carries on', async ({
    page,
  }) => {
    const seen = dataRequests(page);
    await page.route('**/data/rubrics/versions/**', (route) => route.abort('internetdisconnected'));
    await page.goto(`${origin}${BASE}self-check/?a=C5`);
    await fillProfile(page);
    await page.getByRole('button', { name: '下一步：选择微能力点' }).click();
    await page.getByRole('button', { name: '下一步：逐项自查证据' }).click();
    const alert = page.getByRole('alert').filter({ hasText: '未能读取本地区的评价标准' });
    await expect(alert).toContainText('您填写的内容都还在');
    // No criteria are shown until the region's own are here: ticks must not land on the wrong list.
    await expect(page.getByText('案例展示（河北省版）')).toHaveCount(0);
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: '1. 基本信息' }).click();
    await expect(page.getByLabel('姓名', { exact: true })).toHaveValue('王晓红');
    await page.reload();
    await expect(page.getByLabel('姓名', { exact: true })).toHaveValue('王晓红');
    await page.getByRole('button', { name: '下一步：选择微能力点' }).click();
    await page.getByRole('button', { name: '下一步：逐项自查证据' }).click();
    await expect(alert).toBeVisible();

    await page.unroute('**/data/rubrics/versions/**');
    await alert.getByRole('button', { name: '重试' }).click();
    await expect(page.getByText('河北省的优秀标准')).toBeVisible();
    await expect(alert).toHaveCount(0);
    expect(seen.filter((p) => p.endsWith('/versions/hebei/C5.json')).length).toBeGreaterThanOrEqual(3);
    expect(seen.every((p) => /\/(regions\/xushui|versions\/hebei\/C5)\.json$/.test(p))).toBe(true);
  });
});

test.describe('offline', () => {
  test.use({ serviceWorkers: 'allow' });

  test('after one visit to the home page, a 徐水 teacher self-checks 河北’s C5 with no network', async ({
    page,
    context,
  }) => {
    test.setTimeout(90_000);
    await page.goto(`${origin}${BASE}`);
    // The worker controls the page once its whole precache, the data files included, is stored.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
      timeout: 30_000,
    });
    await context.setOffline(true);
    await page.goto(`${origin}${BASE}self-check/?a=C5`);
    await fillProfile(page);
    await page.getByRole('button', { name: '下一步：选择微能力点' }).click();
    await expect(page.locator('label', { hasText: 'C5 基于数据的个别化指导' })).toContainText('本地区版本');
    await page.getByRole('button', { name: '下一步：逐项自查证据' }).click();
    await expect(page.getByText('河北省的优秀标准')).toBeVisible();
    await expect(page.getByRole('alert').filter({ hasText: '未能读取' })).toHaveCount(0);
  });
});
