/**
 * The hard limits an item's own words set, as the wizard checks them: how long each recording
 * may run ("时间不超过 10 分钟", "不超于 2 分钟", "原则上不超过"), whether the teacher must appear
 * ("需出现教师个人形象", "出镜"), how many pieces ("两位学生", "两份", "2个") and in what form
 * (视频, 音频, 文档, 图片, 学生作品). A phrase that looks like a limit but is not understood is
 * returned as a doubt for a person, never guessed.
 */
import type { EvidenceForm } from '../../grading/rubric-schema';
import { asciiAlnum } from './guide-lines';

export interface ReadLimits {
  maxMinutes?: number | undefined;
  qualifier: '' | '原则上' | '一般';
  count?: number | undefined;
  teacherOnCamera: boolean;
  forms: EvidenceForm[];
  /** Phrases a person must look at, in Chinese. */
  doubts: string[];
}

const DIGIT: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** "10", "十", "十五", "二十", "两" as a number; undefined for anything else. */
export function chineseNumber(text: string): number | undefined {
  const t = asciiAlnum(text.trim());
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t);
  const match = /^([一二两三四五六七八九]?)(十?)([一二三四五六七八九]?)$/.exec(t);
  if (!match || t === '') return undefined;
  const [, tens, ten, units] = match;
  if (ten) return (tens ? (DIGIT[tens] ?? 0) : 1) * 10 + (units ? (DIGIT[units] ?? 0) : 0);
  return tens && !units ? DIGIT[tens] : undefined;
}

const NUMBER = '(\\d+(?:\\.\\d+)?|[一二两三四五六七八九十]{1,3})';
const AT_MOST = '(?:不超过|不超于|不多于|不得超过|不宜超过|不要超过|不应超过|不长于|最长|最多|控制在|限)';
const QUALIFIER = '(原则上|一般|一般情况下|通常)?';
const UNIT = '(分钟|分|min|秒钟|秒|s|小时)';
const AT_MOST_MINUTES = new RegExp(
  `${QUALIFIER}\\s*${AT_MOST}\\s*${NUMBER}\\s*${UNIT}(?:以内|之内|内)?`,
  'gi',
);
const WITHIN = new RegExp(`${QUALIFIER}[^，。,;；]{0,6}?${NUMBER}\\s*${UNIT}(?:以内|之内)`, 'gi');
const RANGE = new RegExp(`${NUMBER}\\s*(?:分钟|分)?\\s*[-—–~～至到]\\s*${NUMBER}\\s*(分钟|分|秒)`, 'g');
const ANY_TIME = /\d+(?:\.\d+)?\s*(?:分钟|秒|小时)|[一二两三四五六七八九十]+\s*(?:分钟|秒钟|小时)/;

function minutesOf(value: string, unit: string): number | undefined {
  const n = chineseNumber(value);
  if (n === undefined) return undefined;
  const u = unit.toLowerCase();
  if (u === '秒' || u === '秒钟' || u === 's') return Math.round((n / 60) * 100) / 100;
  if (u === '小时') return n * 60;
  return n;
}

const qualifierOf = (q: string | undefined): ReadLimits['qualifier'] =>
  q === '原则上' ? '原则上' : q?.startsWith('一般') || q === '通常' ? '一般' : '';

const ON_CAMERA =
  /(需|须|要|应|必须|需要)?(?:出现|呈现)?教师(?:本人|个人)?(?:的)?(?:形象|出镜|画面|头像)|出镜/;
const NOT_ON_CAMERA = /(无需|不需|不需要|不必|可不|可以不|不用|不要求)\s*(?:教师)?(?:本人)?(?:出镜|出现)/;
const SUGGESTED_ON_CAMERA = /(建议|鼓励|最好|尽量)[^，。,;；]{0,6}(出镜|出现教师)/;

const COUNT = new RegExp(
  `(?:^|[^第\\d])${NUMBER}\\s*(份|位|名|篇|段|张|件|个|节|幅|则|组)(?:学生|以上|及以上)?`,
  'g',
);

