import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { itemFormArb } from '../../support/rubric-arbitraries';
import {
  blankItemForm,
  loadRubricDraft,
  MAX_DRAFT_ITEMS,
  rubricDraftKey,
  rubricDraftText,
  saveRubricDraft,
  type ItemForm,
} from '../../../src/lib/rubrics/rubric-editor-draft';
import { MemoryStorage } from '../../support/memory-storage';

const typed: ItemForm = {
  name: '教学设计',
  form: '文件',
  graded: true,
  maxMinutes: '10',
  count: '2',
  teacherOnCamera: true,
  excellent: '目标清晰\n活动有层次',
  pass: '目标明确',
};

describe('rubric editor autosave in the self-check', () => {
  it('keeps one key per ability', () => {
    expect(rubricDraftKey('A2')).not.toBe(rubricDraftKey('A3'));
  });

  it('restores what was typed, half-filled fields included', () => {
    const half = { ...blankItemForm(), name: '课堂实录片', form: '视频' as const };
    const loaded = loadRubricDraft(rubricDraftText('A2', [typed, half]), 'A2');
    expect(loaded).toEqual({ status: 'ok', items: [typed, half], lost: 0 });
  });

  it('does not hand one ability the state saved for another', () => {
    expect(loadRubricDraft(rubricDraftText('A2', [typed]), 'A3')).toEqual({ status: 'empty' });
  });

  it('reads nothing from missing, broken or foreign text', () => {
    for (const raw of [null, undefined, '', '{', '[]', '{"app":"别的应用"}', 'null']) {
      expect(loadRubricDraft(raw, 'A2')).toEqual({ status: 'empty' });
    }
  });

  it('keeps every item that reads when others are damaged', () => {
    const saved = JSON.parse(rubricDraftText('A2', [typed, typed])) as { items: unknown[] };
    saved.items.splice(1, 0, { name: 42 }, 'x');
    const loaded = loadRubricDraft(JSON.stringify(saved), 'A2');
    expect(loaded).toEqual({ status: 'ok', items: [typed, typed], lost: 2 });
  });

  it('sets aside a field longer than the form allows instead of the whole state', () => {
    const saved = JSON.parse(rubricDraftText('A2', [typed, typed])) as { items: object[] };
    saved.items[0] = { ...saved.items[0], name: '长'.repeat(101) };
    expect(loadRubricDraft(JSON.stringify(saved), 'A2')).toEqual({ status: 'ok', items: [typed], lost: 1 });
  });

  it('refuses a state from a newer version without throwing', () => {
    const saved = JSON.parse(rubricDraftText('A2', [typed])) as { version: number };
    saved.version = 99;
    expect(loadRubricDraft(JSON.stringify(saved), 'A2')).toEqual({ status: 'empty' });
  });

  it('property: any saved text never throws; any state the form holds round-trips', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (raw) => {
        const loaded = loadRubricDraft(raw, 'A2');
        expect(['empty', 'ok']).toContain(loaded.status);
      }),
    );
    fc.assert(
      fc.property(fc.array(itemFormArb, { minLength: 1, maxLength: MAX_DRAFT_ITEMS }), (items) => {
        expect(loadRubricDraft(rubricDraftText('B3', items), 'B3')).toEqual({ status: 'ok', items, lost: 0 });
      }),
    );
  });

  it('property: any corruption of one saved item keeps all the others', () => {
    fc.assert(
      fc.property(
        fc.array(itemFormArb, { minLength: 2, maxLength: 6 }),
        fc.nat(),
        fc.jsonValue(),
        (items, at, junk) => {
          const saved = JSON.parse(rubricDraftText('C5', items)) as { items: unknown[] };
          const i = at % items.length;
          saved.items[i] = junk;
          const loaded = loadRubricDraft(JSON.stringify(saved), 'C5');
          expect(loaded.status).toBe('ok');
          if (loaded.status !== 'ok') return;
          const others = items.filter((_, j) => j !== i);
          // The junk may itself read as an item; every other item survives, in order.
          expect(loaded.items.length).toBeGreaterThanOrEqual(others.length);
          const kept =
            loaded.items.length === items.length ? loaded.items.filter((_, j) => j !== i) : loaded.items;
          expect(kept).toEqual(others);
          expect(loaded.lost).toBe(items.length - loaded.items.length);
        },
      ),
    );
  });
});

describe('the rubric editor draft with two tabs open', () => {
  it('a tab saves only over what it last read or wrote, never over another tab’s newer typing', () => {
    const storage = new MemoryStorage();
    const items = (name: string): ItemForm[] => [{ ...blankItemForm(), name }];
    const tabA = saveRubricDraft(storage, 'A2', items('甲'), null);
    if (!tabA.ok) throw new Error('expected the first save to be written');
    // Tab B opened before A saved: it read nothing.
    expect(saveRubricDraft(storage, 'A2', items('乙'), null)).toEqual({ ok: false, elsewhere: true });
    expect(loadRubricDraft(storage.getItem(rubricDraftKey('A2')), 'A2')).toMatchObject({
      status: 'ok',
      items: [{ name: '甲' }],
    });
    expect(saveRubricDraft(storage, 'A2', items('甲二'), tabA.text).ok).toBe(true);
    // Another ability's draft is its own entry.
    expect(saveRubricDraft(storage, 'A3', items('丙'), null).ok).toBe(true);
  });
});
