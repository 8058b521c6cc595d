/**
 * The plan editor's closing copy (files/closing-copy): what the principal typed, written at once
 * when /school/plan/ is hidden or closed, settled when it next opens, before the plan is read.
 * The stamp compared is the stored plan's savedAt; the copy is a kept draft (plan-draft), so an
 * unsettled copy goes where an unfinished draft goes and the page's usual rules take it from
 * there: restored with its message, saved at once when complete, and, when another tab saved the
 * plan since, the question which plan to keep.
 */
import {
  closingCopyFate,
  dropClosingCopy,
  readClosingCopy,
  writeClosingCopy,
  type ClosingStorage,
} from '../../files/closing-copy';
import type { TextStore } from '../../files/text-store';
import { PLAN_DRAFT_KEY, draftText, readDraftText, type KeptDraft } from './plan-draft';
import { importPlanText } from './plan-file';
import { PLAN_KEY } from './plan-store';

/**
 * Keeps a copy of the draft at once. `writtenAs` is the savedAt the page's save of it will store;
 * `basedOn` the stored plans the page started from (its last read or save, and one being saved).
 */
export function keepClosingPlan(
  storage: ClosingStorage | undefined,
  kept: KeptDraft,
  basedOn: readonly (string | undefined)[],
  writtenAs: string,
  now: Date = new Date(),
): boolean {
  return writeClosingCopy(storage, PLAN_KEY, { text: draftText(kept), basedOn, writtenAs, at: now });
}

/** Removes the closing copy if `superseded` says it is this page's and no longer needed. */
export function dropClosingPlan(
  storage: ClosingStorage | undefined,
  superseded: (writtenAs: string) => boolean,
): void {
  dropClosingCopy(storage, PLAN_KEY, superseded);
}

/**
 * Settles a copy left by an earlier visit: 'restored' when it was put where the page restores an
 * unfinished draft from; 'none' when there was none or its save had landed.
 */
export async function settleClosingPlan(
  store: TextStore | undefined,
  storage: ClosingStorage | undefined,
): Promise<'restored' | 'none'> {
  const copy = readClosingCopy(storage, PLAN_KEY);
  if (!store || !copy) return 'none';
  const kept = readDraftText(copy.text);
  try {
    if (kept) {
      const storedText = await store.get(PLAN_KEY);
      const read = storedText === undefined ? undefined : importPlanText(storedText);
      const stored = read?.ok ? read.plan.savedAt : undefined;
      const fate = closingCopyFate(copy, stored);
      // An unfinished draft's save writes the draft itself, not the plan.
      const draftLanded = (await store.get(PLAN_DRAFT_KEY)) === copy.text;
      if (fate !== 'landed' && !draftLanded) {
        // Newer than the stored plan: it starts from that plan, whichever save of this page's
        // stored it. Overtaken by another tab: it keeps its own start, and the page asks.
        const basedOn = fate === 'newer' ? stored : kept.basedOn;
        await store.set(PLAN_DRAFT_KEY, draftText({ ...kept, basedOn }));
        dropClosingCopy(storage, PLAN_KEY);
        return 'restored';
      }
    }
    dropClosingCopy(storage, PLAN_KEY);
    return 'none';
  } catch {
    // The store could not be read or written: the copy stays for the next visit.
    return 'none';
  }
}
