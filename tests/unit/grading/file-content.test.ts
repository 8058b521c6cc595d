import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_FILE_NAME,
  pickedFileFacts,
  sniffContent,
  SNIFF_BYTES,
} from '../../../src/lib/grading/file-content';
import { mp4Bytes } from '../../support/mp4-boxes';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));
const pad = (head: Uint8Array) => {
  const out = new Uint8Array(Math.max(SNIFF_BYTES, head.length));
  out.set(head);
  return out;
};

/** The first bytes of each format a teacher's evidence comes in, and what they are. */
const SIGNATURES: [string, Uint8Array, string, string][] = [
  ['MP4', mp4Bytes({ movieSeconds: 1, trackSeconds: [1] }), 'media', 'video/mp4'],
  ['MOV', bytes([0, 0, 0, 20], 'ftypqt  ', [0, 0, 2, 0]), 'media', 'video/quicktime'],
  ['M4A', bytes([0, 0, 0, 20], 'ftypM4A ', [0, 0, 2, 0]), 'audio', 'audio/mp4'],
  ['WebM', bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81]), 'media', 'video/webm'],
  ['AVI', bytes('RIFF', [0, 0, 0, 0], 'AVI LIST'), 'video', 'video/x-msvideo'],
  ['WAV', bytes('RIFF', [0, 0, 0, 0], 'WAVEfmt '), 'audio', 'audio/wav'],
  ['MP3 with ID3', bytes('ID3', [4, 0, 0]), 'audio', 'audio/mpeg'],
  ['MP3 frame', bytes([0xff, 0xfb, 0x90, 0x64]), 'audio', 'audio/mpeg'],
  ['PNG', bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a]), 'image', 'image/png'],
  ['JPEG', bytes([0xff, 0xd8, 0xff, 0xe0]), 'image', 'image/jpeg'],
  ['GIF', bytes('GIF89a'), 'image', 'image/gif'],
  ['PDF', bytes('%PDF-1.7'), 'document', 'application/pdf'],
  ['DOCX (ZIP)', bytes('PK', [3, 4, 20, 0]), 'document', 'application/zip'],
];

describe('sniffContent', () => {
  it.each(SIGNATURES)('%s', (_name, head, kind, mime) => {
    const result = sniffContent(pad(head).subarray(0, SNIFF_BYTES), 1000);
    expect(result.kind).toBe(kind);
    expect(result.mime).toBe(mime);
    expect(result.label).toBeTruthy();
  });

  it('a file of no bytes is empty, whatever its name says', () => {
    expect(sniffContent(new Uint8Array(0), 0).kind).toBe('empty');
  });

  it('a signature decides whatever follows it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SIGNATURES),
        fc.uint8Array({ minLength: 0, maxLength: 32 }),
        ([, head, kind, mime], tail) => {
          const all = new Uint8Array([...pad(head), ...tail]);
          const result = sniffContent(all.subarray(0, SNIFF_BYTES), all.length);
          expect([result.kind, result.mime]).toEqual([kind, mime]);
        },
      ),
    );
  });

  it('never throws, on any bytes at all, and names a MIME type exactly when it knows the format', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 40 }), (head) => {
        const result = sniffContent(head, head.length);
        expect(['empty', 'video', 'audio', 'media', 'image', 'document', 'unknown']).toContain(result.kind);
        expect(result.mime === undefined).toBe(result.kind === 'unknown' || result.kind === 'empty');
      }),
    );
  });
});

describe('pickedFileFacts', () => {
  const png = sniffContent(pad(SIGNATURES[8]?.[1] ?? new Uint8Array()), 2000);

  it('a PNG renamed .mp4 is recorded as the picture it is, and the teacher is told', () => {
    const facts = pickedFileFacts({ name: '课堂实录.mp4', type: 'video/mp4', size: 2000 }, png);
    expect(facts.type).toBe('image/png');
    expect(facts.notes).toEqual([
      '“课堂实录.mp4”的内容是PNG 图片，不是视频（可能只是改了扩展名），按实际内容核对形式。',
    ]);
  });

  it('an empty file is named as empty', () => {
    const facts = pickedFileFacts(
      { name: '案例.mp4', type: 'video/mp4', size: 0 },
      sniffContent(new Uint8Array(0), 0),
    );
    expect(facts.notes).toEqual(['“案例.mp4”是空文件（0 字节），没有内容，请重新选择要提交的文件。']);
  });

  it('a file whose content fits its name, or is not recognised, keeps its type and raises nothing', () => {
    const mp4 = sniffContent(mp4Bytes({ movieSeconds: 1, trackSeconds: [1] }).subarray(0, SNIFF_BYTES), 500);
    expect(pickedFileFacts({ name: 'a.mp4', type: 'video/mp4', size: 500 }, mp4)).toEqual({
      type: 'video/mp4',
      notes: [],
    });
    expect(pickedFileFacts({ name: 'a.m4a', type: 'audio/mp4', size: 500 }, mp4).notes).toEqual([]);
    expect(pickedFileFacts({ name: 'a.wmv', type: 'video/x-ms-wmv', size: 5 }, { kind: 'unknown' })).toEqual({
      type: 'video/x-ms-wmv',
      notes: [],
    });
  });

  it('a file the browser could not type gets its content type', () => {
    expect(pickedFileFacts({ name: 'IMG_0001', type: '', size: 2000 }, png)).toEqual({
      type: 'image/png',
      notes: [],
    });
  });

  it('a name longer than the self-check keeps is said to be shortened, never silently', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), (length) => {
        const name = `${'课'.repeat(length)}.mp4`;
        const facts = pickedFileFacts({ name, type: 'video/mp4', size: 10 }, { kind: 'unknown' });
        const said = facts.notes.some((n) => n.includes(`只记下前 ${MAX_FILE_NAME} 个字符`));
        expect(said).toBe(name.length > MAX_FILE_NAME);
      }),
    );
  });
});
