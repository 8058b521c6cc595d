/**
 * The wizard's 打开评审意见 button and the reviewers' notes beside abilities and items. Most
 * teachers never open a review, so the review machinery (its file schema, the rule that compares
 * it with the draft, the notes) is fetched only when this browser keeps a review or the teacher
 * picks a file (tests/e2e/budgets.spec.ts). The button itself stays put while it loads, so focus
 * does not jump.
 */
import { useCallback, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { Draft } from '../../lib/self-check/draft';
import { browserStorage } from '../../lib/self-check/draft-store';
import { hasKeptReviews, MAX_REVIEW_BYTES } from '../../lib/review/review-presence';
import JsonFileButton from '../JsonFileButton';
import { onDemand } from '../OnDemand';
import type { PickedFile } from './ReviewFeedback';
import './review-feedback.css';

const feedback = onDemand(() => import('./ReviewFeedback'));
const ReviewPanel = feedback.part((m) => m.ReviewPanel);
const LazyAbilityNotes = feedback.part((m) => m.AbilityReviewNotes);
const LazyItemNotes = feedback.part((m) => m.ItemReviewNotes);
const WHAT = '评审意见';

// Whether the review machinery is wanted on this page: once true, it stays true.
let wanted: boolean | undefined;
const listeners = new Set<() => void>();
const isWanted = () => (wanted ??= hasKeptReviews(browserStorage()));
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
function want(): void {
  if (wanted) return;
  wanted = true;
  for (const listener of listeners) listener();
}
const useWanted = () => useSyncExternalStore(subscribe, isWanted, () => false);

/** The button, and once wanted the list of opened reviews with their messages. */
export function ReviewEntry({ draft }: { draft: Draft }) {
  const shown = useWanted();
  const [files, setFiles] = useState<readonly PickedFile[]>([]);
  const onFilesRead = useCallback(
    (read: readonly PickedFile[]) => setFiles((waiting) => waiting.filter((f) => !read.includes(f))),
    [],
  );
  const pick = (picked: PickedFile) => {
    setFiles((waiting) => [...waiting, picked]);
    want();
  };
  return (
    <div className="review-feedback">
      <JsonFileButton
        label="打开评审意见"
        multiple
        maxBytes={MAX_REVIEW_BYTES}
        what="评审意见文件"
        onFile={(file) => pick({ file })}
        onRefused={(file, refused) => pick({ file, refused })}
      />
      {shown && (
        <feedback.Boundary
          what={WHAT}
          fallback={
            files.length > 0 ? (
              <p className="notice" role="status">
                正在打开评审意见……
              </p>
            ) : null
          }
        >
          <ReviewPanel draft={draft} files={files} onFilesRead={onFilesRead} />
        </feedback.Boundary>
      )}
    </div>
  );
}

// The notes beside abilities and items stay quiet when the fetch fails: the panel says it once.
const Quiet = ({ children }: { children: ReactNode }) => (
  <feedback.Boundary what={WHAT} quiet>
    {children}
  </feedback.Boundary>
);

/** The reviewers' grade and overall comment on one ability, when a review is open. */
export function AbilityReviewNotes({ code }: { code: string }) {
  return useWanted() ? (
    <Quiet>
      <LazyAbilityNotes code={code} />
    </Quiet>
  ) : null;
}

/** The reviewers' grade and comment on one evidence item, when a review is open. */
export function ItemReviewNotes({ code, itemId }: { code: string; itemId: string }) {
  return useWanted() ? (
    <Quiet>
      <LazyItemNotes code={code} itemId={itemId} />
    </Quiet>
  ) : null;
}
