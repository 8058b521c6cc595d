/**
 * Reading comfort: a dark theme that follows the system unless the reader picks one in the
 * header (remembered across pages and reloads, applied before the first paint); print stays
 * light; on a phone the links fold into a 菜单 disclosure so the header keeps to one line.
 */
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './fixtures';

const background = (page: Page) =>
  page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
const DARK_BG = 'rgb(20, 24, 31)';
const LIGHT_BG = 'rgb(255, 255, 255)';
/** The header's toggle, whichever way it points now: its name says what a press does. */
const toggle = (page: Page) => page.getByRole('button', { name: /^切换到(深色|浅色)模式$/ });
const IN_DARK = '切换到浅色模式';
const IN_LIGHT = '切换到深色模式';

test.describe('dark theme', () => {
  test('follows the system, and every page type passes axe in it', async ({ page }) => {
    test.setTimeout(90_000);
    await page.emulateMedia({ colorScheme: 'dark' });
    for (const path of [
      '/',
      '/abilities/',
      '/abilities/C5/',
      '/policies/',
      '/policies/hebei/',
      '/compare/',
      '/glossary/',
      '/about/',
      '/self-check/?a=C5',
      '/review/',
      '/school/',
      '/search/?q=学时',
    ]) {
      await page.goto(path);
      expect(await background(page), path).toBe(DARK_BG);
      await expect(toggle(page)).toHaveAccessibleName(IN_DARK);
      if (path.startsWith('/search/'))
        await expect(page.locator('pagefind-results .search-hit').first()).toBeVisible();
      await expectNoAxeViolations(page);
    }
  });

  test('the header toggle is remembered across pages and reloads, before the first paint', async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    // What the page looks like when its body first appears, before any module script has run.
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (!document.body) return;
        (window as { firstPaintBg?: string }).firstPaintBg = getComputedStyle(
          document.documentElement,
        ).backgroundColor;
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto('/abilities/C5/');
    expect(await background(page)).toBe(LIGHT_BG);
    await expect(toggle(page)).toHaveAccessibleName(IN_LIGHT);
    await toggle(page).click();
    await expect(toggle(page)).toHaveAccessibleName(IN_DARK);
    expect(await background(page)).toBe(DARK_BG);
    await expectNoAxeViolations(page);

    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '术语表' }).click();
    await expect(page).toHaveURL('/glossary/');
    expect(await page.evaluate(() => (window as { firstPaintBg?: string }).firstPaintBg)).toBe(DARK_BG);
    await expect(toggle(page)).toHaveAccessibleName(IN_DARK);
    await page.reload();
    expect(await page.evaluate(() => (window as { firstPaintBg?: string }).firstPaintBg)).toBe(DARK_BG);

    // The explicit choice also wins over a dark system the other way round.
    await page.emulateMedia({ colorScheme: 'dark' });
    await toggle(page).click();
    await expect(toggle(page)).toHaveAccessibleName(IN_LIGHT);
    await page.reload();
    expect(await page.evaluate(() => (window as { firstPaintBg?: string }).firstPaintBg)).toBe(LIGHT_BG);
  });

  test('without a choice, the page follows the system switching while it is open', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto('/policies/');
    expect(await background(page)).toBe(LIGHT_BG);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect(toggle(page)).toHaveAccessibleName(IN_DARK);
    expect(await background(page)).toBe(DARK_BG);
  });

  test('print stays black on white in the dark theme', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('/abilities/C5/');
    expect(await background(page)).toBe(DARK_BG);
    await page.emulateMedia({ colorScheme: 'dark', media: 'print' });
    expect(await background(page)).toBe(LIGHT_BG);
    expect(await page.evaluate(() => getComputedStyle(document.body).color)).toBe('rgb(29, 36, 51)');
  });
});

test.describe('phone header', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('one line at 360 px; 菜单 opens and closes the links by mouse and keyboard', async ({ page }) => {
    await page.goto('/abilities/C5/');
    const header = page.locator('header.site-header');
    const menu = page.getByRole('button', { name: '菜单' });
    const nav = page.getByRole('navigation', { name: '主导航' });
    const brand = page.getByRole('link', { name: '微能力手册' }).first();
    const search = page.getByRole('searchbox', { name: '搜索手册' });
    const rows = await Promise.all([brand, menu, search].map(async (l) => (await l.boundingBox())?.y ?? -1));
    const headerBox = await header.boundingBox();
    expect(headerBox?.height ?? 999, 'the header is one line high').toBeLessThan(64);
    for (const y of rows) expect(Math.abs(y - (rows[0] ?? 0))).toBeLessThan(16);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(nav).toBeHidden();
    await menu.click();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await expect(nav.getByRole('link', { name: '术语表' })).toBeVisible();
    await expectNoAxeViolations(page);
    // Keyboard: Tab goes from 菜单 into the links; Escape closes and returns to 菜单.
    await menu.focus();
    await page.keyboard.press('Tab');
    await expect(nav.getByRole('link', { name: '首页' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(menu).toBeFocused();
    await expect(nav).toBeHidden();
    await page.keyboard.press('Enter');
    await expect(nav).toBeVisible();
    await nav.getByRole('link', { name: '地区政策' }).click();
    await expect(page).toHaveURL('/policies/');
  });

  test('without the menu open, a phone page passes axe in both themes', async ({ page }) => {
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.goto('/');
      await expectNoAxeViolations(page);
    }
  });
});
