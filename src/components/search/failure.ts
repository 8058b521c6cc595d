/**
 * When search cannot work at all: the index or Pagefind's own script did not load (an intranet
 * server that refuses unknown file types such as `.pf_meta`, a `pagefind/` folder not copied).
 * Pagefind's UI would say "Pagefind Error" in English or keep saying "searching…"; we tell the
 * teacher in Chinese, point to the pages that work without search, and tell the administrator
 * what to check.
 */

/** Dispatched on `document` by the ranking layer and by the UI set-up. */
export const SEARCH_FAILED = 'handbook:search-failed';

export function reportSearchFailure(error: unknown): void {
  // Kept in the console for whoever looks after the server; the page says it in words.
  console.warn('搜索索引未能加载：', error);
  document.dispatchEvent(new CustomEvent(SEARCH_FAILED));
}

function onSearchFailure(listener: () => void): void {
  document.addEventListener(SEARCH_FAILED, listener);
}

/**
 * Puts the (hidden) notice at the top of `parent`; on a failure it is shown and announced, and
 * `host` is marked `search-is-broken` so its CSS can hide Pagefind's own error and spinner.
 */
export function mountFailureNotice(parent: HTMLElement, host: HTMLElement, base: string): void {
  const notice = failureNotice(base);
  parent.prepend(notice.element);
  onSearchFailure(() => {
    host.classList.add('search-is-broken');
    notice.reveal();
  });
}

function failureNotice(base: string): { element: HTMLElement; reveal(): void } {
  const element = document.createElement('div');
  element.className = 'search-failed';
  element.hidden = true;
  const link = (path: string, text: string) => {
    const a = document.createElement('a');
    a.href = `${base}${path}`;
    a.textContent = text;
    return a;
  };
  const lead = document.createElement('strong');
  lead.textContent = '搜索暂时用不了：';
  const paragraph = document.createElement('p');
  paragraph.append(
    lead,
    '搜索索引没有加载成功。可以先从',
    link('abilities/', '微能力点一览'),
    '、',
    link('policies/', '地区政策'),
    '或',
    link('glossary/', '术语表'),
    '查找。如果一直这样，请网站管理员检查服务器是否提供了 pagefind 文件夹里的全部文件。',
  );
  element.append(paragraph);
  return {
    element,
    reveal() {
      if (!element.hidden) return;
      element.hidden = false;
      // Set after it is visible, so screen readers announce it once.
      element.setAttribute('role', 'alert');
    },
  };
}
