import { describe, expect, it } from 'vitest';
import { memoryStore, type TextStore } from '../../../../src/lib/files/text-store';
import { addToCounty, EMPTY_COUNTY, readCountyFile } from '../../../../src/lib/school/handoff/county-intake';
import {
  clearCounty,
  COUNTY_NAMES_KEY,
  COUNTY_REVIEWS_KEY,
  COUNTY_SCHOOL_PREFIX,
  forgetSchool,
  loadCounty,
  saveCounty,
} from '../../../../src/lib/school/handoff/county-store';
import { exportHandoffText } from '../../../../src/lib/school/handoff/handoff-file';
import { exportReviewText } from '../../../../src/lib/review/review-file';
import { makeReview } from '../../../support/archive-fixtures';
import { buildHandoff, COUNTY_STAGE } from '../../../e2e/county-fixture';

const one = buildHandoff({
  school: '徐水区第一小学',
  idBase: 10,
  teachers: [{ name: '王芳', levels: { C5: '合格' } }],
});
const two = buildHandoff({
  school: '徐水区第二小学',
  idBase: 20,
  teachers: [{ name: '李娜', levels: { C6: '合格' } }],
});
const review = makeReview(one.selfChecks[0] ?? (undefined as never), {
  stage: COUNTY_STAGE,
  levels: { C5: '优秀' },
});
const opened = addToCounty(EMPTY_COUNTY, [
  readCountyFile({ name: '一小.json', size: 1, text: exportHandoffText(one) }),
  readCountyFile({ name: '二小.json', size: 1, text: exportHandoffText(two) }),
  readCountyFile({ name: '评审.json', size: 1, text: exportReviewText(review) }),
]);

describe('the county’s files kept in this browser', () => {
  it('reads back every school and review it kept, under its own keys beside the archive’s', async () => {
    const store = memoryStore({ 'school-archive': 'kept', 'school-plan': 'kept' });
    expect(await saveCounty(store, opened.stored, opened.state.reviews)).toEqual({ ok: true });
    expect([...store.data.keys()].filter((k) => k.startsWith(COUNTY_SCHOOL_PREFIX))).toHaveLength(2);
    const load = await loadCounty(store);
    expect(load.problems).toEqual([]);
    expect(load.state.schools.map((s) => [s.fileName, s.handoff])).toEqual(
      expect.arrayContaining([
        ['一小.json', one],
        ['二小.json', two],
      ]),
    );
    expect(load.state.reviews).toEqual([review]);

    await forgetSchool(store, opened.stored[0]?.key ?? '');
    expect((await loadCounty(store)).state.schools.map((s) => s.fileName)).toEqual(['二小.json']);
    expect(await clearCounty(store)).toEqual({ ok: true });
    expect([...store.data.keys()].sort()).toEqual(['school-archive', 'school-plan']);
    expect((await loadCounty(store)).state).toEqual(EMPTY_COUNTY);
  });

  it('keeps a stored text that no longer reads where it is, and says so; the rest loads', async () => {
    const store = memoryStore();
    await saveCounty(store, opened.stored, opened.state.reviews);
    store.data.set(`${COUNTY_SCHOOL_PREFIX}broken`, '{"app":');
    const names = JSON.parse(store.data.get(COUNTY_NAMES_KEY) ?? '{}') as Record<string, string>;
    store.data.set(
      COUNTY_NAMES_KEY,
      JSON.stringify({ ...names, [`${COUNTY_SCHOOL_PREFIX}broken`]: '坏.json' }),
    );
    store.data.set(COUNTY_REVIEWS_KEY, JSON.stringify([review, { broken: true }]));
    const load = await loadCounty(store);
    expect(load.state.schools).toHaveLength(2);
    expect(load.state.reviews).toHaveLength(1);
    expect(load.problems).toEqual([
      expect.stringMatching(/^本机保存的一份移交文件“坏.json”无法读取（不是有效的 JSON 文件/) as unknown,
      '本机保存的 1 份评审意见无法读取，其余已载入。',
    ]);
    expect(store.data.has(`${COUNTY_SCHOOL_PREFIX}broken`)).toBe(true);
  });

  it('says so when the browser keeps nothing', async () => {
    const failing: TextStore = {
      get: () => Promise.reject(new Error('quota')),
      set: () => Promise.reject(new Error('quota')),
      remove: () => Promise.reject(new Error('quota')),
      keys: () => Promise.reject(new Error('quota')),
    };
    expect((await loadCounty(undefined)).unavailable).toBe(true);
    expect((await loadCounty(failing)).problems[0]).toMatch(/^浏览器无法保存县级汇总/);
    expect(await saveCounty(failing, opened.stored, [])).toMatchObject({ ok: false });
    expect(await clearCounty(failing)).toMatchObject({ ok: false });
  });
});
