/**
 * One school's teachers as the county reads them: each teacher's abilities, the school's result
 * and the county's, and the status through the school's plan. Opened from the schools table; its
 * heading takes the focus, and 返回学校列表 gives it back to the school's name.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  filterTeachers,
  NO_TEACHER_FILTERS,
  pageOf,
  TEACHERS_PER_PAGE,
  type TeacherFilters,
} from '../../lib/school/handoff/county-table';
import {
  COUNTY_STATUSES,
  statusHeading,
  type CountyAbility,
  type CountyTeacher,
  type SchoolSummary,
} from '../../lib/school/handoff/county-view';
import ConfirmAction from '../ConfirmAction';
import TableGrade from '../TableGrade';
import { Pager } from './Pager';

function Grade({ text }: { text: string }) {
  return <TableGrade grade={text}>{text}</TableGrade>;
}

function countyText(a: CountyAbility): { grade: string; note: string } {
  if (!a.county) return { grade: '待审核', note: '' };
  const note = `${a.county.by}，${a.county.at}${a.county.from === '学校移交的记录' ? '，学校移交的记录' : ''}${
    a.county.stale ? '；评的是旧版自评' : ''
  }`;
  return { grade: a.county.grade ?? '无法评定', note };
}

const localTime = (iso: string) => {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

export function SchoolTeachers(props: {
  school: SchoolSummary;
  regionName: string;
  teachers: CountyTeacher[];
  /** Where the focus goes back to when the section closes. */
  returnFocusId: string;
  onClose: () => void;
  onRemove: () => void;
}) {
  const { school, teachers } = props;
  const heading = useRef<HTMLHeadingElement>(null);
  const [filters, setFilters] = useState<TeacherFilters>(NO_TEACHER_FILTERS);
  const [page, setPage] = useState(0);
  useEffect(() => heading.current?.focus(), []);
  const shown = useMemo(() => filterTeachers(teachers, filters), [teachers, filters]);
  const current = pageOf(shown, page, TEACHERS_PER_PAGE);
  const close = () => {
    const back = props.returnFocusId;
    props.onClose();
    requestAnimationFrame(() => document.getElementById(back)?.focus());
  };
  const filter = (next: TeacherFilters) => {
    setFilters(next);
    setPage(0);
  };
  return (
    <section id="school-teachers" className="school-teachers" aria-labelledby="school-teachers-heading">
      <h2 id="school-teachers-heading" tabIndex={-1} ref={heading}>
        {school.name}的教师
      </h2>
      <dl className="school-facts">
        <div>
          <dt>地区</dt>
          <dd>{props.regionName}</dd>
        </div>
        <div>
          <dt>轮次或学年</dt>
          <dd>{school.round || '未填写'}</dd>
        </div>
        <div>
          <dt>移交人数</dt>
          <dd>
            {school.teachers}（方案名单 {school.roster} 人）
          </dd>
        </div>
        <div>
          <dt>考核环节</dt>
          <dd>
            {school.stages
              .map((s) => (s.outside ? `${s.name}（校外${s.sampled ? '，抽查' : ''}）` : s.name))
              .join(' → ')}
          </dd>
        </div>
        <div>
          <dt>移交文件</dt>
          <dd>
            {school.fileName}（{localTime(school.savedAt)} 导出）
          </dd>
        </div>
      </dl>
      {school.notices.length > 0 && (
        <details className="merge-notices">
          <summary>{school.notices.length} 条说明（较旧的自评、针对旧版自评的评审等）</summary>
          <ul>
            {school.notices.map((n, i) => (
              <li key={i}>{n.text}</li>
            ))}
          </ul>
        </details>
      )}
      <fieldset className="filters no-print">
        <legend>筛选教师</legend>
        <div className="filter">
          <label htmlFor="county-teacher-query">姓名或学科</label>
          <input
            id="county-teacher-query"
            type="search"
            value={filters.query}
            onChange={(e) => filter({ ...filters, query: e.target.value })}
          />
        </div>
        <div className="filter">
          <label htmlFor="county-teacher-status">状态</label>
          <select
            id="county-teacher-status"
            value={filters.status}
            onChange={(e) => filter({ ...filters, status: e.target.value as TeacherFilters['status'] })}
          >
            <option value="">全部</option>
            {COUNTY_STATUSES.map((s) => (
              <option key={s} value={s}>
                {statusHeading(s, school.countyStage)}
              </option>
            ))}
          </select>
        </div>
      </fieldset>
      <p className="table-count" aria-live="polite" data-teachers-count>
        共 {shown.length} 位教师{shown.length !== teachers.length ? `（筛选自 ${teachers.length} 位）` : ''}
      </p>
      <div
        className="table-scroll"
        role="region"
        aria-label={`${school.name}的教师表格（可左右滑动）`}
        tabIndex={0}
      >
        <table className="county-table teacher-table">
          <caption className="visually-hidden">
            每位教师一行：所选微能力点、校内评审结果、{school.countyStage ?? '县级审核认定'}结果和状态。
          </caption>
          <thead>
            <tr>
              <th scope="col">教师</th>
              <th scope="col">学科</th>
              <th scope="col">微能力点</th>
              <th scope="col">校内结果</th>
              <th scope="col">{school.countyStage ?? '县级审核认定'}</th>
              <th scope="col">状态</th>
            </tr>
          </thead>
          <tbody>
            {current.rows.map((t) => (
              <tr key={t.id} data-teacher={t.name}>
                <th scope="row">
                  {t.name}
                  <span className="cell-note">{t.onRoster ? t.category : '不在方案名单中'}</span>
                </th>
                <td>{t.subject}</td>
                <td>
                  <ul className="ability-list">
                    {t.abilities.map((a) => (
                      <li key={a.code}>
                        {a.code} <span className="cell-note">{a.name}</span>
                      </li>
                    ))}
                  </ul>
                </td>
                <td>
                  <ul className="ability-list">
                    {t.abilities.map((a) => (
                      <li key={a.code}>
                        {a.code}{' '}
                        {a.schoolGrade ? (
                          <Grade text={a.schoolGrade} />
                        ) : (
                          <span className="cell-note">{a.schoolDetail}</span>
                        )}
                      </li>
                    ))}
                  </ul>
                </td>
                <td>
                  <ul className="ability-list">
                    {t.abilities.map((a) => {
                      const c = countyText(a);
                      return (
                        <li key={a.code}>
                          {a.code} <Grade text={c.grade} />
                          {c.note && <span className="cell-note">{c.note}</span>}
                        </li>
                      );
                    })}
                  </ul>
                </td>
                <td>
                  <span className={`status status-${t.status}`}>
                    {t.status === '校内评审已完成' ? statusHeading(t.status, school.countyStage) : t.status}
                  </span>
                  <span className="cell-note">{t.detail}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager page={current.page} pages={current.pages} onPage={setPage} label="教师表格分页" />
      <div className="toolbar no-print">
        <button type="button" className="button button-secondary" onClick={close}>
          返回学校列表
        </button>
        <ConfirmAction
          label="移除这所学校"
          triggerClass="button button-secondary"
          question={`从县级汇总中移除${school.name}的移交文件？原文件不受影响，可以重新打开。`}
          groupLabel="确认移除这所学校"
          confirmLabel="确定移除"
          confirmClass="button danger"
          onConfirm={props.onRemove}
        />
      </div>
    </section>
  );
}
