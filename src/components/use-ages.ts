/**
 * The age of each state a page has shown: states are replaced, never changed, so their order of
 * first sight is their age. A page that writes closing copies (lib/files/closing-copy) knows each
 * copy by the age of the state it holds, so a finished save drops only copies it has overtaken.
 */
import { useRef } from 'react';

export function useAges<T extends object>(): (state: T) => number {
  const ages = useRef({ seen: new WeakMap<T, number>(), count: 0 });
  return (state) => {
    const known = ages.current.seen.get(state);
    if (known !== undefined) return known;
    ages.current.count += 1;
    ages.current.seen.set(state, ages.current.count);
    return ages.current.count;
  };
}
