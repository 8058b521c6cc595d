/** What the admin's commands share: how they stop, and how they read an entry's frontmatter. */
import { existsSync, readFileSync } from 'node:fs';
import { basename, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';

/** Says why on stderr and stops with status 1. */
export function fail(message) {
  console.error(message);
  process.exit(1);
}

/** The YAML frontmatter of a content entry, or undefined when the file or its block is missing. */
export function frontmatter(path) {
  if (!existsSync(path)) return undefined;
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(path, 'utf8'));
  return match ? parse(match[1]) : undefined;
}

/** The command line as `options` describe it (positionals allowed); a wrong option stops with `usage`. */
export function commandLine(options, usage) {
  try {
    return parseArgs({ allowPositionals: true, options });
  } catch (error) {
    return fail(`${error.message}\n${usage}`);
  }
}

/**
 * The folder the person typed the command in. `npm run rubric:add` starts the command in the
 * repository's folder and says where the person was in INIT_CWD; INIT_CWD is also inherited by
 * everything else npm starts (the tests' own runs of these commands), so it counts only when npm
 * started this very script.
 */
function userFolder() {
  const script = process.argv[1] ? basename(process.argv[1]) : '';
  const byNpm = script !== '' && (process.env.npm_lifecycle_script ?? '').includes(script);
  return byNpm && process.env.INIT_CWD ? process.env.INIT_CWD : process.cwd();
}

/** A path the person typed, from the folder they typed it in. */
export const userPath = (path) => resolve(userFolder(), path);

/** A path as the person would type it from their folder: relative inside it, whole outside it. */
export function shownPath(path) {
  const shown = relative(userFolder(), path);
  return shown.startsWith('..') ? path : shown;
}

/** The handbook's content folder: --content-dir, else HANDBOOK_CONTENT_DIR, else this repository's. */
export const contentFolder = (option) =>
  option !== undefined
    ? userPath(option)
    : resolve(process.env.HANDBOOK_CONTENT_DIR ?? resolve(import.meta.dirname, '../../src/content'));
