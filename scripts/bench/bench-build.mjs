#!/usr/bin/env node
/**
 * Build-time benchmark: wall time of `astro build` (Pagefind indexing included) for the
 * shipped content, then for synthetic content folders of 100, 300 and 1,000 micro-ability
 * entries, the build time per entry, and how the time grows (1,000 / 100; target ≤ 12, i.e. about
 * linear). For each build it prints the size of the three pages whose islands grade
 * (/self-check/, /review/, /rubrics/; target ≤ 80 KB each at every size: the rubrics are data
 * files, not props), the regional rubrics' data files, and any file the offline copy left out of
 * its precache for its size (the build warns; it does not fail).
 *
 * The synthetic entries are regional variants (abilities/regions/r<k>/<code>.mdx) beside the 30
 * national files, cycling through the 30 codes, each with 2–3 evidence items, graded criteria,
 * limits and a ~300-character body. Every build writes to its own temporary out and cache
 * folder (dist/ is left alone); the temporary folders are removed at the end. The PDF fonts
 * are made once first (`node scripts/build/build-pdf-font.mjs`), as `npm run build` would, and one
 * untimed warm-up build runs before the timed ones.
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { buildSiteCopy } from '../build/build-site-copy.mjs';

const CONTENT_DIR = 'src/content';
const SIZES = [100, 300, 1000];
const work = mkdtempSync(join(tmpdir(), 'handbook-bench-build-'));

/** Stops the benchmark with the command's exit status and the end of what it printed. */
function fail(what, { status, output }) {
  console.error(`${what} failed (exit ${status}):`);
  console.error(output.split('\n').slice(-40).join('\n'));
  rmSync(work, { recursive: true, force: true });
  process.exit(1);
}

/** A finished `spawnSync` as `fail` reads it. */
function ran(result) {
  // eslint-disable-next-line no-control-regex -- strips the terminal colour codes Astro prints
  const output = `${result.stdout ?? ''}\n${result.stderr ?? ''}`.replace(/\x1b\[[0-9;]*m/g, '');
  return { status: result.status ?? result.signal ?? result.error, output };
}

function countPages(dir) {
  let n = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.html')) n += 1;
  }
  return n;
}

/** One `astro build` of `contentDir` into its own out and cache folder (build-site-copy.mjs). */
async function build(name, contentDir) {
  const outDir = join(work, name, 'dist');
  const result = await buildSiteCopy({ contentDir, outDir, cacheDir: join(work, name, 'cache') });
  return { result, outDir };
}

const GRADING_PAGES = ['self-check', 'review', 'rubrics'];
const PAGE_LIMIT_KB = 80;

/** The data files under data/rubrics/: how many, their total and their largest size. */
function rubricData(outDir) {
  const dir = join(outDir, 'data', 'rubrics');
  if (!existsSync(dir)) return { files: 0, totalKb: 0, largestKb: 0 };
  const sizes = readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => statSync(join(e.parentPath, e.name)).size / 1024);
  return { files: sizes.length, totalKb: sizes.reduce((a, b) => a + b, 0), largestKb: Math.max(...sizes) };
}

async function timedBuild(name, contentDir) {
  const start = process.hrtime.bigint();
  const { result, outDir } = await build(name, contentDir);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.status !== 0) fail(`astro build (${name})`, result);
  const pageKb = Object.fromEntries(
    GRADING_PAGES.map((p) => [p, statSync(join(outDir, p, 'index.html')).size / 1024]),
  );
  const leftOut = result.output.split('\n').filter((l) => l.includes('不预先保存'));
  return { seconds, pages: countPages(outDir), pageKb, data: rubricData(outDir), leftOut };
}

/** The three grading pages' HTML, each marked ✗ over the limit; the data files; what the precache left out. */
function describe({ pageKb, data, leftOut }) {
  const pages = GRADING_PAGES.map(
    (p) => `/${p}/ ${pageKb[p].toFixed(1)} KB${pageKb[p] > PAGE_LIMIT_KB ? ' ✗' : ''}`,
  ).join(', ');
  console.log(`      HTML: ${pages} (target ≤ ${PAGE_LIMIT_KB} KB each)`);
  if (data.files > 0)
    console.log(
      `      data/rubrics/: ${data.files} files, ${data.totalKb.toFixed(0)} KB in all, largest ${data.largestKb.toFixed(1)} KB`,
    );
  for (const line of leftOut) console.log(`      precache warning: ${line.trim()}`);
}

