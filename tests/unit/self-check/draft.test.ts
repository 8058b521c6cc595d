import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  APP_MARKER,
  DRAFT_VERSION,
  MAX_IMPORT_BYTES,
  MIGRATIONS,
  UNREADABLE_CRITERION,
  draftSchema,
  emptyDraft,
  exportDraftText,
  importDraftText,
  migrateDraft,
  migrateWith,
  type Draft,
  type DraftResult,
  type Migration,
} from '../../../src/lib/self-check/draft';

const SHA = 'a'.repeat(64);

function fullDraft(): Draft {
  return {
    app: APP_MARKER,
    version: DRAFT_VERSION,
    id: '0f8fad5b-d9cb-469f-a165-70867728950e',
    savedAt: '2025-03-01T08:00:00.000Z',
    step: 2,
    currentAbility: 'C5',
    profile: {
      name: '王老师',
      school: '保定市第一中学',
      subject: '数学',
      stage: '初中',
      region: 'baoding',
      environment: '智慧学习环境',
    },
    abilities: ['A1', 'B2', 'C5'],
    evidence: {
      A1: {
        chosen: { 'student-case': 'case-a' },
        items: {
          plan: {
            present: true,
            title: '学情分析方案',
            description: '面向七年级（3）班的问卷与访谈设计。<script>alert(1)</script> 只是文字。',
            files: [{ name: '方案.docx', type: 'application/msword', size: 34_567, sha256: SHA }],
            excellent: [0, 1, 2],
            pass: [0, 1],
          },
        },
        reflection: '问卷设计还可以更聚焦。',
      },
      C5: {
        chosen: {},
        items: {
          'case-video': {
            present: true,
            title: '分层作业的个别化指导',
            files: [
              { name: '案例.mp4', type: 'video/mp4', size: 123_456_789, durationSeconds: 512.4, sha256: SHA },
              { name: '补充.mp4', type: '', size: 0 },
            ],
            teacherOnCamera: true,
            excellent: [],
            pass: [0, 1, 2, 3, 4],
          },
          'student-accounts': {
            present: false,
            files: [],
            manualMinutes: 1.5,
            manualCount: 2,
            excellent: [],
            pass: [],
          },
        },
      },
    },
    customRubrics: {
      B2: {
        code: 'B2',
        name: '微课程设计与制作',
        origin: '教师录入',
        alternativeGroups: [{ id: 'g1', label: '2', name: '作品', instruction: '任选其一提交' }],
        items: [
          {
            id: 'item-1',
            label: '1',
            name: '微课程规划设计',
            forms: ['文本'],
            required: true,
            graded: true,
            limits: { maxMinutes: 10, maxMinutesQualifier: '原则上', count: 1, teacherOnCamera: false },
            criteria: { excellent: ['主题明确', '设计完整'], pass: ['主题明确'] },
          },
          {
            id: 'item-2',
            label: '2',
            name: '学生体会',
            forms: ['音频', '视频'],
            required: false,
            graded: 'unknown',
            alternativeGroup: 'g1',
            limits: {},
          },
        ],
      },
    },
  };
}

function expectError(result: DraftResult, pattern: RegExp | string): string {
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('expected an error');
  expect(result.error).toMatch(pattern);
  expect(result.error).toMatch(/[\u4e00-\u9fff]/);
  return result.error;
}

function withDraft(mutate: (draft: Record<string, unknown>) => void): string {
  const draft = JSON.parse(exportDraftText(fullDraft())) as Record<string, unknown>;
  mutate(draft);
  return JSON.stringify(draft);
}

/** The C5 case-video item of a draft parsed back from JSON. */
function caseVideo(draft: Record<string, unknown>): Record<string, unknown> {
  const evidence = draft['evidence'] as Record<string, { items: Record<string, Record<string, unknown>> }>;
  const item = evidence['C5']?.items['case-video'];
  if (!item) throw new Error('fixture changed');
  return item;
}

