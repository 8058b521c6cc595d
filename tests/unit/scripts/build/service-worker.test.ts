import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  chunkImports,
  GUIDE_READER_CACHE,
  guideReaderChunks,
  pdfOnlyChunks,
  serviceWorkerConfig,
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
