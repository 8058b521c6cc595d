import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neutraliseFormula } from '../../../src/lib/files/csv';
import {
  NOT_HELD,
  NOT_STATED,
  POLICY_FACTS,
  ancestors,
  cellText,
  chineseDate,
  comparisonCsv,
  holdsFullText,
  quotaPeriodText,
  quotaText,
  factGap,
  gapText,
  comparisonRows,
  policyFigures,
  policiesInTreeOrder,
  policyTree,
  rowDiffers,
  textStatesNumber,
  textStatesYear,
  treeProblems,
  COMPARISON_ROW_IDS,
  type Policy,
  type PolicyData,
} from '../../../src/lib/content/policies';
import {
  parseSelection,
  selectionProblem,
  selectionSearch,
} from '../../../src/lib/content/compare-selection';
import { parseCsv } from '../../support/csv';

function policy(slug: string, data: Partial<PolicyData> = {}): Policy {
  return {
    slug,
    data: {
      title: `${slug} 实施方案`,
      region: slug,
      level: '省',
      parent: 'national',
      scope: [],
      quotas: [],
      phases: [],
      platforms: [],
      teams: [],
      citedDocuments: [],
      ...data,
    },
  };
}

const national = policy('national', { level: '国家', parent: undefined, region: '国家' });
const shanghai = policy('shanghai', {
  region: '上海市',
  hours: {
    total: 50,
    unit: '学时',
    atLeast: true,
    split: [
      { kind: '通识课程', amount: 10, atLeast: false },
      { kind: '专业课程', amount: 15, atLeast: false },
      { kind: '实践', amount: 25, atLeast: false },
    ],
  },
  quotas: [{ year: '2020', share: 30, atLeast: false, of: '教师' }],
});
const guangzhou = policy('guangzhou', {
  region: '广州市',
  level: '市',
  hours: {
    total: 50,
    unit: '学时',
    atLeast: true,
    per: '每人3年',
    split: [
      { kind: '网络研修', amount: 25, atLeast: false },
      { kind: '校本实践应用', amount: 25, atLeast: false },
    ],
  },
});
const yueqing = policy('yueqing', {
  region: '乐清市',
  level: '区县',
  hours: { total: 50, unit: '学分', atLeast: true, split: [] },
  funding: { amount: 500, unit: '元/人', description: '公办学校在教师培训专项经费中列支' },
});
const hebei = policy('hebei', { region: '河北省' });
const baoding = policy('baoding', { region: '保定市', level: '市', parent: 'hebei' });
const xushui = policy('xushui', { region: '徐水区', level: '区县', parent: 'baoding' });

describe('policyTree', () => {
  it('nests 国家 → 省 → 市 → 区县', () => {
    const tree = policyTree([xushui, guangzhou, baoding, national, hebei]);
    expect(tree.map((n) => n.policy.slug)).toEqual(['national']);
    const provinces = tree[0]?.children ?? [];
    expect(provinces.map((n) => n.policy.slug)).toEqual(['hebei', 'guangzhou']);
    expect(provinces[0]?.children[0]?.policy.slug).toBe('baoding');
    expect(provinces[0]?.children[0]?.children[0]?.policy.slug).toBe('xushui');
  });

  it('lists documents in tree order, a province before its cities and districts', () => {
    expect(policiesInTreeOrder([xushui, guangzhou, baoding, national, hebei]).map((p) => p.slug)).toEqual([
      'national',
      'hebei',
      'baoding',
      'xushui',
      'guangzhou',
    ]);
  });

  it('gives each document its ancestors, nearest last', () => {
    expect(ancestors([xushui, baoding, national, hebei], 'xushui').map((p) => p.slug)).toEqual([
      'national',
      'hebei',
      'baoding',
    ]);
    expect(ancestors([national], 'national')).toEqual([]);
  });
});

describe('treeProblems', () => {
  it('accepts a sound tree', () => {
    expect(treeProblems([national, hebei, baoding, xushui])).toEqual([]);
  });
  it('reports unknown parents and cycles', () => {
    expect(treeProblems([policy('a', { parent: 'nowhere' })])).toEqual(['a: 上级「nowhere」不存在']);
    const cyclic = [policy('a', { parent: 'b' }), policy('b', { parent: 'a' })];
    expect(treeProblems(cyclic)).toHaveLength(2);
    expect(treeProblems(cyclic)[0]).toContain('成环');
  });
});

