/**
 * What the review page derives from the kept school plan: who the reviewer said they are, the
 * teachers assigned to them (review-assignments.ts decides), the plan's stages for each
 * teacher's review, and the two things the reviewer does with the list (choose who they are, go
 * to a teacher). Kept apart from ReviewApp so the page's island stays about the files.
 */
import { useEffect, useMemo, useRef, type Dispatch, type SetStateAction } from 'react';
import { packetColumn, type StagePlan } from '../../lib/content/review-stages';
import { normalName } from '../../lib/school/plan/roster-import';
import {
  assignedStageOf,
  assignedStages,
  findChoice,
  isAssignedAt,
  unassignedLoaded,
  type AssignedStage,
  type ReviewerChoice,
} from '../../lib/review/review-assignments';
import type { ReviewSession } from '../../lib/review/review-session';
import type { RegionReview } from './types';
import type { ReviewPlanState } from './use-review-plan';

/** The plan's stages as a teacher's review offers them. */
export interface SchoolPlanStages {
  school: string;
  stages: StagePlan;
  /** The stages done outside the school (县级审核认定, 省市抽查). */
  outside: readonly string[];
}

export interface PlanView {
  choice: ReviewerChoice | undefined;
  stages: AssignedStage[];
  /** Teachers opened on the page whom the plan does not assign to this reviewer. */
  unassigned: string[];
  schoolPlan: SchoolPlanStages | undefined;
  stageOf: (draftId: string) => string | undefined;
  regionName: (slug: string) => string | undefined;
  choose: (choice: ReviewerChoice | undefined) => void;
  go: (draftId: string, stage: string) => void;
}

export function usePlanView(args: {
  plan: ReviewPlanState;
  session: ReviewSession;
  setSession: Dispatch<SetStateAction<ReviewSession>>;
  /** The session has been read back: until then, nothing is changed in it. */
  ready: boolean;
  regions: Record<string, RegionReview>;
}): PlanView {
  const { plan, session, setSession, ready, regions } = args;
  const kept = plan.kept;
  const choice = kept ? findChoice(kept.plan, kept.as) : undefined;
  const stages = useMemo(
    () =>
      kept && choice
        ? assignedStages({
            plan: kept.plan,
            choice,
            loaded: session.teachers,
            reviews: session.reviews,
            names: [choice.reviewer ?? '', session.reviewer.name],
            key: normalName,
          })
        : [],
    [kept, choice?.id, session.teachers, session.reviews, session.reviewer.name],
  );
  const schoolPlan = useMemo(
    (): SchoolPlanStages | undefined =>
      kept && {
        school: kept.plan.school.name,
        stages: { stages: kept.plan.stages.map((s) => ({ name: s.name, column: packetColumn(s.name) })) },
        outside: kept.plan.stages.filter((s) => s.outside).map((s) => s.name),
      },
    [kept],
  );

  // A plan taken in or a choice made after the self-checks were opened: each assigned teacher's
  // review moves to the stage of the assignment, unless it is already at one of its stages. Only
  // on a change made now: what the page reads back on opening keeps the stages as they were left.
  const applied = useRef<string>(undefined);
  useEffect(() => {
    if (!ready || !plan.ready) return;
    const key = JSON.stringify([choice?.id ?? '', kept?.plan.savedAt ?? '', kept?.plan.school.name ?? '']);
    const first = applied.current === undefined;
    if (applied.current === key) return;
    applied.current = key;
    if (first || stages.length === 0) return;
    setSession((s) => {
      let changed = false;
      const teachers = s.teachers.map((t) => {
        const at = assignedStageOf(stages, t.draft.id);
        if (at === undefined || isAssignedAt(stages, t.draft.id, t.stage)) return t;
        changed = true;
        return { ...t, stage: at };
      });
      return changed ? { ...s, teachers } : s;
    });
  }, [ready, plan.ready, choice?.id, kept]);

  return {
    choice,
    stages,
    unassigned: choice ? unassignedLoaded(stages, session.teachers) : [],
    schoolPlan,
    stageOf: (draftId) => assignedStageOf(stages, draftId),
    regionName: (slug) => (Object.hasOwn(regions, slug) ? regions[slug]?.name : undefined),
    choose: (next) => {
      if (!kept) return;
      void plan.keep({ plan: kept.plan, as: next?.id ?? '' }).then((ok) => {
        // A reviewer or group named in the plan signs the review unless a name is typed already.
        if (ok && next?.reviewer !== undefined)
          setSession((s) =>
            s.reviewer.name.trim() === ''
              ? { ...s, reviewer: { ...s.reviewer, name: next.reviewer ?? '' } }
              : s,
          );
      });
    },
    go: (draftId, stage) => {
      setSession((s) => ({
        ...s,
        currentId: draftId,
        teachers: s.teachers.map((t) => (t.draft.id === draftId ? { ...t, stage } : t)),
      }));
      requestAnimationFrame(() => {
        const heading = document.getElementById(`r-${draftId}-heading`);
        heading?.focus();
        heading?.scrollIntoView({ block: 'start' });
      });
    },
  };
}
