#!/usr/bin/env node
/**
 * Evidence-file hashing benchmark: how long the self-check takes to compute a file's SHA-256 in
 * headless Chromium, through src/lib/files/file-hash.ts (bundled here with esbuild), with Web Crypto
 * (https, as the self-check uses it) and without (a plain-http intranet: chunked). Needs no build
 * of the site.
 *
 *   node scripts/bench/bench-hash.mjs [megabytes …]   (default: 16 64 256)
 */
import { createServer } from 'node:http';
import { build } from 'esbuild';
import { launchChromium } from './bench-support.mjs';

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const megabytes = sizes.length > 0 ? sizes : [16, 64, 256];

const bundle = await build({
  entryPoints: ['src/lib/files/file-hash.ts'],
  bundle: true,
  format: 'iife',
  globalName: 'fileHash',
  write: false,
  target: 'chrome87',
});

// A page on 127.0.0.1 is a secure context, so Web Crypto is there to compare with.
const server = createServer((_req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
  res.end('<!doctype html><title>hash</title>');
});
await new Promise((resolve) => server.listen(4392, '127.0.0.1', resolve));
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  await page.goto('http://127.0.0.1:4392/');
  if (!(await page.evaluate(() => Boolean(globalThis.crypto.subtle)))) throw new Error('Web Crypto missing');
  await page.addScriptTag({ content: bundle.outputFiles[0].text });
  console.log('evidence file SHA-256 in Chromium (src/lib/files/file-hash.ts; median of 3):');
  console.log('  size       https (Web Crypto up to 128 MB)   http (no Web Crypto: chunked)');
  for (const mb of megabytes) {
    const [withCrypto, chunked] = await page.evaluate(async (mb) => {
      const bytes = new Uint8Array(mb * 1024 * 1024);
      for (let i = 0; i < bytes.length; i += 65536) crypto.getRandomValues(bytes.subarray(i, i + 65536));
      const file = new Blob([bytes]);
      const time = async (subtle) => {
        const runs = [];
        for (let r = 0; r < 3; r++) {
          const start = performance.now();
          await globalThis.fileHash.sha256Hex(file, { subtle });
          runs.push(performance.now() - start);
        }
        return runs.sort((a, b) => a - b)[1];
      };
      return [await time(crypto.subtle), await time(undefined)];
    }, mb);
    const rate = (ms) => `${(mb / (ms / 1000)).toFixed(0).padStart(4)} MB/s`;
    console.log(
      `  ${String(mb).padStart(4)} MB   ${withCrypto.toFixed(0).padStart(6)} ms ${rate(withCrypto)}             ${chunked.toFixed(0).padStart(6)} ms ${rate(chunked)}`,
    );
  }
  console.log('  (past 128 MB the chunked hash runs on https too, so memory holds one 4 MB chunk)');
} finally {
  await browser.close();
  server.close();
}
