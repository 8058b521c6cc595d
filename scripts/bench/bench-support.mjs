/**
 * Shared by the benchmark scripts: serve dist/ on a port, launch the same Chromium the tests use, and
 * record what a page fetches with its gzip size.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';

export const chromiumPath =
  process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

/** Starts scripts/cli/serve.mjs for a built folder; returns the child process to kill afterwards. */
export async function serveSite(port, dir = 'dist') {
  const server = spawn('node', ['scripts/cli/serve.mjs', '--port', String(port), '--dir', dir], {
    stdio: 'ignore',
  });
  await new Promise((r) => setTimeout(r, 500));
  return server;
}

/** `extraArgs`: Chromium switches one benchmark needs (a host name mapped to this machine, …). */
export function launchChromium(extraArgs = []) {
  return chromium.launch({
    ...(chromiumPath ? { executablePath: chromiumPath } : {}),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', ...extraArgs],
  });
}

/** The sizes given on the command line (positive numbers), else `defaults`. */
export function sizesFromArgs(defaults) {
  const given = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => n > 0);
  return given.length > 0 ? given : defaults;
}

export const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
/** Bytes as a server would send them gzipped. */
export const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;
export const sum = (rows, key, pred = () => true) => rows.filter(pred).reduce((n, r) => n + r[key], 0);

function kindOf(path, resourceType) {
  const ext = extname(path);
  if (resourceType === 'document' || ext === '.html' || path.endsWith('/')) return 'html';
  if (ext === '.css') return 'css';
  if (ext === '.js' || ext === '.mjs') return 'js';
  if (path.includes('/pagefind/')) {
    if (ext === '.pagefind') return 'wasm';
    if (ext === '.pf_index') return 'index';
    if (ext === '.pf_fragment') return 'fragment';
    if (ext === '.pf_meta') return 'meta';
    if (ext === '.pf_filter') return 'filter';
  }
  if (ext === '.ttf' || ext === '.woff2') return 'font';
  if (ext === '.json') return 'json';
  return 'other';
}

/**
 * Collects every response from `origin` with its body, raw and gzip sizes. `source` is a page, or a
 * browser context to include what the page's workers fetch.
 */
export function responseRecorder(source, origin) {
  const pending = [];
  let last = Date.now();
  source.on('response', (response) => {
    // The service worker's own fetches (its offline precache) are not what the page asked for.
    if (response.request().serviceWorker()) return;
    last = Date.now();
    pending.push(
      (async () => {
        const url = new URL(response.url());
        if (url.origin !== origin) return undefined;
        let body;
        try {
          body = await response.body();
        } catch {
          return undefined; // redirects and aborted requests have no body
        }
        const kind = kindOf(url.pathname, response.request().resourceType());
        return { path: url.pathname, kind, status: response.status(), raw: body.length, gzip: gzip(body) };
      })(),
    );
  });
  return {
    /** Waits until no response has arrived for `quiet` ms, then returns and forgets what came. */
    async take(quiet = 700) {
      while (Date.now() - last < quiet) await new Promise((r) => setTimeout(r, 100));
      return (await Promise.all(pending.splice(0))).filter(Boolean);
    },
  };
}

/**
 * The tests' own builders (TypeScript), bundled for Node and imported, so a benchmark makes its
 * files as the tests do. `exports` is the module's source (export lines, paths from the
 * repository's root). Written into `dir`, a folder inside node_modules, so that its packages (zod,
 * yaml, …) resolve as they do for the tests.
 */
export async function testBuilders(dir, exports) {
  mkdirSync(dir, { recursive: true });
  const bundled = await build({
    stdin: { contents: exports, resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    // The content reader finds src/content from its own folder.
    define: { 'import.meta.dirname': JSON.stringify(join(process.cwd(), 'tests', 'support')) },
    write: false,
    logLevel: 'error',
  });
  const modulePath = join(dir, 'generator.mjs');
  writeFileSync(modulePath, bundled.outputFiles[0].text);
  return import(pathToFileURL(join(process.cwd(), modulePath)).href);
}
