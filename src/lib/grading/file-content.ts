/**
 * What a picked evidence file really holds, told from its first bytes rather than its name: a
 * photo renamed 课堂实录.mp4 is reported by the browser as video/mp4 (the type comes from the
 * extension), and would pass as a video once the teacher typed its minutes. Only formats with a
 * fixed signature are recognised; anything else keeps the type its name gives.
 */

/** Enough of the head for every signature below. */
export const SNIFF_BYTES = 16;

export type ContentKind =
  | 'empty'
  | 'video'
  | 'audio'
  /** A container that may hold video or only sound (MP4, WebM/Matroska, Ogg, WMV). */
  | 'media'
  | 'image'
  | 'document'
  | 'unknown';

export interface Sniffed {
  kind: ContentKind;
  /** The MIME type the content has, when recognised. */
  mime?: string;
  /** How a teacher would name the format. */
  label?: string;
}

const ascii = (bytes: Uint8Array, from: number, length: number): string =>
  String.fromCharCode(...bytes.subarray(from, from + length));

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0): boolean =>
  bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);

const sniffed = (kind: ContentKind, mime: string, label: string): Sniffed => ({ kind, mime, label });

/** ISO base media (MP4, MOV, M4A, HEIC): the brand after "ftyp" says which. */
function sniffFtyp(head: Uint8Array): Sniffed {
  const brand = ascii(head, 8, 4);
  if (/^M4[ABP] $/.test(brand)) return sniffed('audio', 'audio/mp4', 'M4A 音频');
  if (brand === 'qt  ') return sniffed('media', 'video/quicktime', 'MOV 视频');
  if (/^(heic|heix|mif1|msf1|avif)$/.test(brand)) return sniffed('image', 'image/heic', 'HEIC/AVIF 图片');
  return sniffed('media', 'video/mp4', 'MP4 视频');
}

/** RIFF holds AVI video, WAV sound or a WebP picture; the form type at byte 8 says which. */
function sniffRiff(head: Uint8Array): Sniffed {
  const form = ascii(head, 8, 4);
  if (form === 'AVI ') return sniffed('video', 'video/x-msvideo', 'AVI 视频');
  if (form === 'WAVE') return sniffed('audio', 'audio/wav', 'WAV 音频');
  if (form === 'WEBP') return sniffed('image', 'image/webp', 'WebP 图片');
  return { kind: 'unknown' };
}

/** The kind of content from the file's first bytes (at least SNIFF_BYTES of them when it has them). */
export function sniffContent(head: Uint8Array, size: number = head.length): Sniffed {
  if (size === 0) return { kind: 'empty' };
  if (ascii(head, 4, 4) === 'ftyp') return sniffFtyp(head);
  if (ascii(head, 0, 4) === 'RIFF') return sniffRiff(head);
  if (startsWith(head, [0x1a, 0x45, 0xdf, 0xa3])) return sniffed('media', 'video/webm', 'WebM/MKV 视频');
  if (startsWith(head, [0x30, 0x26, 0xb2, 0x75, 0x8e, 0x66, 0xcf, 0x11]))
    return sniffed('media', 'video/x-ms-wmv', 'WMV 视频');
  if (ascii(head, 0, 3) === 'FLV') return sniffed('video', 'video/x-flv', 'FLV 视频');
  if (ascii(head, 0, 4) === 'OggS') return sniffed('media', 'audio/ogg', 'Ogg 音视频');
  if (ascii(head, 0, 4) === 'fLaC') return sniffed('audio', 'audio/flac', 'FLAC 音频');
  if (ascii(head, 0, 3) === 'ID3') return sniffed('audio', 'audio/mpeg', 'MP3 音频');
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return sniffed('image', 'image/png', 'PNG 图片');
  if (startsWith(head, [0xff, 0xd8, 0xff])) return sniffed('image', 'image/jpeg', 'JPEG 图片');
  if (ascii(head, 0, 4) === 'GIF8') return sniffed('image', 'image/gif', 'GIF 图片');
  // An MPEG audio frame (MP3 without a tag, AAC in ADTS): eleven set sync bits. After JPEG, whose
  // FF D8 does not have them.
  if (head.length >= 2 && head[0] === 0xff && ((head[1] ?? 0) & 0xe0) === 0xe0)
    return sniffed('audio', 'audio/mpeg', 'MP3 音频');
  if (ascii(head, 0, 5) === '%PDF-') return sniffed('document', 'application/pdf', 'PDF 文档');
  // Word, Excel and PowerPoint files since 2007 are ZIP archives; before that, OLE compound files.
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]))
    return sniffed('document', 'application/zip', 'Word/Excel/PPT 文档或 ZIP 压缩包');
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))
    return sniffed('document', 'application/x-ole-storage', 'Word/Excel/PPT 文档（旧格式）');
  return { kind: 'unknown' };
}

type Category = 'video' | 'audio' | 'image' | 'other' | '';

function categoryOf(mime: string): Category {
  const top = mime.trim().toLowerCase().split('/')[0] ?? '';
  if (top === 'video' || top === 'audio' || top === 'image') return top;
  return top === '' ? '' : 'other';
}

const CATEGORY_WORD: Record<string, string> = { video: '视频', audio: '音频', image: '图片' };

/** Does content of this kind fit what the name (its MIME type) promised? */
function fits(declared: Category, kind: ContentKind): boolean {
  if (declared === 'video' || declared === 'audio')
    return kind === 'video' || kind === 'audio' || kind === 'media';
  if (declared === 'image') return kind === 'image';
  // A document or an unrecognised type promises nothing a sniff could contradict.
  return true;
}

/** The longest name the self-check keeps (file systems allow 255; the draft's schema too). */
export const MAX_FILE_NAME = 255;

export interface PickedFacts {
  /** The MIME type to record: the content's own when it contradicts the name. */
  type: string;
  /** Plain Chinese for the teacher, one sentence each; empty when all is well. */
  notes: string[];
}

/**
 * What to record about a picked file and what to tell the teacher: an empty file, content that is
 * not what its extension says (recorded as what it is, so the one grading rule finds the wrong
 * form), a name the self-check must shorten.
 */
export function pickedFileFacts(
  file: { name: string; type: string; size: number },
  content: Sniffed,
): PickedFacts {
  const notes: string[] = [];
  let type = file.type;
  const declared = categoryOf(file.type);
  if (content.kind === 'empty') {
    notes.push(`“${file.name}”是空文件（0 字节），没有内容，请重新选择要提交的文件。`);
  } else if (content.mime !== undefined && content.kind !== 'unknown') {
    if (declared === '') {
      type = content.mime;
    } else if (!fits(declared, content.kind)) {
      type = content.mime;
      notes.push(
        `“${file.name}”的内容是${content.label ?? '其他格式'}，不是${CATEGORY_WORD[declared] ?? declared}（可能只是改了扩展名），按实际内容核对形式。`,
      );
    }
  }
  // Counted as the draft's schema counts (UTF-16 units), so the note and the cut agree.
  const length = file.name.length;
  if (length > MAX_FILE_NAME) {
    notes.push(
      `文件名有 ${length} 个字符，超过 ${MAX_FILE_NAME} 个，自评中只记下前 ${MAX_FILE_NAME} 个字符；提交平台前最好把文件名改短。`,
    );
  }
  return { type, notes };
}
