/** The plan's roster against the files: who has handed in nothing, who lacks a review, each reviewer's progress. */
import type { MissingStage, ReviewerProgress, TeacherLine } from '../../lib/school/plan/plan-teachers';

const names = (list: readonly string[]) => (list.length > 0 ? list.join('、') : '—');

export function RosterPanel({
  lines,
  missing,
  progress,
}: {
  lines: TeacherLine[];
  missing: MissingStage[];
  progress: ReviewerProgress[];
}) {
  const roster = lines.filter((l) => l.onRoster);
  const nothing = roster.filter((l) => l.status === '未提交');
  const offRoster = lines.filter((l) => !l.onRoster);
  return (
    <section className="roster-panel" aria-labelledby="roster-heading" data-roster>
      <h2 id="roster-heading">对照教师名单</h2>
      <p data-roster-count>
        名单 {roster.length} 人，已提交自评 {roster.length - nothing.length} 人，未提交 {nothing.length} 人。
      </p>
      <h3>未提交自评（{nothing.length}）</h3>
      {nothing.length > 0 ? (
        <ul className="name-list" data-nothing>
          {nothing.map((l) => (
            <li key={l.name}>
              {l.name}
              <span className="cell-note">
                {[l.subject, l.level, l.category].filter(Boolean).join(' · ')}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p>名单上的教师都已提交自评。</p>
      )}
      {offRoster.length > 0 && (
        <p className="hint" data-off-roster>
          不在名单中、但交了自评的：{offRoster.map((l) => l.name).join('、')}
          （可能是新调入的老师，或姓名写法不同；请在学校考核方案中补上或核对）。
        </p>
      )}
      <h3>缺少评审的环节</h3>
      <ul className="missing-stages" data-missing-stages>
        {missing.map((m) => (
          <li key={m.stage} data-missing-stage={m.stage}>
            <strong>{m.stage}</strong>
            {m.deadline ? `（截止 ${m.deadline}${m.overdue ? '，已过' : ''}）` : ''}：
            {m.teachers.length === 0
              ? '已交自评的教师都已评审。'
              : m.teachers.map((t) => `${t.name}（${t.codes.join('、')}）`).join('、')}
          </li>
        ))}
      </ul>
      {progress.length > 0 && (
        <>
          <h3>评审分工的进度</h3>
          <div className="table-scroll" role="region" aria-label="评审分工进度表（可左右滑动）" tabIndex={0}>
            <table className="progress-table" data-progress>
              <caption className="visually-hidden">每项评审分工：已评、待评和尚未交自评的教师</caption>
              <thead>
                <tr>
                  <th scope="col">评审人</th>
                  <th scope="col">环节</th>
                  <th scope="col">进度</th>
                  <th scope="col">待评</th>
                  <th scope="col">尚未交自评</th>
                </tr>
              </thead>
              <tbody>
                {progress.map((p) => {
                  const assigned = p.done.length + p.toDo.length + p.waiting.length;
                  return (
                    <tr key={`${p.reviewer}-${p.stage}`} data-reviewer={p.reviewer}>
                      <th scope="row">{p.reviewer}</th>
                      <td>{p.stage}</td>
                      <td>
                        已评 {p.done.length} / {assigned} 人
                      </td>
                      <td>{names(p.toDo)}</td>
                      <td>{names(p.waiting)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
