/**
 * A schema (or a shape of schemas) built the first time it is used rather than when its module
 * loads.
 *
 * Why: zod makes every schema object eagerly, and the site's file formats are a few hundred of
 * them. Built at load, they were a third of the self-check wizard's script time on a first visit
 * (issue 23: total blocking time), although a first visit reads no file and no stored draft. Made
 * lazily, a page builds only the schemas of the files it actually reads, when it reads them.
 *
 * The value stands in for the built one in every way zod and callers use it: property reads,
 * method calls, `in`, `instanceof` (zod's checks read `_zod.traits`), composition into other
 * schemas, and TypeScript's type (z.infer sees the same type). Building runs once.
 */
let builtCount = 0;

/** How many lazy schemas have been built so far in this page (tests: loading a module builds none). */
export const lazySchemasBuilt = (): number => builtCount;

export function lazySchema<T extends object>(build: () => T): T {
  let built: T | undefined;
  const real = (): T => {
    if (built === undefined) {
      built = build();
      builtCount += 1;
    }
    return built;
  };
  return new Proxy({} as T, {
    get: (_, key) => {
      const target = real();
      return Reflect.get(target, key, target) as unknown;
    },
    set: (_, key, value) => Reflect.set(real(), key, value),
    has: (_, key) => Reflect.has(real(), key),
    ownKeys: () => Reflect.ownKeys(real()),
    getOwnPropertyDescriptor: (_, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(real(), key);
      // A proxy may not report a property as fixed that its own (empty) target lacks.
      return descriptor && { ...descriptor, configurable: true };
    },
    getPrototypeOf: () => Reflect.getPrototypeOf(real()),
  });
}
