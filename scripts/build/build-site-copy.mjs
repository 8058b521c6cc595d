/**
 * Builds the site from other content into a folder of its own, for tests and benchmarks that
 * need a site built from fixture content.
 *
 * Astro keeps the state of a build in `<repository>/.astro/` (the list of content modules to
 * render, and the render chunks when the out folder lies elsewhere), and no setting moves it.
 * Two builds of different content from the same repository at once overwrite each other's
 * list, and one fails with "Unexpected error while rendering regions/…" (it happened in CI when
 * two e2e workers built their fixture sites together). So builds made here take turns, by a
 * lock file that works across Playwright's and Vitest's worker processes.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import lockfile from 'proper-lockfile';

export const REPO = join(dirname(fileURLToPath(import.meta.url)), '../..');
const ASTRO = join(REPO, 'node_modules/astro/bin/astro.mjs');
const LOCKED = join(REPO, 'node_modules/.cache/astro-build');

/** Runs a command to its end, gathering what it prints; the event loop keeps running meanwhile. */
function run(command, args, env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: REPO, env });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => resolve({ status: null, output: `${output}\n${error.message}` }));
    child.on('close', (status) => resolve({ status, output }));
  });
}

/**
 * @param {{ outDir: string, cacheDir: string, contentDir?: string, base?: string }} options
 * @returns {Promise<{ status: number | null, output: string }>} the exit status and everything Astro printed, colour codes removed
 */
export async function buildSiteCopy({ outDir, cacheDir, contentDir, base }) {
  const env = {
    ...process.env,
    ...(contentDir ? { HANDBOOK_CONTENT_DIR: contentDir } : {}),
    ...(base ? { BASE_PATH: base } : {}),
    HANDBOOK_OUT_DIR: outDir,
    HANDBOOK_CACHE_DIR: cacheDir,
    ASTRO_TELEMETRY_DISABLED: '1',
    NO_COLOR: '1',
  };
  // Playwright's workers set FORCE_COLOR, which overrides NO_COLOR.
  delete env.FORCE_COLOR;
  mkdirSync(LOCKED, { recursive: true });
  // The lock is refreshed every few seconds while held (hence the asynchronous spawn); one left
  // by a killed run goes stale after 30 s. A waiter gives up after about ten minutes.
  const release = await lockfile.lock(LOCKED, {
    stale: 30_000,
    retries: { retries: 600, factor: 1, minTimeout: 1_000, maxTimeout: 1_000 },
  });
  try {
    const { status, output } = await run(process.execPath, [ASTRO, 'build'], env);
    // eslint-disable-next-line no-control-regex -- strips the terminal colour codes Astro prints
    return { status, output: output.replace(/\x1b\[[0-9;]*m/g, '') };
  } finally {
    await release();
  }
}