function nth<T>(list: readonly T[], index: number): T {
  const value = list[index];
  if (value === undefined) throw new Error(`no element ${index}`);
  return value;
}

function fileOf(draft: Record<string, unknown>, index: number): Record<string, unknown> {
  return nth(caseVideo(draft)['files'] as Record<string, unknown>[], index);
}

function rubricB2(draft: Record<string, unknown>): Record<string, unknown> {
  const rubric = (draft['customRubrics'] as Record<string, Record<string, unknown>>)['B2'];
  if (!rubric) throw new Error('fixture changed');
  return rubric;
}

describe('emptyDraft', () => {
  it('passes the schema and carries the marker, version and time', () => {
    const now = new Date('2025-01-02T03:04:05.000Z');
    const draft = emptyDraft(now);
    expect(draftSchema.safeParse(draft).success).toBe(true);
    expect(draft).toMatchObject({ app: '微能力手册', version: 2, savedAt: now.toISOString(), step: 0 });
    expect(draft.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(emptyDraft(now).id).not.toBe(draft.id);
  });

  it('round-trips through export and import', () => {
    const draft = emptyDraft();
    const result = importDraftText(exportDraftText(draft));
    if (!result.ok) throw new Error(result.error);
    expect(result.draft.id).toBe(draft.id);
  });
});

describe('export and import', () => {
  it('round-trips a full realistic draft unchanged except savedAt', () => {
    const draft = fullDraft();
    expect(draftSchema.safeParse(draft).success).toBe(true);
    const now = new Date('2025-06-30T12:00:00.000Z');
    const text = exportDraftText(draft, now);
    const result = importDraftText(text);
    if (!result.ok) throw new Error(result.error);
    expect(result.migratedFrom).toBeUndefined();
    expect(result.draft.savedAt).toBe(now.toISOString());
    expect({ ...result.draft, savedAt: draft.savedAt }).toEqual(draft);
  });

  it('writes pretty JSON with the marker and version first', () => {
    const text = exportDraftText(fullDraft());
    const lines = text.split('\n');
    expect(lines[1]).toBe('  "app": "微能力手册",');
    expect(lines[2]).toBe('  "version": 2,');
    expect(lines[3]).toBe('  "id": "0f8fad5b-d9cb-469f-a165-70867728950e",');
    expect(lines[4]).toMatch(/^ {2}"savedAt": "\d{4}-/);
    expect(lines[5]).toBe('  "step": 2,');
  });

  it('trims profile text and reads a file with a byte-order mark', () => {
    const result = importDraftText(
      `\uFEFF${withDraft((d) => {
        (d['profile'] as Record<string, string>)['name'] = '  王老师  ';
      })}`,
    );
    if (!result.ok) throw new Error(result.error);
    expect(result.draft.profile.name).toBe('王老师');
  });

  it('keeps markup as plain data', () => {
    const result = importDraftText(
      withDraft((d) => ((d['profile'] as Record<string, string>)['school'] = '<script>x</script>')),
    );
    if (!result.ok) throw new Error(result.error);
    expect(result.draft.profile.school).toBe('<script>x</script>');
  });
});

describe('importDraftText refuses what it cannot read', () => {
  it('refuses a file from a newer version with the exact message', () => {
    const text = withDraft((d) => (d['version'] = 3));
    expect(importDraftText(text)).toEqual({
      ok: false,
      error: '这份文件来自更新版本的微能力手册（格式版本 3），当前版本无法读取。请更新手册后再导入。',
    });
  });

  it('refuses a missing or invalid version', () => {
    expectError(
      importDraftText(
        withDraft((d) => {
          delete d['version'];
        }),
      ),
      /版本/,
    );
    for (const version of ['1', 1.5, -1, null, true]) {
      expectError(importDraftText(withDraft((d) => (d['version'] = version))), /格式版本号.*无效/);
    }
  });

  it('refuses another app', () => {
    expectError(importDraftText(withDraft((d) => (d['app'] = 'other'))), /^这不是微能力手册保存的自评文件/);
    expectError(importDraftText('{"version": 1}'), /^这不是微能力手册保存的自评文件/);
    expectError(importDraftText('[1, 2]'), /^这不是微能力手册保存的自评文件/);
    expectError(importDraftText('"微能力手册"'), /^这不是微能力手册保存的自评文件/);
    expectError(importDraftText('null'), /^这不是微能力手册保存的自评文件/);
  });

  it('refuses empty text and invalid JSON', () => {
    expectError(importDraftText(''), /空/);
    expectError(importDraftText('  \n'), /空/);
    expectError(importDraftText('{app: 微能力手册}'), /^不是有效的 JSON 文件/);
    expectError(importDraftText('<html></html>'), /^不是有效的 JSON 文件/);
  });

  it('refuses a truncated export at every kind of cut', () => {
    const text = exportDraftText(fullDraft());
    const cuts = [
      1,
      2,
      10,
      50,
      Math.floor(text.length / 3),
      Math.floor(text.length / 2),
      text.length - 3,
      text.length - 2,
    ];
    for (const cut of cuts) {
      expectError(importDraftText(text.slice(0, cut)), /^不是有效的 JSON 文件/);
    }
  });

  it('refuses files over 5 MB before parsing them', () => {
    const big = `{"app":"微能力手册","version":2,"pad":"${'x'.repeat(MAX_IMPORT_BYTES)}"}`;
    expectError(importDraftText(big), /^文件过大/);
    // Counted in UTF-8 bytes: 2 M Chinese characters are 6 MB.
    expectError(importDraftText(`"${'汉'.repeat(2 * 1024 * 1024)}"`), /^文件过大/);
  });

  it('does not throw on non-string input', () => {
    expectError(importDraftText(undefined as unknown as string), /./);
    expectError(importDraftText(42 as unknown as string), /./);
  });
});

/** The draft salvaged from `result`, after checking one set-aside message matches. */
function expectSetAside(result: DraftResult, pattern: RegExp | string): Draft {
  if (!result.ok) throw new Error(`expected a salvaged draft, got: ${result.error}`);
  const match = result.setAside.find((m) =>
    typeof pattern === 'string' ? m.includes(pattern) : pattern.test(m),
  );
  if (!match)
    throw new Error(`no set-aside message matches ${String(pattern)}: ${result.setAside.join(' | ')}`);
  expect(match).toMatch(/[\u4e00-\u9fff]/);
  expect(draftSchema.safeParse(result.draft).success).toBe(true);
  return result.draft;
}

/** The C5 case-video item of a salvaged draft. */
function salvagedVideo(draft: Draft) {
  const item = draft.evidence['C5']?.items['case-video'];
  if (!item) throw new Error('case-video lost');
  return item;
}

describe('a bad field is set aside, named in Chinese, and the rest of the draft is kept', () => {
  it('drops an out-of-range duration and keeps everything else', () => {
    const result = importDraftText(withDraft((d) => (caseVideo(d)['manualMinutes'] = 900)));
    const draft = expectSetAside(
      result,
      '第 3 个微能力点（C5）的证据“case-video”的时长：须为 0—600 之间的数字（分钟）（原来是 900），已舍弃。',
    );
    if (!result.ok) throw new Error('unreachable');
    expect(result.setAside).toHaveLength(1);
    expect({ ...draft, savedAt: fullDraft().savedAt }).toEqual(fullDraft());
  });

  it('uses the rubric item name when the page knows it', () => {
    const text = withDraft((d) => (caseVideo(d)['manualMinutes'] = -1));
    const result = importDraftText(text, {
      itemName: (code, id) => (code === 'C5' && id === 'case-video' ? '案例展示' : undefined),
    });
    expectSetAside(result, /^第 3 个微能力点（C5）的证据“案例展示”的时长：.*已舍弃/);
  });

  it('describes files, profile fields, abilities, unknown keys and the wizard state', () => {
    let draft = expectSetAside(
      importDraftText(withDraft((d) => (fileOf(d, 1)['size'] = -5))),
      /第 2 个文件的文件大小：须为不小于 0 的整数（字节）（原来是 -5），文件“补充.mp4”的记录已舍弃/,
    );
    expect(salvagedVideo(draft).files.map((f) => f.name)).toEqual(['案例.mp4']);

    draft = expectSetAside(
      importDraftText(
        withDraft((d) => ((d['profile'] as Record<string, string>)['subject'] = '数'.repeat(61))),
      ),
      /^基本信息的学科：超过 60 个字，只保留了前 60 个字。$/,
    );
    expect(draft.profile.subject).toBe('数'.repeat(60));

    draft = expectSetAside(
      importDraftText(withDraft((d) => ((d['profile'] as Record<string, string>)['stage'] = '大学'))),
      /^基本信息的学段：须为空或以下之一.*（原来是 “大学”），已清空。$/,
    );
    expect(draft.profile).toEqual({ ...fullDraft().profile, stage: '' });

    draft = expectSetAside(
      importDraftText(withDraft((d) => (d['abilities'] = ['A1', 'A1']))),
      /A1 重复，已舍弃/,
    );
    expect(draft.abilities).toEqual(['A1']);
    draft = expectSetAside(
      importDraftText(withDraft((d) => (d['abilities'] = ['A1', 'Z9']))),
      /^第 2 个所选微能力点：编号须为.*（原来是 “Z9”），已舍弃。$/,
    );
    expect(draft.abilities).toEqual(['A1']);
    expectSetAside(
      importDraftText(withDraft((d) => (d['extra'] = 1))),
      /^“extra”：不是自评文件中的内容，已舍弃。$/,
    );
    draft = expectSetAside(
      importDraftText(withDraft((d) => (d['step'] = 5))),
      /^当前步骤：须为 0—4 之间的整数（原来是 5），已回到第 1 步。$/,
    );
    expect(draft.step).toBe(0);
    expectSetAside(
      importDraftText(withDraft((d) => (d['savedAt'] = 'yesterday'))),
      /^保存时间：须为 ISO 8601 时间/,
    );
  });

  it('repairs custom rubric fields without losing the rubric', () => {
    let draft = expectSetAside(
      importDraftText(withDraft((d) => (rubricB2(d)['origin'] = '手册'))),
      /^自录的 B2 评价标准的来源：须为“教师录入”.*已改为“教师录入”/,
    );
    expect(draft.customRubrics['B2']).toEqual(fullDraft().customRubrics['B2']);
    draft = expectSetAside(
      importDraftText(withDraft((d) => (rubricB2(d)['code'] = 'B3'))),
      /须与所在位置的编号 B2 一致（原来是 “B3”），已改为 B2/,
    );
    expect(draft.customRubrics['B2']).toEqual(fullDraft().customRubrics['B2']);
  });

  it('keeps a rubric criterion’s place when its text is unreadable, so the ticks still mean the same', () => {
    const draft = expectSetAside(
      importDraftText(
        withDraft((d) => {
          const items = rubricB2(d)['items'] as Record<string, unknown>[];
          nth(items, 0)['criteria'] = { excellent: [42, '设计完整'], pass: ['主题明确'] };
        }),
      ),
      /第 1 条优秀标准：应为文字（原来是 42），已换成提示文字/,
    );
    expect(draft.customRubrics['B2']?.items[0]?.criteria?.excellent).toEqual([
      UNREADABLE_CRITERION,
      '设计完整',
    ]);
  });

  it('refuses a draft of which nothing can be read, naming why', () => {
    expectError(
      importDraftText(JSON.stringify({ app: APP_MARKER, version: DRAFT_VERSION, profile: 7 })),
      /^文件中没有可以读出的自评内容/,
    );
  });
});

describe('hostile payloads', () => {
  it('drops prototype keys, names them, and never pollutes Object.prototype', () => {
    const payloads = [
      withDraft((d) => {
        (d['evidence'] as Record<string, unknown>)['__proto__'] = { polluted: true };
      }),
      exportDraftText(fullDraft()).replace(
        '"chosen": {',
        '"chosen": { "__proto__": "x", "constructor": "y",',
      ),
      exportDraftText(fullDraft()).replace(
        '"items": {',
        '"items": { "prototype": {"present": true, "files": [], "excellent": [], "pass": []},',
      ),
      exportDraftText(fullDraft()).replace('{', '{ "__proto__": { "polluted": true },'),
      exportDraftText(fullDraft()).replace('"profile": {', '"profile": { "__proto__": { "polluted": true },'),
    ];
    for (const text of payloads) {
      const result = importDraftText(text);
      if (!result.ok) throw new Error(result.error);
      expect(Object.getPrototypeOf(result.draft.evidence)).toBe(Object.prototype);
      expect(Object.getPrototypeOf(result.draft)).toBe(Object.prototype);
      expect(Object.keys(result.draft.evidence)).not.toContain('__proto__');
      expect({ ...result.draft, savedAt: fullDraft().savedAt }).toEqual(fullDraft());
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    }
    expectSetAside(importDraftText(nth(payloads, 1)), /名称“__proto__”不允许（保留字），整项已舍弃/);
    expectSetAside(importDraftText(nth(payloads, 2)), /名称“prototype”不允许（保留字），整项已舍弃/);
    expectSetAside(importDraftText(nth(payloads, 3)), /^“__proto__”：不是自评文件中的内容，已舍弃。$/);
  });

  it('cuts over-long text, and keeps at most the allowed number of entries', () => {
    let draft = expectSetAside(
      importDraftText(withDraft((d) => (caseVideo(d)['description'] = 'x'.repeat(2001)))),
      /说明：超过 2000 个字，只保留了前 2000 个字/,
    );
    expect(salvagedVideo(draft).description).toBe('x'.repeat(2000));
    draft = expectSetAside(
      importDraftText(withDraft((d) => (caseVideo(d)['pass'] = Array.from({ length: 10_000 }, () => 0)))),
      /第 51 个勾选的合格标准：超过 50 项的上限，已舍弃/,
    );
    expect(salvagedVideo(draft).pass).toHaveLength(50);
    draft = expectSetAside(
      importDraftText(
        withDraft(
          (d) =>
            (caseVideo(d)['files'] = Array.from({ length: 10_000 }, () => ({
              name: 'a',
              type: '',
              size: 1,
            }))),
        ),
      ),
      /第 21 个文件：超过 20 项的上限/,
    );
    expect(salvagedVideo(draft).files).toHaveLength(20);
    draft = expectSetAside(
      importDraftText(withDraft((d) => (d['abilities'] = Array.from({ length: 10_000 }, () => 'A1')))),
      /A1 重复/,
    );
    expect(draft.abilities).toEqual(['A1']);
    draft = expectSetAside(
      importDraftText(withDraft((d) => (fileOf(d, 0)['name'] = 'n'.repeat(256)))),
      /名称：超过 255 个字，只保留了前 255 个字/,
    );
    expect(salvagedVideo(draft).files[0]?.name).toBe('n'.repeat(255));
    draft = expectSetAside(
      importDraftText(withDraft((d) => (fileOf(d, 0)['sha256'] = 'A'.repeat(64)))),
      /SHA-256.*已舍弃/,
    );
    expect(salvagedVideo(draft).files[0]).toEqual({
      ...fullDraft().evidence['C5']?.items['case-video']?.files[0],
      sha256: undefined,
    });
  });

  it('sets aside NaN, Infinity and negative numbers', () => {
    // JSON has no NaN; 1e999 parses to Infinity.
    const text = exportDraftText(fullDraft()).replace('"durationSeconds": 512.4', '"durationSeconds": 1e999');
    expectSetAside(importDraftText(text), /时长（秒）：须为不小于 0 的数字.*已舍弃/);
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, -1]) {
      const draft = fullDraft() as unknown as Record<string, unknown>;
      caseVideo(draft)['manualMinutes'] = bad;
      expect(
        salvagedVideo(expectSetAside(migrateDraft(draft, { salvage: true }), /时长：须为 0—600 之间的数字/))
          .manualMinutes,
      ).toBeUndefined();
      const file = fileOf(draft, 0);
      file['durationSeconds'] = bad;
      delete caseVideo(draft)['manualMinutes'];
      expectSetAside(migrateDraft(draft, { salvage: true }), /时长（秒）/);
    }
  });

  it('never throws on objects with throwing getters', () => {
    const evil = { app: APP_MARKER, version: 2 } as Record<string, unknown>;
    Object.defineProperty(evil, 'profile', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect(() => migrateDraft(evil)).not.toThrow();
    expect(migrateDraft(evil).ok).toBe(false);
  });
});

describe('importDraftText on arbitrary input', () => {
  const check = (text: string) => {
    const result = importDraftText(text);
    if (result.ok) expect(draftSchema.safeParse(result.draft).success).toBe(true);
    else expect(result.error.length).toBeGreaterThan(0);
  };

  it('never throws on arbitrary JSON and only accepts valid drafts', () => {
    fc.assert(fc.property(fc.json(), check), { numRuns: 300 });
    fc.assert(
      fc.property(fc.anything(), (value) => check(JSON.stringify(value) ?? '')),
      { numRuns: 300 },
    );
    fc.assert(fc.property(fc.string(), check), { numRuns: 300 });
  });

  it('never throws on arbitrary values under the app marker', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (extra) =>
        check(JSON.stringify({ ...extra, app: APP_MARKER, version: 2 })),
      ),
      { numRuns: 300 },
    );
  });

  it('survives random mutations of a valid draft', () => {
    const base = exportDraftText(fullDraft());
    fc.assert(
      fc.property(fc.nat(base.length - 1), fc.string({ maxLength: 3 }), (at, insert) => {
        check(base.slice(0, at) + insert + base.slice(at + 1));
      }),
      { numRuns: 300 },
    );
  });
});

