import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { ROOT_ORIGIN, SUBPATH_ORIGIN } from '../../playwright.config';

/** The plain header form every page ships; the first focus swaps in Pagefind's searchbox. */
const plainBox = (page: Page) => page.getByRole('searchbox', { name: '搜索手册' });
const box = (page: Page) => page.getByRole('combobox', { name: '搜索手册' });
const options = (page: Page) => page.getByRole('listbox', { name: '搜索结果' }).getByRole('option');
const pageInput = (page: Page) => page.getByRole('searchbox', { name: '搜索词' });
const pageHits = (page: Page) => page.locator('pagefind-results .search-hit');
/** The note said when no page contains the query as typed (header dropdown or search page). */
const inexact = (page: Page) => page.locator('.search-inexact').filter({ visible: true });
/** Whether `first` comes before `second` in the document. */
const precedes = (first: string, second: string) =>
  `(() => { const a = document.querySelector(${JSON.stringify(first)}); const b = document.querySelector(${JSON.stringify(second)}); return !!a && !!b && !!(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING); })()`;

test.describe('search box in the header', () => {
  test('a Chinese term finds its micro-ability first, with type and highlighted excerpt', async ({
    page,
  }) => {
    const searchRequests: string[] = [];
    page.on('request', (r) => {
      if (/\/pagefind(-layer)?\/|component-ui/.test(r.url())) searchRequests.push(r.url());
    });
    await page.goto('/policies/');
    expect(searchRequests, 'search code and index load only when someone searches').toEqual([]);
    // What is typed before the searchbox has loaded is carried into it.
    await plainBox(page).fill('伴随性采集');
    await expect(box(page)).toBeFocused();
    await expect(box(page)).toHaveValue('伴随性采集');
    const first = options(page).first();
    await expect(first).toHaveAttribute('href', '/abilities/A12/');
    await expect(first.locator('.search-hit-type')).toHaveText('微能力');
    await expect(first.locator('.search-hit-title')).toHaveText('A12 评价数据的伴随性采集');
    await expect(first.locator('mark').first()).toBeVisible();
    await expect(page.getByRole('link', { name: '30 个微能力点的一览表' })).toBeHidden();
    await first.click();
    await expect(page).toHaveURL('/abilities/A12/');
  });

  test('the dropdown leads on to the full search page with its filters', async ({ page }) => {
    await page.goto('/');
    await plainBox(page).click();
    await box(page).fill('学时');
    await expect(options(page).first()).toBeVisible();
    await page.getByRole('link', { name: '查看全部结果与筛选 →' }).click();
    await expect(page).toHaveURL('/search/?q=%E5%AD%A6%E6%97%B6');
    await expect(page.getByRole('checkbox', { name: /^政策/ })).toBeVisible();
  });

  test('a filter menu in the dropdown narrows the results, and the full page keeps it', async ({ page }) => {
    await page.goto('/');
    await plainBox(page).click();
    await box(page).fill('学时');
    const badges = options(page).locator('.search-hit-type');
    await expect(badges.first()).toBeVisible();
    await expect.poll(async () => new Set(await badges.allTextContents()).size).toBeGreaterThan(1);
    const type = page.getByRole('combobox', { name: '类型' });
    await expect(type.locator('option')).toHaveText(['全部', '微能力', '政策', '术语']);
    await type.selectOption('政策');
    await expect.poll(async () => new Set(await badges.allTextContents())).toEqual(new Set(['政策']));
    await page.getByRole('combobox', { name: '地区' }).selectOption('上海市');
    await expect(options(page)).toHaveCount(1);
    await expect(options(page).first()).toHaveAttribute('href', '/policies/shanghai/');
    await page.getByRole('link', { name: '查看全部结果与筛选 →' }).click();
    await expect(page).toHaveURL(
      '/search/?q=%E5%AD%A6%E6%97%B6&type=%E6%94%BF%E7%AD%96&region=%E4%B8%8A%E6%B5%B7%E5%B8%82',
    );
    await expect(page.getByRole('checkbox', { name: /^上海市/ })).toBeChecked();
  });

  test('keyboard: Tab from the box reaches the filter menus and the results; Escape comes back', async ({
    page,
  }) => {
    await page.goto('/glossary/');
    await page.locator('h1').click();
    await page.keyboard.press('/');
    await page.keyboard.type('微课');
    await expect(options(page).first()).toBeVisible();
    await page.keyboard.press('Tab');
    const type = page.getByRole('combobox', { name: '类型' });
    await expect(type).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('combobox', { name: '教学环境' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(box(page)).toBeFocused();
    await expect(options(page).first()).toBeHidden();
    await page.keyboard.press('ArrowDown');
    await expect(options(page).first()).toBeVisible();
  });

  test('keyboard: "/" focuses the box, arrows move through results, Enter opens', async ({ page }) => {
    await page.goto('/about/');
    await page.locator('h1').click();
    await page.keyboard.press('/');
    await expect(box(page)).toBeFocused();
    await page.keyboard.type('数据');
    await expect(options(page).nth(1)).toBeVisible();
    await expect(options(page).first()).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ArrowDown');
    await expect(options(page).nth(1)).toHaveAttribute('aria-selected', 'true');
    await expect(options(page).first()).toHaveAttribute('aria-selected', 'false');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await expect(options(page).nth(1)).toHaveAttribute('aria-selected', 'true');
    const target = await options(page).nth(1).getAttribute('href');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(target ?? 'missing');
    // On the next page "/" reaches the box before any search code has loaded. (A key pressed
    // while the page is still arriving has no page script to hear it, so wait for the page.)
    await page.waitForLoadState();
    await page.keyboard.press('/');
    await expect(box(page)).toBeFocused();
  });

  for (const query of ['A5', 'a5']) {
    test(`the ability code "${query}" alone puts that ability first`, async ({ page }) => {
      await page.goto('/');
      await plainBox(page).click();
      await box(page).fill(query);
      await expect(options(page).first()).toHaveAttribute('href', '/abilities/A5/');
    });
  }

  test('Enter on a query with nothing to open leads to the search page and its suggestions', async ({
    page,
  }) => {
    await page.goto('/');
    await plainBox(page).click();
    await box(page).fill('zqxjv');
    await expect(page.locator('.pf-searchbox-status')).toHaveText('没有找到与“zqxjv”相关的内容。');
    await expect(page.getByRole('link', { name: '30 个微能力点的一览表' })).toHaveAttribute(
      'href',
      '/abilities/',
    );
    await box(page).press('Enter');
    await expect(page).toHaveURL('/search/?q=zqxjv');
    await expect(pageInput(page)).toHaveValue('zqxjv');
    await expect(page.getByRole('link', { name: '30 个微能力点的一览表' })).toBeVisible();
  });

  test('an exact policy phrase: the pages with it come first, their excerpts marking the phrase', async ({
    page,
  }) => {
    await page.goto('/');
    await plainBox(page).click();
    // Word for word from the Hebei plan (also quoted by Baoding's); Pagefind alone marked 性 and 的.
    await box(page).fill('真实性任务的证据提交');
    await expect(options(page).first()).toBeVisible();
    const hrefs = await options(page).evaluateAll((els) => els.map((e) => e.getAttribute('href')));
    expect(hrefs.slice(0, 2).sort()).toEqual(['/policies/baoding/', '/policies/hebei/']);
    for (const i of [0, 1])
      await expect(options(page).nth(i).locator('mark')).toHaveText(['真实性任务的证据提交']);
    await expect(options(page).nth(0).locator('.search-hit-excerpt')).toContainText(
      '以真实性任务的证据提交为成果',
    );
    await expect(inexact(page)).toHaveCount(0);
  });

  test('a glossary entry that contains the phrase outranks pages without it, and opens at that entry', async ({
    page,
  }) => {
    await page.goto('/about/');
    await plainBox(page).click();
    // Stands in the 提升工程2.0 entry and in five policy texts; Shanghai and Yueqing only share characters.
    await box(page).fill('三提升一全面');
    await expect(options(page).first()).toBeVisible();
    const glossary = page.locator('.pf-searchbox-result[href="/glossary/#project-2-0"]');
    await expect(glossary.locator('.search-hit-title')).toHaveText(
      '术语：提升工程2.0（又称：能力提升工程2.0、能力提升工程、信息技术应用能力提升工程2.0、中小学教师信息技术应用能力提升工程2.0）',
    );
    await expect(glossary.locator('mark')).toHaveText(['三提升一全面']);
    const marked = await options(page).evaluateAll((els) =>
      els.map((e) => [...e.querySelectorAll('mark')].some((m) => m.textContent === '三提升一全面')),
    );
    expect(marked.slice(0, 6)).toEqual(Array(6).fill(true));
    expect(marked.slice(6)).not.toContain(true);
    await glossary.click();
    await expect(page).toHaveURL('/glossary/#project-2-0');
  });

  test('a glossary term’s own entry comes first', async ({ page }) => {
    await page.goto('/');
    await plainBox(page).click();
    await box(page).fill('首席信息官');
    const first = options(page).first();
    await expect(first).toHaveAttribute('href', '/glossary/#cio');
    await expect(first.locator('.search-hit-title')).toHaveText(
      '术语：首席信息官（又称：CIO、学校首席信息官）',
    );
    await expect(first.locator('mark').first()).toHaveText('首席信息官');
  });

  test('a word no page contains: the note comes before the loose matches, and Enter opens the search page', async ({
    page,
  }) => {
    await page.goto('/policies/');
    await plainBox(page).click();
    await box(page).fill('区块链');
    const note = inexact(page);
    await expect(note).toHaveText('没有找到包含“区块链”的内容。下面是只含其中部分字词的结果。');
    await expect(note).toHaveAttribute('role', 'status');
    await expect(options(page).first()).toBeVisible();
    expect(
      await page.evaluate(precedes('.site-search .search-inexact', '.site-search .pf-searchbox-results')),
    ).toBe(true);
    // The searchbox highlights the first loose match by itself; Enter must not open it.
    await expect(options(page).first()).toHaveAttribute('aria-selected', 'true');
    await expectNoAxeViolations(page);
    await box(page).press('Enter');
    await expect(page).toHaveURL('/search/?q=%E5%8C%BA%E5%9D%97%E9%93%BE');
    await expect(inexact(page)).toHaveText('没有找到包含“区块链”的内容。下面是只含其中部分字词的结果。');
    await expect(pageHits(page).first()).toBeVisible();
    expect(await page.evaluate(precedes('[data-inexact]', 'pagefind-results'))).toBe(true);
    await expectNoAxeViolations(page);
  });

  test('a loose match picked with the arrow keys opens on Enter; typing on hides the note', async ({
    page,
  }) => {
    await page.goto('/');
    await plainBox(page).click();
    await box(page).fill('区块链');
    await expect(inexact(page)).toBeVisible();
    await box(page).press('ArrowDown');
    await box(page).press('ArrowUp');
    const target = await options(page).first().getAttribute('href');
    await expect(options(page).first()).toHaveAttribute('aria-selected', 'true');
    await box(page).press('Enter');
    await expect(page).toHaveURL(target ?? 'missing');
    await plainBox(page).click();
    await box(page).fill('区块链');
    await expect(inexact(page)).toBeVisible();
    await box(page).fill('学时');
    await expect(options(page).first().locator('mark').first()).toHaveText('学时');
    await expect(inexact(page)).toHaveCount(0);
  });

  test('without JavaScript the box is a form that opens the search page', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL: ROOT_ORIGIN });
    const page = await context.newPage();
    await page.goto('/glossary/');
    await plainBox(page).fill('学时');
    await plainBox(page).press('Enter');
    await expect(page).toHaveURL('/search/?q=%E5%AD%A6%E6%97%B6');
    await context.close();
  });

  test('axe finds no violation with the results and filter menus open', async ({ page }) => {
    await page.goto('/');
    await plainBox(page).click();
    await box(page).fill('学时');
    await expect(options(page).first()).toBeVisible();
    await expect(page.getByRole('combobox', { name: '地区' })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});

test.describe('search page', () => {
  test('the filter pane lists groups and values in the handbook order', async ({ page }) => {
    await page.goto('/search/');
    await expect(page.locator('.pf-filter-group-title')).toHaveText([
      /^类型/,
      /^教学环境/,
      /^能力维度/,
      /^地区/,
    ]);
    await expect(page.getByRole('group', { name: /^教学环境/ }).locator('label')).toHaveText([
      /^多媒体教学环境/,
      /^混合学习环境/,
      /^智慧学习环境/,
    ]);
  });

  test('the 浙江省 entry is found by its notice’s 文号 and by its region filter', async ({ page }) => {
    await page.goto('/search/?q=浙教办函');
    const hrefs = () =>
      pageHits(page)
        .locator('a')
        .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    await expect.poll(hrefs).toContain('/policies/zhejiang/');
    await page.getByRole('checkbox', { name: /^浙江省/ }).check();
    await expect(page).toHaveURL(/region=%E6%B5%99%E6%B1%9F%E7%9C%81/);
    await expect.poll(hrefs).toEqual(['/policies/zhejiang/']);
    await expect(pageHits(page).first().locator('.search-hit-type')).toHaveText('政策');
  });

  test('the URL restores the query and filters, and a filter narrows the results', async ({ page }) => {
    await page.goto('/search/?q=学时&type=政策');
    await expect(pageInput(page)).toHaveValue('学时');
    const policyFilter = page.getByRole('checkbox', { name: /^政策/ });
    await expect(policyFilter).toBeChecked();
    await expect(pageHits(page).first()).toBeVisible();
    // The summary counts every result; the list renders them as they scroll into view, so scroll
    // down until every result counted is on the page (nine policy documents hold 学时).
    const counted = async () =>
      Number(/找到 (\d+) 条结果/.exec((await page.locator('pagefind-summary').textContent()) ?? '')?.[1]);
    await expect.poll(counted).toBeGreaterThan(0);
    const filtered = await counted();
    await expect
      .poll(async () => {
        await pageHits(page).last().scrollIntoViewIfNeeded();
        return pageHits(page).count();
      })
      .toBe(filtered);
    await expect(pageHits(page).locator('.search-hit-type')).toHaveText(Array(filtered).fill('政策'));
    await policyFilter.uncheck();
    await expect.poll(counted).toBeGreaterThan(filtered);
    await expect(page).toHaveURL('/search/?q=%E5%AD%A6%E6%97%B6');
    await pageInput(page).fill('数据');
    await expect(page).toHaveURL('/search/?q=%E6%95%B0%E6%8D%AE');
    await page.getByRole('checkbox', { name: /^智慧学习环境/ }).check();
    await expect(page).toHaveURL(/environment=/);
    const titles = pageHits(page).locator('.search-hit-title');
    await expect
      .poll(async () => {
        const all = await titles.allTextContents();
        return all.length > 0 && all.every((t) => /^C\d /.test(t));
      })
      .toBe(true);
    await page.reload();
    await expect(page.getByRole('checkbox', { name: /^智慧学习环境/ })).toBeChecked();
    await expect(pageInput(page)).toHaveValue('数据');
  });

  test('a query with no results says so and suggests the ability grid', async ({ page }) => {
    await page.goto('/search/?q=zqxjv');
    await expect(page.locator('pagefind-summary')).toHaveText('没有找到与“zqxjv”相关的内容。');
    await page.goto('/search/?q=量子纠缠');
    await expect(page.locator('pagefind-summary, [data-inexact]:visible')).toContainText([
      /没有找到(与|包含)“量子纠缠”/,
    ]);
    const suggestion = page.getByRole('link', { name: '30 个微能力点的一览表' });
    await expect(suggestion).toBeVisible();
    await suggestion.click();
    await expect(page).toHaveURL('/abilities/');
  });

  test('an exact phrase shows in the excerpts; only a word no page contains gets the note', async ({
    page,
  }) => {
    await page.goto('/search/?q=减压赋能');
    const first = pageHits(page).first();
    await expect(first.getByRole('link')).toHaveAttribute('href', '/policies/jiangsu/');
    await expect(first.locator('mark')).toHaveText(['减压赋能']);
    await expect(first.locator('.search-hit-excerpt')).toContainText('以减压赋能为目标');
    await expect(inexact(page)).toHaveCount(0);
    await pageInput(page).fill('元宇宙');
    await expect(inexact(page)).toHaveText('没有找到包含“元宇宙”的内容。下面是只含其中部分字词的结果。');
    await pageInput(page).fill('zqxjv');
    await expect(page.locator('pagefind-summary')).toHaveText('没有找到与“zqxjv”相关的内容。');
    await expect(inexact(page)).toHaveCount(0);
    await expect(page.getByRole('link', { name: '30 个微能力点的一览表' })).toBeVisible();
  });

  test('a glossary term links to its own entry', async ({ page }) => {
    await page.goto('/search/?q=晒课&type=术语');
    const first = pageHits(page).first().getByRole('link');
    await expect(first).toHaveAttribute('href', '/glossary/#shaike');
    await expect(first.locator('.search-hit-title')).toHaveText(/^术语：晒课/);
  });

  test('a query made of markup is shown as text and never runs', async ({ page }) => {
    const payload = '<img src=x onerror="window.__pwned=1">学时';
    page.on('dialog', () => {
      throw new Error('a dialog opened');
    });
    await page.goto(`/search/?q=${encodeURIComponent(payload)}`);
    await expect(pageInput(page)).toHaveValue(payload);
    await expect(page.locator('pagefind-summary')).toContainText(payload);
    await plainBox(page).click();
    await box(page).fill(payload);
    await expect(page.locator('.site-search .pf-searchbox-dropdown')).toBeVisible();
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
  });

  test('axe finds no violation on the search page with results', async ({ page }) => {
    await page.goto('/search/?q=微课');
    await expect(pageHits(page).first()).toBeVisible();
    await expectNoAxeViolations(page);
  });
});

test.describe('search under a sub-path', () => {
  test.use({ baseURL: SUBPATH_ORIGIN });

  test('finds and opens pages inside /handbook/', async ({ page }) => {
    await page.goto('/handbook/abilities/');
    await plainBox(page).click();
    await box(page).fill('数据分析微模型');
    const first = options(page).first();
    await expect(first).toHaveAttribute('href', '/handbook/abilities/C7/');
    await first.click();
    await expect(page).toHaveURL('/handbook/abilities/C7/');
    await page.goto('/handbook/search/?q=c7');
    await expect(pageHits(page).first().getByRole('link')).toHaveAttribute('href', '/handbook/abilities/C7/');
  });
});

test.describe('search under a sub-path: exact phrases and the note', () => {
  test.use({ baseURL: SUBPATH_ORIGIN });

  test('a word no page contains says so and Enter opens /handbook/search/; a term opens its entry', async ({
    page,
  }) => {
    await page.goto('/handbook/');
    await plainBox(page).click();
    await box(page).fill('量子纠缠');
    await expect(inexact(page)).toHaveText('没有找到包含“量子纠缠”的内容。下面是只含其中部分字词的结果。');
    await expect(options(page).first()).toBeVisible();
    await box(page).press('Enter');
    await expect(page).toHaveURL('/handbook/search/?q=%E9%87%8F%E5%AD%90%E7%BA%A0%E7%BC%A0');
    await expect(inexact(page)).toBeVisible();
    await pageInput(page).fill('首席信息官');
    const first = pageHits(page).first().getByRole('link');
    await expect(first).toHaveAttribute('href', '/handbook/glossary/#cio');
    await expect(first.locator('mark').first()).toHaveText('首席信息官');
    await expect(inexact(page)).toHaveCount(0);
  });
});

test.describe('when the search index cannot load', () => {
  // What an intranet server that refuses unknown file types, or a half-copied dist/, produces.
  test.use({
    expectedConsoleErrors: /Failed to load (resource|the meta index)|Pagefind|pagefind|script location/,
  });

  const notice = (page: Page) => page.getByRole('alert').filter({ hasText: '搜索暂时用不了' });

  test('the header box says so in Chinese and offers the pages that need no search', async ({ page }) => {
    await page.route('**/pagefind/*.pf_meta', (route) => route.fulfill({ status: 404, body: '' }));
    await page.goto('/policies/');
    await plainBox(page).click();
    await box(page).fill('学时');
    await expect(notice(page)).toBeVisible();
    await expect(notice(page)).toContainText('pagefind 文件夹');
    await expect(page.getByText(/正在搜索|Pagefind Error/).filter({ visible: true })).toHaveCount(0);
    await expectNoAxeViolations(page);
    await notice(page).getByRole('link', { name: '微能力点一览' }).click();
    await expect(page).toHaveURL('/abilities/');
  });

  test('the search page says so when Pagefind itself is missing', async ({ page }) => {
    await page.route('**/pagefind-layer/pagefind.js', (route) => route.fulfill({ status: 404, body: '' }));
    await page.goto('/search/?q=学时');
    await expect(notice(page)).toBeVisible();
    await expect(pageInput(page)).toHaveValue('学时');
    await expect(page.getByText(/正在搜索|Pagefind Error|Bundle path/).filter({ visible: true })).toHaveCount(
      0,
    );
    await expect(notice(page).getByRole('link', { name: '术语表' })).toHaveAttribute('href', '/glossary/');
  });
});
