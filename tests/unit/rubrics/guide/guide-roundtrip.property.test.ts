/**
 * Any rubric written out in the 规范's layout reads back as the same rubric, whether it comes as
 * Word's HTML (tables) or as flattened text broken into short lines; and nothing a person can
 * paste or drop makes the reader throw or hang.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rubricFromDraft } from '../../../../src/lib/rubrics/rubric-editor';
import { readGuide } from '../../../../src/lib/rubrics/guide/guide-parse';
import { documentFromHtml } from '../../../../src/lib/rubrics/guide/guide-html';
import { documentFromText } from '../../../../src/lib/rubrics/guide/guide-text';
import {
  readGuideFile,
  readGuidePaste,
  type GuideReaders,
} from '../../../../src/lib/rubrics/guide/guide-file';
import { documentFromPdfPages } from '../../../../src/lib/rubrics/guide/guide-pdf-layout';
import type { GuideDocument } from '../../../../src/lib/rubrics/guide/guide-document';
import { comparable } from '../../../support/guide-expect';
import {
  laidAbilityArb,
  layoutHtml,
  layoutText,
  rubricOf,
  type LaidAbility,
} from '../../../support/guide-layout-text';

const abilitiesArb = fc.uniqueArray(laidAbilityArb, { minLength: 1, maxLength: 4, selector: (a) => a.code });

function readsBack(abilities: LaidAbility[], document: GuideDocument) {
  const reading = readGuide(document, []);
  expect(reading.abilities.map((a) => a.code)).toEqual(abilities.map((a) => a.code));
  abilities.forEach((laid, i) => {
    const ability = reading.abilities[i];
    expect(ability?.flags).toEqual([]);
    const checked = ability && rubricFromDraft(ability.draft);
    expect(checked?.ok).toBe(true);
    if (checked?.ok) expect(comparable(checked.value)).toEqual(comparable(rubricOf(laid)));
    expect(ability?.capability?.statement).toBe(laid.statement);
    expect(ability?.capability?.goals).toEqual(laid.goals);
  });
}

describe('a rubric in the 规范 layout reads back as itself', () => {
  it('from flattened text, whole lines', () => {
    fc.assert(
      fc.property(abilitiesArb, (abilities) => readsBack(abilities, documentFromText(layoutText(abilities)))),
    );
  });

  it('from flattened text broken into narrow lines, as a PDF copy gives it', () => {
    fc.assert(
      fc.property(abilitiesArb, fc.integer({ min: 8, max: 40 }), (abilities, width) =>
        readsBack(abilities, documentFromText(layoutText(abilities, width))),
      ),
    );
  });

  it("from Word's HTML, criteria in two-column tables", () => {
    fc.assert(
      fc.property(abilitiesArb, (abilities) => readsBack(abilities, documentFromHtml(layoutHtml(abilities)))),
    );
  });
});

const rejecting: GuideReaders = {
  docxToHtml: () => Promise.reject(new Error('not a zip')),
  pdfPages: () => Promise.reject(new Error('Invalid PDF structure')),
};

describe('nothing a person hands the reader makes it throw', () => {
  it('any pasted text or HTML', () => {
    fc.assert(
      fc.property(
        fc.option(fc.string({ maxLength: 3000 }), { nil: undefined }),
        fc.string({ maxLength: 3000 }),
        (html, text) => {
          const result = readGuidePaste(html, text);
          if (result.ok) readGuide(result.document, []);
          else expect(result.error.length).toBeGreaterThan(5);
        },
      ),
    );
  });

  it('text made of the layout’s own words in any order', () => {
    const word = fc.constantFrom(
      'C5 基于数据的个别化指导',
      '能力维度 □学情分析√学法指导',
      '所属环境 √智慧学习环境',
      '能力描述',
      '⚫ 目标',
      '提交指南和',
      '评价标准',
      '1. 情景描述:简要描述',
      '2.案例展示:以视频形式提交,需出现教师个人形象,时间不超过 10 分钟。',
      '任务一:提交两份作品',
      '任务二:',
      '优秀 合格',
      '优秀',
      '合格',
      ' 清晰;',
      ' 完整。',
      '第54页',
      '54',
      '实践建议',
      '附件',
      '一、总则',
      '不超过',
      '分钟',
      '出镜',
      '两位',
      'C5',
      'A13',
      'Ｃ５基于数据',
      '',
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 200 }), (lines) => {
        const reading = readGuide(documentFromText(lines.join('\n')), [
          { code: 'C5', name: '基于数据的个别化指导' },
        ]);
        for (const a of reading.abilities) rubricFromDraft(a.draft);
      }),
    );
  });

  it('any bytes, as any file name', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('指南.docx', '指南.pdf', '指南.txt', '指南', 'a.doc'),
        fc.oneof(
          fc.uint8Array({ maxLength: 4000 }),
          fc.uint8Array({ maxLength: 2000 }).map((b) => new Uint8Array([0x50, 0x4b, 3, 4, ...b])),
          fc
            .uint8Array({ maxLength: 2000 })
            .map((b) => new Uint8Array([...new TextEncoder().encode('%PDF-1.7\n'), ...b])),
        ),
        async (name, bytes) => {
          const result = await readGuideFile(name, bytes, rejecting);
          if (result.ok) readGuide(result.document, []);
          else expect(result.error).toMatch(/[\u4e00-\u9fa5]/);
        },
      ),
    );
  });

  it('any PDF text positions', () => {
    const item = fc.record({
      str: fc.oneof(
        fc.string({ maxLength: 20 }),
        fc.constantFrom('优秀', '合格', ' 清晰;', '1. 名称:要求', '第3页'),
      ),
      x: fc.double({ min: -100, max: 1000, noNaN: true }),
      y: fc.double({ min: -100, max: 1000, noNaN: true }),
      width: fc.double({ min: 0, max: 500, noNaN: true }),
      height: fc.double({ min: 0, max: 40, noNaN: true }),
    });
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            width: fc.constant(595),
            height: fc.constant(842),
            items: fc.array(item, { maxLength: 80 }),
          }),
          { maxLength: 5 },
        ),
        (pages) => {
          readGuide(documentFromPdfPages(pages), []);
        },
      ),
    );
  });
});
