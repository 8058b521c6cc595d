import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  decodeFileText,
  isPlainRecord,
  issuePlace,
  parseCarriedJson,
  parseFileJson,
  readVersioned,
  readFileText,
  tooBigToOpen,
  upgrade,
  withoutBom,
} from '../../../src/lib/files/versioned-file';
import { encodeAs } from '../../support/encodings';

describe('decoding a carried file’s bytes', () => {
  const ENCODINGS = ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be'] as const;

  it('property: UTF-8 with or without the mark and UTF-16 LE / BE with it all give the same text', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'grapheme' }),
        fc.constantFrom(...ENCODINGS),
        async (text, encoding) => {
          const bytes = encodeAs(text, encoding);
          expect(decodeFileText(bytes)).toBe(text);
          expect(await readFileText(new Blob([bytes as BlobPart]))).toBe(text);
        },
      ),
    );
  });

  it('refuses bytes that are not text, and readFileText leaves them for the JSON check to refuse', async () => {
    const gbk = new Uint8Array([0xc4, 0xe3, 0xba, 0xc3]);
    expect(decodeFileText(gbk)).toBeUndefined();
    expect(decodeFileText(new Uint8Array([0xff, 0xfe, 0x00]))).toBeUndefined();
    const loose = await readFileText(new Blob([gbk]));
    expect(parseFileJson(loose, MESSAGES)).toEqual({ ok: false, error: '不是有效的 JSON 文件。' });
  });
});

const MESSAGES = { empty: '文件是空的。', invalid: '不是有效的 JSON 文件。' };

describe('reading a carried file as JSON', () => {
  it('drops the byte-order mark Notepad puts in front, and nothing else', () => {
    expect(withoutBom('\uFEFF{"a":1}')).toBe('{"a":1}');
    expect(withoutBom('{"a":"\uFEFF"}')).toBe('{"a":"\uFEFF"}');
  });

  it('gives back what was written, with or without the mark', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (value, bom) => {
        const text = `${bom ? '\uFEFF' : ''}${JSON.stringify(value)}`;
        expect(parseFileJson(text, MESSAGES)).toEqual({ ok: true, data: JSON.parse(JSON.stringify(value)) });
      }),
    );
  });

  it('refuses an empty or cut-short file in the format’s own words, never throwing', () => {
    expect(parseFileJson('\uFEFF  \n', MESSAGES)).toEqual({ ok: false, error: '文件是空的。' });
    expect(parseFileJson('{"app": "微能力', MESSAGES)).toEqual({
      ok: false,
      error: '不是有效的 JSON 文件。',
    });
    fc.assert(
      fc.property(fc.string(), (text) => {
        const result = parseFileJson(text, MESSAGES);
        if (!result.ok) expect([MESSAGES.empty, MESSAGES.invalid]).toContain(result.error);
      }),
    );
  });
});

describe('upgrading a carried file', () => {
  const toTwo = (old: unknown) => ({ ...(old as object), version: 2, added: true });

  it('runs each step up to the current version', () => {
    expect(upgrade({ version: 1 }, 2, { 1: toTwo }, '评价标准文件')).toEqual({
      ok: true,
      data: { version: 2, added: true },
      from: 1,
    });
    expect(upgrade({ version: 2 }, 2, {}, '评价标准文件')).toEqual({
      ok: true,
      data: { version: 2 },
      from: 2,
    });
  });

  it('says in Chinese why a file cannot be upgraded', () => {
    expect(upgrade({}, 2, {}, '评价标准文件')).toMatchObject({
      ok: false,
      error: expect.stringContaining('缺少有效的格式版本号'),
    });
    expect(upgrade({ version: 3 }, 2, {}, '评价标准文件')).toMatchObject({
      ok: false,
      error: expect.stringContaining('来自更新版本的微能力手册'),
    });
    expect(upgrade({ version: 1 }, 2, {}, '评价标准文件')).toMatchObject({
      ok: false,
      error: expect.stringContaining('无法把格式版本 1'),
    });
    const failing = () => {
      throw new Error('bad');
    };
    expect(upgrade({ version: 1 }, 2, { 1: failing }, '评价标准文件')).toMatchObject({
      ok: false,
      error: expect.stringContaining('时出错'),
    });
    expect(upgrade({ version: 1 }, 2, { 1: (o) => o }, '评价标准文件')).toMatchObject({
      ok: false,
      error: expect.stringContaining('版本号不对'),
    });
  });

  it('tells a record from arrays and other values', () => {
    expect(isPlainRecord({})).toBe(true);
    for (const value of [null, [], 'x', 1, undefined]) expect(isPlainRecord(value)).toBe(false);
  });
});

