import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  PdfFileError,
  PdfRareCharactersError,
  PDF_OFFLINE_MESSAGES,
  pdfFailureMessage,
  pdfNeededFiles,
  pdfOfflineState,
} from '../../../src/lib/pdf/pdf-offline';

describe('PDF without a network', () => {
  it("needs this build's jsPDF chunk, the font manifest and the common slices, under the base path", () => {
    const list = {
      code: ['_astro/jspdf.es.min.X.js'],
      fonts: ['fonts/pdf/manifest.json', 'fonts/pdf/common/000-regular.ttf', 'fonts/pdf/common/000-bold.ttf'],
    };
    expect(pdfNeededFiles(list, '/handbook/')).toEqual([
      '/handbook/_astro/jspdf.es.min.X.js',
      '/handbook/fonts/pdf/manifest.json',
      '/handbook/fonts/pdf/common/000-regular.ttf',
      '/handbook/fonts/pdf/common/000-bold.ttf',
    ]);
    // An offline-pdf.json of an older build lists no fonts.
    expect(pdfNeededFiles({ code: ['/_astro/j.js'] }, '/')).toEqual(['/_astro/j.js']);
  });

  it('says nothing without an offline copy or once everything is kept', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.nat(), (online, missing) => {
        expect(PDF_OFFLINE_MESSAGES[pdfOfflineState({ controlled: false, online, missing })]).toBeUndefined();
      }),
    );
    expect(pdfOfflineState({ controlled: true, online: false, missing: 0 })).toBe('ready');
    expect(PDF_OFFLINE_MESSAGES.ready).toBeUndefined();
  });

  it('online with files missing: make one now; offline: not possible yet', () => {
    expect(pdfOfflineState({ controlled: true, online: true, missing: 2 })).toBe('not-yet');
    expect(PDF_OFFLINE_MESSAGES['not-yet']).toContain('联网生成一次 PDF');
    expect(pdfOfflineState({ controlled: true, online: false, missing: 1 })).toBe('unavailable-now');
    expect(PDF_OFFLINE_MESSAGES['unavailable-now']).toContain('暂时不能生成 PDF');
  });
});

describe('a PDF that could not be made', () => {
  const latinLetters = (text: string) => text.replace(/PDF|JSON/g, '').match(/[A-Za-z]/g) ?? [];

  it('a dropped connection (a chunk or a font not fetched) says 连不上网站服务器 and what to do', () => {
    for (const error of [
      new TypeError('Failed to fetch dynamically imported module: http://127.0.0.1/_astro/pdf-packet.X.js'),
      new TypeError('Failed to fetch'),
      new TypeError('error loading dynamically imported module'),
      new TypeError('Importing a module script failed.'),
      new TypeError('NetworkError when attempting to fetch resource.'),
    ]) {
      const message = pdfFailureMessage(error);
      expect(message).toContain('连不上网站服务器');
      expect(message).toContain('请检查网络');
      expect(message).toContain('已填写的内容都还在');
      expect(latinLetters(message)).toEqual([]);
    }
  });

  it('a file the server does not have, or cannot give now, says so, without its address', () => {
    const message = pdfFailureMessage(new PdfFileError(404, '/handbook/fonts/pdf/common/000-regular.ttf'));
    expect(message).toContain('网站上找不到生成 PDF 所需的文件');
    expect(latinLetters(message)).toEqual([]);
    const busy = pdfFailureMessage(new PdfFileError(503, '/fonts/pdf/manifest.json'));
    expect(busy).toContain('网站服务器暂时没能给出生成 PDF 所需的文件');
    expect(busy).toContain('请稍后再生成一次');
    expect(latinLetters(busy)).toEqual([]);
  });

  it('offline, rare characters whose font was never fetched are named, with what to do', () => {
    const message = pdfFailureMessage(new PdfRareCharactersError(['堃', '喆']));
    expect(message).toContain('连不上网站服务器');
    expect(message).toContain('堃 喆');
    expect(message).toContain('请联网后再生成一次');
    expect(message).toContain('PDF 没有生成');
    expect(message).toContain('已填写的内容都还在');
    expect(latinLetters(message)).toEqual([]);
  });

  it('a bug is not called a network problem', () => {
    expect(
      pdfFailureMessage(new TypeError("Cannot read properties of undefined (reading 'x')")),
    ).not.toContain('连不上');
  });

  it('whatever is thrown, the message is Chinese, names no address and keeps the reassurance', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.string().map((s) => new Error(s)),
          fc.string().map((s) => new TypeError(s)),
          // The characters it names are the teacher's own (rare hanzi): the message is still whole.
          fc
            .array(fc.integer({ min: 0x3400, max: 0x9fff }).map((cp) => String.fromCodePoint(cp)))
            .map((chars) => new PdfRareCharactersError(chars)),
        ),
        (error) => {
          const message = pdfFailureMessage(error);
          expect(latinLetters(message)).toEqual([]);
          expect(message).toContain('PDF 没有生成');
          expect(message).toContain('已填写的内容都还在');
        },
      ),
    );
  });
});
