/**
 * The site's CSV downloads opened in LibreOffice Calc, with each separator a person might pick
 * in its import dialog: no cell computes a formula, whatever a teacher's name or a policy cell
 * holds.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { emptyArchive } from '../../../src/lib/school/archive-file';
import { mergeArchive } from '../../../src/lib/school/archive-merge';
import { archiveRows } from '../../../src/lib/school/archive-rows';
import { archiveCsv } from '../../../src/lib/school/archive-table';
import { comparisonCsv } from '../../../src/lib/content/policies';
import { makeDraft, makeReview, TEST_ABILITIES } from '../../support/archive-fixtures';
import { openInCalc, SEPARATORS } from '../../support/libreoffice';

/** Each computes 3 if a spreadsheet runs it, wherever a separator splits it. */
const HOSTILE = [
  '=1+2',
  '+1+2',
  '-1+4',
  '@1+2',
  '＝1+2',
  '学校\t=1+2',
  '李四;=1+2',
  '备注\n=1+2',
  '备注\r\n+1+2',
  '\t=1+2',
  '甲;乙\t-1+4;丙',
];

function archiveWith(hostile: readonly string[]): string {
  const drafts = hostile.map((name, i) =>
    makeDraft({ name, school: hostile[(i + 1) % hostile.length] ?? '', levels: { C5: '合格' } }),
  );
  const reviews = drafts.map((d, i) =>
    makeReview(d, {
      stage: '组内互评',
      reviewer: hostile[(i + 2) % hostile.length] ?? '',
      levels: { C5: '合格' },
    }),
  );
  const merged = mergeArchive({ ...emptyArchive(), selfChecks: drafts, reviews }, ['组内互评']);
  return archiveCsv(archiveRows(merged, TEST_ABILITIES), merged.stages);
}

function comparisonWith(hostile: readonly string[]): string {
  const rows = hostile.map((text, i) => ({ id: `r${i}`, label: text, cells: { p: { text } } }));
  return comparisonCsv(rows, [{ slug: 'p', name: hostile[0] ?? '' }]);
}

const shown = (csv: string) => Papa.parse<string[]>(csv, { skipEmptyLines: true }).data.flat();

describe.each(Object.keys(SEPARATORS) as (keyof typeof SEPARATORS)[])(
  'CSV opened in LibreOffice with the %s separator',
  (separator) => {
    it.each([
      ['the /school/ archive', archiveWith(HOSTILE)],
      ['the /compare/ table', comparisonWith(HOSTILE)],
    ])(
      '%s: no cell computes a formula',
      (_, csv) => {
        const cells = shown(openInCalc(csv, separator));
        expect(cells.length).toBeGreaterThan(HOSTILE.length);
        const computed = cells.filter((c) => c === '3' || /^(Err:\d+|#[A-Z]+[?!]?)$/.test(c));
        expect(computed).toEqual([]);
        // The text is there to read: every hostile field's formula part shows as typed.
        const text = cells.join('\n');
        for (const part of ['1+2', '1+4']) expect(text).toContain(part);
      },
      60_000,
    );
  },
);
