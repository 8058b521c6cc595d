/** 上一页 / 下一页 under a table; nothing when everything fits on one page. */
export function Pager(props: { page: number; pages: number; onPage: (page: number) => void; label: string }) {
  if (props.pages <= 1) return null;
  return (
    <nav className="pager no-print" aria-label={props.label}>
      <button
        type="button"
        className="button button-secondary"
        disabled={props.page === 0}
        onClick={() => props.onPage(props.page - 1)}
      >
        上一页
      </button>
      <span>
        第 {props.page + 1} / {props.pages} 页
      </span>
      <button
        type="button"
        className="button button-secondary"
        disabled={props.page >= props.pages - 1}
        onClick={() => props.onPage(props.page + 1)}
      >
        下一页
      </button>
    </nav>
  );
}