// --- synthetic content -------------------------------------------------------------------

/** Code, name, environment and dimension of the 30 national entries, from their front matter. */
function nationalEntries() {
  const dir = join(CONTENT_DIR, 'abilities');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => parse(readFileSync(join(dir, f), 'utf8').split(/^---$/m)[1]))
    .map(({ code, name, environment, dimension }) => ({ code, name, environment, dimension }));
}

/** Small deterministic generator, so every run writes the same files. */
function random(seed) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}
const pickMany = (rand, pool, n) => {
  const copy = [...pool];
  const out = [];
  while (out.length < n && copy.length > 0) out.push(copy.splice(Math.floor(rand() * copy.length), 1)[0]);
  return out;
};

const EXCELLENT = [
  '清晰、完整地呈现了从发现问题、分析问题到解决问题的全过程，各环节衔接自然；',
  '围绕教学目标从多个渠道收集了多种数据，数据来源可靠、采集方法合理，能够支撑结论；',
  '技术工具的选择与学科特点和学生实际相适应，应用过程规范，能有效提升教学效率；',
  '能够结合学生个体表现对学习过程进行综合评价，分析细致深入，考虑到了多种影响因素；',
  '活动设计具有一定的创新性，体现了以学生为中心的理念，对同类课堂具有借鉴价值；',
  '反思客观、全面，总结提炼了可迁移的方法和策略，并提出了切实可行的改进计划；',
  '学生参与度高，互动充分，学生的学习兴趣和自主学习能力得到了明显提升；',
  '视频画面清晰、声音清楚，剪辑合理，教师个人形象出现且讲解条理清楚、重点突出。',
];
const PASS = [
  '较为完整地呈现了活动过程，能够说明技术在教学中的作用；',
  '收集的数据基本可靠，能够据此对学生学习情况做出初步分析；',
  '技术工具的使用基本规范，与教学内容有一定的结合；',
  '活动设计符合学生认知特点，教学目标基本达成；',
  '能够结合实施情况进行反思，提出了一定的改进思路；',
  '提交材料格式符合要求，时长未超过规定，内容与主题相符。',
];
const BODY = [
  '本地区在推进信息技术应用能力提升工程2.0的过程中，结合区域教育信息化发展水平和学校实际，对该微能力点的考核要求做了细化和补充。',
  '教师在准备材料时，应首先明确本校所处的信息化教学环境，再围绕学科教学中的真实问题选择合适的技术工具和资源。',
  '实践中，教师可以在课前利用在线问卷或学习平台了解学生的已有经验，在课中借助互动工具及时获取学生的反馈，在课后通过数据分析调整下一阶段的教学安排。',
  '提交的案例应当来自教师本人的课堂，材料之间要相互印证，能够完整反映设计、实施、评价和反思的全过程。',
  '学校信息化管理团队应当组织校本研修，通过集体备课、课例观摩和研讨交流等方式，帮助教师理解评价标准，提高证据材料的质量。',
  '考核时，评审专家将依据本指南中的优秀和合格标准逐项评价，任一评分项未达到合格要求的，需要在规定时间内修改后重新提交。',
  '需要注意的是，视频材料应保证画面和声音清晰，文本材料应条理清楚、重点突出，避免简单堆砌截图或照搬模板。',
  '对于农村和薄弱学校，本地区鼓励教师在多媒体教学环境下开展实践，不强求使用复杂的软硬件设备，重在体现技术对教学的实际支持作用。',
];

