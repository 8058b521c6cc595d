/**
 * The offline copy: after one visit the site keeps working with no network (reading, search,
 * the self-check with its autosave, the PDF; a rare character's font once fetched online), at "/"
 * and under /handbook/; a
 * new build is offered with 刷新以使用新版本 and never reloads a page by itself.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { pdfPagesText } from './pdf-text';
import { ROOT_ORIGIN, ROOT_PORT, SUBPATH_ORIGIN } from '../../playwright.config';
import { generateServiceWorker } from '../../scripts/build/service-worker.mjs';

test.use({ serviceWorkers: 'allow' });

/** The worker controls the page only once its whole precache is stored: the site is offline-ready. */
async function offlineReady(page: Page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
    timeout: 30_000,
  });
}

const offlineNotice = (page: Page) => page.getByRole('status').filter({ hasText: '当前没有网络' });

async function startSelfCheck(page: Page, origin: string, base: string, name: string) {
  await page.goto(`${origin}${base}self-check/?a=C5`);
  await page.getByLabel('姓名', { exact: true }).fill(name);
  await page.getByLabel('学校', { exact: true }).fill('徐水区特殊教育学校');
  await expect(page.locator('.save-state')).toContainText('已自动保存');
}

/** A first visit made offline-ready, then a self-check by `name` up to the summary and its PDF button. */
async function readySummary(page: Page, origin: string, base: string, name: string) {
  await page.goto(`${origin}${base}`);
  await offlineReady(page);
  await startSelfCheck(page, origin, base, name);
  await page.getByLabel('任教学科', { exact: true }).fill('语文');
  await page.getByLabel('学段', { exact: true }).selectOption('特殊教育');
  await page.getByLabel('所在地区（按哪份政策文件）').selectOption({ label: '徐水区（区县）' });
  await page.getByLabel('学校的教学环境').selectOption('智慧学习环境');
  await page.getByRole('button', { name: '下一步：选择微能力点' }).click();
  await page.getByRole('button', { name: '下一步：逐项自查证据' }).click();
  await page.getByRole('button', { name: '下一步：查看自评结果' }).click();
}

/** Makes the PDF with the summary's button; its text, spaces removed. */
async function pdfText(page: Page): Promise<string> {
  const download = page.waitForEvent('download', { timeout: 90_000 });
  await page.getByRole('button', { name: '生成 PDF 证据包' }).click();
  return (await pdfPagesText(await (await download).path())).join('').replace(/\s+/g, '');
}

/** With no network, the summary comes back from the offline copy and the note says nothing. */
async function reloadOffline(page: Page, context: BrowserContext) {
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('button', { name: '生成 PDF 证据包' })).toBeVisible();
  await expect(page.locator('[data-pdf-offline-note]')).toBeHidden();
}

