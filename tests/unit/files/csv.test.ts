import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvText, neutraliseFormula } from '../../../src/lib/files/csv';
import { parseCsv } from '../../support/csv';

/** Characters a spreadsheet starts a formula with, and those after which it may start a cell. */
const FORMULA_START = '=+-@\t\r＝＋－＠';
const CELL_BREAK = '\t;\r\n';

/** True when a spreadsheet could start a formula somewhere in the text, with any separator. */
function startsFormula(text: string): boolean {
  const chars = [...text];
  return chars.some(
    (c, i) => FORMULA_START.includes(c) && (i === 0 || CELL_BREAK.includes(chars[i - 1] ?? '')),
  );
}

/** True when `shown` is `typed` with apostrophes put in, and nothing else changed. */
function onlyApostrophesAdded(typed: string, shown: string): boolean {
  const t = [...typed];
  let i = 0;
  for (const c of shown) {
    if (c === t[i]) i++;
    else if (c !== "'") return false;
  }
  return i === t.length;
}

/** Text heavy in what matters here: formula starts, separators, quotes, line breaks, Chinese. */
const field = fc.oneof(
  fc.string(),
  fc.string({ unit: fc.constantFrom(...'=+-@＝＋－＠\t\r\n;,"\'1 学校李四') }),
);

describe('neutraliseFormula', () => {
  it.each([
    ['=1+2', "'=1+2"],
    ['学校\t=1+2', "学校\t'=1+2"],
    ['李四;=1+2', "李四;'=1+2"],
    ['备注\r\n+1', "备注\r\n'+1"],
    ['＝1+2', "'＝1+2"],
    ['\t=1', "'\t'=1"],
    ['1-2=3', '1-2=3'],
    ['王晓红', '王晓红'],
  ])('%j → %j', (typed, written) => {
    expect(neutraliseFormula(typed)).toBe(written);
  });
});

describe('csvText', () => {
  it('quotes every field, with a BOM and CRLF', () => {
    expect(
      csvText([
        ['教师', '1'],
        ['王,"晓"', ''],
      ]),
    ).toBe('\uFEFF"教师","1"\r\n"王,""晓""",""\r\n');
  });

  it('any field comes back from a CSV reader as typed, apart from the apostrophes, and starts no formula', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(field, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }),
        (rows) => {
          const width = rows[0]?.length ?? 0;
          const table = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
          const read = parseCsv(csvText(table));
          expect(read).toHaveLength(table.length);
          read.forEach((row, r) => {
            expect(row).toHaveLength(width);
            row.forEach((shown, c) => {
              const typed = table[r]?.[c] ?? '';
              expect(onlyApostrophesAdded(typed, shown)).toBe(true);
              expect(startsFormula(shown)).toBe(false);
            });
          });
        },
      ),
      { numRuns: 500 },
    );
  });
});
