/**
 * A site built from a copy of the handbook's content with a spec's fixture files added, served on
 * a free port of its own: for e2e specs that need content the shipped site does not have (the
 * regional versions). One build per spec file; `close` stops the server and removes the folder.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO, buildSiteCopy } from '../../scripts/build/build-site-copy.mjs';
import { CONTENT_DIR } from './content-files';

export interface FixtureSite {
  /** http://127.0.0.1:<port>, without the base path. */
  origin: string;
  close(): void;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function answers(url: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const status = await fetch(url).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return;
    if (Date.now() > until) throw new Error(`${url} did not answer (last status ${status})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Copies the content, lets `addFixtures` change the copy, builds it under `base` and serves it. */
export async function startFixtureSite(
  addFixtures: (contentDir: string) => void,
  base = '/',
): Promise<FixtureSite> {
  const work = mkdtempSync(join(tmpdir(), 'fixture-site-'));
  const content = join(work, 'content');
  const dist = join(work, 'dist');
  try {
    cpSync(CONTENT_DIR, content, { recursive: true });
    addFixtures(content);
    const build = await buildSiteCopy({
      contentDir: content,
      outDir: dist,
      cacheDir: join(work, 'cache'),
      base,
    });
    if (build.status !== 0) throw new Error(`build failed:\n${build.output}`);
  } catch (error) {
    rmSync(work, { recursive: true, force: true });
    throw error;
  }
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const server = spawn(
    'node',
    ['scripts/cli/serve.mjs', '--port', String(port), '--dir', dist, '--base', base],
    { cwd: REPO, stdio: 'ignore' },
  );
  const close = () => {
    server.kill();
    rmSync(work, { recursive: true, force: true });
  };
  try {
    await answers(`${origin}${base}`, 20_000);
  } catch (error) {
    close();
    throw error;
  }
  return { origin, close };
}
