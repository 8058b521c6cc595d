/**
 * The wizard's 使用学校录入的评价标准 button. The panel behind it (file reader, link decoder,
 * preview) loads only when a teacher opens it or arrives with a rubric link, so it does not
 * weigh on the wizard's first load (tests/e2e/budgets.spec.ts).
 */
import { useEffect, useState, type ComponentProps } from 'react';
import { isShareFragment } from '../../lib/rubrics/rubric-link-prefix';
import { onDemand } from '../OnDemand';

const rubricImport = onDemand(() => import('./SchoolRubricImport'));
const SchoolRubricImport = rubricImport.part((m) => m.default);

type Props = Omit<ComponentProps<typeof SchoolRubricImport>, 'startOpen' | 'initialHash' | 'focusButton'>;

// Read when the wizard's code first runs: the wizard tidies the address bar once it has loaded,
// before the panel's own module arrives.
const initialHash = typeof location === 'undefined' ? '' : location.hash;
const askedToOpen =
  typeof location === 'undefined' ? false : new URLSearchParams(location.search).get('rubrics') === 'open';
const arrivedWithRubrics = () => askedToOpen || isShareFragment(initialHash);

export default function SchoolRubricEntry(props: Props) {
  const [wanted, setWanted] = useState(arrivedWithRubrics);
  const [clicked, setClicked] = useState(false);
  // A link pasted into the address bar of a tab already on the wizard changes only the fragment.
  const [hash, setHash] = useState(initialHash);
  useEffect(() => {
    const onHashChange = () => {
      if (!isShareFragment(location.hash)) return;
      setHash(location.hash);
      setWanted(true);
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  const placeholder = (
    <div className="school-rubrics no-print">
      <button
        type="button"
        className="button button-secondary"
        aria-expanded={false}
        onClick={() => {
          setClicked(true);
          setWanted(true);
        }}
      >
        使用学校录入的评价标准
      </button>
    </div>
  );
  if (!wanted) return placeholder;
  return (
    <rubricImport.Boundary what="学校录入的评价标准" fallback={placeholder}>
      <SchoolRubricImport
        {...props}
        startOpen={clicked || arrivedWithRubrics() || hash !== initialHash}
        initialHash={hash}
        focusButton={clicked}
      />
    </rubricImport.Boundary>
  );
}
