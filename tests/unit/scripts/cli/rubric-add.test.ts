/**
 * `npm run rubric:add` on a school's rubric file, then a real build from that content (as
 * content-build.test.ts does): the regional entry gets its own page, is in the search index,
 * and reaches the wizard as exactly the file's rubric, so it grades exactly as the file does.
 * (tests/e2e/rubrics.spec.ts takes the file from the editor through a colleague's wizard.)
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  gradeAbility,
  type AbilityEvidence,
  type EvidenceFile,
  type Rubric,
} from '../../../../src/lib/grading/grading';
import { typesetData } from '../../../../src/lib/content/chinese-typography';
import { exportPackText, makePack, schoolRubric } from '../../../../src/lib/rubrics/rubric-file';
import {
  abilityRubricSchema,
  handbookRubric,
  type AbilityRubricInput,
} from '../../../../src/lib/grading/rubric-schema';
import type { RegionalRubric } from '../../../../src/lib/rubrics/school-rubrics';
import type { RegionIndex, VersionFile } from '../../../../src/lib/rubrics/rubric-data';
import { buildSiteCopy } from '../../../../scripts/build/build-site-copy.mjs';
import { CONTENT_DIR } from '../../../support/content-files';

const REPO = join(import.meta.dirname, '../../../..');
const work = mkdtempSync(join(tmpdir(), 'rubric-add-'));
const content = join(work, 'content');
const outDir = join(work, 'dist');
const packFile = join(work, '评价标准.json');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const source = {
  title: '保定市中小学教师信息技术应用能力提升工程2.0校本应用考核指南（测试）',
  number: '保教〔2021〕9号',
  issuer: '保定市教育局',
  year: '2021',
  enteredBy: '徐水区实验小学信息化管理团队',
  enteredAt: '2025-03-01',
};
const pack = makePack(
  source,
  [
    {
      code: 'A6',
      name: '技术支持的课堂讲授',
      alternativeGroups: [{ id: 'task', label: '2', name: '讲授成果', instruction: '以下两项任选其一' }],
      evidence: [
        {
          id: 'design',
          label: '1',
          name: '讲授设计',
          forms: ['文本'],
          required: true,
          graded: true,
          limits: {},
          criteria: { excellent: ['目标明确: 重点突出', '技术选用恰当'], pass: ['目标明确'] },
        },
        {
          id: 'clip',
          label: '2a',
          name: '讲授片段',
          forms: ['视频'],
          required: true,
          graded: true,
          alternativeGroup: 'task',
          limits: { maxMinutes: 10, maxMinutesQualifier: '原则上', teacherOnCamera: true },
          criteria: { excellent: ['"讲授清晰"'], pass: ['- 讲授完整'] },
        },
        {
          id: 'works',
          label: '2b',
          name: '学生作品',
          forms: ['学生作品'],
          required: true,
          graded: true,
          alternativeGroup: 'task',
          limits: { count: 2 },
          criteria: { excellent: ['作品体现理解'], pass: ['作品完整'] },
        },
        {
          id: 'reflection',
          label: '3',
          name: '教学反思',
          forms: ['文本'],
          required: true,
          graded: false,
          limits: {},
        },
      ],
    },
  ],
  new Date('2025-03-01T08:00:00.000Z'),
);

function rubricAddFile(file: string, region: string, ...args: string[]) {
  const r = spawnSync(
    'node',
    ['scripts/cli/rubric-add.mjs', file, '--region', region, '--content-dir', content, ...args],
    {
      cwd: REPO,
      encoding: 'utf8',
    },
  );
  return { status: r.status, output: `${r.stdout}\n${r.stderr}` };
}

function rubricAdd(...args: string[]) {
  return rubricAddFile(packFile, 'baoding', ...args);
}

/** A5 as /rubrics/ pre-fills it from the handbook (every item 考核指南没有写明), with `change` made. */
function partialA5(change: (evidence: NonNullable<AbilityRubricInput['evidence']>) => void): string {
  const national = parse(
    /^---\n([\s\S]*?)\n---/.exec(readFileSync(join(content, 'abilities/A5.mdx'), 'utf8'))?.[1] ?? '',
  ) as Parameters<typeof handbookRubric>[0];
  const rubric = typesetData(handbookRubric({ ...national, alternativeGroups: [] }));
  change(rubric.evidence ?? []);
  const file = join(work, `A5-${Math.random().toString(36).slice(2)}.json`);
  const parsed = abilityRubricSchema.parse(rubric);
  writeFileSync(file, exportPackText(makePack(source, [parsed], new Date('2025-03-01T08:00:00.000Z'))));
  return file;
}

const regionalA5 = join(content, 'abilities/regions/baoding/A5.mdx');

const target = join(content, 'abilities/regions/baoding/A6.mdx');
let build: { status: number | null; output: string };

beforeAll(() => {
  cpSync(CONTENT_DIR, content, { recursive: true });
  writeFileSync(packFile, exportPackText(pack));
}, 30_000);

