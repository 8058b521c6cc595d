/**
 * jsPDF (4.2) writes the glyphs a PDF font uses by concatenating one array per glyph onto the table
 * so far (`table = table.concat(glyph)`): the time grows with the square of the glyphs drawn, and a
 * packet's font with a thousand glyphs spends most of its output there. `linearGlyfEncode` does the
 * same work in one pass, giving the same table and offsets; `speedUpGlyfEncode` puts it in place of
 * jsPDF's on the glyf table's prototype, once.
 */

/** A glyph as jsPDF's TrueType reader holds it: its bytes, with compound glyphs' ids renumbered. */
export interface EncodableGlyph {
  encode(old2new: Record<string, number>): ArrayLike<number>;
}

export interface GlyfTableEncoding {
  table: number[];
  offsets: number[];
}

/** jsPDF's GlyfTable.encode, linear: each glyph's bytes appended in order, the offset of each glyph id. */
export function linearGlyfEncode(
  glyphs: Record<string, EncodableGlyph | undefined>,
  mapping: readonly (number | string)[],
  old2new: Record<string, number>,
): GlyfTableEncoding {
  const table: number[] = [];
  const offsets: number[] = [];
  for (const id of mapping) {
    offsets.push(table.length);
    const bytes = glyphs[id]?.encode(old2new);
    if (bytes) for (let i = 0; i < bytes.length; i++) table.push(bytes[i] ?? 0);
  }
  offsets.push(table.length);
  return { table, offsets };
}

interface GlyfTablePrototype {
  encode: (...args: never[]) => unknown;
}

/**
 * Replaces the encode of the prototype of `glyfTable` (a parsed font's `glyf`, as jsPDF's TrueType reader
 * makes it) with the linear one. Leaves anything it does not recognise alone: jsPDF then works as before.
 */
export function speedUpGlyfEncode(glyfTable: unknown): boolean {
  if (typeof glyfTable !== 'object' || glyfTable === null) return false;
  const proto = Object.getPrototypeOf(glyfTable) as Partial<GlyfTablePrototype> | null;
  if (!proto || typeof proto.encode !== 'function') return false;
  if (proto.encode === (linearGlyfEncode as unknown)) return true;
  // jsPDF's encode takes (glyphs, mapping, old2new); anything else is not the one this replaces.
  if (proto.encode.length !== 3) return false;
  proto.encode = linearGlyfEncode as unknown as GlyfTablePrototype['encode'];
  return true;
}
