import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isInternalPath, normalizeBase, withBase } from '../../../src/lib/content/paths';

describe('normalizeBase', () => {
  it.each([
    [undefined, '/'],
    ['', '/'],
    ['/', '/'],
    ['handbook', '/handbook/'],
    ['/handbook', '/handbook/'],
    ['handbook/', '/handbook/'],
    ['//school/handbook//', '/school/handbook/'],
    [' /handbook/ ', '/handbook/'],
  ])('%j → %s', (raw, expected) => {
    expect(normalizeBase(raw)).toBe(expected);
  });
});

describe('withBase', () => {
  it('prefixes site paths with the base', () => {
    expect(withBase('/abilities/C5/', '/handbook/')).toBe('/handbook/abilities/C5/');
    expect(withBase('/', '/handbook/')).toBe('/handbook/');
    expect(withBase('/glossary/#cio', '/handbook')).toBe('/handbook/glossary/#cio');
  });

  it('leaves external links, fragments, relative and protocol-relative URLs alone', () => {
    for (const href of ['https://example.org/x', '#top', 'mailto:a@b.c', '../up/', '//cdn.example/x.js']) {
      expect(withBase(href, '/handbook/')).toBe(href);
    }
  });

  it('changes nothing at the root base', () => {
    expect(withBase('/abilities/', '/')).toBe('/abilities/');
  });

  it('never adds the base twice, and every internal result stays under the base', () => {
    const segment = fc.stringMatching(/^[a-z0-9-]{1,8}$/);
    fc.assert(
      fc.property(segment, fc.array(segment, { maxLength: 4 }), (baseName, parts) => {
        const base = `/${baseName}/`;
        const path = `/${parts.join('/')}`;
        const once = withBase(path, base);
        expect(withBase(once, base)).toBe(once);
        expect(once.startsWith(base) || once === base.slice(0, -1)).toBe(true);
      }),
    );
  });
});

describe('isInternalPath', () => {
  it('is true only for root-relative paths', () => {
    expect(isInternalPath('/a/')).toBe(true);
    expect(isInternalPath('//host/a')).toBe(false);
    expect(isInternalPath('a/')).toBe(false);
    expect(isInternalPath('https://x/')).toBe(false);
  });
});
