/** What became of a batch of files: schools opened, files replaced or left out, files that could not be used. */
import type { CountyReport } from '../../lib/school/handoff/county-intake';
import Notice from '../Notice';

export function IntakeReport({ report, onClose }: { report: CountyReport; onClose: () => void }) {
  const warn = report.rejected.length > 0 || report.dropped.length > 0;
  const parts = [
    report.added.length > 0 ? `打开了 ${report.added.length} 所学校的移交文件` : '',
    report.reviews > 0 ? `载入县级评审意见 ${report.reviews} 份` : '',
    report.skipped > 0 ? `跳过非 JSON 文件 ${report.skipped} 个` : '',
  ].filter((p) => p !== '');
  return (
    <Notice warn={warn}>
      <p data-report>{parts.length > 0 ? `${parts.join('，')}。` : '没有打开新的学校。'}</p>
      {report.notices.length > 0 && (
        <ul className="report-notices">
          {report.notices.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      )}
      {report.rejected.length > 0 && (
        <>
          <p>以下 {report.rejected.length} 个文件无法使用，其余文件已照常打开：</p>
          <ul className="rejected">
            {report.rejected.map((r, i) => (
              <li key={i}>
                <strong>{r.name}</strong>：{r.reason}
              </li>
            ))}
          </ul>
        </>
      )}
      {report.dropped.length > 0 && (
        <>
          <p>移交文件中有 {report.dropped.length} 项无法读取，已略去，其余内容照常打开：</p>
          <ul className="rejected">
            {report.dropped.map((d, i) => (
              <li key={i}>{d}</li>
            ))}
          </ul>
        </>
      )}
      <button type="button" className="link-button" onClick={onClose}>
        知道了
      </button>
    </Notice>
  );
}
