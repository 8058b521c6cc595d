/**
 * A school's IT admin turns the 考核指南 the school already holds into rubrics on /rubrics/: drops
 * the Word file (or a PDF, or pastes the text), checks the preview, confirms ability by ability,
 * and shares the file. A colleague's wizard then grades by the imported C5 and C6 exactly as by
 * the handbook's own. Files that cannot be read are refused and change nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { convertToHtml } from 'mammoth';
import type { Browser, Locator, Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { sidewaysScroll } from './layout';
import { fillProfile } from './self-check-helpers';
import { ROOT_ORIGIN, SUBPATH_ORIGIN } from '../../playwright.config';
import { cidFontPdf, seedC5Lines } from '../support/cid-font-pdf';

const GUIDE = join(import.meta.dirname, '../fixtures/guide');
const DOCX = join(GUIDE, 'guide-c4-c7.docx');
const PDF = join(GUIDE, 'guide-c4-c7.pdf');
const SCANNED = join(GUIDE, 'guide-scanned.pdf');
const SEED = readFileSync(join(import.meta.dirname, '../../sources/seeds/004_fec723f99a37eeaf.txt'), 'utf8')
  .split('\n')
  // pp. 51–56: C4–C7, as a person copies them out of the PDF (lines 14–520).
  .slice(13, 520)
  .join('\n');
/** The same file's title and 文号, as tests/fixtures/guide/make-guide-fixtures.mjs writes them. */
const TITLE = '某某省中小学教师信息技术应用能力提升工程2.0校本应用考核指南（测试样例）';
const NUMBER = '某教〔2021〕5号';

const importSection = (page: Page) => page.getByRole('region', { name: '从考核指南导入' });
const preview = (page: Page) => page.locator('[data-guide-preview]');
const card = (page: Page, code: string) => page.locator(`[data-guide-ability="${code}"]`);

/** Drags a file from the desktop onto the import section, as a person does. */
async function dropFile(page: Page, name: string, bytes: Buffer) {
  const dataTransfer = await page.evaluateHandle(
    ({ name, base64 }) => {
      const transfer = new DataTransfer();
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      transfer.items.add(new File([data], name));
      return transfer;
    },
    { name, base64: bytes.toString('base64') },
  );
  await importSection(page).dispatchEvent('dragenter', { dataTransfer });
  await importSection(page).dispatchEvent('dragover', { dataTransfer });
  await importSection(page).dispatchEvent('drop', { dataTransfer });
}

/** A paste: plain text only (a PDF viewer, 记事本), or with the HTML Word and WPS put beside it. */
async function pasteText(page: Page, text: string, html?: string) {
  await page.getByLabel('或粘贴考核指南的文字').focus();
  await page.evaluate(
    ({ text, html }) => {
      const clipboardData = new DataTransfer();
      clipboardData.setData('text/plain', text);
      if (html) clipboardData.setData('text/html', html);
      document.activeElement?.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }),
      );
    },
    { text, html },
  );
}

/** What the preview says of each ability's items, in order: "1 情景描述：文本" … with the criteria. */
async function itemsRead(page: Page, code: string): Promise<string[]> {
  return card(page, code).locator('[data-guide-item]').allInnerTexts();
}

// ---------------------------------------------------------------------------------------------
// The colleague's wizard

async function openWizard(browser: Browser, baseURL: string | undefined, rubricFile?: string) {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(`${baseURL}/self-check/?a=C5`);
  if (rubricFile) {
    await page.getByRole('button', { name: '使用学校录入的评价标准' }).click();
    await page.getByLabel('打开评价标准文件').setInputFiles(rubricFile);
    const shown = page.getByRole('region', { name: /中的评价标准/ });
    await expect(shown).toContainText('C5 基于数据的个别化指导（3 项证据，其中 1 项评分）可以评分。');
    await expect(shown).toContainText('C6 应用数据分析模型（2 项证据，其中 2 项评分）可以评分。');
    await shown.getByRole('button', { name: '使用这些评价标准' }).click();
  }
  await fillProfile(page);
  await page.getByRole('button', { name: '下一步：选择微能力点' }).click();
  await page.getByRole('checkbox', { name: /C6 应用数据分析模型/ }).check();
  await page.getByRole('button', { name: '下一步：逐项自查证据' }).click();
  await expect(page.getByRole('button', { name: '下一步：查看自评结果' })).toBeVisible();
  return { context, page };
}

