#!/usr/bin/env node
/**
 * School archive benchmark: in headless Chromium against the built site (dist/), how long
 * /school/ takes to read and summarise 100, 500 and 2,000 teachers' self-check files picked at
 * once (half of them with a 组内互评 review file, a quarter also with a 复评 one), from the
 * file input's change event to the table and summary on screen; then how long until the archive
 * is saved in IndexedDB, the JavaScript heap, and how long a filter and a sort take to show.
 * The files are made with the same draft and review libraries as the tests (bundled here with
 * esbuild). Prints figures; asserts nothing. Target for 2,000: ≤ 2 s and ≤ 300 MB.
 *
 *   node scripts/bench/bench-school.mjs [teachers …]   (default: 100 500 2000)
 */
import { rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { launchChromium, serveSite, sizesFromArgs, testBuilders } from './bench-support.mjs';

const sizes = sizesFromArgs([100, 500, 2000]);
const port = 4396;

// The generator: the tests' builders, bundled for Node (bench-support.mjs).
const dir = join('node_modules', '.cache', 'bench-school');
const gen = await testBuilders(
  dir,
  `
  export { handbookAbilities, makeDraft, makeReview } from './tests/support/archive-fixtures';
  export { exportDraftText } from './src/lib/self-check/draft';
  export { exportReviewText } from './src/lib/review/review-file';
`,
);
const abilities = gen.handbookAbilities();

const SUBJECTS = ['语文', '数学', '英语', '科学', '美术', '体育', '音乐', '道德与法治'];
const STAGES = ['小学', '初中', '高中'];
const LEVELS = ['优秀', '合格', '不合格'];
const CODES = [['C5'], ['C6', 'C7'], ['C5', 'C7'], ['C6']];

function files(n) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const codes = CODES[i % CODES.length];
    const levels = Object.fromEntries(codes.map((c, k) => [c, LEVELS[(i + k) % 3]]));
    const draft = gen.makeDraft(
      {
        id: `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`,
        name: `教师${i + 1}`,
        school: '广州市越秀区实验小学',
        subject: SUBJECTS[i % SUBJECTS.length],
        stage: STAGES[i % STAGES.length],
        region: 'guangzhou',
        levels,
      },
      abilities,
    );
    out.push({
      name: `教师${i + 1}.json`,
      mimeType: 'application/json',
      buffer: Buffer.from(gen.exportDraftText(draft)),
    });
    if (i % 2 === 0) {
      const review = gen.makeReview(draft, { stage: '组内互评', levels }, abilities);
      out.push({
        name: `评审_${i + 1}_组内互评.json`,
        mimeType: 'application/json',
        buffer: Buffer.from(gen.exportReviewText(review)),
      });
    }
    if (i % 4 === 0) {
      const review = gen.makeReview(
        draft,
        { stage: '复评', reviewedAt: '2026-03-09T08:00:00.000Z', levels },
        abilities,
      );
      out.push({
        name: `评审_${i + 1}_复评.json`,
        mimeType: 'application/json',
        buffer: Buffer.from(gen.exportReviewText(review)),
      });
    }
  }
  return out;
}

/** Milliseconds from the page's action to the next frame after the condition holds. */
const untilPainted = `(condition) => new Promise((resolve) => {
  const check = () => {
    if (condition()) requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0));
    else requestAnimationFrame(check);
  };
  check();
})`;

const server = await serveSite(port);
const browser = await launchChromium();
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
try {
  console.log('school archive (/school/) in Chromium: picking N teachers’ files at once');
  console.log(
    '  teachers  files  bytes    loaded+summarised  saved in IndexedDB  JS heap (after GC)  filter  sort',
  );
  for (const n of sizes) {
    const batch = files(n);
    const bytes = batch.reduce((sum, f) => sum + f.buffer.length, 0);
    const context = await browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await page.goto(`http://127.0.0.1:${port}/school/`);
    await page.locator('.school-archive[data-ready="true"]').waitFor();
    await page.evaluate(() => {
      const input = document.querySelector('input[type=file][multiple]');
      input.addEventListener('change', () => (window.__changedAt = performance.now()), { capture: true });
    });
    await page.getByLabel('选择文件（可多选）').setInputFiles(batch);
    const shown = await page.evaluate(
      `(${untilPainted})(() => document.querySelector('.school-archive')?.getAttribute('data-teachers') === '${n}' && document.querySelector('[data-summary="passed"]'))`,
    );
    const loadMs = shown - (await page.evaluate(() => window.__changedAt));
    await page.locator('[data-saved]').waitFor({ timeout: 120_000 });
    const savedMs =
      (await page.evaluate(() => performance.now())) - (await page.evaluate(() => window.__changedAt));
    const before = await cdp.send('Runtime.getHeapUsage');
    await cdp.send('HeapProfiler.collectGarbage');
    const after = await cdp.send('Runtime.getHeapUsage');

    const filterMs = await page.evaluate(`(async () => {
      const select = document.getElementById('archive-filter-status');
      const start = performance.now();
      select.value = '待复评';
      select.dispatchEvent(new Event('change', { bubbles: true }));
      const end = await (${untilPainted})(() => /筛选自/.test(document.querySelector('[data-table-count]')?.textContent ?? ''));
      return end - start;
    })()`);
    const sortMs = await page.evaluate(`(async () => {
      const button = [...document.querySelectorAll('.sort-button')].find((b) => b.textContent.startsWith('自评'));
      const start = performance.now();
      button.click();
      const end = await (${untilPainted})(() => button.closest('th').getAttribute('aria-sort') === 'ascending');
      return end - start;
    })()`);
    console.log(
      `  ${String(n).padStart(8)}  ${String(batch.length).padStart(5)}  ${mb(bytes).padStart(6)}  ${`${loadMs.toFixed(0)} ms`.padStart(17)}  ${`${savedMs.toFixed(0)} ms`.padStart(18)}  ${`${mb(before.usedSize)} (${mb(after.usedSize)})`.padStart(18)}  ${`${filterMs.toFixed(0)} ms`.padStart(6)}  ${`${sortMs.toFixed(0)} ms`.padStart(5)}`,
    );
    await context.close();
  }
  console.log('  (target for 2,000 teachers: ≤ 2 s and ≤ 300 MB; the table shows 50 rows a page)');
  // Times on a shared machine say little without how busy it was.
  console.log(
    `  machine: ${cpus().length} CPU cores, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ')} (1 / 5 / 15 min)`,
  );
} finally {
  await browser.close();
  server.kill();
  rmSync(dir, { recursive: true, force: true });
}
