/**
 * Whether the self-check's rubric editor left typed-in items for an ability in this browser.
 * Kept apart from rubric-editor-draft.ts (its schema and salvage) so the wizard can ask when a
 * step opens and fetch the editor only when it is needed (tests/e2e/budgets.spec.ts).
 */
import { APP_MARKER } from '../self-check/draft';
import { isPlainRecord } from '../files/versioned-file';

export const RUBRIC_DRAFT_KEY_PREFIX = 'weinengli.self-check.rubric-editor.';
export const RUBRIC_DRAFT_KIND = '自评标准录入草稿';

export const rubricDraftKey = (code: string) => `${RUBRIC_DRAFT_KEY_PREFIX}${code}`;

/**
 * Whether `raw` looks like the editor's saved items for `code` (marker, kind, code, at least one
 * item). Reading them, item by item, is rubric-editor-draft.ts's job. Never throws.
 */
export function looksLikeRubricDraft(raw: string | null | undefined, code: string): boolean {
  if (!raw) return false;
  try {
    const data: unknown = JSON.parse(raw);
    return (
      isPlainRecord(data) &&
      data['app'] === APP_MARKER &&
      data['kind'] === RUBRIC_DRAFT_KIND &&
      data['code'] === code &&
      Array.isArray(data['items']) &&
      data['items'].length > 0
    );
  } catch {
    return false;
  }
}
