/**
 * The offline copy of the site: after every build (and after Pagefind has written the search
 * index), Workbox's generateSW writes <outDir>/sw.js, a service worker that precaches every page,
 * stylesheet and script, the search index and the app icons. jsPDF's main chunk, the font
 * manifest and the common font slices are precached too, so a first PDF works offline after one
 * visit; jsPDF's optional chunks and the rare font slices are kept after their first use.
 * The 考核指南 readers (mammoth, pdf.js) are larger still and only an import on /rubrics/ needs
 * them: they too are kept after their first use, not precached. The regional rubrics' data files
 * (data/rubrics/, src/lib/rubrics/rubric-data.ts) are precached like the search index, so a teacher
 * who visited once can self-check offline with the region's versions.
 *
 * No file stops the build by its size: one over the precache limit is left out of the precache
 * with a warning that names it, and kept by the runtime cache once it has been opened.
 *
 * Every URL in the precache list is relative to sw.js, so one build works under "/" and under
 * any BASE_PATH without knowing it. Plain JavaScript so the bench and the e2e tests reuse it.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSW } from 'workbox-build';

/** The runtime cache of rare font slices and jsPDF's optional chunks. */
export const PDF_CACHE = 'handbook-pdf';
/** The runtime cache of the Word and PDF readers of a 考核指南 (/rubrics/). */
export const GUIDE_READER_CACHE = 'handbook-guide-readers';
/** The runtime cache of pdf.js's character maps, fetched only for PDFs whose fonts are not embedded. */
export const PDF_CMAP_CACHE = 'handbook-pdf-cmaps';
/** The runtime cache of pages and data files too large for the precache, kept once opened. */
export const LARGE_FILE_CACHE = 'handbook-large-files';
/** Workbox's own default, said aloud: a file larger than this is left to the runtime cache. */
export const PRECACHE_FILE_LIMIT = 2 * 1024 * 1024;
/** Lists the jsPDF files of this build, for the wizard's "ready for a PDF offline?" check. */
export const PDF_CODE_LIST = 'offline-pdf.json';

