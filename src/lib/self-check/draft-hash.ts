/**
 * A fingerprint of what a teacher self-checked: the profile, the chosen abilities, the
 * evidence and the rubrics they typed in — not when it was saved, which step the wizard shows
 * or the draft's id. A review file stores it, so a self-check changed after review shows up as
 * 自评已更新，需重新评审; the version-1 migration derives a draft's id from it.
 *
 * Synchronous (@noble/hashes, not Web Crypto) so it works on plain http and inside migrations.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { Draft } from './draft';

/** The parts of a draft that are the teacher's self-check. */
export type DraftContent = Pick<Draft, 'profile' | 'abilities' | 'evidence' | 'customRubrics'>;

/**
 * JSON with object keys sorted at every depth, so the same content always gives the same text
 * whatever order the keys were written in. Array order is kept (it means something: the order
 * of abilities and files). `undefined` members are left out, as JSON.stringify does.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value) as string | undefined;
    return text ?? 'null';
  }
  if (Array.isArray(value))
    return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  const record = value as Record<string, unknown>;
  const members = Object.keys(record)
    .sort()
    .filter((key) => record[key] !== undefined)
    .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
  return `{${members.join(',')}}`;
}

/** SHA-256 (64 lower-case hex digits) of the canonical JSON of any value. */
export function contentHashOf(value: unknown): string {
  return bytesToHex(sha256(utf8ToBytes(canonicalJson(value))));
}

/** SHA-256 of the draft's self-check content; equal for drafts that differ only in savedAt, step, currentAbility or id. */
export function draftContentHash(draft: DraftContent): string {
  return contentHashOf({
    profile: draft.profile,
    abilities: draft.abilities,
    evidence: draft.evidence,
    customRubrics: draft.customRubrics,
  });
}

/** 32 hex digits as a lower-case UUID (8-4-4-4-12). */
export function uuidShape(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * A draft id derived from the content of an unvalidated draft-like record: the same content
 * always gives the same id. For drafts that have no usable id (version 1, or a damaged one).
 */
export function idFromContent(record: Record<string, unknown>): string {
  return uuidShape(
    contentHashOf({
      profile: record['profile'],
      abilities: record['abilities'],
      evidence: record['evidence'],
      customRubrics: record['customRubrics'],
    }),
  );
}
