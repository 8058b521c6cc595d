/**
 * A teacher on a 360 px phone on assessment day: the offline notice folds to a thin line, the
 * 菜单 closes when the page is tapped, search results get the header's width, the search box's
 * placeholder is whole, and what a finger taps is at least 44 px.
 */
import type { Locator, Page } from '@playwright/test';
import { join } from 'node:path';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { item, toEvidence } from './self-check-helpers';

const WIDTH = 360;
const HEIGHT = 740;
const TOUCH = 44;
test.use({ viewport: { width: WIDTH, height: HEIGHT }, hasTouch: true });

const MEDIA = join(import.meta.dirname, '../fixtures/media');

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  if (!b) throw new Error('not rendered');
  return b;
}

/** A tap on the page below the open menu's links. */
const tapPage = (page: Page) => page.touchscreen.tap(WIDTH / 2, HEIGHT - 30);

/** Whether an input's placeholder fits inside it, measured in the input's own font. */
const placeholderFits = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((el: HTMLInputElement) => {
      const style = getComputedStyle(el);
      const context = document.createElement('canvas').getContext('2d');
      if (!context) throw new Error('no canvas');
      context.font = `${style.fontSize} ${style.fontFamily}`;
      const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return { text: context.measureText(el.placeholder).width, room };
    });

test('the offline notice folds to a thin line, and stays folded for the session', async ({
  page,
  context,
}) => {
  // The network drops after the page has loaded: a request still on its way would fail and log
  // an error that is the test's doing, not the page's.
  await page.goto('/abilities/C5/', { waitUntil: 'networkidle' });
  const notice = page.getByRole('status').filter({ hasText: '当前没有网络' });
  await context.setOffline(true);
  await expect(notice).toBeVisible();
  const fold = notice.getByRole('button', { name: '收起说明' });
  await expect(fold).toHaveAttribute('aria-expanded', 'true');
  const unfolded = (await box(notice)).height;
  await fold.click();
  const unfold = notice.getByRole('button', { name: '展开说明' });
  await expect(unfold).toHaveAttribute('aria-expanded', 'false');
  await expect(notice.getByText('本页可以继续阅读')).toBeHidden();
  expect((await box(notice)).height).toBeLessThanOrEqual(TOUCH + 4);
  expect((await box(notice)).height).toBeLessThan(unfolded / 2);
  expect((await box(unfold)).height).toBeGreaterThanOrEqual(TOUCH);
  await expectNoAxeViolations(page);

  // Back online the folded line goes too; another page, offline again: still folded; unfolding
  // brings the whole message back.
  await context.setOffline(false);
  await expect(notice).toBeHidden();
  await page.goto('/glossary/', { waitUntil: 'networkidle' });
  await context.setOffline(true);
  await expect(notice).toBeVisible();
  expect((await box(notice)).height).toBeLessThanOrEqual(TOUCH + 4);
  await notice.getByRole('button', { name: '展开说明' }).click();
  await expect(notice.getByText('本页可以继续阅读')).toBeVisible();
  await context.setOffline(false);
});

test('the phone 菜单 closes on a tap outside it and on Escape, the focus back on 菜单', async ({ page }) => {
  await page.goto('/abilities/C5/');
  const menu = page.getByRole('button', { name: '菜单' });
  const nav = page.getByRole('navigation', { name: '主导航' });
  await menu.tap();
  await expect(nav).toBeVisible();
  await tapPage(page);
  await expect(nav).toBeHidden();
  await expect(menu).toHaveAttribute('aria-expanded', 'false');

  // From a link inside the menu, a tap outside puts the focus back on 菜单, not on the page's start.
  await menu.tap();
  await nav.getByRole('link', { name: '首页' }).focus();
  await tapPage(page);
  await expect(nav).toBeHidden();
  await expect(menu).toBeFocused();

  // Escape closes it wherever the focus is.
  await menu.tap();
  await page.locator('h1').evaluate((el: HTMLElement) => {
    el.tabIndex = -1;
    el.focus();
  });
  await page.keyboard.press('Escape');
  await expect(nav).toBeHidden();
  await expect(menu).toBeFocused();
});

test('search: the placeholder is whole, and the results span the header', async ({ page }) => {
  await page.goto('/glossary/');
  const before = await placeholderFits(page, '#site-search-input');
  expect(before.text).toBeLessThanOrEqual(before.room);
  const input = page.getByRole('searchbox', { name: '搜索手册' });
  await input.tap();
  await page.keyboard.type('学时');
  const dropdown = page.locator('.pf-searchbox-dropdown');
  await expect(page.locator('.pf-searchbox-dropdown .pf-searchbox-result').first()).toBeVisible();
  const after = await placeholderFits(page, 'pagefind-searchbox input');
  expect(after.text).toBeLessThanOrEqual(after.room);
  const d = await box(dropdown);
  expect(d.x).toBeGreaterThanOrEqual(0);
  expect(d.x + d.width).toBeLessThanOrEqual(WIDTH);
  expect(d.width).toBeGreaterThanOrEqual(WIDTH - 24);
  await expectNoAxeViolations(page);
});

test('what a finger taps is at least 44 px: the glossary index, the wizard steps, 移除', async ({ page }) => {
  await page.goto('/glossary/');
  const index = page.getByRole('navigation', { name: '术语索引' }).getByRole('link');
  expect(await index.count()).toBeGreaterThan(10);
  for (const link of await index.all())
    expect((await box(link)).height, await link.innerText()).toBeGreaterThanOrEqual(TOUCH);

  await toEvidence(page, 'C5');
  const steps = page.getByRole('list', { name: '步骤' }).getByRole('button');
  expect(await steps.count()).toBeGreaterThanOrEqual(2);
  for (const step of await steps.all()) {
    const b = await box(step);
    expect(b.height, await step.innerText()).toBeGreaterThanOrEqual(TOUCH);
  }
  const video = item(page, 'case-video');
  await video.getByLabel(/选择本地文件/).setInputFiles(join(MEDIA, 'case-9min.webm'));
  const remove = video.getByRole('button', { name: /移除/ });
  const b = await box(remove);
  expect(b.height).toBeGreaterThanOrEqual(TOUCH);
  expect(b.width).toBeGreaterThanOrEqual(TOUCH);
  await expectNoAxeViolations(page);
});