/** What the item's text says about its limits and form. */
export function limitsFromText(requirement: string): ReadLimits {
  const text = asciiAlnum(requirement);
  const doubts: string[] = [];
  let maxMinutes: number | undefined;
  let qualifier: ReadLimits['qualifier'] = '';
  const found: { minutes: number; qualifier: ReadLimits['qualifier'] }[] = [];
  for (const m of text.matchAll(AT_MOST_MINUTES)) {
    const minutes = minutesOf(m[2] ?? '', m[3] ?? '');
    if (minutes !== undefined) found.push({ minutes, qualifier: qualifierOf(m[1]) });
  }
  if (found.length === 0)
    for (const m of text.matchAll(WITHIN)) {
      const minutes = minutesOf(m[2] ?? '', m[3] ?? '');
      if (minutes !== undefined) found.push({ minutes, qualifier: qualifierOf(m[1]) });
    }
  const range = RANGE.exec(text);
  RANGE.lastIndex = 0;
  if (found.length === 0 && range) {
    const minutes = minutesOf(range[2] ?? '', range[3] ?? '');
    if (minutes !== undefined) {
      found.push({ minutes, qualifier: '' });
      doubts.push(`“${range[0]}”还规定了最短时长；自评只核对最长 ${minutes} 分钟，最短时长请自行留意。`);
    }
  }
  const distinct = [...new Set(found.map((f) => f.minutes))];
  if (distinct.length === 1) {
    maxMinutes = distinct[0];
    qualifier = found[0]?.qualifier ?? '';
  } else if (distinct.length > 1) {
    maxMinutes = Math.max(...distinct);
    doubts.push(
      `文中有几个不同的时长（${distinct.join('、')} 分钟），已按最长的 ${maxMinutes} 分钟填写，请核对。`,
    );
  } else if (ANY_TIME.test(text)) {
    doubts.push(
      `文中提到了时长（“${ANY_TIME.exec(text)?.[0] ?? ''}”），但没有读出是不是上限，请核对“时长上限”。`,
    );
  }

  let teacherOnCamera = false;
  if (NOT_ON_CAMERA.test(text)) teacherOnCamera = false;
  else if (SUGGESTED_ON_CAMERA.test(text))
    doubts.push('文中建议教师出镜，但没有说是硬性要求，本项未勾选“须出现教师个人形象”，请核对。');
  else if (ON_CAMERA.test(text)) teacherOnCamera = true;

  const counts = [...text.matchAll(COUNT)]
    .map((m) => chineseNumber(m[1] ?? ''))
    .filter((n): n is number => n !== undefined && n >= 2 && n <= 100);
  const distinctCounts = [...new Set(counts)];
  let count: number | undefined;
  if (distinctCounts.length === 1) count = distinctCounts[0];
  else if (distinctCounts.length > 1)
    doubts.push(`文中有几个不同的数量（${distinctCounts.join('、')}），没有自动填写“份数”，请核对。`);

  return { maxMinutes, qualifier, count, teacherOnCamera, forms: formsFromText(text), doubts };
}

/** 视频, 音频 (or both), pictures beside text, student works, or text by default. */
export function formsFromText(text: string): EvidenceForm[] {
  const forms = new Set<EvidenceForm>();
  const media =
    /(以|用|采用|通过)?[^，。,;；]{0,8}?(视频|音频|录音|录像|微课)[^，。,;；]{0,4}?(形式|方式|格式)?/g;
  for (const m of text.matchAll(media)) {
    const word = m[2] ?? '';
    if (word === '音频' || word === '录音') forms.add('音频');
    else forms.add('视频');
  }
  const pictures = /(图文|图示|图片|照片|截图|图表|海报)/.test(text);
  if (forms.size === 0) {
    if (/作品/.test(text) && /学生/.test(text)) forms.add('学生作品');
    else forms.add('文本');
  }
  if (pictures && !forms.has('学生作品')) forms.add('图片');
  return (['文本', '视频', '音频', '图片', '文件', '学生作品'] as const).filter((f) => forms.has(f));
}
