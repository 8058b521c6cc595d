/**
 * The rubric editor's working state (/rubrics/): what a person has typed so far, kept as text
 * so that a half-filled form can be saved in the browser, and turned into a rubric pack only
 * when it is complete. Starting from the handbook's partial entries (A1, A5) keeps what the
 * handbook knows, so only the missing part is typed.
 *
 * The autosave format is versioned like every stored file; a saved state that no longer reads
 * as a whole is salvaged ability by ability, never wiped.
 */
import { z } from 'zod';
import { lazySchema } from '../files/lazy-schema';
import { makePack, type RubricPack } from './rubric-file';
import {
  abilityRubricSchema,
  EVIDENCE_FORMS,
  rubricSourceSchema,
  type AbilityRubric,
  type AbilityRubricInput,
  type RubricSource,
} from '../grading/rubric-schema';
import { CODE_PATTERN, compareCodes } from '../content/taxonomy';
import { isPlainRecord, upgrade, type Migration } from '../files/versioned-file';

z.config({ jitless: true });

export const EDITOR_STORAGE_KEY = 'weinengli.rubric-editor';
export const EDITOR_VERSION = 2;

/**
 * A date as people typed it before 录入日期 became a date picker (2025/3/1, 2025.03.01,
 * 2025年3月1日) in the picker's form, 2025-03-01; any other text is kept as it was.
 */
export function normalDate(text: string): string {
  const match = /^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$/.exec(text);
  if (!match) return text;
  const [, year, month, day] = match;
  const iso = `${year}-${month?.padStart(2, '0')}-${day?.padStart(2, '0')}`;
  return isFullDate(iso) ? iso : text;
}

/** A real calendar day written 2025-03-01: what a date picker shows. */
export function isFullDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** By the version they upgrade from. 1 → 2: 录入日期 typed as free text, in the date picker's form. */
export const EDITOR_MIGRATIONS: Readonly<Record<number, Migration>> = {
  1: (old) => {
    const record = isPlainRecord(old) ? old : {};
    const source = record['source'];
    const enteredAt = isPlainRecord(source) ? source['enteredAt'] : undefined;
    return {
      ...record,
      version: 2,
      ...(isPlainRecord(source) && typeof enteredAt === 'string'
        ? { source: { ...source, enteredAt: normalDate(enteredAt) } }
        : {}),
    };
  },
};

export type GradedChoice = '评分' | '不评分' | '未知';

export interface ItemDraft {
  id: string;
  label: string;
  name: string;
  forms: string[];
  requirement: string;
  required: boolean;
  graded: GradedChoice;
  /** Id of the alternative group ('' for none). */
  group: string;
  maxMinutes: string;
  qualifier: '' | '原则上' | '一般';
  count: string;
  teacherOnCamera: boolean;
  /** One criterion a line. */
  excellent: string;
  pass: string;
}

export interface GroupDraft {
  id: string;
  label: string;
  name: string;
  instruction: string;
}

export interface AbilityDraft {
  code: string;
  name: string;
  groups: GroupDraft[];
  items: ItemDraft[];
}

export interface SourceDraft {
  title: string;
  number: string;
  issuer: string;
  year: string;
  region: string;
  regionName: string;
  enteredBy: string;
  enteredAt: string;
}

export interface EditorState {
  app: '微能力手册';
  kind: '评价标准草稿';
  version: typeof EDITOR_VERSION;
  source: SourceDraft;
  abilities: AbilityDraft[];
  current?: string | undefined;
}

const short = (max: number) => z.string().max(max);
export const itemDraftSchema = lazySchema(() =>
  z
    .object({
      id: short(40),
      label: short(20),
      name: short(100),
      forms: z.array(z.enum(EVIDENCE_FORMS)).max(EVIDENCE_FORMS.length),
      requirement: short(2000),
      required: z.boolean(),
      graded: z.enum(['评分', '不评分', '未知']),
      group: short(40),
      maxMinutes: short(10),
      qualifier: z.enum(['', '原则上', '一般']),
      count: short(10),
      teacherOnCamera: z.boolean(),
      excellent: short(12_000),
      pass: short(12_000),
    })
    .strict(),
);
const groupDraftSchema = lazySchema(() =>
  z.object({ id: short(40), label: short(20), name: short(100), instruction: short(2000) }).strict(),
);
const abilityDraftSchema = lazySchema(() =>
  z
    .object({
      code: z.string().regex(CODE_PATTERN),
      name: short(100),
      groups: z.array(groupDraftSchema).max(6),
      items: z.array(itemDraftSchema).max(12),
    })
    .strict(),
);
const sourceDraftSchema = lazySchema(() =>
  z
    .object({
      title: short(200),
      number: short(60),
      issuer: short(100),
      year: short(4),
      region: short(60),
      regionName: short(60),
      enteredBy: short(60),
      enteredAt: short(10),
    })
    .strict(),
);

