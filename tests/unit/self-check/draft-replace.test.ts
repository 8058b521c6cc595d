import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyDraft, type Draft } from '../../../src/lib/self-check/draft';
import { isDraftStarted, replaceQuestion } from '../../../src/lib/self-check/draft-replace';

const ID_A = '6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b';
const ID_B = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

function draft(id: string, name: string): Draft {
  const d = emptyDraft();
  return { ...d, id, profile: { ...d.profile, name } };
}

describe('isDraftStarted', () => {
  it('a new draft is not started; any field typed or ability chosen starts it', () => {
    expect(isDraftStarted(emptyDraft())).toBe(false);
    const moved: Draft = { ...emptyDraft(), step: 2 };
    expect(isDraftStarted(moved)).toBe(false);
    expect(isDraftStarted(draft(ID_A, '   '))).toBe(false);
    expect(isDraftStarted(draft(ID_A, '王建国'))).toBe(true);
    expect(isDraftStarted({ ...emptyDraft(), abilities: ['A11'] })).toBe(true);
    const d = emptyDraft();
    expect(isDraftStarted({ ...d, profile: { ...d.profile, region: 'xushui' } })).toBe(true);
    expect(isDraftStarted({ ...d, evidence: { C5: { chosen: {}, items: {} } } })).toBe(true);
  });
});

describe('replaceQuestion', () => {
  it('asks nothing when the draft in the browser is empty', () => {
    expect(replaceQuestion(emptyDraft(), draft(ID_B, '李四'), 'a.json')).toBeUndefined();
  });

  it('asks before replacing the teacher’s own draft, without speaking of another teacher', () => {
    const question = replaceQuestion(draft(ID_A, '王建国'), draft(ID_A, '王建国'), '自评.json');
    expect(question).toBe('打开“自评.json”会用文件中的内容替换王建国当前的自评。确定替换吗？');
  });

  it('names both teachers when the file is a colleague’s', () => {
    expect(replaceQuestion(draft(ID_A, '王建国'), draft(ID_B, '李四'), '李四.json')).toBe(
      '“李四.json”是李四的自评，不是当前这份王建国的自评。打开它会替换王建国当前的自评。确定替换吗？',
    );
    // The same draft with another name on it is not the teacher's own either.
    expect(replaceQuestion(draft(ID_A, '王建国'), draft(ID_A, '李四'), 'x.json')).toContain('李四的自评');
    // Another draft by the same name is still another draft.
    expect(replaceQuestion(draft(ID_A, '王建国'), draft(ID_B, '王建国'), 'x.json')).toContain(
      '另一份王建国的自评',
    );
    expect(replaceQuestion(draft(ID_A, '王建国'), draft(ID_B, ''), 'x.json')).toContain('未署名的教师的自评');
  });

  it('for any started draft and any file, asks, and names the other teacher whenever id or name differ', () => {
    const name = fc.string({ maxLength: 8 }).filter((s) => s.trim() !== '');
    fc.assert(
      fc.property(fc.boolean(), name, name, (sameId, mine, theirs) => {
        const current = draft(ID_A, mine);
        const incoming = draft(sameId ? ID_A : ID_B, theirs);
        const question = replaceQuestion(current, incoming, 'f.json');
        const other = !sameId || mine.trim() !== theirs.trim();
        expect(question?.includes('不是当前这份')).toBe(other);
        if (other) expect(question).toContain(`${mine.trim()}当前的自评`);
      }),
    );
  });
});
