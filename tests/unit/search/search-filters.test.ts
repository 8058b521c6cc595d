import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  filterAttribute,
  paramsFromSearch,
  searchFromParams,
  SEARCH_FILTERS,
  filterChoices,
  orderedCounts,
} from '../../../src/lib/search/search-filters';

describe('search filters in the URL', () => {
  it('reads the query and the filters a shared link asks for', () => {
    const wanted = searchFromParams(
      new URLSearchParams('q=%20学时%20&type=政策&region=上海市&region=河北省&x=1'),
    );
    expect(wanted).toEqual({ term: '学时', filters: { 类型: ['政策'], 地区: ['上海市', '河北省'] } });
  });

  it('ignores empty and repeated values', () => {
    expect(searchFromParams(new URLSearchParams('type=&type=政策&type=政策')).filters).toEqual({
      类型: ['政策'],
    });
  });

  it('writes short Latin parameters in a fixed order', () => {
    const params = paramsFromSearch('数据', { 教学环境: ['智慧学习环境'], 类型: ['微能力'] });
    expect(params.toString()).toBe(
      `q=%E6%95%B0%E6%8D%AE&type=%E5%BE%AE%E8%83%BD%E5%8A%9B&environment=${encodeURIComponent('智慧学习环境')}`,
    );
    expect(paramsFromSearch('  ', {}).toString()).toBe('');
  });

  it('restores exactly the search it wrote', () => {
    const names = SEARCH_FILTERS.map((f) => f.name);
    fc.assert(
      fc.property(
        fc.string().filter((s) => s.trim() === s),
        fc.dictionary(
          fc.constantFrom(...names),
          fc.uniqueArray(
            fc.string({ minLength: 1 }).filter((s) => s.trim() !== ''),
            { minLength: 1, maxLength: 3 },
          ),
        ),
        (term, filters) => {
          const round = searchFromParams(paramsFromSearch(term, filters));
          expect(round.term).toBe(term.trim());
          expect(round.filters).toEqual(filters);
        },
      ),
    );
  });

  it('writes the index attribute as name:value', () => {
    expect(filterAttribute('类型', '政策')).toBe('类型:政策');
  });
});

describe('filter menus', () => {
  it('lists the four groups in a fixed order, values in the order of the ability grid', () => {
    const choices = filterChoices({
      地区: { 上海市: 1, 江苏省: 2 },
      能力维度: { 学业评价: 5, 学情分析: 3 },
      类型: { 术语: 40, 政策: 8, 微能力: 30 },
      教学环境: { 智慧学习环境: 7, 多媒体教学环境: 13, 混合学习环境: 10 },
      其他: { x: 1 },
    });
    expect(choices).toEqual([
      { name: '类型', values: ['微能力', '政策', '术语'] },
      { name: '教学环境', values: ['多媒体教学环境', '混合学习环境', '智慧学习环境'] },
      { name: '能力维度', values: ['学情分析', '学业评价'] },
      { name: '地区', values: ['上海市', '江苏省'] },
    ]);
  });

  it('keeps unknown values, after the known ones, in the order Pagefind gave them', () => {
    expect(filterChoices({ 类型: { 新类型: 1, 政策: 2, 另一类: 1 } })).toEqual([
      { name: '类型', values: ['政策', '新类型', '另一类'] },
    ]);
  });

  it('leaves out a group with no values', () => {
    expect(filterChoices({ 类型: {}, 地区: { 广州市: 1 } })).toEqual([{ name: '地区', values: ['广州市'] }]);
  });
});

describe('filter counts in the handbook order', () => {
  it('puts our groups first in a fixed order and keeps every count', () => {
    const counts = { 其他: { x: 1 }, 地区: { 广州市: 2 }, 类型: { 术语: 3, 微能力: 4 } };
    const ordered = orderedCounts(counts);
    expect(Object.keys(ordered)).toEqual(['类型', '地区', '其他']);
    expect(Object.keys(ordered['类型'] ?? {})).toEqual(['微能力', '术语']);
    expect(ordered).toEqual(counts);
  });

  it('never loses or invents a group, a value or a count', () => {
    const name = fc.constantFrom('类型', '教学环境', '能力维度', '地区', '其他', '__proto__x');
    const value = fc.constantFrom('微能力', '政策', '术语', '智慧学习环境', '学业评价', '上海市', 'v');
    fc.assert(
      fc.property(fc.dictionary(name, fc.dictionary(value, fc.nat())), (counts) => {
        expect(orderedCounts(counts)).toEqual(counts);
      }),
    );
  });
});
