/**
 * `npm run rubric:import` on a 考核指南 nobody here wrote: seed 004's text for C4–C7 (pages
 * 51–56, read with no human correction), and the same four abilities as a Word file with real
 * tables and as a two-column PDF. The file it writes holds the handbook's own C4–C7, and
 * `rubric:add` takes it as it is. Files it cannot read are refused in Chinese, writing nothing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AbilityRubricInput } from '../../../../src/lib/grading/rubric-schema';
import { readGuide } from '../../../../src/lib/rubrics/guide/guide-parse';
import { documentFromText } from '../../../../src/lib/rubrics/guide/guide-text';
import { importPackText, type RubricPack } from '../../../../src/lib/rubrics/rubric-file';
import { CONTENT_DIR, readContentFile } from '../../../support/content-files';
import { comparable, handbookEntry, SEED_CODES } from '../../../support/guide-expect';
import { GUIDE_FILES, GUIDE_META } from '../../../fixtures/guide/make-guide-fixtures.mjs';

const REPO = join(import.meta.dirname, '../../../..');
const FIXTURES = join(REPO, 'tests/fixtures/guide');
const work = mkdtempSync(join(tmpdir(), 'rubric-import-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const ENTERED_BY = '徐水区特殊教育学校信息化管理团队';
const TITLE = '中小学教师信息技术应用能力提升工程2.0微能力点考核规范';

/** Pages 51–56 of seed 004: the 规范's text for C4–C7 as the compilation printed it. */
const seedGuide = readFileSync(join(REPO, 'sources/seeds/004_fec723f99a37eeaf.txt'), 'utf8')
  .split('\n')
  .slice(13, 520)
  .join('\n');

