/**
 * A table column heading that sorts by its column: a button inside the <th>, aria-sort on the
 * cell, and ▲ / ▼ / ↕ shown to sighted readers only (the school archive's table and the county's).
 */
import './sortable-header.css';

export default function SortableHeader({
  label,
  direction,
  onSort,
  className,
}: {
  label: string;
  /** How the table is sorted by this column now; undefined when by another. */
  direction: 'ascending' | 'descending' | undefined;
  onSort: () => void;
  className?: string | undefined;
}) {
  return (
    <th scope="col" aria-sort={direction ?? 'none'} className={className}>
      <button type="button" className="sort-button" onClick={onSort}>
        {label}
        <span aria-hidden="true" className="sort-mark">
          {direction === undefined ? '↕' : direction === 'ascending' ? '▲' : '▼'}
        </span>
      </button>
    </th>
  );
}
