import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  abilityCodeQuery,
  containsLiteral,
  characterQueries,
  fallbackQueries,
  literalFirst,
  putAbilityFirst,
} from '../../src/lib/search-query';
import { NATIONAL_CODES } from '../../src/lib/taxonomy';

describe('abilityCodeQuery', () => {
  it.each([
    ['A5', 'A5'],
    ['a5', 'A5'],
    [' c7 ', 'C7'],
    ['b 10', 'B10'],
    ['Ａ５', 'A5'],
    ['A13', 'A13'],
  ])('reads %j as %s', (query, code) => {
    expect(abilityCodeQuery(query)).toBe(code);
  });

  it.each(['A14', 'C8', 'D1', 'A5 课堂导入', '课堂导入', '', '5A', 'AA5'])(
    'does not treat %j as a code',
    (query) => {
      expect(abilityCodeQuery(query)).toBeUndefined();
    },
  );

  it('recognises every national code in any case', () => {
    fc.assert(
      fc.property(fc.constantFrom(...NATIONAL_CODES), fc.boolean(), (code, lower) => {
        expect(abilityCodeQuery(lower ? code.toLowerCase() : code)).toBe(code);
      }),
    );
  });
});

describe('putAbilityFirst', () => {
  const results = [{ url: '/abilities/A13/' }, { url: '/policies/xushui/' }, { url: '/abilities/A1/' }];
  it('moves the typed code’s page to the front, keeping the rest in order', () => {
    expect(putAbilityFirst(results, 'A1', '/').map((r) => r.url)).toEqual([
      '/abilities/A1/',
      '/abilities/A13/',
      '/policies/xushui/',
    ]);
  });
  it('works under a base path and with anchors', () => {
    const based = [{ url: '/handbook/glossary/#x' }, { url: '/handbook/abilities/C7/#rubric' }];
    expect(putAbilityFirst(based, 'C7', '/handbook/')[0]?.url).toBe('/handbook/abilities/C7/#rubric');
  });
  it('changes nothing without a code or when the page is absent', () => {
    expect(putAbilityFirst(results, undefined, '/')).toEqual(results);
    expect(putAbilityFirst(results, 'B2', '/')).toEqual(results);
  });
  it('never loses or duplicates a result', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(NATIONAL_CODES as string[]),
        fc.constantFrom(...NATIONAL_CODES),
        (codes, code) => {
          const list = codes.map((c) => ({ url: `/abilities/${c}/` }));
          const out = putAbilityFirst(list, code, '/');
          expect([...out].sort((a, b) => a.url.localeCompare(b.url))).toEqual(
            [...list].sort((a, b) => a.url.localeCompare(b.url)),
          );
        },
      ),
    );
  });
});

describe('literalFirst', () => {
  it('puts pages containing the exact term first, otherwise keeping Pagefind’s order', () => {
    const items = [
      { url: 'a', content: '评价数据的采集' },
      { url: 'b', content: '伴随性 采集贯穿课堂' },
      { url: 'c', content: '数据' },
      { url: 'd', content: '伴随性采集' },
    ];
    expect(literalFirst(items, '伴随性采集').map((i) => i.url)).toEqual(['b', 'd', 'a', 'c']);
  });
  it('ignores case, full-width forms and spaces', () => {
    expect(literalFirst([{ content: 'x' }, { content: '每人 50 学分' }], '50学分')[0]?.content).toBe(
      '每人 50 学分',
    );
    expect(literalFirst([{ content: 'x' }, { content: 'CIO 制度' }], 'ｃｉｏ')[0]?.content).toBe('CIO 制度');
  });
  it('is a permutation', () => {
    fc.assert(
      fc.property(fc.array(fc.string()), fc.string(), (contents, q) => {
        const items = contents.map((content, i) => ({ content, i }));
        expect(
          literalFirst(items, q)
            .map((x) => x.i)
            .sort((a, b) => a - b),
        ).toEqual(items.map((x) => x.i));
      }),
    );
  });
});

describe('containsLiteral', () => {
  it('matches the typed term ignoring spaces, case and full-width forms, never an empty query', () => {
    expect(containsLiteral('每人不少于 50 学分', '50学分')).toBe(true);
    expect(containsLiteral('试行首席信息官(CIO)制度', 'ｃｉｏ')).toBe(true);
    expect(containsLiteral('伴随性 采集', '伴随性采集')).toBe(true);
    expect(containsLiteral('评价数据', '伴随性采集')).toBe(false);
    expect(containsLiteral('任何内容', '  ')).toBe(false);
  });
});

describe('fallbackQueries', () => {
  it('splits a Chinese query of three or more characters into overlapping pairs', () => {
    expect(fallbackQueries('之江汇')).toEqual(['之江', '江汇']);
    expect(fallbackQueries('伴随性采集')).toEqual(['伴随', '随性', '性采', '采集']);
  });
  it('leaves short, Latin or mixed queries alone', () => {
    expect(fallbackQueries('微课')).toEqual([]);
    expect(fallbackQueries('CIO')).toEqual([]);
    expect(fallbackQueries('50学时')).toEqual([]);
  });
});

describe('characterQueries', () => {
  it('gives the distinct characters of a short Chinese query', () => {
    expect(characterQueries('之江汇')).toEqual(['之', '江', '汇']);
    expect(characterQueries('学习学习')).toEqual(['学', '习']);
  });
  it('leaves long, short, Latin or mixed queries alone', () => {
    expect(characterQueries('信息技术应用能力提升')).toEqual([]);
    expect(characterQueries('微课')).toEqual([]);
    expect(characterQueries('CIO')).toEqual([]);
    expect(characterQueries('50学时')).toEqual([]);
  });
});
