import { describe, expect, it } from 'vitest';
import type { PdfPageText, PdfTextItem } from '../../../../src/lib/rubrics/guide/guide-document';
import { documentFromPdfPages } from '../../../../src/lib/rubrics/guide/guide-pdf-layout';

const at = (str: string, x: number, y: number): PdfTextItem => ({
  str,
  x,
  y,
  width: str.length * 10,
  height: 10,
});
const page = (...items: PdfTextItem[]): PdfPageText => ({ width: 595, height: 842, items });

describe('documentFromPdfPages', () => {
  it('puts items back into lines top to bottom, and drops page numbers', () => {
    const doc = documentFromPdfPages([
      page(at('第二行', 57, 700), at('第一', 57, 720), at('行', 77, 720), at('第 1 页', 280, 40)),
    ]);
    expect(doc.blocks).toEqual([
      { kind: 'line', text: '第一行', page: 1 },
      { kind: 'line', text: '第二行', page: 1 },
    ]);
    expect(doc.pagesWithText).toBe(1);
  });

  it('reads the two columns under "优秀 合格" as a table, across a page break, until the next item', () => {
    const doc = documentFromPdfPages([
      page(
        at('2. 案例展示:以视频形式提交。', 57, 760),
        at('优秀', 120, 740),
        at('合格', 360, 740),
        at(' 清晰、完整地呈现了从发现', 57, 720),
        at(' 清晰、完整地呈现了', 306, 720),
        at('问题到实施指导的过程;', 57, 705),
        at('过程;', 306, 705),
        at('第 1 页', 280, 40),
      ),
      page(
        at(' 数据可靠。', 57, 780),
        at(' 数据合理。', 306, 780),
        at('3.学生体会:请两位学生回顾。', 57, 760),
      ),
    ]);
    expect(doc.blocks).toEqual([
      { kind: 'line', text: '2. 案例展示:以视频形式提交。', page: 1 },
      {
        kind: 'table',
        rows: [
          ['优秀', '合格'],
          [
            '清晰、完整地呈现了从发现\n问题到实施指导的过程;\n数据可靠。',
            '清晰、完整地呈现了\n过程;\n数据合理。',
          ],
        ],
        page: 1,
      },
      { kind: 'line', text: '3.学生体会:请两位学生回顾。', page: 2 },
    ]);
  });

  it('a page with no text items counts as a page without text', () => {
    const doc = documentFromPdfPages([page(), page(at('文字', 57, 700))]);
    expect(doc.pages).toBe(2);
    expect(doc.pagesWithText).toBe(1);
  });
});
