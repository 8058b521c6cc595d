/**
 * The source fields a 考核指南 states about itself (its title, 文号, issuer, year), read from the
 * text before the first ability, and how they fill the /rubrics/ source form without replacing
 * anything a person typed.
 */
import type { SourceDraft } from '../rubric-editor';
import { asciiAlnum, squeeze } from './guide-lines';
import type { GuideSourceGuess } from './guide-reading';

const TITLE = /(考核指南|考核规范|考核细则|考核方案|评价标准|考核标准|实施细则)/;
const NUMBER = /[\u4e00-\u9fa5]{1,12}\s*[〔［[【(（]\s*(\d{4})\s*[〕］\]】)）]\s*\d{1,4}\s*号/;
const ISSUER =
  /^[\u4e00-\u9fa5]{2,24}(教育厅|教育局|教育委员会|教委|教育和体育局|教育体育局|项目办公室|项目办)$/;

/** Reads the guess from the lines before the first ability (at most the first 60). */
export function sourceFromPreamble(lines: readonly string[]): GuideSourceGuess {
  const guess: GuideSourceGuess = {};
  for (const raw of lines.slice(0, 60)) {
    const line = squeeze(raw);
    const ascii = asciiAlnum(line);
    const number = NUMBER.exec(ascii);
    if (number && !guess.number) {
      guess.number = squeeze(line.slice(number.index, number.index + number[0].length)).slice(0, 60);
      if (!guess.year && number[1]) guess.year = number[1];
      continue;
    }
    if (!guess.title && TITLE.test(line) && line.length >= 6 && line.length <= 80 && !/[:：]$/.test(line)) {
      guess.title = line.replace(/^[《“"]|[》”"]$/g, '');
      continue;
    }
    if (!guess.issuer && ISSUER.test(line)) guess.issuer = line;
    const year = /(20\d{2})\s*年/.exec(ascii);
    if (!guess.year && year?.[1] && line.length <= 40) guess.year = year[1];
  }
  return guess;
}

const LABELS: Record<keyof GuideSourceGuess, string> = {
  title: '考核指南名称',
  number: '文号',
  issuer: '发文单位',
  year: '年份',
};

/**
 * The source form with the document's fields filled in where the form is empty. A field the
 * person already filled keeps its value; when the document says otherwise it is named in
 * `differing`, for the person to decide.
 */
export function withGuideSource(
  current: SourceDraft,
  guess: GuideSourceGuess,
): { source: SourceDraft; differing: string[] } {
  const source = { ...current };
  const differing: string[] = [];
  for (const key of Object.keys(LABELS) as (keyof GuideSourceGuess)[]) {
    const value = guess[key]?.trim();
    if (!value) continue;
    const now = source[key].trim();
    if (now === '') source[key] = value;
    else if (now !== value) differing.push(`${LABELS[key]}（文件中是“${value}”）`);
  }
  return { source, differing };
}
