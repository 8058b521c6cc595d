/**
 * Pagefind's Component UI, set up for this site: every instance searches through our ranking
 * layer (<base>pagefind-layer/pagefind.js), links carry the base path, and the few strings we
 * word differently from Pagefind's own zh-CN translation are overridden here.
 */
import { configureInstance, type Instance } from '@pagefind/component-ui';
import stylesheet from '@pagefind/component-ui/css/pagefind-component-ui.css?url';
import { reportSearchFailure } from './failure';

const base = import.meta.env.BASE_URL;

const STRINGS = {
  placeholder: '搜索手册',
  search_label: '搜索词',
  results_label: '搜索结果',
  zero_results: '没有找到与“[SEARCH_TERM]”相关的内容。',
  one_result: '“[SEARCH_TERM]”：找到 [COUNT] 条结果。',
  many_results: '“[SEARCH_TERM]”：找到 [COUNT] 条结果。',
  searching: '正在搜索“[SEARCH_TERM]”……',
  error_search: '搜索暂时不可用：索引文件未能加载。',
  keyboard_navigate: '移动',
  keyboard_select: '打开',
  keyboard_close: '关闭',
  keyboard_clear: '清除',
  input_hint: '输入时即显示结果；用上下方向键在结果间移动，回车打开。',
};

let styled: Promise<void> | undefined;

/**
 * Pagefind's stylesheet, linked when the UI is first used: imported the usual way it would be
 * a render-blocking stylesheet on every page, though most readers never search.
 */
export function loadStylesheet(): Promise<void> {
  styled ??= new Promise((resolve) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = stylesheet;
    link.addEventListener('load', () => resolve());
    link.addEventListener('error', () => resolve());
    document.head.prepend(link);
  });
  return styled;
}

/** Creates the named instance; call before the instance's elements enter the page. */
export function searchInstance(name: string): Instance {
  const instance = configureInstance(name, {
    bundlePath: `${base}pagefind-layer/`,
    baseUrl: base,
    excerptLength: 24,
  });
  instance.setLanguage('zh-cn');
  instance.setTranslations(STRINGS);
  // Pagefind's own script did not load (the index's files failing is reported by our layer).
  instance.on('error', (error) => reportSearchFailure(error));
  return instance;
}

/** Puts a <template>'s components into the page in its place, once their instance exists. */
export function mountTemplate(template: HTMLTemplateElement): void {
  template.replaceWith(template.content.cloneNode(true));
}
