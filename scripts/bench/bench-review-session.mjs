#!/usr/bin/env node
/**
 * What the two-tab check costs the reviewer's autosave on /review/: a save now reads the stored
 * session and parses it for its revision (review-session.ts revisionOf) before writing. Prints,
 * for sessions of 1, 20 and 60 teachers (60 is MAX_SESSION_TEACHERS), the stored size and the
 * median of 15 runs of: writing the text (sessionText), reading its revision, and a whole
 * compare-and-set save in a memory store. In Node (the site's own code bundled with esbuild),
 * so it leaves out IndexedDB's own time, which the save paid before the check too.
 *
 *   node scripts/bench/bench-review-session.mjs
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const dir = mkdtempSync(join(tmpdir(), 'bench-review-session-'));
const entry = join(dir, 'entry.ts');
writeFileSync(
  entry,
  [
    `export * from ${JSON.stringify(resolve('src/lib/review/review-session.ts'))};`,
    `export { memoryStore } from ${JSON.stringify(resolve('src/lib/files/text-store.ts'))};`,
    `export { teacherDraft } from ${JSON.stringify(resolve('tests/support/teacher-draft.ts'))};`,
  ].join('\n'),
);
const out = join(dir, 'bundle.mjs');
await build({
  entryPoints: [entry],
  bundle: true,
  platform: 'node',
  format: 'esm',
  outfile: out,
  logLevel: 'error',
});
const lib = await import(pathToFileURL(out).href);
rmSync(dir, { recursive: true, force: true });

/** A session of `n` teachers, each with every 合格 box of the case video ticked and a comment. */
function session(n) {
  let s = { ...lib.emptySession(), reviewer: { name: '李老师', role: '数学教研组长' } };
  for (let i = 0; i < n; i++) {
    const d = lib.teacherDraft();
    const draft = { ...d, id: `0f8e6c2a-1b3d-4e5f-8a9b-${String(i).padStart(12, '0')}` };
    s = lib.addTeacher(s, draft, `教师${i}.json`).session;
    s = lib.updateTeacher(s, draft.id, {
      inputs: {
        C5: {
          comment: '整体达到合格，建议补充数据来源。'.repeat(4),
          items: {
            'case-video': { excellent: [0, 1], pass: [0, 1, 2, 3, 4], comment: '过程完整。'.repeat(10) },
          },
        },
      },
    });
  }
  return s;
}

async function median(run) {
  const times = [];
  for (let i = 0; i < 15; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[7].toFixed(2);
}

const noLock = (work) => work();
console.log(
  'review session: teachers | stored KB | sessionText ms | revisionOf ms | checked save ms (median of 15)',
);
for (const n of [1, 20, 60]) {
  const s = session(n);
  const text = lib.sessionText(s);
  const store = lib.memoryStore();
  let revision = (await lib.saveReviewSession(store, s, undefined, { lock: noLock })).revision;
  const write = await median(() => lib.sessionText(s));
  const read = await median(() => lib.revisionOf(text));
  const save = await median(async () => {
    const saved = await lib.saveReviewSession(store, s, revision, { lock: noLock });
    if (saved.status !== 'saved') throw new Error(saved.status);
    revision = saved.revision;
  });
  console.log(`  ${n} | ${(Buffer.byteLength(text) / 1024).toFixed(0)} | ${write} | ${read} | ${save}`);
}
