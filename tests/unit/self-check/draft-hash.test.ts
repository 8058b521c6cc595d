import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyDraft, exportDraftText, importDraftText, type Draft } from '../../../src/lib/self-check/draft';
import { canonicalJson, draftContentHash } from '../../../src/lib/self-check/draft-hash';

function draft(): Draft {
  const d = emptyDraft(new Date('2025-01-01T00:00:00.000Z'));
  return {
    ...d,
    profile: { ...d.profile, name: '王老师', school: '徐水区实验小学' },
    abilities: ['A1', 'C5'],
    evidence: {
      A1: {
        chosen: {},
        items: { plan: { present: true, title: '方案', files: [], excellent: [], pass: [0, 1] } },
      },
    },
  };
}

describe('canonicalJson', () => {
  it('sorts keys at every depth, keeps array order and leaves out undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1], c: undefined } })).toBe('{"a":{"d":[3,1]},"b":1}');
    expect(canonicalJson([undefined, 'x'])).toBe('[null,"x"]');
  });

  it('gives the same text for any key order (property)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (record) => {
        const reversed = Object.fromEntries(Object.entries(record).reverse());
        return canonicalJson(record) === canonicalJson(reversed);
      }),
    );
  });
});

describe('draftContentHash', () => {
  it('is 64 hex digits, and the known SHA-256 of the canonical content', () => {
    expect(draftContentHash(emptyDraft())).toBe(
      // sha256 of {"abilities":[],"customRubrics":{},"evidence":{},"profile":{"environment":"","name":"","region":"","school":"","stage":"","subject":""}}
      '8e18f550b1812c62c49e313513cbb4cc50643bb066951a4e67a8a7f19402fb4d',
    );
  });

  it('ignores savedAt, step, currentAbility and id, and survives export and import', () => {
    const d = draft();
    const moved = {
      ...d,
      id: emptyDraft().id,
      step: 3,
      currentAbility: 'C5',
      savedAt: '2026-01-01T00:00:00.000Z',
    };
    expect(draftContentHash(moved)).toBe(draftContentHash(d));
    const back = importDraftText(exportDraftText(d, new Date('2027-01-01T00:00:00.000Z')));
    if (!back.ok) throw new Error(back.error);
    expect(draftContentHash(back.draft)).toBe(draftContentHash(d));
  });

  it('changes when the teacher changes anything they self-checked', () => {
    const d = draft();
    const base = draftContentHash(d);
    const item = d.evidence['A1']?.items['plan'];
    if (!item) throw new Error('fixture');
    const changed: Draft[] = [
      { ...d, profile: { ...d.profile, name: '李老师' } },
      { ...d, abilities: ['C5', 'A1'] },
      {
        ...d,
        evidence: { A1: { chosen: {}, items: { plan: { ...item, pass: [0] } } } },
      },
      {
        ...d,
        customRubrics: {
          B2: { code: 'B2', name: '微课程', origin: '教师录入', alternativeGroups: [], items: [] },
        },
      },
    ];
    for (const other of changed) expect(draftContentHash(other)).not.toBe(base);
  });
});
