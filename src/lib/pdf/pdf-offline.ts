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

/** A file the PDF needs (a font, the character list) that the server answered with an error status. */
export class PdfFileError extends Error {
  constructor(
    readonly status: number,
    readonly url: string,
  ) {
    super(`PDF file ${url}: HTTP ${status}`);
    this.name = 'PdfFileError';
  }
}

/**
 * How browsers word a fetch or a dynamic import that never reached the server (Chromium,
 * Firefox, Safari). Other errors of the same type (a bug) are not a network problem.
 */
const NETWORK_FAILURE =
  /Failed to fetch|dynamically imported module|Importing a module script failed|NetworkError|Load failed|network/i;

const KEPT = '已填写的内容都还在，没有受影响。';

/**
 * What a teacher reads when the PDF could not be made: why, in words, and what to do, never the
 * browser's English message with its address.
 */
export function pdfFailureMessage(error: unknown): string {
  if (error instanceof PdfFileError && (error.status === 404 || error.status === 410))
    return `网站上找不到生成 PDF 所需的文件，PDF 没有生成。请把这个情况告诉管理本网站的老师。${KEPT}`;
  if (error instanceof PdfFileError)
    return `网站服务器暂时没能给出生成 PDF 所需的文件，PDF 没有生成。请稍后再生成一次；一直不行，请告诉管理本网站的老师。${KEPT}`;
  if (error instanceof TypeError && NETWORK_FAILURE.test(error.message))
    return `连不上网站服务器，PDF 没有生成。请检查网络或学校内网是否连通，连通后再生成一次。${KEPT}`;
  return `生成时出了意外的问题，PDF 没有生成。请刷新页面后再生成一次。${KEPT}`;
}
