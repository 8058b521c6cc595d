/** Where the PDF packet's fonts are served (public/fonts/pdf/, made by npm run build:font), under the base path. */
import type { PdfFonts } from './self-check/pdf-packet';
import { url } from './url';

export function pdfFonts(): PdfFonts {
  return {
    regular: url('/fonts/pdf/noto-sans-sc-regular.ttf'),
    bold: url('/fonts/pdf/noto-sans-sc-bold.ttf'),
    full: url('/fonts/pdf/noto-sans-sc-full.ttf'),
    charset: url('/fonts/pdf/charset.json'),
  };
}
