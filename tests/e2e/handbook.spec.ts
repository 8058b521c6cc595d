import { readCollection } from '../support/content-files';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { brokenWords, squeezedText } from './layout';
import { builtPages } from './site-pages';

const abilities = readCollection('abilities', '.mdx')
  .map(
    (f) =>
      f.data as { code: string; name: string; environment: string; dimension: string; variant?: unknown },
  )
  .filter((a) => a.variant === undefined);

test.describe('home: the environment × dimension grid', () => {
  test('shows all 30 micro-abilities, each in its own cell', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveTitle('微能力手册');
    const grid = page.getByRole('table', { name: /30 个微能力点/ });
    await expect(grid.getByRole('link')).toHaveCount(30);
    for (const a of abilities) {
      const cell = grid.locator(`td[data-environment="${a.environment}"][data-dimension="${a.dimension}"]`);
      await expect(cell.getByRole('link', { name: `${a.code} ${a.name}` })).toHaveAttribute(
        'href',
        `/abilities/${a.code}/`,
      );
    }
    // The cell's row and column headers name the same environment and dimension.
    await expect(grid.locator('tbody tr').nth(2).getByRole('rowheader')).toHaveText('智慧学习环境');
    await expect(grid.getByRole('columnheader').nth(3)).toHaveText('学法指导');
  });

  test('opening an ability from the grid lands on its page', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('link', { name: 'C5 基于数据的个别化指导' }).click();
    await expect(page).toHaveURL('/abilities/C5/');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('C5 基于数据的个别化指导');
  });

  test('entry points lead to search, self-check and the policy comparison', async ({ page }) => {
    await page.goto('/');
    const entry = page.getByRole('region', { name: '从这里开始' });
    await expect(entry.getByRole('link', { name: '全文搜索' })).toHaveAttribute('href', '/search/');
    await expect(entry.getByRole('link', { name: '开始自评' })).toHaveAttribute('href', '/self-check/');
    await expect(entry.getByRole('link', { name: '比较地区政策' })).toHaveAttribute('href', '/compare/');
  });
});