describe('comparisonRows', () => {
  const rows = comparisonRows([shanghai, guangzhou, yueqing]);
  const row = (id: string) => rows.find((r) => r.id === id) ?? expect.fail(`no row ${id}`);

  it('has one row per comparable fact, in a fixed order', () => {
    expect(rows.map((r) => r.id)).toEqual(COMPARISON_ROW_IDS);
    expect(rows[0]?.label).toBe('层级');
  });

  it('shows the hours split as numbers with their unit', () => {
    expect(cellText(row('hours-split').cells['shanghai'])).toBe(
      '通识课程 10 + 专业课程 15 + 实践 25（学时）',
    );
    expect(cellText(row('hours-split').cells['guangzhou'])).toBe('网络研修 25 + 校本实践应用 25（学时）');
    expect(cellText(row('hours-total').cells['guangzhou'])).toBe('每人3年 ≥ 50 学时');
    expect(rowDiffers(row('hours-split'), ['shanghai', 'guangzhou'])).toBe(true);
  });

  it('says 原文未规定 for an absent fact and counts it as a difference', () => {
    expect(cellText(row('funding').cells['shanghai'])).toBe(NOT_STATED);
    expect(rowDiffers(row('funding'), ['shanghai', 'yueqing'])).toBe(true);
    expect(rowDiffers(row('funding'), ['shanghai', 'guangzhou'])).toBe(false);
  });

  it('tells 50 学时 from 50 学分', () => {
    expect(rowDiffers(row('hours-total'), ['shanghai', 'yueqing'])).toBe(true);
  });

  it('finds no difference in a single document or identical ones', () => {
    expect(rowDiffers(row('hours-split'), ['shanghai'])).toBe(false);
    const twin = comparisonRows([shanghai, { ...shanghai, slug: 'twin' }]);
    expect(twin.every((r) => !rowDiffers(r, ['shanghai', 'twin']))).toBe(true);
  });

  it('lists quotas per year', () => {
    expect(cellText(row('quotas').cells['shanghai'])).toBe('2020 年 30% 的教师');
  });
});

describe('what an empty cell says: the document is silent, or the handbook lacks the text', () => {
  const nationalQuoted = policy('national', {
    level: '国家',
    parent: undefined,
    region: '国家',
    issuer: '教育部',
    number: '教师〔2019〕1号',
    heldText: '无',
  });
  const hebeiBody = policy('hebei', {
    region: '河北省',
    number: '冀教师函〔2020〕8号',
    hours: { total: 50, unit: '学时', atLeast: true, split: [] },
    notHeld: ['issuer', 'date'],
  });
  const rows = comparisonRows([nationalQuoted, hebeiBody, shanghai]);
  const cell = (id: string, slug: string) =>
    cellText((rows.find((r) => r.id === id) ?? expect.fail(`no row ${id}`)).cells[slug]);

  it('a document the handbook has no text of: every fact it has not got is 本手册未收录原文', () => {
    expect(cell('issuer', 'national')).toBe('教育部');
    expect(cell('number', 'national')).toBe('教师〔2019〕1号');
    for (const id of ['date', 'hours-total', 'hours-split', 'quotas', 'platforms', 'funding', 'cited']) {
      expect(cell(id, 'national')).toBe(NOT_HELD);
    }
  });

  it('a fact in notHeld is 本手册未收录原文; any other absent fact is 原文未规定', () => {
    expect(cell('issuer', 'hebei')).toBe(NOT_HELD);
    expect(cell('date', 'hebei')).toBe(NOT_HELD);
    expect(cell('number', 'hebei')).toBe('冀教师函〔2020〕8号');
    expect(cell('quotas', 'hebei')).toBe(NOT_STATED);
    expect(cell('funding', 'hebei')).toBe(NOT_STATED);
    // The total is stated and the held text gives no split: silent, not missing.
    expect(cell('hours-split', 'hebei')).toBe(NOT_STATED);
    expect(cell('issuer', 'shanghai')).toBe(NOT_STATED);
  });

  it('factGap and gapText say the same as the table, for the panels that read one fact', () => {
    expect(gapText(factGap(hebeiBody.data, 'issuer'))).toBe(NOT_HELD);
    expect(gapText(factGap(hebeiBody.data, 'selection'))).toBe(NOT_STATED);
    expect(gapText(factGap(nationalQuoted.data, 'selection'))).toBe(NOT_HELD);
  });

  it('the CSV says which is which', () => {
    const parsed = parseCsv(
      comparisonCsv(rows, [
        { slug: 'national', name: '国家' },
        { slug: 'hebei', name: '河北省' },
      ]),
    );
    expect(parsed.find((r) => r[0] === '发文机关')).toEqual(['发文机关', '教育部', NOT_HELD, '不同']);
    expect(parsed.find((r) => r[0] === '年度进度')).toEqual(['年度进度', NOT_HELD, NOT_STATED, '不同']);
    expect(parsed.find((r) => r[0] === '发布日期')).toEqual(['发布日期', NOT_HELD, NOT_HELD, '相同']);
  });

  it('for any held text and notHeld list, an empty cell is 未收录 exactly when its fact is not held', () => {
    const rowFact: Record<string, (typeof POLICY_FACTS)[number]> = {
      issuer: 'issuer',
      number: 'number',
      date: 'date',
      scope: 'scope',
      period: 'period',
      deadline: 'deadline',
      quotas: 'quotas',
      platforms: 'platforms',
      cio: 'cio',
      pilots: 'pilots',
      'continuing-education': 'continuingEducation',
      cited: 'citedDocuments',
    };
    fc.assert(
      fc.property(
        fc.constantFrom('全文' as const, '部分' as const, '无' as const),
        fc.subarray([...POLICY_FACTS]),
        fc.boolean(),
        (heldText, notHeld, withIssuer) => {
          const p = policy('p', { heldText, notHeld, ...(withIssuer ? { issuer: '某教育局' } : {}) });
          const built = comparisonRows([p]);
          for (const row of built) {
            const fact = rowFact[row.id];
            if (!fact) continue;
            const text = cellText(row.cells['p']);
            if (fact === 'issuer' && withIssuer) expect(text).toBe('某教育局');
            else expect(text).toBe(heldText !== '全文' || notHeld.includes(fact) ? NOT_HELD : NOT_STATED);
          }
        },
      ),
    );
  });
});

