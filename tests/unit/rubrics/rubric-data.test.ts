import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Rubric } from '../../../src/lib/grading/grading';
import {
  FETCH_FAILED,
  offeredRegions,
  pickOrigin,
  regionIndex,
  regionIndexFile,
  versionData,
  versionFile,
  versionsNeeded,
  type OfferedVersion,
} from '../../../src/lib/rubrics/rubric-data';
import {
  createRubricData,
  readRegionIndex,
  readVersionFile,
} from '../../../src/lib/rubrics/rubric-data-fetch';
import { regionalRubricFor, type RegionalRubric } from '../../../src/lib/rubrics/school-rubrics';

const CODES = ['A1', 'A5', 'B2', 'C5', 'C7'];
const REGIONS = ['hebei', 'baoding', 'xushui', 'jiangsu', 'r1'];

const rubric = (code: string, region: string): Rubric => ({
  code,
  name: `${code} 的名称`,
  origin: '手册',
  source: { title: `${region} 考核指南`, regionName: region, enteredBy: '', enteredAt: '' },
  alternativeGroups: [],
  items: [
    {
      id: 'clip',
      label: '1',
      name: '课堂实录',
      forms: ['视频'],
      required: true,
      graded: true,
      limits: { maxMinutes: 10 },
      criteria: { excellent: [`${region} 优`], pass: [`${region} 合`] },
    },
  ],
});

/** Regional entries as ability-options.ts makes them: at most one per region and code. */
const regionalArb = fc
  .uniqueArray(
    fc.record({
      code: fc.constantFrom(...CODES),
      region: fc.constantFrom(...REGIONS),
      under: fc.subarray(REGIONS),
      depth: fc.integer({ min: 1, max: 3 }),
      canGrade: fc.boolean(),
    }),
    { selector: (r) => `${r.region}:${r.code}`, maxLength: 20 },
  )
  .map((rows) =>
    rows.map((r): RegionalRubric => ({
      code: r.code,
      region: r.region,
      appliesTo: [...new Set([r.region, ...r.under])],
      depth: r.depth,
      rubric: rubric(r.code, r.region),
      canGrade: r.canGrade,
    })),
  );

/** What the browser reads back: the files as the build writes them, through JSON. */
const served = (regional: readonly RegionalRubric[]) => {
  const files = new Map<string, unknown>();
  for (const region of offeredRegions(regional))
    files.set(regionIndexFile(region), JSON.parse(JSON.stringify(regionIndex(regional, region, CODES))));
  for (const entry of regional) files.set(versionFile(entry), JSON.parse(JSON.stringify(versionData(entry))));
  return files;
};

describe('the regional rubrics as data files', () => {
  it('a teacher holding only the index and the files it names gets the version the whole list gave', async () => {
    await fc.assert(
      fc.asyncProperty(
        regionalArb,
        fc.constantFrom(...REGIONS),
        fc.subarray(CODES),
        async (regional, region, chosen) => {
          const files = served(regional);
          const fetched: string[] = [];
          const data = createRubricData('/handbook/data/rubrics/', (url) => {
            fetched.push(url);
            const file = files.get(url.replace('/handbook/data/rubrics/', ''));
            return file === undefined ? Promise.reject(new Error('404')) : Promise.resolve(file);
          });
          if (!offeredRegions(regional).includes(region)) {
            // No version applies to this region: the page says so, and nothing is fetched.
            for (const code of CODES) expect(regionalRubricFor(regional, code, region)).toBeUndefined();
            return;
          }
          const index = await data.index(region);
          if (!index.ok) throw new Error(index.error);
          const wanted = versionsNeeded(index.value, chosen);
          const versions = await data.versions(wanted);
          if (!versions.ok) throw new Error(versions.error);
          for (const code of CODES) {
            const whole = regionalRubricFor(regional, code, region);
            // The pick step knows from the index alone which version is offered and whether it grades.
            expect(index.value.abilities.find((a) => a.code === code)?.canGrade).toBe(whole?.canGrade);
            if (chosen.includes(code)) expect(regionalRubricFor(versions.value, code, region)).toEqual(whole);
          }
          // Only this region's index and the chosen abilities' versions, each once.
          expect(fetched).toEqual([
            `/handbook/data/rubrics/${regionIndexFile(region)}`,
            ...wanted.map((w) => `/handbook/data/rubrics/${w.file}`),
          ]);
          expect(wanted.every((w) => chosen.includes(w.code))).toBe(true);
        },
      ),
    );
  });

  it('names an index file for every region a version applies to, once each', () => {
    fc.assert(
      fc.property(regionalArb, (regional) => {
        const regions = offeredRegions(regional);
        expect(new Set(regions).size).toBe(regions.length);
        expect(new Set(regions)).toEqual(new Set(regional.flatMap((r) => r.appliesTo)));
      }),
    );
  });

  it('keeps any slug inside its own path segment', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (region, code) => {
        const file = versionFile({ region, code });
        expect(file.split('/')).toHaveLength(3);
        expect(decodeURIComponent(file.split('/')[1] ?? '')).toBe(region);
        expect(regionIndexFile(region).split('/')).toHaveLength(2);
      }),
    );
  });
});

