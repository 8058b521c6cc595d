#!/usr/bin/env node
/**
 * npm run rubric:import -- <考核指南.docx|.pdf|.txt> --entered-by <录入人> [--out <评价标准文件.json>]
 *   [--title <考核指南名称>] [--force] [--content-dir <dir>]
 *
 * Reads a province's 考核指南 with the reader /rubrics/ uses (src/lib/rubrics/guide/, bundled
 * with esbuild; mammoth and pdf.js in their Node builds) and writes the rubric file the editor
 * would download for it, so that `rubric:add` and colleagues' wizards take it as it is. There
 * is no preview to confirm in: it prints per ability what it read and what a person must check,
 * and the file can be opened on /rubrics/ to correct before it is shared.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { commandLine, contentFolder, fail, frontmatter, shownPath, userPath } from './cli-support.mjs';
import { nodeGuideReaders } from './guide-readers-node.mjs';
import { bundleLib } from './lib-bundle.mjs';

const usage =
  '用法：npm run rubric:import -- <考核指南.docx|.pdf|.txt> --entered-by <录入人> [--out <评价标准文件.json>] [--title <考核指南名称>] [--force]\n' +
  '例如：npm run rubric:import -- 考核指南.docx --entered-by 某某小学信息化管理团队';

const args = commandLine(
  {
    out: { type: 'string' },
    'entered-by': { type: 'string' },
    title: { type: 'string' },
    force: { type: 'boolean', default: false },
    'content-dir': { type: 'string' },
  },
  usage,
);
const [typed] = args.positionals;
if (!typed) fail(usage);
const file = userPath(typed);
const enteredBy = args.values['entered-by']?.trim() ?? '';
// A 考核指南 never names who typed it into the handbook; the file must, as the editor's does.
if (!enteredBy) fail(`请用 --entered-by 写明录入人（个人或团队），评价标准文件要写明由谁录入。\n${usage}`);
if (!existsSync(file) || !statSync(file).isFile()) fail(`找不到文件：${typed}`);
const contentDir = contentFolder(args.values['content-dir']);

const lib = await bundleLib({
  'rubrics/guide/guide-file.ts': ['readGuideFile'],
  'rubrics/guide/guide-parse.ts': ['readGuide'],
  'rubrics/guide/guide-reading.ts': ['itemSummaries'],
  'rubrics/guide/guide-source.ts': ['withGuideSource'],
  'rubrics/rubric-editor.ts': ['emptyEditorState', 'packFromEditor', 'rubricFromDraft', 'withAbility'],
  'rubrics/rubric-file.ts': ['exportPackText'],
});

const name = basename(file);
let bytes;
try {
  bytes = new Uint8Array(readFileSync(file));
} catch (error) {
  // Node reads at most 2 GB at once; the reader refuses far less, with the size in its words.
  fail(
    `没有写入任何文件。“${name}”打不开（${error.code ?? error.message}），请确认它是考核指南的 Word、PDF 或文本文件。`,
  );
}
const read = await lib.readGuideFile(name, bytes, nodeGuideReaders);
if (!read.ok) fail(`没有写入任何文件。${read.error}`);

// The handbook's names and classes, so that a code the document names otherwise is flagged.
const abilitiesDir = join(contentDir, 'abilities');
const handbook = readdirSync(abilitiesDir)
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => frontmatter(join(abilitiesDir, f)))
  .filter((data) => data?.code)
  .map(({ code, name, dimension, environment }) => ({ code, name, dimension, environment }));

const reading = lib.readGuide(read.document, handbook);
if (reading.abilities.length === 0) {
  fail(
    [
      `在“${name}”里没有找到微能力点，没有写入任何文件。`,
      ...reading.notes,
      '考核指南里每个微能力点以编号和名称开头，例如“C5 基于数据的个别化指导”，其后是“提交指南和评价标准”。',
    ].join('\n'),
  );
}

// What the person typed on the command line stands; the document fills the rest.
const state = lib.emptyEditorState();
const guessed = lib.withGuideSource(
  { ...state.source, title: args.values.title?.trim() ?? '', enteredBy },
  reading.source,
);
state.source = guessed.source;
if (!state.source.title) {
  fail(
    `在“${name}”里没有读到考核指南的名称，没有写入任何文件。请用 --title 写明，例如 --title 河北省中小学教师信息技术应用能力提升工程2.0校本应用考核指南。`,
  );
}

/** "2. 案例展示"; a 任务's name already carries its label: "学生案例（任务一）". */
function itemHead(item) {
  if (item.name.includes(item.label)) return item.name;
  return /^\d+$/.test(item.label) ? `${item.label}. ${item.name}` : `${item.label} ${item.name}`;
}

