/**
 * Search excerpts are shown as HTML for their <mark> highlights. Everything else in them is
 * escaped, so text from any page (or a hostile index) can never become markup.
 */

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
