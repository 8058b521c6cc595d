import fc from 'fast-check';
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  exportPlanText,
  importPlanBytes,
  importPlanText,
  isPlanData,
  makePlan,
  MAX_PLAN_BYTES,
  PLAN_BOUNDS,
  PLAN_KIND,
  PLAN_VERSION,
  planFileName,
  planRegionError,
  readPlan,
  readPlanWith,
  type SchoolPlan,
} from '../../../../src/lib/school/plan/plan-file';
import {
  decodePlanFragment,
  encodePlanFragment,
  linkLengthReport,
  planShareUrl,
  SAFE_LINK_CHARS,
} from '../../../../src/lib/school/plan/plan-link';
import { crc32Hex, fflateCodec } from '../../../../src/lib/rubrics/rubric-link';
import { exportPackText } from '../../../../src/lib/rubrics/rubric-file';
import { encodeAs } from '../../../support/encodings';
import { planArb, SAVED, xushuiPlan, XUSHUI_PLAN } from '../../../support/plan-fixtures';
import { packArb } from '../../../support/rubric-arbitraries';
import { defined } from '../../../support/archive-fixtures';

const bytesOf = (plan: unknown) => new TextEncoder().encode(JSON.stringify(plan));
const refused = (result: { ok: boolean; error?: string }) => {
  expect(result.ok).toBe(false);
  return result.ok ? '' : (result.error ?? '');
};

describe('the plan file', () => {
  it('round-trips: what is exported imports as the same plan', () => {
    fc.assert(
      fc.property(planArb, (plan) => {
        const back = importPlanText(exportPlanText(plan));
        expect(back).toEqual({ ok: true, plan });
        expect(importPlanBytes(encodeAs(exportPlanText(plan), 'utf-16le'))).toEqual({ ok: true, plan });
      }),
      { numRuns: 60 },
    );
  });

  it('carries the marker, the kind, the version and a file name with the school and the day', () => {
    const plan = xushuiPlan();
    const data: unknown = JSON.parse(exportPlanText(plan));
    expect(data).toMatchObject({ app: '微能力手册', kind: PLAN_KIND, version: PLAN_VERSION });
    expect(isPlanData(data)).toBe(true);
    expect(planFileName(plan)).toBe('学校考核方案_徐水区实验小学_20250301.json');
    expect(planFileName({ ...plan, school: { ...plan.school, name: ' / : * ' } })).toBe(
      '学校考核方案_未署名_20250301.json',
    );
  });

  it('holds the school rubric pack, validated by the rubric file schema', () => {
    const pack = fc.sample(packArb(2), 1)[0];
    const plan = makePlan({ ...structuredClone(XUSHUI_PLAN), rubrics: pack }, SAVED);
    expect(readPlan(plan)).toEqual({ ok: true, plan });
    const broken = JSON.parse(exportPlanText(plan)) as { rubrics: { abilities: unknown[] } };
    broken.rubrics.abilities = [];
    expect(refused(readPlan(broken))).toMatch(/^学校考核方案文件无效：评价标准的微能力点：/);
    // A rubric file is not a plan, and says so.
    expect(refused(importPlanText(exportPackText(defined(pack))))).toContain(
      '“评价标准”文件，不是学校考核方案文件',
    );
  });

  it('refuses in Chinese what does not agree with itself, naming where', () => {
    const plan = xushuiPlan();
    const cases: [(p: SchoolPlan) => void, RegExp][] = [
      [
        (p) => (defined(p.roster[0]).category = '外校'),
        /教师名单的第 1 项（王芳）的类别：“外校”不是方案中的教师类别/,
      ],
      [
        (p) => (defined(p.roster[1]).name = 'x'.repeat(41)),
        /教师名单的第 2 项（x+）的姓名：姓名不能超过 40 个字/,
      ],
      [
        (p) => (defined(p.roster[1]).stage = '学'.repeat(21)),
        /教师名单的第 2 项.*的学段：学段不能超过 20 个字/,
      ],
      [(p) => (defined(p.assignments[0]).teachers = ['王芳', '路人甲']), /“路人甲”不在教师名单中/],
      [(p) => (defined(p.assignments[0]).stage = '校长评审'), /“校长评审”不是方案中的环节/],
      [
        (p) => (defined(p.deadlines[0]).date = '2025-02-30'),
        /日期须写成 2025-06-30 这样的格式，且是真实的一天/,
      ],
      [(p) => p.stages.reverse(), /校内环节须排在校外环节之前/],
      [(p) => (defined(p.stages[0]).name = '提交自评'), /“提交自评”不是评审环节/],
      [
        (p) => (defined(p.categories[1]).rule.required = ['A1', 'A2', 'A3', 'A4']),
        /必修 4 个，多于要完成的 3 个/,
      ],
      [(p) => (defined(p.categories[1]).rule.required = ['D1']), /不是微能力点编号/],
      [(p) => (defined(p.categories[2]).rule.offered = ['A1']), /必修与选修合计不足要完成的 3 个/],
      [(p) => (p.school.region = '徐水'), /地区须为政策条目的名称/],
      [(p) => (p.categories = []), /至少要有一个教师类别/],
    ];
    for (const [spoil, message] of cases) {
      const copy = structuredClone(plan);
      spoil(copy);
      expect(refused(readPlan(copy))).toMatch(message);
    }
  });

  it('keeps the roster within its bounds', () => {
    const plan = xushuiPlan();
    const many = Array.from({ length: PLAN_BOUNDS.teachers + 1 }, (_, i) => ({
      name: `教师${i}`,
      subject: '',
      stage: '',
      category: '其他',
    }));
    expect(refused(readPlan({ ...plan, roster: many }))).toContain(`名单最多 ${PLAN_BOUNDS.teachers} 人`);
    expect(readPlan({ ...plan, roster: many.slice(0, PLAN_BOUNDS.teachers), assignments: [] }).ok).toBe(true);
  });

  it('checks the region against the region tree the page has', () => {
    const plan = xushuiPlan();
    expect(planRegionError(plan, new Set(['xushui', 'baoding']))).toBeUndefined();
    expect(
      planRegionError({ school: { ...plan.school, region: 'atlantis' } }, new Set(['xushui'])),
    ).toContain('“atlantis”不是本手册收录的地区');
  });
});

