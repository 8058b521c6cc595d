/**
 * Reads a draft part by part, so that one bad field never costs the teacher the rest: every
 * valid part is kept, a string that is only too long is cut to its limit, and anything else
 * invalid is dropped (or, where the draft cannot do without it, reset to its empty value).
 * Each thing set aside is described in Chinese — where it was, what was wrong, what was done —
 * so the teacher can re-enter it; the original file can still be downloaded.
 *
 * The input is a current-version draft object whose app marker and version are already checked
 * (see importDraftText). Never throws on any JSON-like input.
 */
import type { z } from 'zod';
import { idFromContent } from './draft-hash';
import {
  APP_MARKER,
  DRAFT_VERSION,
  abilityEvidenceSchema,
  alternativeGroupSchema,
  chineseIssue,
  codeKey,
  codeSchema,
  customRubricSchema,
  describePath,
  draftIdSchema,
  draftProfileSchema,
  evidenceFileSchema,
  idSchema,
  isPlainRecord,
  itemEvidenceSchema,
  limitsSchema,
  rubricItemSchema,
  safeKey,
  savedAtSchema,
  shorten,
  stepSchema,
  type CustomRubric,
  type DescribeOptions,
  type Draft,
  type DraftProfile,
} from './draft-schema';
import type { AbilityEvidence, EvidenceFile, ItemEvidence, RubricItem } from '../grading/grading';
import { rubricSourceSchema } from '../grading/rubric-schema';

export interface Salvaged {
  draft: Draft;
  /** What could not be kept, one Chinese sentence each; empty when the draft was valid. */
  setAside: string[];
}

type Path = readonly (string | number)[];

const MAX_ABILITIES = 30;
const MAX_RECORD = 30;

/** Placeholder for an unreadable criterion of a teacher-entered rubric: keeps the others' numbering (ticks refer to it). */
export const UNREADABLE_CRITERION = '（此条标准无法读取，请重新录入）';

interface Context {
  input: Record<string, unknown>;
  options: DescribeOptions;
  notes: string[];
}

type Check<T> = { ok: true; value: T; cut?: number } | { ok: false; message: string };

function check<T>(schema: z.ZodType<T>, value: unknown): Check<T> {
  const result = schema.safeParse(value, { error: chineseIssue });
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  // A string that is only too long keeps its first `maximum` characters.
  if (issue && issue.code === 'too_big' && issue.origin === 'string' && issue.path.length === 0) {
    const max = Number(issue.maximum);
    if (typeof value === 'string' && Number.isSafeInteger(max)) {
      const cut = schema.safeParse(value.slice(0, max), { error: chineseIssue });
      if (cut.success) return { ok: true, value: cut.data, cut: max };
    }
  }
  return { ok: false, message: issue?.message ?? '取值不符合要求' };
}

function shown(value: unknown): string {
  if (typeof value === 'string') return value === '' ? '空' : `“${shorten(value, 20)}”`;
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return '一个列表';
  if (value === undefined) return '空';
  return '一组内容';
}

function note(ctx: Context, path: Path, message: string, action: string, value?: unknown): void {
  const where = path.length === 0 ? '自评记录' : describePath(path, ctx.input, ctx.options);
  const original = value === undefined ? '' : `（原来是 ${shown(value)}）`;
  ctx.notes.push(`${where}：${message}${original}，${action}。`);
}