test.describe('ability page', () => {
  test('C5 shows its limits, the teacher-on-camera rule and both grade columns', async ({ page }) => {
    await page.goto('/abilities/C5/');
    const caseVideo = page.locator('[data-item="case-video"]');
    await expect(caseVideo.getByRole('heading')).toHaveText('2.案例展示');
    await expect(caseVideo.getByText('时长 ≤ 10 分钟', { exact: true })).toBeVisible();
    await expect(caseVideo.getByText('须出现教师本人形象', { exact: true })).toBeVisible();
    const accounts = page.locator('[data-item="student-accounts"]');
    await expect(accounts.getByText('时长 ≤ 2 分钟（每份）')).toBeVisible();
    await expect(accounts.getByText('2 份', { exact: true })).toBeVisible();
    await expect(accounts.getByText('必交，不单独评分')).toBeVisible();

    const rubric = page.locator('[data-criteria="case-video"]');
    const excellent = rubric.getByRole('heading', { name: /优秀/ });
    const pass = rubric.getByRole('heading', { name: /合格/ });
    await expect(excellent).toBeVisible();
    await expect(pass).toBeVisible();
    // Side by side on a desktop screen.
    const [e, p] = [await excellent.boundingBox(), await pass.boundingBox()];
    expect(e && p && Math.abs(e.y - p.y) < 5 && p.x > e.x).toBe(true);
    await expect(
      rubric.getByText('围绕问题和假设从多个渠道收集了多种数据，数据来源可靠、合理；'),
    ).toBeVisible();
    await expect(
      page
        .getByText('引自《徐水区特殊教育学校信息技术能力提升工程2.0培训学习资料汇编（第51—100页）》，第53页')
        .first(),
    ).toBeVisible();
    await expect(page.getByRole('note').first()).toContainText('以本地考核指南为准');
  });

  test('C4 presents its two alternative tasks as a choice', async ({ page }) => {
    await page.goto('/abilities/C4/');
    const choice = page.locator('[data-choice="student-case"]');
    await expect(choice).toContainText('从以下两个任务中选择一个');
    await expect(choice.locator('[data-item]')).toHaveCount(2);
    await expect(choice.getByText('时长 ≤ 5 分钟（每份）')).toBeVisible();
  });

  test('an ability without a known rubric says so and invents nothing', async ({ page }) => {
    await page.goto('/abilities/A2/');
    await expect(page.locator('[data-gap-notice]')).toContainText(
      '手册尚未收录本微能力点的提交指南和评价标准',
    );
    await expect(page.getByText('待核实').first()).toBeVisible();
    await expect(page.locator('[data-criteria]')).toHaveCount(0);
    await expect(page.locator('[data-item]')).toHaveCount(0);
  });

  test('A1 shows its two items from a public copy, marked 待核实, and the 方案 criteria', async ({
    page,
  }) => {
    await page.goto('/abilities/A1/');
    await expect(page.locator('[data-item]')).toHaveCount(2);
    const plan = page.locator('[data-item="plan"]');
    await expect(plan.getByRole('heading')).toContainText('学情分析方案');
    await expect(plan.getByText('待核实')).toBeVisible();
    const report = page.locator('[data-item="report"]');
    await expect(report.getByText('时长 ≤ 5 分钟', { exact: true })).toBeVisible();
    await expect(report.getByText('评价方式原文未收录')).toBeVisible();
    const criteria = page.locator('[data-criteria="plan"]');
    await expect(criteria.getByText('所设计或选用的工具合理、便于操作', { exact: true })).toBeVisible();
    await expect(criteria.getByText('用技术支持学情分析的方式有创新，值得同行借鉴')).toBeVisible();
    await expect(page.locator('[data-criteria="report"]')).toHaveCount(0);
    const notice = page.locator('[data-gap-notice]');
    await expect(notice).toContainText('尚未收录本微能力点的全部评价标准');
    await expect(notice).toContainText('不是规范原文');
    await expect(page.locator('[data-public-copy-note]')).toContainText('不是教育部发布的原件');
    await expect(page.getByRole('heading', { level: 1 }).getByText('待核实')).toHaveCount(0);
  });

  test('a name two public copies agree on carries no 待核实 mark but names its public source', async ({
    page,
  }) => {
    await page.goto('/abilities/B6/');
    await expect(page.getByRole('heading', { level: 1 }).getByText('待核实')).toHaveCount(0);
    await expect(page.getByRole('list', { name: '分类' }).getByText('待核实')).toBeVisible();
    await expect(page.locator('[data-public-copy-note]')).toContainText('公开转载');
    await page.goto('/abilities/C5/');
    await expect(page.locator('[data-public-copy-note]')).toHaveCount(0);
  });

  test('A5 shows the three known items, says its criteria are missing', async ({ page }) => {
    await page.goto('/abilities/A5/');
    await expect(page.locator('[data-item]')).toHaveCount(3);
    await expect(page.locator('[data-item="lead-in-clip"]').getByText('时长一般 ≤ 5 分钟')).toBeVisible();
    await expect(page.locator('[data-gap-notice]')).toContainText('尚未收录本微能力点的评价标准');
    await expect(page.locator('[data-criteria]')).toHaveCount(0);
  });

  test('previous and next links walk the codes in order', async ({ page }) => {
    await page.goto('/abilities/A13/');
    await page.getByRole('link', { name: /^B1 / }).click();
    await expect(page).toHaveURL('/abilities/B1/');
    await page.getByRole('link', { name: /^← A13 / }).click();
    await expect(page).toHaveURL('/abilities/A13/');
  });

  test('links the glossary terms it uses', async ({ page }) => {
    await page.goto('/abilities/C5/');
    const terms = page.getByRole('region', { name: '本页术语' });
    const link = terms.getByRole('link', { name: '智慧学习环境' });
    await link.click();
    await expect(page).toHaveURL(/\/glossary\/#/);
    await expect(page.locator(':target')).toContainText('智慧学习环境');
  });
});

test.describe('ability list filters (no JavaScript needed)', () => {
  test.use({ javaScriptEnabled: false });

  test('environment and dimension filters combine and live in the URL', async ({ page }) => {
    await page.goto('/abilities/');
    await expect(page.locator('[data-code]')).toHaveCount(30);
    await page.getByRole('link', { name: '智慧学习环境' }).click();
    await expect(page).toHaveURL('/abilities/filter/smart/all/');
    await expect(page.locator('[data-code]')).toHaveCount(7);
    await page.getByRole('link', { name: '学业评价' }).click();
    await expect(page).toHaveURL('/abilities/filter/smart/assessment/');
    await expect(page.locator('[data-code]')).toHaveText([/C6/, /C7/]);
    await expect(page.getByRole('status')).toContainText('共 2 个');
    await page.goto('/abilities/filter/smart/assessment/');
    await expect(page.getByRole('link', { name: '学业评价' })).toHaveAttribute('aria-current', 'true');
  });
});

test.describe('every page', () => {
  const pages = builtPages('dist');

  test('the build has all the pages', () => {
    expect(pages).toEqual(
      expect.arrayContaining(['/', '/abilities/', '/abilities/C5/', '/glossary/', '/about/']),
    );
    expect(pages.filter((p) => /^\/abilities\/[ABC]\d+\/$/.test(p))).toHaveLength(30);
  });

  test('fits a 360 px phone screen: no horizontal scrolling, no text squeezed into a sliver', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width: 360, height: 740 });
    const overflowing: string[] = [];
    const squeezed: string[] = [];
    for (const path of [...pages, '/no-such-page/']) {
      await page.goto(path);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 360) overflowing.push(`${path} (${width}px)`);
      squeezed.push(...(await squeezedText(page)).map((s) => `${path} ${s}`));
    }
    expect(overflowing).toEqual([]);
    expect(squeezed, 'text in an element narrower than two characters').toEqual([]);
  });

  test('the About page’s coverage table keeps codes, grades and labels whole at 1280 px', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto('/about/');
    const table = 'table.coverage';
    await expect(page.locator(`${table} tbody tr`)).toHaveCount(30);
    expect(await brokenWords(page, `${table} th`, '')).toEqual([]);
    for (const column of [1, 2, 3]) {
      expect(await brokenWords(page, `${table} td:nth-child(${column})`, ''), `column ${column}`).toEqual([]);
    }
    expect(await brokenWords(page, `${table} td:nth-child(4)`, '、')).toEqual([]);
  });

  test('reading pages ship no framework JavaScript', async ({ page }) => {
    test.setTimeout(60_000);
    for (const path of ['/', '/abilities/', '/abilities/C5/', '/glossary/', '/about/']) {
      const scripts: string[] = [];
      page.on('request', (r) => {
        if (r.resourceType() === 'script') scripts.push(r.url());
      });
      await page.goto(path);
      await expect(page.locator('astro-island')).toHaveCount(0);
      expect(
        scripts.filter((s) => /react|client\.|hydrat/i.test(s)),
        path,
      ).toEqual([]);
    }
  });

  test('print shows the content without navigation, with the page address', async ({ page }) => {
    await page.goto('/abilities/C5/');
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('navigation', { name: '主导航' })).toBeHidden();
    await expect(page.getByRole('navigation', { name: /上一个/ })).toBeHidden();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.locator('[data-criteria="case-video"]')).toBeVisible();
    await expect(page.getByText(/本页网址：http:\/\/127\.0\.0\.1:\d+\/abilities\/C5\//)).toBeVisible();
  });

  test('the 404 page is in Chinese and offers a way back', async ({ page }) => {
    const response = await page.goto('/no-such-page/');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('页面不存在');
    await page.getByRole('link', { name: '返回首页' }).click();
    await expect(page).toHaveURL('/');
  });
});

test.describe('accessibility (axe, WCAG 2.1 AA)', () => {
  for (const path of [
    '/',
    '/abilities/',
    '/abilities/filter/smart/assessment/',
    '/abilities/C5/',
    '/abilities/C4/',
    '/abilities/A2/',
    '/abilities/A3/',
    '/glossary/',
    '/about/',
    '/no-such-page/',
  ]) {
    test(`no violations on ${path}`, async ({ page }) => {
      await page.goto(path);
      await expectNoAxeViolations(page);
    });
  }

  test('no violations on a phone-sized ability page', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto('/');
    await expectNoAxeViolations(page);
  });

  test('a keyboard user can skip to the content', async ({ page }) => {
    await page.goto('/abilities/C5/');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: '跳到正文' });
    await expect(skip).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();
  });
});