/**
 * The same evidence, item by item in order: each item ready, 1.5 minutes long, two pieces, the
 * teacher on camera, every 合格 criterion met, and every 优秀 one too except (when `shortOfOne`)
 * the last. Returns the grade of each item and of the ability, as the wizard shows them.
 */
async function gradeWithSameEvidence(page: Page, code: string, shortOfOne: boolean) {
  await page
    .getByRole('navigation', { name: '选择要自查的微能力点' })
    .getByRole('button', { name: code })
    .click();
  const box = page.locator(`[data-ability-grade="${code}"]`);
  await expect(box).toBeVisible();
  const editors = await page.locator('[data-item-editor]').all();
  const optional = async (field: Locator, act: (f: Locator) => Promise<void>) => {
    if ((await field.count()) > 0) await act(field);
  };
  for (const editor of editors) {
    await optional(editor.getByLabel('这项证据我已准备好'), (f) => f.check());
    await optional(editor.getByLabel(/最长一份的时长/), (f) => f.fill('1.5'));
    await optional(editor.getByLabel('未选文件时：共几份'), (f) => f.fill('2'));
    await optional(editor.getByLabel('视频中出现了我本人的形象'), (f) => f.check());
    for (const pass of await editor
      .getByRole('group', { name: /合格标准/ })
      .getByRole('checkbox')
      .all())
      await pass.check();
    const excellent = await editor
      .getByRole('group', { name: /优秀标准/ })
      .getByRole('checkbox')
      .all();
    for (const criterion of shortOfOne ? excellent.slice(0, -1) : excellent) await criterion.check();
  }
  return {
    items: await Promise.all(
      editors.map((e) =>
        e
          .locator('h4 [data-grade]')
          .getAttribute('data-grade')
          .catch(() => null),
      ),
    ),
    ability: await box.locator('[data-grade]').first().getAttribute('data-grade'),
    reasons: await box.locator('.reasons li').allInnerTexts(),
  };
}

