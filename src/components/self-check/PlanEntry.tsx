/**
 * The wizard's 使用学校考核方案 button. The panel behind it (the plan's schema, the link decoder,
 * the preview, what the steps show of the plan) loads only when this browser keeps a plan, the
 * teacher arrives with or pastes a plan link, or clicks the button: most teachers' first load
 * does not carry it (tests/e2e/budgets.spec.ts).
 */
import { useEffect, useState, type ComponentProps } from 'react';
import { browserStorage } from '../../lib/self-check/draft-store';
import { hasKeptPlan, isPlanLinkHash, PLAN_KEY } from '../../lib/self-check/plan-keep';
import { onDemand } from '../OnDemand';
import type { PlanGuide } from './plan-guide';

/** The plan in use, as the wizard's steps need it; `guide` comes with the panel's code. */
export interface TeacherPlan {
  school: string;
  guide: (typedName: string, chosen: readonly string[]) => PlanGuide;
}

const planPanel = onDemand(() => import('./PlanPanel'));
const PlanPanel = planPanel.part((m) => m.default);

type Props = Omit<
  ComponentProps<typeof PlanPanel>,
  'startOpen' | 'initialHash' | 'focusButton' | 'fromOtherTab'
>;

// Read when the wizard's code first runs, before anything tidies the address bar.
const initialHash = typeof location === 'undefined' ? '' : location.hash;
const arrivedWithPlan = () => isPlanLinkHash(initialHash);

export default function PlanEntry(props: Props) {
  const [wanted, setWanted] = useState(() => arrivedWithPlan() || hasKeptPlan(browserStorage()));
  const [clicked, setClicked] = useState(false);
  // Another tab took a plan in while this one had none: this one loads the panel and follows.
  const [fromOtherTab, setFromOtherTab] = useState(false);
  // A plan link pasted into the address bar of a tab already on the wizard changes only the fragment.
  const [hash, setHash] = useState(initialHash);
  useEffect(() => {
    const onHashChange = () => {
      if (!isPlanLinkHash(location.hash)) return;
      setHash(location.hash);
      setWanted(true);
    };
    const onStorage = (e: StorageEvent) => {
      if (e.key !== PLAN_KEY || !e.newValue) return;
      setFromOtherTab(true);
      setWanted(true);
    };
    window.addEventListener('hashchange', onHashChange);
    window.addEventListener('storage', onStorage);
    return () => {
      window.removeEventListener('hashchange', onHashChange);
      window.removeEventListener('storage', onStorage);
    };
  }, []);
  const placeholder = (
    <div className="school-plan no-print">
      <button
        type="button"
        className="button button-secondary"
        aria-expanded={false}
        onClick={() => {
          setClicked(true);
          setWanted(true);
        }}
      >
        使用学校考核方案
      </button>
    </div>
  );
  if (!wanted) return placeholder;
  return (
    <planPanel.Boundary what="学校考核方案" fallback={placeholder}>
      <PlanPanel
        {...props}
        startOpen={clicked || arrivedWithPlan() || hash !== initialHash}
        initialHash={hash}
        focusButton={clicked}
        fromOtherTab={fromOtherTab}
      />
    </planPanel.Boundary>
  );
}