describe('npm run rubric:add', () => {
  it('writes one regional entry per ability, says so, and refuses to overwrite without --force', () => {
    const first = rubricAdd();
    expect(first.status, first.output).toBe(0);
    expect(first.output).toContain('已写入');
    expect(first.output).toContain('regions/baoding/A6.mdx（A6，河北省保定市版）');
    const written = readFileSync(target, 'utf8');

    writeFileSync(target, `${written}\n本地加的一句话。\n`);
    const again = rubricAdd();
    expect(again.status).toBe(1);
    expect(again.output).toContain('以下文件已存在，没有改动任何文件');
    expect(readFileSync(target, 'utf8')).toContain('本地加的一句话。');

    const forced = rubricAdd('--force');
    expect(forced.status, forced.output).toBe(0);
    expect(forced.output).toContain('已替换');
    expect(readFileSync(target, 'utf8')).toBe(written);
  });

  it('reads the file and the content folder from where the person typed the command', () => {
    // `npm run rubric:add` starts the command in the repository and says where the person was in
    // INIT_CWD: names typed there are read from there, and what is written is shown from there too.
    const npm = { ...process.env, INIT_CWD: work, npm_lifecycle_script: 'node scripts/cli/rubric-add.mjs' };
    const r = spawnSync(
      'node',
      [
        join(REPO, 'scripts/cli/rubric-add.mjs'),
        '评价标准.json',
        '--region',
        'baoding',
        '--content-dir',
        'content',
        '--force',
      ],
      { cwd: REPO, env: npm, encoding: 'utf8' },
    );
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
    expect(r.stdout).toContain('content/abilities/regions/baoding/A6.mdx（A6，河北省保定市版）');
    expect(existsSync(target)).toBe(true);
    const missing = spawnSync(
      'node',
      ['scripts/cli/rubric-add.mjs', '没有这个文件.json', '--region', 'baoding'],
      {
        cwd: REPO,
        env: npm,
        encoding: 'utf8',
      },
    );
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('找不到文件：没有这个文件.json');
  });

  it('refuses a region the policy tree does not know, listing the valid ones, writing nothing', () => {
    const r = rubricAddFile(packFile, 'baodin');
    expect(r.status).toBe(1);
    expect(r.output).toContain('没有地区“baodin”，没有写入任何文件');
    expect(r.output).toContain('baoding（河北省保定市）');
    expect(r.output).toContain('xushui（河北省保定市徐水区）');
    expect(existsSync(join(content, 'abilities/regions/baodin'))).toBe(false);
  });

  it('refuses a second identical version: the same file for a region under one that has it', () => {
    if (!existsSync(target)) expect(rubricAdd('--force').status).toBe(0);
    const r = rubricAddFile(packFile, 'xushui');
    expect(r.status).toBe(1);
    expect(r.output).toContain('评价标准与已有的版本完全相同，没有写入任何文件');
    expect(r.output).toContain('A6：与已添加的');
    expect(existsSync(join(content, 'abilities/regions/xushui'))).toBe(false);
  });

  it('refuses A5 left exactly as the handbook pre-fills it: a copy of the national entry', () => {
    const r = rubricAddFile(
      partialA5(() => undefined),
      'baoding',
    );
    expect(r.status).toBe(1);
    expect(r.output).toContain('A5：与本手册的国家版 A5 完全相同');
    expect(existsSync(regionalA5)).toBe(false);
  });

  it('says plainly which abilities cannot grade yet and what is missing', () => {
    const file = partialA5((evidence) => {
      const [first] = evidence;
      if (!first) throw new Error('A5 has items');
      Object.assign(first, {
        graded: true,
        criteria: { excellent: ['问题描述准确具体'], pass: ['说明了问题'] },
      });
    });
    const r = rubricAddFile(file, 'baoding');
    expect(r.status, r.output).toBe(0);
    expect(r.output).toContain('以下能力点还不能评分');
    expect(r.output).toContain('A5 还不能评分：第 2 项证据“课堂导入设计”：还没写明是否评分');
    expect(r.output).not.toContain('可以评分：');
    expect(existsSync(regionalA5)).toBe(true);
    expect(rubricAdd('--force').output).toContain('可以评分：A6。');
  });

  it('refuses a file that is not a rubric file, in Chinese, writing nothing', () => {
    const bad = join(work, 'bad.json');
    writeFileSync(bad, '{"app":"微能力手册","version":2,"profile":{}}');
    const r = spawnSync(
      'node',
      ['scripts/cli/rubric-add.mjs', bad, '--region', 'hebei', '--content-dir', content],
      {
        cwd: REPO,
        encoding: 'utf8',
      },
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('这是一份自评文件，不是评价标准文件');
    expect(existsSync(join(content, 'abilities/regions/hebei'))).toBe(false);
  });
});

/** The built site's data file for one regional version (what the wizard fetches), if any. */
function builtVersion(region: string, code: string): RegionalRubric | undefined {
  const path = join(outDir, 'data/rubrics/versions', region, `${code}.json`);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as VersionFile).entry : undefined;
}

