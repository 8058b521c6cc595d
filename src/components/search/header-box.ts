/**
 * Turns the header's plain search form into Pagefind's searchbox, on first use. Loaded only
 * then, so reading pages carry none of this.
 *
 * Besides what the searchbox does itself (results as you type, arrows, Enter), the dropdown
 * gets filter menus, answer cards for a question the handbook's data answers, a note above loose matches when no page contains the query as typed, a
 * link on to the full search page, and our Chinese notice for when the index cannot load. Tab from the box moves into the filter menus and the results, rather than
 * closing the dropdown, so the menus can be reached from the keyboard; Escape returns to the box.
 */
import { paramsFromSearch } from '../../lib/search/search-filters';
import {
  enterOpens,
  inexactNote,
  offerBrowsing,
  type Filters,
  type LayeredSearch,
} from '../../lib/search/search-layer';
import { answerCards } from './answer-cards';
import { loadStylesheet, mountTemplate, searchInstance } from './component-ui';
import { mountFailureNotice } from './failure';
import { headerFilters } from './header-filters';

export interface HeaderBoxParts {
  root: HTMLElement;
  template: HTMLTemplateElement;
  /** The search page's address under the site's base path. */
  searchPage: string;
}

/** Mounts the searchbox beside the form (the caller hides the form); resolves to its input, or null. */
export async function upgradeHeaderBox(parts: HeaderBoxParts): Promise<HTMLInputElement | null> {
  const { root, template, searchPage } = parts;
  await loadStylesheet();
  const instance = searchInstance('site');
  mountTemplate(template);
  const box = root.querySelector<HTMLElement>('pagefind-searchbox');
  const boxInput = box?.querySelector<HTMLInputElement>('input');
  const dropdown = box?.querySelector<HTMLElement>('.pf-searchbox-dropdown');
  if (!box || !boxInput || !dropdown) return null;
  boxInput.setAttribute('aria-label', '搜索手册');
  boxInput.setAttribute('enterkeyhint', 'search');

  const fullSearch = (filters: Filters) => {
    const query = paramsFromSearch(boxInput.value, filters).toString();
    return query ? `${searchPage}?${query}` : searchPage;
  };

  // A way on to the full page, kept in step with the query and the menus.
  const more = document.createElement('a');
  more.className = 'search-more';
  more.textContent = '查看全部结果与筛选 →';
  const filters = headerFilters(instance, (chosen) => {
    more.href = fullSearch(chosen);
  });
  more.href = fullSearch({});
  boxInput.addEventListener('input', () => {
    more.href = fullSearch(filters.current());
  });

  // Nothing, or nothing containing the query as typed: suggest the grid, as the search page does.
  const suggestion = document.createElement('p');
  suggestion.className = 'search-suggestion';
  suggestion.hidden = true;
  const grid = document.createElement('a');
  grid.href = `${import.meta.env.BASE_URL}abilities/`;
  grid.textContent = '30 个微能力点的一览表';
  suggestion.append('试试更短的词、换一种说法，或者直接浏览', grid, '。');
  // No page contains the query as typed: said above the loose matches, as the search page does.
  // A status, so it is announced; empty (and taking no room) otherwise.
  const note = document.createElement('p');
  note.className = 'search-inexact';
  note.setAttribute('role', 'status');

  // Facts that answer the question, from the handbook's data, above the pages.
  const cards = answerCards(import.meta.env.BASE_URL);

  // The answer for what is in the box, and whether the reader has since picked a result with
  // the arrows (the searchbox highlights the first one by itself).
  let answer: LayeredSearch | undefined;
  let chosen = false;
  instance.on('results', (found) => {
    answer = found as LayeredSearch;
    chosen = false;
    suggestion.hidden = !offerBrowsing(boxInput.value, answer);
    const current = answer.query === boxInput.value.trim();
    note.textContent = current ? inexactNote(answer) : '';
    cards.show(current ? (answer.answers ?? []) : []);
  });
  boxInput.addEventListener('input', () => {
    note.textContent = '';
    if (boxInput.value.trim() === '') cards.show([]);
  });

  // Enter opens the highlighted result only when it is one the reader can trust: results
  // containing the query, or one picked with the arrows. Otherwise (nothing found, only loose
  // matches, or the answer for what is typed not in yet) the full search page, as the plain form
  // did. Decided before the searchbox sees the key.
  box.addEventListener(
    'keydown',
    (event) => {
      if (event.target !== boxInput) return;
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') chosen = true;
      if (event.key !== 'Enter' || enterOpens(boxInput.value, answer, chosen) !== 'search-page') return;
      event.stopPropagation();
      event.preventDefault();
      location.href = fullSearch(filters.current());
    },
    true,
  );

  dropdown.prepend(filters.element);
  mountFailureNotice(dropdown, box, import.meta.env.BASE_URL);
  dropdown.insertBefore(cards.element, dropdown.querySelector('.pf-searchbox-results'));
  dropdown.insertBefore(note, dropdown.querySelector('.pf-searchbox-results'));
  dropdown.insertBefore(suggestion, dropdown.querySelector('.pf-searchbox-footer'));
  dropdown.insertBefore(more, dropdown.querySelector('.pf-searchbox-footer'));

  const isOpen = () => boxInput.getAttribute('aria-expanded') === 'true';
  const close = () => boxInput.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
  box.addEventListener(
    'keydown',
    (event) => {
      const first = filters.first();
      if (event.key === 'Tab' && !event.shiftKey && event.target === boxInput && isOpen() && first) {
        // The searchbox closes its dropdown on Tab; the menus and results are next instead.
        event.stopPropagation();
        event.preventDefault();
        first.focus();
      } else if (event.key === 'Escape' && event.target !== boxInput) {
        event.preventDefault();
        boxInput.focus();
        close();
      }
    },
    true,
  );
  // Leaving the searchbox by keyboard closes its dropdown, as a click elsewhere does.
  box.addEventListener('focusout', (event) => {
    const next = event.relatedTarget;
    if (next instanceof Node && box.contains(next)) return;
    if (next !== null && isOpen()) close();
  });

  return boxInput;
}
