/** Shared rendering of search results for the header box and the search page. */
import { safeExcerpt } from '../../lib/search-excerpt';
import type { SearchHit } from './pagefind-client';

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

/** What the status line says about an outcome. */
export function statusText(
  query: string,
  outcome: { total: number; exact: number; hits: unknown[] },
): string {
  if (outcome.total === 0) return `没有找到与“${query}”相关的内容。`;
  if (outcome.exact === 0) return `没有找到包含“${query}”的内容，下面是部分相近的结果。`;
  return `“${query}”：找到 ${outcome.exact} 条结果${outcome.exact > outcome.hits.length ? `，显示前 ${outcome.hits.length} 条` : ''}。`;
}
