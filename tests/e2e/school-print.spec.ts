/**
 * /school/ for a meeting and on a phone: the printed archive on landscape A4 with readable
 * columns and no sort arrows, read back from the PDF; the page at 360 px with no sideways
 * scrolling of the page itself.
 */
import type { Page } from '@playwright/test';
import { exportDraftText } from '../../src/lib/self-check/draft';
import { exportReviewText } from '../../src/lib/review/review-file';
import { handbookAbilities, makeDraft, makeReview, type Level } from '../support/archive-fixtures';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { squeezedText } from './layout';
import { pdfLines, pdfPagesWithSize } from './pdf-text';

const ABILITIES = handbookAbilities();
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '孙', '周', '吴'];
const SUBJECTS = ['语文', '数学', '英语', '科学', '道德与法治', '信息科技'];
const LEVELS: Level[] = ['优秀', '合格', '不合格'];

/** A school of `count` teachers with two micro-abilities each; two in three reviewed at 组内互评, one in three at 复评 too. */
function schoolFiles(count: number) {
  const files: { name: string; mimeType: string; buffer: Buffer }[] = [];
  for (let i = 0; i < count; i++) {
    const draft = makeDraft(
      {
        name: `${SURNAMES[i % SURNAMES.length]}老师${i + 1}`,
        school: '广州市越秀区东风西路小学',
        subject: SUBJECTS[i % SUBJECTS.length] ?? '语文',
        region: 'guangzhou',
        levels: { C5: LEVELS[i % 3] ?? '合格', A1: '合格' },
      },
      ABILITIES,
    );
    files.push({
      name: `t${i}.json`,
      mimeType: 'application/json',
      buffer: Buffer.from(exportDraftText(draft)),
    });
    const stages = i % 3 === 0 ? [] : i % 3 === 1 ? ['组内互评'] : ['组内互评', '复评'];
    for (const stage of stages)
      files.push({
        name: `r${i}-${stage}.json`,
        mimeType: 'application/json',
        buffer: Buffer.from(
          exportReviewText(
            makeReview(draft, { stage, reviewer: '陈老师', levels: { C5: '合格', A1: '合格' } }, ABILITIES),
          ),
        ),
      });
  }
  return files;
}

async function loadSchool(page: Page, teachers: number) {
  await page.goto('/school/');
  await expect(page.locator('.school-archive')).toHaveAttribute('data-ready', 'true');
  await page.getByLabel('选择文件（可多选）').setInputFiles(schoolFiles(teachers));
  await expect(page.locator('[data-table-count]')).toHaveText(`共 ${teachers * 2} 行`);
}

/** Shown table cells (header included) narrower than four characters of their own font, with their text. */
function narrowCells(page: Page): Promise<string[]> {
  return page
    .locator('.archive-table th:visible, .archive-table td:visible')
    .evaluateAll((cells) =>
      cells
        .filter((c) => c.getBoundingClientRect().width < 4 * parseFloat(getComputedStyle(c).fontSize))
        .map((c) => `${(c.textContent ?? '').slice(0, 12)} ${Math.round(c.getBoundingClientRect().width)}px`),
    );
}

test.describe('/school/ printed for a meeting', () => {
  test('landscape A4, the meeting’s columns, no sort arrows, readable cells; 60 rows on a few sheets', async ({
    page,
  }) => {
    await loadSchool(page, 30);
    await expect(page.locator('.archive-table tbody tr')).toHaveCount(50);
    // The browser's own print command (Ctrl+P) prints every row, not the page of 50 on screen.
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await expect(page.locator('.archive-table tbody tr')).toHaveCount(60);
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await expect(page.locator('.archive-table tbody tr')).toHaveCount(50);
    // So does the page's print button.
    await page.evaluate(() => {
      window.print = () => document.body.setAttribute('data-printed', 'true');
    });
    await page.getByRole('button', { name: '打印（学校会议用）' }).click();
    await expect(page.locator('body')).toHaveAttribute('data-printed', 'true');
    await expect(page.locator('.archive-table tbody tr')).toHaveCount(60);
    await page.emulateMedia({ media: 'print' });

    const pdf = new Uint8Array(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    // pdf.js takes the bytes it is given, so each reader gets its own copy.
    const pages = await pdfPagesWithSize(pdf.slice());
    for (const [i, p] of pages.entries()) {
      expect(p.width, `page ${i + 1} is landscape`).toBeCloseTo(842, -1);
      expect(p.height, `page ${i + 1} is landscape`).toBeCloseTo(595, -1);
    }
    // Chromium's PDF maps some glyphs to Kangxi radicals; NFKC folds them back.
    const text = pages.map((p) => p.text.normalize('NFKC')).join('');
    expect(text).not.toMatch(/[▲▼↕]/);
    // Each teacher's name and each column heading is printed on one line, not a character a line.
    const lineTexts = await pdfLines(pdf.slice());
    const whole = (word: string) => lineTexts.some((l) => l.includes(word));
    const names = Array.from({ length: 30 }, (_, i) => `${SURNAMES[i % SURNAMES.length]}老师${i + 1}`);
    expect(names.filter((n) => !whole(n))).toEqual([]);
    const headings = ['教师', '学科', '微能力点', '自评', '组内互评', '复评', '最终结果', '状态'];
    expect(headings.filter((h) => !whole(h))).toEqual([]);
    // One school's sheets name the school in the page's own text, not on every row.
    expect(text.split('东风西路小学').length - 1).toBeLessThan(3);
    // The summary on a sheet, then 60 rows of one line at about 25 a sheet.
    expect(pages.length).toBeLessThanOrEqual(4);

    // The columns a meeting needs, measured at the printed width (A4 landscape less 10 mm margins,
    // 277 mm): none narrower than four characters, no text one character a line.
    await page.setViewportSize({ width: 1047, height: 740 });
    const headers = (await page.locator('.archive-table thead th:visible').allInnerTexts()).map((t) =>
      t.trim(),
    );
    expect(headers).toEqual(headings);
    expect(await narrowCells(page)).toEqual([]);
    expect(await squeezedText(page)).toEqual([]);
  });
});

test.describe('/school/ on a 360 px phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('the page does not scroll sideways; the table scrolls in its own labelled region; cells stay readable', async ({
    page,
  }) => {
    await loadSchool(page, 6);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const region = page.getByRole('region', { name: '教师 × 微能力点表格（可左右滑动）' });
    await expect(region).toBeVisible();
    // Reachable by keyboard, so it can be scrolled without a mouse.
    await expect(region).toHaveAttribute('tabindex', '0');
    expect(await narrowCells(page)).toEqual([]);
    expect(await squeezedText(page)).toEqual([]);
    await expectNoAxeViolations(page);
  });
});
