/** Teacher-facing wording: no developer words, one status vocabulary, one notice, hints that fit the device. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCollection } from '../support/content-files';
import { visibleTextRuns } from '../support/page-text';
import { expect, test } from './fixtures';
import { builtPages } from './site-pages';

// File names such as C5.mdx (in code or after a dot) are allowed; the words themselves are not.
const JARGON = /(?<![.\w])(?:MDX|slug|frontmatter|front matter|schema|YAML)(?!\w)/gi;

test('no page speaks of MDX, slugs, frontmatter or schemas in its visible text', () => {
  const found: string[] = [];
  for (const path of builtPages('dist')) {
    const html = readFileSync(join('dist', path, 'index.html'), 'utf8');
    for (const run of visibleTextRuns(html, { withCode: false })) {
      for (const m of run.matchAll(JARGON)) {
        found.push(`${path} 「${run.slice(Math.max(0, m.index - 12), m.index + m[0].length + 12)}」`);
      }
    }
  }
  expect(found).toEqual([]);
});

const abilities = readCollection('abilities', '.mdx')
  .map((f) => f.data as { code: string; completeness: string; variant?: unknown })
  .filter((a) => a.variant === undefined);

test('an ability carries the same status label in the list and on its own page', async ({ page }) => {
  const oneOfEach = ['完整', '部分', '待补充'].map((level) => {
    const found = abilities.find((a) => a.completeness === level);
    if (!found) throw new Error(`no ability is ${level}`);
    return found;
  });
  await page.goto('/abilities/');
  const inList = new Map<string, string>();
  for (const a of oneOfEach) {
    const label = page.locator(`li[data-code="${a.code}"] [class^="completeness-"]`);
    inList.set(a.code, (await label.textContent())?.trim() ?? '');
  }
  for (const a of oneOfEach) {
    await page.goto(`/abilities/${a.code}/`);
    const badge = page.getByRole('list', { name: '分类' }).locator('.completeness');
    await expect(badge).toHaveText(inList.get(a.code) ?? '');
    expect(inList.get(a.code)).toContain(a.completeness);
  }
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

  test('an unfinished ability page opens with one notice, not two stacked', async ({ page }) => {
    for (const a of abilities.filter((x) => x.completeness !== '完整').slice(0, 3)) {
      await page.goto(`/abilities/${a.code}/`);
      const notes = page.locator('article > [role="note"]');
      await expect(notes, a.code).toHaveCount(1);
      await expect(notes).toContainText('手册尚未收录');
      await expect(notes).toContainText('以本地考核指南为准');
    }
  });

  test('the home page does not offer the / key where there is no keyboard', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByText('全文搜索')).toBeVisible();
    await expect(page.getByText('按 / 键随时搜索')).toBeHidden();
  });
});

test('the home page offers the / key to a reader with a keyboard and mouse', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByText('按 / 键随时搜索')).toBeVisible();
});