function syntheticEntry(national, k, i) {
  const rand = random(k * 1000 + i + 7);
  const criteria = () => ({
    excellent: pickMany(rand, EXCELLENT, 4 + Math.floor(rand() * 2)),
    pass: pickMany(rand, PASS, 4 + Math.floor(rand() * 2)),
  });
  const page = `第${10 + Math.floor(rand() * 90)}页`;
  const source = { source: 'seed-004', locator: page, quoted: false };
  const evidence = [
    {
      id: 'design',
      label: '1',
      name: '活动设计方案',
      forms: ['文本', '文件'],
      requirement: `围绕“${national.name}”提交一份活动设计方案，说明教学对象、信息化环境、技术工具、活动流程和预期成效，字数不少于800字。`,
      graded: true,
      criteria: criteria(),
      source,
    },
    {
      id: 'case-video',
      label: '2',
      name: '课堂案例展示',
      forms: ['视频'],
      requirement:
        '基于上述设计，以视频形式呈现技术支持下的课堂实施片段及成效反思。需出现教师个人形象，时间原则上不超过10分钟。',
      graded: true,
      limits: { maxMinutes: 10, maxMinutesQualifier: '原则上', teacherOnCamera: true },
      criteria: criteria(),
      source,
    },
  ];
  if (rand() < 0.5) {
    evidence.push({
      id: 'student-accounts',
      label: '3',
      name: '学生体会',
      forms: ['音频', '视频'],
      requirement: '请两位学生回顾上述学习过程和学习体会。以音频或视频方式提交，时间不超过2分钟。',
      graded: false,
      limits: { maxMinutes: 2, count: 2 },
      source,
    });
  }
  const data = {
    ...national,
    confidence: { name: 'seed', dimension: 'seed' },
    completeness: '完整',
    variant: { region: `r${k}`, regionName: `测试地区${k}`, document: `测试考核指南${k}` },
    capability: {
      statement: `能够在信息化教学环境中落实“${national.name}”的要求，从而`,
      goals: ['提升课堂教学的针对性和有效性', '促进学生自主、合作和探究学习', '形成可推广的技术应用经验'],
      source,
    },
    evidence,
    sources: [source, { source: 'national-rubric', quoted: false }],
  };
  const body = pickMany(rand, BODY, 6).join('');
  return `---\n${stringify(data)}---\n\n测试地区${k}关于${national.code}${national.name}的说明：${body}\n\n<Cite source="seed-004" locator="${page}" />\n`;
}

/** The shipped content plus `n` regional variants, in a fresh folder. */
function syntheticContent(n) {
  const dir = join(work, `content-${n}`);
  cpSync(CONTENT_DIR, dir, { recursive: true });
  const national = nationalEntries();
  for (let i = 0; i < n; i++) {
    const k = Math.floor(i / national.length) + 1;
    const entry = national[i % national.length];
    const regionDir = join(dir, 'abilities', 'regions', `r${k}`);
    mkdirSync(regionDir, { recursive: true });
    writeFileSync(join(regionDir, `${entry.code}.mdx`), syntheticEntry(entry, k, i));
  }
  return dir;
}

// --- run ---------------------------------------------------------------------------------

const font = spawnSync('node', ['scripts/build/build-pdf-font.mjs'], { encoding: 'utf8' });
if (font.status !== 0) fail('node scripts/build/build-pdf-font.mjs', ran(font));
// The offline copy's precache needs the app icons, which `npm run build` renders first too.
const icons = spawnSync('node', ['scripts/build/build-icons.mjs'], { encoding: 'utf8' });
if (icons.status !== 0) fail('node scripts/build/build-icons.mjs', ran(icons));

const fmt = (s) => `${s.toFixed(1)} s`;
console.log(
  'build time (npx astro build + Pagefind + the offline copy, cold Astro cache, each into its own out dir):',
);
try {
  // The first build after a while pays for cold disk caches and Vite's start-up; not counted.
  const warm = await timedBuild('warm-up');
  console.log(`  warm-up build, not counted           ${fmt(warm.seconds).padStart(8)}`);
  const shipped = await timedBuild('shipped');
  console.log(
    `  shipped content (30 abilities)      ${fmt(shipped.seconds).padStart(8)}  ${shipped.pages} pages`,
  );
  describe(shipped);
  const times = new Map();
  for (const n of SIZES) {
    const dir = syntheticContent(n);
    const built = await timedBuild(`synthetic-${n}`, dir);
    const { seconds, pages } = built;
    times.set(n, seconds);
    const label = `30 national + ${n} regional entries`;
    const perEntry = `${((seconds * 1000) / (30 + n)).toFixed(0)} ms per entry`;
    console.log(`  ${label.padEnd(35)} ${fmt(seconds).padStart(8)}  ${pages} pages, ${perEntry}`);
    describe(built);
  }
  const ratio = times.get(1000) / times.get(100);
  console.log(`  ratio 1,000 / 100 entries           ${ratio.toFixed(2).padStart(8)}  (target ≤ 12)`);
  const perEntry = (times.get(1000) - times.get(100)) / 900;
  console.log(`  marginal cost per entry (100→1,000) ${`${(perEntry * 1000).toFixed(0)} ms`.padStart(8)}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
