/**
 * Regional policy documents: the region tree, their comparable facts as table rows, and the
 * comparison's CSV. Pure functions over the policy collection's data, shared by the pages, the
 * comparison island and the tests.
 */
import { csvText } from '../files/csv';
import type { Confidence } from './abilities';

export type PolicyLevel = '国家' | '省' | '市' | '区县';

/**
 * The facts a policy entry can state, by their frontmatter field. `notHeld` names these, so the
 * page can tell "the document says nothing" from "the handbook has not got that part of it".
 */
export const POLICY_FACTS = [
  'issuer',
  'number',
  'date',
  'scope',
  'hours',
  'period',
  'deadline',
  'quotas',
  'phases',
  'platforms',
  'assessment',
  'teams',
  'cio',
  'funding',
  'continuingEducation',
  'pilots',
  'selection',
  'citedDocuments',
] as const;
export type PolicyFact = (typeof POLICY_FACTS)[number];

/**
 * 全文: the handbook holds the document's text; 部分: only part of it (the readable opening of a
 * public copy), restated; 无: only what other documents say about it.
 */
export type HeldText = '全文' | '部分' | '无';

/** Without the whole text, a fact the entry does not state may stand in the part the handbook lacks. */
export function holdsFullText(d: Pick<PolicyData, 'heldText'>): boolean {
  return (d.heldText ?? '全文') === '全文';
}

/** A target for the share of teachers or schools trained, due in a year or by a date. */
export interface Quota {
  /** The year the target falls due. */
  year: string;
  share: number;
  atLeast: boolean;
  of: '教师' | '学校';
  /** The span it covers, where the document gives one finer than the year. */
  from?: string | undefined;
  /** The date it is due by, where the document gives one finer than the year. */
  by?: string | undefined;
  /** The share is the running total by then, not this period's own part. */
  cumulative?: boolean | undefined;
  note?: string | undefined;
}

export interface PolicyData {
  title: string;
  region: string;
  level: PolicyLevel;
  parent?: string | undefined;
  issuer?: string | undefined;
  number?: string | undefined;
  date?: string | undefined;
  scope: readonly string[];
  hours?:
    | {
        total: number;
        unit: '学时' | '学分';
        atLeast: boolean;
        per?: string | undefined;
        split: readonly { kind: string; amount: number; atLeast: boolean }[];
        note?: string | undefined;
      }
    | undefined;
  period?: { start?: string | undefined; end?: string | undefined; text: string } | undefined;
  deadline?: string | undefined;
  quotas: readonly Quota[];
  phases: readonly { name: string; period: string; description?: string | undefined }[];
  platforms: readonly string[];
  assessment?: { steps: readonly string[]; note?: string | undefined } | undefined;
  teams: readonly { name: string; description: string }[];
  cio?: string | undefined;
  funding?: { amount?: number | undefined; unit?: '元/人' | undefined; description: string } | undefined;
  continuingEducation?: string | undefined;
  pilots?: string | undefined;
  selection?:
    { minAbilities?: number | undefined; requiredDimensions: readonly string[]; text: string } | undefined;
  citedDocuments: readonly { title: string; number?: string | undefined; issuer?: string | undefined }[];
  /** Absent means 全文 (the schema's default). */
  heldText?: HeldText | undefined;
  /** public-1: the entry rests on one public copy, so its pages mark it 待核实. */
  confidence?: Confidence | undefined;
  /** Facts whose part of the document (a covering notice, a letterhead) the handbook's copy lacks. */
  notHeld?: readonly PolicyFact[] | undefined;
}

export interface Policy {
  slug: string;
  data: PolicyData;
}

export const NOT_STATED = '原文未规定';
export const NOT_HELD = '本手册未收录原文';

/** Why a fact has no value: the document is silent on it, or the handbook lacks that part of the text. */
export type FactGap = 'unstated' | 'notHeld';

export function factGap(d: PolicyData, fact: PolicyFact): FactGap {
  return !holdsFullText(d) || (d.notHeld ?? []).includes(fact) ? 'notHeld' : 'unstated';
}

export function gapText(gap: FactGap): string {
  return gap === 'notHeld' ? NOT_HELD : NOT_STATED;
}

/** Whether a fact has a value: a present field, or a list with at least one item. */
export function factStated(d: PolicyData, fact: PolicyFact): boolean {
  const value = d[fact];
  return Array.isArray(value) ? value.length > 0 : value !== undefined;
}