/** The built index of what a teacher of `region` is offered, if the build wrote one. */
function regionIndexOf(region: string): RegionIndex | undefined {
  const path = join(outDir, 'data/rubrics/regions', `${region}.json`);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as RegionIndex) : undefined;
}

const offeredFile = (region: string, code: string) =>
  regionIndexOf(region)?.abilities.find((a) => a.code === code)?.file;

describe('after a build, the regional version', () => {
  beforeAll(async () => {
    if (!existsSync(target)) rubricAdd('--force');
    // `npm run build` renders the app icons before `astro build` (the offline copy precaches
    // them); this build calls `astro build` directly, so on a fresh clone they come first.
    const icons = spawnSync('node', ['scripts/build/build-icons.mjs'], { cwd: REPO, encoding: 'utf8' });
    if (icons.status !== 0) throw new Error(`build-icons failed: ${icons.stderr}`);
    build = await buildSiteCopy({ contentDir: content, outDir, cacheDir: join(work, 'cache') });
  }, 240_000);

  it('has its own page naming its source and who entered it, linked from the national page', () => {
    expect(build.status, build.output).toBe(0);
    const html = readFileSync(join(outDir, 'abilities/A6/baoding/index.html'), 'utf8');
    expect(html).toContain(
      '本页是河北省保定市的版本，依据《保定市中小学教师信息技术应用能力提升工程2.0校本应用考核指南（测试）》',
    );
    expect(html).toContain('由徐水区实验小学信息化管理团队录入');
    // The page typesets the criterion as Chinese, as the wizard does (schoolRubric).
    expect(html).toContain('目标明确：重点突出');
    expect(readFileSync(join(outDir, 'abilities/A6/index.html'), 'utf8')).toContain(
      'href="/abilities/A6/baoding/"',
    );
  });

  it('is in the search index, with its source guide as searchable text', () => {
    const dir = join(outDir, 'pagefind/fragment');
    const fragments = readdirSync(dir).map((f) => gunzipSync(readFileSync(join(dir, f))).toString('utf8'));
    const page = fragments.find((f) => f.includes('"url":"/abilities/A6/baoding/"'));
    expect(page).toBeDefined();
    // Pagefind separates Chinese words with zero-width spaces.
    expect(page?.replace(/\u200b/g, '')).toContain(
      '保定市中小学教师信息技术应用能力提升工程2.0校本应用考核指南',
    );
  });

  it('reaches the wizard as the file’s rubric, for teachers of 保定 and of 徐水 under it, and grades alike', () => {
    const regional = builtVersion('baoding', 'A6');
    expect(regional).toBeDefined();
    // A teacher of 保定, and of 徐水 under it, is pointed to that version; one of 河北 is not.
    expect(offeredFile('baoding', 'A6')).toBe('versions/baoding/A6.json');
    expect(offeredFile('xushui', 'A6')).toBe('versions/baoding/A6.json');
    expect(offeredFile('hebei', 'A6')).toBeUndefined();
    if (!regional) return;
    expect(regional.appliesTo).toEqual(expect.arrayContaining(['baoding', 'xushui']));
    expect(regional.appliesTo).not.toContain('hebei');
    expect(regional.canGrade).toBe(true);
    const [a6] = pack.abilities;
    if (!a6) throw new Error('fixture pack has A6');
    const fromFile = schoolRubric(a6);
    const built: Rubric = regional.rubric;
    expect({ ...built, origin: '学校文件', source: undefined }).toEqual({ ...fromFile, source: undefined });
    expect(built.source).toMatchObject({
      title: source.title,
      number: source.number,
      enteredBy: source.enteredBy,
    });

    const itemArb = fc.record({
      present: fc.boolean(),
      files: fc.constant<EvidenceFile[]>([]),
      manualMinutes: fc.option(fc.integer({ min: 1, max: 15 }), { nil: undefined }),
      manualCount: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
      teacherOnCamera: fc.option(fc.boolean(), { nil: undefined }),
      excellent: fc.subarray([0, 1]),
      pass: fc.subarray([0]),
    });
    fc.assert(
      fc.property(
        fc.record({ design: itemArb, clip: itemArb, works: itemArb, reflection: itemArb }),
        fc.constantFrom('clip', 'works', 'none'),
        (items, choice) => {
          const evidence: AbilityEvidence = { chosen: choice === 'none' ? {} : { task: choice }, items };
          expect(gradeAbility(built, evidence)).toEqual(gradeAbility(fromFile, evidence));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a version that cannot grade yet still reaches 保定 and 徐水 teachers, marked so', () => {
    const a5 = builtVersion('baoding', 'A5');
    expect(a5).toMatchObject({ canGrade: false });
    for (const region of ['baoding', 'xushui']) {
      expect(regionIndexOf(region)?.abilities.find((a) => a.code === 'A5')).toMatchObject({
        canGrade: false,
      });
    }
    expect(a5?.appliesTo).toEqual(expect.arrayContaining(['baoding', 'xushui']));
  });
});
