/**
 * Reads the 规范's layout from a {@link GuideDocument}: where each micro-ability begins, its 能力维度
 * and 所属环境 marks, 能力描述, the numbered evidence items of 提交指南和评价标准 (with 任务一 / 任务二
 * alternatives), each graded item's 优秀 and 合格 criteria, and 实践建议. Each ability comes out as
 * the /rubrics/ editor's form, plus everything a person should look at before confirming it.
 *
 * It reads; it never decides for the person. An uncertain 优秀 / 合格 boundary, a limit not
 * understood or a name that differs from the handbook's is flagged, with the best reading shown.
 */
import { CODE_PATTERN, DIMENSIONS, ENVIRONMENTS, environmentOfCode } from '../../content/taxonomy';
import { blankItem, type AbilityDraft, type GroupDraft, type ItemDraft } from '../rubric-editor';
import { entriesOf, flatCriteria } from './guide-criteria';
import type { GuideDocument } from './guide-document';
import { asciiAlnum, bulletOf, isFooterNoise, isPageMarker, joinBroken, squeeze } from './guide-lines';
import { limitsFromText } from './guide-limits';
import type { CriteriaSplit, GuideAbilityReading, GuideFlag, GuideReading } from './guide-reading';
import { sourceFromPreamble } from './guide-source';

export interface HandbookAbilityRef {
  code: string;
  name: string;
  dimension?: string | undefined;
  environment?: string | undefined;
}

type Token =
  | { kind: 'line'; text: string }
  | { kind: 'table'; rows: string[][] }
  /** Where a page ended: the two columns of a table copied as text start again after it. */
  | { kind: 'page' };

/** Blocks without noise; page markers and page changes become page tokens. */
function tokensOf(document: GuideDocument): Token[] {
  const tokens: Token[] = [];
  let page: number | undefined;
  const pageBreak = () => {
    if (tokens.length > 0 && tokens[tokens.length - 1]?.kind !== 'page') tokens.push({ kind: 'page' });
  };
  for (const block of document.blocks) {
    if (block.page !== undefined && page !== undefined && block.page !== page) pageBreak();
    page = block.page ?? page;
    if (block.kind === 'table') {
      tokens.push({ kind: 'table', rows: block.rows.map((r) => r.map((c) => c.trim())) });
      continue;
    }
    const text = squeeze(block.text);
    if (text === '' || isFooterNoise(text)) continue;
    if (isPageMarker(text)) pageBreak();
    else tokens.push({ kind: 'line', text });
  }
  return tokens;
}

const lineText = (t: Token | undefined) => (t?.kind === 'line' ? t.text : undefined);

// ---------------------------------------------------------------------------------------------
// What a line is

const HEADER = /^([A-C])\s*(\d{1,2})(?!\d)\s*[:：.．、]?\s*(.*)$/;
const HAN_START = /^\p{Script=Han}/u;
const ITEM = /^(\d{1,2})\s*[.．、]\s*(?!\d)(.*)$/;
const TASK = /^任务\s*([一二三四五六七八九十]{1,3}|\d{1,2})\s*[:：.．、]?\s*(.*)$/;
const FLAT_HEADER = /^优秀(?:标准|等级)?\s*[|｜]?\s*合格(?:标准|等级)?$/;
const EXCELLENT_HEADER = /^优秀(?:标准|等级)?\s*[:：]?$/;
const PASS_HEADER = /^合格(?:标准|等级)?\s*[:：]?$/;
const PRACTICE = /^实践建议\s*[:：]?\s*(.*)$/;
const GUIDE = /^提交指南/;
const GUIDE_FRAGMENT = /^(和|与)?评?价?标?准?$/;
const CAPABILITY = /^能力描述\s*[:：]?\s*(.*)$/;
const DIMENSION = /^能力维度/;
const ENVIRONMENT = /^所属环境/;
/** A heading of the document around the abilities: 附件, 一、…, 第二部分. It ends 实践建议. */
const DOCUMENT_HEADING =
  /^(附件|附录|[一二三四五六七八九十]{1,3}[、.．]|第[一二三四五六七八九十\d]{1,3}(部分|章|节)|参考文献)/;

/** A short line with no sentence punctuation at the top of a page: another document's title. */
const TITLE_LIKE =
  /^[^，。,;；:：、！？]{4,40}(方案|通知|意见|指南|办法|规定|细则|工程|计划|汇编|\d(\.\d)?)$/;

interface Header {
  code: string;
  name: string;
  /** The rest of a run-together header line ("…能力维度 □学情分析…"). */
  rest: string;
}

