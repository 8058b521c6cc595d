/**
 * The evidence file's SHA-256 as a teacher meets it with a class recording: computed in a worker
 * by WebAssembly, at "/" and under /handbook/, offline after one visit, and the same digest where
 * the worker cannot run; a large file shows how far it is, can be cancelled, and the page goes on
 * answering the keyboard meanwhile.
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, openSync, writeFileSync, ftruncateSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { fillProfile, HASH_WORKER_SCRIPT, item, toEvidence } from './self-check-helpers';
import { ROOT_ORIGIN, SUBPATH_ORIGIN } from '../../playwright.config';

/** A file of `bytes` random bytes in the test's own folder, and its SHA-256 by node:crypto. */
function randomFile(path: string, bytes: number) {
  const content = randomBytes(bytes);
  writeFileSync(path, content);
  return createHash('sha256').update(content).digest('hex');
}

/** C5's 案例展示 in the wizard at `origin` + `base`, the profile filled. */
async function caseVideo(page: Page, origin: string, base: string) {
  await page.goto(`${origin}${base}self-check/?a=C5`);
  await fillProfile(page);
  await page.getByRole('button', { name: '下一步：选择微能力点' }).click();
  await page.getByRole('button', { name: '下一步：逐项自查证据' }).click();
  const video = item(page, 'case-video');
  return { video, picker: video.getByLabel(/选择本地文件/) };
}

/** The checksum shown for the picked file, opened to its whole value. */
async function shownChecksum(video: ReturnType<typeof item>, expected: string) {
  const checksum = video.getByText(`文件校验码 ${expected.slice(0, 8)}…`);
  await expect(checksum).toBeVisible();
  await checksum.click();
  await expect(video.getByText(expected, { exact: true })).toBeVisible();
}

/** Picks a new file of `bytes` random bytes for C5's 案例展示 and expects node:crypto's digest shown. */
async function pickedShowsDigest(page: Page, path: string, bytes: number, origin = ROOT_ORIGIN, base = '/') {
  const expected = randomFile(path, bytes);
  const { video, picker } = await caseVideo(page, origin, base);
  await picker.setInputFiles(path);
  await shownChecksum(video, expected);
}

