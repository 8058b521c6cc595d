/**
 * The self-check's rubric editor (an ability the handbook holds no rubric for): what the
 * teacher has typed so far, saved in the browser on every keystroke under one key per ability,
 * so that a reload or a followed link loses nothing before 保存标准.
 *
 * The items are stored in the /rubrics/ editor's item format (`itemDraftSchema`, same bounds),
 * wrapped in a versioned record. A damaged saved state keeps every item that still reads.
 */
import { z } from 'zod';
import { itemDraftSchema, type ItemDraft } from './rubric-editor';
import { EVIDENCE_FORMS, type EvidenceForm } from '../grading/rubric-schema';
import { CODE_PATTERN } from '../content/taxonomy';
import { isPlainRecord, upgrade, type Migration } from '../files/versioned-file';
import { APP_MARKER } from '../self-check/draft';
import { RUBRIC_DRAFT_KIND, rubricDraftKey } from './rubric-draft-presence';

export { rubricDraftKey };

z.config({ jitless: true });

export const RUBRIC_DRAFT_VERSION = 1;
export const RUBRIC_DRAFT_MIGRATIONS: Readonly<Record<number, Migration>> = {};
export const MAX_DRAFT_ITEMS = 12;

/** One evidence item as the self-check editor's form holds it (all text as typed). */
export interface ItemForm {
  name: string;
  /** '' until the teacher picks one: a ready-made guess would be saved unnoticed. */
  form: EvidenceForm | '';
  graded: boolean;
  maxMinutes: string;
  count: string;
  teacherOnCamera: boolean;
  excellent: string;
  pass: string;
}

export function blankItemForm(): ItemForm {
  return {
    name: '',
    form: '',
    graded: true,
    maxMinutes: '',
    count: '',
    teacherOnCamera: false,
    excellent: '',
    pass: '',
  };
}

function toDraft(item: ItemForm, i: number): ItemDraft {
  return {
    id: `item-${i + 1}`,
    label: String(i + 1),
    name: item.name,
    forms: item.form ? [item.form] : [],
    requirement: '',
    required: true,
    graded: item.graded ? '评分' : '不评分',
    group: '',
    maxMinutes: item.maxMinutes,
    qualifier: '',
    count: item.count,
    teacherOnCamera: item.teacherOnCamera,
    excellent: item.excellent,
    pass: item.pass,
  };
}

const isForm = (value: string | undefined): value is EvidenceForm =>
  (EVIDENCE_FORMS as readonly (string | undefined)[]).includes(value);

function fromDraft(item: ItemDraft): ItemForm {
  const first = item.forms[0];
  return {
    name: item.name,
    form: isForm(first) ? first : '',
    graded: item.graded !== '不评分',
    maxMinutes: item.maxMinutes,
    count: item.count,
    teacherOnCamera: item.teacherOnCamera,
    excellent: item.excellent,
    pass: item.pass,
  };
}

/** The text saved for the editor's items; throws nothing, bounds are the form's own. */
export function rubricDraftText(code: string, items: readonly ItemForm[]): string {
  return JSON.stringify({
    app: APP_MARKER,
    kind: RUBRIC_DRAFT_KIND,
    version: RUBRIC_DRAFT_VERSION,
    code,
    items: items.slice(0, MAX_DRAFT_ITEMS).map(toDraft),
  });
}

export type LoadedRubricDraft =
  | { status: 'empty' }
  /** `lost` counts the saved items that could not be read and were left out. */
  | { status: 'ok'; items: ItemForm[]; lost: number };

/**
 * Reads a saved editor state for `code`. Never throws: unreadable text or a record for another
 * ability reads as empty; within a readable record every item that validates is kept.
 */
export function loadRubricDraft(raw: string | null | undefined, code: string): LoadedRubricDraft {
  if (raw === null || raw === undefined || raw === '' || !CODE_PATTERN.test(code)) return { status: 'empty' };
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { status: 'empty' };
  }
  if (!isPlainRecord(data) || data['app'] !== APP_MARKER || data['kind'] !== RUBRIC_DRAFT_KIND)
    return { status: 'empty' };
  const upgraded = upgrade(data, RUBRIC_DRAFT_VERSION, RUBRIC_DRAFT_MIGRATIONS, '保存的标准录入');
  if (!upgraded.ok || !isPlainRecord(upgraded.data) || upgraded.data['code'] !== code)
    return { status: 'empty' };
  const saved = upgraded.data['items'];
  if (!Array.isArray(saved)) return { status: 'empty' };
  const items: ItemForm[] = [];
  let lost = Math.max(0, saved.length - MAX_DRAFT_ITEMS);
  for (const entry of saved.slice(0, MAX_DRAFT_ITEMS)) {
    const parsed = itemDraftSchema.safeParse(entry);
    if (parsed.success) items.push(fromDraft(parsed.data));
    else lost += 1;
  }
  if (items.length === 0) return { status: 'empty' };
  return { status: 'ok', items, lost };
}

export type RubricDraftSave = { ok: true; text: string } | { ok: false; elsewhere: boolean };

/**
 * Saves the editor's items unless the stored text is no longer `lastSeen` (what this page last
 * read or wrote): then another tab has typed there since, and its newer work is left as it is.
 * Never throws.
 */
export function saveRubricDraft(
  storage: Pick<Storage, 'getItem' | 'setItem'>,
  code: string,
  items: readonly ItemForm[],
  lastSeen: string | null,
): RubricDraftSave {
  try {
    if (storage.getItem(rubricDraftKey(code)) !== lastSeen) return { ok: false, elsewhere: true };
    const text = rubricDraftText(code, items);
    storage.setItem(rubricDraftKey(code), text);
    return { ok: true, text };
  } catch {
    return { ok: false, elsewhere: false };
  }
}
