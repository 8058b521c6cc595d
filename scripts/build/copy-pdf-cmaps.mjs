#!/usr/bin/env node
/**
 * Copies pdf.js's character maps (the Adobe CMaps, packed) into public/pdfjs/cmaps/, so that the
 * 考核指南 import on /rubrics/ can read the text of Chinese PDFs whose fonts are not embedded
 * (set in STSong-Light and the like through a predefined CMap such as UniGB-UCS2-H): without
 * the map pdf.js cannot tell which character a code stands for and reads no text at all. Served
 * from the site itself, fetched only when such a PDF is read. Generated, not committed.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const pdfjs = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const target = join(root, 'public/pdfjs/cmaps');

rmSync(target, { recursive: true, force: true });
mkdirSync(target, { recursive: true });
for (const name of readdirSync(join(pdfjs, 'cmaps')).filter((n) => n.endsWith('.bcmap')))
  copyFileSync(join(pdfjs, 'cmaps', name), join(target, name));
// The maps are Adobe's, under the licence pdf.js ships with them.
const licence = join(pdfjs, 'cmaps', 'LICENSE');
if (existsSync(licence)) copyFileSync(licence, join(target, 'LICENSE.txt'));
console.log(`pdf.js character maps copied to ${target}`);
