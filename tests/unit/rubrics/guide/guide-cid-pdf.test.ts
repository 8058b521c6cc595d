/**
 * A Chinese PDF whose font is not embedded reads only through Adobe's character maps: with them
 * (as rubric:import and the page pass them) it gives the handbook's C5; without them, no text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { nodeGuideReaders } from '../../../../scripts/cli/guide-readers-node.mjs';
import { readGuideFile } from '../../../../src/lib/rubrics/guide/guide-file';
import { readGuide } from '../../../../src/lib/rubrics/guide/guide-parse';
import { rubricFromDraft } from '../../../../src/lib/rubrics/rubric-editor';
import { cidFontPdf, seedC5Lines } from '../../../support/cid-font-pdf';
import { comparable, handbookEntry } from '../../../support/guide-expect';

const seed = readFileSync(
  join(import.meta.dirname, '../../../../sources/seeds/004_fec723f99a37eeaf.txt'),
  'utf8',
);
const pdf = cidFontPdf(seedC5Lines(seed));

describe('a PDF set in STSong-Light through UniGB-UCS2-H (font not embedded)', () => {
  it('reads as the handbook’s C5 with the character maps', async () => {
    const result = await readGuideFile('c5.pdf', pdf, nodeGuideReaders);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [c5] = readGuide(result.document, [{ code: 'C5', name: '基于数据的个别化指导' }]).abilities;
    const checked = c5 && rubricFromDraft(c5.draft);
    expect(checked?.ok && comparable(checked.value)).toEqual(comparable(handbookEntry('C5')));
  });

  it('gives no text at all without them (why the site serves them)', async () => {
    const task = getDocument({ data: pdf.slice(), verbosity: 0, useSystemFonts: false });
    const doc = await task.promise;
    const { items } = await (await doc.getPage(1)).getTextContent();
    const text = items.map((i) => ('str' in i ? i.str : '')).join('');
    expect(text).not.toContain('基于数据');
    await task.destroy();
  });
});
