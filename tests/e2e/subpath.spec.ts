/**
 * A school hosts the handbook under /handbook/: crawl that build from its home page and check
 * every internal link and asset resolves without leaving /handbook/.
 */
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { enterShortRubric } from './rubric-entry';
import { ROOT_ORIGIN, SUBPATH_ORIGIN } from '../../playwright.config';

const ORIGIN = SUBPATH_ORIGIN;
const BASE = '/handbook/';

/** Crawls a build from its home page: every internal link and asset must answer 200 inside the base. */
async function crawl(page: Page, request: APIRequestContext, origin: string, base: string) {
  const queue = [base];
  const visited = new Set<string>();
  const checkedAssets = new Set<string>();
  const outside: string[] = [];
  const broken: string[] = [];

  while (queue.length > 0) {
    const path = queue.shift() as string;
    if (visited.has(path)) continue;
    visited.add(path);
    const response = await page.goto(`${origin}${path}`);
    if (response?.status() !== 200) {
      broken.push(`${path} → ${response?.status()}`);
      continue;
    }
    const refs = await page.evaluate(() => [
      ...[...document.querySelectorAll('a[href]')].map((a) => ({
        kind: 'link',
        url: (a as HTMLAnchorElement).href,
      })),
      ...[...document.querySelectorAll('link[href]')].map((l) => ({
        kind: 'asset',
        url: (l as HTMLLinkElement).href,
      })),
      ...[...document.querySelectorAll('script[src], img[src]')].map((s) => ({
        kind: 'asset',
        url: (s as HTMLScriptElement).src,
      })),
    ]);
    for (const ref of refs) {
      const url = new URL(ref.url);
      if (url.origin !== origin) continue;
      if (!url.pathname.startsWith(base)) {
        outside.push(`${path}: ${url.pathname}`);
        continue;
      }
      if (ref.kind === 'link') {
        if (!visited.has(url.pathname)) queue.push(url.pathname);
      } else if (!checkedAssets.has(url.pathname)) {
        checkedAssets.add(url.pathname);
        const r = await request.get(`${origin}${url.pathname}`);
        if (r.status() !== 200) broken.push(`${path}: asset ${url.pathname} → ${r.status()}`);
      }
    }
  }
  return { visited, checkedAssets, outside, broken };
}

for (const [origin, base] of [
  [ORIGIN, BASE],
  [ROOT_ORIGIN, '/'],
] as const) {
  test(`every link and asset of the build served at ${base} resolves inside it`, async ({
    page,
    request,
  }) => {
    test.setTimeout(180_000);
    const { visited, checkedAssets, outside, broken } = await crawl(page, request, origin, base);
    expect(outside).toEqual([]);
    expect(broken).toEqual([]);
    expect(visited.size).toBeGreaterThan(50);
    expect(checkedAssets.size).toBeGreaterThan(0);
  });
}

test('links written inside content files get the base path', async ({ page }) => {
  await page.goto(`${ORIGIN}${BASE}glossary/`);
  const term = page.locator('[data-term="micro-ability-point"]');
  await expect(term.getByRole('link', { name: 'C4 支持学生创造性学习与表达' })).toHaveAttribute(
    'href',
    '/handbook/abilities/C4/',
  );
  await term.getByRole('link', { name: '微能力点一览' }).click();
  await expect(page).toHaveURL(`${ORIGIN}${BASE}abilities/`);
  await page.goto(`${ORIGIN}${BASE}abilities/C5/`);
  await expect(page.locator('main a[href*="/about/#source-"]').first()).toHaveAttribute(
    'href',
    /^\/handbook\/about\/#source-/,
  );
});

test('a rubric entered under /handbook/ is shared by a link that opens the wizard under /handbook/', async ({
  page,
}) => {
  await enterShortRubric(page, `${ORIGIN}${BASE}rubrics/?a=A6`);
  await page.getByRole('button', { name: '复制分享链接' }).click();
  const link = await page.getByLabel(/分享链接/).inputValue();
  expect(link.startsWith(`${ORIGIN}${BASE}self-check/#rubrics=`)).toBe(true);

  await page.goto(link);
  const preview = page.getByRole('region', { name: '链接中的评价标准' });
  await expect(preview).toContainText('《测试省校本应用考核指南》');
  await preview.getByRole('button', { name: '使用这些评价标准' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已使用学校录入的评价标准：A6' })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe(`${BASE}self-check/`);
});