const LEVEL_ORDER: Record<PolicyLevel, number> = { 国家: 0, 省: 1, 市: 2, 区县: 3 };

export interface PolicyTreeNode {
  policy: Policy;
  children: PolicyTreeNode[];
}

/** 国家 → 省 → 市 → 区县, siblings by level then region name (pinyin order in zh-CN). */
export function policyTree(policies: readonly Policy[]): PolicyTreeNode[] {
  const bySlug = new Map(policies.map((p) => [p.slug, p]));
  const sort = (nodes: PolicyTreeNode[]) =>
    nodes.sort(
      (a, b) =>
        LEVEL_ORDER[a.policy.data.level] - LEVEL_ORDER[b.policy.data.level] ||
        a.policy.data.region.localeCompare(b.policy.data.region, 'zh-CN'),
    );
  const build = (parent: string | undefined): PolicyTreeNode[] =>
    sort(
      policies
        .filter((p) =>
          parent === undefined ? !p.data.parent || !bySlug.has(p.data.parent) : p.data.parent === parent,
        )
        .map((policy) => ({ policy, children: build(policy.slug) })),
    );
  return build(undefined);
}

/** Every document in tree order, so a province sits next to its cities and districts. */
export function policiesInTreeOrder(policies: readonly Policy[]): Policy[] {
  const flatten = (nodes: PolicyTreeNode[]): Policy[] =>
    nodes.flatMap((n) => [n.policy, ...flatten(n.children)]);
  return flatten(policyTree(policies));
}

/** Problems with the parent links: unknown parents and cycles. An empty list means a sound tree. */
export function treeProblems(policies: readonly Policy[]): string[] {
  const bySlug = new Map(policies.map((p) => [p.slug, p]));
  const problems: string[] = [];
  for (const p of policies) {
    if (p.data.parent && !bySlug.has(p.data.parent)) {
      problems.push(`${p.slug}: 上级「${p.data.parent}」不存在`);
      continue;
    }
    const seen = new Set([p.slug]);
    let next = p.data.parent;
    while (next) {
      if (seen.has(next)) {
        problems.push(`${p.slug}: 上级关系成环（${[...seen, next].join(' → ')}）`);
        break;
      }
      seen.add(next);
      next = bySlug.get(next)?.data.parent;
    }
  }
  return problems;
}

/** The chain of ancestors, nearest last: 徐水区 → [国家, 河北省, 保定市]. */
export function ancestors(policies: readonly Policy[], slug: string): Policy[] {
  const bySlug = new Map(policies.map((p) => [p.slug, p]));
  const chain: Policy[] = [];
  let next = bySlug.get(slug)?.data.parent;
  while (next && !chain.some((p) => p.slug === next)) {
    const parent = bySlug.get(next);
    if (!parent) break;
    chain.unshift(parent);
    next = parent.data.parent;
  }
  return chain;
}

const amountText = (amount: number, atLeast: boolean) => `${atLeast ? '≥ ' : ''}${amount}`;

export function hoursTotalText(hours: NonNullable<PolicyData['hours']>): string {
  return `${hours.per ? `${hours.per} ` : ''}${amountText(hours.total, hours.atLeast)} ${hours.unit}`;
}

/** 通识课程 10 + 专业课程 15 + 实践 25（学时）. */
export function hoursSplitText(hours: NonNullable<PolicyData['hours']>): string | undefined {
  if (hours.split.length === 0) return undefined;
  const parts = hours.split.map((s) => `${s.kind} ${amountText(s.amount, s.atLeast)}`);
  return `${parts.join(' + ')}（${hours.unit}）`;
}

/** 2021 → 2021年, 2021-09 → 2021年9月, 2021-08-15 → 2021年8月15日. */
export function chineseDate(date: string): string {
  const [year, month, day] = date.split('-');
  return `${year}年${month ? `${Number(month)}月` : ''}${day ? `${Number(day)}日` : ''}`;
}

/** When a target falls due: 2020 年, 2021年8月15日前, 2021年9月至2022年8月. */
export function quotaPeriodText(q: Quota): string {
  if (q.by === undefined) return `${q.year} 年`;
  return q.from === undefined ? `${chineseDate(q.by)}前` : `${chineseDate(q.from)}至${chineseDate(q.by)}`;
}

