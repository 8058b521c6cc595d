/** The bytes Notepad writes for `text`: UTF-8 (with or without its mark) or UTF-16 with its mark. */
export function encodeAs(
  text: string,
  encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be',
): Uint8Array {
  if (encoding === 'utf-8') return new TextEncoder().encode(text);
  if (encoding === 'utf-8-bom') return new TextEncoder().encode(`\uFEFF${text}`);
  const units = `\uFEFF${text}`;
  const bytes = new Uint8Array(units.length * 2);
  for (let i = 0; i < units.length; i++) {
    const unit = units.charCodeAt(i);
    const [first, second] = encoding === 'utf-16le' ? [unit & 0xff, unit >> 8] : [unit >> 8, unit & 0xff];
    bytes[i * 2] = first;
    bytes[i * 2 + 1] = second;
  }
  return bytes;
}

let gbkTable: Map<string, [number, number]> | undefined;

/**
 * The bytes Excel's “CSV (逗号分隔)” writes for `text` on a Chinese Windows (code page 936, GBK):
 * ASCII as itself, every other character as its two GBK bytes, found by decoding every two-byte
 * sequence with the platform's decoder (so no encoder library is needed). Throws on a character
 * GBK lacks, as Excel would write a '?'.
 */
export function encodeGbk(text: string): Uint8Array {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder('gbk');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const char = decoder.decode(new Uint8Array([lead, trail]));
        if (char.length === 1 && char !== '\uFFFD' && !gbkTable.has(char)) gbkTable.set(char, [lead, trail]);
      }
    }
  }
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (code < 0x80) bytes.push(code);
    else {
      const pair = gbkTable.get(char);
      if (!pair) throw new Error(`GBK has no ${char}`);
      bytes.push(...pair);
    }
  }
  return new Uint8Array(bytes);
}
