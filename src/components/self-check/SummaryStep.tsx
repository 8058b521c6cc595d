/** Step 4: every chosen micro-ability's grade (and a reviewer's, once a review is open), its reasons and what to fix first. */
import { nextSteps, overallGrade, type AbilityResult } from '../../lib/grading/grading';
import GradeBadge from './GradeBadge';
import { AbilityReviewNotes } from './ReviewEntry';
import type { AbilityOption } from './types';
import type { PlanGuide } from './plan-guide';
import PlanRule from './PlanRule';

interface Props {
  /** Named at the top, on screen and on paper: a printed summary must say whose it is. */
  teacher: { name: string; school: string; subject: string };
  rows: { ability: AbilityOption; result: AbilityResult | undefined; origin: string }[];
  onEdit: (code: string) => void;
  /** The school plan in use: whether the chosen set meets its rule, and the deadline. */
  plan?: PlanGuide | undefined;
}

export default function SummaryStep({ teacher, rows, onEdit, plan }: Props) {
  const results = rows.map((r) => r.result).filter((r): r is AbilityResult => r !== undefined);
  const overall = results.length === rows.length ? overallGrade(results) : undefined;
  return (
    <div className="summary">
      <p className="summary-teacher">
        自评教师：{teacher.name.trim() || '（未填写姓名）'}
        {teacher.school.trim() && `\u3000学校：${teacher.school.trim()}`}
        {teacher.subject.trim() && `\u3000学科：${teacher.subject.trim()}`}
      </p>
      {plan && <PlanRule guide={plan} deadline />}
      <p className="overall">
        总体情况：
        <GradeBadge status={overall} />
        <span className="muted">
          （国家考核规范按每个微能力点分别评定；这里只是汇总：任一项不合格即显示不合格。）
        </span>
      </p>
      <table className="summary-table">
        <caption className="visually-hidden">各微能力点自评结果</caption>
        <thead>
          <tr>
            <th scope="col">微能力点</th>
            <th scope="col">自评结果</th>
            <th scope="col">先改这些</th>
            <th scope="col">标准来源</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ ability, result, origin }) => {
            const steps = result ? nextSteps(result) : ['评价标准未收录：请在上一步按本地考核指南录入。'];
            return (
              <tr key={ability.code} data-summary={ability.code}>
                <th scope="row">
                  {ability.code} {ability.name}
                </th>
                <td>
                  <GradeBadge status={result?.grade} />
                  <AbilityReviewNotes code={ability.code} />
                </td>
                <td>
                  {steps.length > 0 ? (
                    <ul>
                      {steps.map((s) => (
                        <li key={s}>{s}</li>
                      ))}
                    </ul>
                  ) : (
                    '各项均达到优秀。'
                  )}
                  <button type="button" className="link-button no-print" onClick={() => onEdit(ability.code)}>
                    修改 {ability.code} 的证据
                  </button>
                </td>
                <td>{origin}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