describe('migrations', () => {
  it('upgrades a version-0 plan through the registry, and says it did', () => {
    const plan = xushuiPlan();
    // Version 0 (made up for the test) kept the school's name at the top and had no rounds.
    const { school, ...rest } = plan;
    const v0 = { ...rest, version: 0, schoolName: school.name, region: school.region };
    const migrations = {
      0: (old: unknown) => {
        const { schoolName, region, ...others } = old as { schoolName: string; region: string };
        return { ...others, version: 1, school: { name: schoolName, region, round: '' } };
      },
    };
    const result = readPlanWith(v0, migrations);
    expect(result).toEqual({
      ok: true,
      plan: { ...plan, school: { ...school, round: '' } },
      migratedFrom: 0,
    });
    expect(refused(readPlan(v0))).toBe('无法把格式版本 0 的学校考核方案文件升级到当前版本 1。');
    expect(refused(readPlanWith(v0, { 0: () => ({ version: 0 }) }))).toContain('升级结果的版本号不对');
    expect(
      refused(
        readPlanWith(v0, {
          0: () => {
            throw new Error('broken');
          },
        }),
      ),
    ).toContain('升级格式版本 0 的学校考核方案文件时出错');
  });

  it('refuses a plan from a newer handbook instead of guessing', () => {
    expect(refused(readPlan({ ...xushuiPlan(), version: 2 }))).toContain('请更新手册后再打开');
  });
});