describe('tooBigToOpen', () => {
  it('refuses by size alone, naming the format and its limit, and lets any file within it through', () => {
    expect(tooBigToOpen(2 * 1024 ** 3, 5 * 1024 * 1024, '自评文件')).toBe(
      '文件过大（2048.0 MB），自评文件不会超过 5 MB。请确认选择的是微能力手册保存的自评文件。',
    );
    fc.assert(
      fc.property(fc.nat({ max: 2 ** 40 }), fc.integer({ min: 1, max: 2 ** 30 }), (size, max) => {
        const refusal = tooBigToOpen(size, max, '评审意见文件');
        expect(refusal === undefined).toBe(size <= max);
        if (refusal) expect(refusal).toContain('评审意见文件不会超过');
      }),
    );
  });
});

describe('parseCarriedJson', () => {
  const format = { maxBytes: 10, what: '测试文件', empty: '空的', invalid: '坏的' };

  it('counts the limit in UTF-8 bytes, not characters, before parsing', () => {
    expect(parseCarriedJson('"一二"', format)).toEqual({ ok: true, data: '一二' });
    expect(parseCarriedJson('"一二三"', format)).toEqual({
      ok: false,
      error: '文件过大（0.0 MB），测试文件不会超过 0 MB。请确认选择的是微能力手册保存的测试文件。',
    });
  });

  it('refuses what is not text, and empty or broken JSON, in the format’s words', () => {
    expect(parseCarriedJson(undefined, format)).toEqual({ ok: false, error: '没有读到文件内容。' });
    expect(parseCarriedJson(' ', format)).toEqual({ ok: false, error: '空的' });
    expect(parseCarriedJson('{"a":', format)).toEqual({ ok: false, error: '坏的' });
  });
});

describe('issuePlace', () => {
  it('names each field, numbers list entries from 1 with their note, and quotes an unknown key', () => {
    const input = { roster: [{ name: '王芳' }, { name: '李娜', stage: 1 }] };
    const words = {
      labels: { roster: '教师名单', stage: '环节' },
      entryNote: (list: string, entry: unknown) =>
        list === 'roster' && isPlainRecord(entry) ? `（${String(entry['name'])}）` : '',
      label: (key: string, keys: readonly string[]) =>
        key === 'stage' && keys.at(-1) === 'roster' ? '学段' : undefined,
    };
    expect(issuePlace(['roster', 1, 'stage'], input, words)).toBe('教师名单的第 2 项（李娜）的学段');
    expect(issuePlace(['stage'], input, words)).toBe('环节');
    expect(issuePlace(['odd', 0], input, words)).toBe('“odd”的第 1 项');
    expect(issuePlace([], input, words)).toBe('');
  });
});

describe('readVersioned', () => {
  const format = {
    app: '微能力手册',
    kind: '测试',
    current: 2,
    migrations: { 1: (old: unknown) => ({ ...(old as object), version: 2, n: 1 }) },
    what: '测试文件',
    notOurs: '不是我们的',
    wrongKind: (data: Record<string, unknown>) => `是${String(data['kind'])}`,
    schema: z.object({ app: z.string(), kind: z.string(), version: z.literal(2), n: z.number() }),
    issueText: () => '不对',
    describe: (issue: z.core.$ZodIssue) => `在 ${issue.path.join('.')}：${issue.message}`,
  };

  it('checks marker and kind, upgrades, then applies the schema, saying where it fails', () => {
    expect(readVersioned({ app: '微能力手册', kind: '测试', version: 1 }, format)).toEqual({
      ok: true,
      value: { app: '微能力手册', kind: '测试', version: 2, n: 1 },
      migratedFrom: 1,
    });
    expect(readVersioned({ app: '微能力手册', kind: '测试', version: 2, n: 3 }, format)).toEqual({
      ok: true,
      value: { app: '微能力手册', kind: '测试', version: 2, n: 3 },
    });
    expect(readVersioned([], format)).toEqual({ ok: false, error: '不是我们的' });
    expect(readVersioned({ app: '微能力手册', kind: '档案' }, format)).toEqual({
      ok: false,
      error: '是档案',
    });
    expect(readVersioned({ app: '微能力手册', kind: '测试', version: 2, n: 'x' }, format)).toEqual({
      ok: false,
      error: '在 n：不对',
    });
  });

  it('turns a failure in the format’s own code into a Chinese refusal', () => {
    const broken = {
      ...format,
      describe: () => {
        throw new Error('bug');
      },
    };
    expect(readVersioned({ app: '微能力手册', kind: '测试', version: 2 }, broken)).toEqual({
      ok: false,
      error: '读取测试文件时出错，无法打开。',
    });
  });
});
