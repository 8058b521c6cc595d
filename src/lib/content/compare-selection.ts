/**
 * The comparison's selection lives in the URL (?r=shanghai,guangzhou) so a link reproduces the
 * view. Unknown, repeated or surplus slugs in a hand-edited or old link are dropped, not fatal.
 */

export const MIN_COMPARED = 2;
export const MAX_COMPARED = 9;

export function parseSelection(search: string, known: readonly string[]): string[] {
  const raw = new URLSearchParams(search).get('r');
  if (raw === null) return known.slice(0, MAX_COMPARED);
  const chosen: string[] = [];
  for (const part of raw.split(',')) {
    const slug = part.trim().toLowerCase();
    if (known.includes(slug) && !chosen.includes(slug) && chosen.length < MAX_COMPARED) chosen.push(slug);
  }
  return chosen;
}

/** Keeps other query parameters; orders the slugs as the table shows them. */
export function selectionSearch(search: string, chosen: readonly string[], order: readonly string[]): string {
  const params = new URLSearchParams(search);
  params.set('r', order.filter((s) => chosen.includes(s)).join(','));
  return `?${params.toString().replace(/%2C/g, ',')}`;
}

export function selectionProblem(chosen: readonly string[]): string | undefined {
  if (chosen.length < MIN_COMPARED) return `请至少选择 ${MIN_COMPARED} 份文件进行比较。`;
  if (chosen.length > MAX_COMPARED) return `最多同时比较 ${MAX_COMPARED} 份文件。`;
  return undefined;
}
