import { createRequire } from 'node:module';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  chunkImports,
  GUIDE_READER_CACHE,
  guideReaderChunks,
  LARGE_FILE_CACHE,
  partWarnings,
  pdfFontFiles,
  pdfOnlyChunks,
  PRECACHE_FILE_LIMIT,
  rubricDataFiles,
  serviceWorkerConfig,
  tooLargeWarning,
} from '../../../../scripts/build/service-worker.mjs';

describe('what the offline copy leaves to first use', () => {
  it("reads a bundle's static and dynamic imports of sibling chunks", () => {
    const source = `import{a as e}from"./rolldown-runtime.X.js";const t=()=>import('./html2canvas.Y.js');import(\`./purify.es.Z.js\`);fetch("/x.js")`;
    expect(chunkImports(source).sort()).toEqual([
      'html2canvas.Y.js',
      'purify.es.Z.js',
      'rolldown-runtime.X.js',
    ]);
  });

  it("jsPDF and the chunks only jsPDF uses; shared chunks and the wizard's stay precached", () => {
    const graph = new Map<string, string[]>([
      ['SelfCheck.A.js', ['rolldown-runtime.B.js', 'pdf-packet.C.js']],
      ['pdf-packet.C.js', ['jspdf.es.min.D.js', 'rolldown-runtime.B.js']],
      ['jspdf.es.min.D.js', ['rolldown-runtime.B.js', 'html2canvas.E.js', 'purify.es.F.js', 'index.es.G.js']],
      ['index.es.G.js', ['jspdf.es.min.D.js', 'rolldown-runtime.B.js']],
      ['html2canvas.E.js', []],
      ['purify.es.F.js', []],
      ['rolldown-runtime.B.js', []],
    ]);
    expect([...pdfOnlyChunks(graph)].sort()).toEqual([
      'html2canvas.E.js',
      'index.es.G.js',
      'jspdf.es.min.D.js',
      'purify.es.F.js',
    ]);
  });

  it('the 考核指南 readers (mammoth, pdf.js and its worker) are left to first use; what /rubrics/ shares is not', () => {
    const graph = new Map<string, string[]>([
      ['RubricEditor.A.js', ['rolldown-runtime.B.js', 'preload-helper.C.js']],
      ['guide-import-read.D.js', ['guide-docx-reader.E.js', 'guide-pdf-reader.F.js', 'preload-helper.C.js']],
      ['guide-docx-reader.E.js', ['rolldown-runtime.B.js']],
      ['guide-pdf-reader.F.js', ['rolldown-runtime.B.js', 'pdf-polyfills.G.js']],
      ['pdf-polyfills.G.js', []],
      ['pdf.worker.min-H.js', []],
      ['jspdf.es.min.I.js', ['rolldown-runtime.B.js']],
      ['rolldown-runtime.B.js', []],
      ['preload-helper.C.js', []],
    ]);
    expect([...guideReaderChunks(graph)].sort()).toEqual([
      'guide-docx-reader.E.js',
      'guide-pdf-reader.F.js',
      'pdf-polyfills.G.js',
      'pdf.worker.min-H.js',
    ]);
    expect([...pdfOnlyChunks(graph)]).toEqual(['jspdf.es.min.I.js']);
  });

  it('a reader fetched once is kept in a cache of its own, under any base path', () => {
    const out = mkdtempSync(join(tmpdir(), 'sw-'));
    const readers = serviceWorkerConfig(out).runtimeCaching.find(
      (rule) => rule.options?.cacheName === GUIDE_READER_CACHE,
    );
    rmSync(out, { recursive: true, force: true });
    const pattern = readers?.urlPattern as RegExp;
    for (const url of [
      '/_astro/guide-docx-reader.BUYHPBRy.js',
      '/handbook/_astro/guide-pdf-reader.DnrDeERx.js',
      '/handbook/_astro/pdf.worker.min-BWZvIx2H.js',
    ])
      expect(pattern.test(url), url).toBe(true);
    for (const url of ['/_astro/jspdf.es.min.D0nDqIoa.js', '/_astro/RubricEditor.B7Qg7GtI.js'])
      expect(pattern.test(url), url).toBe(false);
  });

  it('without jsPDF in the build nothing is left out; a chunk no one imports is never left out', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^[a-z]{1,8}\.js$/), { maxLength: 8 }).chain((names) =>
          fc.tuple(
            fc.constant(names),
            fc.array(fc.array(fc.constantFrom(...(names.length > 0 ? names : ['x.js'])), { maxLength: 4 }), {
              minLength: names.length,
              maxLength: names.length,
            }),
          ),
        ),
        ([names, imports]) => {
          const graph = new Map(names.map((name, i) => [name, imports[i] ?? []]));
          const left = pdfOnlyChunks(graph);
          const hasJspdf = names.some((n) => n.startsWith('jspdf.'));
          if (!hasJspdf) expect(left.size).toBe(0);
          for (const name of names) {
            const imported = [...graph.values()].some((list) => list.includes(name));
            if (!imported && !name.startsWith('jspdf.')) expect(left.has(name)).toBe(false);
          }
        },
      ),
    );
  });
});

