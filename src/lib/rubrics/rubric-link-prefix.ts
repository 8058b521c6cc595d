/**
 * How a share link's fragment begins. Kept apart from rubric-link.ts so that the wizard can tell,
 * at first load, whether it was opened from a link without loading the link's decoder.
 */
export const LINK_PREFIX = 'rubrics=';

/** Whether a location.hash (with or without '#') claims to be a rubric link. */
export function isShareFragment(hash: string): boolean {
  return hash.replace(/^#/, '').startsWith(LINK_PREFIX);
}
