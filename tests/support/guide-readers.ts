/**
 * The 考核指南 reader's heavy parts as Node gives them (mammoth, pdf.js's legacy build), so unit
 * tests hand the reader real Word and PDF files the way the page does.
 */
import mammoth from 'mammoth';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PdfPageText } from '../../src/lib/rubrics/guide/guide-document';
import type { GuideReaders } from '../../src/lib/rubrics/guide/guide-file';

export const nodeGuideReaders: GuideReaders = {
  async docxToHtml(bytes) {
    return (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;
  },
  async pdfPages(bytes, maxPages) {
    // pdf.js takes the buffer over: a copy keeps the caller's bytes.
    const task = getDocument({ data: bytes.slice(), useSystemFonts: false, verbosity: 0 });
    const pdf = await task.promise;
    try {
      const pages: PdfPageText[] = [];
      for (let n = 1; n <= Math.min(maxPages, pdf.numPages); n++) {
        const page = await pdf.getPage(n);
        const { width, height } = page.getViewport({ scale: 1 });
        const { items } = await page.getTextContent();
        pages.push({
          width,
          height,
          items: items.flatMap((item) =>
            'str' in item
              ? [
                  {
                    str: item.str,
                    x: item.transform[4],
                    y: item.transform[5],
                    width: item.width,
                    height: item.height,
                  },
                ]
              : [],
          ),
        });
      }
      return { pages, total: pdf.numPages };
    } finally {
      await task.destroy();
    }
  },
};