describe('reading a data file back', () => {
  const entry: RegionalRubric = {
    code: 'A5',
    region: 'baoding',
    appliesTo: ['baoding', 'xushui'],
    depth: 2,
    rubric: rubric('A5', 'baoding'),
    canGrade: true,
  };
  const offered: OfferedVersion = { code: 'A5', file: versionFile(entry), canGrade: true };

  it('refuses an error page, another region, another format or version, in Chinese', () => {
    const index = JSON.parse(JSON.stringify(regionIndex([entry], 'xushui', ['A5'])));
    expect(readRegionIndex(index, 'xushui')).toEqual({ ok: true, value: index });
    for (const bad of [
      '<!doctype html><title>404</title>',
      null,
      { ...index, region: 'baoding' },
      { ...index, format: 'something-else' },
      { ...index, version: 2 },
      { ...index, abilities: [{ code: 'A5' }] },
    ]) {
      const read = readRegionIndex(bad, 'xushui');
      expect(read.ok).toBe(false);
      if (!read.ok) expect(read.error).toContain('请刷新页面');
    }
  });

  it('refuses a version file that is not the ability asked for, or has no rubric', () => {
    const file = JSON.parse(JSON.stringify(versionData(entry)));
    expect(readVersionFile(file, offered)).toEqual({ ok: true, value: entry });
    expect(readVersionFile(file, { ...offered, code: 'A6' }).ok).toBe(false);
    expect(readVersionFile({ ...file, entry: { ...file.entry, rubric: { code: 'A5' } } }, offered).ok).toBe(
      false,
    );
    expect(readVersionFile({ ...file, format: 'x' }, offered).ok).toBe(false);
  });
});

describe('fetching', () => {
  it('fetches each file once; a failed fetch says so in Chinese and is fetched again on 重试', async () => {
    const index = regionIndex(
      [
        {
          code: 'C5',
          region: 'hebei',
          appliesTo: ['hebei', 'baoding'],
          depth: 1,
          rubric: rubric('C5', 'hebei'),
          canGrade: true,
        },
      ],
      'baoding',
      CODES,
    );
    let online = false;
    const calls: string[] = [];
    const data = createRubricData('/data/rubrics/', (url) => {
      calls.push(url);
      return online
        ? Promise.resolve(JSON.parse(JSON.stringify(index)))
        : Promise.reject(new Error('offline'));
    });
    expect(await data.index('baoding')).toEqual({ ok: false, error: FETCH_FAILED });
    expect(FETCH_FAILED).toContain('您填写的内容都还在');
    online = true;
    expect((await data.index('baoding')).ok).toBe(true);
    expect((await data.index('baoding')).ok).toBe(true);
    expect(calls).toEqual(['/data/rubrics/regions/baoding.json', '/data/rubrics/regions/baoding.json']);
  });

  it('one failed version among several fails them all, so no ability is shown with half its data', async () => {
    const versions: OfferedVersion[] = [
      { code: 'A1', file: 'versions/hebei/A1.json', canGrade: true },
      { code: 'A5', file: 'versions/hebei/A5.json', canGrade: true },
    ];
    const data = createRubricData('/', (url) =>
      url.endsWith('A5.json')
        ? Promise.reject(new Error('offline'))
        : Promise.resolve(
            versionData({
              code: 'A1',
              canGrade: true,
              region: 'hebei',
              appliesTo: ['hebei'],
              depth: 1,
              rubric: rubric('A1', 'hebei'),
            }),
          ),
    );
    expect(await data.versions(versions)).toEqual({ ok: false, error: FETCH_FAILED });
    expect(await data.versions([])).toEqual({ ok: true, value: [] });
  });
});

describe('pickOrigin', () => {
  const custom = fc.option(
    fc.record({
      origin: fc.constantFrom('手册' as const, '教师录入' as const, '学校文件' as const),
      withSource: fc.boolean(),
    }),
    { nil: undefined },
  );
  const offeredArb = fc.option(fc.boolean(), { nil: undefined });

  it('says what the wizard said when every version was in the page', () => {
    fc.assert(
      fc.property(custom, offeredArb, fc.boolean(), (c, regionalCanGrade, nationalGradable) => {
        const own: Rubric | undefined = c && {
          ...rubric('A5', 'school'),
          origin: c.origin,
          source: c.withSource ? rubric('A5', 'school').source : undefined,
        };
        // The wizard's rule before the data files (SelfCheck's originOf), with every rubric at hand.
        const national = { ...rubric('A5', ''), source: undefined };
        const offered =
          regionalCanGrade === undefined
            ? { rubric: national, gradable: nationalGradable }
            : { rubric: rubric('A5', 'baoding'), gradable: regionalCanGrade };
        const inUse = own ?? (offered.gradable ? offered.rubric : undefined);
        const before =
          inUse && inUse.origin !== '手册'
            ? inUse.origin
            : inUse?.source
              ? '本地区版本'
              : !inUse && offered.rubric.source
                ? '本地区版本，需补全标准'
                : undefined;
        const version =
          regionalCanGrade === undefined
            ? undefined
            : { code: 'A5', file: 'versions/baoding/A5.json', canGrade: regionalCanGrade };
        expect(pickOrigin(own, version)).toBe(before);
      }),
    );
  });
});