function rubricImport(args: string[], cwd = work) {
  const r = spawnSync('node', [join(REPO, 'scripts/cli/rubric-import.mjs'), ...args], {
    cwd,
    encoding: 'utf8',
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, output: `${r.stdout}\n${r.stderr}` };
}

/** As the admin runs it: a guide, who enters it, where the file goes, and any further options. */
const importGuide = (guide: string, out: string, ...more: string[]) =>
  rubricImport([guide, '--entered-by', ENTERED_BY, '--out', out, ...more]);

function writeGuide(name: string, content: string | Uint8Array): string {
  const path = join(work, name);
  writeFileSync(path, content);
  return path;
}

function readPack(path: string): RubricPack {
  const read = importPackText(readFileSync(path, 'utf8'));
  if (!read.ok) throw new Error(read.error);
  return read.pack;
}

/** The handbook's abilities as the command hands them to the reader. */
const refs = SEED_CODES.map((code) => {
  const { name, dimension, environment } = handbookEntry(code);
  return { code, name, dimension, environment };
});

function expectHandbookC4toC7(pack: RubricPack) {
  expect(pack.abilities.map((a) => a.code)).toEqual([...SEED_CODES]);
  for (const ability of pack.abilities) {
    expect(comparable(ability), ability.code).toEqual(comparable(handbookEntry(ability.code)));
  }
}

describe('npm run rubric:import on seed 004’s text for C4–C7', () => {
  const guide = join(work, '考核规范C4-C7.txt');
  const out = join(work, 'seed.json');
  let run: ReturnType<typeof rubricImport>;
  beforeAll(() => {
    writeFileSync(guide, seedGuide);
    run = importGuide(guide, out, '--title', TITLE);
  }, 60_000);

  it('writes C4–C7 equal to the handbook’s own entries: items, limits, forms, criteria', () => {
    expect(run.status, run.output).toBe(0);
    expectHandbookC4toC7(readPack(out));
  });

  it('names the source as given, and who entered it', () => {
    expect(readPack(out).source).toMatchObject({ title: TITLE, enteredBy: ENTERED_BY });
    expect(run.stdout).toContain(`已写入 seed.json：C4、C5、C6、C7，来源《${TITLE}》，由${ENTERED_BY}录入。`);
  });

  it('prints per ability, in Chinese, what it read: items, limits and criteria counts', () => {
    expect(run.stdout).toContain('C5 基于数据的个别化指导');
    // The handbook's C5: the case video (graded, 5 + 5 criteria, 10 minutes, teacher on camera).
    const c5 = handbookEntry('C5').evidence?.find((e) => e.label === '2');
    const line = run.stdout.split('\n').find((l) => l.trim().startsWith('2. 案例展示：'));
    expect(line).toContain(`优秀 ${c5?.criteria?.excellent.length} 条、合格 ${c5?.criteria?.pass.length} 条`);
    expect(line).toMatch(/10 分钟/);
    expect(run.stdout).toContain('下一步：在 /rubrics/ 打开这份文件');
  });

  it('refuses to overwrite the file without --force, and replaces it with --force', () => {
    writeFileSync(out, '同事改过的文件');
    const again = importGuide(guide, out, '--title', TITLE);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('“seed.json”已存在，没有改动它。确认要替换时，加上 --force 再运行');
    expect(readFileSync(out, 'utf8')).toBe('同事改过的文件');
    const forced = importGuide(guide, out, '--title', TITLE, '--force');
    expect(forced.status, forced.output).toBe(0);
    expectHandbookC4toC7(readPack(out));
  });

  it('without --out, writes 评价标准_<title>.json where it is run', () => {
    const here = join(work, 'default-out');
    mkdirSync(here);
    const r = rubricImport([guide, '--entered-by', ENTERED_BY, '--title', TITLE], here);
    expect(r.status, r.output).toBe(0);
    expectHandbookC4toC7(readPack(join(here, `评价标准_${TITLE}.json`)));
  });

  it('names a file written outside where it is run by its whole path', () => {
    const elsewhere = join(work, 'elsewhere');
    mkdirSync(elsewhere);
    const target = join(work, 'outside.json');
    const r = rubricImport([guide, '--entered-by', ENTERED_BY, '--title', TITLE, '--out', target], elsewhere);
    expect(r.status, r.output).toBe(0);
    expect(r.stdout).toContain(`已写入 ${target}：C4、C5、C6、C7`);
  });

  it('asks for --entered-by and for a title the document does not give, writing nothing', () => {
    const here = join(work, 'refusals');
    mkdirSync(here);
    const noOne = rubricImport([guide, '--title', TITLE], here);
    expect(noOne.status).toBe(1);
    expect(noOne.stderr).toContain('请用 --entered-by 写明录入人（个人或团队）');
    expect(noOne.stderr).toContain('用法：npm run rubric:import --');
    const noTitle = rubricImport([guide, '--entered-by', ENTERED_BY], here);
    expect(noTitle.status).toBe(1);
    expect(noTitle.stderr).toContain('没有读到考核指南的名称，没有写入任何文件。请用 --title 写明');
    expect(existsSync(join(here, `评价标准_${TITLE}.json`))).toBe(false);
  });
});

describe('npm run rubric:import where the flattened text is ambiguous', () => {
  it('writes the file but lists, under the ability, exactly what the reader flagged', () => {
    // C5's 优秀 list no longer ends with "。", and its 合格 list no longer repeats the first 优秀
    // criterion: nothing in the text shows where 合格 begins.
    const text = seedGuide
      .replace('略,对改进实践具有启发意义。', '略,对改进实践具有启发意义;')
      .replace(' 清晰、完整地呈现了从发现问题到\n', ' 较完整地呈现了从发现问题到\n');
    const reading = readGuide(documentFromText(text), refs);
    const c5 = reading.abilities.find((a) => a.code === 'C5');
    expect(c5?.flags.length).toBeGreaterThan(0);
    const out = join(work, 'ambiguous.json');
    const r = importGuide(writeGuide('含糊的考核指南.txt', text), out, '--title', TITLE);
    expect(r.status, r.output).toBe(0);
    const c5Report = r.stdout.slice(r.stdout.indexOf('C5 '), r.stdout.indexOf('C6 '));
    expect(c5Report).toContain('  需要核对：');
    for (const flag of c5?.flags ?? []) expect(c5Report).toContain(`    - ${flag.text}`);
    expect(r.stdout.split('  需要核对：\n').length - 1).toBe(
      reading.abilities.filter((a) => a.flags.length > 0).length,
    );
    expect(r.stdout).toContain('下一步：在 /rubrics/ 打开这份文件，逐项核对上面“需要核对”的地方');
    expect(readPack(out).abilities.map((a) => a.code)).toEqual([...SEED_CODES]);
  }, 60_000);
});

describe('npm run rubric:import on the Word and PDF fixtures', () => {
  for (const kind of ['docx', 'pdf'] as const) {
    it(`reads the .${kind} into C4–C7 equal to the handbook’s, its title and 文号 from the document`, () => {
      const out = join(work, `fixture-${kind}.json`);
      const r = importGuide(join(FIXTURES, GUIDE_FILES[kind]), out);
      expect(r.status, r.output).toBe(0);
      const pack = readPack(out);
      expectHandbookC4toC7(pack);
      expect(pack.source).toMatchObject({ ...GUIDE_META, enteredBy: ENTERED_BY });
    }, 60_000);
  }

  it('keeps a --title the person gave over the document’s, and says that they differ', () => {
    const out = join(work, 'fixture-titled.json');
    const r = importGuide(join(FIXTURES, GUIDE_FILES.docx), out, '--title', TITLE);
    expect(r.status, r.output).toBe(0);
    expect(readPack(out).source).toMatchObject({ title: TITLE, number: GUIDE_META.number });
    expect(r.stdout).toContain(
      `注意：命令行给出的考核指南名称（文件中是“${GUIDE_META.title}”）与文档不同，评价标准文件里用的是命令行给出的。`,
    );
  }, 60_000);
});

/** Bytes that look random but are the same on every run. */
function noise(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let i = 0, x = seed; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    bytes[i] = x >>> 24;
  }
  return bytes;
}

