import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { itemFormArb } from '../../support/rubric-arbitraries';
import { looksLikeRubricDraft } from '../../../src/lib/rubrics/rubric-draft-presence';
import {
  blankItemForm,
  loadRubricDraft,
  rubricDraftText,
} from '../../../src/lib/rubrics/rubric-editor-draft';

const codeArb = fc.constantFrom('A1', 'A2', 'B7', 'C5', 'D2');

describe('whether the rubric editor left typed-in items (before fetching the editor)', () => {
  it('sees the items saved for that ability only', () => {
    const saved = rubricDraftText('A2', [{ ...blankItemForm(), name: '资源评价报告' }]);
    expect(looksLikeRubricDraft(saved, 'A2')).toBe(true);
    expect(looksLikeRubricDraft(saved, 'A3')).toBe(false);
    expect(looksLikeRubricDraft(rubricDraftText('A2', []), 'A2')).toBe(false);
    for (const raw of [null, undefined, '', '{', '[]', 'null', '{"app":"别的应用"}'])
      expect(looksLikeRubricDraft(raw, 'A2')).toBe(false);
  });

  it('reopens the editor whenever its saved items can be read, whatever else is stored', () => {
    const saved = fc
      .tuple(codeArb, fc.array(itemFormArb, { minLength: 1, maxLength: 4 }))
      .map(([code, items]) => rubricDraftText(code, items));
    // Saved text, then damaged: a field replaced, an item dropped or made junk.
    const damaged = fc.tuple(saved, fc.nat(), fc.jsonValue()).map(([text, at, junk]) => {
      const data = JSON.parse(text) as Record<string, unknown> & { items: unknown[] };
      const keys = [...Object.keys(data), 'items[]'];
      const key = keys[at % keys.length] ?? 'items[]';
      if (key === 'items[]') data.items[at % data.items.length] = junk;
      else data[key] = junk;
      return JSON.stringify(data);
    });
    fc.assert(
      fc.property(fc.oneof(saved, damaged, fc.string(), fc.json()), codeArb, (raw, code) => {
        const looks = looksLikeRubricDraft(raw, code);
        if (loadRubricDraft(raw, code).status === 'ok') expect(looks).toBe(true);
      }),
    );
  });
});
