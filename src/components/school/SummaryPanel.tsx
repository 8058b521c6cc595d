/**
 * The principal's first look: teachers through, in review and not yet reviewed as one bar;
 * progress against the region's yearly targets; dimension and environment coverage. Every bar
 * is an SVG drawn from attributes (no inline styles, which the CSP forbids) and hidden from
 * screen readers, with its numbers written beside it.
 */
import type { ArchiveSummary, Coverage } from '../../lib/school/archive-summary';
import { percent } from '../../lib/school/archive-summary';

function Bar({
  parts,
  marker,
}: {
  parts: { value: number; className: string }[];
  marker?: number | undefined;
}) {
  let x = 0;
  return (
    <svg className="bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
      <rect className="bar-track" x="0" y="0" width="100" height="10" />
      {parts.map((p) => {
        const width = Math.max(0, Math.min(100 - x, p.value));
        const rect = <rect key={p.className} className={p.className} x={x} y="0" width={width} height="10" />;
        x += width;
        return rect;
      })}
      {marker !== undefined && (
        <line
          className="bar-marker"
          x1={marker}
          x2={marker}
          y1="0"
          y2="10"
          vectorEffect="non-scaling-stroke"
        />
      )}
    </svg>
  );
}

function CoverageList({ title, items, teachers }: { title: string; items: Coverage[]; teachers: number }) {
  return (
    <figure className="summary-figure avoid-break">
      <figcaption>{title}</figcaption>
      <ul className="bar-list">
        {items.map((c) => (
          <li key={c.name} data-coverage={c.name}>
            <span className="bar-label">{c.name}</span>
            <Bar
              parts={[
                { value: percent(c.passed, teachers), className: 'bar-passed' },
                { value: percent(c.chosen - c.passed, teachers), className: 'bar-chosen' },
              ]}
            />
            <span className="bar-text">
              选择 {c.chosen} 人，通过 {c.passed} 人
            </span>
          </li>
        ))}
      </ul>
    </figure>
  );
}

export function SummaryPanel({
  summary,
  regionName,
  schoolTargetsNote,
}: {
  summary: ArchiveSummary;
  regionName: string;
  schoolTargetsNote?: string | undefined;
}) {
  const s = summary;
  const share = (n: number) => percent(n, s.denominator);
  return (
    <section className="school-summary" aria-labelledby="summary-heading">
      <h2 id="summary-heading">概况</h2>
      <dl className="summary-numbers">
        <div data-summary="teachers">
          <dt>教师</dt>
          <dd>
            {s.teachers} 人{s.denominator !== s.teachers ? `（全校 ${s.denominator} 人）` : ''}
          </dd>
        </div>
        <div data-summary="passed">
          <dt>至少一个微能力点评审通过（合格及以上）</dt>
          <dd>
            {s.passed} 人（{s.passedShare}%）
          </dd>
        </div>
        {s.schoolDone > 0 && (
          <div data-summary="school-done">
            <dt>校内评审已完成，待县级审核认定</dt>
            <dd>{s.schoolDone} 人</dd>
          </div>
        )}
        <div data-summary="in-review">
          <dt>评审中</dt>
          <dd>{s.inReview} 人</dd>
        </div>
        <div data-summary="not-reviewed">
          <dt>尚未评审</dt>
          <dd>{s.notReviewed} 人</dd>
        </div>
        <div data-summary="self-passed">
          <dt>自评至少一个微能力点合格及以上</dt>
          <dd>{s.selfPassed} 人</dd>
        </div>
      </dl>

      <figure className="summary-figure avoid-break">
        <figcaption>教师进度（占{s.denominator !== s.teachers ? '全校' : '已载入的'}教师）</figcaption>
        <Bar
          parts={[
            { value: share(s.passed), className: 'bar-passed' },
            { value: share(s.schoolDone), className: 'bar-school-done' },
            { value: share(s.inReview), className: 'bar-review' },
            { value: share(s.notReviewed), className: 'bar-none' },
          ]}
        />
        <ul className="legend">
          <li>
            <span className="swatch bar-passed" aria-hidden="true" />
            已通过 {s.passed} 人（{share(s.passed)}%）
          </li>
          {s.schoolDone > 0 && (
            <li>
              <span className="swatch bar-school-done" aria-hidden="true" />
              校内评审已完成 {s.schoolDone} 人（{share(s.schoolDone)}%）
            </li>
          )}
          <li>
            <span className="swatch bar-review" aria-hidden="true" />
            评审中 {s.inReview} 人（{share(s.inReview)}%）
          </li>
          <li>
            <span className="swatch bar-none" aria-hidden="true" />
            未评审 {s.notReviewed} 人（{share(s.notReviewed)}%）
          </li>
        </ul>
      </figure>

      {s.targets ? (
        <figure className="summary-figure avoid-break" data-targets>
          <figcaption>
            {regionName}的年度目标（教师比例，据{s.targets.source}的政策文件
            {s.targets.inherited ? '，本地区沿用' : ''}）
          </figcaption>
          {s.targets.unverified && (
            <p className="figure-note" data-targets-unverified>
              <span className="badge">待核实</span> 这些目标依据{s.targets.source}
              文件的一份公开转载本，尚未与原件核对；以当地教育行政部门发布的文件为准。
            </p>
          )}
          <ul className="bar-list">
            {s.targets.rows.map((t) => (
              <li key={t.period} data-target-year={t.year}>
                <span className="bar-label">{t.period}</span>
                <Bar parts={[{ value: s.passedShare, className: 'bar-passed' }]} marker={t.cumulative} />
                <span className="bar-text">
                  {t.target}；本校已通过 {s.passedShare}%，
                  <strong>{t.reached ? '已达到' : '未达到'}</strong>
                </span>
              </li>
            ))}
          </ul>
          <p className="figure-note">
            竖线为累计目标（各年比例相加；文件直接写累计比例的，照文件），横条为本校至少一个微能力点评审通过的教师比例。
          </p>
        </figure>
      ) : (
        <p className="notice" data-targets-none>
          {schoolTargetsNote ??
            `${regionName || '所选地区'}的实施方案（及其上级文件）没有规定教师比例的年度目标。`}
        </p>
      )}

      <div className="coverage">
        <CoverageList
          title="能力维度覆盖（选择 / 通过的教师人数）"
          items={s.dimensions}
          teachers={s.teachers}
        />
        <CoverageList
          title="教学环境覆盖（选择 / 通过的教师人数）"
          items={s.environments}
          teachers={s.teachers}
        />
      </div>
    </section>
  );
}
