#!/usr/bin/env node
/**
 * School plan editor benchmark: in headless Chromium against the built site (dist/), a staff list
 * of 300 and 2,000 teachers imported on /school/plan/ with two reviewers' assignments (one with
 * every teacher), then typing: how long the import takes to show, how long four characters typed
 * into 学校名称 and two into a teacher's name take to be on screen, and the slowest input event
 * the page reports (Event Timing: what a principal feels as lag). Prints figures; asserts nothing.
 *
 * Before the roster went to pages (lib/school/plan/roster-page.ts), on this machine with 2,000
 * teachers and no assignment: import 4,466 ms, two characters in a name 2,610 ms.
 *
 *   node scripts/bench/bench-plan-editor.mjs [teachers …]   (default: 300 2000)
 */
import { loadavg } from 'node:os';
import { launchChromium, serveSite, sizesFromArgs } from './bench-support.mjs';

const sizes = sizesFromArgs([300, 2000]);
const port = 4395;

/** Resolves after the next frame has been painted. */
const painted = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));

const server = await serveSite(port);
const browser = await launchChromium();
console.log(
  `plan editor (/school/plan/), load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}:`,
);
try {
  for (const n of sizes) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${port}/school/plan/`);
    await page.getByLabel('学校名称').waitFor();
    const csv = ['姓名,学科,学段', ...Array.from({ length: n }, (_, i) => `教师${i},数学,小学`)].join('\n');
    let t = Date.now();
    await page.getByLabel('导入教师名单（.xlsx 或 CSV）').setInputFiles({
      name: '名单.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await page.getByRole('button', { name: '导入名单' }).click();
    await page.getByText(`现共 ${n} 位教师`).waitFor({ timeout: 120_000 });
    await page.evaluate(painted);
    const importMs = Date.now() - t;
    for (let k = 0; k < 2; k++) await page.getByRole('button', { name: '添加评审分工' }).click();
    await page.getByRole('button', { name: /^全选/ }).first().click();
    await page.waitForTimeout(500);
    await page.evaluate(() => {
      window.__slowest = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__slowest = Math.max(window.__slowest, e.duration);
      }).observe({ type: 'event', durationThreshold: 16 });
    });

    const school = page.getByLabel('学校名称');
    await school.click();
    t = Date.now();
    await school.pressSequentially('实验小学');
    await page.evaluate(painted);
    const schoolMs = Date.now() - t;
    const name = page.getByLabel('教师0的姓名');
    await name.click();
    await name.press('End');
    t = Date.now();
    await name.pressSequentially('甲乙');
    await page.evaluate(painted);
    const nameMs = Date.now() - t;
    await page.waitForTimeout(1000);
    const slowest = await page.evaluate(() => window.__slowest);
    console.log(
      `  ${String(n).padStart(5)} teachers: import shown in ${importMs} ms; 4 characters in 学校名称 ${schoolMs} ms; ` +
        `2 in a teacher's name ${nameMs} ms; slowest input event ${Math.round(slowest)} ms`,
    );
    await context.close();
  }
} finally {
  await browser.close();
  server.kill();
}
