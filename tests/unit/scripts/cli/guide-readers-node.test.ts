/**
 * The Node builds of the two heavy readers that `rubric:import` hands the shared 考核指南 reader:
 * what they give is what the page's browser builds give (tables kept, text items with their
 * positions), they stop at the page limit, and a damaged file rejects rather than half-reads.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeGuideReaders } from '../../../../scripts/cli/guide-readers-node.mjs';
import { GUIDE_FILES } from '../../../fixtures/guide/make-guide-fixtures.mjs';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(join(import.meta.dirname, '../../../fixtures/guide', name)));

describe('the Node guide readers', () => {
  it('turn Word into HTML that keeps the 优秀 | 合格 tables', async () => {
    const html = await nodeGuideReaders.docxToHtml(fixture(GUIDE_FILES.docx));
    expect(html).toContain('<table>');
    expect(html).toMatch(/<td>.*优秀.*<\/td>/);
  });

  it('give each PDF page its size and its text items with positions, the two columns side by side', async () => {
    const { pages, total } = await nodeGuideReaders.pdfPages(fixture(GUIDE_FILES.pdf), 400);
    expect(pages).toHaveLength(total);
    const [first] = pages;
    if (!first) throw new Error('the fixture has pages');
    // A4 in points.
    expect(first.width).toBeCloseTo(595.28, 0);
    expect(first.height).toBeCloseTo(841.89, 0);
    const excellent = first.items.find((i) => i.str === '优秀');
    const pass = first.items.find((i) => i.str === '合格');
    expect(excellent?.y).toBeCloseTo(pass?.y ?? Number.NaN, 3);
    expect((pass?.x ?? 0) - (excellent?.x ?? 0)).toBeGreaterThan(first.width / 3);
    expect(excellent?.width).toBeGreaterThan(0);
    expect(excellent?.height).toBeGreaterThan(0);
  });

  it('stop after the page limit, saying how many pages there are', async () => {
    const { pages, total } = await nodeGuideReaders.pdfPages(fixture(GUIDE_FILES.pdf), 1);
    expect(pages).toHaveLength(1);
    expect(total).toBeGreaterThan(1);
  });

  it('reject a damaged file instead of reading part of it, and leave the caller’s bytes as they were', async () => {
    const bytes = fixture(GUIDE_FILES.pdf).slice(0, 2000);
    const copy = bytes.slice();
    await expect(nodeGuideReaders.pdfPages(bytes, 400)).rejects.toThrow();
    expect(bytes).toEqual(copy);
    await expect(nodeGuideReaders.docxToHtml(fixture(GUIDE_FILES.docx).slice(0, 2000))).rejects.toThrow();
  });
});
