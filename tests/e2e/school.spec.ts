import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { exportDraftText, type Draft } from '../../src/lib/self-check/draft';
import { exportReviewText } from '../../src/lib/review/review-file';
import { exportPackText, makePack } from '../../src/lib/rubrics/rubric-file';
import { handbookAbilities, makeDraft, makeReview, testId } from '../support/archive-fixtures';
import { parseCsv } from '../support/csv';
import { expect, expectNoAxeViolations, test } from './fixtures';

/*
 * A Guangzhou school (targets 30 / 50 / 20 % of teachers over 2020–2022; default stages
 * 组内互评 → 复评). Three teachers' self-checks made with the draft library, their review files
 * made with the review library, and files that must be listed, not loaded.
 */
const ABILITIES = handbookAbilities();
const school = { school: '广州市越秀区实验小学', region: 'guangzhou' };
const wang = makeDraft(
  { ...school, name: '王晓红', subject: '语文', levels: { C5: '优秀', C6: '合格' } },
  ABILITIES,
);
const liId = testId(9001);
const liOld = makeDraft(
  {
    ...school,
    id: liId,
    name: '李娜',
    subject: '数学',
    stage: '初中',
    savedAt: '2026-03-01T08:00:00.000Z',
    levels: { C5: '不合格' },
  },
  ABILITIES,
);
const liNew = makeDraft(
  {
    ...school,
    id: liId,
    name: '李娜',
    subject: '数学',
    stage: '初中',
    savedAt: '2026-03-06T08:00:00.000Z',
    levels: { C5: '合格' },
  },
  ABILITIES,
);
const zhang = makeDraft({ ...school, name: '张伟', subject: '英语', levels: { C7: '合格' } }, ABILITIES);

const json = (name: string, text: string) => ({
  name,
  mimeType: 'application/json',
  buffer: Buffer.from(text),
});
const selfFile = (d: Draft, name: string) => json(name, exportDraftText(d, new Date(d.savedAt)));
const FILES = [
  selfFile(wang, '王晓红_自评.json'),
  selfFile(liOld, '李娜_自评_旧.json'),
  selfFile(liNew, '李娜_自评.json'),
  selfFile(zhang, '张伟_自评.json'),
  json(
    '评审意见_王晓红_组内互评.json',
    exportReviewText(
      makeReview(
        wang,
        { stage: '组内互评', reviewer: '陈老师', levels: { C5: '优秀', C6: '合格' } },
        ABILITIES,
      ),
    ),
  ),
  json(
    '评审意见_王晓红_复评.json',
    exportReviewText(
      makeReview(
        wang,
        {
          stage: '复评',
          reviewer: '信息化团队',
          reviewedAt: '2026-03-08T08:00:00.000Z',
          levels: { C5: '合格' },
        },
        ABILITIES,
      ),
    ),
  ),
  // 李娜 was reviewed before she changed her self-check.
  json(
    '评审意见_李娜_组内互评.json',
    exportReviewText(
      makeReview(liOld, { stage: '组内互评', reviewer: '陈老师', levels: { C5: '不合格' } }, ABILITIES),
    ),
  ),
  json('坏文件.json', exportDraftText(zhang).slice(0, 300)),
  json('成绩单.json', '{"班级":"三(2)班","成绩":[90,85]}'),
  json(
    '评价标准_信息化团队.json',
    exportPackText(
      makePack({ title: '本省校本应用考核指南', enteredBy: '信息化团队', enteredAt: '2026-03' }, []),
    ),
  ),
];

const rowOf = (page: Page, teacher: string, code: string) =>
  page
    .locator('.archive-table tbody tr')
    .filter({ has: page.getByRole('button', { name: `${teacher} ${code} 详情` }) });

async function openSchool(page: Page) {
  await page.goto('/school/');
  await expect(page.locator('.school-archive')).toHaveAttribute('data-ready', 'true');
}

async function loadAll(page: Page) {
  await page.getByLabel('选择文件（可多选）').setInputFiles(FILES);
  await expect(page.locator('[data-load-report]')).toContainText('本次读入 4 份自评、3 份评审意见');
}

