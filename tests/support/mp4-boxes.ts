/**
 * Builds the header boxes of an MP4 (ftyp, moov with mvhd and tracks) for tests of what the
 * self-check reads from a video: the durations the movie header and each track state can be set
 * apart, as in a file whose header was patched to claim 60 s while it plays 12 minutes.
 */

function box(type: string, ...content: Uint8Array[]): Uint8Array {
  const size = 8 + content.reduce((sum, c) => sum + c.length, 0);
  const out = new Uint8Array(size);
  new DataView(out.buffer).setUint32(0, size);
  out.set(
    [...type].map((c) => c.charCodeAt(0)),
    4,
  );
  let at = 8;
  for (const c of content) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Version, flags, two dates; then `fields` as 32-bit (version 0) or 64-bit (version 1) values where marked. */
function fullBox(type: string, version: 0 | 1, fields: { value: number; wide?: boolean }[]): Uint8Array {
  const size =
    4 + (version === 1 ? 16 : 8) + fields.reduce((s, f) => s + (f.wide && version === 1 ? 8 : 4), 0);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  out[0] = version;
  let at = 4 + (version === 1 ? 16 : 8);
  for (const f of fields) {
    if (f.wide && version === 1) {
      view.setBigUint64(at, BigInt(f.value));
      at += 8;
    } else {
      view.setUint32(at, f.value);
      at += 4;
    }
  }
  return box(type, out);
}

export interface Mp4Spec {
  /** The movie header's duration, in seconds. */
  movieSeconds: number;
  /** Each track's duration, in seconds. */
  trackSeconds: number[];
  version?: 0 | 1;
  /** Put moov after a media data box of this many bytes, as a camera writes it. */
  mdatBytes?: number | undefined;
  brand?: string;
}

export function mp4Bytes(spec: Mp4Spec): Uint8Array {
  const version = spec.version ?? 0;
  const movieScale = 1000;
  const mediaScale = 90_000;
  const ftyp = box('ftyp', new TextEncoder().encode(`${spec.brand ?? 'isom'}\0\0\x02\0isommp41`));
  const mvhd = fullBox('mvhd', version, [
    { value: movieScale },
    { value: Math.round(spec.movieSeconds * movieScale), wide: true },
  ]);
  const traks = spec.trackSeconds.map((s, i) =>
    box(
      'trak',
      fullBox('tkhd', version, [
        { value: i + 1 },
        { value: 0 },
        { value: Math.round(s * movieScale), wide: true },
      ]),
      box(
        'mdia',
        fullBox('mdhd', version, [{ value: mediaScale }, { value: Math.round(s * mediaScale), wide: true }]),
      ),
    ),
  );
  const moov = box('moov', mvhd, ...traks);
  const mdat = box('mdat', new Uint8Array(spec.mdatBytes ?? 0));
  const parts = spec.mdatBytes !== undefined ? [ftyp, mdat, moov] : [ftyp, moov];
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The reader's view of a byte array, as file-metadata.ts reads a File by slices. */
export const rangeOf = (bytes: Uint8Array) => (start: number, end: number) =>
  Promise.resolve(bytes.slice(start, Math.min(end, bytes.length)));
