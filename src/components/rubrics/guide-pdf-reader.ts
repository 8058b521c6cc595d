/**
 * pdf.js, behind a module of our own: the bundle it becomes is named after this file, so the
 * offline copy can tell it apart and keep it only after a first PDF import (service-worker.mjs).
 * The legacy build: school PCs run browsers on Chromium 87–109 cores, which the current build drops.
 */
export { getDocument, GlobalWorkerOptions } from 'pdfjs-dist/legacy/build/pdf.mjs';
