import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import {
  CANDIDATES,
  enterOpens,
  glossaryEntries,
  inexactNote,
  layerPagefind,
  layeredSearch,
  offerBrowsing,
  presentResult,
  showResult,
  type Filters,
  type PagefindAnchor,
  type PagefindApi,
  type PagefindResultData,
} from '../../../src/lib/search/search-layer';
import { containsLiteral } from '../../../src/lib/search/search-query';

interface FakePage {
  url: string;
  content: string;
  type?: string;
  title?: string;
  sub_results?: PagefindResultData['sub_results'];
  anchors?: PagefindAnchor[];
}

function data(page: FakePage): PagefindResultData {
  return {
    url: page.url,
    content: page.content,
    excerpt: page.content.slice(0, 20),
    meta: { title: page.title ?? page.url },
    filters: page.type ? { 类型: [page.type] } : {},
    ...(page.sub_results ? { sub_results: page.sub_results } : {}),
    ...(page.anchors ? { anchors: page.anchors } : {}),
  };
}

/** A glossary page as Pagefind gives it: entries one after another, each heading an anchor. */
function glossaryPage(entries: Array<[id: string, heading: string, body: string]>): FakePage {
  return {
    url: '/glossary/',
    type: '术语',
    title: '术语表',
    content: entries.map(([, heading, body]) => `${heading} ${body}`).join(' '),
    anchors: entries.map(([id, text], location) => ({ element: 'h2', id, text, location })),
    // Pagefind's sub-results: the entries its own word splitting matched, most matches first.
    sub_results: entries.map(([id, text], i) => ({
      url: `/glossary/#${id}`,
      title: text,
      excerpt: text,
      locations: Array.from({ length: entries.length - i }, (_, n) => n),
    })),
  };
}

