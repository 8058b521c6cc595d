/**
 * The browser's readers of a 考核指南 file: mammoth for Word, pdf.js for PDF. Both are large
 * (about 150 KB and 400 KB gzip with pdf.js's worker), so each is fetched the first time a
 * person imports that kind of file, never with /rubrics/ itself; the service worker keeps them
 * after that first use, so a second import works offline.
 */
import type { GuideReaders } from '../../lib/rubrics/guide/guide-file';
import type { PdfPageText } from '../../lib/rubrics/guide/guide-document';
// pdf.js parses in a worker of its own. Bundled by Vite as a .js file under the site's base
// path: the CSP allows workers from 'self' only, and IIS and older nginx serve no .mjs type.
import pdfWorkerUrl from 'pdfjs-dist/legacy/build/pdf.worker.min.mjs?worker&url';

async function docxToHtml(bytes: Uint8Array): Promise<string> {
  const mammoth = await import('./guide-docx-reader');
  const { value } = await mammoth.convertToHtml({ arrayBuffer: arrayBufferOf(bytes) });
  return value;
}

/** mammoth reads a whole ArrayBuffer: a view onto part of one would hand it foreign bytes. */
function arrayBufferOf(bytes: Uint8Array): ArrayBuffer {
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return copy.buffer;
}

async function pdfPages(
  bytes: Uint8Array,
  maxPages: number,
): Promise<{ pages: PdfPageText[]; total: number }> {
  const pdfjs = await import('./guide-pdf-reader');
  pdfjs.GlobalWorkerOptions.workerSrc = pdfWorkerUrl;
  const task = pdfjs.getDocument({
    // pdf.js takes the buffer over (transfers it to its worker): hand it a copy.
    data: bytes.slice(),
    // Text is all the reader needs: no fonts or images are fetched or drawn. (pdf.js 6 no longer
    // compiles font programs with eval, so the CSP's ban on eval costs nothing.)
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
  });
  try {
    const pdf = await task.promise;
    const pages: PdfPageText[] = [];
    const last = Math.min(pdf.numPages, maxPages);
    for (let n = 1; n <= last; n++) {
      const page = await pdf.getPage(n);
      const { width, height } = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      pages.push({
        width,
        height,
        items: content.items.flatMap((item) =>
          'str' in item
            ? [
                {
                  str: item.str,
                  x: item.transform[4] as number,
                  y: item.transform[5] as number,
                  width: item.width,
                  height: item.height,
                },
              ]
            : [],
        ),
      });
      page.cleanup();
    }
    return { pages, total: pdf.numPages };
  } finally {
    await task.destroy();
  }
}

export const browserGuideReaders: GuideReaders = { docxToHtml, pdfPages };
