import { withBase } from '../lib/content/paths';

/** A site path with this build's base path: url('/abilities/C5/') → '/handbook/abilities/C5/'. */
export function url(path: string): string {
  return withBase(path, import.meta.env.BASE_URL);
}
