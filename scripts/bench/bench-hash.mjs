#!/usr/bin/env node
/**
 * Evidence-file hashing benchmark: how long the self-check takes to compute the SHA-256 of a file
 * picked from the disk, in headless Chromium, through src/lib/files/file-hash.ts and its worker
 * (both bundled here with esbuild). Each size is hashed on https and on a plain-http intranet
 * (a host name that is not loopback, so the page is not a secure context and has no Web Crypto),
 * by the WebAssembly worker and, beside it, by the main-thread path the site used before it
 * (Web Crypto up to 128 MB where there is one, else JavaScript in 4 MB chunks). For the worker it
 * prints the peak JavaScript heap of the page and of the worker, and the page's longest task
 * while hashing; and, taking turns with it, the ceiling: the SHA-256 alone in a worker on bytes in
 * memory, which no way of reading the file can beat: ours with SIMD (src/lib/files/sha256-kernel.ts,
 * what the worker runs), ours without SIMD and hash-wasm's (what it falls back to, in that order),
 * in the page and in Node.
 * Needs no build of the site.
 *
 *   node scripts/bench/bench-hash.mjs [megabytes …]   (default: 256 1024)
 */
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { launchChromium, sizesFromArgs } from './bench-support.mjs';

const megabytes = sizesFromArgs([256, 1024]);
/** The issue's figures for the main-thread path (ms), measured before the worker existed. */
const BEFORE = { 16: [51, 318], 64: [131, 1296], 256: [5865, 5571] };
const RUNS = 3;
const MB = 1024 * 1024;

/** Lets a bundle import KERNELS as './kernels.js'. */
function kernelsPlugin() {
  return {
    name: 'kernels',
    setup(build) {
      build.onResolve({ filter: /^\.\/kernels\.js$/ }, () => ({ path: 'kernels', namespace: 'kernels' }));
      build.onLoad({ filter: /.*/, namespace: 'kernels' }, () => ({
        contents: KERNELS,
        resolveDir: process.cwd(),
      }));
    },
  };
}
const bundle = async (options) =>
  (await build({ bundle: true, write: false, target: 'chrome87', ...options })).outputFiles[0].text;
// The page's module: `new URL('./sha256-worker.ts', import.meta.url)` in it points next to it.
const pageScript = await bundle({
  stdin: {
    contents: "import * as fileHash from './src/lib/files/file-hash.ts'; globalThis.fileHash = fileHash;",
    resolveDir: process.cwd(),
  },
  format: 'esm',
});
const workerScript = await bundle({ entryPoints: ['src/lib/files/sha256-worker.ts'], format: 'iife' });
/** The SHA-256s in WebAssembly, each as `start()` giving an incremental hash ({ update, hex }). */
const KERNELS = `import { kernelSha256 } from './src/lib/files/sha256-kernel.ts';
  import { hashWasmSha256 } from './src/lib/files/wasm-sha256.ts';
  export const kernels = {
    ours: () => kernelSha256('simd'),
    'ours without SIMD': () => kernelSha256('scalar'),
    'hash-wasm': hashWasmSha256,
  };`;
/**
 * The ceiling: one SHA-256 alone in a worker, on bytes already in memory (one 8 MB buffer hashed over
 * and over), no file read and no message per chunk. No way of reading the file can beat it.
 */
const ceilingScript = await bundle({
  stdin: {
    contents: `import { kernels } from './kernels.js';
      onmessage = async ({ data: { size, kernel } }) => {
        const chunk = new Uint8Array(8 * 1024 * 1024);
        crypto.getRandomValues(chunk.subarray(0, 65536));
        const hash = await kernels[kernel]();
        const start = performance.now();
        for (let done = 0; done < size; done += chunk.length) hash.update(chunk.subarray(0, Math.min(chunk.length, size - done)));
        hash.hex();
        postMessage(performance.now() - start);
      };`,
    resolveDir: process.cwd(),
  },
  plugins: [kernelsPlugin()],
  format: 'iife',
});
/** The same two in this Node process (the same V8 as Chromium's). */
const { kernels } = await import(
  `data:text/javascript,${encodeURIComponent(
    await bundle({
      stdin: { contents: KERNELS, resolveDir: process.cwd() },
      format: 'esm',
      platform: 'node',
    }),
  )}`
);
/**
 * What the worker reached before the page read the file for it and before our kernel had SIMD: it
 * read the stream itself and hashed without SIMD (README, on this machine).
 */
const BEFORE_WORKER = '221–326 MB/s';

const work = mkdtempSync(join(tmpdir(), 'bench-hash-'));
execFileSync(
  'openssl',
  [
    ...['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=intranet.test'],
    ...['-keyout', join(work, 'key.pem'), '-out', join(work, 'cert.pem')],
  ],
  { stdio: 'ignore' },
);

