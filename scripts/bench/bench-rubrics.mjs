#!/usr/bin/env node
/**
 * Rubric file and share link benchmark, in headless Chromium against the built site (dist/):
 *
 * - share-link length (characters of the whole /self-check/#rubrics=… address) for packs of
 *   1, 5 and 26 abilities, made by the site's own code (src/lib/rubrics/rubric-link.ts, bundled here
 *   with esbuild) in the browser. Two kinds of pack: the handbook's full rubrics (C4–C7) cycled,
 *   which repeat text and compress well, and the same shapes with distinct text (hanzi drawn from
 *   the handbook's criteria), closer to 26 different rubrics of a real 考核指南;
 * - the time from picking a 26-ability rubric file in the wizard (使用学校录入的评价标准) to its
 *   preview, and from 使用这些评价标准 to the wizard saying it is in use (median of 5).
 *
 *   npm run build && node scripts/bench/bench-rubrics.mjs
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
/* global rubricLink -- the bundle's global in the page */
import { build } from 'esbuild';
import { parse } from 'yaml';
import { launchChromium, serveSite } from './bench-support.mjs';

if (!existsSync('dist/self-check/index.html')) {
  console.error('dist/ has no built site: run `npm run build` first.');
  process.exit(1);
}
const port = 4396;

function frontmatter(path) {
  return parse(/^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(path, 'utf8'))[1]);
}
const dir = 'src/content/abilities';
const entries = readdirSync(dir)
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => frontmatter(join(dir, f)));
const full = entries.filter((e) => e.completeness === '完整');
const codes = entries.map((e) => e.code).filter((c) => !full.some((f) => f.code === c));
const criteriaText = full
  .flatMap((e) => e.evidence.flatMap((i) => [...(i.criteria?.excellent ?? []), ...(i.criteria?.pass ?? [])]))
  .join('');
const hanzi = [...new Set(criteriaText)].filter((c) => /\p{Script=Han}/u.test(c));
let seed = 7;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const distinct = (text) =>
  [...text].map((c) => (/\p{Script=Han}/u.test(c) ? hanzi[Math.floor(random() * hanzi.length)] : c)).join('');

function ability(code, template, vary) {
  const t = (s) => (vary ? distinct(s) : s);
  return {
    code,
    name: entries.find((e) => e.code === code).name,
    alternativeGroups: template.alternativeGroups ?? [],
    evidence: template.evidence.map(({ source: _s, confidence: _c, ...item }) => ({
      ...item,
      required: item.required ?? true,
      limits: item.limits ?? {},
      name: t(item.name),
      ...(item.requirement ? { requirement: t(item.requirement) } : {}),
      ...(item.criteria
        ? { criteria: { excellent: item.criteria.excellent.map(t), pass: item.criteria.pass.map(t) } }
        : {}),
    })),
  };
}
function pack(n, vary) {
  return {
    app: '微能力手册',
    kind: '评价标准',
    version: 1,
    savedAt: '2025-03-01T08:00:00.000Z',
    source: {
      title: '某某省中小学教师信息技术应用能力提升工程2.0校本应用考核指南',
      number: '某教师〔2021〕5号',
      issuer: '某某省教育厅',
      year: '2021',
      enteredBy: '某某小学信息化管理团队',
      enteredAt: '2025-03-01',
    },
    abilities: codes.slice(0, n).map((code, i) => ability(code, full[i % full.length], vary)),
  };
}

const work = mkdtempSync(join(tmpdir(), 'bench-rubrics-'));
const bundle = await build({
  stdin: {
    contents: `export { encodeShareFragment, nativeCodec } from './src/lib/rubrics/rubric-link.ts';\nexport { importPackText } from './src/lib/rubrics/rubric-file.ts';`,
    resolveDir: process.cwd(),
    loader: 'ts',
  },
  bundle: true,
  format: 'iife',
  globalName: 'rubricLink',
  write: false,
  target: 'chrome87',
});

const server = await serveSite(port);
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  // A blank page: the site's CSP (rightly) refuses an injected script.
  await page.setContent('<!doctype html><title>bench</title>');
  await page.addScriptTag({ content: bundle.outputFiles[0].text });
  console.log(
    'rubric share link (whole /self-check/#rubrics=… address, Chromium CompressionStream deflate-raw):',
  );
  console.log('  abilities   handbook rubrics cycled   distinct text   file (JSON, bytes)');
  for (const n of [1, 5, 26]) {
    const row = [];
    for (const vary of [false, true]) {
      const p = pack(n, vary);
      const check = await page.evaluate((p) => rubricLink.importPackText(JSON.stringify(p)), p);
      if (!check.ok) throw new Error(`bench pack of ${n} is not a valid rubric file: ${check.error}`);
      const fragment = await page.evaluate((p) => rubricLink.encodeShareFragment(p), p);
      row.push(`http://127.0.0.1:${port}/self-check/#${fragment}`.length);
    }
    const bytes = Buffer.byteLength(`${JSON.stringify(pack(n, true), null, 2)}\n`);
    console.log(
      `  ${String(n).padStart(9)}   ${String(row[0]).padStart(23)}   ${String(row[1]).padStart(13)}   ${String(bytes).padStart(18)}`,
    );
  }

  const file = join(work, '评价标准_26.json');
  writeFileSync(file, `${JSON.stringify(pack(26, true), null, 2)}\n`);
  const previews = [];
  const applies = [];
  for (let run = 0; run < 5; run++) {
    const context = await browser.newContext();
    const wizard = await context.newPage();
    await wizard.goto(`http://127.0.0.1:${port}/self-check/`);
    await wizard.getByRole('button', { name: '使用学校录入的评价标准' }).click();
    const input = wizard.getByLabel('打开评价标准文件');
    const start = Date.now();
    await input.setInputFiles(file);
    await wizard.getByRole('button', { name: '使用这些评价标准' }).waitFor();
    previews.push(Date.now() - start);
    const use = Date.now();
    await wizard.getByRole('button', { name: '使用这些评价标准' }).click();
    await wizard.getByText('已使用学校录入的评价标准').waitFor();
    applies.push(Date.now() - use);
    await context.close();
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(
    `26-ability rubric file in the wizard (median of 5, wall clock incl. Playwright): picked → preview ${median(previews)} ms, 使用 → in use ${median(applies)} ms`,
  );
} finally {
  await browser.close();
  server.kill();
  rmSync(work, { recursive: true, force: true });
}
