import fc from 'fast-check';
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { abilitySchema } from '../../../src/content.config';
import { gradeAbility, rubricFromAbility } from '../../../src/lib/grading/grading';
import {
  exportPackText,
  importPackBytes,
  importPackText,
  makePack,
  MAX_RUBRIC_FILE_BYTES,
  packPreview,
  readPack,
  schoolRubric,
  type RubricPack,
} from '../../../src/lib/rubrics/rubric-file';
import {
  crc32Hex,
  decodeShareFragment,
  encodeShareFragment,
  fflateCodec,
  INFLATE_SLICE,
  type Codec,
  nativeCodec,
  shareUrl,
} from '../../../src/lib/rubrics/rubric-link';
import { abilityRubricSchema, handbookRubric, sourceLine } from '../../../src/lib/grading/rubric-schema';
import { readCollection } from '../../support/content-files';
import { packArb } from '../../support/rubric-arbitraries';
import { encodeAs } from '../../support/encodings';

const source = {
  title: '测试省中小学教师信息技术应用能力提升工程2.0校本应用考核指南',
  number: '测教〔2021〕5号',
  issuer: '测试省教育厅',
  year: '2021',
  regionName: '测试省',
  enteredBy: '实验小学信息化管理团队',
  enteredAt: '2025-03-01',
};

const a6 = {
  code: 'A6',
  name: '技术支持的课堂讲授',
  alternativeGroups: [],
  evidence: [
    {
      id: 'clip',
      label: '1',
      name: '课堂讲授片段',
      forms: ['视频' as const],
      required: true,
      graded: true as const,
      limits: { maxMinutes: 10, teacherOnCamera: true },
      criteria: { excellent: ['讲授清晰', '技术运用恰当'], pass: ['讲授完整'] },
    },
    {
      id: 'reflection',
      label: '2',
      name: '教学反思',
      forms: ['文本' as const],
      required: true,
      graded: false as const,
      limits: {},
    },
  ],
};

const pack = (): RubricPack => makePack(source, [a6], new Date('2025-03-01T08:00:00.000Z'));

