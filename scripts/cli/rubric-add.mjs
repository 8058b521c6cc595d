#!/usr/bin/env node
/**
 * npm run rubric:add -- <评价标准文件.json> --region <slug> [--force] [--content-dir <dir>]
 *
 * Turns a school's rubric file (saved on /rubrics/) into regional content entries,
 * src/content/abilities/regions/<slug>/<code>.mdx, one per ability in the file. The file is
 * read by the same code as the wizard's (src/lib/rubrics/rubric-file.ts, bundled here with esbuild);
 * an existing entry is kept unless --force is given. Prints every file it writes.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parse, stringify } from 'yaml';
import { commandLine, contentFolder, fail, frontmatter, shownPath, userPath } from './cli-support.mjs';
import { bundleLib } from './lib-bundle.mjs';

const usage =
  '用法：npm run rubric:add -- <评价标准文件.json> --region <地区代号> [--force]\n' +
  '例如：npm run rubric:add -- 评价标准_某某小学_20250301.json --region hebei';

const args = commandLine(
  {
    region: { type: 'string' },
    force: { type: 'boolean', default: false },
    'content-dir': { type: 'string' },
  },
  usage,
);
const [typed] = args.positionals;
const region = args.values.region;
if (!typed || !region) fail(usage);
const file = userPath(typed);
if (!/^[a-z0-9-]+$/.test(region)) fail(`地区代号“${region}”只能用小写字母、数字和连字符，例如 baoding。`);
const contentDir = contentFolder(args.values['content-dir']);

const lib = await bundleLib({
  'rubrics/rubric-file.ts': ['importPackBytes'],
  'rubrics/rubric-entry.ts': ['regionalEntries'],
  'rubrics/rubric-readiness.ts': ['abilitiesNotReady'],
  'content/chinese-typography.ts': ['typesetData'],
});

if (!existsSync(file)) fail(`找不到文件：${typed}`);
const read = lib.importPackBytes(new Uint8Array(readFileSync(file)));
if (!read.ok) fail(`未能读取“${typed}”：${read.error}`);
const pack = read.pack;

// The region's name with its parents, from the policy entries: 河北省保定市徐水区.
function regionName(slug) {
  const names = [];
  for (let next = slug, guard = 0; next && guard < 10; guard++) {
    const data = frontmatter(join(contentDir, 'policies', `${next}.mdx`));
    if (!data || data.level === '国家') break;
    names.unshift(data.region);
    next = data.parent;
  }
  return names.join('');
}

// A region the policy tree does not know would give a page no teacher is ever offered.
const name = regionName(region);
if (!name) {
  const policiesDir = join(contentDir, 'policies');
  const valid = (existsSync(policiesDir) ? readdirSync(policiesDir) : [])
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => f.slice(0, -4))
    .filter((slug) => regionName(slug))
    .map((slug) => `  ${slug}（${regionName(slug)}）`);
  fail(
    `没有地区“${region}”，没有写入任何文件：地区代号须与 src/content/policies/ 中的政策文件名一致。\n` +
      `可用的地区代号：\n${valid.join('\n')}`,
  );
}

const result = lib.regionalEntries(
  pack,
  (code) => frontmatter(join(contentDir, 'abilities', `${code}.mdx`)),
  {
    slug: region,
    name,
  },
);
if (!result.ok) fail(result.error);

const regionsDir = join(contentDir, 'abilities', 'regions');
const dir = join(regionsDir, region);
const targets = result.entries.map((e) => ({ ...e, path: join(dir, `${e.code}.mdx`) }));

// A version identical to the national entry, or to one already added from the same guide (for
// another region), adds nothing but a second page: teachers would be offered the same rubric
// twice, so nothing is written. (The same path is the overwrite case below.) Compared as pages
// show them, typeset, since the editor starts from the typeset national entry.
const normalItem = ({ source: _s, confidence: _c, ...item }) => ({
  ...item,
  required: item.required ?? true,
  limits: item.limits ?? {},
});
const rubricOf = (data, withSource) =>
  lib.typesetData({
    evidence: (data.evidence ?? []).map(normalItem),
    alternativeGroups: data.alternativeGroups ?? [],
    ...(withSource ? { document: data.variant?.document, number: data.variant?.number } : {}),
  });
const duplicates = targets.flatMap((t) => {
  const mine = parse(stringify(t.data));
  const national = frontmatter(join(contentDir, 'abilities', `${t.code}.mdx`));
  const same =
    national && isDeepStrictEqual(rubricOf(national, false), rubricOf(mine, false))
      ? [`  ${t.code}：与本手册的国家版 ${t.code} 完全相同`]
      : [];
  const others = (existsSync(regionsDir) ? readdirSync(regionsDir) : []).flatMap((slug) => {
    const path = join(regionsDir, slug, `${t.code}.mdx`);
    const data = path === t.path ? undefined : frontmatter(path);
    return data && isDeepStrictEqual(rubricOf(data, true), rubricOf(mine, true))
      ? [`  ${t.code}：与已添加的 ${shownPath(path)} 完全相同`]
      : [];
  });
  return [...same, ...others];
});
if (duplicates.length > 0) {
  fail(
    `以下能力点的评价标准与已有的版本完全相同，没有写入任何文件：\n${duplicates.join('\n')}\n` +
      '请先在 /rubrics/ 按本地考核指南补全或修改，再添加。',
  );
}
const existing = targets.filter((t) => existsSync(t.path));
if (existing.length > 0 && !args.values.force) {
  fail(
    `以下文件已存在，没有改动任何文件：\n${existing.map((t) => `  ${shownPath(t.path)}`).join('\n')}\n` +
      '确认要用这份评价标准替换它们时，加上 --force 再运行。',
  );
}
mkdirSync(dir, { recursive: true });
for (const t of targets) {
  const header = `# 由 npm run rubric:add 从“${file.split(/[\\/]/).pop()}”生成；评价标准来源见 variant。\n`;
  writeFileSync(
    t.path,
    `---\n${header}${stringify(t.data, { lineWidth: 0, version: '1.1' })}---\n\n${t.body}`,
  );
  console.log(`${existing.includes(t) ? '已替换' : '已写入'} ${shownPath(t.path)}（${t.code}，${name}版）`);
}
const notReady = lib.abilitiesNotReady(pack.abilities);
if (notReady.length > 0) {
  console.log(
    `注意，以下能力点还不能评分，自评时会提示该地区的教师先补全：\n${notReady.map((l) => `  ${l}`).join('\n')}`,
  );
}
if (notReady.length < pack.abilities.length) {
  console.log(
    `可以评分：${pack.abilities
      .map((a) => a.code)
      .filter((code) => !notReady.some((l) => l.startsWith(`${code} `)))
      .join('、')}。`,
  );
}
console.log('运行 npm run build 后，这些地区版本会有自己的页面，可以搜索，自评时会优先推荐给该地区的教师。');
