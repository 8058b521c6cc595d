import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkEvidenceFile, fileChecksByItem, recordedFiles } from '../../../src/lib/review/evidence-check';
import { ACCOUNT_SHA, CASE_SHA, teacherDraft } from '../../support/review-fixtures';

const recorded = recordedFiles(teacherDraft());
const OTHER = 'f'.repeat(64);

describe('evidence check', () => {
  it('lists the self-check’s files with where they belong, skipping items not marked present', () => {
    expect(recorded.map((r) => [r.itemId, r.file.name])).toEqual([
      ['case-video', '案例.mp4'],
      ['student-accounts', '学生甲.m4a'],
      ['student-accounts', '学生乙.m4a'],
    ]);
    const draft = teacherDraft();
    const accounts = draft.evidence['C5']?.items['student-accounts'];
    if (accounts) accounts.present = false;
    expect(recordedFiles(draft)).toHaveLength(1);
    // Typed out (title and description), the item counts as submitted, and so do its files.
    if (accounts) Object.assign(accounts, { title: '学生体会', description: '两位学生的录音' });
    expect(recordedFiles(draft)).toHaveLength(3);
  });

  it('the self-checked file is the same, even renamed', () => {
    expect(checkEvidenceFile({ name: '改名.mp4', sha256: CASE_SHA }, recorded)).toMatchObject({
      verdict: 'same',
      matches: [{ itemId: 'case-video' }],
    });
  });

  it('a swapped file under the same name is different', () => {
    expect(checkEvidenceFile({ name: '案例.mp4', sha256: OTHER }, recorded)).toMatchObject({
      verdict: 'different',
      matches: [{ itemId: 'case-video' }],
    });
    expect(checkEvidenceFile({ name: '无关.pdf', sha256: OTHER }, recorded)).toMatchObject({
      verdict: 'different',
      matches: [],
    });
  });

  it('a file whose self-check entry has no hash cannot be told', () => {
    expect(checkEvidenceFile({ name: '学生乙.m4a', sha256: OTHER }, recorded)).toMatchObject({
      verdict: 'unrecorded',
      matches: [{ itemId: 'student-accounts' }],
    });
  });

  it('groups the checks under the items they match', () => {
    const results = [
      checkEvidenceFile({ name: '案例.mp4', sha256: CASE_SHA }, recorded),
      checkEvidenceFile({ name: '学生甲.m4a', sha256: OTHER }, recorded),
      checkEvidenceFile({ name: '无关.pdf', sha256: OTHER }, recorded),
    ];
    expect(fileChecksByItem(results)).toEqual({
      C5: {
        'case-video': [{ name: '案例.mp4', sha256: CASE_SHA, verdict: 'same' }],
        'student-accounts': [{ name: '学生甲.m4a', sha256: OTHER, verdict: 'different' }],
      },
    });
  });

  it('same exactly when the hash was recorded, whatever the name', () => {
    const hash = fc.constantFrom(CASE_SHA, ACCOUNT_SHA, OTHER, 'e'.repeat(64));
    const name = fc.constantFrom('案例.mp4', '学生甲.m4a', '学生乙.m4a', 'x.mp4');
    fc.assert(
      fc.property(name, hash, (n, h) => {
        const result = checkEvidenceFile({ name: n, sha256: h }, recorded);
        expect(result.verdict === 'same').toBe(recorded.some((r) => r.file.sha256 === h));
        if (result.verdict === 'unrecorded') expect(n).toBe('学生乙.m4a');
      }),
    );
  });
});
