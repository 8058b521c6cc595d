/**
 * An MP4/MOV file states its length twice: once for the whole movie (mvhd) and once per track
 * (tkhd, and mdhd in the track's own time units). A file whose movie header claims 60 s while its
 * tracks run 12 minutes plays for 12 minutes, yet a browser may report the 60 s, and the 10-minute
 * limit would pass. This reads both, without reading the media itself: only the box headers at the
 * top level and the moov box are fetched.
 */

import { formatDuration } from './grading';

/** Reads bytes [start, end) of the file (fewer at its end). */
export type ReadRange = (start: number, end: number) => Promise<Uint8Array>;

export interface Mp4Durations {
  /** The movie header's duration, in seconds. */
  movie?: number;
  /** Each track's duration, in seconds. */
  tracks: number[];
}

/** A moov bigger than this is not a phone's or a camera's: not worth reading into memory. */
const MAX_MOOV = 32 * 1024 * 1024;
/** All ones: "duration unknown" in every version of these boxes. */
const UNKNOWN32 = 0xffffffff;

interface Box {
  type: string;
  /** Where the box's content starts and ends, within the buffer it was found in. */
  start: number;
  end: number;
}

function boxesIn(bytes: Uint8Array, from: number, to: number): Box[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const boxes: Box[] = [];
  let at = from;
  while (at + 8 <= to) {
    let size = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    let header = 8;
    if (size === 1) {
      if (at + 16 > to) break;
      size = Number(view.getBigUint64(at + 8));
      header = 16;
    } else if (size === 0) {
      size = to - at;
    }
    if (size < header || at + size > to) break;
    boxes.push({ type, start: at + header, end: at + size });
    at += size;
  }
  return boxes;
}

const child = (bytes: Uint8Array, box: Box, type: string): Box | undefined =>
  boxesIn(bytes, box.start, box.end).find((b) => b.type === type);

/** mvhd and mdhd: version, flags, two dates (4 or 8 bytes), timescale, duration (4 or 8 bytes). */
function timescaleAndDuration(bytes: Uint8Array, box: Box): { timescale: number; duration?: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const v1 = bytes[box.start] === 1;
  const at = box.start + 4 + (v1 ? 16 : 8);
  if (at + (v1 ? 12 : 8) > box.end) return { timescale: 0 };
  const timescale = view.getUint32(at);
  const duration = v1 ? Number(view.getBigUint64(at + 4)) : view.getUint32(at + 4);
  const unknown = v1
    ? view.getUint32(at + 4) === UNKNOWN32 && view.getUint32(at + 8) === UNKNOWN32
    : duration === UNKNOWN32;
  return unknown ? { timescale } : { timescale, duration };
}

/** tkhd: version, flags, two dates, track id, 4 reserved bytes, then the duration in the movie's timescale. */
function trackHeaderDuration(bytes: Uint8Array, box: Box): number | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const v1 = bytes[box.start] === 1;
  const at = box.start + 4 + (v1 ? 16 : 8) + 8;
  if (at + (v1 ? 8 : 4) > box.end) return undefined;
  const duration = v1 ? Number(view.getBigUint64(at)) : view.getUint32(at);
  return !v1 && duration === UNKNOWN32 ? undefined : duration;
}

const seconds = (duration: number | undefined, timescale: number): number | undefined =>
  duration !== undefined && duration > 0 && timescale > 0 ? duration / timescale : undefined;

/** The movie's and the tracks' durations from the bytes of a moov box (its content). */
export function durationsFromMoov(moov: Uint8Array): Mp4Durations {
  const all: Box = { type: 'moov', start: 0, end: moov.length };
  const mvhd = child(moov, all, 'mvhd');
  const movieScale = mvhd ? timescaleAndDuration(moov, mvhd) : { timescale: 0 };
  const result: Mp4Durations = { tracks: [] };
  const movie = seconds(movieScale.duration, movieScale.timescale);
  if (movie !== undefined) result.movie = movie;
  for (const trak of boxesIn(moov, 0, moov.length).filter((b) => b.type === 'trak')) {
    const mdia = child(moov, trak, 'mdia');
    const mdhd = mdia ? child(moov, mdia, 'mdhd') : undefined;
    const media = mdhd ? timescaleAndDuration(moov, mdhd) : undefined;
    const tkhd = child(moov, trak, 'tkhd');
    const track =
      (media && seconds(media.duration, media.timescale)) ??
      (tkhd ? seconds(trackHeaderDuration(moov, tkhd), movieScale.timescale) : undefined);
    if (track !== undefined) result.tracks.push(track);
  }
  return result;
}

/** Finds the moov box among the file's top-level boxes (it may come last) and reads its durations. */
export async function readMp4Durations(read: ReadRange, size: number): Promise<Mp4Durations | undefined> {
  let at = 0;
  const head = await read(0, 12);
  if (String.fromCharCode(...head.subarray(4, 8)) !== 'ftyp') return undefined;
  // A file of a few thousand boxes is already odd; the loop stays bounded whatever the bytes say.
  for (let guard = 0; guard < 4096 && at + 8 <= size; guard++) {
    const header = await read(at, at + 16);
    if (header.length < 8) return undefined;
    const view = new DataView(header.buffer, header.byteOffset, header.byteLength);
    let boxSize = view.getUint32(0);
    const type = String.fromCharCode(...header.subarray(4, 8));
    let headerSize = 8;
    if (boxSize === 1) {
      if (header.length < 16) return undefined;
      boxSize = Number(view.getBigUint64(8));
      headerSize = 16;
    } else if (boxSize === 0) {
      boxSize = size - at;
    }
    if (boxSize < headerSize) return undefined;
    if (type === 'moov') {
      if (boxSize > MAX_MOOV) return undefined;
      return durationsFromMoov(await read(at + headerSize, at + boxSize));
    }
    at += boxSize;
  }
  return undefined;
}

/** Two readings further apart than this (and than 2 s) are taken to disagree. */
const TOLERANCE = 0.05;

export interface DurationVerdict {
  /** The duration the limit is judged on. */
  durationSeconds?: number;
  /** Set when the readings disagree: the shortest and the longest, in seconds. */
  disagreement?: { shortest: number; longest: number };
}

/**
 * One duration from every reading (the browser's, the movie header's, each track's). When they
 * disagree, the longest counts: the platform's player plays the tracks to their end, so the
 * longest is what a reviewer sits through; judging on a shorter claim would let an over-long
 * video pass here and be rejected there, after the deadline. The teacher is told either way.
 */
export function reconcileDurations(
  browser: number | undefined,
  mp4: Mp4Durations | undefined,
): DurationVerdict {
  const readings = [browser, mp4?.movie, ...(mp4?.tracks ?? [])].filter(
    (s): s is number => s !== undefined && Number.isFinite(s) && s > 0,
  );
  if (readings.length === 0) return {};
  const longest = Math.max(...readings);
  const shortest = Math.min(...readings);
  const apart = longest - shortest > Math.max(2, longest * TOLERANCE);
  return apart
    ? { durationSeconds: longest, disagreement: { shortest, longest } }
    : { durationSeconds: longest };
}

/** What the teacher reads when a file's durations disagree. */
export function disagreementNote(
  name: string,
  { shortest, longest }: { shortest: number; longest: number },
): string {
  return `“${name}”文件里记的时长不一致（短的 ${formatDuration(shortest)}，长的 ${formatDuration(longest)}），播放时以长的为准，按 ${formatDuration(longest)} 核对时长上限。`;
}
