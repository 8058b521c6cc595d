/**
 * Reads what the self-check needs from a local file — type, size, duration of audio/video and
 * SHA-256 — entirely inside the browser. Nothing is uploaded.
 */
import { evidenceFileOf } from '../../lib/draft';
import { sha256Hex } from '../../lib/file-hash';
import type { EvidenceFile } from '../../lib/grading';

function mediaDuration(file: File): Promise<number | undefined> {
  if (!/^(audio|video)\//.test(file.type)) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const media = document.createElement(file.type.startsWith('audio') ? 'audio' : 'video');
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

async function sha256(file: File, onProgress?: (bytesDone: number) => void): Promise<string | undefined> {
  try {
    return await sha256Hex(file, { subtle: globalThis.crypto?.subtle, onProgress });
  } catch {
    // A file that cannot be read (moved, or on a disconnected drive) keeps its other facts.
    return undefined;
  }
}

export async function readFileMetadata(
  file: File,
  onProgress?: (bytesDone: number) => void,
): Promise<EvidenceFile> {
  const [durationSeconds, hash] = await Promise.all([mediaDuration(file), sha256(file, onProgress)]);
  return evidenceFileOf({ name: file.name, type: file.type, size: file.size, durationSeconds, sha256: hash });
}
