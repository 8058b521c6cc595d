/**
 * From what a person hands /rubrics/ (or `rubric:import`) to a {@link GuideDocument}: a Word
 * file, a PDF, a .txt, or pasted text. The heavy readers (mammoth for Word, pdf.js for PDF) are
 * passed in, so that the page loads them only when a document is dropped and the command line
 * uses their Node builds; everything else is this one module.
 *
 * Never throws: every refusal is a sentence for the person, and a refusal changes nothing.
 */
import { documentFromHtml } from './guide-html';
import { documentFromPdfPages } from './guide-pdf-layout';
import { documentFromText } from './guide-text';
import { GUIDE_BOUNDS, type GuideDocument, type PdfPageText } from './guide-document';
import { decodeLocalText } from '../../files/versioned-file';

export interface GuideReaders {
  /** Word → HTML that keeps the tables (mammoth.convertToHtml). */
  docxToHtml(bytes: Uint8Array): Promise<string>;
  /** The text items of every page, with positions (pdf.js). Rejects on a damaged file. */
  pdfPages(bytes: Uint8Array, maxPages: number): Promise<{ pages: PdfPageText[]; total: number }>;
}

export type GuideFileResult = { ok: true; document: GuideDocument } | { ok: false; error: string };

const MB = 1024 * 1024;

const refuse = (error: string): GuideFileResult => ({ ok: false, error });

type Kind = 'docx' | 'pdf' | 'text' | 'doc' | 'other';

/** What the bytes are, from their signature first and the name second (a renamed file lies). */
export function guideFileKind(name: string, bytes: Uint8Array): Kind {
  const head = String.fromCharCode(...bytes.subarray(0, 8));
  // Readers accept "%PDF-" anywhere in the first kilobyte (some scanners write a header first).
  if (String.fromCharCode(...bytes.subarray(0, 1024)).includes('%PDF-')) return 'pdf';
  if (head.startsWith('PK\u0003\u0004')) return 'docx';
  // The OLE2 container of an old .doc (and .wps, .xls): mammoth cannot read it.
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'doc';
  if (/\.(txt|text|md)$/i.test(name) || looksLikeText(bytes)) return 'text';
  return 'other';
}

/** No NUL in the head: a text file (UTF-8, UTF-16 with its mark, or GB18030). */
function looksLikeText(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  const head = bytes.subarray(0, 4096);
  return head.length > 0 && !head.includes(0);
}

/** Reads a dropped or picked file. `name` is only used to word messages and to spot a .txt. */
export async function readGuideFile(
  name: string,
  bytes: Uint8Array,
  readers: GuideReaders,
): Promise<GuideFileResult> {
  if (bytes.length === 0) return refuse(`“${name}”是空文件。`);
  if (bytes.length > GUIDE_BOUNDS.fileBytes)
    return refuse(
      `“${name}”有 ${(bytes.length / MB).toFixed(1)} MB，超过了 ${GUIDE_BOUNDS.fileBytes / MB} MB 的上限。考核指南的 Word 或 PDF 文件通常只有几 MB；如果是扫描件，请改用文字版。`,
    );
  const kind = guideFileKind(name, bytes);
  switch (kind) {
    case 'docx':
      return readDocx(name, bytes, readers);
    case 'pdf':
      return readPdf(name, bytes, readers);
    case 'text': {
      const text = decodeLocalText(bytes);
      if (text.length > GUIDE_BOUNDS.textChars) return refuse(tooLongText(text.length));
      return { ok: true, document: documentFromText(text) };
    }
    case 'doc':
      return refuse(
        `“${name}”是旧版 Word（.doc）或 WPS 格式，本页读不了。请在 Word 或 WPS 中打开它，“另存为”Word 文档（.docx）后再导入；也可以全选复制文字，粘贴到下面的文本框。`,
      );
    default:
      return refuse(
        `“${name}”不是 Word（.docx）、PDF 或文本（.txt）文件，本页读不了。请选择考核指南的 Word 或 PDF 文件，或者复制其中的文字粘贴到下面的文本框。`,
      );
  }
}

function tooLongText(chars: number): string {
  return `文字有 ${chars.toLocaleString('zh-CN')} 个字符，超过了 ${GUIDE_BOUNDS.textChars.toLocaleString('zh-CN')} 个字符的上限。请只复制考核指南中微能力点的部分。`;
}

async function readDocx(name: string, bytes: Uint8Array, readers: GuideReaders): Promise<GuideFileResult> {
  let html: string;
  try {
    html = await readers.docxToHtml(bytes);
  } catch {
    return refuse(
      `“${name}”读不出来：文件可能已损坏，或者不是 Word 文档。请在 Word 或 WPS 中打开它确认，重新“另存为”.docx 后再试。`,
    );
  }
  const document = { ...documentFromHtml(html), from: 'docx' as const };
  if (!document.blocks.some((b) => b.kind === 'table' || b.text.trim() !== ''))
    return refuse(`“${name}”里没有文字。如果文档里只有图片（例如扫描件），本页无法识别图片中的文字。`);
  return { ok: true, document };
}

async function readPdf(name: string, bytes: Uint8Array, readers: GuideReaders): Promise<GuideFileResult> {
  let read: { pages: PdfPageText[]; total: number };
  try {
    read = await readers.pdfPages(bytes, GUIDE_BOUNDS.pdfPages);
  } catch (error) {
    const locked = error instanceof Error && /password/i.test(error.name + error.message);
    return refuse(
      locked
        ? `“${name}”设了打开密码，本页读不了。请用没有密码的版本，或者复制其中的文字粘贴到下面的文本框。`
        : `“${name}”读不出来：文件可能已损坏或下载不完整。请重新下载，或者用 Word 版本。`,
    );
  }
  const document = documentFromPdfPages(read.pages);
  document.pages = read.total;
  if ((document.pagesWithText ?? 0) === 0)
    return refuse(
      `“${name}”的 ${read.total} 页都没有文字层，像是扫描或拍照得到的 PDF。本页不做图片文字识别（OCR），读不出其中的内容。请找考核指南的 Word 版本或带文字的 PDF，或者把文字复制粘贴到下面的文本框。`,
    );
  return { ok: true, document };
}

/**
 * Pasted text: the clipboard's HTML where the copy came with one (Word, WPS and web pages keep
 * their tables there), otherwise its plain text.
 */
export function readGuidePaste(html: string | undefined, text: string): GuideFileResult {
  const size = Math.max(html?.length ?? 0, text.length);
  if (html && html.length > GUIDE_BOUNDS.textChars * 4) return readGuidePaste(undefined, text);
  if (text.length > GUIDE_BOUNDS.textChars && !html) return refuse(tooLongText(size));
  if (html && /<(table|p|div|li|br)\b/i.test(html)) {
    const document = documentFromHtml(html);
    if (document.blocks.length > 0) return { ok: true, document };
  }
  if (text.trim() === '') return refuse('没有读到文字。请从考核指南中复制微能力点的部分，再粘贴到这里。');
  return { ok: true, document: documentFromText(text) };
}
