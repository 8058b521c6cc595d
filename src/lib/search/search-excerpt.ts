/**
 * Search excerpts are shown as HTML for their <mark> highlights. Everything else in them is
 * escaped, so text from any page (or a hostile index) can never become markup.
 */
import { findLiterals } from './search-query';

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

export function safeExcerpt(excerpt: string): string {
  return excerpt
    .split(/(<mark>[^<]*<\/mark>)/)
    .map((part) => {
      const marked = /^<mark>([^<]*)<\/mark>$/.exec(part);
      return marked ? `<mark>${escapeHtml(marked[1] ?? '')}</mark>` : escapeHtml(part);
    })
    .join('');
}

/** Characters of context before the phrase, at most: enough to place it, not to bury it. */
const LEAD = 16;
/** About as long as Pagefind's own excerpts in the dropdown (two lines at phone width). */
const LENGTH = 64;
/** Where a sentence or a heading ends in Pagefind's page text (it joins headings with ". "). */
const BREAKS = ['。', '；', '！', '？', '. ', '\n'];

/** Moves an index off the second half of a surrogate pair, so no character is cut in two. */
function whole(text: string, index: number): number {
  const unit = text.charCodeAt(index);
  return unit >= 0xdc00 && unit <= 0xdfff ? index + 1 : index;
}

/**
 * The excerpt for a page that contains the query word for word: the text around its first
 * occurrence, with every occurrence in view marked as one piece. Pagefind's own excerpt marks
 * the words its splitting found, often elsewhere on the page and one or two characters at a
 * time. Safe HTML (text and <mark> only); undefined when the text does not contain the query.
 */
export function literalExcerpt(content: string, query: string): string | undefined {
  const spans = findLiterals(content, query);
  const first = spans[0];
  if (!first) return undefined;
  let start = whole(content, Math.max(0, first.start - LEAD));
  // Begin after the last break before the phrase, so the excerpt starts a sentence.
  const lead = content.slice(start, first.start);
  const cut = Math.max(
    ...BREAKS.map((b) => (lead.lastIndexOf(b) === -1 ? -1 : lead.lastIndexOf(b) + b.length)),
  );
  if (cut > 0) start += cut;
  while (start < first.start && /\s/.test(content[start] ?? '')) start++;
  let end = whole(content, Math.min(content.length, Math.max(first.end, start + LENGTH)));
  const shown = spans.filter((s) => s.start < end);
  end = Math.max(end, ...shown.map((s) => s.end));

  let html = start > 0 ? '…' : '';
  let at = start;
  for (const span of shown) {
    html += `${escapeHtml(content.slice(at, span.start))}<mark>${escapeHtml(content.slice(span.start, span.end))}</mark>`;
    at = span.end;
  }
  html += escapeHtml(content.slice(at, end).trimEnd());
  return end < content.length ? `${html}…` : html;
}
