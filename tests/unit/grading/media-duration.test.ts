import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  disagreementNote,
  durationsFromMoov,
  readMp4Durations,
  reconcileDurations,
} from '../../../src/lib/grading/media-duration';
import { mp4Bytes, rangeOf } from '../../support/mp4-boxes';

describe('readMp4Durations', () => {
  it('reads the movie header and every track, moov first or after the media', async () => {
    for (const mdatBytes of [undefined, 4096]) {
      for (const version of [0, 1] as const) {
        const file = mp4Bytes({ movieSeconds: 60, trackSeconds: [720, 719.5], version, mdatBytes });
        const read = await readMp4Durations(rangeOf(file), file.length);
        expect(read?.movie).toBeCloseTo(60, 3);
        expect(read?.tracks.map((t) => Math.round(t * 10) / 10)).toEqual([720, 719.5]);
      }
    }
  });

  it('is not an MP4: nothing to read', async () => {
    const webm = new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(await readMp4Durations(rangeOf(webm), webm.length)).toBeUndefined();
  });

  it('never throws on damaged or cut boxes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ minLength: 0, maxLength: 200 }),
        fc.nat({ max: 199 }),
        async (noise, cut) => {
          const good = mp4Bytes({ movieSeconds: 60, trackSeconds: [720] });
          // A real ftyp, then the boxes cut anywhere and followed by noise.
          const file = new Uint8Array([...good.subarray(0, Math.max(12, cut)), ...noise]);
          const result = await readMp4Durations(rangeOf(file), file.length);
          if (result) for (const s of [result.movie ?? 1, ...result.tracks]) expect(s).toBeGreaterThan(0);
          expect(() => durationsFromMoov(noise)).not.toThrow();
        },
      ),
    );
  });
});

describe('reconcileDurations', () => {
  it('a header claiming 60 s over 12-minute tracks: judged on the 12 minutes, and said', () => {
    const verdict = reconcileDurations(60, { movie: 60, tracks: [720] });
    expect(verdict).toEqual({ durationSeconds: 720, disagreement: { shortest: 60, longest: 720 } });
    expect(disagreementNote('课例.mp4', { shortest: 60, longest: 720 })).toBe(
      '“课例.mp4”文件里记的时长不一致（短的 1 分 0 秒，长的 12 分 0 秒），播放时以长的为准，按 12 分 0 秒 核对时长上限。',
    );
  });

  it('readings that agree within rounding raise nothing', () => {
    expect(reconcileDurations(540.02, { movie: 540, tracks: [539.9, 540.04] })).toEqual({
      durationSeconds: 540.04,
    });
    expect(reconcileDurations(undefined, undefined)).toEqual({});
    expect(reconcileDurations(90, undefined)).toEqual({ durationSeconds: 90 });
  });

  it('never judges on less than the longest reading', () => {
    fc.assert(
      fc.property(
        fc.option(fc.double({ min: 0.1, max: 10_000, noNaN: true }), { nil: undefined }),
        fc.array(fc.double({ min: 0.1, max: 10_000, noNaN: true }), { maxLength: 4 }),
        (browser, tracks) => {
          const verdict = reconcileDurations(browser, { tracks });
          const all = [...(browser === undefined ? [] : [browser]), ...tracks];
          if (all.length === 0) expect(verdict.durationSeconds).toBeUndefined();
          else expect(verdict.durationSeconds).toBe(Math.max(...all));
        },
      ),
    );
  });
});