function headerOf(text: string): Header | undefined {
  const match = HEADER.exec(asciiAlnum(text));
  if (!match) return undefined;
  const code = `${match[1]}${Number(match[2])}`;
  if (!CODE_PATTERN.test(code)) return undefined;
  const after = (match[3] ?? '').trim();
  if (after !== '' && !HAN_START.test(after)) return undefined;
  const cut = after.search(/能力维度|所属环境|能力描述/);
  const name = squeeze(cut >= 0 ? after.slice(0, cut) : after);
  if (name.length > 40 || (cut < 0 && after.length > 40)) return undefined;
  return { code, name, rest: cut >= 0 ? after.slice(cut) : '' };
}

/** A header counts only when the 规范's ability parts follow it, before any other header. */
function isAbilityStart(tokens: readonly Token[], at: number, header: Header): boolean {
  if (header.rest !== '') return true;
  for (let i = at + 1; i < Math.min(tokens.length, at + 16); i++) {
    const text = lineText(tokens[i]);
    if (text === undefined) continue;
    if (/^(能力维度|所属环境|能力描述|提交指南)/.test(text)) return true;
    if (headerOf(text)) return false;
  }
  return false;
}

const CHECKED = /[√✓✔☑■▣●☒✗✘xX]/;

/** The names ticked in a "□学情分析□教学设计√学法指导" line. */
function ticked<T extends string>(text: string, names: readonly T[]): T[] {
  return names.filter((name) => {
    const at = text.indexOf(name);
    if (at < 0) return false;
    const before = text.slice(Math.max(0, at - 2), at).replace(/\s/g, '');
    return CHECKED.test(before.slice(-1));
  });
}

// ---------------------------------------------------------------------------------------------
// One ability

interface ItemBuild {
  label: string;
  text: string;
  task: boolean;
  group?: GroupDraft | undefined;
  /** Criteria from a table: certain. */
  table?: { excellent: string[]; pass: string[] } | undefined;
  /** Criteria from flattened text, page by page. */
  flat?: string[][] | undefined;
  explicit?: { excellent: string[]; pass: string[]; into: 'excellent' | 'pass' } | undefined;
  hadHeader: boolean;
}

const CELL_EXCELLENT = /^优秀(标准|等级)?$/;
const CELL_PASS = /^合格(标准|等级)?$/;

/** 优秀 / 合格 entries from a table, whichever way round it is laid out; undefined if it is not one. */
function criteriaFromTable(
  rows: readonly (readonly string[])[],
  paragraphs: boolean,
  headerBefore: boolean,
): { excellent: string[]; pass: string[] } | undefined {
  const clean = (c: string | undefined) => squeeze(c ?? '').replace(/\s/g, '');
  const entries = (cells: (string | undefined)[]) =>
    cells.flatMap((c) => entriesOf((c ?? '').split('\n'), paragraphs));
  const headerRow = rows.findIndex(
    (r) => r.some((c) => CELL_EXCELLENT.test(clean(c))) && r.some((c) => CELL_PASS.test(clean(c))),
  );
  if (headerRow >= 0) {
    const header = rows[headerRow] ?? [];
    const ex = header.findIndex((c) => CELL_EXCELLENT.test(clean(c)));
    const pass = header.findIndex((c) => CELL_PASS.test(clean(c)));
    const body = rows.slice(headerRow + 1);
    return { excellent: entries(body.map((r) => r[ex])), pass: entries(body.map((r) => r[pass])) };
  }
  const exRow = rows.find((r) => CELL_EXCELLENT.test(clean(r[0])));
  const passRow = rows.find((r) => CELL_PASS.test(clean(r[0])));
  if (exRow && passRow) return { excellent: entries(exRow.slice(1)), pass: entries(passRow.slice(1)) };
  if (headerBefore && rows.every((r) => r.length === 2))
    return { excellent: entries(rows.map((r) => r[0])), pass: entries(rows.map((r) => r[1])) };
  return undefined;
}

function splitNameAndRequirement(text: string): { name: string; requirement: string } {
  const colon = text.search(/[:：]/);
  if (colon > 0 && colon <= 20)
    return { name: text.slice(0, colon).trim(), requirement: text.slice(colon + 1).trim() };
  return { name: '', requirement: text.trim() };
}

