import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  droppedText,
  exportHandoffText,
  handoffFileName,
  HANDOFF_BOUNDS,
  HANDOFF_KIND,
  HANDOFF_VERSION,
  importHandoffBytes,
  importHandoffText,
  isHandoffData,
  makeHandoff,
  MAX_HANDOFF_BYTES,
  readHandoff,
  readHandoffWith,
  type HandoffFile,
  type HandoffOutcome,
} from '../../../../src/lib/school/handoff/handoff-file';
import { exportPlanText } from '../../../../src/lib/school/plan/plan-file';
import { encodeAs } from '../../../support/encodings';
import { planArb } from '../../../support/plan-fixtures';
import { makeDraft, makeReview } from '../../../support/archive-fixtures';
import { textArb } from '../../../support/rubric-arbitraries';
import { buildHandoff, COUNTY_STAGE } from '../../../e2e/county-fixture';

const SAVED = new Date('2025-06-20T08:00:00.000Z');
const school = () =>
  buildHandoff({
    school: '徐水区实验小学',
    savedAt: SAVED,
    idBase: 1,
    teachers: [
      { name: '王芳', levels: { C5: '优秀', A1: '合格' } },
      { name: '李娜', levels: { C6: '合格' }, county: '合格' },
      { name: '张伟', levels: { C5: '合格' }, reviewed: 1 },
    ],
  });

const asData = (file: HandoffFile) => JSON.parse(exportHandoffText(file)) as Record<string, unknown>;
const bytesOf = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
const refused = (result: { ok: boolean; error?: string }) => {
  expect(result.ok).toBe(false);
  return result.ok ? '' : (result.error ?? '');
};

describe('the hand-off file', () => {
  it('carries the marker, kind, version, and a file name with the school and the day', () => {
    const file = school();
    const data = asData(file);
    expect(data).toMatchObject({ app: '微能力手册', kind: HANDOFF_KIND, version: HANDOFF_VERSION });
    expect(data['savedAt']).toBe('2025-06-20T08:00:00.000Z');
    expect(isHandoffData(data)).toBe(true);
    expect(isHandoffData({ ...data, kind: '学校考核方案' })).toBe(false);
    expect(handoffFileName(file)).toBe('县级审核移交_徐水区实验小学_20250620.json');
    expect(
      handoffFileName({ ...file, plan: { ...file.plan, school: { ...file.plan.school, name: ' <> ' } } }),
    ).toBe('县级审核移交_未署名_20250620.json');
  });

  it('round-trips: what is exported imports as the same hand-off, in UTF-8 or UTF-16', () => {
    const file = school();
    expect(file.selfChecks).toHaveLength(3);
    expect(file.reviews).toHaveLength(5);
    expect(file.outcomes).toHaveLength(1);
    const text = exportHandoffText(file);
    expect(importHandoffText(text)).toEqual({ ok: true, handoff: file, dropped: [] });
    expect(importHandoffBytes(encodeAs(text, 'utf-16le'))).toEqual({ ok: true, handoff: file, dropped: [] });
    expect(importHandoffBytes(encodeAs(text, 'utf-8-bom'))).toEqual({ ok: true, handoff: file, dropped: [] });
  });

  it('round-trips any valid plan with any teachers and recorded results', () => {
    const outcomeArb = fc.record({
      grade: fc.option(fc.constantFrom('优秀' as const, '合格' as const, '不合格' as const), {
        nil: undefined,
      }),
      stale: fc.boolean(),
      by: textArb(40).filter((s) => s.trim() !== ''),
      day: fc.integer({ min: 1, max: 28 }),
      from: fc.constantFrom('评审意见文件' as const, '手动录入' as const),
    });
    fc.assert(
      fc.property(
        planArb,
        // A self-check's name is kept trimmed (its own schema), so the names are given so.
        fc.array(
          textArb(40)
            .map((s) => s.trim())
            .filter((s) => s !== ''),
          { maxLength: 3 },
        ),
        fc.array(outcomeArb, { maxLength: 3 }),
        fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
        (plan, names, results, now) => {
          const selfChecks = names.map((name) => makeDraft({ name, levels: { C5: '合格' } }));
          const reviews = selfChecks.map((d) => makeReview(d, { stage: '复评', levels: { C5: '合格' } }));
          const outside = plan.stages.find((s) => s.outside)?.name;
          const outcomes: HandoffOutcome[] = outside
            ? results.map(({ day, ...r }, i) => ({
                teacher: names[i % Math.max(1, names.length)] ?? '王芳',
                code: 'C5',
                stage: outside,
                outcome: { ...r, at: `2025-06-${String(day).padStart(2, '0')}` },
              }))
            : [];
          const file = makeHandoff({ plan, selfChecks, reviews, outcomes }, now);
          expect(importHandoffText(exportHandoffText(file))).toEqual({
            ok: true,
            handoff: file,
            dropped: [],
          });
        },
      ),
      { numRuns: 40 },
    );
  });

  it('keeps a result without a grade (criteria unknown) as such, with no grade written', () => {
    const file = school();
    const first = file.outcomes[0];
    if (!first) throw new Error('no outcome');
    const ungraded = makeHandoff(
      { ...file, outcomes: [{ ...first, outcome: { ...first.outcome, grade: undefined } }] },
      SAVED,
    );
    expect(exportHandoffText(ungraded)).not.toContain('"grade":null');
    const back = importHandoffText(exportHandoffText(ungraded));
    expect(back.ok && back.handoff.outcomes[0]?.outcome.grade).toBeUndefined();
    expect(back.ok && back.handoff.outcomes[0]?.outcome.by).toBe('县专家组');
  });
});

