import { describe, expect, it } from 'vitest';
import { termsUsedIn } from '../../../src/lib/content/glossary';

const terms = [
  { term: '首席信息官', anchor: 'cio', aliases: ['CIO'] },
  { term: '学时', anchor: 'class-hours', aliases: [] },
  { term: '晒课', anchor: 'shaike', aliases: [''] },
];

describe('termsUsedIn', () => {
  it('finds terms by name or alias, in glossary order', () => {
    expect(termsUsedIn('学校设CIO，每人50学时', terms).map((t) => t.anchor)).toEqual(['cio', 'class-hours']);
  });
  it('ignores empty aliases and finds nothing in unrelated text', () => {
    expect(termsUsedIn('微课程设计与制作', terms)).toEqual([]);
  });
});
