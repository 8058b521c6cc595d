/** What the admin's commands share: how they stop, and how they read an entry's frontmatter. */
import { existsSync, readFileSync } from 'node:fs';
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
