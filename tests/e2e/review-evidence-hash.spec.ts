/**
 * /review/'s 核对证据文件 with the files a teacher really sends: a recording read from the disk is
 * hashed by the WebAssembly worker and matches the self-check; a batch with a long recording (4 GB,
 * sparse: nothing on the disk) shows how far it is and can be cancelled, the rest of the batch said to be unchecked.
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, ftruncateSync, openSync, writeFileSync } from 'node:fs';
import { exportDraftText } from '../../src/lib/self-check/draft';
import { teacherDraft } from '../support/teacher-draft';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { openReview } from './review-page';
import { HASH_WORKER_SCRIPT } from './self-check-helpers';

test('核对证据文件: a recording from the disk matches in the worker; a 4 GB batch can be cancelled', async ({
  page,
}, testInfo) => {
  const casePath = testInfo.outputPath('案例.mp4');
  const caseBytes = randomBytes(12 * 1024 * 1024 + 5);
  writeFileSync(casePath, caseBytes);
  const draft = teacherDraft({ case: createHash('sha256').update(caseBytes).digest('hex') });
  const bigPath = testInfo.outputPath('一节课的录像.mp4');
  const fd = openSync(bigPath, 'w');
  // Large enough that the axe check below ends long before the hash would.
  ftruncateSync(fd, 4 * 1024 ** 3);
  closeSync(fd);

  await openReview(page);
  await page.getByLabel(/^姓名/).fill('李老师');
  await page.getByLabel('打开自评文件').setInputFiles({
    name: '微能力自评_王老师.json',
    mimeType: 'application/json',
    buffer: Buffer.from(exportDraftText(draft, new Date('2025-04-01T08:00:00.000Z'))),
  });
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  const picker = page.getByLabel('选择证据文件（可多选）');
  await picker.setInputFiles(casePath);
  const results = page.getByRole('list', { name: '核对结果' });
  await expect(results.locator('[data-verdict="same"]')).toContainText('案例.mp4：✓ 与自评时的文件一致');
  expect(workers.some((url) => HASH_WORKER_SCRIPT.test(url))).toBe(true);

  await picker.setInputFiles([bigPath, casePath]);
  await expect(page.getByRole('status').filter({ hasText: '正在计算文件校验码（1/2）' })).toContainText(
    '一节课的录像.mp4',
  );
  await expect(page.locator('.evidence-check .hash-progress')).toHaveText(/^([1-9]|[1-8]\d)%$/);
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: /^取消\s*核对证据文件$/ }).click();
  await expect(page.getByRole('alert').filter({ hasText: '已取消核对' })).toHaveText(
    '已取消核对，没有核对：一节课的录像.mp4、案例.mp4。需要时重新选择这些文件即可。',
  );
  await expect(results.getByRole('listitem')).toHaveCount(1);
  await expect(picker).toBeFocused();
  await expectNoAxeViolations(page);
});
