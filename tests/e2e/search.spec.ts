import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './fixtures';

const box = (page: Page) => page.getByRole('search').first().getByRole('searchbox', { name: '搜索手册' });
const panelHits = (page: Page) => page.locator('#site-search-panel .search-hit a');

test.describe('search box in the header', () => {
  test('a Chinese term finds its micro-ability first, with type and highlighted excerpt', async ({
    page,
  }) => {
    const pagefindRequests: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/pagefind/')) pagefindRequests.push(r.url());
    });
    await page.goto('/policies/');
    expect(pagefindRequests, 'the index loads only when someone searches').toEqual([]);
    await box(page).fill('伴随性采集');
    const first = panelHits(page).first();
    await expect(first).toHaveAttribute('href', '/abilities/A12/');
    await expect(first.locator('.search-hit-type')).toHaveText('微能力');
    await expect(first.locator('.search-hit-title')).toHaveText('A12 评价数据的伴随性采集');
    await expect(first.locator('mark').first()).toBeVisible();
    await expect(page.locator('#site-search-panel [role="status"]')).toContainText('找到');
    await first.click();
    await expect(page).toHaveURL('/abilities/A12/');
  });

  test('keyboard: "/" focuses the box, arrows move through results, Enter opens', async ({ page }) => {
    await page.goto('/about/');
    await page.locator('h1').click();
    await page.keyboard.press('/');
    await expect(box(page)).toBeFocused();
    await page.keyboard.type('数据');
    await expect(panelHits(page).nth(1)).toBeVisible();
    await page.keyboard.press('ArrowDown');
    await expect(panelHits(page).first()).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(panelHits(page).nth(1)).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(panelHits(page).first()).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(box(page)).toBeFocused();
    const target = await panelHits(page).first().getAttribute('href');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(target ?? 'missing');
  });

  for (const query of ['A5', 'a5']) {
    test(`the ability code "${query}" alone puts that ability first`, async ({ page }) => {
      await page.goto('/');
      await box(page).fill(query);
      await expect(panelHits(page).first()).toHaveAttribute('href', '/abilities/A5/');
    });
  }

  test('Enter in the box without choosing a result opens the search page for the query', async ({ page }) => {
    await page.goto('/');
    await box(page).fill('首席信息官');
    await box(page).press('Enter');
    await expect(page).toHaveURL('/search/?q=%E9%A6%96%E5%B8%AD%E4%BF%A1%E6%81%AF%E5%AE%98');
    await expect(page.getByRole('searchbox', { name: '搜索词' })).toHaveValue('首席信息官');
    await expect(page.locator('[data-hits] .search-hit').first()).toBeVisible();
  });

  test('axe finds no violation with the results open', async ({ page }) => {
    await page.goto('/');
    await box(page).fill('学时');
    await expect(panelHits(page).first()).toBeVisible();
    await expectNoAxeViolations(page);
  });
});

test.describe('search page', () => {
  test('the URL restores the query and filters, and a filter narrows the results', async ({ page }) => {
    await page.goto('/search/?q=学时&type=政策');
    await expect(page.getByRole('searchbox', { name: '搜索词' })).toHaveValue('学时');
    const policyFilter = page.getByRole('checkbox', { name: /^政策/ });
    await expect(policyFilter).toBeChecked();
    const hits = page.locator('[data-hits] .search-hit');
    await expect(hits.first()).toBeVisible();
    const filtered = await hits.count();
    await expect(page.locator('[data-hits] .search-hit-type')).toHaveText(Array(filtered).fill('政策'));
    await policyFilter.uncheck();
    await expect.poll(() => hits.count()).toBeGreaterThan(filtered);
    await expect(page).toHaveURL('/search/?q=%E5%AD%A6%E6%97%B6');
    await page.getByRole('searchbox', { name: '搜索词' }).fill('数据');
    await page.getByRole('checkbox', { name: /^智慧学习环境/ }).check();
    await expect(page).toHaveURL(/environment=/);
    const titles = page.locator('[data-hits] .search-hit-title');
    await expect
      .poll(async () => {
        const all = await titles.allTextContents();
        return all.length > 0 && all.every((t) => /^C\d /.test(t));
      })
      .toBe(true);
  });

  test('a query with no results says so and suggests the ability grid', async ({ page }) => {
    await page.goto('/search/?q=zqxjv');
    await expect(page.getByRole('status')).toHaveText('没有找到与“zqxjv”相关的内容。');
    await page.goto('/search/?q=量子纠缠');
    await expect(page.getByRole('status')).toHaveText(/^没有找到(与|包含)“量子纠缠”/);
    const suggestion = page.getByRole('link', { name: '30 个微能力点的一览表' });
    await expect(suggestion).toBeVisible();
    await suggestion.click();
    await expect(page).toHaveURL('/abilities/');
  });

  test('a glossary term links to its own entry', async ({ page }) => {
    await page.goto('/search/?q=晒课&type=术语');
    const first = page.locator('[data-hits] .search-hit a').first();
    await expect(first).toHaveAttribute('href', '/glossary/#shaike');
  });

  test('axe finds no violation on the search page with results', async ({ page }) => {
    await page.goto('/search/?q=微课');
    await expect(page.locator('[data-hits] .search-hit').first()).toBeVisible();
    await expectNoAxeViolations(page);
  });
});

test.describe('search under a sub-path', () => {
  test.use({ baseURL: 'http://127.0.0.1:4822' });

  test('finds and opens pages inside /handbook/', async ({ page }) => {
    await page.goto('/handbook/abilities/');
    await box(page).fill('数据分析微模型');
    const first = panelHits(page).first();
    await expect(first).toHaveAttribute('href', '/handbook/abilities/C7/');
    await first.click();
    await expect(page).toHaveURL('/handbook/abilities/C7/');
    await page.goto('/handbook/search/?q=c7');
    await expect(page.locator('[data-hits] .search-hit a').first()).toHaveAttribute(
      'href',
      '/handbook/abilities/C7/',
    );
  });
});
