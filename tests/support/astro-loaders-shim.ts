/** Stand-in for `astro/loaders` under Vitest: the options are kept so tests can inspect them. */
export function glob(options: { pattern: string; base: string }) {
  return { name: 'glob', options };
}
export function file(path: string) {
  return { name: 'file', path };
}
