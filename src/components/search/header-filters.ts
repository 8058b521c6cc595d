/**
 * Filter menus for the header's search dropdown: one native <select> per group (类型, 教学环境,
 * 能力维度, 地区), filled from the index once it has loaded. Native selects keep the dropdown
 * small on a phone, read well with a screen reader and need no strings of their own.
 */
import type { Instance } from '@pagefind/component-ui';
import { filterChoices } from '../../lib/search/search-filters';
import type { Filters } from '../../lib/search/search-layer';

export interface HeaderFilters {
  element: HTMLElement;
  /** The first menu, once the index has listed its values. */
  first(): HTMLSelectElement | null;
  current(): Filters;
}

export function headerFilters(instance: Instance, onChange: (filters: Filters) => void): HeaderFilters {
  const element = document.createElement('div');
  element.className = 'search-box-filters';
  element.setAttribute('role', 'group');
  element.setAttribute('aria-label', '筛选结果');
  element.hidden = true;
  const selects: HTMLSelectElement[] = [];

  const current = (): Filters =>
    Object.fromEntries(selects.filter((s) => s.value !== '').map((s) => [s.name, [s.value]]));

  instance.on('filters', (event) => {
    // The menus keep the full list from the first answer; later answers count one search only.
    if (selects.length > 0) return;
    const { available, total } = event as {
      available: Record<string, Record<string, number>>;
      total?: Record<string, Record<string, number>> | null;
    };
    for (const { name, values } of filterChoices(total ?? available)) {
      const label = document.createElement('label');
      const caption = document.createElement('span');
      caption.textContent = name;
      const select = document.createElement('select');
      select.name = name;
      select.append(new Option('全部', ''), ...values.map((value) => new Option(value, value)));
      select.addEventListener('change', () => {
        const filters = current();
        instance.triggerFilters(filters);
        onChange(filters);
      });
      label.append(caption, select);
      element.append(label);
      selects.push(select);
    }
    element.hidden = selects.length === 0;
  });

  return { element, first: () => selects[0] ?? null, current };
}
