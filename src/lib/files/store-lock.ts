/**
 * Runs a read-then-write of one stored text alone among this browser's tabs, so that two tabs'
 * checks and writes cannot interleave (the Web Locks API, one lock per stored key; where a
 * browser lacks it, the check still stands, with a window of a few milliseconds).
 */
export type StoreLock = <T>(work: () => Promise<T>) => Promise<T>;

/** The browser's lock named `name`, shared by every tab of this site. */
export function browserStoreLock(name: string): StoreLock {
  return (work) => {
    const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
    return locks ? locks.request(name, work) : work();
  };
}
