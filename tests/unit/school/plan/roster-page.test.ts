/** The roster a page at a time: every matching row on exactly one page, in roster order. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checklistNames,
  CHECKLIST_SHOWN,
  pageOfRow,
  ROSTER_PAGE_SIZE,
  rosterMatches,
  rosterPage,
  type RosterRowText,
} from '../../../../src/lib/school/plan/roster-page';

const row = (name: string, subject = '数学', stage = '小学', category = ''): RosterRowText => ({
  name,
  subject,
  stage,
  category,
});

describe('rosterMatches', () => {
  it('finds a teacher by any part of name, subject, stage or category, ignoring spaces and case', () => {
    const wang = row('王 芳', '英语', '初中', '50岁以上');
    expect(rosterMatches(wang, '')).toBe(true);
    expect(rosterMatches(wang, '王芳')).toBe(true);
    expect(rosterMatches(wang, '芳')).toBe(true);
    expect(rosterMatches(wang, '英语 初中')).toBe(true);
    expect(rosterMatches(wang, '50岁')).toBe(true);
    expect(rosterMatches(wang, '数学')).toBe(false);
    expect(rosterMatches(wang, '王 数学')).toBe(false);
    expect(rosterMatches(row('Li Ming', 'English'), 'liming english')).toBe(true);
  });
});

describe('rosterPage', () => {
  const roster = Array.from({ length: 120 }, (_, i) => row(`教师${i}`, i % 2 === 0 ? '数学' : '语文'));

  it('shows fifty rows a page and clamps the page to those there are', () => {
    expect(rosterPage(roster, '', 0)).toMatchObject({ matched: 120, page: 0, pages: 3 });
    expect(rosterPage(roster, '', 0).rows).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(rosterPage(roster, '', 2).rows).toEqual(Array.from({ length: 20 }, (_, i) => 100 + i));
    expect(rosterPage(roster, '', 9).page).toBe(2);
    expect(rosterPage(roster, '', -3).page).toBe(0);
    expect(rosterPage([], '', 0)).toEqual({ rows: [], matched: 0, page: 0, pages: 1 });
  });

  it('pages through the matching rows only, by their places in the roster', () => {
    const found = rosterPage(roster, '语文', 1);
    expect(found.matched).toBe(60);
    expect(found.pages).toBe(2);
    expect(found.rows).toEqual(Array.from({ length: 10 }, (_, i) => 101 + 2 * i));
  });

  it('puts every matching row on exactly one page, in order, whatever the roster and query', () => {
    const text = fc.string({ maxLength: 6 });
    fc.assert(
      fc.property(
        fc.array(fc.record({ name: text, subject: text, stage: text, category: text }), { maxLength: 300 }),
        fc.oneof(fc.constant(''), text),
        fc.integer({ min: 1, max: 60 }),
        (rows, query, size) => {
          const first = rosterPage(rows, query, 0, size);
          const all = Array.from({ length: first.pages }, (_, p) => rosterPage(rows, query, p, size).rows);
          const expected = rows.flatMap((r, i) => (rosterMatches(r, query) ? [i] : []));
          expect(all.flat()).toEqual(expected);
          expect(first.matched).toBe(expected.length);
          for (const page of all.slice(0, -1)) expect(page).toHaveLength(size);
        },
      ),
    );
  });

  it('a row just added is on the page pageOfRow names', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 600 }), (length) => {
        const rows = Array.from({ length }, (_, i) => row(`教师${i}`));
        const last = length - 1;
        expect(rosterPage(rows, '', pageOfRow(last)).rows).toContain(last);
      }),
    );
    expect(pageOfRow(ROSTER_PAGE_SIZE)).toBe(1);
  });
});

describe('checklistNames', () => {
  const names = Array.from({ length: 250 }, (_, i) => `教师${i}`);

  it('shows the first hundred names and counts them all; 查找 narrows to the matching ones', () => {
    expect(checklistNames(names, '')).toEqual({ shown: names.slice(0, CHECKLIST_SHOWN), matched: 250 });
    expect(checklistNames(names, '教师24')).toEqual({
      shown: ['教师24', ...Array.from({ length: 10 }, (_, i) => `教师24${i}`)],
      matched: 11,
    });
    expect(checklistNames(names, '王')).toEqual({ shown: [], matched: 0 });
  });

  it('shows only matching names, in order, never more than the limit', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 5 }), { maxLength: 300 }),
        fc.string({ maxLength: 3 }),
        (list, q) => {
          const { shown, matched } = checklistNames(list, q);
          expect(shown.length).toBe(Math.min(matched, CHECKLIST_SHOWN));
          expect(shown).toEqual(
            list
              .filter((n) => rosterMatches({ name: n, subject: '', stage: '', category: '' }, q))
              .slice(0, CHECKLIST_SHOWN),
          );
        },
      ),
    );
  });
});
