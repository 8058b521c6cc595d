/**
 * The text a reader sees on a built page, read from its HTML without a browser: scripts, styles,
 * code and the head left out, block elements as separate runs (a line break between two list
 * items is no stray space), inline markup dropped with the white space around it kept.
 */
const BLOCK = new Set(
  'address article aside blockquote body br caption dd details div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol option p pre section summary table tbody td tfoot th thead tr ul'.split(
    ' ',
  ),
);

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) =>
    e[0] === '#'
      ? String.fromCodePoint(e[1]?.toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1)))
      : (ENTITIES[e.toLowerCase()] ?? m),
  );
}

/**
 * Each block's visible text, white space collapsed as the browser does. With `withCode: false`,
 * code (file names, commands) is left out, for checks of the prose around it.
 */
export function visibleTextRuns(html: string, { withCode = true } = {}): string[] {
  const hidden = withCode
    ? 'script|style|pre|template|noscript|svg'
    : 'script|style|pre|template|noscript|svg|code';
  const body = html
    .replace(/<head[\s\S]*?<\/head>/i, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(new RegExp(`<(${hidden})\\b[\\s\\S]*?<\\/\\1>`, 'gi'), ' ');
  const runs: string[] = [];
  let current = '';
  for (const part of body.split(/(<[^>]+>)/)) {
    const tag = /^<\/?([a-z0-9-]+)/i.exec(part)?.[1]?.toLowerCase();
    if (part.startsWith('<')) {
      if (tag && BLOCK.has(tag)) {
        runs.push(current);
        current = '';
      }
      continue;
    }
    current += decode(part);
  }
  runs.push(current);
  return runs.map((r) => r.replace(/[ \t\n\r\f]+/g, ' ').trim()).filter((r) => r !== '');
}
