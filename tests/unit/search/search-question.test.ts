import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answeredSearch } from '../../../src/lib/search/search-ask';
import type { PagefindApi, PagefindResult } from '../../../src/lib/search/search-layer';
import { parseQuestion, EMPTY_LEXICON } from '../../../src/lib/search/search-question';
import { handbookIndex } from './handbook-index';

const index = handbookIndex();
const lexicon = index.lexicon;
const words = (q: string) => parseQuestion(q, lexicon).words.map((w) => w.text);

describe('reading a question', () => {
  it('drops question words and keeps them as what is asked', () => {
    const q = parseQuestion('学生体会 要几个学生', lexicon);
    expect(q.words.map((w) => w.text)).toEqual(['学生体会', '几个学生']);
    expect(q.intents).toEqual(['要']);
    expect(q.words[1]?.alternatives).toEqual(expect.arrayContaining(['两位学生', '份数']));
    expect(q.itemTopics).toContain('份数');
    // 学生体会 is an item of C5 alone, so the question is about C5.
    expect(q.codes).toEqual(['C5']);
    expect(q.plain).toBe(false);
  });

  it('finds the question words inside a run typed without spaces', () => {
    const q = parseQuestion('C5视频要多长', lexicon);
    expect(q.codes).toEqual(['C5']);
    expect(q.words.map((w) => w.text)).toEqual(['C5', '视频']);
    expect(q.intents).toEqual(['要', '多长']);
    expect(q.itemTopics).toEqual(['时长']);
  });

  it('keeps a question character that belongs to a word (重要性, 要求)', () => {
    expect(words('重要性')).toEqual(['重要性']);
    expect(words('要求')).toEqual(['要求']);
    expect(parseQuestion('要求', lexicon).plain).toBe(true);
  });

  it('scopes by region, ability name or code, and by the compare row asked about', () => {
    const gz = parseQuestion('广州 每年 比例', lexicon);
    expect(gz.regions).toEqual(['guangzhou']);
    expect(gz.policyRows).toEqual(['quotas']);
    expect(gz.words[0]?.alternatives).toEqual(['广州', '广州市']);
    expect(parseQuestion('江苏 示范校 多少', lexicon)).toMatchObject({
      regions: ['jiangsu'],
      policyRows: ['pilots'],
    });
    expect(parseQuestion('个别化指导是什么', lexicon).codes).toEqual(['C5']);
    expect(parseQuestion('c6 要出镜吗', lexicon)).toMatchObject({ codes: ['C6'], itemTopics: ['出镜'] });
    // A part of two abilities' names names neither.
    expect(parseQuestion('课堂 怎么做', lexicon).codes).toEqual([]);
    // One character glued to a part of one ability's name: 用 + 数据分析模型 (C6, not C7's 数据分析微模型).
    expect(parseQuestion('怎么用数据分析模型', lexicon).codes).toEqual(['C6']);
  });

  it('searches plain words as typed: a word, a code, a sentence pasted from a policy', () => {
    for (const typed of ['伴随性采集', 'a5', '100所', '以问题为导向，以专题研修为抓手']) {
      expect(parseQuestion(typed, lexicon).plain, typed).toBe(true);
    }
    // A word with synonyms is widened: 微课 finds 微课程 too.
    for (const asked of ['微课', '微课 时长', '江苏 示范校', '晒课是什么']) {
      expect(parseQuestion(asked, lexicon).plain, asked).toBe(false);
    }
  });

  it('any string parses without throwing, and no question word is left to match', () => {
    const question = new Set(lexicon.questionWords);
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        const q = parseQuestion(text, lexicon);
        for (const w of q.words) {
          expect(question.has(w.text)).toBe(false);
          expect(w.text.trim()).not.toBe('');
        }
        expect(parseQuestion(text, EMPTY_LEXICON).intents).toEqual([]);
      }),
    );
  });
});

// --- a question finds at least what its bare words find ------------------------------------

/** Pages made of the handbook's own names, and a Pagefind stand-in: all of the words, as typed. */
const pages = [
  ...index.abilities.map((a) => ({
    url: `/abilities/${a.code}/`,
    content: [a.code, a.name, ...a.items.flatMap((i) => [i.name, ...i.forms])].join(' '),
  })),
  ...index.regions.map((r) => ({
    url: `/policies/${r.slug}/`,
    content: [r.region, r.title, ...r.rows.map((row) => `${row.label} ${row.text}`)].join(' '),
  })),
];

const fakePagefind: PagefindApi = {
  search: (term) => {
    const parts = (term ?? '').split(/\s+/).filter((p) => /[\p{L}\p{N}]/u.test(p));
    const hits =
      parts.length === 0 ? [] : pages.filter((p) => parts.every((part) => p.content.includes(part)));
    const results: PagefindResult[] = hits.map((p) => ({
      id: p.url,
      data: () =>
        Promise.resolve({ url: p.url, content: p.content, excerpt: '', meta: { title: p.url }, filters: {} }),
    }));
    return Promise.resolve({ results, unfilteredResultCount: results.length });
  },
  filters: () => Promise.resolve({}),
  mergeIndex: () => Promise.resolve(),
};

const urls = async (query: string) => {
  const answer = await answeredSearch(fakePagefind, query, '/', {}, index);
  return Promise.all((answer?.results ?? []).map(async (r) => (await r.data()).url));
};

describe('a question and its bare words', () => {
  const vocabulary = [
    ...lexicon.abilities.flatMap((a) => [a.code, a.name, ...(a.items ?? [])]),
    ...lexicon.regions.flatMap((r) => r.names),
    ...lexicon.synonyms.flatMap((s) => s.words),
    ...lexicon.policyRows.flatMap((r) => r.words),
  ];
  const question = lexicon.questionWords;

  it('with question words added, finds every page the bare words find', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...vocabulary), { minLength: 1, maxLength: 3 }),
        fc.array(fc.tuple(fc.nat(3), fc.constantFrom(...question)), { minLength: 1, maxLength: 3 }),
        async (bare, asked) => {
          const parts: string[] = [...bare];
          for (const [at, word] of asked) parts.splice(Math.min(at, parts.length), 0, word);
          const found = new Set(await urls(parts.join(' ')));
          for (const url of await urls(bare.join(' '))) expect(found).toContain(url);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('a question no page holds in full still lists the pages holding part of it, and says so', async () => {
    // The stand-in pages hold item names, not requirements: no page says 两位学生 or 份数.
    const answer = await answeredSearch(fakePagefind, '学生体会 要几个学生 录像带', '/', {}, index);
    const first = await answer?.results[0]?.data();
    expect(first?.url).toBe('/abilities/C5/');
    expect(answer?.exact).toBe(0);
    expect(answer?.note).toBe(
      '没有页面同时包含问题里的全部词语。下面的结果包含“学生体会”，不含“几个学生”“录像带”。',
    );
    expect(answer?.answers?.[0]?.subject).toBe('C5 学生体会');
  });
});
