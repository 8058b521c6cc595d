/**
 * Text from outside (a rubric file or link, a picked file's name) shown as it is spelled, never
 * reordered: the Unicode bidirectional controls (U+202E RIGHT-TO-LEFT OVERRIDE and its kin) make
 * `evil‮gpm.exe` read as “evilexe.mpg”. Each is shown as a visible, inert mark such as
 * [U+202E]; no Chinese, Latin or digit text contains them, so nothing a teacher typed changes.
 */
import { mapStrings } from './chinese-typography';

/** LRM, RLM, ALM, LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI. */
const BIDI_CONTROLS = /[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/g;

export function displayText(text: string): string {
  return text.replace(
    BIDI_CONTROLS,
    (c) => `[U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}]`,
  );
}

/** {@link displayText} on every string in plain data (a rubric, its source). */
export function displayData<T>(value: T): T {
  return mapStrings(value, displayText);
}
