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
 * papaparse does the quoting; its own escapeFormulae only looks at a field's first character,
 * so the neutralising is ours.
 */
import Papa from 'papaparse';

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
  const body = Papa.unparse(
    rows.map((row) => row.map(neutraliseFormula)),
    { quotes: true, newline: '\r\n', escapeFormulae: false },
  );
  return `\uFEFF${body}\r\n`;
}