const GLOSSARY = glossaryPage([
  ['shaike', '晒课（又称：一师一优课）', '一师一优课、一课一名师活动，全面提升。'],
  [
    'project-2-0',
    '提升工程2.0（又称：能力提升工程）',
    '广州的方案把总体目标概括为“三提升一全面”：校长、教师和培训团队的能力都明显提高。',
  ],
  ['whole-school', '整校推进', '以整所学校为单位推进提升工程2.0的做法，一校一案。'],
  ['cio', '首席信息官（又称：CIO、学校首席信息官）', '学校里牵头信息化工作的校领导。'],
]);

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

  it('finds a pasted sentence by its runs of Chinese, whatever the comma on the page', async () => {
    const hebei = {
      url: '/policies/hebei/',
      content: '围绕学科课程标准,以问题为导向,以专题研修为抓手,学校制定',
    };
    const pagefind = fakePagefind({
      '以问题为导向，以专题研修为抓手': [{ url: '/policies/shanghai/', content: '以校为本' }],
      以问题为导向: [hebei],
    });
    const answer = await layeredSearch(pagefind, '以问题为导向，以专题研修为抓手', '/');
    expect(await urlsOf(answer)).toEqual(['/policies/hebei/', '/policies/shanghai/']);
    expect(answer?.exact).toBe(1);
    expect(pagefind.searched.slice(0, 3)).toEqual([
      '以问题为导向，以专题研修为抓手',
      '以问题为导向',
      '以专题研修为抓手',
    ]);
  });

  it('stops searching pieces once enough pages contain the query', async () => {
    const pages = Array.from({ length: 5 }, (_, i) => ({ url: `/p${i}/`, content: '之江汇' }));
    const pagefind = fakePagefind({ 之江汇: [], 之江: pages });
    await layeredSearch(pagefind, '之江汇', '/');
    expect(pagefind.searched).toEqual(['之江汇', '之江']);
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

describe('glossaryEntries', () => {
  it('gives each entry its own text, from its heading to the next', () => {
    const entries = glossaryEntries(data(GLOSSARY));
    expect(entries.map((e) => e.url)).toEqual([
      '/glossary/#shaike',
      '/glossary/#project-2-0',
      '/glossary/#whole-school',
      '/glossary/#cio',
    ]);
    expect(entries[1]?.text).toContain('三提升一全面');
    expect(entries[0]?.text).not.toContain('三提升一全面');
    expect(entries[3]?.text).toBe('首席信息官（又称：CIO、学校首席信息官） 学校里牵头信息化工作的校领导。');
  });

  it('does not take the same words inside an earlier definition for the heading', () => {
    const page = glossaryPage([
      ['micro', '微能力点', '每项“微能力”都有编号。'],
      ['ability', '微能力', '全部30项能力。'],
    ]);
    page.content = '微能力点 每项“微能力”都有编号。 微能力. 全部30项能力。';
    const [first, second] = glossaryEntries(data(page));
    expect(first?.text).toBe('微能力点 每项“微能力”都有编号。 ');
    expect(second?.text).toBe('微能力. 全部30项能力。');
  });

  it('finds nothing on a page without anchors, and never throws on any page', () => {
    expect(glossaryEntries(data({ url: '/glossary/', content: '…' }))).toEqual([]);
    fc.assert(
      fc.property(fc.string(), fc.array(fc.tuple(fc.string(), fc.string())), (content, anchors) => {
        const page = {
          url: '/glossary/',
          content,
          anchors: anchors.map(([id, text], location) => ({ element: 'h2', id, text, location })),
        };
        for (const entry of glossaryEntries(data(page))) expect(content).toContain(entry.text);
      }),
    );
  });
});

describe('showResult', () => {
  it('links the glossary to the entry that contains the phrase, with the phrase in the excerpt', () => {
    // Pagefind's own sub-results put 晒课 first (it shares 一 and 提升); the phrase stands in 提升工程2.0.
    const shown = showResult(data(GLOSSARY), '三提升一全面');
    expect(shown.data.url).toBe('/glossary/#project-2-0');
    expect(shown.data.meta['title']).toBe('术语：提升工程2.0（又称：能力提升工程）');
    expect(shown.data.excerpt).toContain('<mark>三提升一全面</mark>');
    expect(shown).toMatchObject({ literal: true, defines: false });
  });

  it('links to the entry a term or alias names, and marks it as the definition', () => {
    for (const term of ['首席信息官', 'cio', 'ＣＩＯ', '学校首席信息官']) {
      const shown = showResult(data(GLOSSARY), term);
      expect(shown.data.url).toBe('/glossary/#cio');
      expect(shown.defines).toBe(true);
    }
    expect(showResult(data(GLOSSARY), '一校一案')).toMatchObject({
      data: { url: '/glossary/#whole-school' },
      defines: false,
      literal: true,
    });
  });

  it('keeps Pagefind’s excerpt, made safe, when the page does not contain the query', () => {
    const page = { ...data({ url: '/p/', content: '区县统一安排' }), excerpt: '<b>区</b><mark>县</mark>' };
    expect(showResult(page, '区块链')).toMatchObject({
      literal: false,
      data: { excerpt: '&lt;b&gt;区&lt;/b&gt;<mark>县</mark>' },
    });
    const glossary = showResult(data(GLOSSARY), '区块链');
    expect(glossary.literal).toBe(false);
    expect(glossary.data.url).toBe('/glossary/#shaike');
  });

  it('builds a page’s excerpt around the phrase, where Pagefind marked single characters elsewhere', () => {
    const page = {
      ...data({
        url: '/policies/hebei/',
        content: '河北省实施方案. 要点. 考核以真实性任务的证据提交为成果。',
        type: '政策',
      }),
      excerpt: '河北省<mark>的</mark>实施方案',
    };
    const shown = showResult(page, '真实性任务的证据提交');
    expect(shown.data.excerpt).toBe('…考核以<mark>真实性任务的证据提交</mark>为成果。');
    expect(shown.data.meta['type']).toBe('政策');
  });
});

/** Pages that each contain the query or not, in an order Pagefind might give. */
const fakeSite = fc
  .tuple(
    fc.string({
      unit: fc.constantFrom('学', '时', '分', '工', '程', ' ', 'a', 'Ａ', '<', '&'),
      minLength: 1,
      maxLength: 4,
    }),
    fc.array(
      fc.record({
        before: fc.string({ maxLength: 8 }),
        after: fc.string({ maxLength: 8 }),
        contains: fc.boolean(),
        glossary: fc.boolean(),
      }),
      { maxLength: 12 },
    ),
  )
  .map(([query, specs]) => ({
    query,
    pages: specs.map((spec, i): FakePage => {
      const body = spec.contains ? `${spec.before}${query}${spec.after}` : `${spec.before}${spec.after}`;
      return spec.glossary
        ? { ...glossaryPage([[`e${i}`, `术语${i}`, body]]), url: `/glossary${i}/` }
        : { url: `/p${i}/`, content: body };
    }),
  }));

describe('ranking, for any pages and query', () => {
  it('never throws, whatever the query', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 12 }), async (query) => {
        const pages = [
          { url: '/a/', content: `前文${query}后文` },
          { ...GLOSSARY },
          { url: '/b/', content: '别的内容' },
        ];
        const answer = await layeredSearch(
          fakePagefind(() => pages),
          query,
          '/',
        );
        for (const result of answer?.results ?? []) await result.data();
      }),
    );
  });

  it('puts every result whose shown text contains the query above every one that does not, and counts them', async () => {
    await fc.assert(
      fc.asyncProperty(fakeSite, async ({ query, pages }) => {
        const answer = await layeredSearch(
          fakePagefind(() => pages),
          query,
          '/',
        );
        const shown = await Promise.all((answer?.results ?? []).map((r) => r.data()));
        const byUrl = new Map(pages.map((p) => [p.url, p]));
        const literal = shown.map((d) => {
          const page = byUrl.get(d.url.split('#')[0] === '/glossary/' ? d.url : d.url.replace(/#.*/, ''));
          return containsLiteral(page?.content ?? d.content, query);
        });
        const firstWithout = literal.indexOf(false);
        if (firstWithout !== -1) expect(literal.slice(firstWithout)).not.toContain(true);
        if (answer && !/^[a-c]\d+$/i.test(query.trim()))
          expect(answer.exact).toBe(literal.filter(Boolean).length);
      }),
    );
  });

  it('marks the query in the excerpt of every result that contains it, and escapes the rest', async () => {
    await fc.assert(
      fc.asyncProperty(fakeSite, async ({ query, pages }) => {
        const answer = await layeredSearch(
          fakePagefind(() => pages),
          query,
          '/',
        );
        for (const result of answer?.results ?? []) {
          const d = await result.data();
          expect(d.excerpt.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
          if (containsLiteral(d.content, query)) expect(d.excerpt).toMatch(/<mark>[^<]+<\/mark>/);
        }
      }),
    );
  });
});

describe('layeredSearch and the glossary', () => {
  const policy = { url: '/policies/guangzhou/', content: '由校领导担任学校首席信息官（CIO）', type: '政策' };
  const loose = { url: '/policies/shanghai/', content: '信息化领导力', type: '政策' };

  it('puts the entry the query names first, then pages containing it, then the rest', async () => {
    const pagefind = fakePagefind({ 首席信息官: [loose, policy, GLOSSARY] });
    const answer = await layeredSearch(pagefind, '首席信息官', '/');
    expect(await urlsOf(answer)).toEqual(['/glossary/#cio', '/policies/guangzhou/', '/policies/shanghai/']);
    expect(answer).toMatchObject({ exact: 2, query: '首席信息官' });
  });

  it('ranks the glossary by the entry it links to: one that only shares characters goes below the pages with the phrase', async () => {
    const pagefind = fakePagefind({
      一优课程: [GLOSSARY, { url: '/abilities/B2/', content: '一优课程设计' }],
    });
    expect(await urlsOf(await layeredSearch(pagefind, '一优课程', '/'))).toEqual([
      '/abilities/B2/',
      '/glossary/#shaike',
    ]);
  });
});

describe('inexactNote', () => {
  const some = [{ id: '1', data: async () => data({ url: '/', content: '' }) }];
  it('says no page contains the query, before loose matches', () => {
    expect(inexactNote({ query: '区块链', results: some, exact: 0 })).toBe(
      '没有找到包含“区块链”的内容。下面是只含其中部分字词的结果。',
    );
  });
  it('says nothing when a result contains it, when nothing was found, or for an empty box', () => {
    expect(inexactNote({ query: '学时', results: some, exact: 1 })).toBe('');
    expect(inexactNote({ query: 'zqxjv', results: [], exact: 0 })).toBe('');
    expect(inexactNote({ query: '', results: some, exact: 0 })).toBe('');
  });
});

describe('enterOpens', () => {
  const some = [{ id: '1', data: async () => data({ url: '/', content: '' }) }];
  const exactAnswer = { query: '学时', results: some, exact: 1 };
  const looseAnswer = { query: '区块链', results: some, exact: 0 };
  it('opens the highlighted result when results contain the query', () => {
    expect(enterOpens('学时', exactAnswer, false)).toBe('result');
    expect(enterOpens(' 学时 ', exactAnswer, false)).toBe('result');
  });
  it('goes to the search page instead of a loose match, unless the reader chose it with the arrows', () => {
    expect(enterOpens('区块链', looseAnswer, false)).toBe('search-page');
    expect(enterOpens('区块链', looseAnswer, true)).toBe('result');
  });
  it('goes to the search page when nothing was found or the answer is for an earlier query', () => {
    expect(enterOpens('zqxjv', { query: 'zqxjv', results: [], exact: 0 }, true)).toBe('search-page');
    expect(enterOpens('学时数', exactAnswer, true)).toBe('search-page');
    expect(enterOpens('学时', undefined, false)).toBe('search-page');
  });
  it('does nothing for an empty box', () => {
    expect(enterOpens('  ', exactAnswer, true)).toBe('nothing');
  });
});
