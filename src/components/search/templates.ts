/**
 * Result templates for Pagefind's Component UI (adequate-little-templates syntax): title, type
 * badge and the highlighted excerpt. `{{ }}` escapes; `{{+ excerpt +}}` is raw, and our layer
 * has already reduced the excerpt to text and <mark>. The searchbox template keeps the ARIA
 * combobox attributes its keyboard navigation relies on; an option is named by all its visible
 * text (title, type, excerpt), as WCAG 2.5.3 asks, rather than by its title alone.
 */

const badge =
  '{{#if meta.type}} <span class="search-hit-type type-{{ meta.type }}">{{ meta.type }}</span>{{/if}}';
const href = '{{ meta.url | default(url) | safeUrl }}';

export const SEARCHBOX_RESULT = [
  `<a class="pf-searchbox-result search-hit-link" id="{{ aria.result_id }}" href="${href}" role="option" aria-selected="false">`,
  `<p class="pf-searchbox-result-title"><span class="search-hit-title">{{ meta.title }}</span>${badge}</p>`,
  '{{#if excerpt}}<p class="pf-searchbox-result-excerpt search-hit-excerpt">{{+ excerpt +}}</p>{{/if}}',
  '</a>',
].join('');

export const PAGE_RESULT = [
  '<li class="search-hit">',
  `<a class="search-hit-link" href="${href}"><span class="search-hit-title">{{ meta.title }}</span>${badge}`,
  '{{#if excerpt}}<span class="search-hit-excerpt">{{+ excerpt +}}</span>{{/if}}</a>',
  '</li>',
].join('');
