/**
 * Base-path handling. Every internal URL goes through `withBase` so that the same build
 * works at `/` and under a sub-path such as `/handbook/`.
 */

/** '/handbook' | 'handbook/' | undefined → '/handbook/' | '/'. */
export function normalizeBase(raw: string | undefined): string {
  const trimmed = (raw ?? '').trim().replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/** True for links that stay on the site: root-relative paths, not protocol-relative ones. */
export function isInternalPath(href: string): boolean {
  return href.startsWith('/') && !href.startsWith('//');
}

/**
 * Prefixes a root-relative site path with the base. Leaves external URLs, fragments and
 * paths that already carry the base untouched, so calling it twice is harmless.
 */
export function withBase(href: string, base: string): string {
  if (!isInternalPath(href)) return href;
  const b = normalizeBase(base);
  if (b === '/') return href;
  if (href === b.slice(0, -1) || href.startsWith(b)) return href;
  return b + href.slice(1);
}