test.describe('school archive (学校考核档案)', () => {
  test('three teachers, their reviews and two bad files: table, summary, conflicts, CSV; reload keeps it', async ({
    page,
  }) => {
    await openSchool(page);
    await expect(page.locator('[data-empty]')).toBeVisible();
    await expectNoAxeViolations(page);

    await loadAll(page);
    const rejected = page.locator('[data-rejected] li');
    await expect(rejected).toHaveCount(3);
    await expect(rejected.filter({ hasText: '坏文件.json' })).toContainText(
      '不是有效的 JSON 文件：内容可能不完整',
    );
    await expect(rejected.filter({ hasText: '成绩单.json' })).toContainText('不是微能力手册的文件');
    await expect(rejected.filter({ hasText: '评价标准_信息化团队.json' })).toContainText('这是评价标准文件');

    // The region comes from the files' profiles; Guangzhou names no stages, so the default ones.
    await expect(page.locator('[data-stages]')).toHaveText(
      '广州市：评审环节 组内互评 → 复评（政策文件未规定时的默认环节）',
    );

    // The table: one row per teacher × chosen ability.
    await expect(page.locator('.archive-table tbody tr')).toHaveCount(4);
    const cells = async (teacher: string, code: string) =>
      (await rowOf(page, teacher, code).locator('td').allInnerTexts()).map((t) => t.split('\n')[0]?.trim());
    expect(await cells('王晓红', 'C5')).toEqual([
      '王晓红',
      '语文',
      '小学',
      'C5',
      '优秀',
      '优秀',
      '合格',
      '合格',
      '已通过',
    ]);
    expect((await cells('王晓红', 'C6')).slice(4)).toEqual(['合格', '合格', '—', '—', '待复评']);
    expect((await cells('李娜', 'C5')).slice(4)).toEqual([
      '合格',
      '不合格（评的是旧版自评）',
      '—',
      '—',
      '需重新评审',
    ]);
    expect((await cells('张伟', 'C7')).slice(4)).toEqual(['合格', '—', '—', '—', '未评审']);

    // The summary, with Guangzhou's targets read from its policy file.
    await expect(page.locator('[data-summary="teachers"] dd')).toHaveText('3 人');
    await expect(page.locator('[data-summary="passed"] dd')).toHaveText('1 人（33.3%）');
    await expect(page.locator('[data-summary="in-review"] dd')).toHaveText('1 人');
    await expect(page.locator('[data-summary="not-reviewed"] dd')).toHaveText('1 人');
    await expect(page.locator('[data-summary="self-passed"] dd')).toHaveText('3 人');
    await expect(page.locator('[data-target-year="2020"]')).toContainText(
      '当年 30%，累计 30%；本校已通过 33.3%，已达到',
    );
    await expect(page.locator('[data-target-year="2021"]')).toContainText(
      '当年 50%，累计 80%；本校已通过 33.3%，未达到',
    );
    await expect(page.locator('[data-target-year="2022"]')).toContainText('当年 20%，累计 100%');
    await expect(page.locator('[data-coverage="学法指导"]')).toContainText('选择 2 人，通过 1 人');
    await expect(page.locator('[data-coverage="智慧学习环境"]')).toContainText('选择 3 人，通过 1 人');
    // The school's own head count: 1 of 10 teachers through is 10 %, short of 2020's 30 %.
    await page.getByLabel('全校教师人数（可不填，不填按已载入的教师计）').fill('10');
    await expect(page.locator('[data-summary="passed"] dd')).toHaveText('1 人（10%）');
    await expect(page.locator('[data-target-year="2020"]')).toContainText('本校已通过 10%，未达到');
    await page.getByLabel('全校教师人数（可不填，不填按已载入的教师计）').fill('2');
    await expect(page.locator('[data-total-note]')).toHaveText(
      '填写的人数少于已载入的 3 位教师，比例按已载入的教师计。',
    );
    await expect(page.locator('[data-summary="passed"] dd')).toHaveText('1 人（33.3%）');
    await page.getByLabel('全校教师人数（可不填，不填按已载入的教师计）').fill('');

    // Conflicts said out loud.
    await expect(page.locator('[data-notice="较旧的自评"]')).toContainText(
      '李娜（广州市越秀区实验小学）有两份自评文件',
    );
    await expect(page.locator('[data-notice="评审针对旧版自评"]')).toContainText('自评已更新，需重新评审');
    await expectNoAxeViolations(page);

    // The CSV, downloaded and read back.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 CSV（Excel / WPS）' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^学校考核档案_\d{8}\.csv$/);
    const bytes = readFileSync(await file.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = parseCsv(bytes.toString('utf8'));
    const stageColumns = (stage: string) =>
      ['', '评的是旧版自评', '评审人', '评审日期', '评语', '文件核对'].map((c) => `${stage}${c}`);
    expect(csv[0]).toEqual([
      '教师',
      '学校',
      '学科',
      '学段',
      '微能力点',
      '名称',
      '教学环境',
      '能力维度',
      '自评',
      ...stageColumns('组内互评'),
      ...stageColumns('复评'),
      '最终结果',
      '状态',
      '说明',
    ]);
    expect(csv).toHaveLength(5);
    const header = csv[0] ?? [];
    const column = (row: string[] | undefined, name: string) => row?.[header.indexOf(name)];
    const wangC5 = csv.find((r) => r[0] === '王晓红' && r[4] === 'C5');
    expect(
      [
        '自评',
        '组内互评',
        '组内互评评审人',
        '复评',
        '复评评审人',
        '复评评审日期',
        '最终结果',
        '状态',
        '说明',
      ].map((name) => column(wangC5, name)),
    ).toEqual([
      '优秀',
      '优秀',
      '陈老师',
      '合格',
      '信息化团队',
      '2026-03-08',
      '合格',
      '已通过',
      '组内互评 → 复评均已通过',
    ]);
    // The flag has its own column, so 组内互评 holds only grades and can be filtered.
    const li = csv.find((r) => r[0] === '李娜');
    expect(['组内互评', '组内互评评的是旧版自评', '组内互评评审人'].map((name) => column(li, name))).toEqual([
      '不合格',
      '是',
      '陈老师',
    ]);

    // Nothing went into the URL; a reload keeps the archive.
    await expect(page.locator('[data-saved="7"]')).toContainText('已保存在本浏览器中');
    expect(new URL(page.url()).search).toBe('');
    expect(new URL(page.url()).hash).toBe('');
    await page.reload();
    await expect(page.locator('.school-archive')).toHaveAttribute('data-ready', 'true');
    await expect(page.locator('.archive-table tbody tr')).toHaveCount(4);
    await expect(page.locator('[data-summary="passed"] dd')).toHaveText('1 人（33.3%）');
  });

  test('a 乐清 school is measured against 浙江省’s two targets, which 乐清 inherits, marked 待核实', async ({
    page,
  }) => {
    const yueqing = { school: '乐清市第一中学', region: 'yueqing' };
    const chen = makeDraft({ ...yueqing, name: '陈静', levels: { C5: '合格' } }, ABILITIES);
    const lin = makeDraft({ ...yueqing, name: '林涛', subject: '数学', levels: { C6: '合格' } }, ABILITIES);
    const review = (stage: string, reviewer: string) =>
      json(
        `评审意见_陈静_${stage}.json`,
        exportReviewText(makeReview(chen, { stage, reviewer, levels: { C5: '合格' } }, ABILITIES)),
      );
    await openSchool(page);
    await page
      .getByLabel('选择文件（可多选）')
      .setInputFiles([
        selfFile(chen, '陈静_自评.json'),
        selfFile(lin, '林涛_自评.json'),
        review('组内互评', '陈老师'),
        review('复评', '信息化团队'),
      ]);
    await expect(page.locator('[data-load-report]')).toContainText('本次读入 2 份自评、2 份评审意见');
    await expect(page.locator('[data-summary="passed"] dd')).toHaveText('1 人（50%）');

    const targets = page.locator('[data-targets]');
    await expect(targets.locator('figcaption')).toHaveText(
      '乐清市的年度目标（教师比例，据浙江省的政策文件，本地区沿用）',
    );
    await expect(targets.locator('[data-targets-unverified]')).toContainText('待核实');
    await expect(targets.locator('[data-targets-unverified]')).toContainText(
      '以当地教育行政部门发布的文件为准',
    );
    const first = page.locator('[data-target-year="2021"]');
    const second = page.locator('[data-target-year="2022"]');
    await expect(first).toContainText('2021年8月15日前');
    await expect(first).toContainText('本期 ≥ 25%，累计 25%；本校已通过 50%，已达到');
    await expect(second).toContainText('2021年9月至2022年8月');
    // 40 % is the total by August 2022, not 40 more on top of the 25.
    await expect(second).toContainText('累计 ≥ 40%；本校已通过 50%，已达到');
    await expectNoAxeViolations(page);

    // With 4 teachers in the school, one through is 25 %: the first target met, the second not.
    await page.getByLabel('全校教师人数（可不填，不填按已载入的教师计）').fill('4');
    await expect(first).toContainText('本校已通过 25%，已达到');
    await expect(second).toContainText('本校已通过 25%，未达到');
  });

  test('keyboard: filter by status, sort a column, open a row’s details; axe on each state', async ({
    page,
  }) => {
    await openSchool(page);
    await loadAll(page);

    // Sorting by the 自评 column with the keyboard: lowest first, then the other way.
    const selfSort = page.getByRole('button', { name: /^自评/ });
    await selfSort.focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('th', { has: selfSort })).toHaveAttribute('aria-sort', 'ascending');
    const ascending = await page.locator('.archive-table tbody tr td:nth-child(5)').allInnerTexts();
    expect(ascending).toEqual(['合格', '合格', '合格', '优秀']);
    await page.keyboard.press('Enter');
    await expect(page.locator('th', { has: selfSort })).toHaveAttribute('aria-sort', 'descending');
    expect(await page.locator('.archive-table tbody tr td:nth-child(5)').allInnerTexts()).toEqual([
      '优秀',
      '合格',
      '合格',
      '合格',
    ]);

    // Filtering by status with the keyboard.
    const status = page.getByLabel('状态', { exact: true });
    await status.focus();
    for (let i = 0; i < 10 && (await status.inputValue()) !== '需重新评审'; i++)
      await page.keyboard.press('ArrowDown');
    await expect(status).toHaveValue('需重新评审');
    await expect(page.locator('.archive-table tbody tr')).toHaveCount(1);
    await expect(page.locator('[data-table-count]')).toHaveText('共 1 行（筛选自 4 行）');
    await expectNoAxeViolations(page);

    // Opening the row's details from the keyboard: focus moves to them.
    await page.getByRole('button', { name: '李娜 C5 详情' }).focus();
    await page.keyboard.press('Enter');
    const heading = page.getByRole('heading', { name: '详情：李娜 · C5 基于数据的个别化指导' });
    await expect(heading).toBeFocused();
    const details = page.locator('[data-details]');
    await expect(details).toContainText('不合格（评的是旧版自评），评审人 陈老师（教研组长）');
    await expect(details.locator('.details-items')).toContainText('案例展示');
    await expect(details.locator('.details-items')).toContainText('与自评不同');
    await expectNoAxeViolations(page);
  });

  test('save the archive as a file, clear this browser (with confirmation), open the file again', async ({
    page,
  }) => {
    await openSchool(page);
    await loadAll(page);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '保存档案文件' }).click();
    const saved = await download;
    expect(saved.suggestedFilename()).toMatch(/^学校考核档案_\d{8}\.json$/);
    const archivePath = await saved.path();

    await page.getByRole('button', { name: '清除本机数据' }).click();
    await expect(page.getByText('确定要清除本浏览器中保存的考核档案吗？')).toBeVisible();
    await page.getByRole('button', { name: '取消' }).click();
    await expect(page.locator('.archive-table tbody tr')).toHaveCount(4);
    await page.getByRole('button', { name: '清除本机数据' }).click();
    await page.getByRole('button', { name: '确定清除' }).click();
    await expect(page.locator('[data-empty]')).toBeVisible();
    await page.reload();
    await expect(page.locator('.school-archive')).toHaveAttribute('data-ready', 'true');
    await expect(page.locator('[data-empty]')).toBeVisible();

    await page
      .getByLabel('选择文件（可多选）')
      .setInputFiles([json(saved.suggestedFilename(), readFileSync(archivePath, 'utf8'))]);
    await expect(page.locator('[data-load-report]')).toContainText('本次读入 4 份自评、3 份评审意见');
    await expect(page.locator('.archive-table tbody tr')).toHaveCount(4);
    await expect(page.locator('[data-summary="passed"] dd')).toHaveText('1 人（33.3%）');
  });

  test('a corrupt stored archive is salvaged, not wiped; the print view shows every row', async ({
    page,
  }) => {
    await openSchool(page);
    await loadAll(page);
    await expect(page.locator('[data-saved="7"]')).toBeVisible();
    // Damage one self-check inside the stored archive, as a half-written save or a hand edit would.
    await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('weinengli', 1);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const get = db.transaction('school').objectStore('school').get('school-archive');
      const text = await new Promise<string>(
        (resolve) => (get.onsuccess = () => resolve(get.result as string)),
      );
      const data = JSON.parse(text);
      data.selfChecks[3].profile.stage = '大学';
      const tx = db.transaction('school', 'readwrite');
      tx.objectStore('school').put(JSON.stringify(data), 'school-archive');
      await new Promise((resolve) => (tx.oncomplete = resolve));
    });
    await page.reload();
    await expect(page.locator('.school-archive')).toHaveAttribute('data-ready', 'true');
    await expect(page.getByRole('alert')).toContainText('本机保存的档案有 1 项无法读取，其余已载入');
    await expect(page.locator('.archive-table tbody tr')).toHaveCount(3);
    const raw = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载原档案副本' }).click();
    expect(JSON.parse(readFileSync(await (await raw).path(), 'utf8')).selfChecks).toHaveLength(4);
    await expectNoAxeViolations(page);

    // Sixty more teachers: the table shows pages of 50 rows on screen.
    const more = Array.from({ length: 60 }, (_, i) =>
      selfFile(
        makeDraft({ ...school, name: `教师${i + 1}`, levels: { C6: '合格' } }, ABILITIES),
        `t${i}.json`,
      ),
    );
    await page.getByLabel('选择文件（可多选）').setInputFiles(more);
    await expect(page.locator('[data-table-count]')).toHaveText('共 63 行');
    await expect(page.locator('.archive-table tbody tr')).toHaveCount(50);

    // Printing: every filtered row, not only the page on screen; the controls are hidden.
    await page.evaluate(() => {
      window.print = () =>
        document.body.setAttribute(
          'data-printed',
          String(document.querySelectorAll('.archive-table tbody tr').length),
        );
    });
    await page.getByRole('button', { name: '打印（学校会议用）' }).click();
    await expect(page.locator('body')).toHaveAttribute('data-printed', '63');
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('heading', { name: '概况' })).toBeVisible();
    await expect(page.getByLabel('选择文件（可多选）')).toBeHidden();
    await expect(page.getByRole('button', { name: '导出 CSV（Excel / WPS）' })).toBeHidden();
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await page.emulateMedia({ media: 'screen' });
    await expect(page.locator('.archive-table tbody tr')).toHaveCount(50);
  });

  test('a whole folder (its videos skipped) and files dropped on the page', async ({ page }, testInfo) => {
    const folder = testInfo.outputPath('教研组');
    mkdirSync(join(folder, '王晓红'), { recursive: true });
    writeFileSync(join(folder, '王晓红', '自评.json'), exportDraftText(wang));
    writeFileSync(join(folder, '王晓红', '案例.mp4'), 'not really a video');
    writeFileSync(join(folder, '张伟.json'), exportDraftText(zhang));
    await openSchool(page);
    await page.getByLabel('选择整个文件夹').setInputFiles(folder);
    await expect(page.locator('[data-load-report]')).toContainText(
      '本次读入 2 份自评、0 份评审意见；跳过 1 个非 JSON 文件。',
    );

    const li = exportDraftText(liNew);
    const broken = '{"app":"微能力手册"';
    const transfer = await page.evaluateHandle(
      ([a, b]) => {
        const data = new DataTransfer();
        data.items.add(new File([a ?? ''], '李娜.json', { type: 'application/json' }));
        data.items.add(new File([b ?? ''], '半截.json', { type: 'application/json' }));
        return data;
      },
      [li, broken],
    );
    await page.locator('[data-drop-zone]').dispatchEvent('drop', { dataTransfer: transfer });
    await expect(page.locator('[data-load-report]')).toContainText(
      '本次读入 1 份自评、0 份评审意见；1 个文件未能读入',
    );
    await expect(page.locator('[data-rejected]')).toContainText('半截.json');
    await expect(page.locator('.archive-table tbody tr')).toHaveCount(4);
  });
});
