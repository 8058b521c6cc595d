import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeLocalText } from '../../../../src/lib/files/versioned-file';
import {
  MAX_ROSTER_BYTES,
  MAX_ROSTER_ROWS,
  normalName,
  readRosterCsv,
  readRosterFile,
  readRosterXlsx,
  rosterFromCells,
  type RosterImport,
  type RosterRow,
} from '../../../../src/lib/school/plan/roster-import';
import { makePlan, PLAN_BOUNDS, readPlan } from '../../../../src/lib/school/plan/plan-file';
import { encodeAs, encodeGbk } from '../../../support/encodings';
import { makeXlsx } from '../../../support/xlsx';
import { SAVED, XUSHUI_PLAN } from '../../../support/plan-fixtures';

const STAFF = [
  ['徐水区实验小学 2024 学年教师名单'],
  ['序号', ' 教师 姓名 ', '任教学科', '学段', '教师类别'],
  ['1', '王  芳', '语文', '小学', '骨干'],
  ['2', '李娜', '数学', '小学', '其他'],
  ['', '', '', '', ''],
  ['3', '赵敏', '美术', '小学', '50岁以上'],
];

const csv = (rows: readonly (readonly string[])[], separator = ',') =>
  `${rows.map((r) => r.map((c) => (/[",;\t\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(separator)).join('\r\n')}\r\n`;

function taken(result: RosterImport) {
  expect(result.ok).toBe(true);
  return result.ok ? result : { rows: [], problems: [], skipped: 0, columns: [] };
}

const names = (result: { rows: readonly RosterRow[] }) => result.rows.map((r) => r.teacher.name);

