#!/usr/bin/env node
/**
 * Builds the site as a school would host it under a sub-path: BASE_PATH=/handbook/ into
 * dist-handbook/, used by the e2e tests that crawl the sub-path build. Written in Node rather
 * than as an inline `VAR=… astro build` so it also runs from Windows command prompts.
 */
import { spawnSync } from 'node:child_process';

const base = process.argv[2] ?? '/handbook/';
const outDir = process.argv[3] ?? 'dist-handbook';
const result = spawnSync('npm', ['run', 'build'], {
  stdio: 'inherit',
  shell: process.platform === 'win32',
  env: { ...process.env, BASE_PATH: base, HANDBOOK_OUT_DIR: outDir },
});
process.exit(result.status ?? 1);
