/**
 * The roster: typed in row by row, or imported from the staff list the school already has. Shown
 * a page at a time, with 查找 across every page (lib/school/plan/roster-page.ts says why).
 */
import { useContext, useEffect, useState } from 'react';
import type { UseFieldArrayReturn, UseFormRegister, UseFormWatch } from 'react-hook-form';
import type { PlanDraft } from '../../lib/school/plan/plan-draft';
import { PLAN_BOUNDS } from '../../lib/school/plan/plan-file';
import { pageOfRow, rosterPage } from '../../lib/school/plan/roster-page';
import { FieldMessage, IssuesContext, useInvalid } from './field-messages';
import RosterImport from './RosterImport';

interface Props {
  array: UseFieldArrayReturn<PlanDraft, 'roster'>;
  register: UseFormRegister<PlanDraft>;
  watch: UseFormWatch<PlanDraft>;
  onAddCategories: (names: string[]) => void;
}

const COLUMNS = [
  { field: 'name', label: '姓名', max: PLAN_BOUNDS.nameChars },
  { field: 'subject', label: '学科', max: PLAN_BOUNDS.fieldChars },
  { field: 'stage', label: '学段', max: PLAN_BOUNDS.fieldChars },
] as const;

/** Rows with a message on another page than the one shown, named so the principal can go there. */
const OTHER_PAGE_ROWS_SHOWN = 5;

export default function RosterFields({ array, register, watch, onAddCategories }: Props) {
  const invalid = useInvalid();
  const issues = useContext(IssuesContext);
  const roster = watch('roster');
  const categories = watch('categories').map((c) => c.name);
  const [query, setQuery] = useState('');
  const [wantedPage, setWantedPage] = useState(0);
  // A field to focus once its row is drawn (a row added, or one with a message on another page).
  const [focusPath, setFocusPath] = useState<string>();
  const shown = rosterPage(roster, query, wantedPage);
  const onPage = new Set(shown.rows);
  const rowsWithIssues = [
    ...new Set(
      [...issues.keys()].flatMap((path) => {
        const m = /^roster\.(\d+)\./.exec(path);
        return m ? [Number(m[1])] : [];
      }),
    ),
  ].sort((a, b) => a - b);
  const elsewhere = rowsWithIssues.filter((i) => !onPage.has(i));

  useEffect(() => {
    if (!focusPath) return;
    document.querySelector<HTMLElement>(`[data-roster-field="${focusPath}"]`)?.focus();
    setFocusPath(undefined);
  }, [focusPath]);

  /** Shows row `index` (clearing 查找) and focuses its first field with a message, or its name. */
  const goToRow = (index: number) => {
    setQuery('');
    setWantedPage(pageOfRow(index));
    const fields = ['name', 'subject', 'stage', 'category'];
    const first = fields.find((f) => issues.has(`roster.${index}.${f}`)) ?? 'name';
    setFocusPath(`roster.${index}.${first}`);
  };
  const rowName = (i: number) => roster[i]?.name.trim() || `第 ${i + 1} 位教师`;
  return (
    <>
      <p className="muted">
        可以逐行录入，也可以导入学校现有的教师名单（Excel 或 WPS 保存的 .xlsx 或
        CSV，表头写有“姓名”“学科”“学段”“类别”）。名单只在本浏览器中读取，不会上传。
      </p>
      <RosterImport
        roster={roster}
        categories={categories}
        onApply={(next, added) => {
          if (added.length > 0) onAddCategories(added);
          array.replace(next);
        }}
      />
      <FieldMessage path="roster" />
      <p>共 {roster.length} 位教师。</p>
      {roster.length > 0 && (
        <div className="field roster-search">
          <label htmlFor="plan-roster-search">查找教师（姓名、学科、学段或类别）</label>
          <input
            id="plan-roster-search"
            type="search"
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setWantedPage(0);
            }}
          />
        </div>
      )}
      {query.trim() !== '' && (
        <p role="status">{shown.matched > 0 ? `找到 ${shown.matched} 位教师。` : '没有找到符合的教师。'}</p>
      )}
      {elsewhere.length > 0 && (
        <div className="notice notice-warn" role="note">
          <p>
            {shown.pages > 1 || query.trim() !== '' ? '不在当前显示的名单中，' : ''}还有 {elsewhere.length}{' '}
            位教师的信息需要补全或修改：
          </p>
          <ul className="roster-elsewhere">
            {elsewhere.slice(0, OTHER_PAGE_ROWS_SHOWN).map((i) => (
              <li key={i}>
                <button type="button" className="link-button" onClick={() => goToRow(i)}>
                  转到第 {i + 1} 位：{rowName(i)}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {shown.rows.length > 0 && (
        <div className="table-scroll">
          <table className="plan-roster">
            <caption className="visually-hidden">教师名单</caption>
            <thead>
              <tr>
                <th scope="col">序号</th>
                {COLUMNS.map((c) => (
                  <th scope="col" key={c.field}>
                    {c.label}
                  </th>
                ))}
                <th scope="col">类别</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {shown.rows.map((i) => {
                const field = array.fields[i];
                if (!field) return null;
                const who = rowName(i);
                return (
                  <tr key={field.id}>
                    <td>{i + 1}</td>
                    {COLUMNS.map((c) => (
                      <td key={c.field}>
                        <input
                          aria-label={`${who}的${c.label}`}
                          maxLength={c.max}
                          data-roster-field={`roster.${i}.${c.field}`}
                          {...register(`roster.${i}.${c.field}`)}
                          {...invalid(`roster.${i}.${c.field}`)}
                        />
                        <FieldMessage path={`roster.${i}.${c.field}`} />
                      </td>
                    ))}
                    <td>
                      <select
                        aria-label={`${who}的类别`}
                        data-roster-field={`roster.${i}.category`}
                        {...register(`roster.${i}.category`)}
                        {...invalid(`roster.${i}.category`)}
                      >
                        <option value="">请选择</option>
                        {roster[i]?.category && !categories.includes(roster[i].category) && (
                          <option value={roster[i].category}>{roster[i].category}（方案中没有）</option>
                        )}
                        {categories
                          .filter((c) => c.trim() !== '')
                          .map((c) => (
                            <option key={c} value={c}>
                              {c}
                            </option>
                          ))}
                      </select>
                      <FieldMessage path={`roster.${i}.category`} />
                    </td>
                    <td>
                      <button
                        type="button"
                        className="link-button"
                        aria-label={`删除${who}`}
                        onClick={() => array.remove(i)}
                      >
                        删除
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {shown.pages > 1 && (
        <nav className="roster-pager" aria-label="教师名单分页">
          <button
            type="button"
            className="button button-secondary"
            disabled={shown.page === 0}
            onClick={() => setWantedPage(shown.page - 1)}
          >
            上一页
          </button>
          <span aria-live="polite">
            第 {shown.page + 1} / {shown.pages} 页（第 {(shown.rows[0] ?? 0) + 1}
            {query.trim() === '' ? `—${(shown.rows.at(-1) ?? 0) + 1} 位` : ' 位起'}）
          </span>
          <button
            type="button"
            className="button button-secondary"
            disabled={shown.page >= shown.pages - 1}
            onClick={() => setWantedPage(shown.page + 1)}
          >
            下一页
          </button>
        </nav>
      )}
      <p>
        <button
          type="button"
          className="button button-secondary"
          disabled={roster.length >= PLAN_BOUNDS.teachers}
          onClick={() => {
            array.append({ name: '', subject: '', stage: '', category: '' }, { shouldFocus: false });
            goToRow(roster.length);
          }}
        >
          添加一位教师
        </button>
      </p>
    </>
  );
}