describe('hostile files', () => {
  it('never throws on any bytes, any text or any JSON, and refuses them in Chinese', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 400 }),
          fc.string().map((s) => new TextEncoder().encode(s)),
          fc.jsonValue().map((v) => bytesOf(v)),
          fc.jsonValue().map((v) => bytesOf({ app: '微能力手册', kind: PLAN_KIND, version: 1, school: v })),
          fc.dictionary(fc.string(), fc.jsonValue()).map((d) => bytesOf({ ...xushuiPlan(), ...d })),
        ),
        (bytes) => {
          const result = importPlanBytes(bytes);
          if (!result.ok) expect(result.error).toMatch(/[\u4e00-\u9fff]/);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('refuses an oversize file before reading it, and a cut-short one', () => {
    expect(refused(importPlanBytes(new Uint8Array(MAX_PLAN_BYTES + 1)))).toContain('文件过大');
    expect(refused(importPlanText(' '.repeat(MAX_PLAN_BYTES + 1)))).toContain('文件过大');
    expect(refused(importPlanText(exportPlanText(xushuiPlan()).slice(0, 300)))).toContain(
      '不是有效的 JSON 文件',
    );
    expect(refused(importPlanText(''))).toBe('文件是空的，没有学校考核方案。');
    expect(refused(importPlanBytes(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x80])))).toContain(
      '不是文本文件',
    );
  });

  it('does not let __proto__ in a file reach any object', () => {
    const text = exportPlanText(xushuiPlan()).replace(
      '"school": {',
      '"school": {"__proto__": {"polluted": true},',
    );
    expect(refused(importPlanText(text))).toContain('不认识的字段');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('the share link', () => {
  it('carries the plan and reads back as the same plan, with either codec', async () => {
    await fc.assert(
      fc.asyncProperty(planArb, async (plan) => {
        const fragment = await encodePlanFragment(plan, fflateCodec);
        expect(fragment.startsWith('plan=1.')).toBe(true);
        expect(await decodePlanFragment(`#${fragment}`)).toEqual({ ok: true, plan });
      }),
      { numRuns: 25 },
    );
  });

  it('refuses an edited or cut link, and a rubric link, in Chinese', async () => {
    const url = await planShareUrl('https://school.example/handbook/self-check/#old', xushuiPlan());
    expect(url).toMatch(/^https:\/\/school\.example\/handbook\/self-check\/#plan=1\./);
    const hash = url.slice(url.indexOf('#'));
    expect(refused(await decodePlanFragment(hash.slice(0, -5)))).toContain('链接不完整或被改动过');
    expect(refused(await decodePlanFragment('#rubrics=1.abc.def'))).toBe('这个链接里没有学校考核方案。');
    expect(refused(await decodePlanFragment('#plan=9.abc.def'))).toContain('请更新手册后再打开');
  });

  it('stops a deflate bomb at the plan file’s limit, in a clear message', async () => {
    const bomb = deflateSync(new Uint8Array(MAX_PLAN_BYTES * 3).fill(32));
    let binary = '';
    for (const b of bomb) binary += String.fromCharCode(b);
    const data = btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    expect(await decodePlanFragment(`plan=1.${crc32Hex(data)}.${data}`)).toEqual({
      ok: false,
      error: '链接中的学校考核方案超过 4 MB，不能打开。',
    });
  });

  it('reports the length of the link in words a principal can act on', async () => {
    const small = await planShareUrl('https://s.example/', xushuiPlan());
    expect(linkLengthReport(small)).toMatchObject({ fit: 'short', chars: small.length });
    expect(linkLengthReport(small).text).toBe(`链接共 ${small.length} 个字符，可以直接发到教师群。`);
    const roster = Array.from({ length: 3000 }, (_, i) => ({
      name: `教师${(i * 7919).toString(36)}`,
      subject: ['语文', '数学', '英语'][i % 3] ?? '',
      stage: '初中',
      category: '其他',
    }));
    const big = await planShareUrl('https://s.example/', { ...xushuiPlan(), roster, assignments: [] });
    expect(big.length).toBeGreaterThan(SAFE_LINK_CHARS);
    expect(linkLengthReport(big).fit).toBe('long');
    expect(linkLengthReport(big).text).toContain('请改发方案文件');
    expect(linkLengthReport(`https://s.example/#plan=1.${'a'.repeat(250_000)}`).fit).toBe('too-long');
    expect(await decodePlanFragment(big.slice(big.indexOf('#')))).toMatchObject({ ok: true });
  });
});
