#!/usr/bin/env node
/**
 * 考核指南 import benchmark, in headless Chromium against the built site (dist/):
 *
 * - time from handing /rubrics/ a document (选择考核指南文件) to its preview listing the abilities
 *   read (median of 3, fresh browser context each): a 100-page PDF with a text layer and a
 *   30-ability Word file, both laid out as the 规范 prints it by tests/fixtures/guide/guide-layout.mjs;
 * - /rubrics/ first-load JS (gzip), which the readers must not add to, and the JS fetched only when a
 *   Word file (mammoth) or a PDF (pdf.js and its worker) is read.
 *
 * The 30 abilities carry the handbook's codes, names, environments and dimensions; everything else
 * is plainly synthetic filler ("示例证据第1项"), never text that could pass for a real criterion.
 *
 *   npm run build && node scripts/bench/bench-guide.mjs
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { guideDocxBytes, guidePdfBytes } from '../../tests/fixtures/guide/guide-layout.mjs';
import { kb, launchChromium, responseRecorder, serveSite, sum } from './bench-support.mjs';

if (!existsSync('dist/rubrics/index.html')) {
  console.error('dist/ has no built site: run `npm run build` first.');
  process.exit(1);
}
const port = 4398;
const origin = `http://127.0.0.1:${port}`;
const RUNS = 3;
const PDF_PAGES = 100;
const META = { title: '某某省校本应用考核指南（基准测试用合成文本）', number: '某教〔2021〕5号' };

const dir = 'src/content/abilities';
const handbook = readdirSync(dir)
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => parse(/^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(join(dir, f), 'utf8'))[1]));

const filler = (n) => '示例文字'.repeat(n);

/** One ability with the handbook's classification and synthetic text; `practice` sets its length. */
function syntheticAbility({ code, name, environment, dimension }, practice) {
  const item = (k, graded) => ({
    id: `item-${k}`,
    label: String(k),
    name: `示例证据第${k}项`,
    requirement: `示例证据第${k}项的提交要求,${filler(6)}。`,
    graded,
    ...(graded
      ? {
          criteria: {
            excellent: Array.from({ length: 5 }, (_, n) => `示例优秀标准第${n + 1}条,${filler(4 + n)};`),
            pass: Array.from({ length: 4 }, (_, n) => `示例合格标准第${n + 1}条,${filler(3 + n)};`),
          },
        }
      : {}),
  });
  return {
    code,
    name,
    environment,
    dimension,
    capability: {
      statement: `示例能力描述,${filler(5)},从而`,
      goals: Array.from({ length: 4 }, (_, n) => `示例目标第${n + 1}条,${filler(3)}`),
    },
    evidence: [item(1, true), item(2, true), item(3, false)],
    practice: Array.from({ length: practice }, (_, n) => `示例实践建议第${n + 1}段,${filler(40)}。`),
  };
}

const pdfPages = (bytes) =>
  (
    Buffer.from(bytes)
      .toString('latin1')
      .match(/\/Type \/Page\b(?!s)/g) ?? []
  ).length;

/** The 30 abilities, with as many 实践建议 paragraphs as it takes to fill PDF_PAGES pages. */
function documents() {
  const pdfWith = (practice) =>
    guidePdfBytes(
      handbook.map((a) => syntheticAbility(a, practice)),
      META,
    );
  // Pages grow linearly with the paragraphs: aim from two samples, then step up to the mark.
  const one = pdfPages(pdfWith(1));
  const perParagraph = Math.max(1, pdfPages(pdfWith(2)) - one);
  let practice = 1 + Math.max(0, Math.ceil((PDF_PAGES - one) / perParagraph) - 1);
  let pdf = pdfWith(practice);
  while (pdfPages(pdf) < PDF_PAGES) pdf = pdfWith((practice += 1));
  return { pdf, abilities: handbook.map((a) => syntheticAbility(a, 1)) };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const work = mkdtempSync(join(tmpdir(), 'bench-guide-'));
const { pdf, abilities } = documents();
const files = [
  ['Word', join(work, '考核指南_30.docx'), await guideDocxBytes(abilities, META)],
  [`PDF (${pdfPages(pdf)} pages)`, join(work, '考核指南_100页.pdf'), pdf],
];
for (const [, path, bytes] of files) writeFileSync(path, bytes);

const server = await serveSite(port);
const browser = await launchChromium();
try {
  console.log(
    `考核指南 import on /rubrics/ (wall clock incl. Playwright, median of ${RUNS}, fresh context each):`,
  );
  let firstLoad;
  const readerChunks = new Set();
  for (const [label, path, bytes] of files) {
    const times = [];
    let found;
    let later;
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext();
      // The context, not the page: pdf.js's worker fetches its own script.
      const rec = responseRecorder(context, origin);
      const page = await context.newPage();
      await page.goto(`${origin}/rubrics/`, { waitUntil: 'networkidle' });
      const loaded = await rec.take();
      firstLoad ??= loaded;
      const input = page.getByLabel('选择考核指南文件');
      const start = Date.now();
      await input.setInputFiles(path);
      const preview = page.locator('[data-guide-preview][data-guide-abilities]');
      await preview.waitFor({ timeout: 120_000 });
      times.push(Date.now() - start);
      found = await preview.getAttribute('data-guide-abilities');
      if (run === 0) later = (await rec.take()).filter((r) => r.kind === 'js');
      for (const r of later) readerChunks.add(r.path);
      await context.close();
    }
    console.log(
      `  ${label}, ${kb(bytes.length)}: picked → preview ${median(times)} ms (runs ${times.join(', ')} ms); abilities read ${found} of ${abilities.length}`,
    );
    console.log(
      `    JS fetched for it: ${later.map((r) => `${r.path.replace(/^.*\//, '')} ${kb(r.gzip)}`).join(', ') || '(none)'} — ${kb(sum(later, 'gzip'))} gzip`,
    );
  }
  const js = firstLoad.filter((r) => r.kind === 'js');
  const slipped = js.filter((r) => readerChunks.has(r.path)).map((r) => r.path);
  console.log(
    `  /rubrics/ first-load JS: ${js.length} files, ${kb(sum(js, 'gzip'))} gzip${slipped.length ? ` — WARNING: fetched again when a document is read: ${slipped.join(', ')}` : ' (none of the JS a document fetches is among them)'}`,
  );
} finally {
  await browser.close();
  server.kill();
  rmSync(work, { recursive: true, force: true });
}