for (const [where, origin, base] of [
  ['at /', ROOT_ORIGIN, '/'],
  ['under /handbook/', SUBPATH_ORIGIN, '/handbook/'],
] as const) {
  test.describe(`offline ${where}`, () => {
    test('after one visit: an unvisited page, search and the self-check autosave work with no network', async ({
      page,
      context,
    }) => {
      test.setTimeout(90_000);
      await page.goto(`${origin}${base}`);
      await offlineReady(page);
      await expect(offlineNotice(page)).toBeHidden();

      await context.setOffline(true);
      await expect(offlineNotice(page)).toBeVisible();
      await expect(offlineNotice(page)).toContainText('阅读、搜索和自评照常可用');

      // An ability page this browser never opened comes from the offline copy.
      await page.goto(`${origin}${base}abilities/B3/`);
      await expect(page.getByRole('heading', { level: 1 })).toContainText('B3');
      await expect(offlineNotice(page)).toBeVisible();

      // Search: Pagefind's code, WebAssembly and index chunks are all in the copy.
      await page.getByRole('searchbox', { name: '搜索手册' }).click();
      await page.getByRole('combobox', { name: '搜索手册' }).fill('课堂导入');
      const first = page.getByRole('listbox', { name: '搜索结果' }).getByRole('option').first();
      await expect(first).toHaveAttribute('href', `${base}abilities/A5/`);
      await first.click();
      await expect(page).toHaveURL(`${origin}${base}abilities/A5/`);
      await expect(page.getByRole('heading', { level: 1 })).toContainText('课堂导入');

      // Part of a self-check, a reload with no network, and it is all still there.
      await startSelfCheck(page, origin, base, '离线的王老师');
      await page.reload();
      await expect(page.getByLabel('姓名', { exact: true })).toHaveValue('离线的王老师');
      await expect(page.getByLabel('学校', { exact: true })).toHaveValue('徐水区特殊教育学校');
    });

    test('installable: a Chinese-named manifest for this base path, its icons (one maskable) and the iOS icon', async ({
      page,
      request,
    }) => {
      await page.goto(`${origin}${base}`);
      const pngSize = async (url: URL) => {
        const response = await request.get(url.href);
        expect(response.status(), url.href).toBe(200);
        expect(response.headers()['content-type']).toBe('image/png');
        const png = await response.body();
        return `${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`;
      };
      const manifestUrl = new URL(
        (await page.locator('link[rel="manifest"]').getAttribute('href')) ?? '',
        page.url(),
      );
      const response = await request.get(manifestUrl.href);
      expect(response.headers()['content-type']).toContain('application/manifest+json');
      const manifest = (await response.json()) as {
        name: string;
        short_name: string;
        start_url: string;
        scope: string;
        theme_color: string;
        display: string;
        icons: { src: string; sizes: string; purpose: string }[];
      };
      expect(manifest.short_name).toBe('微能力手册');
      expect(manifest.name).toContain('微能力手册');
      expect(new URL(manifest.start_url, manifestUrl).href).toBe(`${origin}${base}`);
      expect(new URL(manifest.scope, manifestUrl).href).toBe(`${origin}${base}`);
      expect(manifest.theme_color).toBe('#0b3d6e');
      expect(manifest.display).toBe('standalone');
      expect(manifest.icons.map((i) => i.purpose)).toContain('maskable');
      for (const icon of manifest.icons)
        expect(await pngSize(new URL(icon.src, manifestUrl))).toBe(icon.sizes);
      const apple = await page.locator('link[rel="apple-touch-icon"]').getAttribute('href');
      expect(await pngSize(new URL(apple ?? '', page.url()))).toBe('180x180');
    });

    test('after one visit the first PDF is made with no network, and reads back', async ({
      page,
      context,
    }) => {
      test.setTimeout(120_000);
      await readySummary(page, origin, base, '王晓红');
      const note = page.locator('[data-pdf-offline-note]');
      await expect(page.getByRole('button', { name: '生成 PDF 证据包' })).toBeVisible();
      await expect(note).toBeHidden();

      // No PDF was made online: jsPDF, the manifest and the common slices come from the offline copy.
      await context.setOffline(true);
      await expect(note).toBeHidden();
      const text = await pdfText(page);
      await expect(page.locator('#pdf-status')).toContainText('PDF 已生成');
      expect(text).toContain('王晓红');
      expect(text).toContain('徐水区特殊教育学校');
      expect(text).toContain('C5基于数据的个别化指导');
      expect(text).toContain('组内互评/复评：C5的等级');

      await reloadOffline(page, context);
      expect(await pdfText(page)).toContain('王晓红');
    });

    test.describe('a rare name', () => {
      test.use({ expectedConsoleErrors: /Failed to load resource|ERR_INTERNET_DISCONNECTED/ });
      test('offline its characters are named and the draft kept; made once online, it is made offline after', async ({
        page,
        context,
      }) => {
        test.setTimeout(150_000);
        // 堃 is in a rare slice, which comes when online.
        await readySummary(page, origin, base, '王堃');
        await context.setOffline(true);
        await page.getByRole('button', { name: '生成 PDF 证据包' }).click();
        const status = page.locator('#pdf-status');
        await expect(status).toContainText('这些不常用的字所需的字体还没有保存到本机：堃');
        await expect(status).toContainText('已填写的内容都还在');
        await expect(page.getByRole('button', { name: '生成 PDF 证据包' })).toBeEnabled();
        await expectNoAxeViolations(page);

        await context.setOffline(false);
        expect(await pdfText(page)).toContain('王堃');
        await reloadOffline(page, context);
        expect(await pdfText(page)).toContain('王堃');
      });
    });
  });
}

