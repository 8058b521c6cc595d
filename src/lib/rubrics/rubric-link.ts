/**
 * The share link of a rubric pack: the file's JSON, raw-DEFLATE compressed, base64url-encoded
 * into the URL fragment (`#rubrics=1.<check>.<data>`). A fragment never reaches the web
 * server, so a school can post one link in its staff chat and nothing is uploaded.
 *
 * Compression uses the browser's CompressionStream where it knows 'deflate-raw' (Chromium 103+,
 * Firefox 113+, Safari 16.4+), otherwise fflate, loaded only then; both write the same bytes.
 * `<check>` is a CRC-32 of `<data>`, so a link edited or cut by hand is refused instead of being
 * read as some other rubric. Reading inflates with fflate, loaded when a link is opened, in
 * small slices, and stops at the file size limit, so a hostile link cannot fill the memory.
 */
import { importPackText, MAX_RUBRIC_FILE_BYTES, type PackResult, type RubricPack } from './rubric-file';
import { LINK_PREFIX } from './rubric-link-prefix';
import { decodeFileText } from '../files/versioned-file';

export { LINK_PREFIX, isShareFragment } from './rubric-link-prefix';
const LINK_VERSION = '1';
/** Longest fragment read; 30 full abilities compress to about 20 000 characters. */
export const MAX_FRAGMENT_CHARS = 200_000;

/**
 * Compressed bytes go to the inflater this many at a time, and its output is counted after each
 * slice: DEFLATE expands a byte to at most about 1 032, so no slice inflates to more than about
 * 66 KB, and a bomb is stopped within one slice's output of the limit (not after inflating the
 * 64 KB blocks a Blob streams, about 66 MB each).
 */
export const INFLATE_SLICE = 64;

/** Raw DEFLATE both ways; `inflate` stops once its output passes `limit` bytes. */
export interface Codec {
  deflate(bytes: Uint8Array): Promise<Uint8Array>;
  /** `onChunk` sees each piece of output as it comes, before the limit is checked. */
  inflate(bytes: Uint8Array, limit: number, onChunk?: (chunk: Uint8Array) => void): Promise<Uint8Array>;
}

class TooLarge extends Error {}

function supportsNativeDeflateRaw(): boolean {
  try {
    new CompressionStream('deflate-raw');
    return true;
  } catch {
    return false;
  }
}

/** Keeps output pieces, counting; throws TooLarge as soon as they pass `limit`. */
class LimitedSink {
  private readonly chunks: Uint8Array[] = [];
  private total = 0;
  constructor(
    private readonly limit: number,
    private readonly onChunk?: (chunk: Uint8Array) => void,
  ) {}
  add(chunk: Uint8Array): void {
    this.onChunk?.(chunk);
    this.total += chunk.length;
    if (this.total > this.limit) throw new TooLarge();
    this.chunks.push(chunk);
  }
  bytes(): Uint8Array {
    const out = new Uint8Array(this.total);
    let offset = 0;
    for (const chunk of this.chunks) {
      out.set(chunk, offset);
      offset += chunk.length;
    }
    return out;
  }
}

/**
 * Inflates with fflate's streaming Inflate, whichever codec compressed: the browser's
 * DecompressionStream inflates each chunk it is given whole before its output can be counted
 * (Node's takes all input at once), so it cannot stop a bomb in time.
 */
async function inflateLimited(
  bytes: Uint8Array,
  limit: number,
  onChunk?: (chunk: Uint8Array) => void,
): Promise<Uint8Array> {
  const { Inflate } = await import('fflate');
  const sink = new LimitedSink(limit, onChunk);
  const inflater = new Inflate((chunk) => sink.add(chunk));
  if (bytes.length === 0) inflater.push(bytes, true);
  for (let at = 0; at < bytes.length; at += INFLATE_SLICE) {
    inflater.push(bytes.subarray(at, at + INFLATE_SLICE), at + INFLATE_SLICE >= bytes.length);
  }
  return sink.bytes();
}

export const nativeCodec: Codec = {
  async deflate(bytes) {
    const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('deflate-raw'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  },
  inflate: inflateLimited,
};

export const fflateCodec: Codec = {
  async deflate(bytes) {
    const { deflateSync } = await import('fflate');
    return deflateSync(bytes, { level: 9 });
  },
  inflate: inflateLimited,
};

/** The browser's own compressor where it has raw DEFLATE, fflate otherwise. */
export function defaultCodec(): Codec {
  return supportsNativeDeflateRaw() ? nativeCodec : fflateCodec;
}

// ---------------------------------------------------------------------------------------------
// base64url and CRC-32

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return undefined;
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

let crcTable: Uint32Array | undefined;

/** CRC-32 (IEEE) of a string's UTF-16 code units, as 8 hex digits; the fragment is ASCII. */
export function crc32Hex(text: string): string {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < text.length; i++) {
    crc = (crcTable[(crc ^ text.charCodeAt(i)) & 0xff] ?? 0) ^ (crc >>> 8);
  }
  return ((crc ^ 0xffffffff) >>> 0).toString(16).padStart(8, '0');
}