test.describe('the evidence file hashed in a worker', () => {
  for (const [where, origin, base] of [
    ['at /', ROOT_ORIGIN, '/'],
    ['under /handbook/', SUBPATH_ORIGIN, '/handbook/'],
  ] as const) {
    test(`${where}: the SHA-256 shown is node:crypto's, computed by the WebAssembly worker of this base path`, async ({
      page,
    }, testInfo) => {
      const workers: string[] = [];
      page.on('worker', (w) => workers.push(w.url()));
      // Six of the page's 4 MB buffers, the last one short.
      await pickedShowsDigest(
        page,
        testInfo.outputPath('课堂实录.mp4'),
        20 * 1024 * 1024 + 123,
        origin,
        base,
      );
      const hashers = workers.filter((url) => HASH_WORKER_SCRIPT.test(url));
      expect(hashers).toHaveLength(1);
      expect(hashers[0]?.startsWith(`${origin}${base}_astro/`)).toBe(true);
      // Our fastest SHA-256, the one with SIMD: a fallback would give the same digest, slower.
      const hasher = page.workers().find((w) => HASH_WORKER_SCRIPT.test(w.url()));
      const engines = await hasher?.evaluate(() =>
        performance.getEntriesByType('mark').map((mark) => mark.name),
      );
      expect(engines).toEqual(['sha256-engine:simd']);
    });
  }

  test.describe('where the worker cannot run', () => {
    test.use({ expectedConsoleErrors: /Failed to load resource|sha256-worker/ });
    test('its script refused: the page hashes the file itself, with the same digest', async ({
      page,
    }, testInfo) => {
      await page.route(HASH_WORKER_SCRIPT, (route) => route.abort());
      await pickedShowsDigest(page, testInfo.outputPath('案例.mp4'), 5 * 1024 * 1024 + 7);
    });
  });

  test('no Worker in this browser: the page hashes the file itself, with the same digest', async ({
    page,
  }, testInfo) => {
    await page.addInitScript(() => {
      Object.defineProperty(globalThis, 'Worker', { value: undefined });
    });
    await pickedShowsDigest(page, testInfo.outputPath('案例.mp4'), 3 * 1024 * 1024 + 1);
  });

  test('取消 before the hash has started: the file stays picked, without a checksum, and the teacher is told', async ({
    page,
  }, testInfo) => {
    const path = testInfo.outputPath('课堂实录.mp4');
    randomFile(path, 1024 * 1024);
    // The worker's script is held back, so the hash waits at 0 % for as long as the test looks.
    let hold = true;
    let release = () => {};
    await page.route(HASH_WORKER_SCRIPT, async (route) => {
      if (hold) await new Promise<void>((resolve) => (release = resolve));
      await route.continue();
    });
    await toEvidence(page, 'C5');
    const video = item(page, 'case-video');
    await video.getByLabel(/选择本地文件/).setInputFiles(path);
    await expect(video.getByText('正在计算文件校验码 0%')).toBeVisible();
    await expect(video.getByRole('progressbar', { name: '文件读取进度' })).toBeVisible();
    await expectNoAxeViolations(page);
    await video.getByRole('button', { name: /^取消\s*计算文件校验码$/ }).click();
    hold = false;
    release();
    await expect(video.getByRole('alert')).toContainText(
      '已取消计算“课堂实录.mp4”的文件校验码：文件已选上，只是没有文件校验码（PDF 中写“未计算”）；需要时重新选择这个文件即可计算。',
    );
    const files = video.getByRole('list', { name: '已选文件' }).getByRole('listitem');
    await expect(files).toHaveCount(1);
    await expect(files).toContainText('课堂实录.mp4');
    await expect(files).toContainText('未计算文件校验码');
    await expect(video.getByText(/^文件校验码/)).toHaveCount(0);
    await expect(video.getByLabel(/选择本地文件/)).toBeFocused();
    await expectNoAxeViolations(page);

    // Picked again, it gets its checksum.
    await video.getByLabel(/选择本地文件/).setInputFiles(path);
    await expect(files).not.toContainText('未计算文件校验码');
    await expect(video.getByText(/^文件校验码 [0-9a-f]{8}…/)).toBeVisible();
  });

  test('a 1 GB recording: progress in per cent, the page answers typing meanwhile, 取消 halfway keeps the file', async ({
    page,
  }, testInfo) => {
    // Sparse: a gigabyte on the page's side, next to nothing on the disk or in the test's time.
    const path = testInfo.outputPath('一节课的录像.mp4');
    const fd = openSync(path, 'w');
    ftruncateSync(fd, 1024 ** 3);
    closeSync(fd);
    await toEvidence(page, 'C5');
    const video = item(page, 'case-video');
    await video.getByLabel(/选择本地文件/).setInputFiles(path);
    const percent = video.getByText(/正在计算文件校验码 \d+%/);
    await expect(percent).toHaveText(/正在计算文件校验码 ([1-9]|[1-8]\d)%/);
    const title = video.getByLabel('证据标题');
    await title.pressSequentially('第三单元');
    await expect(title).toHaveValue('第三单元');
    await expect(percent).toBeVisible();
    await video.getByRole('button', { name: /^取消\s*计算文件校验码$/ }).click();
    await expect(video.getByRole('alert')).toContainText('已取消计算“一节课的录像.mp4”的文件校验码');
    const files = video.getByRole('list', { name: '已选文件' }).getByRole('listitem');
    await expect(files).toContainText('一节课的录像.mp4');
    await expect(files).toContainText('1024.0 MB');
    await expect(files).toContainText('未计算文件校验码');
    await expect(percent).toBeHidden();
    await expect(title).toHaveValue('第三单元');
  });
});

test.describe('offline', () => {
  test.use({ serviceWorkers: 'allow' });
  test('after one visit, with no network, a picked file still gets its SHA-256 from the worker', async ({
    page,
    context,
  }, testInfo) => {
    await page.goto(`${SUBPATH_ORIGIN}/handbook/`);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
      timeout: 30_000,
    });
    await context.setOffline(true);
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    await pickedShowsDigest(
      page,
      testInfo.outputPath('案例.mp4'),
      9 * 1024 * 1024,
      SUBPATH_ORIGIN,
      '/handbook/',
    );
    expect(workers.filter((url) => HASH_WORKER_SCRIPT.test(url))).toHaveLength(1);
  });
});
