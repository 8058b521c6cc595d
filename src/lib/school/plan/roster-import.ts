/**
 * The staff list a school already has (姓名, 学科, 学段, 类别), saved by Excel or WPS as CSV or
 * .xlsx, read into the plan's roster. Each row that cannot be taken is listed with its line and
 * the reason in Chinese; the rest is read. Nothing is evaluated: a cell that looks like a
 * formula (=1+2) is kept as the text it is. Never throws: a file that cannot be read at all
 * gives one reason, and the roster being edited stays as it was.
 *
 * CSV: Excel in China saves “CSV (逗号分隔)” in the system's code page, GBK, so bytes that are not
 * UTF-8 (with or without the byte-order mark) or UTF-16 are read as GB 18030, GBK's superset.
 * Separators: comma, tab (Excel's “Unicode 文本”) or semicolon; papaparse guesses among them.
 * .xlsx: read-excel-file, a maintained reader for browsers whose only dependencies are a zip and
 * an XML parser; npm's `xlsx` (0.18.5) has a known prototype-pollution flaw and SheetJS no longer
 * publishes fixes there, and @e965/xlsx repackages the same large library. Both readers load only
 * when a file is imported.
 */
import { decodeLocalText } from '../../files/versioned-file';
import { PLAN_BOUNDS, type RosterTeacher } from './plan-file';

/** Largest staff list read, in bytes. */
export const MAX_ROSTER_BYTES = 8 * 1024 * 1024;
/** Rows read at most, empty ones included: twice the largest roster. */
export const MAX_ROSTER_ROWS = 10_000;
/** Uncompressed size of an .xlsx's parts at most: a zip bomb is refused before it is inflated. */
export const MAX_XLSX_UNPACKED_BYTES = 64 * 1024 * 1024;
/** Rows searched for the header (a title line or two often come first). */
const HEADER_SEARCH_ROWS = 20;

export interface RosterRow {
  teacher: RosterTeacher;
  /** The row in the file as Excel numbers it (1-based). */
  line: number;
  /** What the principal should look at, e.g. a name that appears twice. */
  notes: string[];
}

export type RosterImport =
  | {
      ok: true;
      rows: RosterRow[];
      /** Rows not taken, each with its line and reason. */
      problems: string[];
      /** Empty rows skipped. */
      skipped: number;
      /** The columns found, for the preview: 姓名 in column A … */
      columns: string[];
    }
  | { ok: false; error: string };

type Field = keyof RosterTeacher;

const FIELD_NAMES: Record<Field, string> = { name: '姓名', subject: '学科', stage: '学段', category: '类别' };

/** Header cells as schools write them, compared without spaces and case. */
const HEADERS: Record<Field, readonly string[]> = {
  name: ['姓名', '教师姓名', '教师', 'name'],
  subject: ['学科', '任教学科', '科目', 'subject'],
  stage: ['学段', '任教学段', 'stage'],
  category: ['类别', '分类', '教师类别', '人员类别', 'category'],
};

const normalHeader = (cell: string) => cell.replace(/[\s\u3000:：*＊]/g, '').toLowerCase();

const LIMITS: Record<Field, number> = {
  name: PLAN_BOUNDS.nameChars,
  subject: PLAN_BOUNDS.fieldChars,
  stage: PLAN_BOUNDS.fieldChars,
  category: PLAN_BOUNDS.fieldChars,
};

/**
 * A name as written once: Chinese staff lists pad two-character names with spaces to line them
 * up with three-character ones (王  芳), so spaces inside a name of Chinese characters go; a
 * name in Latin letters keeps single spaces between its words.
 */
export function normalName(cell: string): string {
  const trimmed = cell.replace(/[\s\u3000]+/g, ' ').trim();
  return /^[\p{Script=Han}·•・ ]+$/u.test(trimmed) ? trimmed.replace(/ /g, '') : trimmed;
}

