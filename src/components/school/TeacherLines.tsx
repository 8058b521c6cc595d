/**
 * One line per teacher beside the teacher × ability table: the abilities chosen and what they
 * cover, each ability's result, the teacher's, and whether the category's selection rule is met.
 */
import type { TeacherLine } from '../../lib/school/plan/plan-teachers';

const SHORT_ENV: Record<string, string> = {
  多媒体教学环境: '多媒体',
  混合学习环境: '混合',
  智慧学习环境: '智慧',
};

export function TeacherLines({ lines }: { lines: TeacherLine[] }) {
  return (
    <section className="teacher-lines" aria-labelledby="lines-heading" data-lines>
      <h2 id="lines-heading">每位教师一行</h2>
      <div className="table-scroll" role="region" aria-label="每位教师一行的表格（可左右滑动）" tabIndex={0}>
        <table className="lines-table">
          <caption className="visually-hidden">
            每位教师：类别、所选微能力点及各自结果、覆盖的能力维度和教学环境、状态、最终结果、选课要求是否达标
          </caption>
          <thead>
            <tr>
              <th scope="col">教师</th>
              <th scope="col">类别</th>
              <th scope="col">微能力点与结果</th>
              <th scope="col">覆盖</th>
              <th scope="col">状态</th>
              <th scope="col">最终结果</th>
              <th scope="col">选课要求</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l) => (
              <tr key={l.name} data-line={l.name} data-status={l.status}>
                <th scope="row">
                  {l.name}
                  <span className="cell-note">{[l.subject, l.level].filter(Boolean).join(' · ')}</span>
                  {!l.onRoster && <span className="cell-note warn-note">不在名单中</span>}
                </th>
                <td>{l.category ?? '—'}</td>
                <td>
                  {l.abilities.length === 0 ? (
                    <span className="muted">—</span>
                  ) : (
                    <ul className="ability-results">
                      {l.abilities.map((a) => (
                        <li key={a.code}>
                          {a.code} {a.name}：{a.final ?? a.schoolGrade ?? a.status}
                          {a.final === undefined && a.schoolGrade !== undefined ? '（校内）' : ''}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td>
                  {l.dimensions.join('、') || '—'}
                  {l.environments.length > 0 && (
                    <span className="cell-note">
                      {l.environments.map((e) => SHORT_ENV[e] ?? e).join('、')}
                    </span>
                  )}
                </td>
                <td>
                  <span className={`status status-${l.status}`}>{l.status}</span>
                  <span className="cell-note">{l.detail}</span>
                </td>
                <td>{l.final ?? '—'}</td>
                <td data-rule>
                  {l.rule ? (
                    l.rule.met ? (
                      <span className="rule-met">达标</span>
                    ) : (
                      <>
                        <span className="rule-unmet">未达标</span>
                        <span className="cell-note">{l.rule.missing.join('；')}</span>
                      </>
                    )
                  ) : (
                    <span className="cell-note">{l.note ?? '—'}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
