/** While the region's rubrics are fetched, or after a fetch failed: what the teacher sees instead. */
import type { RegionalRubrics } from './use-regional-rubrics';

export default function RegionalRubricsNote({ state }: { state: RegionalRubrics }) {
  if (state.status === 'ready') return null;
  if (state.status === 'loading')
    return (
      <p className="notice" role="status">
        正在读取本地区的评价标准……
      </p>
    );
  return (
    <div className="notice notice-warn" role="alert">
      <p>{state.status.error}</p>
      <button type="button" className="button" onClick={state.retry}>
        重试
      </button>
    </div>
  );
}
