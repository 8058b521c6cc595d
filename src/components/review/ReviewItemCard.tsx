/**
 * One evidence item under review: what the teacher handed in (as their browser read it), the
 * hard requirements rechecked, the criteria the reviewer finds met (the teacher's ticks beside
 * each), a comment, and both grades, marked where they differ.
 */
import type { FileCheck, ReviewFile, ReviewItem } from '../../lib/review/review-file';
import { VERDICT_TEXT } from '../../lib/review/evidence-check';
import { formatDuration, type ItemEvidence, type RubricItem } from '../../lib/grading/grading';
import { formatBytes } from '../../lib/pdf/packet';
import {
  countedTicks,
  hardReasons,
  passUnmetButExcellent,
  shownStatus,
  toggleTick,
  type ItemComparison,
  type ReviewerItemInput,
} from '../../lib/review/review';
import { CARRIED_COMMENT, changeSummary, type ItemChange } from '../../lib/review/review-carry';
import FileChecksum from '../FileChecksum';
import ItemMeta from '../self-check/ItemMeta';
import GradeBadge from '../self-check/GradeBadge';
import { displayText } from '../../lib/content/display-text';

interface Props {
  idPrefix: string;
  item: RubricItem;
  evidence: ItemEvidence | undefined;
  comparison: ItemComparison;
  input: ReviewerItemInput;
  onInput: (next: ReviewerItemInput) => void;
  checks: FileCheck[];
  earlier: { review: ReviewFile; item: ReviewItem }[];
  /** What changed since the review began, when the teacher resubmitted (review-carry.ts). */
  changes?: readonly ItemChange[] | undefined;
}