describe('CSV staff lists', () => {
  it('reads UTF-8 with and without the byte-order mark, UTF-16 and GBK alike', async () => {
    const text = csv(STAFF);
    for (const bytes of [
      encodeAs(text, 'utf-8'),
      encodeAs(text, 'utf-8-bom'),
      encodeAs(text, 'utf-16le'),
      encodeGbk(text),
    ]) {
      const result = taken(await readRosterCsv(bytes));
      expect(result.rows.map((r) => r.teacher)).toEqual([
        { name: '王芳', subject: '语文', stage: '小学', category: '骨干' },
        { name: '李娜', subject: '数学', stage: '小学', category: '其他' },
        { name: '赵敏', subject: '美术', stage: '小学', category: '50岁以上' },
      ]);
      expect(result.rows.map((r) => r.line)).toEqual([3, 4, 6]);
      expect(result.skipped).toBe(1);
      expect(result.columns).toEqual(['姓名：B列', '学科：C列', '学段：D列', '类别：E列']);
    }
  });

  it('tells GBK from UTF-8 by whether the bytes are valid UTF-8', () => {
    expect(decodeLocalText(encodeGbk('姓名,学科\r\n张伟,英语'))).toBe('姓名,学科\r\n张伟,英语');
    expect(decodeLocalText(new TextEncoder().encode('姓名,学科'))).toBe('姓名,学科');
  });

  it('takes comma, tab or semicolon, and header names in any case and spacing', async () => {
    const rows = [
      ['NAME', 'Subject', '学 段', '分类'],
      ['Li Lei', 'English', '初中', '其他'],
    ];
    for (const separator of [',', '\t', ';']) {
      const result = taken(await readRosterCsv(new TextEncoder().encode(csv(rows, separator))));
      expect(result.rows.map((r) => r.teacher)).toEqual([
        { name: 'Li Lei', subject: 'English', stage: '初中', category: '其他' },
      ]);
    }
  });

  it('keeps both rows of a name that appears twice, with a note on each', async () => {
    const rows = [
      ['姓名', '学科'],
      ['王芳', '语文'],
      ['王 芳', '数学'],
      ['李娜', '数学'],
    ];
    const result = taken(await readRosterCsv(new TextEncoder().encode(csv(rows))));
    expect(names(result)).toEqual(['王芳', '王芳', '李娜']);
    expect(result.rows[1]?.notes[0]).toBe(
      '与第 2 行同名，两行都已保留：如是同一人，请删去一行；如是两位教师，请在姓名后注明以便区分。',
    );
    expect(result.rows[0]?.notes).toEqual(['有同名教师，见下文。']);
    expect(result.rows[2]?.notes).toEqual([]);
  });

  it('keeps formula-looking cells as the text they are, never their value', async () => {
    const rows = [
      ['姓名', '学科', '类别'],
      ['=1+2', '@SUM(A1:A2)', '+cmd|calc'],
      ['-2+3', '＝HYPERLINK("x")', '骨干'],
    ];
    const result = taken(await readRosterCsv(new TextEncoder().encode(csv(rows))));
    expect(result.rows.map((r) => r.teacher)).toEqual([
      { name: '=1+2', subject: '@SUM(A1:A2)', stage: '', category: '+cmd|calc' },
      { name: '-2+3', subject: '＝HYPERLINK("x")', stage: '', category: '骨干' },
    ]);
  });

  it('lists each row it cannot take, with its line, and takes the rest', async () => {
    const rows = [
      ['姓名', '学科'],
      ['', '语文'],
      ['王芳', '语'.repeat(21)],
      ['李娜', '数学'],
    ];
    const result = taken(await readRosterCsv(new TextEncoder().encode(csv(rows))));
    expect(names(result)).toEqual(['李娜']);
    expect(result.problems).toEqual([
      '第 2 行：没有姓名，这一行没有导入。',
      '第 3 行：学科超过 20 个字，这一行没有导入。',
    ]);
  });

  it('says where an unclosed quote starts', async () => {
    const text = '姓名,学科\r\n王芳,语文\r\n"李娜,数学\r\n张伟,英语\r\n';
    const result = taken(await readRosterCsv(new TextEncoder().encode(text)));
    expect(result.problems[0]).toContain('引号不成对');
  });

  it('refuses a file with no 姓名 column, naming the columns it looks for', async () => {
    const result = await readRosterCsv(new TextEncoder().encode('编号,科目\r\n1,语文\r\n'));
    expect(result).toEqual({ ok: false, error: expect.stringContaining('没有找到“姓名”列') as unknown });
  });

  it('reads 10,000 rows (a full roster among empty ones) and refuses more rows or more teachers', async () => {
    const full = [
      ['姓名', '类别'],
      ...Array.from({ length: PLAN_BOUNDS.teachers }, (_, i) => [`教师${i}`, '其他']),
    ];
    const padded = [...full, ...Array.from({ length: MAX_ROSTER_ROWS - full.length }, () => ['', ''])];
    const started = Date.now();
    const result = taken(await readRosterCsv(new TextEncoder().encode(csv(padded))));
    expect(result.rows).toHaveLength(PLAN_BOUNDS.teachers);
    expect(result.skipped).toBe(MAX_ROSTER_ROWS - full.length);
    expect(Date.now() - started).toBeLessThan(5000);
    const tooMany = [...full, ['多一位', '其他']];
    expect(await readRosterCsv(new TextEncoder().encode(csv(tooMany)))).toEqual({
      ok: false,
      error: `名单超过 ${PLAN_BOUNDS.teachers} 人，学校考核方案放不下。请只导入参加本轮考核的教师。`,
    });
    // A teacher after the limit is never dropped silently, even behind a blank line.
    const behind = `${csv(padded)}\r\n王五,其他\r\n`;
    expect(await readRosterCsv(new TextEncoder().encode(behind))).toEqual({
      ok: false,
      error: expect.stringContaining(`超过 ${MAX_ROSTER_ROWS}`) as unknown,
    });
    const rows = await readRosterCsv(new TextEncoder().encode(csv([...padded, ['', '']])));
    expect(rows).toEqual({ ok: false, error: expect.stringContaining(`超过 ${MAX_ROSTER_ROWS}`) as unknown });
  });

  it('bounds a 1 MB cell: the row is listed, the others are read', async () => {
    const text = csv([
      ['姓名', '学科'],
      ['王芳', 'x'.repeat(1024 * 1024)],
      ['李娜', '数学'],
    ]);
    const result = taken(await readRosterCsv(new TextEncoder().encode(text)));
    expect(names(result)).toEqual(['李娜']);
    expect(result.problems).toEqual(['第 2 行：学科超过 20 个字，这一行没有导入。']);
    const huge = await readRosterCsv(new Uint8Array(MAX_ROSTER_BYTES + 1));
    expect(huge).toEqual({ ok: false, error: expect.stringContaining('文件过大') as unknown });
  });

  it('never throws and always answers in Chinese, whatever the bytes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 300 }),
          fc
            .array(fc.array(fc.string({ maxLength: 8 }), { maxLength: 5 }), { maxLength: 8 })
            .map((rows) => new TextEncoder().encode(csv([['姓名', '学科', '学段', '类别'], ...rows]))),
        ),
        async (bytes) => {
          const result = await readRosterCsv(bytes);
          const texts = result.ok ? result.problems : [result.error];
          for (const text of texts) expect(text).toMatch(/[\u4e00-\u9fff]/);
          if (result.ok) {
            for (const row of result.rows) {
              expect(row.teacher.name.trim()).not.toBe('');
              expect(row.teacher.name.length).toBeLessThanOrEqual(PLAN_BOUNDS.nameChars);
            }
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('.xlsx staff lists', () => {
  it('reads the first sheet as Excel or WPS saves it, header below a title, cached values as text', async () => {
    const bytes = makeXlsx([
      ['徐水区实验小学教师名单'],
      ['序号', '姓名', '学科', '学段', '类别'],
      [1, '王  芳', '语文', '小学', '骨干'],
      [null],
      [2, '=1+2', { formula: 'CONCAT("数","学")', cached: '数学' }, '小学', '其他'],
      [3, '王芳', '音乐', '小学', '其他'],
    ]);
    const result = taken(await readRosterFile({ name: '名单.XLSX', bytes }));
    expect(result.rows.map((r) => r.teacher)).toEqual([
      { name: '王芳', subject: '语文', stage: '小学', category: '骨干' },
      { name: '=1+2', subject: '数学', stage: '小学', category: '其他' },
      { name: '王芳', subject: '音乐', stage: '小学', category: '其他' },
    ]);
    expect(result.rows[2]?.notes[0]).toContain('与第 3 行同名');
  });

  it('refuses a damaged .xlsx and an old .xls in Chinese', async () => {
    const good = makeXlsx([['姓名'], ['王芳']]);
    expect(await readRosterXlsx(good.slice(0, 200))).toEqual({
      ok: false,
      error: expect.stringContaining('.xlsx') as unknown,
    });
    expect(await readRosterFile({ name: '名单.xls', bytes: good })).toEqual({
      ok: false,
      error: expect.stringContaining('旧版 Excel 文件') as unknown,
    });
    expect(await readRosterFile({ name: '名单.docx', bytes: good })).toEqual({
      ok: false,
      error: '只能导入 .xlsx 或 CSV 格式的教师名单。',
    });
  });

  it('refuses a zip whose parts would inflate past the limit, before inflating them', async () => {
    const bomb = makeXlsx([['姓名'], ['x'.repeat(65 * 1024 * 1024)]], 1);
    expect(bomb.length).toBeLessThan(MAX_ROSTER_BYTES);
    expect(await readRosterXlsx(bomb)).toEqual({
      ok: false,
      error: '表格解压后过大，不像一份教师名单，没有导入。',
    });
  }, 60_000);

  it('never throws on any bytes given as .xlsx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), async (bytes) => {
        const result = await readRosterXlsx(bytes);
        expect(result.ok).toBe(false);
      }),
      { numRuns: 60 },
    );
  });
});

describe('into the plan', () => {
  it('gives rows the plan schema takes as its roster', async () => {
    const result = taken(await readRosterCsv(encodeGbk(csv(STAFF))));
    const plan = makePlan(
      { ...structuredClone(XUSHUI_PLAN), roster: result.rows.map((r) => r.teacher), assignments: [] },
      SAVED,
    );
    expect(readPlan(plan)).toMatchObject({ ok: true });
  });

  it('writes a Chinese name once, however it was padded, and keeps Latin names spaced', () => {
    expect(normalName(' 王\u3000 芳 ')).toBe('王芳');
    expect(normalName('阿依古丽·买买提')).toBe('阿依古丽·买买提');
    expect(normalName('  John   Smith ')).toBe('John Smith');
    expect(rosterFromCells([['姓名'], ['欧阳  娜娜']])).toMatchObject({
      ok: true,
      rows: [{ teacher: { name: '欧阳娜娜' } }],
    });
  });
});