/** Relative module specifiers ("./name.js") a bundled chunk imports, statically or dynamically. */
export function chunkImports(source) {
  const names = new Set();
  for (const match of source.matchAll(/["'`]\.\/([\w.$-]+\.js)["'`]/g)) names.add(match[1]);
  return [...names];
}

/**
 * The chunks only one heavy part needs: the chunks `isRoot` names and every chunk that nothing
 * outside that group refers to (jsPDF's optional html2canvas, DOMPurify and canvg parts).
 * @param {Map<string, string[]>} graph chunk name → names of the chunks it imports
 * @param {(name: string) => boolean} isRoot
 */
function chunksOnlyFor(graph, isRoot) {
  const group = new Set([...graph.keys()].filter(isRoot));
  if (group.size === 0) return group;
  let grew = true;
  while (grew) {
    grew = false;
    for (const name of graph.keys()) {
      if (group.has(name)) continue;
      const importers = [...graph].filter(([, imports]) => imports.includes(name)).map(([from]) => from);
      if (importers.length > 0 && importers.every((from) => group.has(from))) {
        group.add(name);
        grew = true;
      }
    }
  }
  return group;
}

/** The chunks only jsPDF needs. Everything else is precached. */
export function pdfOnlyChunks(graph) {
  return chunksOnlyFor(graph, (name) => /^jspdf\./.test(name));
}

const GUIDE_READER_CHUNK = /^(guide-(docx|pdf)-reader\.|pdf\.worker)/;

/**
 * The chunks only the 考核指南 import on /rubrics/ needs: mammoth, pdf.js and pdf.js's worker
 * (named by src/components/rubrics/guide-docx-reader.ts, guide-pdf-reader.ts). About 2 MB that
 * most visitors never use: kept after their first use, like jsPDF, not precached.
 */
export function guideReaderChunks(graph) {
  return chunksOnlyFor(graph, (name) => GUIDE_READER_CHUNK.test(name));
}

function astroChunkGraph(outDir) {
  const dir = join(outDir, '_astro');
  const graph = new Map();
  // A build whose pages need no bundled script at all has no _astro/ folder.
  if (!existsSync(dir)) return graph;
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.js')))
    graph.set(name, chunkImports(readFileSync(join(dir, name), 'utf8')));
  return graph;
}

/**
 * The PDF font files a first PDF needs, relative to the output folder: the slices' manifest and the
 * common slices (scripts/build/build-pdf-font.mjs). None when the build has no PDF font.
 */
export function pdfFontFiles(outDir) {
  const manifest = join(outDir, 'fonts', 'pdf', 'manifest.json');
  if (!existsSync(manifest)) return [];
  const { slices } = JSON.parse(readFileSync(manifest, 'utf8'));
  const common = slices.filter((s) => s.kind === 'common').flatMap((s) => [s.regular, s.bold]);
  return ['manifest.json', ...common].map((name) => `fonts/pdf/${name}`);
}

/** The regional rubrics' data files, when the content has regional versions (none otherwise). */
export function rubricDataFiles(outDir) {
  return existsSync(join(outDir, 'data', 'rubrics')) ? ['data/rubrics/**/*.json'] : [];
}

/**
 * Workbox's warnings, parted: the files left out of the precache for their size (a warning each,
 * naming it) and anything else (which stops the build).
 * @param {string[]} warnings
 */
export function partWarnings(warnings) {
  const tooLarge = [];
  const other = [];
  for (const warning of warnings) {
    const match = /^(.+) is (.+), and won't be precached\./.exec(warning);
    if (match) tooLarge.push({ url: match[1], size: match[2] });
    else other.push(warning);
  }
  return { tooLarge, other };
}

/** What goes into the precache, relative to the output folder. */
export const PRECACHE_PATTERNS = [
  '**/*.html',
  '_astro/*.{js,css}',
  'pagefind/pagefind.js',
  'pagefind/pagefind-worker.js',
  'pagefind/pagefind-entry.json',
  'pagefind/*.pf_meta',
  'pagefind/wasm.*.pagefind',
  'pagefind/{index,fragment,filter}/*',
  'pagefind-layer/*.{js,json}',
  'favicon.svg',
  'icons/*.png',
  'manifest.webmanifest',
  PDF_CODE_LIST,
];

/** The Workbox configuration for one built folder. */
export function serviceWorkerConfig(outDir) {
  const graph = astroChunkGraph(outDir);
  const pdfChunks = [...pdfOnlyChunks(graph)].sort();
  const readerChunks = [...guideReaderChunks(graph)].sort();
  // An ordinary packet loads jsPDF's own chunk only; its optional parts (html2canvas, canvg)
  // are never fetched, so they are left out of the copy.
  const loadedByEveryPdf = pdfChunks.filter((name) => /^jspdf\./.test(name));
  const fonts = pdfFontFiles(outDir);
  writeFileSync(
    join(outDir, PDF_CODE_LIST),
    `${JSON.stringify({ code: loadedByEveryPdf.map((name) => `_astro/${name}`), fonts })}\n`,
  );
  return {
    globDirectory: outDir,
    globPatterns: [...PRECACHE_PATTERNS, ...fonts, ...rubricDataFiles(outDir)],
    maximumFileSizeToCacheInBytes: PRECACHE_FILE_LIMIT,
    globIgnores: [...pdfChunks.filter((name) => !loadedByEveryPdf.includes(name)), ...readerChunks].map(
      (name) => `_astro/${name}`,
    ),
    swDest: join(outDir, 'sw.js'),
    mode: 'production',
    sourcemap: false,
    disableDevLogs: true,
    // Pages are static: a query (/search/?q=…, Pagefind's ?ts=…) never changes the file served.
    ignoreURLParametersMatching: [/.*/],
    // Astro's bundles are named by their content: no cache-busting query needed to fetch them.
    dontCacheBustURLsMatching: /^_astro\//,
    directoryIndex: 'index.html',
    // The first visit is controlled as soon as the copy is complete; an update waits for the
    // reader's 刷新以使用新版本 (the page sends SKIP_WAITING), so nothing reloads by itself.
    clientsClaim: true,
    skipWaiting: false,
    cleanupOutdatedCaches: true,
    runtimeCaching: [
      {
        // A page or data file left out of the precache for its size: the network first (it may
        // have changed), the kept copy offline. Precached files never reach this route.
        urlPattern: ({ request, url }) =>
          request.mode === 'navigate' || /\/data\/rubrics\/.+\.json$/.test(url.pathname),
        handler: 'NetworkFirst',
        options: {
          cacheName: LARGE_FILE_CACHE,
          networkTimeoutSeconds: 5,
          expiration: { maxEntries: 64 },
          cacheableResponse: { statuses: [200] },
        },
      },
      {
        // A rare slice's name carries a digest of its content: a kept copy is never stale.
        urlPattern: /\/fonts\/pdf\/rare\//,
        handler: 'CacheFirst',
        options: {
          cacheName: PDF_CACHE,
          expiration: { maxEntries: 64 },
          cacheableResponse: { statuses: [200] },
        },
      },
      {
        // The 考核指南 readers, kept apart so that a PDF packet's code never pushes them out.
        urlPattern: new RegExp(`/_astro/${GUIDE_READER_CHUNK.source.slice(1)}[^/]*\\.js$`),
        handler: 'CacheFirst',
        options: {
          cacheName: GUIDE_READER_CACHE,
          expiration: { maxEntries: 8 },
          cacheableResponse: { statuses: [200] },
        },
      },
      {
        // Adobe's character maps never change within a pdf.js version; a PDF needs two or three.
        urlPattern: /\/pdfjs\/cmaps\/[^/]+\.bcmap$/,
        handler: 'CacheFirst',
        options: {
          cacheName: PDF_CMAP_CACHE,
          expiration: { maxEntries: 24 },
          cacheableResponse: { statuses: [200] },
        },
      },
      {
        // jsPDF's chunks are named by their content, so a kept copy is never stale.
        urlPattern: /\/_astro\/[^/]+\.js$/,
        handler: 'CacheFirst',
        options: {
          cacheName: PDF_CACHE,
          expiration: { maxEntries: 16 },
          cacheableResponse: { statuses: [200] },
        },
      },
    ],
  };
}

/**
 * Writes <outDir>/sw.js (and Workbox's runtime beside it); returns what the precache holds and
 * the files left out of it for their size. Workbox's other warnings fail the build: a pattern
 * that matches nothing (no search index, no icons) would otherwise ship an offline copy in which
 * that part silently does not work.
 */
export async function generateServiceWorker(outDir) {
  const { count, size, warnings } = await generateSW(serviceWorkerConfig(outDir));
  const { tooLarge, other } = partWarnings(warnings);
  if (other.length > 0) throw new Error(`离线副本生成失败：${other.join('; ')}`);
  return { count, size, tooLarge };
}

/** The warning for one file left out of the precache, naming it. */
export function tooLargeWarning({ url, size }) {
  const limit = `${PRECACHE_FILE_LIMIT / 1024 / 1024} MB`;
  return `${url}（${size}）超过离线副本预先保存的单个文件上限 ${limit}，不预先保存：读者第一次打开后才保存到离线副本。`;
}

/** Astro integration; listed after Pagefind's so that the search index is in the precache. */
export function serviceWorker() {
  return {
    name: 'handbook-offline',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const { count, size, tooLarge } = await generateServiceWorker(fileURLToPath(dir));
        for (const file of tooLarge) logger.warn(tooLargeWarning(file));
        logger.info(`离线副本：${count} 个文件，${(size / 1024).toFixed(0)} KB → sw.js`);
      },
    },
  };
}
