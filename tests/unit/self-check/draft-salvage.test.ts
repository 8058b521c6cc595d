/**
 * Properties of saving and reloading a self-check: whatever the wizard lets a teacher type is
 * saved so that it reloads exactly; and whatever damage a saved draft suffers, every part that
 * was valid comes back.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  APP_MARKER,
  DRAFT_VERSION,
  applyItemInput,
  applyProfileInput,
  draftSchema,
  emptyDraft,
  evidenceFileOf,
  exportDraftText,
  importDraftText,
  reflectionSchema,
  type CustomRubric,
  type Draft,
  type DraftProfile,
  type ItemInputField,
} from '../../../src/lib/self-check/draft';
import { createDraftStore } from '../../../src/lib/self-check/draft-store';
import type { AbilityEvidence, EvidenceFile, ItemEvidence } from '../../../src/lib/grading/grading';
import { ENVIRONMENTS } from '../../../src/lib/content/taxonomy';
import { PROFILE_FIELDS, STAGES } from '../../../src/lib/self-check/profile';
import { MemoryStorage } from '../../support/memory-storage';

const CODES = ['A1', 'A5', 'B2', 'C5', 'A13'] as const;
const ITEMS = ['plan', 'case-video', 'student-accounts'] as const;
const SHA = 'ab'.repeat(32);

/** Text a person can put in a box: ordinary, blank, padded, markup, or far too long. */
const typedText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    '',
    '   ',
    ' 王老师 ',
    '<script>x</script>',
    '数'.repeat(61),
    'x'.repeat(2001),
    'y'.repeat(20_000),
  ),
);

/** What a number box can hold: in range, out of range, negative, seconds instead of minutes, junk. */
const typedNumber = fc.oneof(
  fc.double({ min: -1000, max: 100_000, noNaN: true }).map(String),
  fc.integer({ min: -10, max: 1000 }).map(String),
  fc.constantFrom('', ' ', '-5', '600', '601', '3600', '0.5', '1e999', 'NaN', 'abc', '１０', '10分钟'),
);

type UiAction =
  | { kind: 'profile'; field: keyof DraftProfile; value: string }
  | { kind: 'toggleAbility'; code: string }
  | { kind: 'type'; code: string; item: string; field: ItemInputField; text: string }
  | { kind: 'present'; code: string; item: string; value: boolean }
  | { kind: 'tick'; code: string; item: string; list: 'pass' | 'excellent'; index: number }
  | { kind: 'file'; code: string; item: string; file: Parameters<typeof evidenceFileOf>[0] }
  | { kind: 'reflection'; code: string; text: string }
  | { kind: 'step'; step: number };

const profileValue = (field: keyof DraftProfile) =>
  field === 'stage'
    ? fc.constantFrom('', ...STAGES)
    : field === 'environment'
      ? fc.constantFrom('', ...ENVIRONMENTS)
      : field === 'region'
        ? fc.constantFrom('', 'baoding', 'guangzhou', 'other')
        : typedText;

