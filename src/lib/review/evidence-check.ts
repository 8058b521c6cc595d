/**
 * Are these the files that were self-checked? The reviewer picks the files a teacher sent; the
 * browser hashes them (file-hash.ts) and each is compared with the SHA-256 values the teacher's
 * browser recorded in the self-check. Nothing is uploaded.
 *
 * - same: its hash is one recorded in the self-check.
 * - different: its hash is recorded nowhere — it is not a file the teacher self-checked; when a
 *   recorded file has its name, it is that file changed or swapped.
 * - unrecorded: no hash matches, and the self-check's file of that name has no hash recorded
 *   (the teacher did not pick the file, or hashing failed), so it cannot be told.
 */
import type { Draft } from '../self-check/draft';
import { isPresent, type EvidenceFile } from '../grading/grading';
import type { FileCheck, FileVerdict } from './review-file';

export interface RecordedFile {
  code: string;
  itemId: string;
  file: EvidenceFile;
}

/** Every file the self-check lists, on items submitted as grading.ts counts them (ticked ready or typed out). */
export function recordedFiles(draft: Draft): RecordedFile[] {
  const files: RecordedFile[] = [];
  for (const code of draft.abilities) {
    const evidence = Object.hasOwn(draft.evidence, code) ? draft.evidence[code] : undefined;
    for (const [itemId, item] of Object.entries(evidence?.items ?? {})) {
      if (!isPresent(item)) continue;
      for (const file of item.files) files.push({ code, itemId, file });
    }
  }
  return files;
}

export interface FileCheckResult {
  name: string;
  sha256: string;
  verdict: FileVerdict;
  /** The self-check's files this one was compared with: same hash, else same name. */
  matches: RecordedFile[];
}

export function checkEvidenceFile(
  picked: { name: string; sha256: string },
  recorded: readonly RecordedFile[],
): FileCheckResult {
  const sameHash = recorded.filter((r) => r.file.sha256 === picked.sha256);
  if (sameHash.length > 0) return { ...picked, verdict: 'same', matches: sameHash };
  const sameName = recorded.filter((r) => r.file.name === picked.name);
  const verdict =
    sameName.length > 0 && sameName.every((r) => r.file.sha256 === undefined) ? 'unrecorded' : 'different';
  return { ...picked, verdict, matches: sameName };
}

export const VERDICT_TEXT: Record<FileVerdict, string> = {
  same: '与自评时的文件一致',
  different: '与自评时的文件不同',
  unrecorded: '自评时未记录文件校验码，无法核对',
};

/** The checks as the review file keeps them, under each item the picked file matched. */
export function fileChecksByItem(
  results: readonly FileCheckResult[],
): Record<string, Record<string, FileCheck[]>> {
  const byCode: Record<string, Record<string, FileCheck[]>> = {};
  for (const result of results) {
    const places = new Set(result.matches.map((m) => `${m.code}\u0000${m.itemId}`));
    for (const place of places) {
      const [code = '', itemId = ''] = place.split('\u0000');
      const items = (byCode[code] ??= {});
      (items[itemId] ??= []).push({ name: result.name, sha256: result.sha256, verdict: result.verdict });
    }
  }
  return byCode;
}
