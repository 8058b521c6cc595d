/**
 * Builds the site from altered copies of the content folder, as a school's IT admin would
 * after editing a file: a broken entry must stop the build naming the file and the field; a
 * regional rubric added as one file must appear without code changes.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildSiteCopy } from '../../../scripts/build/build-site-copy.mjs';
import { CONTENT_DIR } from '../../support/content-files';

// A whole Astro build per test: on a busy two-core machine one has taken over 20 s.
vi.setConfig({ testTimeout: 120_000 });

// `npm run build` renders the app icons before `astro build`, and the offline copy precaches
// them; these builds call `astro build` directly, so on a fresh clone the icons come first.
beforeAll(() => {
  const icons = spawnSync('node', ['scripts/build/build-icons.mjs'], { encoding: 'utf8' });
  if (icons.status !== 0) throw new Error(`build-icons failed: ${icons.stderr}`);
});

const work = mkdtempSync(join(tmpdir(), 'handbook-content-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function build(
  name: string,
  edit: (dir: string) => void,
): Promise<{ status: number | null; output: string; outDir: string }> {
  const dir = join(work, name, 'content');
  cpSync(CONTENT_DIR, dir, { recursive: true });
  edit(dir);
  const outDir = join(work, name, 'dist');
  const { status, output } = await buildSiteCopy({
    contentDir: dir,
    outDir,
    cacheDir: join(work, name, 'cache'),
  });
  return { status, output, outDir };
}

function editFile(path: string, from: string | RegExp, to: string): void {
  const text = readFileSync(path, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`fixture edit did not apply to ${path}`);
  writeFileSync(path, next);
}

describe('a broken content file fails the build, naming the file and the field', () => {
  it('a missing field', async () => {
    const { status, output } = await build('missing-field', (dir) =>
      editFile(join(dir, 'abilities/C5.mdx'), /^dimension: .*\n/m, ''),
    );
    expect(status).not.toBe(0);
    expect(output).toMatch(/abilities\/C5\.mdx/);
    expect(output).toContain('dimension: 缺少必填字段');
  });

  it('a time limit written as prose', async () => {
    const { status, output } = await build('prose-limit', (dir) =>
      editFile(join(dir, 'abilities/C6.mdx'), /maxMinutes: 10\n/, 'maxMinutes: 10分钟\n'),
    );
    expect(status).not.toBe(0);
    expect(output).toMatch(/abilities\/C6\.mdx/);
    expect(output).toContain('evidence.1.limits.maxMinutes: 须写成数字（分钟）');
  });

  it('a graded item without criteria', async () => {
    const { status, output } = await build('no-criteria', (dir) =>
      editFile(join(dir, 'abilities/C5.mdx'), / {4}criteria:\n( {6}.*\n| {8}.*\n)+/, ''),
    );
    expect(status).not.toBe(0);
    expect(output).toMatch(/abilities\/C5\.mdx/);
    expect(output).toContain('evidence.1.criteria');
  });

  it('an ability in the wrong environment', async () => {
    const { status, output } = await build('wrong-environment', (dir) =>
      editFile(join(dir, 'abilities/A1.mdx'), /^environment: .*$/m, 'environment: 智慧学习环境'),
    );
    expect(status).not.toBe(0);
    expect(output).toMatch(/abilities\/A1\.mdx/);
    expect(output).toContain('A1 属于多媒体教学环境');
  });

  it('two files claiming the same code', async () => {
    const { status, output } = await build('duplicate', (dir) =>
      cpSync(join(dir, 'abilities/C5.mdx'), join(dir, 'abilities/C5-copy.mdx')),
    );
    expect(status).not.toBe(0);
    expect(output).toContain('微能力点编号重复');
    expect(output).toMatch(/C5-copy\.mdx/);
  });

  it('a citation of a source that does not exist', async () => {
    const { status, output } = await build('unknown-source', (dir) =>
      editFile(
        join(dir, 'abilities/C7.mdx'),
        /source: seed-004, locator: 第55页/,
        'source: seed-999, locator: 第55页',
      ),
    );
    expect(status).not.toBe(0);
    expect(output).toContain('引用了不存在的来源「seed-999」');
  });
});

describe('a region adds its own rubric as one file', () => {
  it('gets its own page, linked from the national one', async () => {
    const { status, output, outDir } = await build('regional', (dir) => {
      mkdirSync(join(dir, 'abilities/regions/test-province'), { recursive: true });
      cpSync(
        join(import.meta.dirname, '../../fixtures/content/regional-C5.mdx'),
        join(dir, 'abilities/regions/test-province/C5.mdx'),
      );
    });
    expect(status, output).toBe(0);
    const regional = join(outDir, 'abilities/C5/test-province/index.html');
    expect(existsSync(regional)).toBe(true);
    const html = readFileSync(regional, 'utf8');
    expect(html).toContain('测试省版');
    expect(html).toContain('时长 ≤ 8 分钟');
    expect(html).toContain('测试用优秀标准');
    const national = readFileSync(join(outDir, 'abilities/C5/index.html'), 'utf8');
    expect(national).toContain('href="/abilities/C5/test-province/"');
    // The national grid and list stay at 30.
    const list = readFileSync(join(outDir, 'abilities/index.html'), 'utf8');
    expect(list.match(/data-code="/g)).toHaveLength(30);
  });
});

describe('text an editor writes into a content file', () => {
  it('a code block renders as plain text, with no inline style for the CSP to block', async () => {
    const { status, output, outDir } = await build('code-block', (dir) => {
      const file = join(dir, 'abilities/C5.mdx');
      writeFileSync(file, `${readFileSync(file, 'utf8')}\n\n\`\`\`text\n学生数据表.xlsx\n\`\`\`\n`);
    });
    expect(status, output).toBe(0);
    expect(output).not.toContain('Shiki');
    // Astro's own "use astro:head-inject" marker is known to be harmless; an admin reading the
    // build log should see only warnings about their content.
    expect(output).not.toContain('MODULE_LEVEL_DIRECTIVE');
    expect(output).not.toMatch(/\[WARN\]/);
    const html = readFileSync(join(outDir, 'abilities/C5/index.html'), 'utf8');
    expect(html).toMatch(/<pre[^>]*><code[^>]*>学生数据表\.xlsx/);
    expect(html).not.toMatch(/<[^>]+\sstyle="/);
  });
});
