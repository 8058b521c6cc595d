/**
 * What a PDF packet fetches, started together the moment a teacher asks for one: the packet's layout
 * code, jsPDF, the font manifest and, once the manifest names it, the first font slice in both weights
 * (the site's own text, which every packet prints). One after the other, each waited for the last:
 * on localhost that chain was a fifth of a cold packet's time, on a school's Wi-Fi several round trips.
 * The other slices a packet needs are known only once its text is laid out (pdf-packet.ts).
 */
import { binaryString } from '../../lib/pdf/binary-string';
import type { FontManifest } from '../../lib/pdf/font-slices';
import { PdfFileError } from '../../lib/pdf/pdf-offline';

export interface PdfFonts {
  /** The font slices' manifest (scripts/build/build-pdf-font.mjs); slice files are beside it. */
  manifest: string;
}

export interface PdfLoads {
  jspdf: Promise<typeof import('jspdf')>;
  manifest: Promise<FontManifest>;
  /** A font file beside the manifest, as a binary string; asked twice in one packet, fetched once. */
  font(file: string): Promise<string>;
}

/**
 * User Timing marks (`pdf:<step>`) of the last packet: DevTools' performance panel and
 * scripts/bench/bench-pdf.mjs read where its time went from them.
 */
export const PDF_STEPS = [
  'click',
  'code',
  'manifest',
  'probed',
  'fonts',
  'fonts-added',
  'drawn',
  'saved',
] as const;

export function markPdf(step: (typeof PDF_STEPS)[number]): void {
  if (step === 'click') for (const s of PDF_STEPS) performance.clearMarks(`pdf:${s}`);
  performance.mark(`pdf:${step}`);
}

/**
 * Font files as binary strings (one character per byte), kept for the page's life: a second PDF skips
 * the fetch. jsPDF takes a TrueType file in that form as it is; given base64, it decodes it first.
 */
const fontCache = new Map<string, Promise<string>>();

function fetchFont(url: string): Promise<string> {
  let pending = fontCache.get(url);
  if (!pending) {
    pending = loadBinary(url);
    fontCache.set(url, pending);
    // A failed load is retried next time rather than remembered.
    pending.catch(() => fontCache.delete(url));
  }
  return pending;
}

async function loadBinary(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new PdfFileError(response.status, url);
  return binaryString(new Uint8Array(await response.arrayBuffer()));
}

async function loadManifest(url: string): Promise<FontManifest> {
  const response = await fetch(url);
  if (!response.ok) throw new PdfFileError(response.status, url);
  return (await response.json()) as FontManifest;
}

/** Not waited for yet: a failure is reported where it is awaited, once, not as an unhandled rejection. */
function quiet<T>(pending: Promise<T>): Promise<T> {
  pending.catch(() => {});
  return pending;
}

export function startPdfLoads(fonts: PdfFonts): PdfLoads {
  const folder = fonts.manifest.replace(/[^/]*$/, '');
  const asked = new Map<string, Promise<string>>();
  const font = (file: string): Promise<string> => {
    let pending = asked.get(file);
    if (!pending) {
      pending = quiet(fetchFont(folder + file));
      asked.set(file, pending);
    }
    return pending;
  };
  const manifest = quiet(loadManifest(fonts.manifest));
  // The first slice holds the site's text, which every packet prints in both weights: no need to wait
  // for the layout to ask for it.
  void manifest.then(
    (m) => {
      const first = m.slices[0];
      if (first?.kind !== 'common') return;
      void font(first.regular);
      void font(first.bold);
    },
    () => {},
  );
  return { jspdf: quiet(import('jspdf')), manifest, font };
}
