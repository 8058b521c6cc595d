/**
 * Which rows of the plan's roster the editor shows: those matching what the principal looks for,
 * a page at a time.
 *
 * Why pages: a school's staff list runs to hundreds of teachers (the plan allows 5,000), and a
 * table of every row, each with four fields, made every keystroke in the editor take over a
 * second at 2,000 teachers. A page of rows keeps typing immediate at any size; 查找 finds a
 * teacher on any page.
 */

export const ROSTER_PAGE_SIZE = 50;

export interface RosterRowText {
  name: string;
  subject: string;
  stage: string;
  category: string;
}

export interface RosterPage {
  /** Indexes into the roster of the rows shown, in roster order. */
  rows: number[];
  /** How many rows match the query (all of them without one). */
  matched: number;
  /** The page shown, from 0, clamped to the pages there are. */
  page: number;
  pages: number;
}

/** Spaces of any width and case do not matter: 王 芳 finds 王芳. */
const fold = (text: string) => text.replace(/\s+/gu, '').toLowerCase();

/** Every word of the query is in one of the texts. */
function textsMatch(texts: readonly string[], query: string): boolean {
  const words = query.split(/\s+/u).map(fold).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = texts.map(fold).join('\u0000');
  return words.every((w) => haystack.includes(w));
}

export function rosterMatches(row: RosterRowText, query: string): boolean {
  return textsMatch([row.name, row.subject, row.stage, row.category], query);
}

/** At most this many checkboxes in one reviewer's list of teachers; 查找 narrows it. */
export const CHECKLIST_SHOWN = 100;

/**
 * The names one reviewer's checklist shows: those matching the query, the first `limit` of them.
 * The same reason as the roster's pages: a checkbox per teacher, per reviewer, is thousands.
 */
export function checklistNames(
  names: readonly string[],
  query: string,
  limit = CHECKLIST_SHOWN,
): { shown: string[]; matched: number } {
  const matching = names.filter((n) => textsMatch([n], query));
  return { shown: matching.slice(0, limit), matched: matching.length };
}

export function rosterPage(
  roster: readonly RosterRowText[],
  query: string,
  page: number,
  size = ROSTER_PAGE_SIZE,
): RosterPage {
  const matching: number[] = [];
  roster.forEach((row, i) => {
    if (rosterMatches(row, query)) matching.push(i);
  });
  const pages = Math.max(1, Math.ceil(matching.length / size));
  const shown = Math.min(Math.max(0, Math.floor(page) || 0), pages - 1);
  return {
    rows: matching.slice(shown * size, (shown + 1) * size),
    matched: matching.length,
    page: shown,
    pages,
  };
}

/** The page that shows row `index` when nothing is looked for (a row just added: the last page). */
export const pageOfRow = (index: number, size = ROSTER_PAGE_SIZE): number =>
  Math.max(0, Math.floor(index / size));
