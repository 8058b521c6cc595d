/** Every page of a built site, as URL paths, read from the output folder. */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export function builtPages(dir = 'dist'): string[] {
  const pages: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name === 'index.html') {
        const rel = relative(dir, d).split(sep).join('/');
        pages.push(rel === '' ? '/' : `/${rel}/`);
      }
    }
  };
  walk(dir);
  return pages.sort();
}
