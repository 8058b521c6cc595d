/**
 * The school plan kept for this reviewer (review-plan-store.ts): read back when the page opens,
 * written when the reviewer takes a plan in, says who they are or removes it. Every write is
 * checked against what this tab last read or wrote; when another tab has changed the kept plan
 * since, nothing is written and the page asks which one to keep (`conflict`).
 */
import { useEffect, useRef, useState } from 'react';
import type { TextStore } from '../../lib/files/text-store';
import { readPlan, type SchoolPlan } from '../../lib/school/plan/plan-file';
import {
  loadKeptPlan,
  saveKeptPlan,
  type KeptPlan,
  type PlanLoad,
  type PlanReader,
} from '../../lib/review/review-plan-store';

const read: PlanReader<SchoolPlan> = readPlan;

export interface PlanConflict {
  /** What this tab meant to keep (undefined: to remove the plan). */
  wanted: KeptPlan<SchoolPlan> | undefined;
  /** What the other tab kept. */
  stored: PlanLoad<SchoolPlan>;
}

export interface ReviewPlanState {
  ready: boolean;
  kept: KeptPlan<SchoolPlan> | undefined;
  /** The kept text did not read: said, and left in place until a plan is taken in. */
  unreadable: string | undefined;
  saveError: string | undefined;
  conflict: PlanConflict | undefined;
  /** Keeps this plan (or none), unless another tab changed the kept one since. */
  keep: (next: KeptPlan<SchoolPlan> | undefined) => Promise<boolean>;
  /** After a conflict: write this tab's choice anyway, or take the other tab's. */
  resolve: (choice: 'mine' | 'theirs') => Promise<void>;
}

export function useReviewPlan(store: TextStore | undefined): ReviewPlanState {
  const [ready, setReady] = useState(false);
  const [kept, setKept] = useState<KeptPlan<SchoolPlan>>();
  const [unreadable, setUnreadable] = useState<string>();
  const [saveError, setSaveError] = useState<string>();
  const [conflict, setConflict] = useState<PlanConflict>();
  // What is stored as this tab last read or wrote it: the check before every write.
  const raw = useRef<string | undefined>(undefined);
  const loading = useRef<Promise<void>>(undefined);

  useEffect(() => {
    let live = true;
    loading.current = loadKeptPlan(store, read).then((loaded) => {
      if (!live) return;
      if (loaded.status === 'ok') {
        raw.current = loaded.raw;
        setKept(loaded.kept);
      } else if (loaded.status === 'unreadable') {
        raw.current = loaded.raw;
        setUnreadable(loaded.error);
      }
      // A browser that keeps nothing is said when a plan is taken in (the session says it too).
      setReady(true);
    });
    return () => {
      live = false;
    };
  }, []);

  const write = async (next: KeptPlan<SchoolPlan> | undefined, force: boolean): Promise<boolean> => {
    await loading.current;
    // A plan taken in replaces an unreadable one: the reviewer was told it could not be read.
    const saved = await saveKeptPlan(store, next, raw.current, read, { force });
    if (saved.status === 'conflict') {
      setConflict({ wanted: next, stored: saved.stored });
      return false;
    }
    setConflict(undefined);
    if (saved.status === 'failed') {
      // Not kept, but the page still works with it until it is closed.
      setSaveError(saved.error);
    } else {
      raw.current = saved.raw;
      setSaveError(undefined);
    }
    setUnreadable(undefined);
    setKept(next);
    return true;
  };

  return {
    ready,
    kept,
    unreadable,
    saveError,
    conflict,
    keep: (next) => write(next, false),
    resolve: async (choice) => {
      if (!conflict) return;
      if (choice === 'mine') {
        await write(conflict.wanted, true);
        return;
      }
      const { stored } = conflict;
      raw.current = stored.status === 'ok' || stored.status === 'unreadable' ? stored.raw : undefined;
      setKept(stored.status === 'ok' ? stored.kept : undefined);
      setUnreadable(stored.status === 'unreadable' ? stored.error : undefined);
      setConflict(undefined);
    },
  };
}