const uiAction: fc.Arbitrary<UiAction> = fc.oneof(
  fc
    .constantFrom<keyof DraftProfile>(...PROFILE_FIELDS)
    .chain((field) => profileValue(field).map((value) => ({ kind: 'profile' as const, field, value }))),
  fc.constantFrom(...CODES).map((code) => ({ kind: 'toggleAbility' as const, code })),
  fc
    .record({
      code: fc.constantFrom(...CODES),
      item: fc.constantFrom(...ITEMS),
      field: fc.constantFrom<ItemInputField>('title', 'description', 'manualMinutes', 'manualCount'),
    })
    .chain((at) =>
      (at.field === 'manualMinutes' || at.field === 'manualCount' ? typedNumber : typedText).map((text) => ({
        kind: 'type' as const,
        ...at,
        text,
      })),
    ),
  fc.record({
    kind: fc.constant('present' as const),
    code: fc.constantFrom(...CODES),
    item: fc.constantFrom(...ITEMS),
    value: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('tick' as const),
    code: fc.constantFrom(...CODES),
    item: fc.constantFrom(...ITEMS),
    list: fc.constantFrom('pass' as const, 'excellent' as const),
    index: fc.integer({ min: 0, max: 9 }),
  }),
  fc.record({
    kind: fc.constant('file' as const),
    code: fc.constantFrom(...CODES),
    item: fc.constantFrom(...ITEMS),
    file: fc.record({
      name: fc.oneof(fc.string({ maxLength: 30 }), fc.constant('长'.repeat(300))),
      type: fc.constantFrom(
        '',
        'video/mp4',
        'video/x-ms-wmv',
        'audio/mpeg',
        'application/pdf',
        'x'.repeat(150),
      ),
      size: fc.oneof(fc.nat(), fc.constant(8_000_000_000)),
      durationSeconds: fc.option(fc.oneof(fc.double({ min: -10, max: 100_000 }), fc.constant(Infinity)), {
        nil: undefined,
      }),
      sha256: fc.option(fc.constantFrom(SHA, 'not-a-hash'), { nil: undefined }),
    }),
  }),
  fc.record({ kind: fc.constant('reflection' as const), code: fc.constantFrom(...CODES), text: typedText }),
  fc.record({ kind: fc.constant('step' as const), step: fc.integer({ min: 0, max: 3 }) }),
);

const emptyItem = (): ItemEvidence => ({ present: false, files: [], excellent: [], pass: [] });

/** The wizard's reaction to one action, through the same functions the components call. */
function applyUi(draft: Draft, action: UiAction): Draft {
  const evidenceOf = (code: string): AbilityEvidence => draft.evidence[code] ?? { chosen: {}, items: {} };
  const withItem = (code: string, item: string, change: (e: ItemEvidence) => ItemEvidence): Draft => {
    const ability = evidenceOf(code);
    const next = change(ability.items[item] ?? emptyItem());
    return {
      ...draft,
      evidence: { ...draft.evidence, [code]: { ...ability, items: { ...ability.items, [item]: next } } },
    };
  };
  switch (action.kind) {
    case 'profile':
      return { ...draft, profile: applyProfileInput(draft.profile, action.field, action.value) };
    case 'toggleAbility':
      return {
        ...draft,
        abilities: draft.abilities.includes(action.code)
          ? draft.abilities.filter((c) => c !== action.code)
          : [...draft.abilities, action.code],
      };
    case 'type':
      return withItem(action.code, action.item, (e) => applyItemInput(e, action.field, action.text).evidence);
    case 'present':
      return withItem(action.code, action.item, (e) => ({ ...e, present: action.value }));
    case 'tick':
      return withItem(action.code, action.item, (e) => {
        const list = e[action.list];
        const next = list.includes(action.index)
          ? list.filter((i) => i !== action.index)
          : [...list, action.index];
        return { ...e, [action.list]: next.sort((a, b) => a - b) };
      });
    case 'file':
      return withItem(action.code, action.item, (e) =>
        e.files.length >= 20 ? e : { ...e, present: true, files: [...e.files, evidenceFileOf(action.file)] },
      );
    case 'reflection': {
      // The textarea holds at most 5000 characters (maxLength); the schema decides the rest.
      const text = action.text.slice(0, 5000);
      if (!reflectionSchema.safeParse(text).success) return draft;
      return {
        ...draft,
        evidence: { ...draft.evidence, [action.code]: { ...evidenceOf(action.code), reflection: text } },
      };
    }
    case 'step':
      return { ...draft, step: action.step };
  }
}

