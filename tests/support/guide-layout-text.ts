/**
 * Writes a rubric out in the 规范's layout, as a 考核指南 prints it: the generator side of the
 * reader's round-trip property. Plain text (the 优秀 list then the 合格 list, lines broken where a
 * page would break them) or HTML as Word gives it (a two-column table of bullet lists).
 */
import fc from 'fast-check';
import { ENVIRONMENTS, environmentOfCode, NATIONAL_CODES } from '../../src/lib/content/taxonomy';
import type { AbilityRubric, EvidenceForm } from '../../src/lib/grading/rubric-schema';

/** Characters that spell nothing the layout gives a meaning to (no numbers, forms, limits, marks). */
const PLAIN =
  '学习活动设计方案数据分析模型过程结果反思资源路径评价策略清晰完整呈现具体情景对象方法应用丰富有效科学创新价值问题理解表达交流探究主题环节支持工具课堂单元目标内容素养思维习惯协作自主效果改进组织观察记录整理总结提炼';

export const plainText = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...PLAIN), minLength: min, maxLength: max });

/** Forms the way a 考核指南 words them, and the forms they mean. */
const FORM_WORDING: [string, EvidenceForm[]][] = [
  ['', ['文本']],
  ['以视频形式提交', ['视频']],
  ['以音频或视频方式提交', ['视频', '音频']],
  ['建议结合图文进行呈现', ['文本', '图片']],
];

export interface LaidItem {
  name: string;
  base: string;
  wording: number;
  minutes?: number | undefined;
  qualifier?: '原则上' | '一般' | undefined;
  onCamera: boolean;
  count?: number | undefined;
  excellent?: string[] | undefined;
  pass?: string[] | undefined;
}

export interface LaidAbility {
  code: string;
  name: string;
  statement: string;
  goals: string[];
  items: LaidItem[];
  /** Index of the first of two items offered as 任务一 / 任务二, after a group heading. */
  group?: { at: number; name: string; instruction: string } | undefined;
  practice: string;
}

const criteriaArb = fc.array(plainText(4, 40), { minLength: 1, maxLength: 6 });

const itemArb: fc.Arbitrary<LaidItem> = fc
  .record({
    name: plainText(2, 10),
    base: plainText(4, 80),
    wording: fc.integer({ min: 0, max: FORM_WORDING.length - 1 }),
    minutes: fc.option(fc.integer({ min: 1, max: 60 }), { nil: undefined }),
    qualifier: fc.option(fc.constantFrom('原则上' as const, '一般' as const), { nil: undefined }),
    onCamera: fc.boolean(),
    count: fc.option(fc.integer({ min: 2, max: 9 }), { nil: undefined }),
    graded: fc.boolean(),
    excellent: criteriaArb,
    pass: criteriaArb,
  })
  .map(({ graded, excellent, pass, ...item }) => (graded ? { ...item, excellent, pass } : item));

export const laidAbilityArb: fc.Arbitrary<LaidAbility> = fc
  .record({
    code: fc.constantFrom(...NATIONAL_CODES),
    name: plainText(4, 16),
    statement: plainText(6, 60),
    goals: fc.array(plainText(4, 30), { minLength: 1, maxLength: 4 }),
    items: fc.array(itemArb, { minLength: 1, maxLength: 5 }),
    grouped: fc.boolean(),
    groupName: plainText(2, 8),
    instruction: plainText(4, 30),
    practice: plainText(10, 200),
  })
  .map(({ grouped, groupName, instruction, ...a }) => ({
    ...a,
    group:
      grouped && a.items.length >= 2 ? { at: a.items.length - 2, name: groupName, instruction } : undefined,
  }));

const TASK = ['任务一', '任务二'];

function requirementOf(item: LaidItem): string {
  const parts = [`${item.base}。`];
  if (item.count !== undefined) parts.push(`提交 ${item.count} 份。`);
  const form = FORM_WORDING[item.wording]?.[0] ?? '';
  const limits = [
    form,
    item.onCamera ? '需出现教师个人形象' : '',
    item.minutes !== undefined ? `时间${item.qualifier ?? ''}不超过 ${item.minutes} 分钟` : '',
  ].filter(Boolean);
  if (limits.length) parts.push(`${limits.join(',')}。`);
  return parts.join('');
}

