/**
 * A row of buttons that picks which one of several things the island shows (an ability in the
 * wizard or the rubric editor, a teacher on /review/). Buttons with aria-current rather than an
 * ARIA tablist: each shows a whole form below, and Tab should walk them like any other button.
 */
import type { ReactNode } from 'react';
import './Tabs.css';

export interface Tab {
  key: string;
  label: ReactNode;
  /** A second, smaller line: a grade, whether it is complete, a school. */
  detail?: ReactNode;
  current: boolean;
  onSelect: () => void;
}

export default function Tabs({ label, tabs }: { label: string; tabs: Tab[] }) {
  return (
    <nav className="tabs" aria-label={label}>
      {tabs.map((t) => (
        <button
          key={t.key}
          type="button"
          className="tab"
          aria-current={t.current ? 'true' : undefined}
          onClick={t.onSelect}
        >
          {t.label}
          {t.detail !== undefined && <span className="tab-detail">{t.detail}</span>}
        </button>
      ))}
    </nav>
  );
}
