/**
 * The 30 names and dimensions come from the content files alone: every place a teacher meets
 * them (the ability page, the home grid, the filtered list, the wizard's pick step and the
 * search index) must show what the file says. A page that hard-codes or caches an old name
 * fails here.
 */
import { readCollection } from '../support/content-files';
import { expect, test } from './fixtures';
import { fillProfile } from './self-check-helpers';

interface AbilityData {
  code: string;
  name: string;
  environment: string;
  dimension: string;
  variant?: unknown;
}

const abilities = readCollection('abilities', '.mdx')
  .map((f) => f.data as unknown as AbilityData)
  .filter((a) => a.variant === undefined);

test('every ability page names the ability and its dimension as its content file does', async ({ page }) => {
  for (const a of abilities) {
    await page.goto(`/abilities/${a.code}/`);
    await expect(page.getByRole('heading', { level: 1 }), a.code).toContainText(`${a.code} ${a.name}`);
    const badges = page.getByRole('list', { name: '分类' });
    await expect(badges, a.code).toContainText(a.environment);
    await expect(badges, a.code).toContainText(`能力维度：${a.dimension}`);
  }
});

test('the home grid places each ability in its cell and shows 智慧学习环境 × 学情分析 as empty', async ({
  page,
}) => {
  await page.goto('/');
  const grid = page.getByRole('table', { name: /30 个微能力点/ });
  for (const a of abilities) {
    const link = grid.getByRole('link', { name: `${a.code} ${a.name}`, exact: true });
    const cell = grid
      .locator('td')
      .filter({ has: page.getByRole('link', { name: `${a.code} ${a.name}`, exact: true }) });
    await expect(link, a.code).toHaveCount(1);
    await expect(cell, a.code).toHaveAttribute('data-environment', a.environment);
    await expect(cell, a.code).toHaveAttribute('data-dimension', a.dimension);
  }
  const empty = grid.locator('td[data-environment="智慧学习环境"][data-dimension="学情分析"]');
  await expect(empty).toContainText('本环境没有这一维度的微能力点');
  await expect(empty.getByRole('link')).toHaveCount(0);
});

test('the filtered ability list of each dimension holds exactly its abilities', async ({ page }) => {
  await page.goto('/abilities/');
  const dimensions = [...new Set(abilities.map((a) => a.dimension))];
  for (const dimension of dimensions) {
    await page.goto('/abilities/');
    await page.getByRole('navigation', { name: '筛选' }).getByRole('link', { name: dimension }).click();
    const expected = abilities.filter((a) => a.dimension === dimension);
    const main = page.getByRole('main');
    for (const a of expected) {
      await expect(
        main.getByRole('link', { name: new RegExp(`^${a.code} ${a.name}`) }),
        a.code,
      ).toBeVisible();
    }
    const codes = await main
      .getByRole('link')
      .evaluateAll((links) =>
        links
          .map(
            (l) =>
              /^\/(?:.*\/)?abilities\/([ABC]\d{1,2})\/$/.exec(
                new URL((l as HTMLAnchorElement).href).pathname,
              )?.[1],
          )
          .filter(Boolean),
      );
    expect(new Set(codes), dimension).toEqual(new Set(expected.map((a) => a.code)));
  }
});

test('the wizard offers each ability under its content-file name', async ({ page }) => {
  await page.goto('/self-check/');
  await fillProfile(page);
  await page.getByRole('button', { name: '下一步：选择微能力点' }).click();
  for (const a of abilities) {
    await expect(
      page.getByRole('checkbox', { name: new RegExp(`${a.code}\\s*${a.name}`) }),
      a.code,
    ).toHaveCount(1);
  }
});

test('the search index carries each ability page with its name and dimension', async ({ page }) => {
  await page.goto('/');
  const entries = await page.evaluate(async () => {
    const bundle = new URL('pagefind/pagefind.js', document.baseURI).href;
    const pagefind = (await import(bundle)) as {
      init: () => Promise<void>;
      search: (
        q: string | null,
        o: object,
      ) => Promise<{
        results: {
          data: () => Promise<{ url: string; meta: { title: string }; filters: Record<string, string[]> }>;
        }[];
      }>;
    };
    await pagefind.init();
    const found = await pagefind.search(null, { filters: { 类型: '微能力' } });
    return Promise.all(found.results.map((r) => r.data()));
  });
  for (const a of abilities) {
    const entry = entries.find((e) => new URL(e.url, 'http://x').pathname.endsWith(`/abilities/${a.code}/`));
    expect(entry, a.code).toBeDefined();
    expect(entry?.meta.title, a.code).toBe(`${a.code} ${a.name}`);
    expect(entry?.filters['能力维度'], a.code).toEqual([a.dimension]);
    expect(entry?.filters['教学环境'], a.code).toEqual([a.environment]);
  }
});
