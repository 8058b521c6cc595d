/** Reads the text of a PDF the way a search or copy-paste would, with pdf.js in Node. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** pdf.js's own copies of the 14 standard PDF fonts, for text drawn in Helvetica and the like. */
const standardFontDataUrl = `${join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;

export async function pdfPagesText(path: string): Promise<string[]> {
  const pdf = await getDocument({
    data: new Uint8Array(readFileSync(path)),
    useSystemFonts: false,
    standardFontDataUrl,
  }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
  }
  await pdf.cleanup();
  return pages;
}

/**
 * The BaseFont of every font the PDF references. jsPDF writes no object streams, so each font
 * dictionary stands in the file as plain text.
 */
export function pdfFontNames(path: string): string[] {
  const raw = readFileSync(path).toString('latin1');
  return [...new Set([...raw.matchAll(/\/BaseFont\s*\/([^\s/<>[\]()]+)/g)].map((m) => m[1] ?? ''))];
}

/** Each page's text and size in points (A4 landscape is about 842 × 595), from PDF bytes. */
export async function pdfPagesWithSize(
  data: Uint8Array,
): Promise<{ text: string; width: number; height: number }[]> {
  const pdf = await getDocument({ data, useSystemFonts: false, standardFontDataUrl }).promise;
  const pages: { text: string; width: number; height: number }[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const page = await pdf.getPage(i);
    const { width, height } = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    pages.push({
      text: content.items.map((item) => ('str' in item ? item.str : '')).join(''),
      width,
      height,
    });
  }
  await pdf.cleanup();
  return pages;
}

/**
 * The PDF's text line by line (runs on one baseline of one page joined left to right, spaces
 * dropped, NFKC-folded), to tell a word printed on one line from one broken a character a line.
 */
export async function pdfLines(data: Uint8Array): Promise<string[]> {
  const pdf = await getDocument({ data, useSystemFonts: false, standardFontDataUrl }).promise;
  const lines = new Map<string, { x: number; text: string }[]>();
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    for (const item of content.items) {
      if (!('str' in item)) continue;
      const key = `${i}:${Math.round(item.transform[5] ?? 0)}`;
      lines.set(key, [...(lines.get(key) ?? []), { x: item.transform[4] ?? 0, text: item.str }]);
    }
  }
  await pdf.cleanup();
  return [...lines.values()].map((runs) =>
    runs
      .sort((a, b) => a.x - b.x)
      .map((r) => r.text)
      .join('')
      .normalize('NFKC')
      .replace(/\s+/g, ''),
  );
}
