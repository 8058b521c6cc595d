/**
 * A PDF whose Chinese text is set in a font that is not embedded (STSong-Light through Adobe's
 * predefined CMap UniGB-UCS2-H), as older Chinese office software and some government systems
 * write them. Its text can only be read with pdf.js's character maps: the test of serving them.
 */

/** One line of text per entry, 50 lines a page, each string drawn as UCS-2 codes. */
export function cidFontPdf(lines: readonly string[]): Uint8Array {
  const pages: string[][] = [];
  for (let i = 0; i < lines.length; i += 50) pages.push(lines.slice(i, i + 50));
  const objects: string[] = [];
  const add = (body: string) => objects.push(body);
  const pageIds = pages.map((_, i) => 6 + i * 2);
  add('<< /Type /Catalog /Pages 2 0 R >>');
  add(`<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`);
  add(
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [4 0 R] >>',
  );
  add(
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 5 0 R /DW 1000 >>',
  );
  add(
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  );
  for (const [i, page] of pages.entries()) {
    const hex = (s: string) =>
      [...s].map((c) => (c.codePointAt(0) ?? 0x3f).toString(16).padStart(4, '0')).join('');
    const text = page.map((line, n) => `BT /F1 11 Tf 50 ${800 - n * 15} Td <${hex(line)}> Tj ET`).join('\n');
    add(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${7 + i * 2} 0 R >>`,
    );
    add(`<< /Length ${text.length} >>\nstream\n${text}\nendstream`);
  }
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  // Everything above is ASCII: one byte per character.
  return Uint8Array.from(out, (c) => c.charCodeAt(0));
}

/** Seed 004's C5 (page 53) as lines a GB font can set: its bullets as characters GB2312 has. */
export function seedC5Lines(seed: string): string[] {
  const lines = seed.split('\n');
  const start = lines.findIndex((l) => l.startsWith('C5 基于数据的个别化指导'));
  const end = lines.findIndex((l, i) => i > start && l.startsWith('第54页'));
  return lines
    .slice(start, end)
    .filter((l) => l.trim() !== '')
    .map((l) => l.replace(/\uf06f/g, '·').replace(/\u26ab/g, '●'));
}
