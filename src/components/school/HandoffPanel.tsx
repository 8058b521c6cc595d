/**
 * The hand-off to the county: the teachers ready for 审核认定 as a list (printed on landscape A4),
 * a CSV and, where the page can make it, the hand-off file with the school's plan.
 */
import type { TeacherLine } from '../../lib/school/plan/plan-teachers';
import OnceButton from '../OnceButton';

export function HandoffPanel({
  school,
  round,
  countyStage,
  ready,
  onFile,
  onCsv,
  onPrint,
}: {
  school: string;
  round: string;
  countyStage: string;
  ready: TeacherLine[];
  onFile: (() => void) | undefined;
  onCsv: () => void;
  onPrint: () => void;
}) {
  return (
    <section className="handoff" aria-labelledby="handoff-heading" data-handoff>
      <h2 id="handoff-heading">移交县级审核</h2>
      <p className="print-only handoff-title">
        {school}
        {round ? `（${round}）` : ''}：待{countyStage}的教师名单
      </p>
      <p data-handoff-count>
        全部所选微能力点都已完成校内评审、待{countyStage}的教师：{ready.length} 人。
      </p>
      {ready.length > 0 && (
        <div className="table-scroll" role="region" aria-label="移交名单（可左右滑动）" tabIndex={0}>
          <table className="handoff-table">
            <caption className="visually-hidden">
              待县级审核认定的教师、所选微能力点、校内评审结果和选课要求
            </caption>
            <thead>
              <tr>
                <th scope="col">序号</th>
                <th scope="col">教师</th>
                <th scope="col">学科</th>
                <th scope="col">学段</th>
                <th scope="col">类别</th>
                <th scope="col">微能力点（校内评审结果）</th>
                <th scope="col">选课要求</th>
              </tr>
            </thead>
            <tbody>
              {ready.map((l, i) => (
                <tr key={l.name} data-ready-teacher={l.name}>
                  <td>{i + 1}</td>
                  <th scope="row">{l.name}</th>
                  <td>{l.subject}</td>
                  <td>{l.level}</td>
                  <td>{l.category ?? '—'}</td>
                  <td>
                    {l.abilities.map((a) => `${a.code} ${a.name}（${a.schoolGrade ?? '未评定'}）`).join('；')}
                  </td>
                  <td>{l.rule ? (l.rule.met ? '达标' : `未达标：${l.rule.missing.join('；')}`) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="toolbar no-print">
        {onFile && (
          <OnceButton className="button" disabled={ready.length === 0} onClick={onFile}>
            保存移交文件（交县级专家团队）
          </OnceButton>
        )}
        <OnceButton className="button button-secondary" disabled={ready.length === 0} onClick={onCsv}>
          导出移交名单 CSV
        </OnceButton>
        <button
          type="button"
          className="button button-secondary"
          disabled={ready.length === 0}
          onClick={onPrint}
        >
          打印移交名单
        </button>
      </div>
      <p className="hint no-print">
        移交文件包含这些教师的自评、评审意见和本校的学校考核方案，县级专家团队可在县级汇总页一次打开多所学校的移交文件。
      </p>
    </section>
  );
}