export function quotaText(q: Quota): string {
  return `${quotaPeriodText(q)} ${q.cumulative ? '累计 ' : ''}${q.atLeast ? '≥ ' : ''}${q.share}% ${q.of === '学校' ? '的学校' : '的教师'}`;
}

export function fundingText(f: NonNullable<PolicyData['funding']>): string {
  return f.amount !== undefined ? `${f.amount} ${f.unit ?? ''}：${f.description}` : f.description;
}

export interface ComparisonCell {
  /** What the cell shows; undefined when the document does not state it. */
  text?: string | undefined;
  /** Lines, for facts that are lists (phases, steps, teams). */
  lines?: string[] | undefined;
  /** Why the cell is empty, when it is. */
  gap?: FactGap | undefined;
}

export interface ComparisonRow {
  id: string;
  label: string;
  cells: Record<string, ComparisonCell>;
}

interface RowSpec {
  id: string;
  label: string;
  /** The frontmatter field the row reads, for telling why a cell is empty. */
  fact: PolicyFact | undefined;
  cell: (d: PolicyData) => ComparisonCell;
}

const text = (value: string | undefined): ComparisonCell => ({ text: value });
const lines = (values: string[]): ComparisonCell => (values.length > 0 ? { lines: values } : {});

/** The comparable facts, in the order a principal reads them. */
const ROWS: RowSpec[] = [
  { id: 'level', fact: undefined, label: '层级', cell: (d) => text(d.level) },
  { id: 'issuer', fact: 'issuer', label: '发文机关', cell: (d) => text(d.issuer) },
  { id: 'number', fact: 'number', label: '文号', cell: (d) => text(d.number) },
  { id: 'date', fact: 'date', label: '发布日期', cell: (d) => text(d.date) },
  {
    id: 'scope',
    fact: 'scope',
    label: '适用范围',
    cell: (d) => text(d.scope.length > 0 ? d.scope.join('、') : undefined),
  },
  {
    id: 'hours-total',
    fact: 'hours',
    label: '培训总量',
    cell: (d) => text(d.hours && hoursTotalText(d.hours)),
  },
  {
    id: 'hours-split',
    fact: 'hours',
    label: '学时构成',
    cell: (d) => text(d.hours && hoursSplitText(d.hours)),
  },
  { id: 'period', fact: 'period', label: '实施周期', cell: (d) => text(d.period?.text) },
  { id: 'deadline', fact: 'deadline', label: '完成时限', cell: (d) => text(d.deadline) },
  { id: 'quotas', fact: 'quotas', label: '年度进度', cell: (d) => lines(d.quotas.map(quotaText)) },
  {
    id: 'phases',
    fact: 'phases',
    label: '实施安排',
    cell: (d) =>
      lines(d.phases.map((p) => `${p.period}：${p.name}${p.description ? `（${p.description}）` : ''}`)),
  },
  { id: 'platforms', fact: 'platforms', label: '研修平台', cell: (d) => lines([...d.platforms]) },
  {
    id: 'assessment',
    fact: 'assessment',
    label: '校本应用考核流程',
    cell: (d) =>
      d.assessment
        ? { text: d.assessment.steps.join(' → ') + (d.assessment.note ? `（${d.assessment.note}）` : '') }
        : {},
  },
  {
    id: 'teams',
    fact: 'teams',
    label: '团队要求',
    cell: (d) => lines(d.teams.map((t) => `${t.name}：${t.description}`)),
  },
  { id: 'cio', fact: 'cio', label: '首席信息官', cell: (d) => text(d.cio) },
  { id: 'funding', fact: 'funding', label: '经费', cell: (d) => text(d.funding && fundingText(d.funding)) },
  {
    id: 'continuing-education',
    fact: 'continuingEducation',
    label: '学时认定与继续教育',
    cell: (d) => text(d.continuingEducation),
  },
  { id: 'pilots', fact: 'pilots', label: '试点', cell: (d) => text(d.pilots) },
  {
    id: 'cited',
    fact: 'citedDocuments',
    label: '依据的上级文件',
    cell: (d) => lines(d.citedDocuments.map((c) => `《${c.title}》${c.number ? `（${c.number}）` : ''}`)),
  },
];

export const COMPARISON_ROW_IDS: readonly string[] = ROWS.map((r) => r.id);