describe('whatever the wizard accepts is saved and reloads unchanged', () => {
  it('save → reload gives the same draft, with nothing set aside, for any sequence of inputs (property)', () => {
    fc.assert(
      fc.property(fc.array(uiAction, { maxLength: 40 }), (actions) => {
        let draft = emptyDraft(new Date('2025-01-01T00:00:00.000Z'));
        for (const action of actions) draft = applyUi(draft, action);
        const storage = new MemoryStorage();
        const at = new Date('2025-06-01T00:00:00.000Z');
        expect(createDraftStore(storage, { now: () => at }).save(draft)).toEqual({ ok: true });
        const loaded = createDraftStore(storage).load();
        if (loaded.status !== 'ok') throw new Error(`reload failed: ${JSON.stringify(loaded)}`);
        expect(loaded.salvaged).toBeUndefined();
        expect(loaded.draft).toEqual({ ...draft, savedAt: at.toISOString() });
      }),
      { numRuns: 300 },
    );
  });

  it('an invalid number typed into a field never reaches the draft, and says why in Chinese', () => {
    for (const text of ['-5', '3600', '601', '1e999', 'abc', '10分钟']) {
      const { evidence, error } = applyItemInput({ ...emptyItem(), manualMinutes: 5 }, 'manualMinutes', text);
      expect(evidence.manualMinutes).toBeUndefined();
      expect(error).toBe('须为 0—600 之间的数字（分钟）');
    }
    expect(applyItemInput(emptyItem(), 'manualMinutes', ' 7.5 ')).toEqual({
      evidence: { ...emptyItem(), manualMinutes: 7.5 },
    });
    expect(applyItemInput(emptyItem(), 'manualCount', '2.5').error).toBe('须为 0—100 之间的整数');
    expect(applyItemInput(emptyItem(), 'title', 'x'.repeat(201)).error).toBe('不能超过 200 个字');
  });
});

// ---------------------------------------------------------------------------------------------
// Corruption

const text = (max: number) =>
  fc.string({ minLength: 1, maxLength: Math.min(max, 20) }).filter((s) => s.trim() === s && s !== '');

const fileArb: fc.Arbitrary<EvidenceFile> = fc.record(
  {
    name: fc.string({ maxLength: 20 }),
    type: fc.constantFrom('', 'video/mp4', 'application/pdf'),
    size: fc.nat(),
    durationSeconds: fc.double({ min: 0, max: 5000, noNaN: true }),
    sha256: fc.constant(SHA),
  },
  { requiredKeys: ['name', 'type', 'size'] },
);

const itemArb: fc.Arbitrary<ItemEvidence> = fc.record(
  {
    present: fc.boolean(),
    title: fc.string({ maxLength: 20 }),
    description: fc.string({ maxLength: 20 }),
    files: fc.array(fileArb, { maxLength: 3 }),
    manualMinutes: fc.double({ min: 0, max: 600, noNaN: true }),
    manualCount: fc.integer({ min: 0, max: 100 }),
    teacherOnCamera: fc.boolean(),
    excellent: fc.array(fc.integer({ min: 0, max: 49 }), { maxLength: 4 }),
    pass: fc.array(fc.integer({ min: 0, max: 49 }), { maxLength: 4 }),
  },
  { requiredKeys: ['present', 'files', 'excellent', 'pass'] },
);

const rubricArb = (code: string): fc.Arbitrary<CustomRubric> =>
  fc.record({
    code: fc.constant(code),
    name: text(100),
    origin: fc.constant('教师录入' as const),
    alternativeGroups: fc.constant([]),
    items: fc.array(
      fc.record(
        {
          id: fc.constantFrom('item-1', 'item-2', 'item-3'),
          label: fc.constantFrom('1', '2', '3'),
          name: text(100),
          forms: fc.constantFrom(['文本'], ['视频'], ['音频', '视频']),
          required: fc.boolean(),
          graded: fc.constantFrom(true, false, 'unknown' as const),
          limits: fc.record(
            { maxMinutes: fc.integer({ min: 1, max: 600 }), count: fc.integer({ min: 1, max: 100 }) },
            { requiredKeys: [] },
          ),
          criteria: fc.record({
            excellent: fc.array(text(500), { maxLength: 3 }),
            pass: fc.array(text(500), { maxLength: 3 }),
          }),
        },
        { requiredKeys: ['id', 'label', 'name', 'forms', 'required', 'graded', 'limits'] },
      ),
      { maxLength: 3 },
    ),
  });