export function emptySource(today: Date = new Date()): SourceDraft {
  return {
    title: '',
    number: '',
    issuer: '',
    year: '',
    region: '',
    regionName: '',
    enteredBy: '',
    enteredAt: today.toISOString().slice(0, 10),
  };
}

export function emptyEditorState(today?: Date): EditorState {
  return {
    app: '微能力手册',
    kind: '评价标准草稿',
    version: EDITOR_VERSION,
    source: emptySource(today),
    abilities: [],
  };
}

export function blankItem(index: number): ItemDraft {
  return {
    id: `item-${index + 1}`,
    label: String(index + 1),
    name: '',
    // None ticked: a ready-made 文本 was saved unnoticed for videos; the form asks for one.
    forms: [],
    requirement: '',
    required: true,
    graded: '评分',
    group: '',
    maxMinutes: '',
    qualifier: '',
    count: '',
    teacherOnCamera: false,
    excellent: '',
    pass: '',
  };
}

/** An id for a new item or group, unused among `taken`. */
export function freshId(prefix: string, taken: readonly string[]): string {
  for (let n = taken.length + 1; ; n++) if (!taken.includes(`${prefix}-${n}`)) return `${prefix}-${n}`;
}

/** The editor form of a rubric: the handbook's (possibly partial) entry or a file's. */
export function draftFromRubric(rubric: AbilityRubricInput): AbilityDraft {
  return {
    code: rubric.code,
    name: rubric.name,
    groups: (rubric.alternativeGroups ?? []).map((g) => ({ ...g })),
    items: (rubric.evidence ?? []).map((e) => ({
      id: e.id,
      label: e.label,
      name: e.name,
      forms: [...e.forms],
      requirement: e.requirement ?? '',
      required: e.required ?? true,
      graded: e.graded === true ? '评分' : e.graded === false ? '不评分' : '未知',
      group: e.alternativeGroup ?? '',
      maxMinutes: e.limits?.maxMinutes?.toString() ?? '',
      qualifier: e.limits?.maxMinutesQualifier ?? '',
      count: e.limits?.count?.toString() ?? '',
      teacherOnCamera: e.limits?.teacherOnCamera === true,
      excellent: e.criteria?.excellent.join('\n') ?? '',
      pass: e.criteria?.pass.join('\n') ?? '',
    })),
  };
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** A number typed in a field: '' is none, anything else must read as a number. */
function typedNumber(text: string): number | undefined | 'bad' {
  const t = text.trim();
  if (t === '') return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : 'bad';
}

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: string[] };