/** serve.mjs for one folder on the update test's own port (the origin, and so the worker, stay the same). */
async function serve(dir: string, port: number, base: string): Promise<ChildProcess> {
  const server = spawn(
    'node',
    ['scripts/cli/serve.mjs', '--port', String(port), '--dir', dir, '--base', base],
    {
      stdio: 'pipe',
    },
  );
  await new Promise<void>((resolve, reject) => {
    server.stdout?.once('data', () => resolve());
    server.once('exit', (code) => reject(new Error(`serve.mjs exited with ${code}`)));
  });
  return server;
}

async function stop(server: ChildProcess) {
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill();
  await exited;
}

for (const [dir, base, port] of [
  ['dist', '/', ROOT_PORT + 10],
  ['dist-handbook', '/handbook/', ROOT_PORT + 11],
] as const) {
  test(`a new build ${base === '/' ? 'at /' : `under ${base}`}: 刷新以使用新版本 is offered, nothing reloads by itself, the click shows the new content`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const origin = `http://127.0.0.1:${port}`;
    // The next build: the same folder with a changed home page and its own service worker (the rare
    // font slices are left out of the copy; this test makes no PDF).
    const next = mkdtempSync(join(tmpdir(), 'handbook-next-'));
    cpSync(dir, next, { recursive: true, filter: (src) => !src.includes('/fonts/pdf/rare') });
    const home = join(next, 'index.html');
    writeFileSync(
      home,
      readFileSync(home, 'utf8').replace('</main>', '<p data-next-build>这是新版本的首页</p></main>'),
    );
    await generateServiceWorker(next);

    let server = await serve(dir, port, base);
    try {
      await page.goto(`${origin}${base}`);
      await offlineReady(page);
      await startSelfCheck(page, origin, base, '更新中的王老师');
      await page.evaluate(() => ((window as { notReloaded?: boolean }).notReloaded = true));

      await stop(server);
      server = await serve(next, port, base);
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());

      const notice = page.getByRole('status').filter({ hasText: '网站已有新版本' });
      await expect(notice).toBeVisible();
      // The new worker waits: the open self-check is neither reloaded nor taken over.
      await page.waitForTimeout(1500);
      expect(await page.evaluate(() => (window as { notReloaded?: boolean }).notReloaded)).toBe(true);
      await expect(page.getByLabel('姓名', { exact: true })).toHaveValue('更新中的王老师');

      await notice.getByRole('button', { name: '刷新以使用新版本' }).click();
      await page.waitForFunction(() => (window as { notReloaded?: boolean }).notReloaded === undefined);
      await expect(page.getByLabel('姓名', { exact: true })).toHaveValue('更新中的王老师');
      await expect(notice).toBeHidden();

      await page.goto(`${origin}${base}`);
      await expect(page.getByText('这是新版本的首页')).toBeVisible();
      // The old build's copy of the home page was removed: one entry for it in all caches.
      const homeEntries = await page.evaluate(async () => {
        let count = 0;
        for (const name of await caches.keys())
          for (const request of await (await caches.open(name)).keys())
            if (new URL(request.url).pathname === `${location.pathname}index.html`) count += 1;
        return count;
      });
      expect(homeEntries).toBe(1);
    } finally {
      await stop(server);
      rmSync(next, { recursive: true, force: true });
    }
  });
}
