/**
 * Line-level rules shared by every source: what is a page marker or a footer (noise), what starts
 * a bullet, and how a line broken by the page's width joins its continuation. The seed's text
 * (a flip-book's OCR) shows all of them: "第54页" then "54", criteria broken mid-word, "[收起]".
 */

/** Full-width Latin letters and digits (Ｃ５, １０) as ASCII; punctuation is left alone. */
export function asciiAlnum(text: string): string {
  return text.replace(/[Ａ-Ｚａ-ｚ０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** Spaces of every width (U+3000, no-break, zero-width) as one plain space, trimmed. */
export function squeeze(text: string): string {
  return text
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .replace(/[\s\u00a0\u3000]+/g, ' ')
    .trim();
}

/** A page marker: "第54页", "第 54 页", "- 54 -", "54", "54 / 100", "Page 3". */
export function isPageMarker(line: string): boolean {
  const t = asciiAlnum(squeeze(line));
  return (
    /^第\s*\d{1,4}\s*页(\s*[,，/]?\s*共\s*\d{1,4}\s*页)?$/.test(t) ||
    /^[-—–]?\s*\d{1,4}\s*[-—–]?$/.test(t) ||
    /^\d{1,4}\s*\/\s*\d{1,4}$/.test(t) ||
    /^page\s*\d{1,4}(\s*of\s*\d{1,4})?$/i.test(t)
  );
}

/** A web page's or flip-book's furniture copied with the text: links, buttons, template tags. */
export function isFooterNoise(line: string): boolean {
  const t = squeeze(line);
  return (
    /^\[?(收起|展开|更多内容|免费制作|文本内容|上一页|下一页|返回顶部)\]?$/.test(t) ||
    /\{\{[^}]*\}\}/.test(t) ||
    /^(https?:\/\/|www\.)\S+$/i.test(t) ||
    /^(粉丝|发布时间|杂志分类|浏览|阅读|分享到)\s*[:：]/.test(t) ||
    /(版权所有|Copyright|©)/i.test(t)
  );
}

/** Marks that open a list entry: ⚫ • ● · ▪ ◆ ■ ★ ➢ ✓ , a private-use Wingdings glyph, "-" and "*". */
const BULLET =
  /^\s*(?:[\u26ab\u2022\u25cf\u00b7\u30fb\u25aa\u25a0\u25c6\u25c7\u2605\u27a2\u2713\u2714\u25b6\u25ba\uf06c\uf0a7\uf0b7\uf0d8\uf0fc\ue000-\uf8ff]|[-*](?=\s))\s*/u;

export function bulletOf(line: string): { text: string } | undefined {
  const match = BULLET.exec(line);
  return match ? { text: line.slice(match[0].length).trim() } : undefined;
}

const LATIN_END = /[A-Za-z0-9%)]$/;
const LATIN_START = /^[A-Za-z0-9(]/;

/**
 * Joins a line with its continuation: Chinese runs straight on (a break inside a word carries no
 * space); Latin words and numbers on both sides keep one space between them.
 */
export function joinBroken(head: string, tail: string): string {
  const a = head.trimEnd();
  const b = tail.trimStart();
  if (a === '') return b;
  if (b === '') return a;
  return LATIN_END.test(a) && LATIN_START.test(b) ? `${a} ${b}` : `${a}${b}`;
}

/** Ends a sentence or a list entry: 。；; . ! ？ (full or half width), so the next line is new. */
export function endsEntry(text: string): boolean {
  return /[。；;！!？?]$|(?<![0-9])\.$/.test(text.trim());
}

/** Ends with a full stop: the last entry of a 优秀 or 合格 list. */
export function endsWithStop(text: string): boolean {
  return /[。](?:[”"」』）)])?$|(?<![0-9A-Za-z])\.$/.test(text.trim());
}