describe('what the offline copy keeps for a first PDF', () => {
  /** A built folder with jsPDF (and its optional html2canvas) and, optionally, the font slices. */
  function built(withFonts: boolean): string {
    const dir = mkdtempSync(join(tmpdir(), 'sw-pdf-'));
    mkdirSync(join(dir, '_astro'));
    writeFileSync(join(dir, '_astro', 'pdf-packet.C.js'), 'import("./jspdf.es.min.D.js")');
    writeFileSync(join(dir, '_astro', 'jspdf.es.min.D.js'), 'import("./html2canvas.E.js")');
    writeFileSync(join(dir, '_astro', 'html2canvas.E.js'), '');
    if (withFonts) {
      mkdirSync(join(dir, 'fonts', 'pdf'), { recursive: true });
      const slice = (kind: string, n: string) => ({
        kind,
        regular: `${kind}/${n}-regular.ttf`,
        bold: `${kind}/${n}-bold.ttf`,
      });
      writeFileSync(
        join(dir, 'fonts', 'pdf', 'manifest.json'),
        JSON.stringify({
          slices: [slice('common', '000-a'), slice('common', '001-b'), slice('rare', '000-c')],
        }),
      );
    }
    return dir;
  }

  it("precaches jsPDF's chunk, the font manifest and the common slices, not the rare ones nor jsPDF's optional parts", () => {
    const dir = built(true);
    try {
      expect(pdfFontFiles(dir)).toEqual([
        'fonts/pdf/manifest.json',
        'fonts/pdf/common/000-a-regular.ttf',
        'fonts/pdf/common/000-a-bold.ttf',
        'fonts/pdf/common/001-b-regular.ttf',
        'fonts/pdf/common/001-b-bold.ttf',
      ]);
      const config = serviceWorkerConfig(dir);
      expect(config.globIgnores).toEqual(['_astro/html2canvas.E.js']);
      expect(config.globPatterns).toEqual(expect.arrayContaining(pdfFontFiles(dir)));
      expect(config.globPatterns.some((p: string) => p.includes('rare'))).toBe(false);
      // The wizard's check (PdfOfflineNote) reads the same list.
      expect(JSON.parse(readFileSync(join(dir, 'offline-pdf.json'), 'utf8'))).toEqual({
        code: ['_astro/jspdf.es.min.D.js'],
        fonts: pdfFontFiles(dir),
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a build without the PDF font asks for no font file (no pattern that matches nothing)', () => {
    const dir = built(false);
    try {
      expect(pdfFontFiles(dir)).toEqual([]);
      expect(serviceWorkerConfig(dir).globPatterns.some((p: string) => p.includes('fonts'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a file too large for the precache, and the regional rubrics', () => {
  // Workbox's own check, so that the test breaks if its wording (which partWarnings reads) changes.
  const { maximumSizeTransform } = createRequire(import.meta.url)(
    'workbox-build/build/lib/maximum-size-transform.js',
  ) as {
    maximumSizeTransform: (limit: number) => (manifest: { url: string; size: number }[]) => {
      warnings: string[];
    };
  };

  it('a page over the limit is a warning naming it, not a failed build; other warnings still fail', () => {
    const { warnings } = maximumSizeTransform(PRECACHE_FILE_LIMIT)([
      { url: 'self-check/index.html', size: 3_770_000 },
      { url: 'data/rubrics/regions/hebei.json', size: PRECACHE_FILE_LIMIT + 1 },
      { url: 'index.html', size: 13_000 },
    ]);
    const other = 'The pattern "icons/*.png" did not match any files.';
    const parted = partWarnings([...warnings, other]);
    expect(parted.other).toEqual([other]);
    expect(parted.tooLarge.map((f) => f.url)).toEqual([
      'self-check/index.html',
      'data/rubrics/regions/hebei.json',
    ]);
    const said = tooLargeWarning({ url: 'self-check/index.html', size: parted.tooLarge[0]?.size });
    expect(said).toContain('self-check/index.html');
    expect(said).toContain('3.77 MB');
    expect(said).toContain('不预先保存');
  });

  it('precaches the rubric data files when the build has them, and asks for none otherwise', () => {
    const out = mkdtempSync(join(tmpdir(), 'sw-data-'));
    try {
      expect(rubricDataFiles(out)).toEqual([]);
      expect(serviceWorkerConfig(out).globPatterns.some((p: string) => p.startsWith('data/'))).toBe(false);
      mkdirSync(join(out, 'data', 'rubrics', 'regions'), { recursive: true });
      writeFileSync(join(out, 'data', 'rubrics', 'regions', 'hebei.json'), '{}');
      const config = serviceWorkerConfig(out);
      expect(config.globPatterns).toContain('data/rubrics/**/*.json');
      expect(config.maximumFileSizeToCacheInBytes).toBe(PRECACHE_FILE_LIMIT);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('keeps a page or rubric data file left out of the precache once opened, under any base path', () => {
    const out = mkdtempSync(join(tmpdir(), 'sw-'));
    const rule = serviceWorkerConfig(out).runtimeCaching.find(
      (r) => r.options?.cacheName === LARGE_FILE_CACHE,
    );
    rmSync(out, { recursive: true, force: true });
    const match = rule?.urlPattern as (o: { request: { mode: string }; url: URL }) => boolean;
    const at = (path: string, mode = 'cors') => match({ request: { mode }, url: new URL(path, 'https://x') });
    expect(at('/handbook/self-check/', 'navigate')).toBe(true);
    expect(at('/data/rubrics/regions/hebei.json')).toBe(true);
    expect(at('/handbook/data/rubrics/versions/baoding/A5.json')).toBe(true);
    expect(at('/fonts/pdf/manifest.json')).toBe(false);
    expect(at('/_astro/SelfCheck.A.js')).toBe(false);
  });
});
