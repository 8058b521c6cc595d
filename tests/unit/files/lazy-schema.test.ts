/**
 * A lazy schema is built on first use and then behaves as the schema itself; loading the site's
 * modules builds none (the wizard's first visit reads no file, so it pays for no schema).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { lazySchema, lazySchemasBuilt } from '../../../src/lib/files/lazy-schema';

const makeItem = () =>
  z
    .object({
      id: z
        .string()
        .max(10, 'id 太长')
        .regex(/^[a-z]+$/),
      count: z.number().int().positive().optional(),
      tags: z.array(z.enum(['甲', '乙'])).max(3),
    })
    .strict();

describe('lazySchema', () => {
  it('builds nothing until used, then builds once', () => {
    let builds = 0;
    const schema = lazySchema(() => {
      builds += 1;
      return makeItem();
    });
    expect(builds).toBe(0);
    expect(schema.safeParse({ id: 'a', tags: [] }).success).toBe(true);
    expect(schema.safeParse({ id: 'B', tags: [] }).success).toBe(false);
    void schema.shape.id;
    expect(builds).toBe(1);
  });

  it('parses every value exactly as the schema it stands for, alone and inside other schemas', () => {
    const eager = makeItem();
    const lazy = lazySchema(makeItem);
    const eagerList = z.object({ items: z.array(eager).max(4) });
    const lazyList = lazySchema(() => z.object({ items: z.array(lazy).max(4) }));
    const value = fc.oneof(
      fc.anything(),
      fc.record(
        {
          id: fc.oneof(fc.string(), fc.stringMatching(/^[a-z]{1,12}$/)),
          count: fc.oneof(fc.integer(), fc.double()),
          tags: fc.array(fc.constantFrom('甲', '乙', '丙'), { maxLength: 4 }),
          extra: fc.string(),
        },
        { requiredKeys: [] },
      ),
    );
    fc.assert(
      fc.property(value, (v) => {
        expect(lazy.safeParse(v)).toEqual(eager.safeParse(v));
        expect(lazyList.safeParse({ items: [v, v] })).toEqual(eagerList.safeParse({ items: [v, v] }));
      }),
    );
  });

  it('is recognised as the kind of schema it is, and can be extended, spread and inspected', () => {
    const lazy = lazySchema(makeItem);
    expect(lazy instanceof z.ZodObject).toBe(true);
    expect(lazy instanceof z.ZodString).toBe(false);
    expect('shape' in lazy).toBe(true);
    const longer = lazy.extend({ note: z.string() });
    expect(longer.safeParse({ id: 'a', tags: [], note: '好' }).success).toBe(true);
    const shape = lazySchema(() => ({ a: z.string(), b: z.number() }));
    expect(Object.keys(shape)).toEqual(['a', 'b']);
    expect(z.object({ ...shape }).safeParse({ a: 'x', b: 1 }).success).toBe(true);
    expect(z.object(shape).safeParse({ a: 'x', b: 'y' }).success).toBe(false);
  });

  it('none of the site’s modules builds a schema as it loads', async () => {
    const before = lazySchemasBuilt();
    const modules = import.meta.glob('../../../src/lib/**/*.ts');
    expect(Object.keys(modules).length).toBeGreaterThan(50);
    for (const load of Object.values(modules)) await load();
    expect(lazySchemasBuilt()).toBe(before);
  });
});
