import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PDF_OFFLINE_MESSAGES, pdfNeededFiles, pdfOfflineState } from '../../src/lib/pdf-offline';

const fonts = {
  regular: '/handbook/fonts/pdf/noto-sans-sc-regular.ttf',
  bold: '/handbook/fonts/pdf/noto-sans-sc-bold.ttf',
  charset: '/handbook/fonts/pdf/charset.json',
};

describe('PDF without a network', () => {
  it("needs this build's jsPDF chunks under the base path and the subset fonts", () => {
    expect(pdfNeededFiles(fonts, ['_astro/jspdf.es.min.X.js'], '/handbook/')).toEqual([
      '/handbook/_astro/jspdf.es.min.X.js',
      fonts.regular,
      fonts.bold,
      fonts.charset,
    ]);
    expect(pdfNeededFiles({ regular: '/r.ttf', charset: '/c.json' }, ['/_astro/j.js'], '/')).toEqual([
      '/_astro/j.js',
      '/r.ttf',
      '/c.json',
    ]);
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