/** A sheet's cells as text: numbers as written, dates as YYYY-MM-DD, nothing as ''. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

const column = (i: number) => (i < 26 ? String.fromCharCode(65 + i) : `第 ${i + 1} `);

/** Rows of cells (any sheet or CSV) into roster rows. Never throws. */
export function rosterFromCells(cells: readonly (readonly unknown[])[]): RosterImport {
  try {
    if (cells.length > MAX_ROSTER_ROWS) return tooManyRows(cells.length);
    const headerAt = cells
      .slice(0, HEADER_SEARCH_ROWS)
      .findIndex((row) => findColumns(row).name !== undefined);
    if (headerAt === -1) {
      return {
        ok: false,
        error:
          '没有找到“姓名”列：请确认名单的表头一行写有“姓名”（或“教师姓名”），以及“学科”“学段”“类别”等列。',
      };
    }
    const columns = findColumns(cells[headerAt] ?? []);
    const rows: RosterRow[] = [];
    const problems: string[] = [];
    let skipped = 0;
    const first = new Map<string, RosterRow>();
    for (let i = headerAt + 1; i < cells.length; i++) {
      const line = i + 1;
      const texts = (cells[i] ?? []).map(cellText);
      if (texts.every((t) => t.trim() === '')) {
        skipped++;
        continue;
      }
      const teacher = { name: '', subject: '', stage: '', category: '' };
      const tooLong: string[] = [];
      for (const field of Object.keys(FIELD_NAMES) as Field[]) {
        const at = columns[field];
        const raw = at === undefined ? '' : (texts[at] ?? '');
        const value = field === 'name' ? normalName(raw) : raw.replace(/[\s\u3000]+/g, ' ').trim();
        if (value.length > LIMITS[field]) tooLong.push(`${FIELD_NAMES[field]}超过 ${LIMITS[field]} 个字`);
        else teacher[field] = value;
      }
      if (tooLong.length > 0) {
        problems.push(`第 ${line} 行：${tooLong.join('，')}，这一行没有导入。`);
        continue;
      }
      if (teacher.name === '') {
        problems.push(`第 ${line} 行：没有姓名，这一行没有导入。`);
        continue;
      }
      if (rows.length >= PLAN_BOUNDS.teachers) {
        return {
          ok: false,
          error: `名单超过 ${PLAN_BOUNDS.teachers} 人，学校考核方案放不下。请只导入参加本轮考核的教师。`,
        };
      }
      const notes: string[] = [];
      const earlier = first.get(teacher.name);
      if (earlier) {
        notes.push(
          `与第 ${earlier.line} 行同名，两行都已保留：如是同一人，请删去一行；如是两位教师，请在姓名后注明以便区分。`,
        );
        if (earlier.notes.length === 0) earlier.notes.push('有同名教师，见下文。');
      }
      const row = { teacher, line, notes };
      if (!earlier) first.set(teacher.name, row);
      rows.push(row);
    }
    const found = (Object.keys(FIELD_NAMES) as Field[]).flatMap((f) => {
      const at = columns[f];
      return at === undefined ? [] : [`${FIELD_NAMES[f]}：${column(at)}列`];
    });
    return { ok: true, rows, problems, skipped, columns: found };
  } catch {
    return { ok: false, error: '读取名单时出错，无法导入。' };
  }
}

function findColumns(row: readonly unknown[]): Partial<Record<Field, number>> {
  const found: Partial<Record<Field, number>> = {};
  row.forEach((cell, i) => {
    const header = normalHeader(cellText(cell));
    for (const field of Object.keys(HEADERS) as Field[]) {
      if (found[field] === undefined && HEADERS[field].includes(header)) found[field] = i;
    }
  });
  return found;
}

function tooManyRows(count: number): RosterImport {
  return {
    ok: false,
    error: `文件有 ${count > MAX_ROSTER_ROWS ? `超过 ${MAX_ROSTER_ROWS}` : count} 行，不像一份教师名单。请确认选择的是本校的教师名单。`,
  };
}

function tooBig(bytes: number): RosterImport {
  return {
    ok: false,
    error: `文件过大（${(bytes / 1024 / 1024).toFixed(1)} MB），教师名单不会超过 ${MAX_ROSTER_BYTES / 1024 / 1024} MB。请确认选择的是本校的教师名单。`,
  };
}

