#!/usr/bin/env node
/**
 * PDF benchmark: font payload one packet fetches, and, in headless Chromium against the built
 * site, the time from clicking 生成 PDF to the download for 1, 3 and 10 micro-abilities — cold
 * (fresh browser cache) and with jsPDF and the font cached — plus the PDF's size.
 */
import { readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { launchChromium, serveSite } from './bench-support.mjs';

const port = 4394;
const fontDir = 'dist/fonts/pdf';
const kb = (n) => `${(n / 1024).toFixed(0)} KB`;

console.log('pdf font payload (fetched when a PDF is made):');
let total = 0;
let totalGzip = 0;
for (const name of ['noto-sans-sc-regular.ttf', 'noto-sans-sc-bold.ttf', 'charset.json']) {
  const bytes = readFileSync(`${fontDir}/${name}`);
  const gz = gzipSync(bytes).length;
  total += bytes.length;
  totalGzip += gz;
  console.log(`  ${name.padEnd(28)} ${kb(bytes.length).padStart(9)}  gzip ${kb(gz).padStart(8)}`);
}
console.log(
  `  together                     ${kb(total).padStart(9)}  gzip ${kb(totalGzip).padStart(8)} (target ≤ 2.5 MB gzip)`,
);
const full = statSync(`${fontDir}/noto-sans-sc-full.ttf`).size;
console.log(
  `  fallback (only for rare characters) noto-sans-sc-full.ttf ${kb(full)}  gzip ${kb(gzipSync(readFileSync(`${fontDir}/noto-sans-sc-full.ttf`)).length)}`,
);

const CODES = ['C5', 'C4', 'C6', 'C7', 'A5', 'A1', 'A3', 'A11', 'B2', 'A2'];
function draft(n, name = '王晓红') {
  const abilities = CODES.slice(0, n);
  const criteria = { excellent: [0, 1, 2], pass: [0, 1, 2, 3, 4] };
  const evidence = Object.fromEntries(
    abilities.map((code) => [
      code,
      {
        chosen: code === 'C4' ? { 'student-case': 'process-videos' } : {},
        items: {
          'case-video': {
            present: true,
            title: '课堂案例',
            files: [
              {
                name: 'case.mp4',
                type: 'video/mp4',
                size: 52428800,
                durationSeconds: 540,
                sha256: 'ab'.repeat(32),
              },
            ],
            teacherOnCamera: true,
            ...criteria,
          },
          design: {
            present: true,
            title: '设计方案',
            description: '本方案围绕学生的阅读困难，先收集前测数据，再分组指导，最后对比后测。'.repeat(20),
            files: [],
            ...criteria,
          },
        },
        reflection: '通过本次实践，我体会到数据分析对个别化指导的重要作用。'.repeat(4),
      },
    ]),
  );
  return {
    app: '微能力手册',
    version: 1,
    savedAt: new Date().toISOString(),
    step: 3,
    currentAbility: abilities[0],
    profile: {
      name,
      school: '徐水区特殊教育学校',
      subject: '语文',
      stage: '特殊教育',
      region: 'xushui',
      environment: '智慧学习环境',
    },
    abilities,
    evidence,
    customRubrics: {},
  };
}

const server = await serveSite(port);
const browser = await launchChromium();
try {
  console.log('pdf generation (click → download, headless Chromium):');
  const runs = [
    [1, '王晓红'],
    [3, '王晓红'],
    [10, '王晓红'],
    // 堃 is outside the subset: the regular face becomes the full font, fetched on demand.
    [3, '王堃'],
  ];
  for (const [n, name] of runs) {
    const context = await browser.newContext({ acceptDownloads: true });
    await context.addInitScript(
      (d) => {
        if (!sessionStorage.getItem('seeded')) {
          localStorage.setItem('weinengli.self-check', d);
          sessionStorage.setItem('seeded', '1');
        }
      },
      JSON.stringify(draft(n, name)),
    );
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${port}/self-check/`);
    const times = [];
    let size = 0;
    let pages = 0;
    for (const run of ['cold', 'cached']) {
      const start = Date.now();
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: '生成 PDF 证据包' }).click();
      const file = await download;
      times.push(`${run} ${Date.now() - start} ms`);
      const bytes = readFileSync(await file.path());
      size = bytes.length;
      pages = (bytes.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      await page.getByRole('button', { name: '生成 PDF 证据包' }).waitFor({ state: 'visible' });
    }
    console.log(
      `  ${String(n).padStart(2)} micro-abilities${name === '王晓红' ? '' : ` (full-font fallback, ${name})`}: ${times.join(', ')}; PDF ${kb(size)}, ${pages} pages${n === 3 && name === '王晓红' ? ' (target: cached ≤ 1000 ms)' : ''}`,
    );
    await context.close();
  }
} finally {
  await browser.close();
  server.kill();
}