export default function ReviewItemCard({
  idPrefix,
  item,
  evidence,
  comparison,
  input,
  onInput,
  checks,
  earlier,
  changes,
}: Props) {
  const marked = changes !== undefined && changes.length > 0;
  const carriedComment = marked && input.comment.trim() !== '';
  // Submitted as the wizard and the grade count it: ticked ready, or typed out.
  const present = comparison.submitted && evidence !== undefined;
  const hard = hardReasons(comparison.reviewer);
  const heading = `${/^\d+$/.test(item.label) ? `${item.label}. ` : `${item.label}：`}${item.name}`;
  const criteria = item.criteria;

  const teacherTicks = criteria && evidence ? countedTicks(criteria, evidence) : undefined;
  const reviewerTicks = criteria ? countedTicks(criteria, input) : undefined;
  const passUnmet = passUnmetButExcellent(item, comparison, input);
  const tickList = (level: 'pass' | 'excellent', texts: readonly string[]) => (
    <fieldset>
      <legend>{level === 'pass' ? '合格标准' : '优秀标准'}：您认定达到的（须全部满足）</legend>
      {texts.map((text, i) => {
        const teacherTicked = teacherTicks?.[level].includes(i) === true;
        const twin = level === 'excellent' ? (criteria?.pass.indexOf(text) ?? -1) : -1;
        return (
          <label key={`${level}${i}`} className="criterion">
            <input
              type="checkbox"
              checked={reviewerTicks?.[level].includes(i) === true}
              onChange={() => criteria && onInput({ ...input, ...toggleTick(criteria, input, level, i) })}
            />{' '}
            {text}{' '}
            {twin >= 0 && <span className="muted">（与合格标准第 {twin + 1} 条相同，勾选一次即可）</span>}{' '}
            <span className={teacherTicked ? 'teacher-tick' : 'teacher-tick teacher-untick'}>
              （教师自评：{teacherTicked ? '已勾选' : '未勾选'}）
            </span>
          </label>
        );
      })}
    </fieldset>
  );

  return (
    <section
      className={`review-item${comparison.differs ? ' review-item-differs' : ''}${marked ? ' review-item-changed' : ''}`}
      aria-labelledby={`${idPrefix}-heading`}
      data-review-item={item.id}
      data-differs={comparison.differs ? 'true' : 'false'}
      data-changed={marked ? 'true' : 'false'}
    >
      <h4 id={`${idPrefix}-heading`}>{heading}</h4>
      {marked && (
        <p className="changed-mark" data-changed-mark>
          {changeSummary(changes)}
          {present && criteria ? '请按修改后的内容重新勾选。' : ''}
        </p>
      )}
      <p className="item-grades">
        教师自评 <GradeBadge status={comparison.self.status} /> 评审结果{' '}
        <span data-reviewer-status>
          <GradeBadge status={shownStatus(comparison)} />
        </span>
        {comparison.differs && <strong className="differs"> 与教师自评不同</strong>}
      </p>
      <ItemMeta item={item} />

      <div className="evidence-facts">
        {!present ? (
          <>
            <p>
              <strong>教师未提交这项证据（缺交）。</strong>
            </p>
            {/* Half-typed text is not a submission, but the reviewer should see what is there. */}
            {(evidence?.title?.trim() || evidence?.description?.trim()) && (
              <>
                <p className="muted">
                  教师只填写了以下文字（标题和简要说明都填写，或勾选“这项证据我已准备好”，才算提交）：
                </p>
                <dl>
                  <dt>标题</dt>
                  <dd>{evidence.title?.trim() || '（未填写）'}</dd>
                  <dt>说明</dt>
                  <dd className="pre-line">{evidence.description?.trim() || '（未填写）'}</dd>
                </dl>
              </>
            )}
          </>
        ) : (
          <dl>
            <dt>标题</dt>
            <dd>{evidence.title?.trim() || '（未填写）'}</dd>
            <dt>说明</dt>
            <dd className="pre-line">{evidence.description?.trim() || '（未填写）'}</dd>
            {evidence.files.length > 0 ? (
              <>
                <dt>文件</dt>
                <dd>
                  <ul className="file-facts">
                    {evidence.files.map((f, i) => (
                      <li key={`${f.name}-${i}`}>
                        <span className="file-name">{displayText(f.name)}</span>
                        <span className="muted">
                          {' '}
                          {f.type || '未知类型'} · {formatBytes(f.size)}
                          {f.durationSeconds !== undefined && ` · 时长 ${formatDuration(f.durationSeconds)}`}
                        </span>
                        <br />
                        {f.sha256 ? (
                          <FileChecksum sha256={f.sha256} />
                        ) : (
                          <span className="hash">文件校验码：自评时未计算</span>
                        )}
                      </li>
                    ))}
                  </ul>
                </dd>
              </>
            ) : (
              <>
                <dt>文件</dt>
                <dd>
                  教师未选择文件
                  {evidence.manualMinutes !== undefined && `；手填时长 ${evidence.manualMinutes} 分钟`}
                  {evidence.manualCount !== undefined && `；手填份数 ${evidence.manualCount} 份`}
                </dd>
              </>
            )}
            {item.limits.teacherOnCamera && (
              <>
                <dt>教师出镜</dt>
                <dd>{evidence.teacherOnCamera ? '教师确认视频中有本人形象' : '教师未确认出镜'}</dd>
              </>
            )}
          </dl>
        )}
        {present && (
          <p className={hard.length > 0 ? 'hard-check hard-check-fail' : 'hard-check'}>
            硬性要求（按教师文件的类型、时长、份数和出镜确认重新核查）：
            {hard.length > 0 ? '' : '符合'}
          </p>
        )}
        {hard.length > 0 && (
          <ul className="reasons">
            {hard.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        )}
        {checks.length > 0 && (
          <ul className="item-checks" aria-label="证据文件核对">
            {checks.map((c, i) => (
              <li key={`${c.name}-${i}`} className={`verdict verdict-${c.verdict}`}>
                {displayText(c.name)}：{VERDICT_TEXT[c.verdict]}
              </li>
            ))}
          </ul>
        )}
      </div>

      {present && criteria && (
        <div className="criteria-check">
          {comparison.pending && (
            <p className="muted">
              尚未评定：请勾选您认定达到的标准；若一条也未达到，请在下面的评语中写明，即按不合格记。
            </p>
          )}
          {tickList('pass', criteria.pass)}
          {tickList('excellent', criteria.excellent)}
          {passUnmet.length > 0 && (
            <p className="rule-note" data-rule-note>
              优秀标准已全部满足，按规则本项为优秀；未勾选的合格标准（第{' '}
              {passUnmet.map((i) => i + 1).join('、')} 条）不影响等级。
            </p>
          )}
        </div>
      )}

      {earlier.map(({ review, item: said }) => (
        <p key={review.stage} className="earlier-item">
          {review.stage}（{review.reviewer.name}）：
          <GradeBadge status={said.grade} />
          {said.comment ? ` ${said.comment}` : ''}
        </p>
      ))}

      <div className="field">
        <label htmlFor={`${idPrefix}-comment`}>对“{item.name}”的评语</label>
        <textarea
          id={`${idPrefix}-comment`}
          rows={2}
          maxLength={2000}
          value={input.comment}
          onChange={(e) => onInput({ ...input, comment: e.target.value })}
          aria-describedby={carriedComment ? `${idPrefix}-comment-note` : undefined}
        />
        {carriedComment && (
          <p id={`${idPrefix}-comment-note`} className="changed-note">
            {CARRIED_COMMENT}
          </p>
        )}
      </div>
    </section>
  );
}