test.describe('importing a 考核指南 on /rubrics/', () => {
  test('a Word file dropped on the page: C5 and C6 confirmed and shared grade in a fresh wizard as the handbook’s own', async ({
    page,
    browser,
    baseURL,
  }, testInfo) => {
    test.setTimeout(120_000);
    await page.goto('/rubrics/');
    await expect(importSection(page)).toContainText('不会上传');
    await dropFile(page, 'guide-c4-c7.docx', readFileSync(DOCX));
    await expect(preview(page)).toHaveAttribute('data-guide-abilities', '4');
    await expect(page.getByRole('heading', { name: '从“guide-c4-c7.docx”读到 4 个微能力点' })).toBeFocused();
    for (const [code, name] of [
      ['C4', '支持学生创造性学习与表达'],
      ['C5', '基于数据的个别化指导'],
      ['C6', '应用数据分析模型'],
      ['C7', '创建数据分析微模型'],
    ] as const)
      await expect(card(page, code).getByRole('heading', { level: 4 })).toHaveText(`${code} ${name}`);
    expect(await itemsRead(page, 'C5')).toEqual([
      '1 情景描述：文本；不评分（须提交）',
      '2 案例展示：视频；不超过 10 分钟；须出现教师个人形象；评分；优秀 5 条 / 合格 5 条',
      '3 学生体会：视频或音频；不超过 2 分钟；2 份；不评分（须提交）',
    ]);
    await expect(card(page, 'C5')).toContainText('没有需要核对的地方。');
    await expectNoAxeViolations(page);
    // Nothing reaches the editor before a person confirms.
    await expect(page.getByRole('navigation', { name: '选择要编辑的微能力点' })).toHaveCount(0);

    await card(page, 'C5').getByRole('button', { name: '确认 C5，加入编辑' }).click();
    await expect(card(page, 'C5').getByText('已加入编辑器：C5 基于数据的个别化指导')).toBeFocused();
    await card(page, 'C6').getByRole('button', { name: '确认 C6，加入编辑' }).click();
    const tabs = page.getByRole('navigation', { name: '选择要编辑的微能力点' }).getByRole('button');
    await expect(tabs).toHaveText([/^C5 基于数据的个别化指导/, /^C6 应用数据分析模型/]);
    await expect(page.getByLabel('考核指南名称（必填）')).toHaveValue(TITLE);
    await expect(page.getByLabel('文号')).toHaveValue(NUMBER);
    // Exactly as if typed: the editor shows the document's item with its limits.
    await tabs.filter({ hasText: 'C5' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'C5 基于数据的个别化指导' })).toBeVisible();
    // Only the ability picked is on screen (two forms stayed after switching while keys collided).
    await expect(page.getByRole('group', { name: /^第 1 项证据/ })).toHaveCount(1);
    const video = page.getByRole('group', { name: /^第 2 项证据/ });
    await expect(video.getByLabel('证据名称')).toHaveValue('案例展示');
    await expect(video.getByLabel(/时长上限/)).toHaveValue('10');
    await expect(page.locator('[data-readiness]')).toContainText('C5 可以评分。');
    await page.getByLabel('录入人（必填）').fill('实验小学信息化管理团队');

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载评价标准文件' }).click();
    const file = testInfo.outputPath('imported.json');
    await (await downloading).saveAs(file);
    const pack = JSON.parse(readFileSync(file, 'utf8')) as { abilities: { code: string }[] };
    expect(pack.abilities.map((a) => a.code)).toEqual(['C5', 'C6']);

    const school = await openWizard(browser, baseURL, file);
    await expect(school.page.locator('[data-rubric-origin]')).toContainText('学校文件');
    const handbook = await openWizard(browser, baseURL);
    await expect(handbook.page.locator('[data-rubric-origin]')).not.toContainText('学校文件');
    for (const [code, shortOfOne] of [
      ['C5', true],
      ['C6', false],
    ] as const) {
      const imported = await gradeWithSameEvidence(school.page, code, shortOfOne);
      const own = await gradeWithSameEvidence(handbook.page, code, shortOfOne);
      expect(imported, code).toEqual(own);
      expect(imported.ability, code).toBe(shortOfOne ? '合格' : '优秀');
    }
    await school.context.close();
    await handbook.context.close();
  });

  test('the flattened text of seed 004 pasted as plain text reads C4–C7, C5 with 5 + 5 criteria', async ({
    page,
  }) => {
    await page.goto('/rubrics/');
    await pasteText(page, SEED);
    await expect(page.getByLabel('或粘贴考核指南的文字')).toHaveValue(SEED);
    await page.getByRole('button', { name: '读取粘贴的文字' }).click();
    await expect(preview(page)).toHaveAttribute('data-guide-abilities', '4');
    await expect(page.getByRole('heading', { name: '从粘贴的文字读到 4 个微能力点' })).toBeFocused();
    for (const code of ['C4', 'C5', 'C6', 'C7']) await expect(card(page, code)).toBeVisible();
    await expect(card(page, 'C5').locator('[data-guide-item]').nth(1)).toContainText('优秀 5 条 / 合格 5 条');
    await expect(card(page, 'C5').locator('[data-guide-criteria]')).toHaveCount(1);
  });

  test('on a 360 px phone the preview of seed 004 fits the screen: cards, criteria and the boundary controls', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto('/rubrics/');
    await pasteText(page, SEED);
    await page.getByRole('button', { name: '读取粘贴的文字' }).click();
    await expect(preview(page)).toHaveAttribute('data-guide-abilities', '4');
    await card(page, 'C5').locator('[data-guide-criteria]').first().scrollIntoViewIfNeeded();
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
    // Every control of the preview is on the screen's width, none cut off at the right.
    for (const control of await preview(page)
      .locator('button:visible, input:visible, select:visible')
      .all()) {
      const box = await control.boundingBox();
      expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(360);
    }
    await expectNoAxeViolations(page);
  });

  test('a copy from Word pastes its HTML: the 优秀 | 合格 tables are read from it, not the flat text beside it', async ({
    page,
  }) => {
    const { value: html } = await convertToHtml({ buffer: readFileSync(DOCX) });
    // The plain text beside it is left without the tables, so only the HTML can give the criteria.
    const flat = html
      .replace(/<table[\s\S]*?<\/table>/g, '')
      .replace(/<[^>]+>/g, '\n')
      .replace(/\n+/g, '\n');
    await page.goto('/rubrics/');
    await pasteText(page, flat, html);
    await page.getByRole('button', { name: '读取粘贴的文字' }).click();
    await expect(preview(page)).toHaveAttribute('data-guide-abilities', '4');
    expect(await itemsRead(page, 'C6')).toEqual([
      '1 模型介绍：文本或图片；评分；优秀 5 条 / 合格 3 条',
      '2 应用案例分析：视频；不超过 10 分钟（原则上）；须出现教师个人形象；评分；优秀 4 条 / 合格 3 条',
    ]);
    for (const code of ['C4', 'C5', 'C6', 'C7'])
      await expect(card(page, code)).toContainText('没有需要核对的地方。');
  });

  test('a name that differs from the handbook’s is flagged and kept as the document has it; text with no ability is refused', async ({
    page,
  }) => {
    const lines = SEED.split('\n');
    const c5 = lines
      .slice(lines.indexOf('C5 基于数据的个别化指导'), lines.indexOf('C6 应用数据分析模型'))
      .join('\n');
    await page.goto('/rubrics/');
    await pasteText(page, c5.replace('C5 基于数据的个别化指导', 'C5 基于数据的个性化指导'));
    await page.getByRole('button', { name: '读取粘贴的文字' }).click();
    await expect(card(page, 'C5').getByRole('heading', { level: 4 })).toHaveText(
      'C5 基于数据的个性化指导（本手册中叫“基于数据的个别化指导”，请核对）',
    );
    await expect(card(page, 'C5').locator('[data-guide-flags]')).toContainText(
      '文件中 C5 的名称是“基于数据的个性化指导”，本手册是“基于数据的个别化指导”',
    );
    await expectNoAxeViolations(page);
    await card(page, 'C5').getByRole('button', { name: '确认 C5，加入编辑' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'C5 基于数据的个性化指导' })).toBeVisible();

    await page.getByLabel('或粘贴考核指南的文字').fill('第54页\n54\n这是一段会议通知，没有微能力点。');
    await page.getByRole('button', { name: '读取粘贴的文字' }).click();
    await expect(page.getByRole('alert')).toContainText('没有在其中找到微能力点');
    await expect(page.getByRole('alert')).toContainText('当前录入的内容没有改动');
    // A refusal changes nothing: the earlier preview and the editor stay as they were.
    await expect(card(page, 'C5')).toContainText('已加入编辑器：C5 基于数据的个性化指导');
    await expect(page.getByRole('heading', { level: 2, name: 'C5 基于数据的个性化指导' })).toBeVisible();
  });

  test('the PDF with two columns gives the same four abilities as the Word file, criteria and all', async ({
    page,
  }) => {
    /** Reads the file, confirms all it found, and returns what the editor then holds. */
    const importAll = async (file: string) => {
      await page.goto('/rubrics/');
      await page.getByRole('button', { name: '全部清空' }).click();
      await page.getByRole('button', { name: '确定清空' }).click();
      await page.getByLabel('选择考核指南文件').setInputFiles(file);
      await expect(preview(page)).toHaveAttribute('data-guide-abilities', '4');
      const read = await preview(page).locator('[data-guide-ability]').allInnerTexts();
      await page.getByRole('button', { name: '全部确认（C4、C5、C6、C7，没有需要核对的地方）' }).click();
      await expect(
        page.getByRole('navigation', { name: '选择要编辑的微能力点' }).getByRole('button'),
      ).toHaveCount(4);
      await expect(page.locator('.save-state')).toContainText('已自动保存');
      const saved = await page.evaluate(() => localStorage.getItem('weinengli.rubric-editor'));
      return { read, abilities: (JSON.parse(saved ?? '{}') as { abilities: unknown[] }).abilities };
    };
    const word = await importAll(DOCX);
    const pdf = await importAll(PDF);
    expect(pdf.read.map((t) => t.replace('guide-c4-c7.pdf', ''))).toEqual(word.read);
    expect(pdf.abilities).toEqual(word.abilities);
  });

  test('a scanned PDF, a damaged Word file, a zip that is not Word and a 31 MB PDF are refused; nothing entered changes', async ({
    page,
  }) => {
    // Handing the browser a 31 MB file takes a while on a busy two-core machine.
    test.setTimeout(120_000);
    await page.goto('/rubrics/?a=A6');
    await page.getByLabel('考核指南名称（必填）').fill('本校自己录入的指南');
    await page.getByLabel('录入人（必填）').fill('实验小学信息化管理团队');
    await page.getByRole('button', { name: '添加一项证据' }).click();
    await page
      .getByRole('group', { name: /^第 1 项证据/ })
      .getByLabel('证据名称')
      .fill('课堂讲授片段');
    await expect(page.locator('.save-state')).toContainText('已自动保存');
    const saved = await page.evaluate(() => localStorage.getItem('weinengli.rubric-editor'));

    const refusals: [string, { name: string; mimeType: string; buffer: Buffer } | string, RegExp][] = [
      ['scan', SCANNED, /没有文字层.*不做图片文字识别（OCR）/],
      [
        'random bytes',
        {
          name: 'x.docx',
          mimeType: 'application/octet-stream',
          buffer: Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)),
        },
        /“x\.docx”不是 Word（\.docx）、PDF 或文本（\.txt）文件/,
      ],
      [
        'a zip of something else',
        {
          name: '考核指南.docx',
          mimeType: 'application/octet-stream',
          buffer: Buffer.from(zipSync({ 'notes.txt': new TextEncoder().encode('不是 Word 文档') })),
        },
        /“考核指南\.docx”读不出来：文件可能已损坏，或者不是 Word 文档/,
      ],
      [
        'too large',
        {
          // A right-to-left override in the name is shown as a mark, never reordering it.
          name: '考核指南\u202Efdp.pdf',
          mimeType: 'application/pdf',
          buffer: Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(31 * 1024 * 1024, 0x20)]),
        },
        /“考核指南\[U\+202E\]fdp\.pdf”有 31\.0 MB，超过了 30 MB 的上限/,
      ],
    ];
    for (const [what, file, message] of refusals) {
      await page.getByLabel('选择考核指南文件').setInputFiles(file);
      const alert = page.getByRole('alert').filter({ hasText: message });
      await expect(alert, what).toContainText('当前录入的内容没有改动');
      await expect(preview(page), what).toHaveCount(0);
      await expect(page.getByLabel('考核指南名称（必填）')).toHaveValue('本校自己录入的指南');
      await expect(page.getByRole('group', { name: /^第 1 项证据/ }).getByLabel('证据名称')).toHaveValue(
        '课堂讲授片段',
      );
      await expect(
        page.getByRole('navigation', { name: '选择要编辑的微能力点' }).getByRole('button'),
      ).toHaveText([/^A6 技术支持的课堂讲授/]);
    }
    expect(await page.evaluate(() => localStorage.getItem('weinengli.rubric-editor'))).toBe(saved);
    await expect(page.locator('body')).not.toContainText('\u202E');
    await expectNoAxeViolations(page);
  });

  test('confirming an ability the editor already holds asks first: 取消 keeps what was typed, 替换 takes the document’s', async ({
    page,
  }) => {
    await page.goto('/rubrics/?a=C5');
    const video = page.getByRole('group', { name: /^第 2 项证据/ });
    await video.getByLabel('证据名称').fill('我改过的案例展示');
    await page.getByLabel('考核指南名称（必填）').fill('本校自己的名称');
    await page.getByLabel('选择考核指南文件').setInputFiles(DOCX);
    await expect(preview(page)).toHaveAttribute('data-guide-abilities', '4');

    await card(page, 'C5').getByRole('button', { name: '确认 C5，加入编辑' }).click();
    const question = card(page, 'C5').getByRole('group', { name: '确认替换 C5' });
    await expect(question).toContainText('编辑器里已有 C5，用导入的内容替换吗？');
    await expectNoAxeViolations(page);
    await question.getByRole('button', { name: '取消' }).click();
    await expect(video.getByLabel('证据名称')).toHaveValue('我改过的案例展示');
    await expect(card(page, 'C5').getByRole('button', { name: '确认 C5，加入编辑' })).toBeFocused();

    await card(page, 'C5').getByRole('button', { name: '确认 C5，加入编辑' }).click();
    await question.getByRole('button', { name: '替换' }).click();
    await expect(video.getByLabel('证据名称')).toHaveValue('案例展示');
    // The name typed in the source stays; the document's differing one is said, not written over it.
    await expect(page.getByLabel('考核指南名称（必填）')).toHaveValue('本校自己的名称');
    await expect(page.getByLabel('文号')).toHaveValue(NUMBER);
    await expect(page.getByRole('alert')).toContainText('已填写的没有改动');
  });

  test('by keyboard alone: pasted text with an unclear boundary, moved with the arrow keys, lands as moved', async ({
    page,
    context,
  }) => {
    // C5's section of seed 004 with the two signs of its boundary removed: the last 优秀 criterion
    // ends with "；" like the others, and the first 合格 one no longer opens like the first 优秀 one.
    const lines = SEED.split('\n');
    const c5 = lines.slice(lines.indexOf('C5 基于数据的个别化指导'), lines.indexOf('C6 应用数据分析模型'));
    const unclear = [
      ['略,对改进实践具有启发意义。', '略,对改进实践具有启发意义;'],
      ['清晰、完整地呈现了从发现问题到\n', '完整地呈现了从发现问题到\n'],
    ].reduce((text, [from = '', to = '']) => {
      expect(text).toContain(from);
      return text.replace(from, to);
    }, c5.join('\n'));
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/rubrics/');
    await page.evaluate((text) => navigator.clipboard.writeText(text), unclear);

    await page.getByRole('button', { name: '全部清空' }).focus();
    for (
      let i = 0;
      i < 20 && !(await page.getByLabel('选择考核指南文件').evaluate((e) => e === document.activeElement));
      i++
    )
      await page.keyboard.press('Tab');
    await expect(page.getByLabel('选择考核指南文件')).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('或粘贴考核指南的文字')).toBeFocused();
    await page.keyboard.press('ControlOrMeta+V');
    await expect(page.getByLabel('或粘贴考核指南的文字')).toHaveValue(unclear);
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: '读取粘贴的文字' })).toBeFocused();
    await page.keyboard.press('Enter');

    await expect(page.getByRole('heading', { name: '从粘贴的文字读到 1 个微能力点' })).toBeFocused();
    const c5Card = card(page, 'C5');
    await expect(c5Card.locator('[data-guide-flags]')).toContainText(/./);
    const split = c5Card.getByRole('group', { name: /第 2 项“案例展示”的评价标准/ });
    await expect(split.getByRole('radio', { name: '合格标准从第 6 条开始' })).toBeChecked();
    await expectNoAxeViolations(page);

    // Tab into the boundary (the checked radio), one up, and on to the confirm button.
    for (
      let i = 0;
      i < 10 &&
      !(await split.getByRole('radio', { checked: true }).evaluate((e) => e === document.activeElement));
      i++
    )
      await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowUp');
    await expect(split.getByRole('radio', { name: '合格标准从第 5 条开始' })).toBeChecked();
    await expect(c5Card.locator('[data-guide-item]').nth(1)).toContainText('优秀 4 条 / 合格 6 条');
    await page.keyboard.press('Tab');
    await expect(c5Card.getByRole('button', { name: '确认 C5，加入编辑' })).toBeFocused();
    await page.keyboard.press('Enter');

    const video = page.getByRole('group', { name: /^第 2 项证据/ });
    const excellent = (await video.getByLabel(/^优秀标准/).inputValue()).split('\n');
    const pass = (await video.getByLabel(/^合格标准/).inputValue()).split('\n');
    expect(excellent).toHaveLength(4);
    expect(pass).toHaveLength(6);
    expect(pass[0]).toMatch(/^结合实施成效/);
  });
});

