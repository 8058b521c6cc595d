import { readFileSync } from 'node:fs';
import { parseCsv } from '../support/csv';
import { pdfPagesWithSize } from './pdf-text';
import { expect, expectNoAxeViolations, test } from './fixtures';

test.describe('policy pages', () => {
  test('the region tree nests 国家 → 省 → 市 → 区县 with key figures', async ({ page }) => {
    await page.goto('/policies/');
    const national = page.locator('li[data-policy="national"]');
    const xushui = national.locator(
      'li[data-policy="hebei"] li[data-policy="baoding"] li[data-policy="xushui"]',
    );
    await expect(xushui).toBeVisible();
    await expect(national.locator('li[data-policy="shanghai"]')).toContainText(
      '通识课程 10 + 专业课程 15 + 实践应用 25（学时）',
    );
    await xushui.getByRole('link', { name: '徐水区' }).click();
    await expect(page).toHaveURL('/policies/xushui/');
    await expect(page.getByRole('navigation', { name: '位置' })).toContainText(
      '地区政策 › 国家 › 河北省 › 保定市 › 徐水区',
    );
  });

  test('a document page lists every key fact, says 原文未规定 where silent, and has a table of contents', async ({
    page,
  }) => {
    await page.goto('/policies/yueqing/');
    const facts = page.getByRole('region', { name: '要点' });
    await expect(facts.locator('[data-fact="hours-total"] dd')).toHaveText('每人 ≥ 50 学分');
    await expect(facts.locator('[data-fact="funding"] dd')).toContainText('500 元/人');
    await expect(facts.locator('[data-fact="selection"] dd')).toHaveText('原文未规定');
    const toc = page.getByRole('navigation', { name: '全文目录' });
    const first = toc.getByRole('link').first();
    const target = await first.getAttribute('href');
    await first.click();
    await expect.poll(() => decodeURI(page.url())).toMatch(new RegExp(`${target}$`));
    await expect(page.locator(`[id="${decodeURIComponent((target ?? '#').slice(1))}"]`)).toBeInViewport();
    await expect(page.locator('main')).not.toContainText(/1[3-9]\d{9}/);
  });

  test('Hebei: facts on the notice the handbook has not got read 本手册未收录原文, silent ones 原文未规定', async ({
    page,
  }) => {
    await page.goto('/policies/hebei/');
    const facts = page.getByRole('region', { name: '要点' });
    await expect(facts.locator('[data-fact="issuer"] dd')).toHaveText('本手册未收录原文');
    await expect(facts.locator('[data-fact="date"] dd')).toHaveText('本手册未收录原文');
    await expect(facts.locator('[data-fact="number"] dd')).toHaveText('冀教师函〔2020〕8 号');
    await expect(facts.locator('[data-fact="quotas"] dd')).toHaveText('原文未规定');
    await expect(facts.locator('[data-fact="selection"] dd')).toHaveText('原文未规定');
  });

  test('the region tree does not say the national document is silent on what the handbook lacks', async ({
    page,
  }) => {
    await page.goto('/policies/');
    const figures = page.locator('li[data-policy="national"] > .node .figures');
    await expect(figures).toContainText('培训总量：本手册未收录原文');
    await expect(figures).not.toContainText('原文未规定');
  });

  test('Xushui shows one school’s whole-school progress as a dated timeline linked to abilities', async ({
    page,
  }) => {
    await page.goto('/policies/xushui/');
    const timeline = page.getByRole('region', { name: '一所学校的整校推进' });
    await expect(timeline.locator('time').first()).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}$/);
    await timeline.getByRole('link', { name: 'A5' }).first().click();
    await expect(page).toHaveURL('/abilities/A5/');
  });

  test('the national entry says the handbook lacks its full text and lists who cites it', async ({
    page,
  }) => {
    await page.goto('/policies/national/');
    await expect(page.getByRole('note')).toContainText('本手册没有这份文件的全文');
    await expect(page.getByRole('region', { name: '要点' })).toHaveCount(0);
    await page.getByRole('link', { name: '徐水区', exact: true }).click();
    await expect(page).toHaveURL('/policies/xushui/');
  });

  test('浙江省 sits above 乐清 in the tree, marked 待核实, and its page lists what the copy gives and what it lacks', async ({
    page,
  }) => {
    await page.goto('/policies/');
    const zhejiang = page.locator('li[data-policy="national"] > ul > li[data-policy="zhejiang"]');
    await expect(zhejiang.locator('> .node')).toContainText('待核实');
    await expect(zhejiang.locator('> .node .figures')).toContainText('培训总量：本手册未收录原文');
    await zhejiang.locator('li[data-policy="yueqing"]').getByRole('link', { name: '乐清市' }).click();
    await expect(page.getByRole('navigation', { name: '位置' })).toHaveText(
      '地区政策 › 国家 › 浙江省 › 乐清市',
    );
    await page.getByRole('navigation', { name: '位置' }).getByRole('link', { name: '浙江省' }).click();
    await expect(page).toHaveURL('/policies/zhejiang/');

    const caveat = page.locator('[data-policy-caveat]');
    await expect(caveat).toContainText('本手册只有这份文件的一部分');
    await expect(caveat).toContainText('以当地教育行政部门发布的文件为准');
    await expect(page.locator('.meta')).toContainText('待核实');
    const facts = page.getByRole('region', { name: '要点' });
    await expect(facts.locator('[data-fact="quotas"] li')).toHaveText([
      '2021年8月15日前 ≥ 25% 的教师',
      '2021年9月至2022年8月 累计 ≥ 40% 的教师',
    ]);
    await expect(facts.locator('[data-fact="cited"] dd')).toContainText('浙教办函〔2020〕178号');
    for (const fact of ['issuer', 'number', 'hours-total', 'assessment', 'funding', 'selection']) {
      await expect(facts.locator(`[data-fact="${fact}"] dd`), fact).toHaveText('本手册未收录原文');
    }
    await expect(facts).not.toContainText('原文未规定');
    await expect(page.getByRole('region', { name: '来源' })).toContainText(
      '浙江省2021年实施提升工程2.0的通知',
    );
    await page.getByRole('region', { name: '来源' }).getByRole('link').first().click();
    await expect(page.locator('[id="source-zj-2021-notice"]')).toContainText('http://pzkqsb.cn/news/50867');
  });

  for (const path of [
    '/policies/',
    '/policies/hebei/',
    '/policies/xushui/',
    '/policies/national/',
    '/policies/zhejiang/',
  ]) {
    test(`axe finds no violation on ${path}`, async ({ page }) => {
      await page.goto(path);
      await expectNoAxeViolations(page);
    });
  }
});