describe('a document the handbook holds only part of (heldText: 部分)', () => {
  const partial = policy('zhejiang', {
    region: '浙江省',
    date: '2021',
    heldText: '部分',
    hours: { total: 50, unit: '学时', atLeast: true, split: [] },
    quotas: [{ year: '2021', by: '2021-08-15', share: 25, atLeast: true, of: '教师' }],
  });
  const rows = comparisonRows([partial]);
  const cell = (id: string) =>
    cellText((rows.find((r) => r.id === id) ?? expect.fail(`no row ${id}`)).cells['zhejiang']);

  it('shows what the part states, and 本手册未收录原文 for every other fact', () => {
    expect(cell('date')).toBe('2021');
    expect(cell('quotas')).toBe('2021年8月15日前 ≥ 25% 的教师');
    for (const id of ['issuer', 'number', 'scope', 'deadline', 'assessment', 'funding', 'cited']) {
      expect(cell(id)).toBe(NOT_HELD);
    }
    // A stated total whose split the part does not show may stand in the part the handbook lacks.
    expect(cell('hours-split')).toBe(NOT_HELD);
    expect(gapText(factGap(partial.data, 'selection'))).toBe(NOT_HELD);
    expect(holdsFullText(partial.data)).toBe(false);
    expect(holdsFullText(shanghai.data)).toBe(true);
  });
});

describe('quotas due by a date, over a span, or as a running total', () => {
  const q = { year: '2022', share: 40, atLeast: true, of: '教师' as const };

  it('names the period as the document does, in Chinese dates', () => {
    expect(chineseDate('2021')).toBe('2021年');
    expect(chineseDate('2021-09')).toBe('2021年9月');
    expect(chineseDate('2021-08-15')).toBe('2021年8月15日');
    expect(quotaPeriodText({ ...q, year: '2021', by: '2021-08-15' })).toBe('2021年8月15日前');
    expect(quotaPeriodText({ ...q, from: '2021-09', by: '2022-08' })).toBe('2021年9月至2022年8月');
    expect(quotaPeriodText(q)).toBe('2022 年');
  });

  it('says 累计 where the share is the running total', () => {
    expect(quotaText({ ...q, from: '2021-09', by: '2022-08', cumulative: true })).toBe(
      '2021年9月至2022年8月 累计 ≥ 40% 的教师',
    );
    expect(quotaText({ ...q, atLeast: false, of: '学校' })).toBe('2022 年 40% 的学校');
  });
});

