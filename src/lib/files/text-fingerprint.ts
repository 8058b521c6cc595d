/**
 * A short fingerprint of a text (FNV-1a): names a stored text that carries no readable stamp of
 * its own, so that replacing it is noticed too. Not a secret, not a content hash for files.
 */
export function textFingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return `${text.length}-${(h >>> 0).toString(16)}`;
}