describe('npm run rubric:import refuses what it cannot read, in Chinese, writing nothing', () => {
  const cases: [string, () => string, string][] = [
    [
      'a scanned PDF',
      () => join(FIXTURES, GUIDE_FILES.scanned),
      '的 2 页都没有文字层，像是扫描或拍照得到的 PDF',
    ],
    [
      'random bytes',
      () => writeGuide('考核指南.pdf', noise(4096, 7)),
      '不是 Word（.docx）、PDF 或文本（.txt）文件',
    ],
    [
      'a damaged Word file',
      () => writeGuide('考核指南.docx', new Uint8Array([0x50, 0x4b, 3, 4, ...noise(4096, 11)])),
      '读不出来：文件可能已损坏，或者不是 Word 文档',
    ],
    [
      'a file over 30 MB',
      () => {
        const big = new Uint8Array(31 * 1024 * 1024);
        big.set(new TextEncoder().encode('%PDF-1.7\n'));
        return writeGuide('很大的考核指南.pdf', big);
      },
      '有 31.0 MB，超过了 30 MB 的上限',
    ],
    [
      'a text with no ability in it',
      () => writeGuide('通知.txt', '关于开展教师培训的通知\n各学校：请按时参加。\n'),
      '没有找到微能力点，没有写入任何文件',
    ],
  ];
  for (const [what, make, message] of cases) {
    it(
      what,
      () => {
        const out = join(work, `refused-${what.replace(/\s/g, '-')}.json`);
        const r = importGuide(make(), out, '--title', TITLE);
        expect(r.status).toBe(1);
        expect(r.stderr).toContain('没有写入任何文件');
        expect(r.stderr).toContain(message);
        expect(existsSync(out)).toBe(false);
      },
      60_000,
    );
  }
});

describe('rubric:add takes the imported file as it is', () => {
  const content = join(work, 'content');
  beforeAll(() => cpSync(CONTENT_DIR, content, { recursive: true }), 30_000);

  it('a guide that sets its own limits becomes that region’s entries, limits and all', () => {
    // A province that shortened the videos: 3 minutes for C4's descriptions, 8 for C5–C7's cases.
    const regional = seedGuide.replace('超过 5 分钟', '超过 3 分钟').replace(/不超过 10(?=\s)/g, '不超过 8');
    const guide = writeGuide('河北省考核指南.txt', regional);
    const out = join(work, 'hebei.json');
    const imported = importGuide(guide, out, '--title', `河北省${TITLE}`);
    expect(imported.status, imported.output).toBe(0);

    const added = spawnSync(
      'node',
      ['scripts/cli/rubric-add.mjs', out, '--region', 'hebei', '--content-dir', content],
      { cwd: REPO, encoding: 'utf8' },
    );
    expect(added.status, `${added.stdout}\n${added.stderr}`).toBe(0);
    const minutes = (code: string) =>
      (
        readContentFile(join(content, 'abilities/regions/hebei', `${code}.mdx`))
          .data as unknown as AbilityRubricInput
      ).evidence?.flatMap((e) => (e.limits?.maxMinutes ? [e.limits.maxMinutes] : []));
    expect(minutes('C4')).toEqual([3]);
    expect(minutes('C5')).toEqual([8, 2]);
    expect(minutes('C6')).toEqual([8]);
    expect(minutes('C7')).toEqual([8]);
    expect(added.stdout).toContain('可以评分：C4、C5、C6、C7。');
  }, 60_000);
});
