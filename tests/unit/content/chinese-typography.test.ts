import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { typesetChinese, typesetData } from '../../../src/lib/content/chinese-typography';

const HALF_BETWEEN_HAN = /\p{Script=Han}\s*[,:;]\s*\p{Script=Han}/u;
const SPACE_BESIDE = /\s[，。、；：？！）》〕】」』”]|[（《〔【「『“，。、；：？！]\s/;

describe('typesetChinese', () => {
  it('makes the OCR’d seed’s commas, colons and semicolons inside Chinese full-width', () => {
    expect(typesetChinese('2019 年开始,到 2022 年')).toBe('2019 年开始，到 2022 年');
    expect(typesetChinese('成 员:贺万胜')).toBe('成 员：贺万胜');
    expect(typesetChinese('均全域推进;全市')).toBe('均全域推进；全市');
    expect(typesetChinese('(教师〔2019〕1 号),结合')).toBe('(教师〔2019〕1 号)，结合');
    expect(typesetChinese('提升工程 2.0 , 采取')).toBe('提升工程 2.0，采取');
  });

  it('leaves numbers, times, addresses and codes alone', () => {
    for (const text of ['1,000 元', '10:30', 'http://127.0.0.1:4321/', 'A1,A5', 'a, b; c: d', '2020-09-21']) {
      expect(typesetChinese(text)).toBe(text);
    }
  });

  it('drops spaces beside full-width punctuation, and only there', () => {
    expect(typesetChinese('如 C5.mdx ）：评价')).toBe('如 C5.mdx）：评价');
    expect(typesetChinese('见 《 意见 》 。')).toBe('见《意见》。');
    expect(typesetChinese('提升工程 2.0 实施方案')).toBe('提升工程 2.0 实施方案');
    expect(typesetChinese('地区政策 › 国家')).toBe('地区政策 › 国家');
  });

  it('for any text: idempotent, removes only spaces, maps only , : ; and leaves none between Han', () => {
    const piece = fc.oneof(
      fc.constantFrom(
        '学',
        '时',
        '，',
        '：',
        '（',
        '）',
        '。',
        '“',
        '”',
        ',',
        ':',
        ';',
        ' ',
        '\n',
        'A',
        '1',
        '.',
        '/',
      ),
      fc.string({ maxLength: 3 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        const out = typesetChinese(text);
        expect(typesetChinese(out)).toBe(out);
        const skeleton = (s: string) =>
          s
            .replace(/[\s\u3000]/g, '')
            .replace(/,/g, '，')
            .replace(/:/g, '：')
            .replace(/;/g, '；');
        expect(skeleton(out)).toBe(skeleton(text));
        expect(out).not.toMatch(HALF_BETWEEN_HAN);
        expect(out).not.toMatch(SPACE_BESIDE);
      }),
    );
  });

  it('changes no text without Chinese in it', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'Z', '0', '9', ',', ':', ';', ' ', '.', '/', '-') }),
        (s) => {
          expect(typesetChinese(s)).toBe(s);
        },
      ),
    );
  });
});

describe('typesetData', () => {
  it('typesets every string in frontmatter of any shape and keeps the rest', () => {
    const data = {
      code: 'C5',
      limits: { maxMinutes: 10, teacherOnCamera: true },
      criteria: { excellent: ['数据来源可靠,合理;'], pass: [] as string[] },
      date: undefined,
    };
    expect(typesetData(data)).toEqual({
      code: 'C5',
      limits: { maxMinutes: 10, teacherOnCamera: true },
      criteria: { excellent: ['数据来源可靠，合理；'], pass: [] },
      date: undefined,
    });
    const when = new Date(0);
    expect(typesetData({ when }).when).toBe(when);
  });
});
