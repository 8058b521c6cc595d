/**
 * Assessment day: names such as `李四;=1+2` or `学校\t=1+2` ran as formulas when the principal
 * opened /school/'s CSV with tab or semicolon separators on. The principal loads those teachers'
 * self-checks, downloads the CSV and opens it in LibreOffice Calc with each separator a person
 * might pick: every cell shows text, none computes.
 */
import { readFileSync } from 'node:fs';
import { exportDraftText } from '../../src/lib/self-check/draft';
import { handbookAbilities, makeDraft } from '../support/archive-fixtures';
import { parseCsv } from '../support/csv';
import { openInCalc, SEPARATORS } from '../support/libreoffice';
import { expect, test } from './fixtures';

/** Each computes 3 (or 3 in a cell of its own) if a spreadsheet runs it. */
const TEACHERS = [
  { name: '李四;=1+2', school: '学校\t=1+2' },
  { name: '=1+2', school: '第一中学;+1+2' },
  { name: '王五\t@SUM(1+2)', school: '＝1+2' },
];

test('the /school/ CSV opened in LibreOffice Calc: no name or school computes, whatever the separator', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const abilities = handbookAbilities();
  const files = TEACHERS.map((t, i) => ({
    name: `自评_${i + 1}.json`,
    mimeType: 'application/json',
    buffer: Buffer.from(
      exportDraftText(makeDraft({ ...t, region: 'guangzhou', levels: { C5: '合格' } }, abilities)),
    ),
  }));
  await page.goto('/school/');
  await expect(page.locator('.school-archive')).toHaveAttribute('data-ready', 'true');
  await page.getByLabel('选择文件（可多选）').setInputFiles(files);
  await expect(page.locator('[data-load-report]')).toContainText('本次读入 3 份自评');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 CSV（Excel / WPS）' }).click();
  const csv = readFileSync(await (await download).path(), 'utf8');

  for (const separator of Object.keys(SEPARATORS) as (keyof typeof SEPARATORS)[]) {
    const cells = parseCsv(openInCalc(csv, separator)).flat();
    const computed = cells.filter((c) => c === '3' || /^(Err:\d+|#[A-Z]+[?!]?)$/.test(c));
    expect(computed, `separator ${separator}`).toEqual([]);
    // The names are there to read, their formula part as typed.
    expect(cells.join('\n'), `separator ${separator}`).toContain('李四');
    expect(cells.join('\n'), `separator ${separator}`).toContain('1+2');
  }
});
