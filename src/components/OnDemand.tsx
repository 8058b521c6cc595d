/**
 * Parts of an island fetched only when a person first needs them (a review file to show, a
 * school's rubric file, the rubric editor), so the first load stays light. Fetching can fail: on
 * an http intranet the browser keeps no offline copy (service workers need https), and classroom
 * Wi-Fi comes and goes. Then the part says so in Chinese and offers 重试 instead of the whole
 * island going blank; what the teacher entered is untouched.
 *
 * Built on `use()` rather than React.lazy, because a lazy component keeps its failed import for
 * good, while 重试 must fetch again.
 */
import { Suspense, use, useSyncExternalStore, type ComponentType, type ReactNode } from 'react';
import { ErrorBoundary } from 'react-error-boundary';

interface BoundaryProps {
  /** What failed, as a teacher would name it: 评审意见, 学校录入的评价标准… */
  what: string;
  /** Shown while the part is fetched. */
  fallback?: ReactNode;
  /** Shows nothing on failure, where another boundary of the same module already says it. */
  quiet?: boolean;
  children: ReactNode;
}

/**
 * A module fetched on first render of any of its parts and shared by them. After a failed
 * fetch, 重试 in any of its boundaries fetches again and resets them all.
 */
export function onDemand<M>(load: () => Promise<M>) {
  let pending: Promise<M> | undefined;
  let failed = false;
  let attempt = 0;
  const listeners = new Set<() => void>();
  // The failed promise is kept until 重试: React renders the part again after a rejection, and a
  // fresh fetch on each of those renders would never let the error reach the boundary.
  const get = () =>
    (pending ??= load().catch((error: unknown) => {
      failed = true;
      throw error;
    }));
  const retry = () => {
    if (failed) pending = undefined;
    failed = false;
    attempt += 1;
    for (const listener of listeners) listener();
  };
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  const current = () => attempt;

  function Boundary({ what, fallback = null, quiet = false, children }: BoundaryProps) {
    const tried = useSyncExternalStore(subscribe, current, current);
    return (
      <ErrorBoundary
        resetKeys={[tried]}
        fallbackRender={() =>
          quiet ? null : (
            <div className="notice notice-warn" role="alert">
              <p>“{what}”这部分没能载入，可能是网络断开了。已填写的内容不受影响；网络恢复后请点“重试”。</p>
              <button type="button" className="button button-secondary" onClick={retry}>
                重试
              </button>
            </div>
          )
        }
      >
        <Suspense fallback={fallback}>{children}</Suspense>
      </ErrorBoundary>
    );
  }

  return {
    /** Shows this module's parts once fetched, and a note with 重试 when they could not be. */
    Boundary,
    /** A component of the module, to render inside its Boundary. */
    part<P extends object>(pick: (module: M) => ComponentType<P>) {
      return function OnDemandPart(props: P) {
        const Component = pick(use(get()));
        return <Component {...props} />;
      };
    },
  };
}
