import { describe, expect, it } from 'vitest';
import {
  CODE_PATTERN,
  DIMENSIONS,
  DIMENSION_SLUGS,
  ENVIRONMENTS,
  ENVIRONMENT_SLUGS,
  NATIONAL_CODES,
  compareCodes,
  dimensionFromSlug,
  environmentFromSlug,
  environmentOfCode,
} from '../../../src/lib/content/taxonomy';

describe('taxonomy', () => {
  it('has 13 A, 10 B and 7 C codes, all matching the code pattern', () => {
    expect(NATIONAL_CODES).toHaveLength(30);
    expect(NATIONAL_CODES.filter((c) => c.startsWith('A'))).toHaveLength(13);
    expect(NATIONAL_CODES.filter((c) => c.startsWith('B'))).toHaveLength(10);
    expect(NATIONAL_CODES.filter((c) => c.startsWith('C'))).toHaveLength(7);
    for (const code of NATIONAL_CODES) expect(code).toMatch(CODE_PATTERN);
    for (const bad of ['A0', 'A14', 'B11', 'C8', 'D1', 'a1', 'A01']) expect(bad).not.toMatch(CODE_PATTERN);
  });

  it('maps code letters to environments', () => {
    expect(environmentOfCode('A7')).toBe('多媒体教学环境');
    expect(environmentOfCode('B10')).toBe('混合学习环境');
    expect(environmentOfCode('C1')).toBe('智慧学习环境');
    expect(environmentOfCode('X1')).toBeUndefined();
  });

  it('orders codes numerically within a letter', () => {
    expect(['A10', 'B1', 'A2', 'C1'].sort(compareCodes)).toEqual(['A2', 'A10', 'B1', 'C1']);
  });

  it('round-trips URL slugs', () => {
    for (const e of ENVIRONMENTS) expect(environmentFromSlug(ENVIRONMENT_SLUGS[e])).toBe(e);
    for (const d of DIMENSIONS) expect(dimensionFromSlug(DIMENSION_SLUGS[d])).toBe(d);
    expect(environmentFromSlug('all')).toBeUndefined();
    expect(new Set(Object.values(DIMENSION_SLUGS)).size).toBe(4);
  });
});