describe('migrations', () => {
  it('is at version 2 with one migration, from version 1', () => {
    expect(DRAFT_VERSION).toBe(2);
    expect(Object.keys(MIGRATIONS)).toEqual(['1']);
  });

  it('applies a registered migration and reports where the draft came from', () => {
    const v0: Record<string, unknown> = {
      ...(fullDraft() as unknown as Record<string, unknown>),
      version: 0,
      teacher: '王老师',
    };
    delete v0['profile'];
    const migrations: Record<number, Migration> = {
      0: (old) => {
        const { teacher, ...rest } = old as Record<string, unknown>;
        return {
          ...rest,
          version: 2,
          profile: { ...emptyDraft().profile, name: teacher },
        };
      },
    };
    const result = migrateWith(v0, migrations);
    if (!result.ok) throw new Error(result.error);
    expect(result.migratedFrom).toBe(0);
    expect(result.draft.profile.name).toBe('王老师');
    expect(result.draft.version).toBe(2);
  });

  it('refuses an old version with no migration, a throwing migration and a migration that does not advance', () => {
    const v0 = { ...(fullDraft() as unknown as Record<string, unknown>), version: 0 };
    expectError(migrateWith(v0, {}), /无法把格式版本 0 的文件升级/);
    expectError(
      migrateWith(v0, {
        0: () => {
          throw new Error('bad');
        },
      }),
      /升级时出错/,
    );
    expectError(migrateWith(v0, { 0: (old) => old }), /版本号不对/);
    expectError(migrateDraft(v0), /无法把格式版本 0/);
  });

  it('refuses a draft with a bad field when asked to be strict (migrateDraft, as the school archive reads), naming the field', () => {
    const draft = fullDraft() as unknown as Record<string, unknown>;
    caseVideo(draft)['manualMinutes'] = 900;
    expectError(
      migrateDraft(draft),
      /^第 3 个微能力点（C5）的证据“case-video”的时长：须为 0—600 之间的数字（分钟）/,
    );
    expectError(importDraftText(JSON.stringify(draft), { salvage: false }), /时长/);
  });

  it('validates the migrated result, setting aside what the migration got wrong', () => {
    const v0 = { ...(fullDraft() as unknown as Record<string, unknown>), version: 0 };
    const draft = expectSetAside(
      migrateWith(v0, { 0: (old) => ({ ...(old as object), version: 2, step: 9 }) }, { salvage: true }),
      /^当前步骤/,
    );
    expect(draft.step).toBe(0);
  });
});