const report = [`读取“${name}”：找到 ${reading.abilities.length} 个微能力点。`, ''];
const written = [];
const left = [];
for (const ability of reading.abilities) {
  const classes = [ability.dimension, ability.environment].filter(Boolean).join('，');
  const renamed = ability.handbookName ? `（本手册称“${ability.handbookName}”）` : '';
  report.push(`${ability.code} ${ability.name}${renamed}${classes ? `：${classes}` : ''}`);
  const summaries = lib.itemSummaries(ability);
  for (const item of summaries) {
    const criteria =
      item.excellent + item.pass > 0 ? `，优秀 ${item.excellent} 条、合格 ${item.pass} 条` : '';
    const limits = item.limits.length > 0 ? `；${item.limits.join('，')}` : '';
    report.push(`  ${itemHead(item)}：${item.graded}${criteria}${limits}`);
  }
  // Each flag names its item itself.
  if (ability.flags.length > 0) report.push('  需要核对：', ...ability.flags.map((f) => `    - ${f.text}`));
  if (ability.missing.length > 0) report.push(`  没有找到：${ability.missing.join('；')}`);
  const checked = lib.rubricFromDraft(ability.draft);
  if (checked.ok) {
    written.push(ability);
  } else {
    left.push(ability.code);
    report.push('  没有写入文件，因为：', ...checked.errors.map((e) => `    - ${e}`));
  }
  report.push('');
}
if (reading.notes.length > 0) report.push(...reading.notes, '');
if (guessed.differing.length > 0) {
  report.push(
    `注意：命令行给出的${guessed.differing.join('、')}与文档不同，评价标准文件里用的是命令行给出的。`,
    '',
  );
}
console.log(report.join('\n'));

if (written.length === 0) {
  fail('没有一个微能力点读全，没有写入任何文件。请在 /rubrics/ 导入这份考核指南，在预览中逐个补全后再下载。');
}
const pack = lib.packFromEditor(written.reduce((s, ability) => lib.withAbility(s, ability.draft), state));
if (!pack.ok) fail(`没有写入任何文件：\n${pack.errors.map((e) => `  ${e}`).join('\n')}`);

const stem = state.source.title.replace(/[\\/:*?"<>|\s]+/g, '').slice(0, 60) || basename(file, extname(file));
const out = userPath(args.values.out ?? `评价标准_${stem}.json`);
// Short where it is run, whole elsewhere ("../../tmp/x.json" helps nobody).
const shown = shownPath(out);
if (existsSync(out) && !args.values.force) {
  fail(`“${shown}”已存在，没有改动它。确认要替换时，加上 --force 再运行；或者用 --out 另起一个文件名。`);
}
writeFileSync(out, lib.exportPackText(pack.value));
console.log(
  `已写入 ${shown}：${written.map((a) => a.code).join('、')}，来源《${state.source.title}》${state.source.number ? `（${state.source.number}）` : ''}，由${enteredBy}录入。`,
);
if (left.length > 0) console.log(`未写入：${left.join('、')}（原因见上）。`);
const toCheck = written.some((a) => a.flags.length > 0) ? '，逐项核对上面“需要核对”的地方' : '核对';
console.log(
  `下一步：在 /rubrics/ 打开这份文件${toCheck}；然后分享给同事，` +
    '或运行 npm run rubric:add -- <文件> --region <地区代号> 加进手册。',
);
