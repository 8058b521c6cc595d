/** Where the PDF packet's font slices are served (public/fonts/pdf/, made by npm run build:font), under the base path. */
import type { PdfFonts } from './self-check/pdf-packet';
import { url } from './url';

export function pdfFonts(): PdfFonts {
  return { manifest: url('/fonts/pdf/manifest.json') };
}