// ---------------------------------------------------------------------------------------------
// The fragment

/**
 * `<prefix>1.<crc>.<data>` for any JSON (without the leading '#'): the rubric pack's link and the
 * school plan's (school/plan/plan-link.ts) are made and read by the same two functions.
 */
export async function encodeFragment(
  json: unknown,
  prefix: string,
  codec: Codec = defaultCodec(),
): Promise<string> {
  const compressed = await codec.deflate(new TextEncoder().encode(JSON.stringify(json)));
  const data = toBase64Url(compressed);
  return `${prefix}${LINK_VERSION}.${crc32Hex(data)}.${data}`;
}

/** What a link's reader says, in the words of the file it carries. */
export interface FragmentWords {
  /** The link carries no such file. */
  none: string;
  /** Cut, edited or not ours. */
  damaged: string;
  /** Longer than `maxChars`. */
  tooLong: string;
  /** Inflates past `maxBytes`. */
  tooBig: string;
}

/**
 * The text a fragment made by {@link encodeFragment} carries, checked (prefix, version, CRC,
 * size before and after inflating) but not yet read as its file. Any text at all; never rejects.
 */
export async function readFragment(
  hash: string,
  format: { prefix: string; maxChars: number; maxBytes: number; words: FragmentWords },
  codec?: Codec,
): Promise<{ ok: true; text: string } | { ok: false; error: string }> {
  const { prefix, words } = format;
  try {
    if (typeof hash !== 'string') return { ok: false, error: words.damaged };
    const fragment = hash.replace(/^#/, '');
    if (fragment.length > format.maxChars) return { ok: false, error: words.tooLong };
    if (!fragment.startsWith(prefix)) return { ok: false, error: words.none };
    const [version, check, data, ...rest] = fragment.slice(prefix.length).split('.');
    if (version !== undefined && /^\d+$/.test(version) && Number(version) > Number(LINK_VERSION)) {
      return { ok: false, error: '这个链接来自更新版本的微能力手册，当前版本无法读取。请更新手册后再打开。' };
    }
    if (version !== LINK_VERSION || check === undefined || data === undefined || rest.length > 0) {
      return { ok: false, error: words.damaged };
    }
    if (crc32Hex(data) !== check.toLowerCase()) return { ok: false, error: words.damaged };
    const bytes = fromBase64Url(data);
    if (!bytes) return { ok: false, error: words.damaged };
    let inflated: Uint8Array;
    try {
      inflated = await (codec ?? defaultCodec()).inflate(bytes, format.maxBytes);
    } catch (error) {
      return { ok: false, error: error instanceof TooLarge ? words.tooBig : words.damaged };
    }
    const text = decodeFileText(inflated);
    return text === undefined ? { ok: false, error: words.damaged } : { ok: true, text };
  } catch {
    return { ok: false, error: words.damaged };
  }
}

/** `rubrics=1.<crc>.<data>`, without the leading '#'. */
export async function encodeShareFragment(pack: RubricPack, codec: Codec = defaultCodec()): Promise<string> {
  return encodeFragment(pack, LINK_PREFIX, codec);
}

/** The page address with the pack in its fragment. */
export async function shareUrl(pageUrl: string, pack: RubricPack, codec?: Codec): Promise<string> {
  return `${pageUrl.replace(/#.*$/, '')}#${await encodeShareFragment(pack, codec)}`;
}

const DAMAGED = '链接不完整或被改动过，无法读取评价标准。请向发链接的同事重新复制完整的链接。';

const RUBRIC_LINK = {
  prefix: LINK_PREFIX,
  maxChars: MAX_FRAGMENT_CHARS,
  maxBytes: MAX_RUBRIC_FILE_BYTES,
  words: {
    none: '这个链接里没有评价标准。',
    damaged: DAMAGED,
    tooLong: '链接过长，不是微能力手册生成的评价标准链接。',
    tooBig: '链接中的评价标准超过 1 MB，不能打开。',
  },
};

/** Reads a fragment (with or without '#'); any text at all. Never rejects. */
export async function decodeShareFragment(hash: string, codec?: Codec): Promise<PackResult> {
  const read = await readFragment(hash, RUBRIC_LINK, codec);
  if (!read.ok) return read;
  const result = importPackText(read.text);
  return result.ok
    ? result
    : { ok: false, error: result.error.replace(/^评价标准文件无效/, '链接中的评价标准无效') };
}