function readAbility(
  header: Header,
  tokens: readonly Token[],
  paragraphs: boolean,
  handbook: HandbookAbilityRef | undefined,
): GuideAbilityReading {
  const flags: GuideFlag[] = [];
  const missing: string[] = [];
  const classText = { dimension: '', environment: '' };
  let classInto: 'dimension' | 'environment' | undefined;
  type Section = 'head' | 'capability' | 'guide' | 'practice';
  const at: { section: Section } = { section: 'head' };
  const statement: string[] = [];
  const goals: string[] = [];
  const practice: string[] = [];
  const items: ItemBuild[] = [];
  let sawGuide = false;
  let sawCapability = false;
  let group: GroupDraft | undefined;
  let flatHeaderPending = false;

  const current = () => items[items.length - 1];
  const startItem = (label: string, text: string, task: boolean) => {
    items.push({ label, text, task, group: task ? group : undefined, hadHeader: false });
    flatHeaderPending = false;
  };

  const handleLine = (text: string) => {
    if (DIMENSION.test(text) || ENVIRONMENT.test(text)) {
      const parts = text.split(/(?=所属环境)/);
      for (const part of parts) {
        classInto = DIMENSION.test(part) ? 'dimension' : ENVIRONMENT.test(part) ? 'environment' : classInto;
        if (classInto) classText[classInto] += part;
      }
      const cap = /能力描述/.exec(text);
      if (cap) handleLine(text.slice(cap.index));
      return;
    }
    const capability = CAPABILITY.exec(text);
    if (capability && at.section !== 'guide') {
      at.section = 'capability';
      sawCapability = true;
      classInto = undefined;
      if (capability[1]) handleLine(capability[1]);
      return;
    }
    if (GUIDE.test(text) && at.section !== 'guide') {
      at.section = 'guide';
      sawGuide = true;
      classInto = undefined;
      const rest = text.replace(/^提交指南\s*(和|与)?\s*(评价标准)?\s*[:：]?/, '').trim();
      if (rest) handleLine(rest);
      return;
    }
    const practiceMatch = PRACTICE.exec(text);
    if (practiceMatch) {
      at.section = 'practice';
      if (practiceMatch[1]) practice.push(practiceMatch[1]);
      return;
    }
    if (classInto && at.section === 'head') {
      classText[classInto] += text;
      return;
    }
    if (at.section === 'capability') {
      const bullet = bulletOf(text);
      if (bullet) goals.push(bullet.text);
      else if (goals.length > 0) goals[goals.length - 1] = joinBroken(goals[goals.length - 1] ?? '', text);
      else statement.push(text);
      return;
    }
    if (at.section === 'practice') {
      practice.push(text);
      return;
    }
    if (at.section !== 'guide') {
      if (at.section === 'head' && ITEM.test(text)) {
        at.section = 'guide';
        handleLine(text);
      }
      return;
    }
    // 提交指南和评价标准
    if (GUIDE_FRAGMENT.test(text) && items.length === 0) return;
    const task = TASK.exec(text);
    if (task) {
      const parent = current();
      if (parent && !parent.task && !group && !parent.table && !parent.flat && !parent.explicit) {
        // The numbered entry before the first 任务 is the group's heading.
        items.pop();
        const { name, requirement } = splitNameAndRequirement(parent.text);
        group = {
          id: `group-${parent.label}`,
          label: parent.label,
          name: name || `第 ${parent.label} 项`,
          instruction: requirement,
        };
      }
      startItem(`任务${task[1]}`, task[2] ?? '', Boolean(group));
      return;
    }
    const item = ITEM.exec(text);
    if (item) {
      group = undefined;
      startItem(item[1] ?? '', item[2] ?? '', false);
      return;
    }
    const it = current();
    if (!it) {
      flags.push({
        kind: 'structure',
        text: `“${text.slice(0, 30)}”出现在第一项证据之前，没有读入，请核对。`,
      });
      return;
    }
    if (FLAT_HEADER.test(text.replace(/\s/g, ''))) {
      it.hadHeader = true;
      it.flat = [[]];
      it.explicit = undefined;
      flatHeaderPending = true;
      return;
    }
    if (EXCELLENT_HEADER.test(text)) {
      it.hadHeader = true;
      it.explicit = { excellent: [], pass: [], into: 'excellent' };
      return;
    }
    if (PASS_HEADER.test(text)) {
      it.hadHeader = true;
      if (it.explicit && it.explicit.excellent.length === 0) {
        // "优秀" and "合格" on lines of their own, nothing between: the two columns, flattened.
        it.explicit = undefined;
        it.flat = [[]];
        flatHeaderPending = true;
      } else if (it.explicit) it.explicit.into = 'pass';
      else it.explicit = { excellent: [], pass: [], into: 'pass' };
      return;
    }
    if (it.explicit) {
      it.explicit[it.explicit.into].push(text);
      return;
    }
    if (it.flat) {
      it.flat[it.flat.length - 1]?.push(text);
      return;
    }
    it.text = joinBroken(it.text, text);
  };

  let afterPage = false;
  for (const [i, token] of tokens.entries()) {
    const pageEnded = afterPage;
    afterPage = token.kind === 'page';
    if (token.kind === 'page') {
      const it = current();
      if (it?.flat && (it.flat[it.flat.length - 1]?.length ?? 0) > 0) it.flat.push([]);
      continue;
    }
    if (token.kind === 'table') {
      const it = current();
      const read = it && criteriaFromTable(token.rows, paragraphs, flatHeaderPending || it.hadHeader);
      if (it && read) {
        it.table = it.table
          ? { excellent: [...it.table.excellent, ...read.excellent], pass: [...it.table.pass, ...read.pass] }
          : read;
        it.flat = undefined;
        it.hadHeader = true;
        flatHeaderPending = false;
      } else {
        // A table that only lays the page out (the 规范's Word file boxes 能力维度 in one): its text.
        for (const row of token.rows)
          for (const cell of row) for (const l of cell.split('\n')) if (l.trim()) handleLine(squeeze(l));
      }
      continue;
    }
    if (i === 0) {
      if (header.rest) handleLine(header.rest);
      continue;
    }
    if (
      at.section === 'practice' &&
      (DOCUMENT_HEADING.test(token.text) ||
        (pageEnded && TITLE_LIKE.test(token.text)) ||
        practice.join('').length > 6000)
    )
      break;
    handleLine(token.text);
  }

  // --- what came out
  const dimension = ticked(classText.dimension, DIMENSIONS);
  const environment = ticked(classText.environment, ENVIRONMENTS);
  if (!classText.dimension) missing.push('能力维度');
  else if (dimension.length !== 1)
    flags.push({
      kind: 'class',
      text: `没能从“${classText.dimension.slice(0, 40)}”读出勾选的能力维度，请核对。`,
    });
  if (!classText.environment) missing.push('所属环境');
  else if (environment.length !== 1)
    flags.push({
      kind: 'class',
      text: `没能从“${classText.environment.slice(0, 50)}”读出勾选的所属环境，请核对。`,
    });
  if (handbook?.dimension && dimension.length === 1 && dimension[0] !== handbook.dimension)
    flags.push({
      kind: 'class',
      text: `文件中 ${header.code} 的能力维度是“${dimension[0]}”，本手册是“${handbook.dimension}”，请核对。`,
    });
  const expectedEnvironment = environmentOfCode(header.code);
  if (environment.length === 1 && environment[0] !== expectedEnvironment)
    flags.push({
      kind: 'class',
      text: `文件中 ${header.code} 的所属环境是“${environment[0]}”，而编号 ${header.code.charAt(0)} 开头的属于“${expectedEnvironment}”，请核对。`,
    });
  if (!sawCapability) missing.push('能力描述');
  if (!sawGuide && items.length === 0) missing.push('提交指南和评价标准');

  const splits: CriteriaSplit[] = [];
  const groups: GroupDraft[] = [];
  const drafts: ItemDraft[] = items.map((it, index) => {
    const id = `item-${index + 1}`;
    const { name: readName, requirement } = splitNameAndRequirement(it.text);
    const name = readName || (it.task && it.group ? `${it.group.name}（${it.label}）` : '');
    if (!name)
      flags.push({
        kind: 'structure',
        itemId: id,
        text: `第 ${it.label} 项没有读出名称（“名称：要求”的写法），请填写。`,
      });
    if (it.group && !groups.includes(it.group)) groups.push(it.group);
    const limits = limitsFromText(requirement);
    for (const doubt of limits.doubts)
      flags.push({ kind: 'limit', itemId: id, text: `${it.label}. ${name}：${doubt}` });
    let excellent: string[] = [];
    let pass: string[] = [];
    if (it.table) ({ excellent, pass } = it.table);
    else if (it.explicit) {
      excellent = entriesOf(it.explicit.excellent, paragraphs);
      pass = entriesOf(it.explicit.pass, paragraphs);
    } else if (it.flat) {
      const flat = flatCriteria(it.flat);
      excellent = flat.bullets.slice(0, flat.split);
      pass = flat.bullets.slice(flat.split);
      splits.push({ itemId: id, bullets: flat.bullets, split: flat.split, certain: flat.certain });
      if (!flat.certain && flat.bullets.length > 0)
        flags.push({
          kind: 'split',
          itemId: id,
          text: `${it.label}. ${name}：文字中看不出优秀标准在哪一条结束、合格标准从哪一条开始，已按最可能的位置分开，请确认。`,
        });
    }
    const graded = excellent.length > 0 || pass.length > 0;
    if (it.hadHeader && (excellent.length === 0 || pass.length === 0))
      missing.push(
        `${it.label}. ${name || '（未读出名称）'}的${excellent.length === 0 ? '优秀' : '合格'}标准`,
      );
    return {
      ...blankItem(index),
      id,
      label: it.label,
      name,
      forms: limits.forms,
      requirement,
      graded: graded ? '评分' : '不评分',
      group: it.group?.id ?? '',
      maxMinutes: limits.maxMinutes?.toString() ?? '',
      qualifier: limits.maxMinutes !== undefined ? limits.qualifier : '',
      count: limits.count?.toString() ?? '',
      teacherOnCamera: limits.teacherOnCamera,
      excellent: excellent.join('\n'),
      pass: pass.join('\n'),
    } satisfies ItemDraft;
  });
  if (items.length > 0 && !drafts.some((d) => d.graded === '评分'))
    missing.push('评价标准（没有一项读到优秀 / 合格标准）');
  for (const g of groups) {
    const members = drafts.filter((d) => d.group === g.id).length;
    if (members < 2) flags.push({ kind: 'structure', text: `“${g.name}”只读到 ${members} 个任务，请核对。` });
  }
  if (practice.length === 0) missing.push('实践建议');

  const name = header.name || handbook?.name || '';
  const clean = (s: string) => s.replace(/[\s\p{P}]/gu, '');
  const differs = handbook !== undefined && clean(handbook.name) !== clean(name);
  if (!header.name)
    flags.push({
      kind: 'name',
      text: `${header.code} 的名称没有读出，已用本手册的名称“${handbook?.name ?? ''}”。`,
    });
  else if (differs)
    flags.push({
      kind: 'name',
      text: `文件中 ${header.code} 的名称是“${name}”，本手册是“${handbook.name}”。请确认是同一个微能力点。`,
    });
  const draft: AbilityDraft = { code: header.code, name, groups, items: drafts };
  return {
    code: header.code,
    name,
    handbookName: differs || !header.name ? handbook?.name : undefined,
    dimension: dimension.length === 1 ? dimension[0] : undefined,
    environment: environment.length === 1 ? environment[0] : undefined,
    capability: sawCapability ? { statement: statement.reduce(joinBroken, ''), goals } : undefined,
    practice:
      practice.length > 0 ? (paragraphs ? practice.join('\n') : practice.reduce(joinBroken, '')) : undefined,
    draft,
    splits,
    flags,
    missing,
  };
}

