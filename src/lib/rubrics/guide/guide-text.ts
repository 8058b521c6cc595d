/**
 * Plain text (a .txt, or a paste without HTML) as a {@link GuideDocument}: one line per line.
 * Line breaks inside a sentence are kept here; the parser joins them where the layout says so.
 */
import { GUIDE_BOUNDS, type GuideBlock, type GuideDocument } from './guide-document';

export function documentFromText(text: string): GuideDocument {
  const blocks: GuideBlock[] = [];
  for (const raw of text.slice(0, GUIDE_BOUNDS.textChars).split(/\r\n|\r|\n|\u2028|\u2029|\f/)) {
    const line = raw.replace(/\t/g, ' ').trim();
    if (line === '') continue;
    blocks.push({ kind: 'line', text: line.slice(0, GUIDE_BOUNDS.lineChars) });
    if (blocks.length >= GUIDE_BOUNDS.blocks) break;
  }
  return { from: 'text', blocks };
}
