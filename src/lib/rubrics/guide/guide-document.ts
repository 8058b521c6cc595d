/**
 * A 考核指南 as the reader sees it, whatever it came in: lines of text and tables, in reading
 * order. Word (.docx via mammoth's HTML), pasted HTML, plain text and PDF text (with positions)
 * each become this one shape, and one parser (guide-parse.ts) reads the 规范's layout from it.
 */

/** A line of running text, or a table (Word's 优秀 / 合格 table; a PDF's two columns). */
export type GuideBlock =
  | { kind: 'line'; text: string; page?: number | undefined }
  | { kind: 'table'; rows: string[][]; page?: number | undefined };

export interface GuideDocument {
  /** Where it came from, to word messages: a Word file, a PDF, pasted text. */
  from: 'docx' | 'pdf' | 'html' | 'text';
  blocks: GuideBlock[];
  /** PDF only: how many pages, and how many of them carried text. */
  pages?: number | undefined;
  pagesWithText?: number | undefined;
}

/** One PDF page's text items with positions (pdf.js getTextContent, in PDF units, y upwards). */
export interface PdfPageText {
  width: number;
  height: number;
  items: PdfTextItem[];
}

export interface PdfTextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Limits on what a person can hand the reader: a real 考核指南 is well under these. */
export const GUIDE_BOUNDS = {
  /** A .docx or .pdf of the whole 规范 with images is a few MB; 30 MB leaves room for scans. */
  fileBytes: 30 * 1024 * 1024,
  /** Pasted or .txt text: the whole 规范 is about 150,000 characters. */
  textChars: 1_000_000,
  pdfPages: 400,
  blocks: 50_000,
  /** Text a table cell or a line keeps; longer is cut (no criterion is near it). */
  lineChars: 20_000,
} as const;
