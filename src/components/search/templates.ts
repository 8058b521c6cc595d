/**
 * Result templates for Pagefind's Component UI (adequate-little-templates syntax): title, type
 * badge and the highlighted excerpt. `{{ }}` escapes; `{{+ excerpt +}}` is raw, and our layer
 * has already reduced the excerpt to text and <mark>. The searchbox template keeps the ARIA
 * combobox attributes its keyboard navigation relies on.
 */

const badge =
  '{{#if meta.type}} <span class="search-hit-type type-{{ meta.type }}">{{ meta.type }}</span>{{/if}}';
const href = '{{ meta.url | default(url) | safeUrl }}';

export const SEARCHBOX_RESULT = [
  `<a class="pf-searchbox-result search-hit-link" id="{{ aria.result_id }}" href="${href}" role="option" aria-selected="false" aria-labelledby="{{ aria.title_id }}"{{#if excerpt}} aria-describedby="{{ aria.excerpt_id }}"{{/if}}>`,
  `<p class="pf-searchbox-result-title" id="{{ aria.title_id }}"><span class="search-hit-title">{{ meta.title }}</span>${badge}</p>`,
  '{{#if excerpt}}<p class="pf-searchbox-result-excerpt" id="{{ aria.excerpt_id }}">{{+ excerpt +}}</p>{{/if}}',
  '</a>',
].join('');

export const PAGE_RESULT = [
  '<li class="search-hit">',
  `<a class="search-hit-link" href="${href}"><span class="search-hit-title">{{ meta.title }}</span>${badge}`,
  '{{#if excerpt}}<span class="search-hit-excerpt">{{+ excerpt +}}</span>{{/if}}</a>',
  '</li>',
].join('');