/** The rubric the layout states: what a faithful reader must give back. */
export function rubricOf(a: LaidAbility): AbilityRubric {
  const groupId = 'group';
  return {
    code: a.code,
    name: a.name,
    alternativeGroups: a.group
      ? [{ id: groupId, label: String(a.group.at + 1), name: a.group.name, instruction: a.group.instruction }]
      : [],
    evidence: a.items.map((item, i) => {
      const inGroup = a.group !== undefined && i >= a.group.at;
      return {
        id: `item-${i + 1}`,
        label:
          inGroup && a.group ? (TASK[i - a.group.at] ?? '') : String(a.group && i > a.group.at ? i : i + 1),
        name: item.name,
        forms: FORM_WORDING[item.wording]?.[1] ?? ['文本'],
        requirement: requirementOf(item),
        required: true,
        graded: item.excellent !== undefined,
        ...(inGroup ? { alternativeGroup: groupId } : {}),
        limits: {
          ...(item.minutes !== undefined ? { maxMinutes: item.minutes } : {}),
          ...(item.minutes !== undefined && item.qualifier ? { maxMinutesQualifier: item.qualifier } : {}),
          ...(item.count !== undefined ? { count: item.count } : {}),
          ...(item.onCamera ? { teacherOnCamera: true } : {}),
        },
        ...(item.excellent && item.pass
          ? { criteria: { excellent: listed(item.excellent), pass: listed(item.pass) } }
          : {}),
      };
    }),
  };
}

/** Entries of a list as the 规范 writes them: "；" after each, "。" after the last. */
const listed = (entries: readonly string[]) =>
  entries.map((e, i) => `${e}${i === entries.length - 1 ? '。' : ';'}`);

function ticks(code: string): string[] {
  const environment = environmentOfCode(code);
  return [
    '能力维度 □学情分析□教学设计√学法指导 □学业评价',
    `所属环境 ${ENVIRONMENTS.map((e) => `${e === environment ? '√' : '□'}${e}`).join(' ')}`,
  ];
}

/** Breaks Chinese text where a narrow column would, never inside a number. */
export function broken(text: string, width: number): string[] {
  const lines: string[] = [];
  let rest = text;
  while (rest.length > width) {
    let cut = width;
    while (cut > 1 && /[0-9A-Za-z ]/.test(rest.charAt(cut - 1) + rest.charAt(cut))) cut--;
    lines.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  lines.push(rest);
  return lines;
}

/** Plain text, criteria flattened 优秀-first, every line broken at `width` characters. */
export function layoutText(abilities: readonly LaidAbility[], width = 1000): string {
  const out: string[] = ['某某省中小学教师信息技术应用能力提升工程2.0校本应用考核指南'];
  for (const a of abilities) {
    const rubric = rubricOf(a);
    out.push(`${a.code} ${a.name}`, ...ticks(a.code), '能力描述', ...broken(a.statement, width));
    out.push(...a.goals.map((g) => `⚫ ${g}`), '提交指南和评价标准');
    rubric.evidence.forEach((item, i) => {
      if (a.group && i === a.group.at)
        out.push(...broken(`${a.group.at + 1}. ${a.group.name}:${a.group.instruction}`, width));
      const head = item.alternativeGroup ? `${item.label}:` : `${item.label}. ${item.name}:`;
      out.push(...broken(`${head}${item.requirement ?? ''}`, width));
      if (item.criteria) {
        out.push('优秀 合格');
        for (const entry of [...item.criteria.excellent, ...item.criteria.pass])
          out.push(...broken(` ${entry}`, width));
      }
    });
    out.push('实践建议', ...broken(a.practice, width));
  }
  return out.join('\n');
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** HTML as mammoth renders a Word file: paragraphs, and each criteria table with bullet lists. */
export function layoutHtml(abilities: readonly LaidAbility[]): string {
  const p = (s: string) => `<p>${escape(s)}</p>`;
  const out: string[] = [p('某某省中小学教师信息技术应用能力提升工程2.0校本应用考核指南')];
  for (const a of abilities) {
    const rubric = rubricOf(a);
    out.push(p(`${a.code} ${a.name}`), ...ticks(a.code).map(p), p('能力描述'), p(a.statement));
    out.push(`<ul>${a.goals.map((g) => `<li>${escape(g)}</li>`).join('')}</ul>`, p('提交指南和评价标准'));
    rubric.evidence.forEach((item, i) => {
      if (a.group && i === a.group.at)
        out.push(p(`${a.group.at + 1}. ${a.group.name}:${a.group.instruction}`));
      out.push(
        p(
          item.alternativeGroup
            ? `${item.label}:${item.requirement ?? ''}`
            : `${item.label}. ${item.name}:${item.requirement ?? ''}`,
        ),
      );
      if (item.criteria) {
        const cell = (entries: string[]) =>
          `<td><ul>${entries.map((e) => `<li>${escape(e)}</li>`).join('')}</ul></td>`;
        out.push(
          `<table><tr><td><p>优秀</p></td><td><p>合格</p></td></tr><tr>${cell(item.criteria.excellent)}${cell(item.criteria.pass)}</tr></table>`,
        );
      }
    });
    out.push(p('实践建议'), p(a.practice));
  }
  return out.join('');
}