/** The rubric the form describes, or every problem with it in words for the person typing. */
export function rubricFromDraft(draft: AbilityDraft): Checked<AbilityRubric> {
  const errors: string[] = [];
  const at = (i: number, item: ItemDraft) =>
    `第 ${i + 1} 项证据${item.name.trim() ? `“${item.name.trim()}”` : ''}`;
  if (draft.items.length === 0) errors.push(`${draft.code}：至少要有一项证据。`);
  const evidence = draft.items.map((item, i) => {
    const minutes = typedNumber(item.maxMinutes);
    const count = typedNumber(item.count);
    if (item.name.trim() === '') errors.push(`${at(i, item)}：请填写名称。`);
    if (item.forms.length === 0) errors.push(`${at(i, item)}：请至少选一种形式。`);
    if (minutes === 'bad' || (typeof minutes === 'number' && !(minutes > 0 && minutes <= 600)))
      errors.push(`${at(i, item)}：时长上限须是 0—600 之间的分钟数，例如 10。`);
    if (
      count === 'bad' ||
      (typeof count === 'number' && !(Number.isInteger(count) && count >= 1 && count <= 100))
    )
      errors.push(`${at(i, item)}：份数须是 1—100 之间的整数，例如 2。`);
    if (item.qualifier !== '' && minutes === undefined)
      errors.push(`${at(i, item)}：“${item.qualifier}”要和时长上限一起填写。`);
    const excellent = lines(item.excellent);
    const pass = lines(item.pass);
    if (item.graded === '评分' && (excellent.length === 0 || pass.length === 0))
      errors.push(`${at(i, item)}：要评分，请分别填写优秀标准和合格标准（每行一条）。`);
    if (item.group !== '' && !draft.groups.some((g) => g.id === item.group))
      errors.push(`${at(i, item)}：所属的任务组已不存在，请重新选择。`);
    return {
      id: item.id,
      label: item.label.trim() || String(i + 1),
      name: item.name.trim(),
      forms: item.forms,
      ...(item.requirement.trim() ? { requirement: item.requirement.trim() } : {}),
      required: item.required,
      graded: item.graded === '评分' ? true : item.graded === '不评分' ? false : ('unknown' as const),
      ...(item.group ? { alternativeGroup: item.group } : {}),
      limits: {
        ...(typeof minutes === 'number' ? { maxMinutes: minutes } : {}),
        ...(item.qualifier && typeof minutes === 'number' ? { maxMinutesQualifier: item.qualifier } : {}),
        ...(typeof count === 'number' ? { count } : {}),
        ...(item.teacherOnCamera ? { teacherOnCamera: true } : {}),
      },
      ...(item.graded === '评分' ? { criteria: { excellent, pass } } : {}),
    };
  });
  draft.groups.forEach((g, i) => {
    if (g.name.trim() === '') errors.push(`第 ${i + 1} 个任务组：请填写名称。`);
    if (draft.items.filter((item) => item.group === g.id).length < 2)
      errors.push(`任务组“${g.name.trim() || i + 1}”：至少要有两个可选任务。`);
  });
  if (errors.length > 0) return { ok: false, errors };
  const groups = draft.groups.map((g, i) => ({
    id: g.id,
    label: g.label.trim() || String(i + 1),
    name: g.name.trim(),
    instruction: g.instruction.trim() || '以下任务任选其一提交',
  }));
  const parsed = abilityRubricSchema.safeParse({
    code: draft.code,
    name: draft.name,
    alternativeGroups: groups,
    evidence,
  });
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => `${draft.code}：${issue.path.join('.')} ${issue.message}`),
    };
  }
  return { ok: true, value: parsed.data };
}

export function sourceFromDraft(draft: SourceDraft): Checked<RubricSource> {
  const errors: string[] = [];
  if (draft.title.trim() === '') errors.push('来源：请填写考核指南的名称。');
  if (draft.enteredBy.trim() === '') errors.push('来源：请填写录入人（个人或团队）。');
  if (draft.year.trim() !== '' && !/^\d{4}$/.test(draft.year.trim()))
    errors.push('来源：年份写成四位数字，例如 2021。');
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(draft.enteredAt.trim())) errors.push('来源：请选择录入日期。');
  const value = Object.fromEntries(
    Object.entries(draft)
      .map(([k, v]) => [k, v.trim()])
      .filter(([, v]) => v !== ''),
  );
  const parsed = rubricSourceSchema.safeParse(value);
  if (errors.length === 0 && !parsed.success) {
    errors.push(...parsed.error.issues.map((i) => `来源：${i.path.join('.')} ${i.message}`));
  }
  return errors.length > 0 || !parsed.success ? { ok: false, errors } : { ok: true, value: parsed.data };
}

/** The pack to download or share, or every problem that stops it. */
export function packFromEditor(state: EditorState, now = new Date()): Checked<RubricPack> {
  const errors: string[] = [];
  const source = sourceFromDraft(state.source);
  if (!source.ok) errors.push(...source.errors);
  if (state.abilities.length === 0) errors.push('请至少录入一个微能力点。');
  const rubrics: AbilityRubric[] = [];
  for (const ability of state.abilities) {
    const checked = rubricFromDraft(ability);
    if (checked.ok) rubrics.push(checked.value);
    else errors.push(...checked.errors.map((e) => (e.startsWith(ability.code) ? e : `${ability.code} ${e}`)));
  }
  if (errors.length > 0 || !source.ok) return { ok: false, errors };
  return { ok: true, value: makePack(source.value, rubrics, now) };
}

