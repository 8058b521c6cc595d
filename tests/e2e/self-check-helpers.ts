/** Steps of the self-check wizard that many e2e tests take the same way. */
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

export const item = (page: Page, id: string) => page.locator(`[data-item-editor="${id}"]`);

export const abilityGrade = (page: Page, code: string) =>
  page.locator(`[data-ability-grade="${code}"] [data-grade]`).first();

export async function fillProfile(page: Page) {
  await page.getByLabel('姓名', { exact: true }).fill('王晓红');
  await page.getByLabel('学校', { exact: true }).fill('徐水区特殊教育学校');
  await page.getByLabel('任教学科', { exact: true }).fill('语文');
  await page.getByLabel('学段', { exact: true }).selectOption('特殊教育');
  await page.getByLabel('所在地区（按哪份政策文件）').selectOption({ label: '徐水区（区县）' });
  await page.getByLabel('学校的教学环境').selectOption('智慧学习环境');
}

export async function savedNow(page: Page) {
  await expect(page.locator('.save-state')).toContainText('已自动保存');
}

/** Opens the wizard with `code` preselected and goes, with the profile filled, to its evidence. */
export async function toEvidence(page: Page, code: string) {
  await page.goto(`/self-check/?a=${code}`);
  await fillProfile(page);
  await page.getByRole('button', { name: '下一步：选择微能力点' }).click();
  await page.getByRole('button', { name: '下一步：逐项自查证据' }).click();
  // The step is fetched when first reached; a person waits until it shows.
  await expect(page.getByRole('button', { name: '下一步：查看自评结果' })).toBeVisible();
}

/** Sets one field of the draft saved in this browser, as a damaged or hand-edited file would; returns the stored text. */
export async function setStoredField(page: Page, path: (string | number)[], value: unknown): Promise<string> {
  return page.evaluate(
    ({ path, value }) => {
      const draft: unknown = JSON.parse(localStorage.getItem('weinengli.self-check') ?? '{}');
      let at = draft as Record<string | number, unknown>;
      for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
      at[path[path.length - 1] as string | number] = value;
      const text = JSON.stringify(draft);
      localStorage.setItem('weinengli.self-check', text);
      return text;
    },
    { path, value },
  );
}

/** The hashing worker's script, as the build names it. */
export const HASH_WORKER_SCRIPT = /\/_astro\/sha256-worker-[\w-]+\.js$/;

/**
 * Waits until the hashing worker, started when the evidence step shows, has loaded its script:
 * from then on picking a file fetches nothing.
 */
export async function hashWorkerReady(page: Page) {
  await expect
    .poll(async () => {
      const worker = page.workers().find((w) => HASH_WORKER_SCRIPT.test(w.url()));
      return worker ? worker.evaluate(() => typeof onmessage === 'function').catch(() => false) : false;
    })
    .toBe(true);
}
