/**
 * jsPDF holds files and streams as binary strings: one character per byte. Building one from bytes
 * character by character costs a cold page tens of milliseconds for a font slice; widened to 16-bit
 * code units, each byte is one UTF-16 character, and the browser's decoder builds the string natively.
 * No byte can form a surrogate or the byte-order mark the decoder would drop.
 */
const utf16 = new TextDecoder('utf-16le');

export function binaryString(bytes: Uint8Array): string {
  return utf16.decode(new Uint16Array(bytes));
}

/** The bytes of a binary string; a character above 255 keeps its low byte, as jsPDF's own loops do. */
export function binaryBytes(text: string): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}