const respond = (req, res) => {
  const [type, body] =
    req.url === '/hash.js'
      ? ['text/javascript', pageScript]
      : req.url === '/sha256-worker.ts'
        ? ['text/javascript', workerScript]
        : req.url === '/ceiling.js'
          ? ['text/javascript', ceilingScript]
          : [
              'text/html; charset=utf-8',
              '<!doctype html><title>hash</title><input type="file" aria-label="file">',
            ];
  res.writeHead(200, { 'Content-Type': type });
  res.end(body);
};
const listen = (server) =>
  new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));
const https = createHttpsServer(
  { key: readFileSync(join(work, 'key.pem')), cert: readFileSync(join(work, 'cert.pem')) },
  respond,
);
const http = createHttpServer(respond);
const origins = {
  https: `https://intranet.test:${await listen(https)}/`,
  http: `http://intranet.test:${await listen(http)}/`,
};

/** A file of random bytes written chunk by chunk (never whole in memory), and its digest. */
function randomFile(mb) {
  const path = join(work, `${mb}mb.bin`);
  const fd = openSync(path, 'w');
  const hash = createHash('sha256');
  for (let i = 0; i < mb; i++) {
    const chunk = randomBytes(MB);
    hash.update(chunk);
    writeSync(fd, chunk);
  }
  closeSync(fd);
  return { path, digest: hash.digest('hex') };
}

/**
 * The JavaScript heap of the page's workers, read over the DevTools protocol (a worker has no
 * performance.memory): attached once, each is asked between two of its chunks.
 */
async function workerHeaps(cdp) {
  const sessions = new Map();
  const { targetInfos } = await cdp.send('Target.getTargets');
  for (const t of targetInfos.filter((t) => t.type === 'worker'))
    if (!sessions.has(t.targetId))
      sessions.set(t.targetId, (await cdp.send('Target.attachToTarget', { targetId: t.targetId })).sessionId);
  let id = 0;
  const used = await Promise.all(
    [...sessions.values()].map(
      (sessionId) =>
        new Promise((resolve) => {
          const ask = ++id;
          const answer = ({ sessionId: from, message }) => {
            const reply = JSON.parse(message);
            if (from !== sessionId || reply.id !== ask) return;
            cdp.off('Target.receivedMessageFromTarget', answer);
            resolve(reply.result?.usedSize ?? 0);
          };
          cdp.on('Target.receivedMessageFromTarget', answer);
          cdp
            .send('Target.sendMessageToTarget', {
              sessionId,
              message: JSON.stringify({ id: ask, method: 'Runtime.getHeapUsage' }),
            })
            .catch(() => resolve(0));
          setTimeout(() => resolve(0), 1000);
        }),
    ),
  );
  return Math.max(0, ...used);
}