describe('the rubric file', () => {
  it('opens what it saved, and says where the rubric comes from', () => {
    const result = importPackText(exportPackText(pack()));
    expect(result).toEqual({ ok: true, pack: pack() });
    if (!result.ok) return;
    expect(packPreview(result.pack)).toMatchObject({
      sourceLine:
        '《测试省中小学教师信息技术应用能力提升工程2.0校本应用考核指南》（测教〔2021〕5号），由实验小学信息化管理团队录入',
      abilities: [{ code: 'A6', name: '技术支持的课堂讲授', items: 2, graded: 1 }],
    });
  });

  it('grades a school rubric exactly as the same rubric in a handbook entry', () => {
    const evidence = {
      chosen: {},
      items: {
        clip: {
          present: true,
          files: [],
          manualMinutes: 12,
          teacherOnCamera: true,
          excellent: [0, 1],
          pass: [0],
        },
        reflection: { present: true, files: [], excellent: [], pass: [] },
      },
    };
    const fromFile = gradeAbility(schoolRubric(a6), evidence);
    expect(fromFile.grade).toBe('不合格');
    expect(fromFile.reasons).toEqual(['「课堂讲授片段」时长 12 分 0 秒，超过 10 分钟的上限']);
    expect(schoolRubric(a6).origin).toBe('学校文件');
    expect(fromFile).toEqual(gradeAbility(rubricFromAbility(a6), evidence));
  });

  it('holds the same shape as an ability entry: every handbook rubric fits in a file', () => {
    for (const file of readCollection('abilities', '.mdx')) {
      const entry = abilitySchema.parse(file.data);
      if (entry.evidence.length === 0) continue;
      const rubric = handbookRubric(entry);
      expect(abilityRubricSchema.safeParse(rubric).success, file.file).toBe(true);
    }
  });

  it.each([
    ['a self-check file', { app: '微能力手册', version: 1, profile: {} }, '这是一份自评文件'],
    ['another program’s JSON', { name: 'x' }, '这不是微能力手册的评价标准文件'],
    ['a newer version', { ...pack(), version: 2 }, '来自更新版本的微能力手册（格式版本 2）'],
    ['no version', { ...pack(), version: undefined }, '缺少有效的格式版本号'],
    ['an unknown field', { ...pack(), extra: 1 }, '含有不认识的字段：“extra”'],
    [
      'an empty criterion',
      {
        ...pack(),
        abilities: [{ ...a6, evidence: [{ ...a6.evidence[0], criteria: { excellent: [''], pass: ['x'] } }] }],
      },
      '微能力点的第 1 项（A6）的证据项的第 1 项的评价标准的优秀标准的第 1 项：不能为空',
    ],
    ['the same ability twice', { ...pack(), abilities: [a6, a6] }, '同一个微能力点只能出现一次'],
    [
      'an alternative group with one task',
      {
        ...pack(),
        abilities: [
          {
            ...a6,
            alternativeGroups: [{ id: 'g', label: '1', name: '任务组', instruction: '二选一' }],
            evidence: [{ ...a6.evidence[0], alternativeGroup: 'g' }, a6.evidence[1]],
          },
        ],
      },
      '「任务组」至少要有两个可选任务',
    ],
  ])('refuses %s with a Chinese reason', (_what, data, reason) => {
    const result = importPackText(JSON.stringify(data));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(reason);
  });

  it('refuses a prototype-polluting file without polluting', () => {
    const text = exportPackText(pack()).replace('"app"', '"__proto__": {"polluted": true}, "app"');
    expect(importPackText(text).ok).toBe(false);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('refuses a file over 1 MB before reading it', () => {
    const result = importPackBytes(new Uint8Array(MAX_RUBRIC_FILE_BYTES + 1));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain('文件过大');
  });

  it('property: any valid pack survives the file unchanged, saved as UTF-8 or as Notepad’s UTF-16', () => {
    fc.assert(
      fc.property(
        packArb(),
        fc.constantFrom('utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be' as const),
        (p, encoding) => {
          expect(importPackBytes(encodeAs(exportPackText(p), encoding))).toEqual({ ok: true, pack: p });
        },
      ),
      { numRuns: 150 },
    );
  });

  it('property: any bytes or text given as a file are refused or accepted, never thrown', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 300 }),
          fc.json().map((j) => new TextEncoder().encode(j)),
          packArb(2).chain((p) =>
            fc.tuple(fc.nat(), fc.string({ maxLength: 3 })).map(([at, junk]) => {
              const text = exportPackText(p);
              const i = at % text.length;
              return new TextEncoder().encode(text.slice(0, i) + junk + text.slice(i + 1));
            }),
          ),
        ),
        (bytes) => {
          const result = importPackBytes(bytes);
          if (result.ok) expect(readPack(result.pack)).toEqual({ ok: true, pack: result.pack });
          else expect(result.error).toMatch(/[\u4e00-\u9fff]/);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('the share link', () => {
  it('puts the pack in the fragment, which the page address keeps apart', async () => {
    const url = await shareUrl('https://school.example/handbook/self-check/?x=1#old', pack());
    expect(url).toMatch(
      /^https:\/\/school\.example\/handbook\/self-check\/\?x=1#rubrics=1\.[0-9a-f]{8}\.[A-Za-z0-9_-]+$/,
    );
    expect(await decodeShareFragment(new URL(url).hash)).toEqual({ ok: true, pack: pack() });
  });

  it('refuses a link edited or cut by hand', async () => {
    const fragment = await encodeShareFragment(pack());
    const data = fragment.slice(fragment.lastIndexOf('.') + 1);
    const flipped = data[5] === 'A' ? 'B' : 'A';
    const edited = `${fragment.slice(0, fragment.length - data.length + 5)}${flipped}${data.slice(6)}`;
    for (const hash of [
      edited,
      fragment.slice(0, -4),
      `${fragment}x`,
      fragment.replace('rubrics=1.', 'rubrics=1.0'),
    ]) {
      const result = await decodeShareFragment(hash);
      expect(result.ok, hash).toBe(false);
      if (!result.ok) expect(result.error).toContain('链接不完整或被改动过');
    }
  });

  it('refuses a link from a newer version', async () => {
    const fragment = (await encodeShareFragment(pack())).replace('rubrics=1.', 'rubrics=2.');
    const result = await decodeShareFragment(fragment);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain('更新版本');
  });

  it('stops a deflate bomb while inflating: within one slice’s output of 1 MB, in a clear message', async () => {
    const bomb = deflateSync(new Uint8Array(20 * 1024 * 1024).fill(32));
    let binary = '';
    for (const b of bomb) binary += String.fromCharCode(b);
    const data = btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    for (const codec of [nativeCodec, fflateCodec]) {
      let seen = 0;
      let largest = 0;
      const counted: Codec = {
        deflate: codec.deflate,
        inflate: (bytes, limit) =>
          codec.inflate(bytes, limit, (chunk) => {
            seen += chunk.length;
            largest = Math.max(largest, chunk.length);
          }),
      };
      const result = await decodeShareFragment(`rubrics=1.${crc32Hex(data)}.${data}`, counted);
      expect(result).toEqual({ ok: false, error: '链接中的评价标准超过 1 MB，不能打开。' });
      // No piece is bigger than one slice can inflate to, and reading stopped at the first past 1 MB.
      expect(largest).toBeLessThanOrEqual(INFLATE_SLICE * 1032 + 1024);
      expect(seen).toBeLessThanOrEqual(MAX_RUBRIC_FILE_BYTES + largest);
    }
  });

  it('property: any valid pack survives the link unchanged, whichever codec writes or reads it', async () => {
    await fc.assert(
      fc.asyncProperty(
        packArb(),
        fc.constantFrom(nativeCodec, fflateCodec),
        fc.constantFrom(nativeCodec, fflateCodec),
        async (p, writer, reader) => {
          expect(await decodeShareFragment(await encodeShareFragment(p, writer), reader)).toEqual({
            ok: true,
            pack: p,
          });
        },
      ),
      { numRuns: 100 },
    );
  });

  it('property: any fragment text is refused or accepted, never thrown', async () => {
    const crcd = fc.base64String({ maxLength: 200 }).map((d) => {
      const data = d.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
      return `rubrics=1.${crc32Hex(data)}.${data}`;
    });
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 100 }), crcd),
        fc.constantFrom(nativeCodec, fflateCodec),
        async (hash, codec) => {
          const result = await decodeShareFragment(hash, codec);
          if (!result.ok) expect(result.error).toMatch(/[\u4e00-\u9fff]/);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('sourceLine', () => {
  it('names the guide, its 文号 and who entered it; no 文号, no brackets', () => {
    expect(sourceLine({ title: '《某省考核指南》', enteredBy: '张老师', enteredAt: '2025' })).toBe(
      '《某省考核指南》，由张老师录入',
    );
  });
});