/** The editor state a pack opens as (to correct a colleague's file). */
export function editorFromPack(pack: RubricPack): EditorState {
  const s = pack.source;
  return {
    ...emptyEditorState(),
    source: {
      title: s.title,
      number: s.number ?? '',
      issuer: s.issuer ?? '',
      year: s.year ?? '',
      region: s.region ?? '',
      regionName: s.regionName ?? '',
      enteredBy: s.enteredBy,
      enteredAt: s.enteredAt,
    },
    abilities: pack.abilities.map(draftFromRubric),
    current: pack.abilities[0]?.code,
  };
}

/** Adds (or replaces) an ability, keeping code order. */
export function withAbility(state: EditorState, ability: AbilityDraft): EditorState {
  const others = state.abilities.filter((a) => a.code !== ability.code);
  return {
    ...state,
    abilities: [...others, ability].sort((a, b) => compareCodes(a.code, b.code)),
    current: ability.code,
  };
}

// ---------------------------------------------------------------------------------------------
// Autosave

export type LoadedEditor =
  | { status: 'empty' }
  | { status: 'ok'; state: EditorState }
  /** Only part could be read: `state` holds every readable part, `raw` the text as it was. */
  | { status: 'salvaged'; state: EditorState; raw: string; lost: string[] };

/** Reads the saved editor text. Never throws; keeps every ability and source field that reads. */
export function loadEditorText(raw: string | null | undefined): LoadedEditor {
  if (raw === null || raw === undefined || raw === '') return { status: 'empty' };
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { status: 'salvaged', state: emptyEditorState(), raw, lost: ['全部内容（保存的数据已损坏）'] };
  }
  const upgraded = isPlainRecord(data)
    ? upgrade(data, EDITOR_VERSION, EDITOR_MIGRATIONS, '保存的评价标准草稿')
    : undefined;
  if (!upgraded || !upgraded.ok || !isPlainRecord(upgraded.data)) {
    return { status: 'salvaged', state: emptyEditorState(), raw, lost: ['全部内容（无法识别的保存格式）'] };
  }
  const record = upgraded.data;
  const lost: string[] = [];
  const state = emptyEditorState();
  const source = sourceDraftSchema.safeParse(record['source']);
  if (source.success) state.source = source.data;
  else if (isPlainRecord(record['source'])) {
    for (const key of Object.keys(state.source) as (keyof SourceDraft)[]) {
      const field = sourceDraftSchema.shape[key].safeParse(record['source'][key]);
      if (field.success) state.source[key] = field.data;
      else lost.push(`来源的“${key}”`);
    }
  } else lost.push('来源');
  const abilities = Array.isArray(record['abilities']) ? (record['abilities'] as unknown[]).slice(0, 30) : [];
  if (!Array.isArray(record['abilities'])) lost.push('微能力点列表');
  const seen = new Set<string>();
  abilities.forEach((a, i) => {
    const parsed = abilityDraftSchema.safeParse(a);
    if (parsed.success && !seen.has(parsed.data.code)) {
      seen.add(parsed.data.code);
      state.abilities.push(parsed.data);
    } else {
      const code =
        isPlainRecord(a) && typeof a['code'] === 'string' ? a['code'].slice(0, 3) : `第 ${i + 1} 个`;
      lost.push(`微能力点 ${code}`);
    }
  });
  state.abilities.sort((a, b) => compareCodes(a.code, b.code));
  const current = record['current'];
  if (typeof current === 'string' && seen.has(current)) state.current = current;
  return lost.length === 0 ? { status: 'ok', state } : { status: 'salvaged', state, raw, lost };
}

export function editorText(state: EditorState): string {
  return JSON.stringify(state);
}

/**
 * Lists an entry's body states as expectations without making them criteria (A3's
 * “学校对演示文稿的要求”): `## 学校对…要求` sections and their bullets, shown beside the form.
 */
export function expectationsFromBody(body: string): { title: string; points: string[] }[] {
  const sections: { title: string; points: string[] }[] = [];
  let current: { title: string; points: string[] } | undefined;
  for (const line of body.split('\n')) {
    const heading = /^##\s+(.+?)\s*$/.exec(line);
    if (heading) {
      current = heading[1]?.includes('要求') ? { title: heading[1], points: [] } : undefined;
      if (current) sections.push(current);
      continue;
    }
    const bullet = /^\s*[-*]\s+(.+?)\s*$/.exec(line);
    if (current && bullet?.[1]) current.points.push(bullet[1]);
  }
  return sections.filter((s) => s.points.length > 0);
}
