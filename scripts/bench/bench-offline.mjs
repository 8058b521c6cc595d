#!/usr/bin/env node
/**
 * Offline-copy benchmark: what the service worker precaches (files, raw and gzip KB, by kind)
 * and how long a first visit takes until the site is ready offline (the worker controls the
 * page, which with clientsClaim happens only once the whole precache is stored), in headless
 * Chromium on a fresh profile, median of several runs. Run `npm run build` first.
 */
import { existsSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium, serveSite } from './bench-support.mjs';

const port = 4397;
const RUNS = 5;

if (!existsSync('dist/sw.js')) {
  console.error('dist/ has no service worker: run `npm run build` first.');
  process.exit(1);
}

const urls = [...readFileSync('dist/sw.js', 'utf8').matchAll(/\{url:"([^"]+)",revision:/g)].map((m) => m[1]);
const kindOf = (url) =>
  url.endsWith('.html')
    ? 'html'
    : url.startsWith('pagefind')
      ? 'search'
      : url.startsWith('fonts/pdf/')
        ? 'pdf font'
        : ['.js', '.css'].includes(extname(url))
          ? extname(url).slice(1)
          : 'other';
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const byKind = new Map();
let raw = 0;
let gzip = 0;
for (const url of urls) {
  const body = readFileSync(join('dist', url));
  const zipped = gzipSync(body).length;
  raw += body.length;
  gzip += zipped;
  const kind = byKind.get(kindOf(url)) ?? { files: 0, gzip: 0 };
  byKind.set(kindOf(url), { files: kind.files + 1, gzip: kind.gzip + zipped });
}
console.log(`precache: ${urls.length} files, ${kb(raw)} raw, ${kb(gzip)} gzip`);
for (const [kind, { files, gzip: size }] of [...byKind].sort())
  console.log(`  ${kind.padEnd(8)} ${String(files).padStart(4)} files ${kb(size).padStart(10)} gzip`);

const server = await serveSite(port);
const browser = await launchChromium();
try {
  const loads = [];
  const ready = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const start = Date.now();
    await page.goto(`http://127.0.0.1:${port}/`, { waitUntil: 'load' });
    loads.push(Date.now() - start);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
      timeout: 60_000,
    });
    ready.push(Date.now() - start);
    await context.close();
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(
    `first visit to ready offline (home page, localhost, median of ${RUNS}): ${median(ready)} ms ` +
      `(load event ${median(loads)} ms; runs ${ready.join(', ')} ms)`,
  );
} finally {
  await browser.close();
  server.kill();
}
