/**
 * The two heavy 考核指南 readers (src/lib/rubrics/guide/guide-file.ts, GuideReaders) in their
 * Node builds, for `npm run rubric:import`: mammoth for Word, pdf.js' legacy build for PDF.
 * The page passes their browser builds to the same reader.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import mammoth from 'mammoth';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const pdfjsDir = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/** @type {import('../../src/lib/rubrics/guide/guide-file.ts').GuideReaders} */
export const nodeGuideReaders = {
  async docxToHtml(bytes) {
    return (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;
  },

  async pdfPages(bytes, maxPages) {
    const task = getDocument({
      // pdf.js may detach the buffer it is given; the caller keeps its bytes.
      data: new Uint8Array(bytes),
      // Chinese PDFs set text in CID fonts whose codes only the Adobe CMaps turn into characters.
      cMapUrl: `${join(pdfjsDir, 'cmaps')}/`,
      cMapPacked: true,
      standardFontDataUrl: `${join(pdfjsDir, 'standard_fonts')}/`,
      useSystemFonts: false,
      isEvalSupported: false,
      verbosity: 0,
    });
    try {
      const pdf = await task.promise;
      const pages = [];
      for (let n = 1; n <= Math.min(pdf.numPages, maxPages); n++) {
        const page = await pdf.getPage(n);
        const { width, height } = page.getViewport({ scale: 1 });
        const content = await page.getTextContent();
        pages.push({
          width,
          height,
          items: content.items
            .filter((item) => 'str' in item)
            .map((item) => ({
              str: item.str,
              x: item.transform[4],
              y: item.transform[5],
              width: item.width,
              height: item.height,
            })),
        });
        page.cleanup();
      }
      return { pages, total: pdf.numPages };
    } finally {
      await task.destroy();
    }
  },
};
