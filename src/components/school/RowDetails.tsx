/** One teacher × micro-ability opened from the table: each stage's reviewer and grade, item by item. */
import { useEffect, useRef } from 'react';
import type { AbilityDetails, ArchiveRow } from '../../lib/school/archive-rows';
import { shortTime } from '../../lib/school/archive-merge';
import { stageText } from '../../lib/school/archive-table';

export function RowDetails({
  row,
  details,
  stages,
  onClose,
}: {
  row: ArchiveRow;
  details: AbilityDetails | undefined;
  stages: string[];
  onClose: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [row.key]);
  return (
    <section className="row-details" aria-labelledby="details-heading" data-details={row.key}>
      <h2 id="details-heading" tabIndex={-1} ref={heading}>
        详情：{row.teacher} · {row.code} {row.abilityName}
      </h2>
      <p>
        {[row.school, row.subject, row.level].filter(Boolean).join(' · ')}；状态：
        <strong>{row.status}</strong>（{row.detail}）
      </p>
      <dl className="details-stages">
        <div>
          <dt>自评</dt>
          <dd>{row.selfGrade ?? '未评定（评价标准未收录）'}</dd>
        </div>
        {stages.map((stage, i) => {
          const cell = row.stages[i];
          return (
            <div key={stage}>
              <dt>{stage}</dt>
              <dd>
                {cell ? (
                  <>
                    {stageText(cell)}，评审人 {cell.reviewer}
                    {cell.role ? `（${cell.role}）` : ''}，{shortTime(cell.reviewedAt)}
                    {cell.comment && <span className="details-comment">总评：{cell.comment}</span>}
                  </>
                ) : (
                  '尚无评审'
                )}
              </dd>
            </div>
          );
        })}
      </dl>
      {details && details.selfReasons.length > 0 && (
        <>
          <h3>自评未达优秀的原因</h3>
          <ul>
            {details.selfReasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </>
      )}
      {details && details.items.length > 0 && (
        <div className="table-scroll">
          <table className="details-items">
            <caption>逐项：教师自评与各环节评审</caption>
            <thead>
              <tr>
                <th scope="col">证据</th>
                <th scope="col">自评</th>
                {stages.map((s) => (
                  <th scope="col" key={s}>
                    {s}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {details.items.map((item) => (
                <tr key={item.itemId}>
                  <th scope="row">{item.name}</th>
                  <td>{item.self ?? '—'}</td>
                  {item.stages.map((s, i) => (
                    <td key={stages[i] ?? i}>
                      {s ? (
                        <>
                          <span className={s.status !== item.self ? 'differs' : undefined}>
                            {s.status ?? '—'}
                            {s.status !== item.self && '（与自评不同）'}
                          </span>
                          {s.comment && <span className="details-comment">{s.comment}</span>}
                        </>
                      ) : (
                        '—'
                      )}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <button type="button" className="button button-secondary no-print" onClick={onClose}>
        关闭详情
      </button>
    </section>
  );
}
