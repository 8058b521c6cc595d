/**
 * The part of the import that reads: loaded on the first document, with the parser. A file or a
 * paste becomes a {@link GuideReading}, or a sentence saying why not; nothing here touches the
 * editor.
 */
import { displayText } from '../../lib/content/display-text';
import { readGuideFile, readGuidePaste, type GuideFileResult } from '../../lib/rubrics/guide/guide-file';
import { readGuide, type HandbookAbilityRef } from '../../lib/rubrics/guide/guide-parse';
import type { GuideReading } from '../../lib/rubrics/guide/guide-reading';
import { browserGuideReaders } from './guide-readers';

export type ReadResult = { ok: true; reading: GuideReading } | { ok: false; error: string };

function toReading(result: GuideFileResult, handbook: readonly HandbookAbilityRef[]): ReadResult {
  if (!result.ok) return result;
  const reading = readGuide(result.document, handbook);
  if (reading.abilities.length === 0)
    return {
      ok: false,
      error: [
        '没有在其中找到微能力点（例如“C5 基于数据的个别化指导”和它的提交指南、评价标准）。',
        ...reading.notes,
      ].join(''),
    };
  return { ok: true, reading };
}

export async function readGuideFileFor(
  file: File,
  handbook: readonly HandbookAbilityRef[],
): Promise<ReadResult> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    // Moved, deleted or on a drive that went away between the pick and the read.
    return { ok: false, error: `“${displayText(file.name)}”读不出来：文件可能已被移动或删除，请重新选择。` };
  }
  // The name only words messages: shown as spelled, never reordered by a bidi control in it.
  return toReading(await readGuideFile(displayText(file.name), bytes, browserGuideReaders), handbook);
}

export function readGuidePasteFor(
  html: string | undefined,
  text: string,
  handbook: readonly HandbookAbilityRef[],
): ReadResult {
  return toReading(readGuidePaste(html, text), handbook);
}
