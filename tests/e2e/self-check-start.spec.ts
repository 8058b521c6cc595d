/**
 * The wizard's start (issue 23): the first step loads only what the first step needs. The later
 * steps' code (evidence, results, PDF button, the evidence forms' form library) comes once the
 * teacher is one step before it (while the page is idle) or reaches it; after one visit it comes from the offline copy, so a teacher who
 * never went past step 1 online still gets every step, and C5's criteria, with no network.
 */
import type { Page, Response } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { fillProfile } from './self-check-helpers';
import { ROOT_ORIGIN, SUBPATH_ORIGIN } from '../../playwright.config';

/** The scripts a page has fetched so far, by file name, with whether each holds the form library. */
function scriptsOf(page: Page) {
  const seen: { name: string; formLibrary: Promise<boolean> }[] = [];
  page.on('response', (response: Response) => {
    if (response.request().resourceType() !== 'script') return;
    seen.push({
      name: new URL(response.url()).pathname.split('/').pop() ?? '',
      // react-hook-form's option name survives minifying; no other code of ours carries it.
      formLibrary: response
        .text()
        .then((text) => text.includes('shouldUnregister'))
        .catch(() => false),
    });
  });
  return async () => {
    const names = seen.map((s) => s.name);
    const withForms = (await Promise.all(seen.map(async (s) => ((await s.formLibrary) ? s.name : ''))))
      .filter(Boolean)
      .map((name) => `${name} (form library)`);
    return [...names, ...withForms];
  };
}

const LATER_STEPS = /^(EvidenceStep|SummaryStep|PdfButton|ItemEditor|CustomRubricEditor)\.|form library/;

test.describe('the wizard’s first step', () => {
  test.use({ serviceWorkers: 'block' });

  test('loads none of the later steps’ code; each comes ahead once the teacher is one step before it', async ({
    page,
  }) => {
    const scripts = scriptsOf(page);
    const later = async () => (await scripts()).filter((s) => LATER_STEPS.test(s));
    await page.goto('/self-check/?a=C5', { waitUntil: 'networkidle' });
    await expect(page.getByRole('heading', { level: 2 })).toHaveText('第 1 步：基本信息');
    expect(await later()).toEqual([]);

    // The profile is checked as before, without the form library: a message, focus on the field.
    await page.getByRole('button', { name: '下一步：选择微能力点' }).click();
    const name = page.getByLabel('姓名', { exact: true });
    await expect(page.getByText('请填写姓名')).toBeVisible();
    await expect(name).toBeFocused();
    await expect(name).toHaveAttribute('aria-invalid', 'true');
    await expectNoAxeViolations(page);
    await fillProfile(page);
    await expect(page.getByText('请填写姓名')).toHaveCount(0);
    expect(await later()).toEqual([]);

    // On the pick step the evidence step's code (with its form library) comes while the page is
    // idle, and nothing of the results step yet.
    await page.getByRole('button', { name: '下一步：选择微能力点' }).click();
    await expect(page.getByRole('checkbox', { name: /C5 / })).toBeChecked();
    await expect
      .poll(later, { timeout: 10_000 })
      .toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^EvidenceStep\./),
          expect.stringMatching(/form library/),
        ]),
      );
    expect((await later()).filter((s) => /^(SummaryStep|PdfButton)\./.test(s))).toEqual([]);

    await page.getByRole('button', { name: '下一步：逐项自查证据' }).click();
    await expect(page.getByRole('button', { name: '下一步：查看自评结果' })).toBeVisible();
    await expect
      .poll(later, { timeout: 10_000 })
      .toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^SummaryStep\./),
          expect.stringMatching(/^PdfButton\./),
        ]),
      );
  });
});

test.describe('offline, the later steps', () => {
  test.use({ serviceWorkers: 'allow' });
  for (const [where, origin, base] of [
    ['at /', ROOT_ORIGIN, '/'],
    ['under /handbook/', SUBPATH_ORIGIN, '/handbook/'],
  ] as const) {
    test(`${where}: a teacher who never passed step 1 online gets every step and C5’s criteria with no network`, async ({
      page,
      context,
    }) => {
      test.setTimeout(90_000);
      await page.goto(`${origin}${base}`);
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
        timeout: 30_000,
      });
      await context.setOffline(true);
      await page.goto(`${origin}${base}self-check/?a=C5`);
      await fillProfile(page);
      await page.getByRole('button', { name: '下一步：选择微能力点' }).click();
      await page.getByRole('button', { name: '下一步：逐项自查证据' }).click();
      await expect(page.getByRole('heading', { level: 2 })).toHaveText(
        '第 3 步：逐项自查证据——C5 基于数据的个别化指导',
      );
      // The handbook's criteria are there to tick, not a note that something failed to load.
      await expect(
        page.getByRole('checkbox', { name: /围绕问题和假设从多个渠道收集了多种数据/ }).first(),
      ).toBeVisible();
      await expect(page.getByText('没能载入')).toHaveCount(0);
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: '下一步：查看自评结果' }).click();
      await expect(page.getByRole('button', { name: '生成 PDF 证据包' })).toBeVisible();
      await expect(page.getByText('没能载入')).toHaveCount(0);
    });
  }
});
