#!/usr/bin/env node
/**
 * Serves the built site from dist/ the way a plain intranet web server would: static files
 * only, under the base path the site was built for, with the site's own 404 page, gzipped for
 * browsers that accept it (as nginx's `gzip on` does; see the README).
 *
 *   node scripts/cli/serve.mjs [--port 4321] [--host 127.0.0.1] [--dir dist] [--base /handbook/]
 *
 * BASE_PATH and PORT are read from the environment too.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '4321' },
    host: { type: 'string', default: process.env.HOST ?? '127.0.0.1' },
    dir: { type: 'string', default: 'dist' },
    base: { type: 'string', default: process.env.BASE_PATH ?? '/' },
  },
});

const root = resolve(values.dir);
const base = `/${values.base.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
  '.csv': 'text/csv; charset=utf-8',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
};

/** Text and WebAssembly shrink several times over; images and Pagefind's index chunks do not. */
const COMPRESSIBLE = new Set([
  '.html',
  '.css',
  '.js',
  '.mjs',
  '.json',
  '.webmanifest',
  '.svg',
  '.txt',
  '.csv',
  '.wasm',
  '.ttf',
]);

/** Each file is compressed once per version, as nginx's gzip_static would serve it precompressed. */
const gzipped = new Map();
function gzipOf(path) {
  const { mtimeMs, size } = statSync(path);
  const key = `${path}:${mtimeMs}:${size}`;
  let body = gzipped.get(key);
  if (!body) {
    body = gzipSync(readFileSync(path));
    gzipped.set(key, body);
  }
  return body;
}

if (!existsSync(join(root, 'index.html'))) {
  console.error(`没有找到构建好的网站：${root}/index.html。请先运行 npm run build。`);
  process.exit(1);
}

function fileFor(urlPath) {
  if (!urlPath.startsWith(base)) return undefined;
  let rel;
  try {
    rel = decodeURIComponent(urlPath.slice(base.length));
  } catch {
    return undefined;
  }
  const path = normalize(join(root, rel));
  if (path !== root && !path.startsWith(root + sep)) return undefined;
  if (existsSync(path) && statSync(path).isDirectory()) {
    const index = join(path, 'index.html');
    return existsSync(index) ? index : undefined;
  }
  return existsSync(path) ? path : undefined;
}

const server = createServer((req, res) => {
  const urlPath = new URL(req.url ?? '/', 'http://localhost').pathname;
  // A directory without its trailing slash redirects, as nginx and most CDNs do.
  const dirIndex = fileFor(`${urlPath}/`);
  if (!urlPath.endsWith('/') && !fileFor(urlPath) && dirIndex) {
    res.writeHead(301, { Location: `${urlPath}/` });
    res.end();
    return;
  }
  if (urlPath === '/' && base !== '/') {
    res.writeHead(302, { Location: base });
    res.end();
    return;
  }
  const file = fileFor(urlPath);
  const status = file ? 200 : 404;
  const body = file ?? join(root, '404.html');
  const compressible = COMPRESSIBLE.has(extname(body));
  const gzip = compressible && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  res.writeHead(status, {
    'Content-Type': TYPES[extname(body)] ?? 'application/octet-stream',
    'X-Content-Type-Options': 'nosniff',
    ...(compressible ? { Vary: 'Accept-Encoding' } : {}),
    ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  if (gzip) res.end(gzipOf(body));
  else createReadStream(body).pipe(res);
});

server.listen(Number(values.port), values.host, () => {
  console.log(`微能力手册：http://${values.host}:${values.port}${base}（Ctrl+C 停止）`);
});
