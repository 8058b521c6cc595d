/** Script and markup typed into the wizard, or smuggled in an imported file, stay inert text. */
import { expect, test } from './fixtures';
import { pdfPagesText } from './pdf-text';

const PAYLOADS = [
  '<script>window.__pwned = 1</script>',
  '<img src=x onerror="window.__pwned=1">',
  '"><svg onload="window.__pwned=1">',
  "javascript:window.__pwned=1//'",
];
const NAME = `${PAYLOADS[1]}王老师`;

test('payloads in every free-text field neither run nor break the page or the PDF', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/self-check/?a=C5');
  await page.getByLabel('姓名', { exact: true }).fill(NAME.slice(0, 30));
  await page.getByLabel('学校', { exact: true }).fill(PAYLOADS[0] ?? '');
  await page.getByLabel('任教学科', { exact: true }).fill((PAYLOADS[2] ?? '').slice(0, 30));
  await page.getByLabel('学段', { exact: true }).selectOption('小学');
  await page.getByLabel('所在地区（按哪份政策文件）').selectOption({ label: '广州市（市）' });
  await page.getByLabel('学校的教学环境').selectOption('智慧学习环境');
  await page.getByRole('button', { name: '下一步：选择微能力点' }).click();
  await page.getByRole('checkbox', { name: /A2 数字教育资源获取与评价/ }).check();
  await page.getByRole('button', { name: '下一步：逐项自查证据' }).click();
  const video = page.locator('[data-item-editor="case-video"]');
  await video.getByLabel('证据标题').fill(PAYLOADS[1] ?? '');
  await video.getByLabel('简要说明').fill(PAYLOADS.join('\n'));
  await page.getByLabel('我的反思（写入 PDF 证据包）').fill(PAYLOADS[3] ?? '');
  await page.getByRole('button', { name: 'A2' }).click();
  await page.getByRole('button', { name: '录入本地考核指南的标准' }).click();
  await page.getByLabel('名称', { exact: true }).fill(PAYLOADS[2] ?? '');
  await page.getByLabel('形式', { exact: true }).selectOption('文本');
  await page.getByLabel('合格标准（每行一条）').fill(PAYLOADS.join('\n'));
  await page.getByLabel('优秀标准（每行一条）').fill(PAYLOADS[0] ?? '');
  await page.getByRole('button', { name: '保存标准' }).click();
  await expect(
    page.locator('[data-item-editor="item-1"]').getByText(PAYLOADS[1] ?? '', { exact: true }),
  ).toBeVisible();
  await page.getByRole('button', { name: '下一步：查看自评结果' }).click();
  await expect(page.locator('[data-summary="C5"]')).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(page.locator('main img[src="x"], main svg[onload]')).toHaveCount(0);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '生成 PDF 证据包' }).click();
  const file = await download;
  expect(file.suggestedFilename()).not.toMatch(/[<>"/\\]/);
  const text = (await pdfPagesText(await file.path())).join('').replace(/\s+/g, '');
  expect(text).toContain('<script>window.__pwned=1</script>');
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});

test('an imported file full of markup is shown as text, never run', async ({ page }) => {
  await page.goto('/self-check/');
  const draft = {
    app: '微能力手册',
    version: 1,
    savedAt: new Date().toISOString(),
    step: 2,
    currentAbility: 'C5',
    profile: {
      name: PAYLOADS[1]?.slice(0, 30),
      school: PAYLOADS[0],
      subject: 'x',
      stage: '小学',
      region: 'guangzhou',
      environment: '智慧学习环境',
    },
    abilities: ['C5'],
    evidence: {
      C5: {
        chosen: {},
        items: {
          'case-video': {
            present: true,
            title: PAYLOADS[2],
            description: PAYLOADS.join(' '),
            files: [
              {
                name: '<img src=x onerror=window.__pwned=1>.mp4',
                type: 'video/mp4',
                size: 10,
                durationSeconds: 60,
              },
            ],
            excellent: [],
            pass: [],
          },
        },
        reflection: PAYLOADS[0],
      },
    },
    customRubrics: {},
  };
  await page.getByLabel('打开自评文件').setInputFiles({
    name: 'hostile.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(draft)),
  });
  await expect(page.getByText(/已打开/)).toBeVisible();
  const video = page.locator('[data-item-editor="case-video"]');
  await expect(video.getByLabel('证据标题')).toHaveValue(PAYLOADS[2] ?? '');
  await expect(video.locator('.file-name')).toHaveText('<img src=x onerror=window.__pwned=1>.mp4');
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(page.locator('main img[src="x"]')).toHaveCount(0);
});