function cellFor(spec: RowSpec, d: PolicyData): ComparisonCell {
  const cell = spec.cell(d);
  const empty = cell.text === undefined && (cell.lines?.length ?? 0) === 0;
  if (!empty) return cell;
  // A row that reads part of a stated fact (学时构成 of a stated 培训总量) is empty because the
  // text is silent on that part, unless the handbook holds no text at all.
  const gap = !holdsFullText(d)
    ? 'notHeld'
    : spec.fact && !factStated(d, spec.fact)
      ? factGap(d, spec.fact)
      : 'unstated';
  return { ...cell, gap };
}

/** One row per comparable fact, one cell per document (an absent fact's cell says why it is empty). */
export function comparisonRows(policies: readonly Policy[]): ComparisonRow[] {
  return ROWS.map((spec) => ({
    id: spec.id,
    label: spec.label,
    cells: Object.fromEntries(policies.map((p) => [p.slug, cellFor(spec, p.data)])),
  }));
}

/** A cell with nothing to show: 原文未规定 or 本手册未收录原文. */
export function cellIsEmpty(cell: ComparisonCell | undefined): boolean {
  return !cell || (cell.text === undefined && (cell.lines?.length ?? 0) === 0);
}

/**
 * What a cell says, as one string: its text, or 原文未规定 / 本手册未收录原文 for an absent fact.
 * A missing cell is a document the rows were not built for, so nothing about it is held.
 */
export function cellText(cell: ComparisonCell | undefined): string {
  if (!cell) return NOT_HELD;
  if (cell.lines && cell.lines.length > 0) return cell.lines.join('\n');
  return cell.text ?? gapText(cell.gap ?? 'unstated');
}

/** True when the chosen documents do not all say the same (a stated fact differs from an absent one). */
export function rowDiffers(row: ComparisonRow, slugs: readonly string[]): boolean {
  return new Set(slugs.map((s) => cellText(row.cells[s]))).size > 1;
}

/** The comparison as CSV (the site's one writer): a header row of document names and a 是否不同 column. */
export function comparisonCsv(
  rows: readonly ComparisonRow[],
  columns: readonly { slug: string; name: string }[],
): string {
  const slugs = columns.map((c) => c.slug);
  const header = ['项目', ...columns.map((c) => c.name), '是否不同'];
  const body = rows.map((row) => [
    row.label,
    ...slugs.map((s) => cellText(row.cells[s])),
    rowDiffers(row, slugs) ? '不同' : '相同',
  ]);
  return csvText([header, ...body]);
}

/** Numbers the key-facts panel states, with the field they come from, for checking against the text. */
export function policyFigures(d: PolicyData): { field: string; value: number }[] {
  const figures: { field: string; value: number }[] = [];
  if (d.hours) {
    figures.push({ field: 'hours.total', value: d.hours.total });
    d.hours.split.forEach((s, i) => figures.push({ field: `hours.split.${i}.amount`, value: s.amount }));
  }
  d.quotas.forEach((q, i) => {
    figures.push({ field: `quotas.${i}.share`, value: q.share });
    figures.push({ field: `quotas.${i}.year`, value: Number(q.year) });
  });
  if (d.funding?.amount !== undefined) figures.push({ field: 'funding.amount', value: d.funding.amount });
  if (d.selection?.minAbilities !== undefined)
    figures.push({ field: 'selection.minAbilities', value: d.selection.minAbilities });
  return figures;
}

/** Whether a number stands in a text as a number of its own (50 in "不少于50学时", not in "150"). */
export function textStatesNumber(text: string, value: number): boolean {
  const pattern = new RegExp(`(?<![0-9.])${String(value).replace('.', '\\.')}(?![0-9]|\\.[0-9])`);
  return pattern.test(text.replace(/[\s\u3000]+/g, ''));
}

/** A year stands in a text on its own or inside a stated span ("2020-2022 年分三年…" covers 2021). */
export function textStatesYear(text: string, year: number): boolean {
  if (textStatesNumber(text, year)) return true;
  const compact = text.replace(/[\s\u3000]+/g, '');
  for (const m of compact.matchAll(/(?<!\d)(\d{4})年?[-—–~至到](\d{4})(?!\d)/g)) {
    if (Number(m[1]) <= year && year <= Number(m[2])) return true;
  }
  return false;
}
