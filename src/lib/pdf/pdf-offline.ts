/**
 * Whether this browser can make the PDF packet without a network. The offline copy keeps jsPDF, the
 * font's manifest and its common slices (scripts/build/service-worker.mjs lists them in
 * offline-pdf.json); the wizard says so while any is missing. A rare character's slice comes only
 * when online: a packet that needs one offline names its characters.
 */

/** What offline-pdf.json lists, relative to the site's root: this build's jsPDF chunk and font files. */
export interface PdfOfflineList {
  code: string[];
  fonts?: string[] | undefined;
}

/** Every file an ordinary packet needs, under the base path. */
export function pdfNeededFiles(list: PdfOfflineList, base: string): string[] {
  const root = base.endsWith('/') ? base : `${base}/`;
  return [...list.code, ...(list.fonts ?? [])].map((path) => `${root}${path.replace(/^\/+/, '')}`);
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
 * The slices of rare characters a packet needs could not be fetched (no network, and not kept from an
 * earlier PDF): `chars` are the packet's characters they set.
 */
export class PdfRareCharactersError extends Error {
  constructor(readonly chars: readonly string[]) {
    super(`PDF font slices for ${chars.join('')} not reachable`);
    this.name = 'PdfRareCharactersError';
  }
}

/**
 * What a teacher reads when the PDF could not be made: why, in words, and what to do, never the
 * browser's English message with its address.
 */
export function pdfFailureMessage(error: unknown): string {
  if (error instanceof PdfRareCharactersError)
    return `连不上网站服务器，而这些不常用的字所需的字体还没有保存到本机：${error.chars.join(' ')}。PDF 没有生成。请联网后再生成一次，之后断网也能生成。${KEPT}`;
  if (error instanceof PdfFileError && (error.status === 404 || error.status === 410))
    return `网站上找不到生成 PDF 所需的文件，PDF 没有生成。请把这个情况告诉管理本网站的老师。${KEPT}`;
  if (error instanceof PdfFileError)
    return `网站服务器暂时没能给出生成 PDF 所需的文件，PDF 没有生成。请稍后再生成一次；一直不行，请告诉管理本网站的老师。${KEPT}`;
  if (error instanceof TypeError && NETWORK_FAILURE.test(error.message))
    return `连不上网站服务器，PDF 没有生成。请检查网络或学校内网是否连通，连通后再生成一次。${KEPT}`;
  return `生成时出了意外的问题，PDF 没有生成。请刷新页面后再生成一次。${KEPT}`;
}