test.describe('comparison', () => {
  // The controls are in the server HTML; wait until the island has taken them over.
  const ready = (page: import('@playwright/test').Page) =>
    page.locator('.controls[data-interactive="true"]').waitFor();
  const rowOf = (page: import('@playwright/test').Page, id: string) => page.locator(`tr[data-row="${id}"]`);

  test('上海市 against 广州市: the hours split differs and is marked', async ({ page }) => {
    await page.goto('/compare/?r=shanghai,guangzhou');
    await ready(page);
    const table = page.getByRole('table');
    await expect(table.getByRole('columnheader')).toHaveText(['项目', /上海市/, /广州市/]);
    const split = rowOf(page, 'hours-split');
    await expect(split.getByRole('cell')).toHaveText([
      '通识课程 10 + 专业课程 15 + 实践应用 25（学时）',
      '网络研修 25 + 校本实践应用 25（学时）',
    ]);
    await expect(split).toHaveAttribute('data-differs', 'true');
    await expect(split.getByRole('rowheader')).toContainText('不同');
    await expect(rowOf(page, 'date').getByRole('rowheader')).not.toContainText('不同');

    await page.reload();
    await expect(table.getByRole('columnheader')).toHaveCount(3);
    await expect(page.getByRole('checkbox', { name: '上海市' })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: '河北省' })).not.toBeChecked();
  });

  test('只看不同 hides the rows where the documents agree, and the link keeps it', async ({ page }) => {
    await page.goto('/compare/?r=hebei,baoding');
    await ready(page);
    await expect(page.getByRole('table').getByRole('columnheader')).toHaveCount(3);
    const all = await page.locator('tbody tr').count();
    const same = await page.locator('tbody tr[data-differs="false"]').count();
    expect(same).toBeGreaterThan(0);
    await page.getByRole('checkbox', { name: '只看不同' }).check();
    await expect(page.locator('tbody tr')).toHaveCount(all - same);
    await expect(page.locator('tbody tr[data-differs="false"]')).toHaveCount(0);
    await expect(page).toHaveURL(/diff=1/);
    await page.reload();
    await expect(page.locator('tbody tr')).toHaveCount(all - same);
  });

  test('fully usable with the keyboard, the choice kept in the URL', async ({ page }) => {
    await page.goto('/compare/?r=shanghai,guangzhou');
    await ready(page);
    await page.getByRole('checkbox', { name: '国家' }).focus();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('checkbox', { name: '河北省' })).toBeFocused();
    await page.keyboard.press('Space');
    await expect(page).toHaveURL(/r=hebei,shanghai,guangzhou$/);
    await expect(page.getByRole('table').getByRole('columnheader')).toHaveCount(4);
    // Down to one document: the page says why there is no table.
    for (const name of ['河北省', '上海市']) {
      await page.getByRole('checkbox', { name }).focus();
      await page.keyboard.press('Space');
    }
    await expect(page.getByRole('status')).toHaveText('请至少选择 2 份文件进行比较。');
    await expect(page.getByRole('table')).toHaveCount(0);
    await expect(page.getByRole('button', { name: '下载 CSV' })).toBeDisabled();
    await page.getByRole('checkbox', { name: '乐清市' }).focus();
    await page.keyboard.press('Space');
    await page.getByRole('checkbox', { name: '只看不同' }).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: '下载 CSV' })).toBeFocused();
    const download = page.waitForEvent('download');
    await page.keyboard.press('Enter');
    expect((await download).suggestedFilename()).toMatch(/^提升工程2\.0政策比较_\d{8}\.csv$/);
  });

  test('the national column says 本手册未收录原文, never 原文未规定, on screen and in the CSV', async ({
    page,
  }) => {
    await page.goto('/compare/?r=national,hebei');
    await ready(page);
    const nationalCells = page.locator('tbody tr').locator('td:nth-of-type(1)');
    await expect(rowOf(page, 'issuer').locator('td')).toHaveText(['教育部', '本手册未收录原文']);
    await expect(rowOf(page, 'hours-total').locator('td').first()).toHaveText('本手册未收录原文');
    await expect(rowOf(page, 'quotas').locator('td')).toHaveText(['本手册未收录原文', '原文未规定']);
    expect(await nationalCells.allTextContents()).not.toContain('原文未规定');
    const downloadEvent = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载 CSV' }).click();
    const csv = parseCsv(readFileSync(await (await downloadEvent).path()).toString('utf8'));
    expect(csv.find((r) => r[0] === '发文机关')).toEqual(['发文机关', '教育部', '本手册未收录原文', '不同']);
    expect(csv.find((r) => r[0] === '年度进度')).toEqual([
      '年度进度',
      '本手册未收录原文',
      '原文未规定',
      '不同',
    ]);
    expect(csv.slice(1).map((r) => r[1])).not.toContain('原文未规定');
  });

  test('with nothing chosen in the URL, every document is compared, the last in the tree too', async ({
    page,
  }) => {
    await page.goto('/compare/');
    await ready(page);
    await expect(page.getByRole('table').getByRole('columnheader')).toHaveCount(10);
    await expect(page.getByRole('checkbox', { name: '广州市' })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: '浙江省' })).toBeChecked();
  });

  test('浙江省 beside 乐清市: its column is marked 待核实, its targets shown, what it lacks 本手册未收录原文', async ({
    page,
  }) => {
    await page.goto('/compare/?r=zhejiang,yueqing');
    await ready(page);
    const headers = page.getByRole('table').getByRole('columnheader');
    await expect(headers).toHaveText(['项目', /浙江省/, /乐清市/]);
    await expect(headers.nth(1)).toContainText('待核实');
    await expect(headers.nth(2)).not.toContainText('待核实');
    await expect(rowOf(page, 'quotas').locator('td').first().locator('li')).toHaveText([
      '2021年8月15日前 ≥ 25% 的教师',
      '2021年9月至2022年8月 累计 ≥ 40% 的教师',
    ]);
    // 乐清's own text is silent on quotas; 浙江's copy simply does not show its hours.
    await expect(rowOf(page, 'quotas').locator('td').nth(1)).toHaveText('原文未规定');
    await expect(rowOf(page, 'hours-total').locator('td')).toHaveText(['本手册未收录原文', '每人 ≥ 50 学分']);
    await expect(rowOf(page, 'issuer').locator('td')).toHaveText(['本手册未收录原文', '乐清市教育局']);
    await expectNoAxeViolations(page);
  });

  test('the CSV download parses back to the table on screen', async ({ page }) => {
    await page.goto('/compare/?r=shanghai,guangzhou,yueqing,zhejiang');
    await ready(page);
    const downloadEvent = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载 CSV' }).click();
    const path = await (await downloadEvent).path();
    const bytes = readFileSync(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = parseCsv(bytes.toString('utf8'));
    // Tree order: 乐清市 under 浙江省, the provinces before the city of 广州.
    expect(csv[0]).toEqual(['项目', '上海市', '浙江省', '乐清市', '广州市', '是否不同']);
    const screen = await page.locator('tbody tr').evaluateAll((rows) =>
      rows.map((tr) => {
        const label = tr.querySelector('th')?.firstChild?.textContent ?? '';
        const cells = [...tr.querySelectorAll('td')].map((td) => {
          const items = [...td.querySelectorAll('li')].map((li) => li.textContent ?? '');
          return items.length > 0 ? items.join('\n') : (td.textContent ?? '');
        });
        return [label, ...cells, tr.getAttribute('data-differs') === 'true' ? '不同' : '相同'];
      }),
    );
    expect(csv.slice(1)).toEqual(screen);
  });

  test('prints on A4 landscape from the first page, with no near-empty first or last page', async ({
    page,
  }) => {
    for (const r of [
      'shanghai,guangzhou',
      'national,hebei,baoding,xushui,shanghai,guangzhou,jiangsu,zhejiang,yueqing',
    ]) {
      await page.emulateMedia({ media: 'screen' });
      await page.goto(`/compare/?r=${r}`);
      await ready(page);
      await page.emulateMedia({ media: 'print' });
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      const pages = await pdfPagesWithSize(new Uint8Array(pdf));
      expect(pages.length, r).toBeGreaterThan(0);
      for (const [i, p] of pages.entries()) {
        expect(p.width, `${r} page ${i + 1} is landscape`).toBeCloseTo(842, -1);
        expect(p.height, `${r} page ${i + 1} is landscape`).toBeCloseTo(595, -1);
      }
      // Chromium's PDF maps some glyphs to Kangxi radicals (⽬ for 目); NFKC folds them back.
      const compact = pages.map((p) => p.text.normalize('NFKC').replace(/\s+/g, ''));
      // The first page carries the table itself: the header row and its first facts.
      expect(compact[0], r).toContain('项目');
      expect(compact[0], r).toContain('层级');
      expect(compact[0], r).toContain('发文机关');
      // No page holds only a heading or a closing line: each has at least a fifth of the fullest page's text.
      const fullest = Math.max(...compact.map((t) => t.length));
      for (const [i, t] of compact.entries()) {
        expect(t.length, `${r} page ${i + 1} of ${pages.length} is near-empty`).toBeGreaterThan(fullest / 5);
      }
    }
  });

  test('axe finds no violation on the comparison, and print hides the controls', async ({ page }) => {
    await page.goto('/compare/?r=shanghai,guangzhou');
    await ready(page);
    await expectNoAxeViolations(page);
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('button', { name: '下载 CSV' })).toBeHidden();
    await expect(page.getByRole('table')).toBeVisible();
  });
});