/** Any valid draft with a name, a school and at least two abilities (so damage to one part never leaves nothing). */
const draftArb: fc.Arbitrary<Draft> = fc
  .record({
    name: text(30),
    school: text(60),
    abilities: fc.uniqueArray(fc.constantFrom(...CODES), { minLength: 2, maxLength: 5 }),
    step: fc.integer({ min: 0, max: 4 }),
  })
  .chain(({ name, school, abilities, step }) =>
    fc
      .record({
        evidence: fc.dictionary(
          fc.constantFrom(...abilities),
          fc.record(
            {
              chosen: fc.dictionary(fc.constantFrom('g1', 'g2'), fc.constantFrom('a', 'b'), { maxKeys: 2 }),
              items: fc.dictionary(fc.constantFrom(...ITEMS), itemArb, { maxKeys: 3 }),
              reflection: fc.string({ maxLength: 20 }),
            },
            { requiredKeys: ['chosen', 'items'] },
          ),
          { maxKeys: 3 },
        ),
        rubrics: fc.subarray(abilities, { maxLength: 2 }).chain((codes) => fc.tuple(...codes.map(rubricArb))),
      })
      .map(({ evidence, rubrics }) => {
        const base = emptyDraft(new Date('2025-01-01T00:00:00.000Z'));
        const draft: Draft = {
          ...base,
          step,
          profile: { ...base.profile, name, school, stage: '小学' },
          abilities,
          evidence,
          customRubrics: Object.fromEntries(rubrics.map((r) => [r.code, r])),
        };
        return draft;
      }),
  );

type Path = (string | number)[];

function leaves(value: unknown, path: Path = []): [Path, unknown][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, i]));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  }
  return [[path, value]];
}

function getAt(value: unknown, path: Path): unknown {
  let at: unknown = value;
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string | number, unknown>)[key];
  }
  return at;
}

function setAt(value: unknown, path: Path, next: unknown): void {
  const parent = getAt(value, path.slice(0, -1)) as Record<string | number, unknown>;
  parent[path[path.length - 1] as string | number] = next;
}

/**
 * The smallest part of a draft that a damaged leaf can take with it: a file whose name or size
 * is unreadable, or a rubric item whose id is; otherwise just the leaf.
 */
function unitOf(path: Path): Path {
  const last = path[path.length - 1];
  const files = path.indexOf('files');
  if (files >= 0 && path.length === files + 3 && (last === 'name' || last === 'size'))
    return path.slice(0, -1);
  if (path[0] === 'customRubrics' && path[2] === 'items' && path.length === 5 && last === 'id')
    return path.slice(0, -1);
  return path;
}

const startsWith = (path: Path, prefix: Path) => prefix.every((p, i) => path[i] === p);

/** Values no field accepts as they are. */
const damage = fc.constantFrom<unknown>(-1, 1e12, null, {}, [], 'x'.repeat(6000), { nested: [1] }, -0.5);

