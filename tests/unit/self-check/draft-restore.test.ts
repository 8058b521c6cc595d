import { describe, expect, it } from 'vitest';
import { emptyDraft, type Draft } from '../../../src/lib/self-check/draft';
import { restoreAbilities } from '../../../src/lib/self-check/draft-restore';

const rubric = (name: string) => ({ origin: name }) as unknown as Draft['customRubrics'][string];
const evidence = (note: string) =>
  ({ chosen: {}, items: { [note]: {} } }) as unknown as Draft['evidence'][string];

describe('undoing a rubric pack taken with a school plan', () => {
  it("puts back the pack's abilities as they were and keeps the others as they are now", () => {
    const before = {
      customRubrics: { A1: rubric('教师录入') },
      evidence: { A1: evidence('旧'), B2: evidence('旧') },
    };
    const now: Draft = {
      ...emptyDraft(),
      customRubrics: { A1: rubric('学校'), C5: rubric('学校') },
      evidence: { A1: evidence('新'), B2: evidence('之后填写'), C5: evidence('新') },
    };
    const back = restoreAbilities(now, before, ['A1', 'C5']);
    expect(back.customRubrics).toEqual({ A1: rubric('教师录入') });
    expect(back.evidence).toEqual({ A1: evidence('旧'), B2: evidence('之后填写') });
    expect(back.profile).toBe(now.profile);
  });
});