for (const [where, origin, base] of [
  ['at /', ROOT_ORIGIN, '/'],
  ['under /handbook/', SUBPATH_ORIGIN, '/handbook/'],
] as const) {
  test.describe(`the readers ${where}`, () => {
    test.use({ serviceWorkers: 'allow' });

    test('a Chinese PDF whose font is not embedded is read through the site’s own character maps', async ({
      page,
    }) => {
      const cmaps: string[] = [];
      page.on('request', (r) => {
        if (r.url().endsWith('.bcmap')) cmaps.push(new URL(r.url()).pathname);
      });
      await page.goto(`${origin}${base}rubrics/`);
      await page.getByLabel('选择考核指南文件').setInputFiles({
        name: '宋体未嵌入.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from(cidFontPdf(seedC5Lines(SEED))),
      });
      await expect(preview(page)).toHaveAttribute('data-guide-abilities', '1');
      await expect(card(page, 'C5').locator('[data-guide-criteria]')).toHaveText('；优秀 5 条 / 合格 5 条');
      expect(cmaps.length).toBeGreaterThan(0);
      expect(cmaps.every((path) => path.startsWith(`${base}pdfjs/cmaps/`))).toBe(true);
    });

    test('a Word file and a PDF read once online are read again with no network; the readers are not precached', async ({
      page,
      context,
    }) => {
      test.setTimeout(90_000);
      const readersKept = () =>
        page.evaluate(async () => {
          const urls: string[] = [];
          for (const name of await caches.keys())
            for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
          return urls.filter((u) => /guide-(docx|pdf)-reader|pdf\.worker/.test(u)).length;
        });
      const readBoth = async () => {
        for (const [file, name] of [
          [DOCX, 'guide-c4-c7.docx'],
          [PDF, 'guide-c4-c7.pdf'],
        ] as const) {
          await page.getByLabel('选择考核指南文件').setInputFiles(file);
          await expect(page.getByRole('heading', { name: `从“${name}”读到 4 个微能力点` })).toBeFocused();
          await expect(card(page, 'C5').locator('[data-guide-criteria]')).toHaveText(
            '；优秀 5 条 / 合格 5 条',
          );
          await page.getByRole('button', { name: '关闭预览' }).click();
        }
      };
      await page.goto(`${origin}${base}rubrics/`);
      // The offline copy is complete once its worker controls the page.
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
        timeout: 30_000,
      });
      expect(await readersKept()).toBe(0);
      await readBoth();
      expect(await readersKept()).toBe(3);

      await context.setOffline(true);
      await page.reload();
      await readBoth();
    });
  });
}
