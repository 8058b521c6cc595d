/**
 * Reads what the self-check needs from a local file — what it really holds, size, duration of
 * audio/video and SHA-256 — entirely inside the browser. Nothing is uploaded.
 */
import { evidenceFileOf } from '../../lib/self-check/draft';
import { pickedFileFacts, sniffContent, SNIFF_BYTES, type Sniffed } from '../../lib/grading/file-content';
import { isAbort, prepareHashWorker, sha256Hex } from '../../lib/files/file-hash';
import type { EvidenceFile } from '../../lib/grading/grading';
import { disagreementNote, readMp4Durations, reconcileDurations } from '../../lib/grading/media-duration';

function mediaDuration(file: File, type: string): Promise<number | undefined> {
  if (!/^(audio|video)\//.test(type)) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const media = document.createElement(type.startsWith('audio') ? 'audio' : 'video');
    const url = URL.createObjectURL(file);
    const done = (value: number | undefined) => {
      clearTimeout(timer);
      URL.revokeObjectURL(url);
      media.removeAttribute('src');
      resolve(value);
    };
    const timer = setTimeout(() => done(undefined), 15_000);
    media.preload = 'metadata';
    media.onloadedmetadata = () => done(Number.isFinite(media.duration) ? media.duration : undefined);
    media.onerror = () => done(undefined);
    media.src = url;
  });
}

const bytesOf = async (file: File, start: number, end: number) =>
  new Uint8Array(await file.slice(start, end).arrayBuffer());

async function sniff(file: File): Promise<Sniffed> {
  try {
    return sniffContent(await bytesOf(file, 0, SNIFF_BYTES), file.size);
  } catch {
    return { kind: 'unknown' };
  }
}

/** The browser's reading and, for MP4/MOV, the file's own movie and track headers, reconciled. */
async function duration(file: File, type: string, content: Sniffed) {
  // An empty file has nothing to play: the browser would only log a failed request.
  if (content.kind === 'empty') return {};
  const [browser, mp4] = await Promise.all([
    mediaDuration(file, type),
    content.mime === 'video/mp4' || content.mime === 'video/quicktime' || content.mime === 'audio/mp4'
      ? readMp4Durations((start, end) => bytesOf(file, start, end), file.size).catch(() => undefined)
      : Promise.resolve(undefined),
  ]);
  return reconcileDurations(browser, mp4);
}

/** The file's SHA-256, or why there is none: it could not be read, or the teacher cancelled. */
async function sha256(
  file: File,
  onProgress: ((bytesDone: number) => void) | undefined,
  signal: AbortSignal | undefined,
): Promise<{ sha256?: string; cancelled?: true }> {
  try {
    return { sha256: await sha256Hex(file, { subtle: globalThis.crypto?.subtle, onProgress, signal }) };
  } catch (error) {
    // A file that cannot be read (moved, or on a disconnected drive) keeps its other facts.
    return isAbort(error) ? { cancelled: true } : {};
  }
}

/** Called once the readers are loaded: the hashing worker starts before the first file is picked. */
export const prepareReaders = prepareHashWorker;

export interface PickedFile {
  file: EvidenceFile;
  /** What the teacher should know about this file (empty, not what its name says, …). */
  notes: string[];
}

export async function readFileMetadata(
  file: File,
  onProgress?: (bytesDone: number) => void,
  /** 取消: the file is kept with its other facts and no SHA-256. */
  signal?: AbortSignal,
): Promise<PickedFile> {
  const content = await sniff(file);
  const facts = pickedFileFacts(file, content);
  const [verdict, hash] = await Promise.all([
    duration(file, facts.type, content),
    sha256(file, onProgress, signal),
  ]);
  const notes = [...facts.notes];
  if (verdict.disagreement) notes.push(disagreementNote(file.name, verdict.disagreement));
  if (hash.cancelled)
    notes.push(
      `已取消计算“${file.name}”的文件校验码：文件已选上，只是没有文件校验码（PDF 中写“未计算”）；需要时重新选择这个文件即可计算。`,
    );
  return {
    file: evidenceFileOf({
      name: file.name,
      type: facts.type,
      size: file.size,
      durationSeconds: verdict.durationSeconds,
      sha256: hash.sha256,
    }),
    notes,
  };
}