describe('comparisonCsv', () => {
  it('starts with a UTF-8 BOM, uses CRLF and parses back to the table', () => {
    const rows = comparisonRows([shanghai, guangzhou]);
    const columns = [
      { slug: 'shanghai', name: '上海市' },
      { slug: 'guangzhou', name: '广州市' },
    ];
    const csv = comparisonCsv(rows, columns);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('\r\n');
    const parsed = parseCsv(csv);
    expect(parsed[0]).toEqual(['项目', '上海市', '广州市', '是否不同']);
    expect(parsed).toHaveLength(rows.length + 1);
    const split = parsed.find((r) => r[0] === '学时构成');
    expect(split).toEqual([
      '学时构成',
      '通识课程 10 + 专业课程 15 + 实践 25（学时）',
      '网络研修 25 + 校本实践应用 25（学时）',
      '不同',
    ]);
  });

  it('round-trips any cell text, quotes, commas and line breaks included (formula starts made inert)', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 2, maxLength: 2 }), ([a = '', b = '']) => {
        const rows = [
          { id: 'x', label: 'x', cells: { p: { text: a || undefined }, q: { text: b || undefined } } },
        ];
        const parsed = parseCsv(
          comparisonCsv(rows, [
            { slug: 'p', name: 'P' },
            { slug: 'q', name: 'Q' },
          ]),
        );
        expect(parsed[1]?.slice(1, 3)).toEqual([
          neutraliseFormula(a) || NOT_STATED,
          neutraliseFormula(b) || NOT_STATED,
        ]);
      }),
    );
  });
});

describe('policyFigures and textStatesNumber', () => {
  it('lists every number the key-facts panel states', () => {
    expect(policyFigures(shanghai.data)).toEqual([
      { field: 'hours.total', value: 50 },
      { field: 'hours.split.0.amount', value: 10 },
      { field: 'hours.split.1.amount', value: 15 },
      { field: 'hours.split.2.amount', value: 25 },
      { field: 'quotas.0.share', value: 30 },
      { field: 'quotas.0.year', value: 2020 },
    ]);
    expect(policyFigures(yueqing.data)).toContainEqual({ field: 'funding.amount', value: 500 });
  });

  it('finds a number only as a number of its own', () => {
    expect(textStatesNumber('每人不少于50学时', 50)).toBe(true);
    expect(textStatesNumber('不少于 50 学时', 50)).toBe(true);
    expect(textStatesNumber('共150人', 50)).toBe(false);
    expect(textStatesNumber('共505人', 50)).toBe(false);
    expect(textStatesNumber('20%、40%、40%', 40)).toBe(true);
    expect(textStatesNumber('2.5小时', 5)).toBe(false);
  });

  it('finds a year inside a stated span', () => {
    expect(textStatesYear('2020-2022 年分三年', 2021)).toBe(true);
    expect(textStatesYear('2020年至2022年', 2022)).toBe(true);
    expect(textStatesYear('2020-2022 年分三年', 2023)).toBe(false);
    expect(textStatesYear('自2019年起', 2019)).toBe(true);
  });
});

describe('comparison selection in the URL', () => {
  const known = ['national', 'hebei', 'baoding', 'xushui', 'shanghai', 'guangzhou', 'jiangsu', 'yueqing'];
  it('reads ?r=, dropping unknown and repeated slugs', () => {
    expect(parseSelection('?r=shanghai,guangzhou', known)).toEqual(['shanghai', 'guangzhou']);
    expect(parseSelection('?r=shanghai,,nowhere,SHANGHAI,guangzhou', known)).toEqual([
      'shanghai',
      'guangzhou',
    ]);
    expect(parseSelection('?r=', known)).toEqual([]);
  });
  it('selects every document when the URL says nothing', () => {
    expect(parseSelection('', known)).toEqual(known);
  });
  it('writes the selection in table order and keeps other parameters', () => {
    expect(selectionSearch('?diff=1', ['guangzhou', 'shanghai'], known)).toBe('?diff=1&r=shanghai,guangzhou');
  });
  it('round-trips any selection', () => {
    fc.assert(
      fc.property(fc.subarray(known), (chosen) => {
        const search = selectionSearch('', chosen, known);
        expect(parseSelection(search, known)).toEqual(known.filter((k) => chosen.includes(k)));
      }),
    );
  });
  it('explains a selection that is too small', () => {
    expect(selectionProblem(['shanghai'])).toContain('至少选择 2 份');
    expect(selectionProblem(['shanghai', 'guangzhou'])).toBeUndefined();
  });
});
