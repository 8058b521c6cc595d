import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  abilityCodeQuery,
  containsLiteral,
  characterQueries,
  fallbackQueries,
  findLiteral,
  findLiterals,
  putAbilityFirst,
  sameLiteral,
} from '../../../src/lib/search/search-query';
import { NATIONAL_CODES } from '../../../src/lib/content/taxonomy';

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

describe('findLiterals', () => {
  it('finds every place the term stands, as positions in the original text', () => {
    const text = '首席信息官（又称：CIO、学校首席信息官）';
    expect(findLiterals(text, '首席信息官')).toEqual([
      { start: 0, end: 5 },
      { start: 15, end: 20 },
    ]);
    expect(findLiteral(text, 'cio')).toEqual({ start: 9, end: 12 });
  });
  it('spans the spaces and full-width forms it ignored', () => {
    const text = '信息技术应用能力提升工程 2.0 实施方案';
    const span = findLiteral(text, '工程2.0');
    expect(span && text.slice(span.start, span.end)).toBe('工程 2.0');
    const wide = '每人不少于５０学分';
    const found = findLiteral(wide, '50学分');
    expect(found && wide.slice(found.start, found.end)).toBe('５０学分');
  });
  it('finds nothing for an empty or absent term', () => {
    expect(findLiterals('任何内容', '  ')).toEqual([]);
    expect(findLiteral('评价数据', '区块链')).toBeUndefined();
  });
  it('agrees with containsLiteral, and what it spans folds back to the term, for any text', () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ maxLength: 4 }), fc.string(), (before, term, after) => {
        const text = before + term + after;
        const spans = findLiterals(text, term);
        expect(spans.length > 0).toBe(containsLiteral(text, term));
        for (const span of spans) expect(containsLiteral(text.slice(span.start, span.end), term)).toBe(true);
        for (let i = 1; i < spans.length; i++)
          expect(spans[i]?.start ?? 0).toBeGreaterThanOrEqual(spans[i - 1]?.end ?? 0);
      }),
    );
  });
});

describe('sameLiteral', () => {
  it('compares a term with a name, ignoring case, width and spaces', () => {
    expect(sameLiteral('ＣＩＯ', 'cio')).toBe(true);
    expect(sameLiteral('整校 推进', '整校推进')).toBe(true);
    expect(sameLiteral('学校首席信息官', '首席信息官')).toBe(false);
    expect(sameLiteral(' ', '')).toBe(false);
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
  it('leaves short or Latin queries alone', () => {
    expect(fallbackQueries('微课')).toEqual([]);
    expect(fallbackQueries('CIO')).toEqual([]);
    expect(fallbackQueries('50 h')).toEqual([]);
  });
  it('gives a pasted sentence its runs of Chinese characters first, then their pairs', () => {
    expect(fallbackQueries('以问题为导向,以专题研修为抓手')).toEqual([
      '以问题为导向',
      '以专题研修为抓手',
      '以问',
      '问题',
      '题为',
      '为导',
      '导向',
      '以专',
      '专题',
      '题研',
      '研修',
      '修为',
      '为抓',
      '抓手',
    ]);
    expect(fallbackQueries('50学时')).toEqual(['学时']);
    expect(fallbackQueries('CIO制度')).toEqual(['制度']);
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
