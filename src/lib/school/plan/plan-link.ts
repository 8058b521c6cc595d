/**
 * The school plan's share link: the file's JSON, raw-DEFLATE compressed, base64url-encoded into
 * the URL fragment (`#plan=1.<check>.<data>`), made and read exactly as the rubric pack's link
 * (rubric-link.ts's encodeFragment and readFragment), so a principal can post one link
 * in the staff chat and nothing reaches a server. A long roster makes a long link, so the link
 * comes with a report of its length in words the principal can act on.
 */
import { encodeFragment, readFragment, type Codec } from '../../rubrics/rubric-link';
import { importPlanText, MAX_PLAN_BYTES, type PlanResult, type SchoolPlan } from './plan-file';

export const PLAN_LINK_PREFIX = 'plan=';

/**
 * Longest fragment read or offered. Chromium takes addresses up to 2 MB, but chat tools and
 * older browsers cut far earlier; a plan that needs more goes as a file.
 */
export const MAX_PLAN_FRAGMENT_CHARS = 200_000;
/** Up to this many characters a link survives every chat tool, e-mail and QR code reader tried. */
export const SAFE_LINK_CHARS = 2000;

/** Whether a location.hash (with or without '#') claims to be a plan link. */
export function isPlanFragment(hash: string): boolean {
  return hash.replace(/^#/, '').startsWith(PLAN_LINK_PREFIX);
}

/** `plan=1.<crc>.<data>`, without the leading '#'. */
export async function encodePlanFragment(plan: SchoolPlan, codec?: Codec): Promise<string> {
  return encodeFragment(plan, PLAN_LINK_PREFIX, codec);
}

/** The page address with the plan in its fragment. */
export async function planShareUrl(pageUrl: string, plan: SchoolPlan, codec?: Codec): Promise<string> {
  return `${pageUrl.replace(/#.*$/, '')}#${await encodePlanFragment(plan, codec)}`;
}

export interface LinkLengthReport {
  chars: number;
  /** short: send it anywhere; long: works in a browser, a chat tool may cut it; too-long: send the file. */
  fit: 'short' | 'long' | 'too-long';
  /** What the principal reads beside the link. */
  text: string;
}

/** How long a link is and what that means for sending it. */
export function linkLengthReport(url: string): LinkLengthReport {
  const chars = url.length;
  if (chars <= SAFE_LINK_CHARS) {
    return { chars, fit: 'short', text: `链接共 ${chars} 个字符，可以直接发到教师群。` };
  }
  if (url.slice(url.indexOf('#') + 1).length <= MAX_PLAN_FRAGMENT_CHARS) {
    return {
      chars,
      fit: 'long',
      text: `链接共 ${chars} 个字符，较长：部分聊天工具会截断过长的消息，收到的教师若打不开，请改发方案文件。`,
    };
  }
  return {
    chars,
    fit: 'too-long',
    text: `链接共 ${chars} 个字符，超过浏览器能可靠打开的长度（名单或评价标准较多）。请改为发送学校考核方案文件。`,
  };
}

const PLAN_LINK = {
  prefix: PLAN_LINK_PREFIX,
  maxChars: MAX_PLAN_FRAGMENT_CHARS,
  maxBytes: MAX_PLAN_BYTES,
  words: {
    none: '这个链接里没有学校考核方案。',
    damaged: '链接不完整或被改动过，无法读取学校考核方案。请向学校重新复制完整的链接。',
    tooLong: '链接过长，不是微能力手册生成的学校考核方案链接。',
    tooBig: `链接中的学校考核方案超过 ${MAX_PLAN_BYTES / 1024 / 1024} MB，不能打开。`,
  },
};

/** Reads a fragment (with or without '#'); any text at all. Never rejects. */
export async function decodePlanFragment(hash: string, codec?: Codec): Promise<PlanResult> {
  const read = await readFragment(hash, PLAN_LINK, codec);
  if (!read.ok) return read;
  const result = importPlanText(read.text);
  return result.ok
    ? result
    : { ok: false, error: result.error.replace(/^学校考核方案文件无效/, '链接中的学校考核方案无效') };
}
