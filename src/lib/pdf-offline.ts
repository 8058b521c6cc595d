/**
 * Whether this browser can make the PDF packet without a network: jsPDF and the PDF fonts are
 * not part of the offline copy until a PDF has been made once online (the service worker keeps
 * them then). The wizard says so while they are missing.
 */
export interface PdfFontUrls {
  regular: string;
  bold?: string | undefined;
  charset: string;
}

/** Every file an ordinary packet needs: this build's jsPDF chunks and the subset fonts. */
export function pdfNeededFiles(fonts: PdfFontUrls, codePaths: readonly string[], base: string): string[] {
  const root = base.endsWith('/') ? base : `${base}/`;
  const code = codePaths.map((path) => `${root}${path.replace(/^\/+/, '')}`);
  return [...code, fonts.regular, ...(fonts.bold ? [fonts.bold] : []), fonts.charset];
}

export type PdfOfflineState =
  /** No offline copy in this browser (no service worker): nothing to say. */
  | 'no-offline-copy'
  /** Everything is kept: the next PDF works without a network. */
  | 'ready'
  /** Online, but a PDF made now is what keeps the files for later. */
  | 'not-yet'
  /** Offline and the files were never kept: a PDF cannot be made until the network is back. */
  | 'unavailable-now';

export function pdfOfflineState(input: {
  controlled: boolean;
  online: boolean;
  missing: number;
}): PdfOfflineState {
  if (!input.controlled) return 'no-offline-copy';
  if (input.missing === 0) return 'ready';
  return input.online ? 'not-yet' : 'unavailable-now';
}

export const PDF_OFFLINE_MESSAGES: Record<PdfOfflineState, string | undefined> = {
  'no-offline-copy': undefined,
  ready: undefined,
  'not-yet': '生成 PDF 所需的字体还没有保存到本机：现在联网生成一次 PDF，以后断网也能生成。',
  'unavailable-now':
    '现在没有网络，而生成 PDF 所需的字体还没有保存到本机，暂时不能生成 PDF。自评内容照常自动保存，联网后再生成即可。',
};
