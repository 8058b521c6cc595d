/**
 * Chinese punctuation as a reader expects it. The OCR'd seed (the Xushui compilation) prints
 * half-width commas, colons and semicolons inside Chinese sentences ("2019 年开始,到 2022 年"),
 * and templates and OCR leave spaces beside full-width marks ("如 C5.mdx ）"). Content files keep
 * the source text as it stands, so quotes can be checked against it; the pages show it through
 * this function.
 */

/** Full-width punctuation and brackets of Chinese text; no space belongs beside them. */
const CJK_PUNCTUATION = '，。、；：？！（）《》〈〉〔〕【】「」『』“”‘’…';
const HAN = /\p{Script=Han}/u;
const HALF_TO_FULL: Record<string, string> = { ',': '，', ':': '：', ';': '；' };

function isChinese(char: string | undefined): boolean {
  return char !== undefined && (HAN.test(char) || CJK_PUNCTUATION.includes(char));
}

const HALF_WIDTH_MARK = /[ \t\u3000]*([,:;])[ \t\u3000]*/g;
const SPACE_BESIDE_PUNCTUATION = new RegExp(
  `[\\s\\u3000]+(?=[${CJK_PUNCTUATION}])|(?<=[${CJK_PUNCTUATION}])[\\s\\u3000]+`,
  'g',
);

/**
 * A half-width , : or ; next to Chinese (a Han character or a full-width mark, on either side,
 * spaces aside) becomes full-width; white space beside a full-width mark goes. Numbers ("1,000",
 * "10:30"), addresses and codes ("A1,A5") are left as they are.
 */
export function typesetChinese(text: string): string {
  // A mark made full-width makes its half-width neighbour Chinese too (",,学"): repeat until stable.
  for (let current = text; ;) {
    const next = typesetOnce(current);
    if (next === current) return next;
    current = next;
  }
}

function typesetOnce(text: string): string {
  const marks = text.replace(HALF_WIDTH_MARK, (match, mark: string, offset: number) => {
    // The match has taken the spaces around the mark: its neighbours are the next characters.
    const before = text[offset - 1];
    const after = text[offset + match.length];
    return isChinese(before) || isChinese(after) ? (HALF_TO_FULL[mark] ?? mark) : match;
  });
  return marks.replace(SPACE_BESIDE_PUNCTUATION, '');
}

/** `change` applied to every string inside plain data (frontmatter of any shape); other values untouched. */
export function mapStrings<T>(value: T, change: (text: string) => string): T {
  if (typeof value === 'string') return change(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => mapStrings(v, change)) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, change)])) as T;
  }
  return value;
}

/** Every string inside content data (frontmatter of any shape), typeset; other values untouched. */
export function typesetData<T>(value: T): T {
  return mapStrings(value, typesetChinese);
}
