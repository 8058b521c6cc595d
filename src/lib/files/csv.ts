/**
 * The site's one CSV writer: the /school/ archive and the /compare/ table both go through it.
 *
 * Excel, WPS and LibreOffice run a cell that starts with = + - @ (or their full-width forms,
 * which a Chinese input method types) as a formula, and a tab or carriage return there can
 * start one too. A name in a teacher's file is anyone's text, and a principal may open the file
 * with tab or semicolon separators, where a cell starts after any tab or semicolon inside a
 * field, or line breaks split it. So, after OWASP's CSV-injection guidance, such a character at
 * the start of a field or after a tab, semicolon or line break in it gets an apostrophe before
 * it, which the spreadsheet shows as text, and every field is quoted.
 *
 * Written here rather than with papaparse's unparse: its escapeFormulae only looks at a field's
 * first character, so the neutralising would be ours anyway, and with every field quoted the rest
 * is doubling the quotes. papaparse cannot be tree-shaken, and policies.ts (which writes the
 * comparison's CSV) is in the self-check's and the review page's bundles, where it would add
 * 7 KB gzip to pages that never write a CSV. The tests read our CSV back with their own strict
 * reader and LibreOffice's output with papaparse.
 */

/** Characters that make a spreadsheet cell a formula when they start it. */
const FORMULA_START = /[=+\-@\t\r＝＋－＠]/;
/** Characters after which a spreadsheet may start a new cell, with some separator setting. */
const CELL_BREAK = /[\t;\r\n]/;

/** The field with an apostrophe before each character that could start a formula in a cell. */
export function neutraliseFormula(value: string): string {
  let out = '';
  let cellStart = true;
  for (const c of value) {
    if (cellStart && FORMULA_START.test(c)) out += "'";
    out += c;
    cellStart = CELL_BREAK.test(c);
  }
  return out;
}

/**
 * Rows as CSV for Excel and WPS: UTF-8 with a byte-order mark (or Excel misreads Chinese), CRLF
 * line ends, every field quoted and neutralised.
 */
export function csvText(rows: readonly (readonly string[])[]): string {
  const field = (value: string) => `"${neutraliseFormula(value).replace(/"/g, '""')}"`;
  return `\uFEFF${rows.map((row) => row.map(field).join(',')).join('\r\n')}\r\n`;
}