describe('damaged entries', () => {
  it('drops and lists a damaged self-check, review or result, and keeps the rest', () => {
    const data = asData(school());
    const selfChecks = data['selfChecks'] as Record<string, unknown>[];
    const reviews = data['reviews'] as Record<string, unknown>[];
    const outcomes = data['outcomes'] as Record<string, unknown>[];
    selfChecks[1] = { ...selfChecks[1], profile: 'broken' };
    reviews[0] = { ...reviews[0], stage: '' };
    outcomes.push({
      teacher: '王芳',
      code: 'C5',
      stage: '信息化团队复评',
      outcome: outcomes[0]?.['outcome'],
    });
    outcomes.push({ teacher: '王芳', code: 'Z9', stage: COUNTY_STAGE, outcome: outcomes[0]?.['outcome'] });
    outcomes.push('not an outcome' as unknown as Record<string, unknown>);
    const result = importHandoffText(JSON.stringify(data));
    if (!result.ok) throw new Error(result.error);
    expect(result.handoff.selfChecks.map((d) => d.profile.name)).toEqual(['王芳', '张伟']);
    expect(result.handoff.reviews).toHaveLength(4);
    expect(result.handoff.outcomes).toHaveLength(1);
    expect(result.dropped.map((d) => [d.what, d.position])).toEqual([
      ['自评', 2],
      ['评审意见', 1],
      ['校外环节结果', 2],
      ['校外环节结果', 3],
      ['校外环节结果', 4],
    ]);
    expect(result.dropped[2]?.reason).toBe('“信息化团队复评”不是方案中的校外环节');
    for (const d of result.dropped)
      expect(droppedText(d)).toMatch(/^第 \d+ (份|条).+无法读取，已略去：[\s\S]*[\u4e00-\u9fff]/);
  });

  it('refuses the whole file when its plan is missing or damaged: without it nobody knows whose it is', () => {
    const data = asData(school());
    const { plan: _plan, ...noPlan } = data;
    expect(refused(readHandoff(noPlan))).toContain('学校考核方案');
    const plan = data['plan'] as Record<string, unknown>;
    const broken = { ...data, plan: { ...plan, roster: 'nobody' } };
    expect(refused(readHandoff(broken))).toMatch(
      /^县级审核移交文件中的学校考核方案无法读取：学校考核方案文件无效：教师名单/,
    );
  });

  it('refuses other files and a hand-off from a newer handbook in Chinese', () => {
    expect(refused(importHandoffText(exportPlanText(school().plan)))).toBe(
      '这是一份“学校考核方案”文件，不是县级审核移交文件（缺少 "kind": "县级审核移交" 标记）。',
    );
    expect(refused(importHandoffText('{"rows":[1]}'))).toBe('这不是微能力手册的县级审核移交文件。');
    expect(refused(readHandoff({ ...asData(school()), version: 2 }))).toContain('请更新手册后再打开');
    expect(refused(readHandoff({ ...asData(school()), extra: 1 }))).toContain('结构不对');
  });
});