/** Every ability the document holds, in the order it gives them. */
export function readGuide(document: GuideDocument, handbook: readonly HandbookAbilityRef[]): GuideReading {
  const tokens = tokensOf(document);
  const starts: { at: number; header: Header }[] = [];
  tokens.forEach((token, at) => {
    const text = lineText(token);
    const header = text === undefined ? undefined : headerOf(text);
    if (header && isAbilityStart(tokens, at, header)) starts.push({ at, header });
  });
  const paragraphs = document.from === 'docx' || document.from === 'html';
  const preamble = tokens
    .slice(0, starts[0]?.at ?? Math.min(tokens.length, 60))
    .flatMap((t) => (t.kind === 'line' ? [t.text] : []));
  const abilities: GuideAbilityReading[] = [];
  const notes: string[] = [];
  const seen = new Set<string>();
  starts.forEach(({ at, header }, n) => {
    const end = starts[n + 1]?.at ?? tokens.length;
    const reading = readAbility(
      header,
      tokens.slice(at, end),
      paragraphs,
      handbook.find((h) => h.code === header.code),
    );
    if (seen.has(header.code)) {
      notes.push(`${header.code} 在文件中出现了不止一次，只读取了第一次出现的内容。`);
      return;
    }
    seen.add(header.code);
    abilities.push(reading);
  });
  if (abilities.length === 0)
    notes.push(
      '没有找到微能力点。考核指南中每个微能力点以编号和名称开头（例如“C5 基于数据的个别化指导”），后面是能力维度、能力描述、提交指南和评价标准；请确认选择的是考核指南本身。',
    );
  if (
    document.from === 'pdf' &&
    document.pages &&
    document.pagesWithText !== undefined &&
    document.pagesWithText < document.pages
  )
    notes.push(
      `PDF 共 ${document.pages} 页，其中 ${document.pages - document.pagesWithText} 页没有文字层（可能是扫描页），这些页的内容读不到。`,
    );
  return { source: sourceFromPreamble(preamble), abilities, notes };
}
