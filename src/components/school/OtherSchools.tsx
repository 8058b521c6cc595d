/**
 * Files from another school or region (archive-ours.ts decides): listed with the reason, left
 * out of every figure until the principal takes one in; taking in is undone with the same button.
 */
import type { OtherSchoolFile } from '../../lib/school/archive-ours';

export function OtherSchools({
  others,
  onTake,
}: {
  others: OtherSchoolFile[];
  onTake: (id: string, take: boolean) => void;
}) {
  if (others.length === 0) return null;
  const left = others.filter((o) => !o.takenIn).length;
  return (
    <section className="other-schools no-print" aria-labelledby="others-heading" data-others>
      <h2 id="others-heading">其他学校或地区的文件（{others.length}）</h2>
      <p className="hint">
        这些自评文件的学校或地区与本校不同，{left > 0 ? `其中 ${left} 份` : '目前没有文件'}
        不计入任何统计。确认是本校老师的（如调入的老师、学校名称写法不同），点“纳入本校档案”；随时可以再移出。
      </p>
      <ul className="others-list">
        {others.map((o) => (
          <li key={o.id} data-other={o.teacher} data-taken-in={o.takenIn ? 'true' : 'false'}>
            <span>
              <strong>{o.teacher}</strong>：{o.reason}
              {o.reviews > 0 ? `；另有 ${o.reviews} 份评审意见随之处理` : ''}。
              <span className={o.takenIn ? 'taken-in' : 'left-out'}>
                {o.takenIn ? '已纳入本校档案' : '未计入统计'}
              </span>
            </span>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => onTake(o.id, !o.takenIn)}
              aria-label={`${o.takenIn ? '移出本校档案' : '纳入本校档案'}：${o.teacher}`}
            >
              {o.takenIn ? '移出本校档案' : '纳入本校档案'}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