describe('migrations', () => {
  it('runs a registered step from an older version, and says when none is registered', () => {
    const { outcomes, ...v0 }: Record<string, unknown> = { ...asData(school()), version: 0 };
    const migrations = { 0: (old: unknown) => ({ ...(old as object), version: 1, outcomes: [] }) };
    const result = readHandoffWith(v0, migrations);
    expect(result.ok && result.migratedFrom).toBe(0);
    expect(result.ok && result.handoff.outcomes).toEqual([]);
    expect(outcomes).toHaveLength(1);
    expect(refused(readHandoff(v0))).toBe('无法把格式版本 0 的县级审核移交文件升级到当前版本 1。');
    expect(
      refused(
        readHandoffWith(v0, {
          0: () => {
            throw new Error('broken');
          },
        }),
      ),
    ).toContain('升级格式版本 0 的县级审核移交文件时出错');
  });
});

describe('hostile input and bounds', () => {
  it('never throws on any bytes, text or JSON, and refuses in Chinese', () => {
    const valid = asData(school());
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 400 }),
          fc.string().map((s) => new TextEncoder().encode(s)),
          fc.jsonValue().map((v) => bytesOf(v)),
          fc.jsonValue().map((v) => bytesOf({ app: '微能力手册', kind: HANDOFF_KIND, version: 1, plan: v })),
          fc.dictionary(fc.string(), fc.jsonValue()).map((d) => bytesOf({ ...valid, ...d })),
          fc
            .record({
              list: fc.constantFrom('selfChecks', 'reviews', 'outcomes'),
              v: fc.array(fc.jsonValue()),
            })
            .map(({ list, v }) => bytesOf({ ...valid, [list]: v })),
        ),
        (bytes) => {
          const result = importHandoffBytes(bytes);
          if (!result.ok) expect(result.error).toMatch(/[\u4e00-\u9fff]/);
          else for (const d of result.dropped) expect(d.reason).toMatch(/[\u4e00-\u9fff]/);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses an oversize, cut-short, empty or binary file before anything is read', () => {
    expect(refused(importHandoffBytes(new Uint8Array(MAX_HANDOFF_BYTES + 1)))).toContain('文件过大');
    expect(refused(importHandoffText(' '.repeat(MAX_HANDOFF_BYTES + 1)))).toContain('文件过大');
    expect(refused(importHandoffText(exportHandoffText(school()).slice(0, 400)))).toContain(
      '不是有效的 JSON 文件',
    );
    expect(refused(importHandoffText(''))).toBe('文件是空的，没有移交内容。');
    expect(refused(importHandoffBytes(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x80])))).toContain(
      '不是文本文件',
    );
  });

  it('refuses lists longer than the format allows', () => {
    const data = asData(school());
    const many = (n: number) => Array.from({ length: n }, () => 0);
    expect(refused(readHandoff({ ...data, selfChecks: many(HANDOFF_BOUNDS.selfChecks + 1) }))).toContain(
      `最多 ${HANDOFF_BOUNDS.selfChecks} 份自评`,
    );
    expect(refused(readHandoff({ ...data, reviews: many(HANDOFF_BOUNDS.reviews + 1) }))).toContain(
      `最多 ${HANDOFF_BOUNDS.reviews} 份评审意见`,
    );
    expect(refused(readHandoff({ ...data, outcomes: many(HANDOFF_BOUNDS.outcomes + 1) }))).toContain(
      `最多 ${HANDOFF_BOUNDS.outcomes} 条校外环节结果`,
    );
  });

  it('does not let __proto__ in a file reach any object', () => {
    const text = exportHandoffText(school()).replace(
      '"outcomes":[{',
      '"outcomes":[{"__proto__":{"polluted":true},',
    );
    const result = importHandoffText(text);
    expect(result.ok && result.dropped.map((d) => d.what)).toEqual(['校外环节结果']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
