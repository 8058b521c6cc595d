/**
 * mammoth, behind a module of our own: the bundle it becomes is named after this file, so the
 * offline copy can tell it apart and keep it only after a first Word import (service-worker.mjs).
 */
export { convertToHtml } from 'mammoth';
