/**
 * School × status: one row per school (its region, round, teachers handed over, teachers per
 * status), filtered by name, region and status, sorted by any column from the keyboard or the
 * mouse, SCHOOLS_PER_PAGE rows a page. A school's name opens its teachers below.
 */
import SortableHeader from '../SortableHeader';
import { useMemo, useState } from 'react';
import {
  DEFAULT_SCHOOL_SORT,
  filterSchools,
  NO_SCHOOL_FILTERS,
  pageOf,
  schoolRegions,
  SCHOOLS_PER_PAGE,
  sortSchools,
  toggleSchoolSort,
  type RegionNames,
  type SchoolFilters,
  type SchoolSortKey,
} from '../../lib/school/handoff/county-table';
import { COUNTY_STATUSES, statusHeading, type SchoolSummary } from '../../lib/school/handoff/county-view';
import { Pager } from './Pager';

export function schoolButtonId(index: number): string {
  return `county-school-${index}`;
}

export function SchoolsTable(props: {
  schools: SchoolSummary[];
  names: RegionNames;
  open: string | undefined;
  onOpen: (key: string) => void;
}) {
  const { schools, names } = props;
  const [filters, setFilters] = useState<SchoolFilters>(NO_SCHOOL_FILTERS);
  const [sort, setSort] = useState(DEFAULT_SCHOOL_SORT);
  const [page, setPage] = useState(0);
  const regions = useMemo(() => schoolRegions(schools, names), [schools, names]);
  const index = useMemo(() => new Map(schools.map((s, i) => [s.key, i])), [schools]);
  const shown = useMemo(
    () => sortSchools(filterSchools(schools, filters), sort, names),
    [schools, filters, sort, names],
  );
  const current = pageOf(shown, page, SCHOOLS_PER_PAGE);
  const countyStage = schools.find((s) => s.countyStage)?.countyStage;
  const filter = (next: SchoolFilters) => {
    setFilters(next);
    setPage(0);
  };
  const header = (label: string, key: SchoolSortKey) => (
    <SortableHeader
      key={key}
      label={label}
      direction={sort.key !== key ? undefined : sort.descending ? 'descending' : 'ascending'}
      onSort={() => setSort(toggleSchoolSort(sort, key))}
    />
  );
  return (
    <section aria-labelledby="schools-heading">
      <h2 id="schools-heading" tabIndex={-1}>
        学校 × 状态
      </h2>
      <fieldset className="filters no-print">
        <legend>筛选</legend>
        <div className="filter">
          <label htmlFor="county-filter-query">学校名称</label>
          <input
            id="county-filter-query"
            type="search"
            value={filters.query}
            onChange={(e) => filter({ ...filters, query: e.target.value })}
          />
        </div>
        <div className="filter">
          <label htmlFor="county-filter-region">地区</label>
          <select
            id="county-filter-region"
            value={filters.region}
            onChange={(e) => filter({ ...filters, region: e.target.value })}
          >
            <option value="">全部</option>
            {regions.map((r) => (
              <option key={r.slug} value={r.slug}>
                {r.name}
              </option>
            ))}
          </select>
        </div>
        <div className="filter">
          <label htmlFor="county-filter-status">有教师处于</label>
          <select
            id="county-filter-status"
            value={filters.status}
            onChange={(e) => filter({ ...filters, status: e.target.value as SchoolFilters['status'] })}
          >
            <option value="">全部</option>
            {COUNTY_STATUSES.map((s) => (
              <option key={s} value={s}>
                {statusHeading(s, countyStage)}
              </option>
            ))}
          </select>
        </div>
      </fieldset>
      <p className="table-count" aria-live="polite" data-schools-count>
        共 {shown.length} 所学校{shown.length !== schools.length ? `（筛选自 ${schools.length} 所）` : ''}
      </p>
      <div className="table-scroll" role="region" aria-label="学校 × 状态表格（可左右滑动）" tabIndex={0}>
        <table className="county-table">
          <caption className="visually-hidden">
            每所学校一行：地区、轮次、移交人数和各状态的教师人数。点列标题排序，点学校名称查看该校教师。
          </caption>
          <thead>
            <tr>
              {header('学校', 'name')}
              {header('地区', 'region')}
              <th scope="col">轮次或学年</th>
              {header('移交人数', 'teachers')}
              {COUNTY_STATUSES.map((s) => header(statusHeading(s, countyStage), s))}
            </tr>
          </thead>
          <tbody>
            {current.rows.map((s) => (
              <tr key={s.key} data-school={s.name} className={props.open === s.key ? 'row-open' : undefined}>
                <th scope="row">
                  <button
                    type="button"
                    id={schoolButtonId(index.get(s.key) ?? 0)}
                    className="link-button"
                    aria-expanded={props.open === s.key}
                    aria-controls={props.open === s.key ? 'school-teachers' : undefined}
                    onClick={() => props.onOpen(s.key)}
                  >
                    {s.name}
                  </button>
                  {s.dropped > 0 && <span className="cell-note">{s.dropped} 项无法读取，已略去</span>}
                </th>
                <td>{names.get(s.region) ?? s.region}</td>
                <td>{s.round}</td>
                <td className="number">{s.teachers}</td>
                {COUNTY_STATUSES.map((status) => (
                  <td
                    key={status}
                    className={`number${s.counts[status] > 0 ? ` count-${status}` : ' muted'}`}
                    data-status={status}
                  >
                    {s.counts[status]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager page={current.page} pages={current.pages} onPage={setPage} label="学校表格分页" />
    </section>
  );
}
