/** Shared rendering of search results for the header box and the search page. */
import type { SearchHit } from './pagefind-client';

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** Pagefind's excerpt is escaped text with <mark> around matches; keep only those marks. */
export function safeExcerpt(excerpt: string): string {
  return escape(excerpt.replace(/<\/?mark>/g, '\u0001')).replace(/\u0001([^\u0001]*)\u0001/g, '<mark>$1</mark>');
}

export function hitElement(hit: SearchHit, id: string, tag: 'li' | 'div' = 'li'): HTMLElement {
  const item = document.createElement(tag);
  item.className = 'search-hit';
  item.id = id;
  const link = document.createElement('a');
  link.href = hit.url;
  link.className = 'search-hit-link';
  const title = document.createElement('span');
  title.className = 'search-hit-title';
  title.textContent = hit.title;
  link.append(title);
  if (hit.type) {
    const badge = document.createElement('span');
    badge.className = `search-hit-type type-${hit.type}`;
    badge.textContent = hit.type;
    link.append(' ', badge);
  }
  const excerpt = document.createElement('span');
  excerpt.className = 'search-hit-excerpt';
  excerpt.innerHTML = safeExcerpt(hit.excerpt);
  link.append(excerpt);
  item.append(link);
  return item;
}
