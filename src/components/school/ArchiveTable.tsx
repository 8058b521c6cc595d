/**
 * The teacher × micro-ability table: filters, column sorting by keyboard or mouse, pages of
 * PAGE_SIZE rows so 2,000 teachers stay quick to render, and a button per row that opens its
 * details. For printing, every filtered row is shown, without 学段 (a meeting reads it from the
 * teacher) so the rest fits landscape A4.
 */
import SortableHeader from '../SortableHeader';
import TableGrade from '../TableGrade';
import type { ArchiveRow } from '../../lib/school/archive-rows';
import {
  stageText,
  type ArchiveFilters,
  type ArchiveSort,
  type FilterOptions,
  type SortKey,
} from '../../lib/school/archive-table';

export const PAGE_SIZE = 50;

const FILTERS: { key: keyof ArchiveFilters; label: string }[] = [
  { key: 'subject', label: '学科' },
  { key: 'level', label: '学段' },
  { key: 'dimension', label: '能力维度' },
  { key: 'environment', label: '教学环境' },
  { key: 'status', label: '状态' },
];

function SortHeader({
  label,
  sortKey,
  sort,
  onSort,
  className,
}: {
  label: string;
  sortKey: SortKey;
  sort: ArchiveSort;
  onSort: (key: SortKey) => void;
  className?: string | undefined;
}) {
  const direction = sort.key !== sortKey ? undefined : sort.direction === 'asc' ? 'ascending' : 'descending';
  return (
    <SortableHeader
      label={label}
      direction={direction}
      onSort={() => onSort(sortKey)}
      className={className}
    />
  );
}

function GradeCell({ text }: { text: string }) {
  if (text === '') return <span className="muted">—</span>;
  const grade = text.replace(/（.*$/, '');
  return <TableGrade grade={grade}>{text}</TableGrade>;
}

export function ArchiveTable(props: {
  rows: ArchiveRow[];
  total: number;
  stages: string[];
  options: FilterOptions;
  filters: ArchiveFilters;
  onFilters: (filters: ArchiveFilters) => void;
  sort: ArchiveSort;
  onSort: (key: SortKey) => void;
  page: number;
  onPage: (page: number) => void;
  printAll: boolean;
  onOpen: (row: ArchiveRow) => void;
  selected: string | undefined;
}) {
  const { rows, stages, sort, onSort, page } = props;
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const current = Math.min(page, pages - 1);
  const shown = props.printAll ? rows : rows.slice(current * PAGE_SIZE, (current + 1) * PAGE_SIZE);
  // One school's meeting needs no school name on every printed row; a county's several schools do.
  const oneSchool = new Set(rows.map((r) => r.school)).size <= 1;
  const header = (label: string, key: SortKey, className?: string) => (
    <SortHeader key={key} label={label} sortKey={key} sort={sort} onSort={onSort} className={className} />
  );
  return (
    <section className="school-table" aria-labelledby="table-heading">
      <h2 id="table-heading">教师 × 微能力点</h2>
      <fieldset className="filters no-print">
        <legend>筛选</legend>
        {FILTERS.map((f) => (
          <div key={f.key} className="filter">
            <label htmlFor={`archive-filter-${f.key}`}>{f.label}</label>
            <select
              id={`archive-filter-${f.key}`}
              value={props.filters[f.key]}
              onChange={(e) => props.onFilters({ ...props.filters, [f.key]: e.target.value })}
            >
              <option value="">全部</option>
              {props.options[f.key].map((v) => (
                <option key={v} value={v}>
                  {v}
                </option>
              ))}
            </select>
          </div>
        ))}
      </fieldset>
      <p className="table-count" aria-live="polite" data-table-count>
        共 {rows.length} 行{rows.length !== props.total ? `（筛选自 ${props.total} 行）` : ''}
      </p>
      {/* Focusable, so a keyboard can scroll it; the page itself never scrolls sideways. */}
      <div className="table-scroll" role="region" aria-label="教师 × 微能力点表格（可左右滑动）" tabIndex={0}>
        <table className="archive-table" data-one-school={oneSchool ? 'true' : undefined}>
          <caption className="visually-hidden">
            每位教师每个所选微能力点一行：自评、各评审环节、最终结果和状态。点列标题排序。
          </caption>
          <thead>
            <tr>
              {header('教师', 'teacher')}
              {header('学科', 'subject')}
              {header('学段', 'level', 'no-print')}
              {header('微能力点', 'code')}
              {header('自评', 'self')}
              {stages.map((s, i) => header(s, `stage:${i}`))}
              {header('最终结果', 'final')}
              {header('状态', 'status')}
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.key} data-row={r.key} className={props.selected === r.key ? 'row-open' : undefined}>
                <td>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => props.onOpen(r)}
                    aria-label={`${r.teacher} ${r.code} 详情`}
                  >
                    {r.teacher}
                  </button>
                  {r.school && <span className="cell-note school-note">{r.school}</span>}
                </td>
                <td>{r.subject}</td>
                <td className="no-print">{r.level}</td>
                <td>
                  {r.code} <span className="cell-note">{r.abilityName}</span>
                </td>
                <td>
                  <GradeCell text={r.selfGrade ?? '未评定'} />
                </td>
                {stages.map((s, i) => (
                  <td key={s}>
                    <GradeCell text={stageText(r.stages[i])} />
                  </td>
                ))}
                <td>
                  <GradeCell text={r.final ?? ''} />
                </td>
                <td>
                  <span className={`status status-${r.status}`}>{r.status}</span>
                  <span className="cell-note">{r.detail}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!props.printAll && pages > 1 && (
        <nav className="pager no-print" aria-label="表格分页">
          <button
            type="button"
            className="button button-secondary"
            disabled={current === 0}
            onClick={() => props.onPage(current - 1)}
          >
            上一页
          </button>
          <span>
            第 {current + 1} / {pages} 页
          </span>
          <button
            type="button"
            className="button button-secondary"
            disabled={current >= pages - 1}
            onClick={() => props.onPage(current + 1)}
          >
            下一页
          </button>
        </nav>
      )}
    </section>
  );
}
