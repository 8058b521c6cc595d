#!/usr/bin/env node
/**
 * Runs before `npm start`, `npm run build` and `npm run dev` (and in .ci/run before `npm ci`):
 * on too old a Node the build would otherwise stop deep inside a dependency with an error that
 * names neither Node nor the fix. `engine-strict` in .npmrc already stops `npm ci`; this covers a
 * node_modules installed earlier or by another Node. The minimum is read from package.json's
 * `engines.node`, so it is written in one place.
 *
 * Kept to syntax and modules that old Node versions still run, so the message itself appears.
 */
import { readFileSync } from 'fs';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
const wanted = /^>=\s*(\d+)\.(\d+)/.exec(pkg.engines.node);
if (!wanted) throw new Error('package.json engines.node must read ">=major.minor"');
const min = [Number(wanted[1]), Number(wanted[2])];
const have = process.versions.node.split('.').map(Number);

if (have[0] < min[0] || (have[0] === min[0] && have[1] < min[1])) {
  const need = min.join('.');
  console.error(
    [
      '',
      '本网站需要 Node.js ' + need + ' 或更高版本，当前是 ' + process.versions.node + '。',
      '请安装 Node.js 24（仓库的 .node-version 写明的版本），然后重新运行 npm ci。',
      '',
      'This site needs Node.js >= ' + need + '; this is ' + process.versions.node + '.',
      'Install Node.js 24 (see .node-version), then run npm ci again.',
      '',
    ].join('\n'),
  );
  process.exit(1);
}
