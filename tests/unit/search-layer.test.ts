import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import {
  CANDIDATES,
  layerPagefind,
  layeredSearch,
  offerBrowsing,
  presentResult,
  type Filters,
  type PagefindApi,
  type PagefindResultData,
} from '../../src/lib/search-layer';

interface FakePage {
  url: string;
  content: string;
  type?: string;
  title?: string;
  sub_results?: PagefindResultData['sub_results'];
}

function data(page: FakePage): PagefindResultData {
  return {
    url: page.url,
    content: page.content,
    excerpt: page.content.slice(0, 20),
    meta: { title: page.title ?? page.url },
    filters: page.type ? { 类型: [page.type] } : {},
    ...(page.sub_results ? { sub_results: page.sub_results } : {}),
  };
}

/** A Pagefind stand-in: each term returns the listed pages in the listed order (a function answers every term). */
function fakePagefind(
  answers: Record<string, FakePage[]> | ((term: string) => FakePage[]),
): PagefindApi & { searched: string[] } {
  const searched: string[] = [];
  return {
    searched,
    search: vi.fn(async (term: string | null, _o?: { filters?: Filters }) => {
      searched.push(String(term));
      const pages = typeof answers === 'function' ? answers(String(term)) : (answers[String(term)] ?? []);
      return { results: pages.map((p, i) => ({ id: `${term}-${i}`, data: async () => data(p) })) };
    }),
    filters: vi.fn(async () => ({ 类型: { 微能力: 30 } })),
    mergeIndex: vi.fn(async () => undefined),
  };
}

const urlsOf = async (answer: Awaited<ReturnType<typeof layeredSearch>>) =>
  Promise.all((answer?.results ?? []).map(async (r) => (await r.data()).url));

describe('layeredSearch', () => {
  it('reads "a5" as the code A5 and puts its page first', async () => {
    const pagefind = fakePagefind({
      A5: [
        { url: '/abilities/A4/', content: 'A4 … 参见 A5' },
        { url: '/policies/xushui/', content: 'A5 A5 A5' },
        { url: '/abilities/A5/', content: 'A5 技术支持的课堂导入' },
      ],
    });
    const answer = await layeredSearch(pagefind, 'a5', '/');
    expect(pagefind.searched).toEqual(['A5']);
    expect((await urlsOf(answer))[0]).toBe('/abilities/A5/');
  });

  it('puts pages with the query as typed before pages that only share characters', async () => {
    const pagefind = fakePagefind({
      个别化指导: [
        { url: '/a/', content: '个别学生的化学指导' },
        { url: '/b/', content: '开展个别化指导' },
        { url: '/c/', content: '指导' },
        { url: '/d/', content: '个别化 指导（空格不算断开）' },
      ],
    });
    const answer = await layeredSearch(pagefind, '个别化指导', '/');
    expect(await urlsOf(answer)).toEqual(['/b/', '/d/', '/a/', '/c/']);
    expect(answer?.exact).toBe(2);
  });

  it('searches the two-character pieces when few pages contain the query, and adds only pages that do', async () => {
    const pagefind = fakePagefind({
      之江汇: [{ url: '/x/', content: '汇总' }],
      之江: [{ url: '/zj/', content: '浙江的之江汇教育广场' }],
      江汇: [
        { url: '/zj/', content: '浙江的之江汇教育广场' },
        { url: '/y/', content: '长江汇入东海' },
      ],
    });
    const answer = await layeredSearch(pagefind, '之江汇', '/');
    expect(pagefind.searched).toEqual(['之江汇', '之江', '江汇']);
    expect(await urlsOf(answer)).toEqual(['/zj/', '/x/']);
    expect(answer?.exact).toBe(1);
  });

  it('searches single characters only when no pair finds a page containing the query', async () => {
    const page = { url: '/policies/yueqing/', content: '与之江汇教育广场对接' };
    const pagefind = fakePagefind({
      之江汇: [{ url: '/glossary/', content: '汇总' }],
      之江: [{ url: '/jiangsu/', content: '江苏之江南' }],
      汇: [{ url: '/a3/', content: '汇聚资源' }, page],
    });
    const answer = await layeredSearch(pagefind, '之江汇', '/');
    expect(pagefind.searched).toEqual(['之江汇', '之江', '江汇', '之', '江', '汇']);
    expect(await urlsOf(answer)).toEqual(['/policies/yueqing/', '/glossary/']);
    expect(answer?.exact).toBe(1);
  });

  it('does not search pieces for an ability code or when enough pages match', async () => {
    const many = Array.from({ length: 6 }, (_, i) => ({ url: `/p${i}/`, content: '伴随性采集' }));
    const pagefind = fakePagefind({ 伴随性采集: many });
    await layeredSearch(pagefind, '伴随性采集', '/');
    await layeredSearch(pagefind, 'C7', '/');
    expect(pagefind.searched).toEqual(['伴随性采集', 'C7']);
  });

  it('keeps results beyond the candidates in Pagefind order and reads them only when asked', async () => {
    const pages = Array.from({ length: CANDIDATES + 5 }, (_, i) => ({ url: `/p${i}/`, content: `页面${i}` }));
    const pagefind = fakePagefind({ 页面: pages });
    const answer = await layeredSearch(pagefind, '页面', '/');
    expect(answer?.results).toHaveLength(CANDIDATES + 5);
    expect(await urlsOf(answer)).toEqual(pages.map((p) => p.url));
  });

  it('passes filters to Pagefind and answers null when Pagefind drops a superseded search', async () => {
    const pagefind = fakePagefind({});
    await layeredSearch(pagefind, '学时', '/', { 类型: ['政策'] });
    expect(pagefind.search).toHaveBeenCalledWith('学时', { filters: { 类型: ['政策'] } });
    const dropping: PagefindApi = { ...pagefind, search: async () => null };
    expect(await layeredSearch(dropping, '学时', '/')).toBeNull();
  });

  it('never loses or repeats a page, whatever the pages and the query', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.string({ maxLength: 12 }), { maxLength: 40 }),
        fc.string({ minLength: 1, maxLength: 5 }),
        async (contents, query) => {
          const pages = contents.map((content, i) => ({ url: `/p${i}/`, content }));
          // Every search (the query, a code read from it, each fallback piece) finds the same pages.
          const pagefind = fakePagefind(() => pages);
          const urls = await urlsOf(await layeredSearch(pagefind, query, '/'));
          expect(new Set(urls).size).toBe(urls.length);
          for (const page of pages) expect(urls).toContain(page.url);
        },
      ),
    );
  });
});