/** A version-1 file as the wizard wrote it before drafts had an id. */
function version1Text(mutate: (draft: Record<string, unknown>) => void = () => {}): string {
  const { id: _id, ...rest } = JSON.parse(exportDraftText(fullDraft())) as Record<string, unknown>;
  const v1 = { ...rest, version: 1 };
  mutate(v1);
  return JSON.stringify(v1, null, 2);
}

describe('version 1 → 2 migration', () => {
  it('imports a version-1 file as version 2 with an id and nothing else changed', () => {
    const result = importDraftText(version1Text());
    if (!result.ok) throw new Error(result.error);
    expect(result.migratedFrom).toBe(1);
    expect(result.draft.version).toBe(2);
    expect(result.draft.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect({ ...result.draft, id: fullDraft().id, savedAt: fullDraft().savedAt }).toEqual(fullDraft());
  });

  it('gives the same version-1 file the same id every time, and different content a different id', () => {
    const first = importDraftText(version1Text());
    const again = importDraftText(version1Text());
    const savedLater = importDraftText(version1Text((d) => (d['savedAt'] = '2026-01-01T00:00:00.000Z')));
    const otherTeacher = importDraftText(
      version1Text((d) => ((d['profile'] as Record<string, string>)['name'] = '李老师')),
    );
    if (!first.ok || !again.ok || !savedLater.ok || !otherTeacher.ok) throw new Error('import failed');
    expect(again.draft.id).toBe(first.draft.id);
    expect(savedLater.draft.id).toBe(first.draft.id);
    expect(otherTeacher.draft.id).not.toBe(first.draft.id);
  });

  it('keeps the id once migrated: export and re-import as version 2', () => {
    const first = importDraftText(version1Text());
    if (!first.ok) throw new Error(first.error);
    const second = importDraftText(exportDraftText(first.draft));
    if (!second.ok) throw new Error(second.error);
    expect(second.migratedFrom).toBeUndefined();
    expect(second.draft.id).toBe(first.draft.id);
  });

  it('derives the id deterministically for any version-1 content (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.subarray(['A1', 'B2', 'C5', 'A13']), (name, abilities) => {
        const text = version1Text((d) => {
          (d['profile'] as Record<string, string>)['name'] = name;
          d['abilities'] = abilities;
          d['evidence'] = {};
          d['customRubrics'] = {};
          delete d['currentAbility'];
        });
        const a = importDraftText(text);
        const b = importDraftText(text);
        return a.ok && b.ok && a.draft.id === b.draft.id;
      }),
      { numRuns: 100 },
    );
  });

  it('gives a version-2 file that lost its id one derived from its content, and says so', () => {
    const text = withDraft((d) => {
      delete d['id'];
    });
    const first = expectSetAside(importDraftText(text), /^自评编号：缺少此项，已按内容重新生成。$/);
    const again = expectSetAside(importDraftText(text), /自评编号/);
    expect(again.id).toBe(first.id);
  });
});
