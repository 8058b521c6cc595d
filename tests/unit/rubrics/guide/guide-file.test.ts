import { describe, expect, it, vi } from 'vitest';
import { decodeLocalText } from '../../../../src/lib/files/versioned-file';
import {
  guideFileKind,
  readGuideFile,
  readGuidePaste,
  type GuideReaders,
} from '../../../../src/lib/rubrics/guide/guide-file';
import { GUIDE_BOUNDS } from '../../../../src/lib/rubrics/guide/guide-document';

const bytes = (text: string) => new TextEncoder().encode(text);
const PDF = bytes('%PDF-1.7\n');
const ZIP = new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]);

function readers(over: Partial<GuideReaders> = {}): GuideReaders {
  return {
    docxToHtml: vi.fn(() => Promise.resolve('<p>C5 基于数据的个别化指导</p>')),
    pdfPages: vi.fn(() =>
      Promise.resolve({
        pages: [{ width: 595, height: 842, items: [{ str: '文字', x: 57, y: 700, width: 20, height: 10 }] }],
        total: 1,
      }),
    ),
    ...over,
  };
}

describe('guideFileKind', () => {
  it('trusts the bytes over the name', () => {
    expect(guideFileKind('指南.docx', PDF)).toBe('pdf');
    expect(guideFileKind('指南.pdf', ZIP)).toBe('docx');
    expect(guideFileKind('指南.doc', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1]))).toBe('doc');
    expect(guideFileKind('指南.txt', bytes('C5 基于数据'))).toBe('text');
    expect(guideFileKind('photo.jpg', new Uint8Array([0xff, 0xd8, 0xff, 0, 1]))).toBe('other');
  });
});

describe('decodeLocalText', () => {
  it('reads UTF-8, UTF-16 with its mark, and GB18030 as saved by an older 记事本', () => {
    expect(decodeLocalText(bytes('\ufeff提交指南'))).toBe('提交指南');
    const utf16 = new Uint8Array([
      0xff,
      0xfe,
      ...new Uint8Array(new Uint16Array([...'优秀'].map((c) => c.charCodeAt(0))).buffer),
    ]);
    expect(decodeLocalText(utf16)).toBe('优秀');
    // 优秀 in GBK.
    expect(decodeLocalText(new Uint8Array([0xd3, 0xc5, 0xd0, 0xe3]))).toBe('优秀');
  });
});

describe('readGuideFile', () => {
  it('hands a Word file to the Word reader and a PDF to the PDF reader', async () => {
    const r = readers();
    expect((await readGuideFile('a.docx', ZIP, r)).ok).toBe(true);
    expect(r.docxToHtml).toHaveBeenCalledTimes(1);
    const pdf = await readGuideFile('a.pdf', PDF, r);
    expect(pdf.ok && pdf.document.from).toBe('pdf');
    expect(r.pdfPages).toHaveBeenCalledWith(PDF, GUIDE_BOUNDS.pdfPages);
  });

  it('refuses a file over the limit without reading it', async () => {
    const r = readers();
    const big = new Uint8Array(GUIDE_BOUNDS.fileBytes + 1);
    big.set(PDF);
    const result = await readGuideFile('大.pdf', big, r);
    expect(result).toEqual({ ok: false, error: expect.stringContaining('30 MB') });
    expect(r.pdfPages).not.toHaveBeenCalled();
  });

  it('says a scanned PDF has no text layer and suggests the Word version', async () => {
    const r = readers({
      pdfPages: () => Promise.resolve({ pages: [{ width: 595, height: 842, items: [] }], total: 1 }),
    });
    const result = await readGuideFile('扫描.pdf', PDF, r);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toContain('没有文字层');
      expect(result.error).toContain('OCR');
      expect(result.error).toContain('Word');
    }
  });

  it.each([
    [
      'a damaged Word file',
      'a.docx',
      ZIP,
      { docxToHtml: () => Promise.reject(new Error('End of data')) },
      '已损坏',
    ],
    [
      'a damaged PDF',
      'a.pdf',
      PDF,
      { pdfPages: () => Promise.reject(new Error('Invalid PDF structure')) },
      '已损坏',
    ],
    [
      'a locked PDF',
      'a.pdf',
      PDF,
      {
        pdfPages: () =>
          Promise.reject(Object.assign(new Error('No password given'), { name: 'PasswordException' })),
      },
      '密码',
    ],
    ['an old .doc', 'a.doc', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]), {}, '另存为'],
    ['a picture', 'a.jpg', new Uint8Array([0xff, 0xd8, 0xff, 0, 1]), {}, '不是 Word'],
    ['an empty file', 'a.pdf', new Uint8Array(), {}, '空文件'],
    [
      'a Word file with only pictures',
      'a.docx',
      ZIP,
      { docxToHtml: () => Promise.resolve('<p><img src="x"></p>') },
      '没有文字',
    ],
  ])('refuses %s with a reason', async (_, name, data, over, words) => {
    const result = await readGuideFile(name, data, readers(over));
    expect(result).toEqual({ ok: false, error: expect.stringContaining(words) });
  });
});

describe('readGuidePaste', () => {
  it('prefers the clipboard’s HTML (tables survive) and falls back to its text', () => {
    const withHtml = readGuidePaste('<table><tr><td>优秀</td><td>合格</td></tr></table>', '优秀 合格');
    expect(withHtml.ok && withHtml.document.blocks[0]?.kind).toBe('table');
    const plain = readGuidePaste(undefined, '优秀 合格');
    expect(plain.ok && plain.document.from).toBe('text');
    const htmlWithoutBlocks = readGuidePaste('<span>x</span>', '第一行\n第二行');
    expect(htmlWithoutBlocks.ok && htmlWithoutBlocks.document.blocks).toHaveLength(2);
  });

  it('refuses empty and over-long text', () => {
    expect(readGuidePaste(undefined, '   ')).toEqual({
      ok: false,
      error: expect.stringContaining('没有读到文字'),
    });
    expect(readGuidePaste(undefined, 'x'.repeat(GUIDE_BOUNDS.textChars + 1))).toEqual({
      ok: false,
      error: expect.stringContaining('上限'),
    });
  });
});
