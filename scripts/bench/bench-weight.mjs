#!/usr/bin/env node
/**
 * Page-weight benchmark: loads one page of each type from the built site in headless Chromium
 * (fresh cache each), records every response until the network is idle, and prints the bytes
 * of HTML, CSS and JS, raw and gzip (gzipped here with zlib, as a server would send them).
 * Then what loads later: the Pagefind files a search in the header box fetches, and the jsPDF
 * chunk and font files a PDF fetches (from dist/, and as seen when 生成 PDF 证据包 is clicked).
 * Run `npm run build` first.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzip, kb, launchChromium, responseRecorder, serveSite, sum } from './bench-support.mjs';

const port = 4396;
const origin = `http://127.0.0.1:${port}`;
const PAGES = [
  ['home', '/'],
  ['ability', '/abilities/C5/'],
  ['policy', '/policies/hebei/'],
  ['compare', '/compare/'],
  ['search', '/search/'],
  ['self-check', '/self-check/'],
];
/** The first query pays for Pagefind itself; the later ones show what a new term adds. */
const QUERIES = ['学时', '个别化指导', '伴随性采集'];

if (!existsSync('dist/index.html')) {
  console.error('dist/ has no built site: run `npm run build` first.');
  process.exit(1);
}

const server = await serveSite(port);
const browser = await launchChromium();
try {
  // --- first load of each page type -------------------------------------------------------
  console.log('first load (fresh cache, until network idle; gzip = zlib level 9 of each response body):');
  const head = ['page', 'requests', 'HTML gz', 'CSS gz', 'JS gz', 'other gz', 'total gz', 'total raw'];
  const widths = [26, 9, 10, 10, 10, 10, 10, 11];
  const line = (cells) =>
    `  ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('')}`;
  console.log(line(head));
  const firstLoads = new Map();
  for (const [name, path] of PAGES) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const rec = responseRecorder(page, origin);
    await page.goto(`${origin}${path}`, { waitUntil: 'networkidle' });
    const rows = await rec.take();
    firstLoads.set(name, rows);
    const of = (kind) => kb(sum(rows, 'gzip', (r) => r.kind === kind));
    const other = sum(rows, 'gzip', (r) => !['html', 'css', 'js'].includes(r.kind));
    console.log(
      line([
        `${name} ${path}`,
        String(rows.length),
        of('html'),
        of('css'),
        of('js'),
        kb(other),
        kb(sum(rows, 'gzip')),
        kb(sum(rows, 'raw')),
      ]),
    );
    await context.close();
  }
  console.log('  (inline <style> and <script> count as HTML)');
  console.log('  JS fetched at first load, by page:');
  for (const [name, rows] of firstLoads) {
    const js = rows.filter((r) => r.kind === 'js');
    console.log(
      `    ${name.padEnd(11)} ${js.map((r) => `${r.path.replace('/_astro/', '')} ${kb(r.gzip)}`).join(', ') || '(none)'}`,
    );
  }

  // --- search: what the header box fetches when a query is typed ----------------------------
  console.log(`later — search in the header box on / (Pagefind loads on first use):`);
  {
    const context = await browser.newContext();
    const page = await context.newPage();
    const rec = responseRecorder(page, origin);
    await page.goto(`${origin}/`, { waitUntil: 'networkidle' });
    await rec.take();
    let all = [];
    for (const [i, query] of QUERIES.entries()) {
      // The first query goes into the plain header box, which loads Pagefind's searchbox.
      await page.fill(i === 0 ? '#site-search-input' : '.pf-searchbox-input', query);
      await page.waitForFunction(
        (q) => {
          const results = document.querySelector('.pf-searchbox-results');
          const input = document.querySelector('.pf-searchbox-input');
          return (
            input?.value === q &&
            results?.getAttribute('aria-busy') !== 'true' &&
            results.querySelector('[role="option"]') !== null
          );
        },
        query,
        { timeout: 20_000 },
      );
      await page.waitForTimeout(300);
      const rows = (await rec.take()).filter(
        (r) => r.path.includes('/pagefind') || r.kind === 'js' || r.kind === 'css',
      );
      all = all.concat(rows);
      const by = (kind) => rows.filter((r) => r.kind === kind);
      const cell = (kind) => {
        const of = by(kind);
        return `${kind} ${of.length} × → ${kb(sum(of, 'gzip'))}`;
      };
      console.log(
        `  ${i === 0 ? 'first' : 'next'} query 「${query}」: ${rows.length} requests, ${kb(sum(rows, 'raw'))} raw, ${kb(sum(rows, 'gzip'))} gzip`,
      );
      const kinds = ['js', 'css', 'wasm', 'json', 'meta', 'index', 'filter', 'fragment', 'other'];
      if (rows.length > 0)
        console.log(
          `    ${kinds
            .filter((k) => by(k).length > 0)
            .map(cell)
            .join('; ')}`,
        );
    }
    console.log(
      `  together: ${all.length} requests, ${kb(sum(all, 'gzip'))} gzip (Pagefind's index, meta, filter and fragment files are already gzip-compressed on disk)`,
    );
    await context.close();
  }

  // --- PDF: jsPDF chunk and fonts ----------------------------------------------------------
  console.log('later — PDF on /self-check/ (fetched only when 生成 PDF 证据包 is clicked):');
  const astroDir = 'dist/_astro';
  const jspdfChunks = readdirSync(astroDir)
    .filter((f) => f.endsWith('.js'))
    .map((f) => ({ name: f, bytes: readFileSync(join(astroDir, f)) }))
    .filter((f) => f.bytes.includes('jsPDF'))
    .sort((a, b) => b.bytes.length - a.bytes.length);
  const selfCheckFirst = firstLoads.get('self-check').map((r) => r.path);
  const jspdf = jspdfChunks[0];
  if (jspdf) {
    const atFirst = selfCheckFirst.includes(`/_astro/${jspdf.name}`);
    console.log(
      `  jsPDF chunk ${jspdf.name}: ${kb(jspdf.bytes.length)} raw, ${kb(gzip(jspdf.bytes))} gzip${atFirst ? ' — WARNING: loaded at first load' : ' (not in the first load)'}`,
    );
    for (const other of jspdfChunks.slice(1)) {
      console.log(
        `    also mentions jsPDF: ${other.name} ${kb(other.bytes.length)} raw, ${kb(gzip(other.bytes))} gzip`,
      );
    }
  } else {
    console.log('  jsPDF chunk: no JS file under dist/_astro/ mentions jsPDF');
  }
  // The font comes in slices; what one PDF fetches is measured by bench:pdf.
  const fontDir = 'dist/fonts/pdf';
  const mb = (n) => `${(n / 1e6).toFixed(2)} MB`;
  if (existsSync(join(fontDir, 'manifest.json'))) {
    const manifest = JSON.parse(readFileSync(join(fontDir, 'manifest.json'), 'utf8'));
    const sizeOf = (name) => gzip(readFileSync(join(fontDir, name)));
    for (const kind of ['common', 'rare']) {
      const slices = manifest.slices.filter((s) => s.kind === kind);
      const total = slices.reduce((n, s) => n + sizeOf(s.regular) + sizeOf(s.bold), 0);
      console.log(`  ${kind} font slices: ${slices.length} × 2 weights, ${mb(total)} gzip`);
    }
    const manifestGzip = sizeOf('manifest.json');
    console.log(
      `  manifest.json ${kb(manifestGzip)} gzip; with the jsPDF chunk: ${kb(manifestGzip + (jspdf ? gzip(jspdf.bytes) : 0))} gzip`,
    );
  } else console.log('  font manifest: missing');

  // What a click actually fetches, with a one-ability draft in localStorage.
  {
    const draft = {
      app: '微能力手册',
      version: 1,
      savedAt: new Date().toISOString(),
      step: 3,
      currentAbility: 'C5',
      profile: {
        name: '王晓红',
        school: '徐水区特殊教育学校',
        subject: '语文',
        stage: '特殊教育',
        region: 'xushui',
        environment: '智慧学习环境',
      },
      abilities: ['C5'],
      evidence: {
        C5: {
          chosen: {},
          items: { 'case-video': { present: true, title: '课堂案例', files: [], excellent: [0], pass: [0] } },
          reflection: '通过本次实践，我体会到数据分析对个别化指导的重要作用。',
        },
      },
      customRubrics: {},
    };
    const context = await browser.newContext({ acceptDownloads: true });
    await context.addInitScript(
      (d) => localStorage.setItem('weinengli.self-check', d),
      JSON.stringify(draft),
    );
    const page = await context.newPage();
    const rec = responseRecorder(page, origin);
    await page.goto(`${origin}/self-check/`, { waitUntil: 'networkidle' });
    await rec.take();
    try {
      const download = page.waitForEvent('download', { timeout: 30_000 });
      await page.getByRole('button', { name: '生成 PDF 证据包' }).click({ timeout: 10_000 });
      await download;
      const rows = await rec.take();
      console.log(
        `  seen on click (1 micro-ability): ${rows.length} requests, ${kb(sum(rows, 'raw'))} raw, ${kb(sum(rows, 'gzip'))} gzip`,
      );
      for (const r of rows) {
        console.log(`    ${r.path.padEnd(44)} ${kb(r.raw).padStart(11)} raw ${kb(r.gzip).padStart(11)} gzip`);
      }
    } catch (error) {
      console.log(`  seen on click: could not generate a PDF here (${error.message.split('\n')[0]})`);
    }
    await context.close();
  }
} finally {
  await browser.close();
  server.kill();
}
