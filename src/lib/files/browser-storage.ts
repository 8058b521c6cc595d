/** window.localStorage, or undefined where reading it is impossible or throws (blocked storage). */
export function browserStorage(): Storage | undefined {
  try {
    const storage = globalThis.localStorage;
    return storage && typeof storage.getItem === 'function' ? storage : undefined;
  } catch {
    return undefined;
  }
}