function own(record: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** The valid (or cut) value, or undefined after noting `action`. */
function read<T>(
  ctx: Context,
  path: Path,
  schema: z.ZodType<T>,
  value: unknown,
  action: string,
): T | undefined {
  const result = check(schema, value);
  if (result.ok) {
    if (result.cut !== undefined) note(ctx, path, `超过 ${result.cut} 个字`, `只保留了前 ${result.cut} 个字`);
    return result.value;
  }
  note(ctx, path, result.message, action, value);
  return undefined;
}

/** An optional field: the valid (or cut) value, or undefined with a note. */
function optional<T>(ctx: Context, path: Path, schema: z.ZodType<T>, value: unknown): T | undefined {
  return value === undefined ? undefined : read(ctx, path, schema, value, '已舍弃');
}

/** The optional field `key` of `record`, at `path`. */
function optionalKey<T>(
  ctx: Context,
  path: Path,
  record: Record<string, unknown>,
  key: string,
  schema: z.ZodType<T>,
): T | undefined {
  return optional(ctx, [...path, key], schema, own(record, key));
}

/** A field the draft cannot do without: the valid (or cut) value, or the fallback with a note. */
function required<T>(
  ctx: Context,
  path: Path,
  schema: z.ZodType<T>,
  value: unknown,
  fallback: T,
  action: string,
): T {
  if (value === undefined) {
    note(ctx, path, '缺少此项', action);
    return fallback;
  }
  return read(ctx, path, schema, value, action) ?? fallback;
}

/** A field whose loss makes its whole entry meaningless (a file's size): undefined means drop the entry. */
function essential<T>(
  ctx: Context,
  path: Path,
  schema: z.ZodType<T>,
  value: unknown,
  whole: string,
): T | undefined {
  const result = value === undefined ? undefined : check(schema, value);
  if (result?.ok) {
    if (result.cut !== undefined) note(ctx, path, `超过 ${result.cut} 个字`, `只保留了前 ${result.cut} 个字`);
    return result.value;
  }
  note(ctx, path, result ? result.message : '缺少此项', `${whole}已舍弃`, value);
  return undefined;
}

function dropUnknownKeys(
  ctx: Context,
  path: Path,
  record: Record<string, unknown>,
  known: readonly string[],
): void {
  for (const key of Object.keys(record)) {
    if (!known.includes(key)) note(ctx, [...path, key], '不是自评文件中的内容', '已舍弃');
  }
}

/** An entry of a list or record that must be an object: its unknown keys noted and dropped, or undefined (noted) when it is not an object. */
function entryAt(
  ctx: Context,
  path: Path,
  value: unknown,
  what: string,
  known: readonly string[],
): Record<string, unknown> | undefined {
  if (!isPlainRecord(value)) {
    note(ctx, path, `应为${what}`, '已舍弃', value);
    return undefined;
  }
  dropUnknownKeys(ctx, path, value, known);
  return value;
}

function recordAt(
  ctx: Context,
  path: Path,
  value: unknown,
  action: string,
): Record<string, unknown> | undefined {
  if (isPlainRecord(value)) return value;
  note(ctx, path, value === undefined ? '缺少此项' : '应为一组内容（对象）', action, value);
  return undefined;
}

function listAt(ctx: Context, path: Path, value: unknown, action: string): unknown[] | undefined {
  if (Array.isArray(value)) return value;
  note(ctx, path, value === undefined ? '缺少此项' : '应为列表', action, value);
  return undefined;
}

/** The entries of a record whose keys pass `keySchema`, at most `max`; the rest noted and dropped. */
function entries(
  ctx: Context,
  path: Path,
  record: Record<string, unknown>,
  keySchema: z.ZodType<string>,
  max: number,
): [string, unknown][] {
  const kept: [string, unknown][] = [];
  for (const key of Object.keys(record)) {
    const result = check(keySchema, key);
    if (!result.ok || result.cut !== undefined) {
      note(
        ctx,
        [...path, key],
        // The schema's message starts with 名称 too: said once.
        result.ok ? '名称过长' : `名称“${shorten(key, 20)}”${result.message.replace(/^名称/, '')}`,
        '整项已舍弃',
      );
    } else if (kept.length >= max) {
      note(ctx, [...path, key], `超过 ${max} 项的上限`, '整项已舍弃');
    } else {
      kept.push([key, record[key]]);
    }
  }
  return kept;
}

/** Every element of a list that passes on its own, at most `max`; the rest noted and dropped. */
function elements<T>(
  ctx: Context,
  path: Path,
  list: readonly unknown[],
  max: number,
  read: (value: unknown, at: Path) => T | undefined,
): T[] {
  const kept: T[] = [];
  list.forEach((value, i) => {
    if (kept.length >= max) {
      note(ctx, [...path, i], `超过 ${max} 项的上限`, '已舍弃');
      return;
    }
    const result = read(value, [...path, i]);
    if (result !== undefined) kept.push(result);
  });
  return kept;
}

// ---------------------------------------------------------------------------------------------

// Read when a draft is salvaged, not as the module loads (src/lib/files/lazy-schema.ts).
const profileFields = () => Object.keys(draftProfileSchema.shape) as (keyof DraftProfile)[];

function salvageProfile(ctx: Context, value: unknown): DraftProfile {
  const profile: DraftProfile = { name: '', school: '', subject: '', stage: '', region: '', environment: '' };
  const record = recordAt(ctx, ['profile'], value, '已清空');
  if (!record) return profile;
  const fields = profileFields();
  dropUnknownKeys(ctx, ['profile'], record, fields);
  for (const key of fields) {
    const schema = draftProfileSchema.shape[key] as z.ZodType<string | undefined>;
    const raw = own(record, key);
    if (key === 'regionOther') {
      const other = optional(ctx, ['profile', key], schema, raw);
      if (other !== undefined) profile.regionOther = other;
    } else {
      (profile as unknown as Record<string, unknown>)[key] = required(
        ctx,
        ['profile', key],
        schema,
        raw,
        '',
        '已清空',
      );
    }
  }
  return profile;
}

function salvageAbilities(ctx: Context, value: unknown): string[] {
  const list = listAt(ctx, ['abilities'], value, '已清空');
  if (!list) return [];
  const seen = new Set<string>();
  return elements(ctx, ['abilities'], list, MAX_ABILITIES, (code, at) => {
    const result = check(codeSchema, code);
    if (!result.ok) {
      note(ctx, at, result.message, '已舍弃', code);
      return undefined;
    }
    if (seen.has(result.value)) {
      note(ctx, at, `${result.value} 重复`, '已舍弃');
      return undefined;
    }
    seen.add(result.value);
    return result.value;
  });
}

function salvageFile(ctx: Context, value: unknown, path: Path): EvidenceFile | undefined {
  const shape = evidenceFileSchema.shape;
  const record = entryAt(ctx, path, value, '一组文件信息', Object.keys(shape));
  if (!record) return undefined;
  const name = essential(ctx, [...path, 'name'], shape.name, own(record, 'name'), '这个文件的记录');
  if (name === undefined) return undefined;
  const size = essential(
    ctx,
    [...path, 'size'],
    shape.size,
    own(record, 'size'),
    `文件“${shorten(name, 20)}”的记录`,
  );
  if (size === undefined) return undefined;
  const file: EvidenceFile = {
    name,
    type: required(ctx, [...path, 'type'], shape.type, own(record, 'type'), '', '已清空（按未知类型对待）'),
    size,
  };
  const duration = optionalKey(ctx, path, record, 'durationSeconds', shape.durationSeconds);
  if (duration !== undefined) file.durationSeconds = duration;
  const sha = optionalKey(ctx, path, record, 'sha256', shape.sha256);
  if (sha !== undefined) file.sha256 = sha;
  return file;
}

function salvageTicks(ctx: Context, path: Path, value: unknown): number[] {
  const list = listAt(ctx, path, value, '已清空');
  if (!list) return [];
  const element = itemEvidenceSchema.shape.pass.element;
  return elements(ctx, path, list, 50, (tick, at) => optional(ctx, at, element, tick));
}

function salvageItem(ctx: Context, value: unknown, path: Path): ItemEvidence | undefined {
  const shape = itemEvidenceSchema.shape;
  const record = entryAt(ctx, path, value, '一组证据信息', Object.keys(shape));
  if (!record) return undefined;
  const filesList = listAt(ctx, [...path, 'files'], own(record, 'files'), '已清空');
  const item: ItemEvidence = {
    present: required(
      ctx,
      [...path, 'present'],
      shape.present,
      own(record, 'present'),
      false,
      '已改为“未准备”',
    ),
    files: filesList
      ? elements(ctx, [...path, 'files'], filesList, 20, (f, at) => salvageFile(ctx, f, at))
      : [],
    excellent: salvageTicks(ctx, [...path, 'excellent'], own(record, 'excellent')),
    pass: salvageTicks(ctx, [...path, 'pass'], own(record, 'pass')),
  };
  for (const key of ['title', 'description', 'manualMinutes', 'manualCount', 'teacherOnCamera'] as const) {
    const kept = optional(ctx, [...path, key], shape[key] as z.ZodType<unknown>, own(record, key));
    if (kept !== undefined) (item as unknown as Record<string, unknown>)[key] = kept;
  }
  // Keys in the order the schema lists them, so a salvaged draft reads like a saved one.
  return Object.fromEntries(
    Object.keys(shape)
      .filter((k) => (item as unknown as Record<string, unknown>)[k] !== undefined)
      .map((k) => [k, (item as unknown as Record<string, unknown>)[k]]),
  ) as unknown as ItemEvidence;
}

function salvageAbilityEvidence(ctx: Context, value: unknown, path: Path): AbilityEvidence | undefined {
  const record = entryAt(ctx, path, value, '一组证据记录', Object.keys(abilityEvidenceSchema.shape));
  if (!record) return undefined;
  const chosen: Record<string, string> = {};
  const chosenRecord = recordAt(ctx, [...path, 'chosen'], own(record, 'chosen'), '已清空');
  if (chosenRecord) {
    for (const [group, id] of entries(ctx, [...path, 'chosen'], chosenRecord, safeKey(100), 20)) {
      const kept = optional(ctx, [...path, 'chosen', group], idSchema, id);
      if (kept !== undefined) chosen[group] = kept;
    }
  }
  const items: Record<string, ItemEvidence> = {};
  const itemsRecord = recordAt(ctx, [...path, 'items'], own(record, 'items'), '已清空');
  if (itemsRecord) {
    for (const [id, item] of entries(ctx, [...path, 'items'], itemsRecord, safeKey(100), MAX_RECORD)) {
      const kept = salvageItem(ctx, item, [...path, 'items', id]);
      if (kept) items[id] = kept;
    }
  }
  const evidence: AbilityEvidence = { chosen, items };
  const reflection = optional(
    ctx,
    [...path, 'reflection'],
    abilityEvidenceSchema.shape.reflection,
    own(record, 'reflection'),
  );
  if (reflection !== undefined) evidence.reflection = reflection;
  return evidence;
}

function salvageEvidence(ctx: Context, value: unknown): Record<string, AbilityEvidence> {
  const evidence: Record<string, AbilityEvidence> = {};
  const record = recordAt(ctx, ['evidence'], value, '已清空');
  if (!record) return evidence;
  for (const [code, entry] of entries(ctx, ['evidence'], record, codeKey, MAX_RECORD)) {
    const kept = salvageAbilityEvidence(ctx, entry, ['evidence', code]);
    if (kept) evidence[code] = kept;
  }
  return evidence;
}

function salvageCriteria(ctx: Context, path: Path, value: unknown): string[] {
  const list = listAt(ctx, path, value, '已清空');
  if (!list) return [];
  const element = rubricItemSchema.shape.criteria.unwrap().shape.pass.element;
  return elements(ctx, path, list, 20, (text, at) => {
    const result = check(element, text);
    if (result.ok) {
      if (result.cut !== undefined) note(ctx, at, `超过 ${result.cut} 个字`, `只保留了前 ${result.cut} 个字`);
      return result.value;
    }
    note(ctx, at, result.message, '已换成提示文字，请重新录入', text);
    return UNREADABLE_CRITERION;
  });
}

function salvageRubricItem(ctx: Context, value: unknown, path: Path, index: number): RubricItem | undefined {
  const shape = rubricItemSchema.shape;
  const record = entryAt(ctx, path, value, '一项证据要求', Object.keys(shape));
  if (!record) return undefined;
  const id = essential(ctx, [...path, 'id'], shape.id, own(record, 'id'), '这项证据要求');
  if (id === undefined) return undefined;
  const numbered = `第 ${index + 1} 项证据`;
  const name = required(ctx, [...path, 'name'], shape.name, own(record, 'name'), numbered, '已用序号代替');
  const formsList = listAt(ctx, [...path, 'forms'], own(record, 'forms'), '已改为“文件”');
  const forms = formsList
    ? elements(ctx, [...path, 'forms'], formsList, 20, (f, at) => optional(ctx, at, shape.forms.element, f))
    : [];
  const limitsRecord = recordAt(ctx, [...path, 'limits'], own(record, 'limits'), '已清空');
  const limits: RubricItem['limits'] = {};
  if (limitsRecord) {
    const limitShape = limitsSchema.shape;
    dropUnknownKeys(ctx, [...path, 'limits'], limitsRecord, Object.keys(limitShape));
    for (const key of Object.keys(limitShape) as (keyof typeof limitShape)[]) {
      const kept = optional(
        ctx,
        [...path, 'limits', key],
        limitShape[key] as z.ZodType<unknown>,
        own(limitsRecord, key),
      );
      if (kept !== undefined) (limits as Record<string, unknown>)[key] = kept;
    }
  }
  const item: RubricItem = {
    id,
    label: required(
      ctx,
      [...path, 'label'],
      shape.label,
      own(record, 'label'),
      String(index + 1),
      '已用序号代替',
    ),
    name,
    forms: forms.length > 0 ? forms : ['文件'],
    required: required(
      ctx,
      [...path, 'required'],
      shape.required,
      own(record, 'required'),
      true,
      '已按必交对待',
    ),
    graded: required(
      ctx,
      [...path, 'graded'],
      shape.graded,
      own(record, 'graded'),
      'unknown',
      '已按“评价标准未知”对待',
    ),
    limits,
  };
  const group = optionalKey(ctx, path, record, 'alternativeGroup', shape.alternativeGroup);
  if (group !== undefined) item.alternativeGroup = group;
  const criteriaValue = own(record, 'criteria');
  if (criteriaValue !== undefined) {
    const criteria = recordAt(ctx, [...path, 'criteria'], criteriaValue, '已舍弃');
    if (criteria) {
      dropUnknownKeys(ctx, [...path, 'criteria'], criteria, ['excellent', 'pass']);
      item.criteria = {
        excellent: salvageCriteria(ctx, [...path, 'criteria', 'excellent'], own(criteria, 'excellent')),
        pass: salvageCriteria(ctx, [...path, 'criteria', 'pass'], own(criteria, 'pass')),
      };
    }
  }
  return item;
}

function salvageRubric(ctx: Context, code: string, value: unknown): CustomRubric | undefined {
  const path = ['customRubrics', code];
  const whole = customRubricSchema.safeParse(value);
  if (whole.success && whole.data.code === code) return whole.data;
  const shape = customRubricSchema.shape;
  const record = entryAt(ctx, path, value, '一份评价标准', Object.keys(shape));
  if (!record) return undefined;
  const ownCode = own(record, 'code');
  if (ownCode !== code)
    note(ctx, [...path, 'code'], `须与所在位置的编号 ${code} 一致`, `已改为 ${code}`, ownCode);
  const origin = required(
    ctx,
    [...path, 'origin'],
    shape.origin,
    own(record, 'origin'),
    '教师录入',
    '已改为“教师录入”',
  );
  const source = optional(ctx, [...path, 'source'], rubricSourceSchema, own(record, 'source'));
  const groupsList = listAt(ctx, [...path, 'alternativeGroups'], own(record, 'alternativeGroups'), '已清空');
  const itemsList = listAt(ctx, [...path, 'items'], own(record, 'items'), '已清空');
  return {
    code,
    name: required(ctx, [...path, 'name'], shape.name, own(record, 'name'), code, `已用编号 ${code} 代替`),
    origin,
    ...(source ? { source } : {}),
    alternativeGroups: groupsList
      ? elements(ctx, [...path, 'alternativeGroups'], groupsList, 20, (g, at) => {
          const result = check(alternativeGroupSchema, g);
          if (result.ok) return result.value;
          note(ctx, at, result.message, '已舍弃');
          return undefined;
        })
      : [],
    items: itemsList
      ? elements(ctx, [...path, 'items'], itemsList, 12, (item, at) =>
          salvageRubricItem(ctx, item, at, Number(at[at.length - 1])),
        )
      : [],
  };
}

function salvageRubrics(ctx: Context, value: unknown): Record<string, CustomRubric> {
  const rubrics: Record<string, CustomRubric> = {};
  const record = recordAt(ctx, ['customRubrics'], value, '已清空');
  if (!record) return rubrics;
  for (const [code, entry] of entries(ctx, ['customRubrics'], record, codeKey, MAX_RECORD)) {
    const kept = salvageRubric(ctx, code, entry);
    if (kept) rubrics[code] = kept;
  }
  return rubrics;
}

const TOP_KEYS = [
  'app',
  'version',
  'id',
  'savedAt',
  'step',
  'currentAbility',
  'profile',
  'abilities',
  'evidence',
  'customRubrics',
];

/**
 * Keeps every valid part of a draft object; see the file header. `now` stands in for an
 * unreadable savedAt (the next save replaces it anyway).
 */
export function salvageDraft(
  input: Record<string, unknown>,
  options: DescribeOptions = {},
  now: Date = new Date(),
): Salvaged {
  const ctx: Context = { input, options, notes: [] };
  dropUnknownKeys(ctx, [], input, TOP_KEYS);
  const idValue = own(input, 'id');
  const idCheck = check(draftIdSchema, idValue);
  const id = idCheck.ok ? idCheck.value : idFromContent(input);
  if (!idCheck.ok)
    note(ctx, ['id'], idValue === undefined ? '缺少此项' : idCheck.message, '已按内容重新生成');
  const draft: Draft = {
    app: APP_MARKER,
    version: DRAFT_VERSION,
    id,
    savedAt: required(
      ctx,
      ['savedAt'],
      savedAtSchema,
      own(input, 'savedAt'),
      now.toISOString(),
      '已改为现在的时间',
    ),
    step: required(ctx, ['step'], stepSchema, own(input, 'step'), 0, '已回到第 1 步'),
    profile: salvageProfile(ctx, own(input, 'profile')),
    abilities: salvageAbilities(ctx, own(input, 'abilities')),
    evidence: salvageEvidence(ctx, own(input, 'evidence')),
    customRubrics: salvageRubrics(ctx, own(input, 'customRubrics')),
  };
  const current = optional(ctx, ['currentAbility'], codeSchema, own(input, 'currentAbility'));
  if (current !== undefined) {
    const { profile, abilities, evidence, customRubrics, ...head } = draft;
    return {
      draft: { ...head, currentAbility: current, profile, abilities, evidence, customRubrics },
      setAside: ctx.notes,
    };
  }
  return { draft, setAside: ctx.notes };
}

/** True when nothing the teacher entered survived: no profile text, no ability, no evidence, no rubric. */
export function isBlank(draft: Draft): boolean {
  const { profile } = draft;
  return (
    Object.values(profile).every((v) => v === '' || v === undefined) &&
    draft.abilities.length === 0 &&
    Object.keys(draft.evidence).length === 0 &&
    Object.keys(draft.customRubrics).length === 0
  );
}
