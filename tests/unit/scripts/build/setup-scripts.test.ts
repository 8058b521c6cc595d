/**
 * What a school's admin meets first: `npm ci` and `npm start` on the Node they happen to have,
 * and `npm start -- --port 8080` as the README's nginx example runs it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const REPO = join(import.meta.dirname, '../../../..');
const work = mkdtempSync(join(tmpdir(), 'setup-scripts-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const engines = (
  JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { engines: { node: string } }
).engines.node;
const minimum = engines.replace(/^>=\s*/, '');

/**
 * Debian's own Node 20 (/usr/bin/node) is the old Node a school server most likely has; where
 * it is missing or not old, the current Node is made to report 20 before the script runs.
 */
function runUnderNode20(args: string[], cwd: string) {
  const debian = '/usr/bin/node';
  const debianIsOld =
    existsSync(debian) &&
    spawnSync(debian, ['-p', 'process.versions.node'], { encoding: 'utf8' }).stdout.trim().startsWith('20.');
  if (debianIsOld) {
    return spawnSync(debian, args, {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, PATH: `/usr/bin:${process.env.PATH ?? ''}` },
    });
  }
  const pretend = `Object.defineProperty(process.versions, 'node', { value: '20.20.2' });`;
  return spawnSync(
    process.execPath,
    ['--import', `data:text/javascript,${encodeURIComponent(pretend)}`, ...args],
    {
      cwd,
      encoding: 'utf8',
    },
  );
}

describe('an old Node is stopped with a message naming the version needed', () => {
  it('scripts/build/check-node.mjs under Node 20 exits non-zero, in Chinese and English', () => {
    const result = runUnderNode20([join(REPO, 'scripts/build/check-node.mjs')], REPO);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain(`本网站需要 Node.js ${minimum} 或更高版本，当前是 20.`);
    expect(result.stderr).toContain(`This site needs Node.js >= ${minimum}; this is 20.`);
  });

  it('scripts/build/check-node.mjs under the current Node says nothing and passes', () => {
    const result = spawnSync(process.execPath, [join(REPO, 'scripts/build/check-node.mjs')], {
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('npm start, npm run build and npm run dev run the check first', () => {
    const { scripts } = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    for (const name of ['prestart', 'prebuild', 'predev'])
      expect(scripts[name], name).toBe('node scripts/build/check-node.mjs');
  });

  it('npm ci refuses Node 20 before installing anything (engine-strict in .npmrc)', () => {
    const dir = join(work, 'ci');
    mkdirSync(dir);
    for (const file of ['package.json', 'package-lock.json', '.npmrc'])
      cpSync(join(REPO, file), join(dir, file));
    const debianNpm = '/usr/bin/npm';
    // npm itself checks the Node it runs on; without Debian's Node 20 the check is the script's.
    const result = existsSync(debianNpm)
      ? spawnSync(debianNpm, ['ci', '--dry-run', '--ignore-scripts', '--no-audit', '--no-fund'], {
          cwd: dir,
          encoding: 'utf8',
          env: { ...process.env, PATH: `/usr/bin:${process.env.PATH ?? ''}` },
        })
      : runUnderNode20([join(REPO, 'scripts/build/check-node.mjs')], dir);
    expect(result.status).not.toBe(0);
    expect(`${result.stdout}${result.stderr}`).toMatch(/EBADENGINE|本网站需要 Node\.js/);
    expect(existsSync(join(dir, 'node_modules'))).toBe(false);
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('no port'));
      });
    });
  });
}

describe('npm start -- --port', () => {
  it('serves on the port given after --', async () => {
    // The repository's own start script, with the (slow) build replaced by a ready dist/.
    const dir = join(work, 'start');
    mkdirSync(join(dir, 'scripts'), { recursive: true });
    mkdirSync(join(dir, 'dist'));
    const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    pkg.scripts['build'] = 'node -e ""';
    writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg));
    for (const file of ['scripts/cli/serve.mjs', 'scripts/build/check-node.mjs'])
      cpSync(join(REPO, file), join(dir, file));
    writeFileSync(join(dir, 'dist/index.html'), '<!doctype html><title>微能力手册</title>');
    const port = await freePort();
    const child = spawn('npm', ['start', '--', '--port', String(port)], {
      cwd: dir,
      detached: true,
      // Only the command line may choose the port here.
      env: Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== 'PORT')),
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      const deadline = Date.now() + 15_000;
      let status = 0;
      while (Date.now() < deadline && status === 0) {
        status = await fetch(`http://127.0.0.1:${String(port)}/`).then(
          (response) => response.status,
          () => 0,
        );
        if (status === 0) await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(status, output).toBe(200);
      expect(output).toContain(`http://127.0.0.1:${String(port)}/`);
    } finally {
      if (child.pid) process.kill(-child.pid);
    }
  });
});