/** A staff list saved as CSV (any separator Excel or WPS writes, any encoding they save in). Never rejects. */
export async function readRosterCsv(bytes: Uint8Array): Promise<RosterImport> {
  try {
    if (bytes.length > MAX_ROSTER_BYTES) return tooBig(bytes.length);
    const text = decodeLocalText(bytes);
    const { default: Papa } = await import('papaparse');
    // Two rows past the limit: the line end after the last row, and one more to know it is more.
    const parsed = Papa.parse<string[]>(text, {
      delimitersToGuess: [',', '\t', ';'],
      preview: MAX_ROSTER_ROWS + 2,
      skipEmptyLines: false,
    });
    const rows = parsed.data;
    // The line end after the last row is not a row of its own.
    const last = rows.at(-1);
    if (!parsed.meta.truncated && last && last.length === 1 && last[0] === '') rows.pop();
    if (parsed.meta.truncated || rows.length > MAX_ROSTER_ROWS) return tooManyRows(rows.length);
    const result = rosterFromCells(rows);
    if (!result.ok) return result;
    // An unclosed quote runs the rest of the file into one cell: say where it starts.
    const quotes = parsed.errors.filter((e) => e.type === 'Quotes').map((e) => e.row);
    if (quotes.length > 0) {
      const at = quotes[0] ?? 0;
      result.problems.unshift(
        `第 ${at + 1} 行起引号不成对，其后的内容可能错位，请在 Excel 中检查后重新保存。`,
      );
    }
    return result;
  } catch {
    return { ok: false, error: '读取 CSV 名单时出错，无法导入。' };
  }
}

/** A staff list saved as .xlsx by Excel or WPS: its first sheet. Never rejects. */
export async function readRosterXlsx(bytes: Uint8Array): Promise<RosterImport> {
  try {
    if (bytes.length > MAX_ROSTER_BYTES) return tooBig(bytes.length);
    const unpacked = await unpackedSize(bytes);
    if (unpacked === undefined) {
      return {
        ok: false,
        error:
          '文件不是有效的 .xlsx 表格（可能已损坏，或是旧版 .xls）。请在 Excel 或 WPS 中另存为 .xlsx 或 CSV 后再导入。',
      };
    }
    if (unpacked > MAX_XLSX_UNPACKED_BYTES)
      return { ok: false, error: '表格解压后过大，不像一份教师名单，没有导入。' };
    const { readSheet } = await import('read-excel-file/universal');
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const sheet = await readSheet(buffer);
    return rosterFromCells(sheet);
  } catch {
    return {
      ok: false,
      error:
        '无法读取这个 .xlsx 表格（可能已损坏或加了密码）。请在 Excel 或 WPS 中另存为 .xlsx 或 CSV 后再导入。',
    };
  }
}

/** The sizes an .xlsx's zip directory declares, added up, without inflating anything. */
async function unpackedSize(bytes: Uint8Array): Promise<number | undefined> {
  const { unzipSync } = await import('fflate');
  let total = 0;
  try {
    unzipSync(bytes, {
      filter: (file) => {
        total += file.originalSize;
        return false;
      },
    });
  } catch {
    return undefined;
  }
  return total;
}

/** A picked staff list by its name: .xlsx, or CSV/text. Never rejects. */
export async function readRosterFile(file: { name: string; bytes: Uint8Array }): Promise<RosterImport> {
  if (/\.xlsx$/i.test(file.name)) return readRosterXlsx(file.bytes);
  if (/\.xls$/i.test(file.name)) {
    return {
      ok: false,
      error: '这是旧版 Excel 文件（.xls）：请在 Excel 或 WPS 中另存为 .xlsx 或 CSV 后再导入。',
    };
  }
  if (/\.(csv|txt|tsv)$/i.test(file.name)) return readRosterCsv(file.bytes);
  return { ok: false, error: '只能导入 .xlsx 或 CSV 格式的教师名单。' };
}
