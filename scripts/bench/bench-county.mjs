#!/usr/bin/env node
/**
 * County view benchmark: in headless Chromium against the built site (dist/), how long /county/
 * takes to open S schools' 移交县级审核 files of T teachers each, picked at once (each school's
 * file holds its teachers' self-checks, a quarter of them with two school reviews and a quarter
 * with one, so 1.75 files per teacher as in bench-school; an eighth with a county result the
 * school recorded), from the file input's change event to school × status on screen, the files
 * kept in IndexedDB on the way; then the JavaScript heap, how long a filter, a sort and opening a
 * school's teachers take to show, and how long a reload takes to read it all back from IndexedDB.
 * The files are made with the same plan, draft, review and hand-off libraries as the tests
 * (bundled here with esbuild). Prints figures; asserts nothing. Target for 100 × 100 (10,000
 * teachers): ≤ 5 s and ≤ 500 MB.
 *
 *   node scripts/bench/bench-county.mjs [schools×teachers …]   (default: 10x100 100x100)
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { launchChromium, serveSite, testBuilders } from './bench-support.mjs';

const sizes = process.argv
  .slice(2)
  .map((a) => a.split(/[x×]/).map(Number))
  .filter(([s, t]) => s > 0 && t > 0);
const runs =
  sizes.length > 0
    ? sizes
    : [
        [10, 100],
        [100, 100],
      ];
const port = 4397;

// The generator: the tests' builders, bundled for Node (bench-support.mjs).
const dir = join('node_modules', '.cache', 'bench-county');
const gen = await testBuilders(
  dir,
  `
  export { handbookAbilities } from './tests/support/archive-fixtures';
  export { buildHandoff } from './tests/e2e/county-fixture';
  export { exportHandoffText, handoffFileName } from './src/lib/school/handoff/handoff-file';
`,
);
const abilities = gen.handbookAbilities();

const SUBJECTS = ['语文', '数学', '英语', '科学', '美术', '体育', '音乐', '道德与法治'];
const LEVELS = ['优秀', '合格', '不合格'];
const CODES = [['C5'], ['C6', 'C7'], ['C5', 'C7'], ['C6']];

function files(schools, teachers) {
  const out = [];
  let entries = 0;
  let bytes = 0;
  const folder = join(dir, `${schools}x${teachers}`);
  mkdirSync(folder, { recursive: true });
  for (let s = 0; s < schools; s++) {
    const list = [];
    for (let i = 0; i < teachers; i++) {
      const codes = CODES[i % CODES.length];
      list.push({
        name: `教师${s + 1}-${i + 1}`,
        subject: SUBJECTS[i % SUBJECTS.length],
        levels: Object.fromEntries(codes.map((c, k) => [c, LEVELS[(i + k + s) % 3]])),
        reviewed: i % 4 === 0 ? 2 : i % 4 === 2 ? 1 : 0,
        ...(i % 8 === 0 ? { county: '合格' } : {}),
      });
      entries += 1 + (i % 4 === 0 ? 2 : i % 4 === 2 ? 1 : 0);
    }
    const handoff = gen.buildHandoff(
      {
        school: `徐水区第${s + 1}小学`,
        idBase: (s + 1) * 100_000,
        savedAt: new Date(Date.UTC(2025, 5, 20, 8, 0, s)),
        teachers: list,
      },
      abilities,
    );
    // Files on the disk, handed to the input by path as a person picks them: Playwright would
    // otherwise build each file inside the page from base64, work the page never does.
    const path = join(folder, gen.handoffFileName(handoff).replace('.json', `_${s + 1}.json`));
    const text = gen.exportHandoffText(handoff);
    writeFileSync(path, text);
    out.push(path);
    bytes += Buffer.byteLength(text);
  }
  return { out, entries, bytes };
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
const ms = (n) => `${n.toFixed(0)} ms`;
try {
  console.log('county view (/county/) in Chromium: picking S schools’ hand-off files at once');
  console.log(
    '  schools × teachers  entries  bytes   loaded+kept+summarised (renderer CPU)  JS heap (after GC)  filter  sort  open a school  reload (renderer CPU)',
  );
  for (const [schools, teachers] of runs) {
    const { out: batch, entries, bytes } = files(schools, teachers);
    const context = await browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await page.goto(`http://127.0.0.1:${port}/county/`);
    await page.locator('.county-view[data-ready="true"]').waitFor();
    // The renderer's CPU time besides the wall-clock time: on a shared machine the second says
    // more of the neighbours than of the page.
    await cdp.send('Performance.enable');
    const cpuTime = async () =>
      (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ProcessTime')?.value ?? NaN;
    const cpuBefore = await cpuTime();
    await page.evaluate(() => {
      const input = document.querySelector('input[type=file][multiple]');
      input.addEventListener('change', () => (window.__changedAt = performance.now()), { capture: true });
    });
    await page.getByLabel('选择文件（可多选）').setInputFiles(batch);
    const total = schools * teachers;
    const shown = await page.evaluate(
      `(${untilPainted})(() => document.querySelector('.county-view')?.getAttribute('data-teachers') === '${total}' && document.querySelector('.county-table tbody tr'))`,
    );
    const loadMs = shown - (await page.evaluate(() => window.__changedAt));
    const loadCpuMs = ((await cpuTime()) - cpuBefore) * 1000;
    const before = await cdp.send('Runtime.getHeapUsage');
    await cdp.send('HeapProfiler.collectGarbage');
    const after = await cdp.send('Runtime.getHeapUsage');

    // Typing part of a name: 第1 keeps 第1, 第10 … 第19 and 第100 of a hundred schools.
    const filterMs = await page.evaluate(`(async () => {
      const input = document.getElementById('county-filter-query');
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
      const start = performance.now();
      setValue.call(input, '第1');
      input.dispatchEvent(new Event('input', { bubbles: true }));
      const end = await (${untilPainted})(() => /筛选自/.test(document.querySelector('[data-schools-count]')?.textContent ?? ''));
      setValue.call(input, '');
      input.dispatchEvent(new Event('input', { bubbles: true }));
      return end - start;
    })()`);
    const sortMs = await page.evaluate(`(async () => {
      const button = [...document.querySelectorAll('.sort-button')].find((b) => b.textContent.startsWith('移交人数'));
      const start = performance.now();
      button.click();
      const end = await (${untilPainted})(() => button.closest('th').getAttribute('aria-sort') === 'descending');
      return end - start;
    })()`);
    const openMs = await page.evaluate(`(async () => {
      const button = document.querySelector('.county-table tbody th button');
      const start = performance.now();
      button.click();
      const end = await (${untilPainted})(() => document.querySelectorAll('#school-teachers tbody tr').length > 0);
      return end - start;
    })()`);
    const reloadCpuBefore = await cpuTime();
    const reloadStart = Date.now();
    await page.reload();
    await page
      .locator(`.county-view[data-ready="true"][data-teachers="${total}"] .county-table tbody tr`)
      .first()
      .waitFor({ timeout: 120_000 });
    const reloadMs = Date.now() - reloadStart;
    // The same renderer serves the reload of a page of the same site.
    const reloadCpuMs = ((await cpuTime()) - reloadCpuBefore) * 1000;
    console.log(
      `  ${`${schools} × ${teachers}`.padStart(18)}  ${String(entries).padStart(7)}  ${mb(bytes).padStart(6)}  ${`${ms(loadMs)} (${ms(loadCpuMs)})`.padStart(37)}  ${`${mb(before.usedSize)} (${mb(after.usedSize)})`.padStart(18)}  ${ms(filterMs).padStart(6)}  ${ms(sortMs).padStart(4)}  ${ms(openMs).padStart(13)}  ${`${ms(reloadMs)} (${ms(reloadCpuMs)})`.padStart(17)}`,
    );
    await context.close();
  }
  console.log('  (target for 100 × 100, 10,000 teachers: ≤ 5 s and ≤ 500 MB; tables show 50 rows a page)');
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
