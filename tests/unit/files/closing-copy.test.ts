/**
 * The closing copy: written at once, read back only when whole, dropped only when it is this
 * page's, and settled by comparing stamps.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_CLOSING_COPY_CHARS,
  closingCopyFate,
  dropClosingCopy,
  readClosingCopy,
  writeClosingCopy,
} from '../../../src/lib/files/closing-copy';
import { MemoryStorage } from '../../support/memory-storage';

const AT = new Date('2026-12-07T08:00:00.000Z');

describe('the closing copy', () => {
  it('reads back as written', () => {
    const storage = new MemoryStorage();
    expect(
      writeClosingCopy(storage, 'k', { text: '文本', basedOn: ['r1', undefined], writtenAs: 'r2', at: AT }),
    ).toBe(true);
    expect(readClosingCopy(storage, 'k')).toEqual({
      text: '文本',
      basedOn: ['r1', null],
      writtenAs: 'r2',
      at: AT.toISOString(),
    });
    expect(readClosingCopy(storage, 'other')).toBeUndefined();
  });

  it('is not attempted when too large, and a refusing browser is no error', () => {
    const storage = new MemoryStorage();
    const big = 'x'.repeat(MAX_CLOSING_COPY_CHARS + 1);
    expect(writeClosingCopy(storage, 'k', { text: big, basedOn: [], writtenAs: 'r', at: AT })).toBe(false);
    expect(storage.map.size).toBe(0);
    const full = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('quota', 'QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    expect(writeClosingCopy(full, 'k', { text: 't', basedOn: [], writtenAs: 'r', at: AT })).toBe(false);
    expect(writeClosingCopy(undefined, 'k', { text: 't', basedOn: [], writtenAs: 'r', at: AT })).toBe(false);
  });

  it('whatever the stored text, reading it never throws and returns a whole copy or nothing', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((v) => JSON.stringify(v)),
        ),
        (raw) => {
          const storage = new MemoryStorage({ 'weinengli.closing.k': raw });
          const copy = readClosingCopy(storage, 'k');
          if (copy) {
            expect(typeof copy.text).toBe('string');
            expect(typeof copy.writtenAs).toBe('string');
          }
        },
      ),
    );
  });

  it('is dropped only when the page says it is superseded, or unconditionally when not asked', () => {
    const storage = new MemoryStorage();
    writeClosingCopy(storage, 'k', { text: 't', basedOn: [], writtenAs: 'theirs', at: AT });
    dropClosingCopy(storage, 'k', (w) => w === 'mine');
    expect(readClosingCopy(storage, 'k')?.writtenAs).toBe('theirs');
    dropClosingCopy(storage, 'k', (w) => w === 'theirs');
    expect(readClosingCopy(storage, 'k')).toBeUndefined();
    writeClosingCopy(storage, 'k', { text: 't', basedOn: [], writtenAs: 'theirs', at: AT });
    dropClosingCopy(storage, 'k');
    expect(readClosingCopy(storage, 'k')).toBeUndefined();
  });
});

describe('its fate beside what the store holds', () => {
  const copy = { text: 't', basedOn: ['r1', 'r2', null], writtenAs: 'r3', at: AT.toISOString() };
  it('landed when the store holds what it was about to write', () => {
    expect(closingCopyFate(copy, 'r3')).toBe('landed');
  });
  it('newer when the store still holds what the page started from, nothing included', () => {
    expect(closingCopyFate(copy, 'r1')).toBe('newer');
    expect(closingCopyFate(copy, 'r2')).toBe('newer');
    expect(closingCopyFate(copy, undefined)).toBe('newer');
    expect(closingCopyFate({ ...copy, basedOn: ['r1'] }, undefined)).toBe('overtaken');
  });
  it('overtaken when another tab stored something else since', () => {
    expect(closingCopyFate(copy, 'other')).toBe('overtaken');
  });
});