test.describe('comparison on a 360 px phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('the 项目 column and the document row stay in view while the table scrolls both ways', async ({
    page,
  }) => {
    await page.goto('/compare/');
    await page.locator('.controls[data-interactive="true"]').waitFor();
    const box = page.getByRole('region', { name: /政策比较表/ });
    await box.evaluate((el) => {
      el.scrollIntoView({ block: 'start' });
      el.scrollLeft = 600;
      el.scrollTop = 500;
    });
    // Let the scroll settle before measuring.
    await page.waitForTimeout(100);
    const seen = await box.evaluate((el) => {
      const outer = el.getBoundingClientRect();
      // The scrolling box's padding edge: where sticky cells stop.
      const c = {
        left: outer.left + el.clientLeft,
        top: outer.top + el.clientTop,
        right: outer.left + el.clientLeft + el.clientWidth,
        height: el.clientHeight,
      };
      const shows = (cell: Element) => {
        const r = cell.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return hit !== null && cell.contains(hit);
      };
      const corner = el.querySelector('thead th') as HTMLElement;
      const cornerRect = corner.getBoundingClientRect();
      const middle = c.top + c.height * 0.6;
      const row = [...el.querySelectorAll('tbody tr')].find((tr) => {
        const r = tr.getBoundingClientRect();
        return r.top <= middle && r.bottom >= middle;
      });
      const rowHeader = row?.querySelector('th');
      const docHeader = [...el.querySelectorAll('thead th')].slice(1).find((th) => {
        const r = th.getBoundingClientRect();
        const centre = r.left + r.width / 2;
        return centre > cornerRect.right && centre < c.right;
      });
      const firstDocCell = row?.querySelector('td');
      return {
        scrolled: { left: el.scrollLeft, top: el.scrollTop },
        corner: { dx: cornerRect.left - c.left, dy: cornerRect.top - c.top, shown: shows(corner) },
        rowHeader: rowHeader
          ? { dx: rowHeader.getBoundingClientRect().left - c.left, shown: shows(rowHeader) }
          : null,
        docHeader: docHeader
          ? { dy: docHeader.getBoundingClientRect().top - c.top, shown: shows(docHeader) }
          : null,
        firstCellUnderLabel: firstDocCell
          ? firstDocCell.getBoundingClientRect().left < cornerRect.right
          : null,
      };
    });
    expect(seen.scrolled.left).toBeGreaterThan(0);
    expect(seen.scrolled.top).toBeGreaterThan(0);
    expect(seen.corner.shown).toBe(true);
    expect(seen.corner.dx).toBeCloseTo(0, 0);
    expect(seen.corner.dy).toBeCloseTo(0, 0);
    expect(seen.rowHeader?.shown).toBe(true);
    expect(seen.rowHeader?.dx).toBeCloseTo(0, 0);
    expect(seen.docHeader?.shown).toBe(true);
    expect(seen.docHeader?.dy).toBeCloseTo(0, 0);
    expect(seen.firstCellUnderLabel).toBe(true);
  });
});

test.describe('comparison without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('shows the full table of every document', async ({ page }) => {
    await page.goto('/compare/?r=shanghai,guangzhou');
    await expect(page.getByRole('table').getByRole('columnheader')).toHaveCount(10);
    await expect(rowText(page)).resolves.toContain('通识课程 10 + 专业课程 15 + 实践应用 25（学时）');
    await expect(page.getByRole('checkbox')).toHaveCount(0);
  });
});

async function rowText(page: import('@playwright/test').Page): Promise<string> {
  return (await page.locator('tr[data-row="hours-split"]').textContent()) ?? '';
}