describe('presentResult', () => {
  const glossary = data({
    url: '/glossary/',
    content: '…',
    type: '术语',
    sub_results: [
      { url: '/glossary/#weike', title: '微课', excerpt: '<mark>微课</mark>是…', locations: [1] },
      { url: '/glossary/#shaike', title: '晒课', excerpt: '上传<mark>晒课</mark>', locations: [1, 2, 3] },
    ],
  });

  it('links a glossary hit to the entry that names the term', () => {
    const shown = presentResult(glossary, '微课');
    expect(shown.url).toBe('/glossary/#weike');
    expect(shown.meta['url']).toBe('/glossary/#weike');
    expect(shown.meta['title']).toBe('术语：微课');
  });

  it('falls back to the entry with most matches when no heading names the term', () => {
    expect(presentResult(glossary, '上传').url).toBe('/glossary/#shaike');
  });

  it('labels the type for the badge and leaves other pages where they are', () => {
    const shown = presentResult(data({ url: '/abilities/A1/', content: '…', type: '微能力' }), 'A1');
    expect(shown.url).toBe('/abilities/A1/');
    expect(shown.meta['type']).toBe('微能力');
  });

  it('keeps the highlight and escapes any other markup in the excerpt', () => {
    const hostile = {
      ...data({ url: '/x/', content: '' }),
      excerpt: '<img src=x onerror=alert(1)><mark>学时</mark>',
    };
    expect(presentResult(hostile, '学时').excerpt).toBe(
      '&lt;img src=x onerror=alert(1)&gt;<mark>学时</mark>',
    );
  });
});

describe('layerPagefind', () => {
  it('searches through the layer but leaves an empty search and the filters to Pagefind', async () => {
    const pagefind = fakePagefind({ a: [] });
    const layered = layerPagefind(pagefind, '/');
    await layered.search('', {});
    await layered.search(null, {});
    expect(pagefind.searched).toEqual(['', 'null']);
    await layered.search(' c7 ');
    expect(pagefind.searched.at(-1)).toBe('C7');
    expect(await layered.filters()).toEqual({ 类型: { 微能力: 30 } });
  });

  it('reports a failed index load and answers "nothing yet" instead of rejecting', async () => {
    const broken: PagefindApi = {
      search: () => Promise.reject(new Error('pf_meta 404')),
      filters: () => Promise.reject(new Error('pf_meta 404')),
      mergeIndex: () => Promise.resolve(),
    };
    const failures: unknown[] = [];
    const layered = layerPagefind(broken, '/', (error) => failures.push(error));
    await expect(layered.search('学时')).resolves.toBeNull();
    await expect(layered.search('')).resolves.toBeNull();
    await expect(layered.filters()).resolves.toEqual({});
    expect(failures.map((e) => (e as Error).message)).toEqual(['pf_meta 404', 'pf_meta 404', 'pf_meta 404']);
  });

  it('hands filter groups and values over in the handbook order, for the filter pane', async () => {
    const counts = {
      地区: { 江苏省: 1, 上海市: 1 },
      能力维度: { 学业评价: 2, 学情分析: 1 },
      类型: { 术语: 3, 政策: 2, 微能力: 4 },
    };
    const pagefind: PagefindApi = {
      search: async () => ({ results: [], filters: counts, totalFilters: counts }),
      filters: async () => counts,
      mergeIndex: async () => undefined,
    };
    const layered = layerPagefind(pagefind, '/');
    const shape = (c: Record<string, Record<string, number>> | undefined) =>
      Object.entries(c ?? {}).map(([group, values]) => [group, Object.keys(values)]);
    const expected = [
      ['类型', ['微能力', '政策', '术语']],
      ['能力维度', ['学情分析', '学业评价']],
      ['地区', ['江苏省', '上海市']],
    ];
    expect(shape(await layered.filters())).toEqual(expected);
    const answer = await layered.search('学时', { filters: {} });
    expect(shape(answer?.filters)).toEqual(expected);
    expect(shape(answer?.totalFilters)).toEqual(expected);
    expect((await layered.filters())['类型']).toEqual({ 微能力: 4, 政策: 2, 术语: 3 });
  });
});

describe('offerBrowsing', () => {
  const results = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      id: String(i),
      data: async () => data({ url: '/', content: '' }),
    }));
  it('points to the grid when nothing, or nothing containing the query, was found', () => {
    expect(offerBrowsing('zqxjv', { results: [], exact: 0 })).toBe(true);
    expect(offerBrowsing('数据分析', { results: results(3), exact: 0 })).toBe(true);
  });
  it('stays quiet for an empty box or when results contain the query', () => {
    expect(offerBrowsing(' ', { results: [], exact: 0 })).toBe(false);
    expect(offerBrowsing('学时', { results: results(3), exact: 2 })).toBe(false);
  });
});