describe('a damaged saved draft keeps every part that was valid', () => {
  it('after one field is damaged, every other field survives unchanged (property)', () => {
    fc.assert(
      fc.property(draftArb, fc.nat(), damage, (draft, pick, bad) => {
        const saved = JSON.parse(exportDraftText(draft)) as Record<string, unknown>;
        const targets = leaves(saved).filter(([p]) => p[0] !== 'app' && p[0] !== 'version');
        const [target] = targets[pick % targets.length] ?? [[]];
        setAt(saved, target, bad);
        const result = importDraftText(JSON.stringify(saved));
        if (!result.ok) throw new Error(result.error);
        expect(draftSchema.safeParse(result.draft).success).toBe(true);
        const unit = unitOf(target);
        const original = JSON.parse(exportDraftText(draft)) as unknown;
        // If a whole list element went, later elements of that list move up by one.
        const listPath = unit.slice(0, -1);
        const index = unit[unit.length - 1];
        const shifted =
          typeof index === 'number' &&
          (getAt(result.draft, listPath) as unknown[] | undefined)?.length ===
            (getAt(original, listPath) as unknown[]).length - 1;
        for (const [path, value] of leaves(original)) {
          if (startsWith(path, unit) || path[0] === 'savedAt') continue;
          let where = path;
          if (shifted && startsWith(path, listPath)) {
            const i = path[listPath.length] as number;
            where = [...listPath, i > (index as number) ? i - 1 : i, ...path.slice(listPath.length + 1)];
          }
          expect(
            getAt(result.draft, where),
            `field ${path.join('.')} after damage to ${target.join('.')}`,
          ).toEqual(value);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('an unknown field added anywhere is set aside and nothing else changes (property)', () => {
    fc.assert(
      fc.property(draftArb, fc.nat(), fc.jsonValue(), (draft, pick, junk) => {
        const saved = JSON.parse(exportDraftText(draft)) as Record<string, unknown>;
        const objects = leaves(saved)
          .map(([p]) => p.slice(0, -1))
          .filter(
            (p) =>
              p.length > 0 &&
              typeof p[p.length - 1] !== 'number' &&
              !['chosen', 'items', 'evidence', 'customRubrics'].includes(String(p[p.length - 1])),
          )
          .filter((p) => !Array.isArray(getAt(saved, p)));
        const at = objects[pick % Math.max(objects.length, 1)] ?? [];
        (getAt(saved, at) as Record<string, unknown>)['zzUnknown'] = junk;
        const result = importDraftText(JSON.stringify(saved));
        if (!result.ok) throw new Error(result.error);
        expect({ ...result.draft, savedAt: draft.savedAt }).toEqual(draft);
        expect(result.setAside.some((m) => m.includes('zzUnknown') && m.includes('已舍弃'))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('never throws and always answers with a valid draft or a Chinese reason, for any JSON under the marker (property)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), draftArb, fc.boolean(), (extra, draft, mix) => {
        const base = mix ? (JSON.parse(exportDraftText(draft)) as Record<string, unknown>) : {};
        const result = importDraftText(
          JSON.stringify({ ...base, ...extra, app: APP_MARKER, version: DRAFT_VERSION }),
        );
        if (result.ok) expect(draftSchema.safeParse(result.draft).success).toBe(true);
        else expect(result.error).toMatch(/[\u4e00-\u9fff]/);
      }),
      { numRuns: 300 },
    );
  });

  it('the raw text offered for download imports back the same way', () => {
    const storage = new MemoryStorage();
    const draft: Draft = {
      ...emptyDraft(),
      profile: { ...emptyDraft().profile, name: '王老师', school: '徐水区实验小学' },
      abilities: ['C5'],
      evidence: {
        C5: {
          chosen: {},
          items: { 'case-video': { ...emptyItem(), present: true, title: '案例', manualMinutes: 8 } },
        },
      },
    };
    const raw = exportDraftText(draft).replace('"manualMinutes": 8', '"manualMinutes": 3600');
    storage.setItem('weinengli.self-check', raw);
    const loaded = createDraftStore(storage).load();
    if (loaded.status !== 'ok' || !loaded.salvaged) throw new Error('expected a salvaged draft');
    const imported = importDraftText(loaded.salvaged.raw);
    if (!imported.ok) throw new Error(imported.error);
    expect(imported.draft).toEqual(loaded.draft);
    expect(imported.setAside).toEqual(loaded.salvaged.setAside);
    expect(imported.draft.evidence['C5']?.items['case-video']).toEqual({
      ...emptyItem(),
      present: true,
      title: '案例',
    });
  });
});