/** Hashes the picked file once in the page; the worker path also samples the heaps and long tasks. */
async function hashOnce(page, cdp, { worker }) {
  const heaps = { worker: 0 };
  let sampling = worker;
  const sampleWorker = (async () => {
    while (sampling) {
      heaps.worker = Math.max(heaps.worker, await workerHeaps(cdp).catch(() => 0));
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  const result = await page.evaluate(async (worker) => {
    const file = document.querySelector('input').files[0];
    let longest = 0;
    const tasks = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longest = Math.max(longest, e.duration);
    });
    tasks.observe({ type: 'longtask' });
    let heap = performance.memory.usedJSHeapSize;
    const sampler = setInterval(() => (heap = Math.max(heap, performance.memory.usedJSHeapSize)), 20);
    const start = performance.now();
    const hex = await globalThis.fileHash.sha256Hex(file, {
      subtle: globalThis.crypto.subtle,
      ...(worker ? {} : { startWorker: null }),
    });
    const ms = performance.now() - start;
    await new Promise((r) => setTimeout(r, 100));
    tasks.disconnect();
    clearInterval(sampler);
    return { ms, hex, longest, heap };
  }, worker);
  sampling = false;
  await sampleWorker;
  return { ...result, workerHeap: heaps.worker };
}

/**
 * One SHA-256 (`kernel`: ours or hash-wasm) alone on `mb` MB in memory, in a worker of the page: ms.
 * The worker is kept, as the page keeps its hashing worker, and warmed once per kernel: a fresh worker
 * runs WebAssembly's first, slower code until the optimised code is ready, which on a busy machine
 * takes seconds.
 */
const ceilingOnce = (page, mb, kernel) =>
  page.evaluate(
    async ({ size, kernel }) => {
      const run = () =>
        new Promise((resolve) => {
          globalThis.ceilingWorker.onmessage = ({ data }) => resolve(data);
          globalThis.ceilingWorker.postMessage({ size, kernel });
        });
      globalThis.ceilingWorker ??= new Worker('/ceiling.js');
      globalThis.warmed ??= new Set();
      if (!globalThis.warmed.has(kernel)) {
        globalThis.warmed.add(kernel);
        await run();
      }
      return run();
    },
    { size: mb * MB, kernel },
  );

/** One SHA-256 alone on `mb` MB in memory in this Node process (the same V8 as Chromium's): ms. */
async function nodeCeilingOnce(mb, kernel) {
  const chunk = randomBytes(8 * MB);
  const hash = await kernels[kernel]();
  const start = performance.now();
  for (let done = 0; done < mb * MB; done += chunk.length) hash.update(chunk);
  hash.hex();
  return performance.now() - start;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const rate = (mb, ms) => `${(mb / (ms / 1000)).toFixed(0)} MB/s`;
const cell = (mb, ms) => `${ms.toFixed(0).padStart(6)} ms ${rate(mb, ms).padStart(9)}`;
const inMb = (bytes) => `${(bytes / MB).toFixed(1)} MB`;

const browser = await launchChromium([
  '--host-resolver-rules=MAP intranet.test 127.0.0.1',
  '--enable-precise-memory-info',
]);
try {
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  // Figures from a shared machine are read beside its load: two busy cores halve a rate.
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${availableParallelism()} cores`,
  );
  console.log(
    `evidence file SHA-256 in Chromium, a file picked from the disk (src/lib/files/file-hash.ts; worker: median of ${RUNS})`,
  );
  console.log(
    '  size     connection   WebAssembly worker          before (main thread)      page heap  worker heap  longest page task',
  );
  for (const mb of megabytes) {
    const file = randomFile(mb);
    for (const [name, origin] of Object.entries(origins)) {
      const page = await context.newPage();
      await page.goto(origin);
      await page.addScriptTag({ url: `${origin}hash.js`, type: 'module' });
      await page.waitForFunction(() => Boolean(globalThis.fileHash));
      const secure = await page.evaluate(() => Boolean(globalThis.crypto.subtle));
      if (secure !== (name === 'https'))
        throw new Error(`${name}: Web Crypto ${secure ? 'present' : 'missing'}`);
      await page.locator('input').setInputFiles(file.path);
      const cdp = await browser.newBrowserCDPSession();
      const runs = [];
      const ceilings = { ours: [], 'ours without SIMD': [], 'hash-wasm': [] };
      const nodeCeilings = { ours: [], 'ours without SIMD': [], 'hash-wasm': [] };
      // Taking turns with the ceilings, so all see the same load on a shared machine.
      for (let r = 0; r < RUNS; r++) {
        runs.push(await hashOnce(page, cdp, { worker: true }));
        for (const kernel of Object.keys(ceilings)) {
          ceilings[kernel].push(await ceilingOnce(page, mb, kernel));
          nodeCeilings[kernel].push(await nodeCeilingOnce(mb, kernel));
        }
      }
      const before = await hashOnce(page, cdp, { worker: false });
      for (const run of [...runs, before])
        if (run.hex !== file.digest) throw new Error(`${name} ${mb} MB: wrong digest ${run.hex}`);
      const ms = median(runs.map((r) => r.ms));
      const ceiling = median(ceilings.ours);
      const longest = Math.max(...runs.map((r) => r.longest));
      const quoted = BEFORE[mb]?.[name === 'https' ? 0 : 1];
      console.log(
        `  ${String(mb).padStart(5)} MB  ${name.padEnd(10)} ${cell(mb, ms)}   ${cell(mb, before.ms)}${quoted ? ` (issue: ${quoted} ms)` : ''}`.padEnd(
          85,
        ) +
          `${inMb(Math.max(...runs.map((r) => r.heap))).padStart(9)}  ${inMb(Math.max(...runs.map((r) => r.workerHeap))).padStart(11)}  ${longest > 0 ? `${longest.toFixed(0)} ms` : 'none over 50 ms'}`,
      );
      const ceilingLine = (kernel) =>
        `${rate(mb, median(ceilings[kernel]))} in a worker of the page, ${rate(mb, median(nodeCeilings[kernel]))} in Node`;
      console.log(
        `                      ceiling on this machine, on bytes in memory: ours ${ceilingLine('ours')}; ours without SIMD ${ceilingLine('ours without SIMD')}; hash-wasm ${ceilingLine('hash-wasm')}; the worker reaches ${((ceiling / ms) * 100).toFixed(0)} % of ours in the page`,
      );
      await cdp.detach();
      await page.close();
    }
    rmSync(file.path);
  }
  console.log(
    `  (target: ≥ 300 MB/s at every size on both connections, heap < 64 MB, no page task over 200 ms; before the page read the file for the worker and our kernel had SIMD: ${BEFORE_WORKER})`,
  );
} finally {
  await browser.close();
  https.close();
  http.close();
  rmSync(work, { recursive: true, force: true });
}
