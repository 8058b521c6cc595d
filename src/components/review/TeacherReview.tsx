/**
 * One teacher's self-check under review: the stage, earlier reviews of it, the evidence check,
 * each ability and item, and the two outputs (review file, PDF with that stage filled in).
 */
import { useEffect, useMemo, useState } from 'react';
import { fileChecksByItem, recordedFiles } from '../../lib/review/evidence-check';
import {
  OUTDATED_MESSAGE,
  buildReviewFile,
  compareAbility,
  emptyReviewerItem,
  own,
  packetReview,
  reviewFit,
  rubricForReview,
  shownGrade,
  type ReviewerAbilityInput,
} from '../../lib/review/review';
import { rubricOriginText } from '../../lib/rubrics/school-rubrics';
import { exportReviewText, reviewFilename, type ReviewFile } from '../../lib/review/review-file';
import { checkResults, type SessionTeacher } from '../../lib/review/review-session';
import { CARRIED_ABILITY_COMMENT } from '../../lib/review/review-carry';
import { hasReviewerEntries, resumedMessage, resumeReview } from '../../lib/review/review-resume';
import { ConfirmQuestion } from '../ConfirmAction';
import { nextStage, type StagePlan } from '../../lib/content/review-stages';
import { downloadBlob } from '../download';
import GradeBadge from '../self-check/GradeBadge';
import PdfButton from '../self-check/PdfButton';
import OnceButton from '../OnceButton';
import ShareButton from '../ShareButton';
import type { PdfFonts } from '../self-check/pdf-packet';
import type { AbilityOption } from '../self-check/types';
import EvidenceCheck from './EvidenceCheck';
import { handbookRubrics } from './handbook';
import type { Reviewer } from './ReviewApp';
import ReviewItemCard from './ReviewItemCard';
import type { RegionReview } from './types';
import type { SchoolPlanStages } from './plan-view';
import Notice from '../Notice';
import { displayText } from '../../lib/content/display-text';

interface Props {
  hidden: boolean;
  /** The self-check and the reviewer's entries on it, kept by the page (review-session.ts). */
  teacher: SessionTeacher;
  onChange: (
    update: (t: SessionTeacher) => Partial<Pick<SessionTeacher, 'stage' | 'inputs' | 'checked'>>,
  ) => void;
  reviewer: Reviewer;
  onReviewer: (r: Reviewer) => void;
  abilities: AbilityOption[];
  region: RegionReview | undefined;
  defaultPlan: StagePlan;
  /** The school plan's stages, when the reviewer has taken a plan in: they replace the region's. */
  schoolPlan?: SchoolPlanStages | undefined;
  /** The stage the plan assigns this teacher to the reviewer at, if it does. */
  assignedStage?: string | undefined;
  /** A review file saved or shared: the page keeps it, so the plan's list shows the teacher done. */
  onSaved: (review: ReviewFile) => void;
  /** Reviews opened for this draft (any stage, current or outdated). */
  earlier: ReviewFile[];
  siteVersion: string;
  fonts: PdfFonts;
}

const emptyInput = (): ReviewerAbilityInput => ({ comment: '', items: {} });

function formatTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString('zh-CN', { hour12: false });
}

export default function TeacherReview(props: Props) {
  const { teacher, onChange, reviewer, abilities, region, earlier } = props;
  const draft = teacher.draft;
  const { schoolPlan, assignedStage } = props;
  const plan = schoolPlan?.stages ?? region?.plan ?? props.defaultPlan;
  const firstStage =
    assignedStage ??
    nextStage(
      plan.stages,
      earlier.map((r) => r.stage),
    )?.name ??
    '';
  const stage = teacher.stage || firstStage;
  const setStage = (next: string) => onChange(() => ({ stage: next }));
  const inputs = teacher.inputs;
  const setInputs = (
    update: (all: Record<string, ReviewerAbilityInput>) => Record<string, ReviewerAbilityInput>,
  ) => onChange((t) => ({ inputs: update(t.inputs) }));
  const checks = useMemo(() => checkResults(teacher), [teacher]);
  // The stage the reviews opened with the self-check point to is fixed once, as if chosen.
  useEffect(() => {
    if (teacher.stage === '' && firstStage !== '') onChange(() => ({ stage: firstStage }));
    // Only when the teacher is first shown: a review opened later does not move the stage.
  }, []);
  const [message, setMessage] = useState<{ warn: boolean; text: string }>();
  const idBase = `r-${draft.id}`;

  const p = draft.profile;
  const handbook = handbookRubrics(abilities);
  const changed = teacher.resubmitted?.changed ?? {};
  const changedCount = draft.abilities.reduce(
    (n, code) => n + Object.keys(own(changed, code) ?? {}).length,
    0,
  );
  const chosen = draft.abilities.map((code) => ({
    code,
    name: draft.customRubrics[code]?.name ?? abilities.find((a) => a.code === code)?.name ?? code,
    rubric: rubricForReview(draft, code, handbook(code)),
  }));
  const byItem = fileChecksByItem(checks);
  const stageOptions = [...new Set([...plan.stages.map((s) => s.name), stage].filter(Boolean))];

  const review = (): ReviewFile =>
    buildReviewFile({
      draft,
      reviewer,
      stage,
      reviewedAt: new Date(),
      abilities: chosen.map((a) => ({
        code: a.code,
        rubric: a.rubric,
        input: inputs[a.code],
        files: byItem[a.code],
      })),
    });

  const ready = (): boolean => {
    if (reviewer.name.trim() !== '') return true;
    setMessage({ warn: true, text: '请先在页面上方填写评审人姓名。' });
    document.getElementById('reviewer-name')?.focus();
    return false;
  };

  const save = () => {
    if (!ready()) return;
    const file = review();
    downloadBlob(new Blob([exportReviewText(file)], { type: 'application/json' }), reviewFilename(file));
    props.onSaved(file);
    // Saving is never refused (a reviewer may hand back part of the work), but what the file
    // records for an item not judged yet is the rule's 不合格, so the reviewer is told.
    const unjudged = chosen.flatMap((a) =>
      a.rubric
        ? compareAbility(a.rubric, draft.evidence[a.code], inputs[a.code])
            .items.filter((c) => c.pending)
            .map((c) => `${a.code}「${a.rubric?.items.find((i) => i.id === c.itemId)?.name ?? c.itemId}」`)
        : [],
    );
    setMessage({
      warn: unjudged.length > 0,
      text: `已保存评审意见：${reviewFilename(file)}。请把这个文件交给${p.name || '教师'}。${
        unjudged.length > 0
          ? `其中${unjudged.join('、')}您尚未勾选任何标准，文件中按规则记为不合格；如需改评，勾选后重新保存。`
          : ''
      }`,
    });
  };

  // A review file to take up once the reviewer confirms it may replace what they entered here.
  const [resuming, setResuming] = useState<ReviewFile>();
  // Said under the list, where the reviewer chose the file.
  const [resumedNote, setResumedNote] = useState<{ warn: boolean; text: string }>();
  const resume = (r: ReviewFile) => {
    setResuming(undefined);
    const resumed = resumeReview(r, draft);
    onChange(() => ({ stage: r.stage, inputs: resumed.inputs }));
    if (reviewer.name.trim() === '') props.onReviewer({ name: r.reviewer.name, role: r.reviewer.role });
    setResumedNote({ warn: resumed.outdated, text: resumedMessage(r, resumed) });
  };
  const askResume = (r: ReviewFile) => (hasReviewerEntries(inputs) ? setResuming(r) : resume(r));

  // Earlier stages print beside this one; a review of an older self-check is not printed.
  const printedEarlier = earlier.filter((r) => r.stage !== stage && reviewFit(r, draft) === 'current');
  const earlierFor = (code: string, itemId: string) =>
    printedEarlier.flatMap((r) => {
      const item = own(own(r.abilities, code)?.items, itemId);
      return item ? [{ review: r, item }] : [];
    });

  return (
    <section
      className="teacher-review"
      hidden={props.hidden}
      aria-labelledby={`${idBase}-heading`}
      data-teacher={draft.id}
    >
      <h2 id={`${idBase}-heading`} tabIndex={-1}>
        评审：{p.name || '未署名的教师'}
        <span className="muted heading-detail">
          {[p.school, p.subject, p.stage, region?.name].filter(Boolean).join(' · ')}
        </span>
      </h2>
      <p className="muted">
        自评文件“{teacher.fileName}”，保存于 {formatTime(draft.savedAt)}。
      </p>
      {teacher.resubmitted && (
        <p className="notice" role="note" data-resubmitted>
          这是教师重新提交的自评（您开始评审的是 {formatTime(teacher.resubmitted.since)}{' '}
          保存的版本）。未修改的证据沿用了您原来的勾选和评语；
          {changedCount > 0
            ? `${changedCount} 项证据自上次评审后已修改，已在下方标出：原来的勾选已清除，请重新评定，并核对沿用的评语。`
            : '证据都没有修改。'}
        </p>
      )}

      <div className="field stage-field">
        <label htmlFor={`${idBase}-stage`}>评审环节</label>
        <select id={`${idBase}-stage`} value={stage} onChange={(e) => setStage(e.target.value)}>
          {stageOptions.map((s) => (
            <option key={s} value={s}>
              {displayText(s)}
            </option>
          ))}
        </select>
        <span className="muted" data-stage-source>
          {schoolPlan
            ? `按“${displayText(schoolPlan.school)}”学校考核方案的评审环节：${plan.stages
                .map((s) => displayText(schoolPlan.outside.includes(s.name) ? `${s.name}（校外）` : s.name))
                .join(' → ')}。${
                assignedStage ? `按方案的评审分工，您在“${displayText(assignedStage)}”环节评审这位教师。` : ''
              }`
            : plan.from
              ? `按${plan.from.region}文件规定的校本应用考核流程：${plan.stages.map((s) => s.name).join(' → ')}。`
              : '教师所在地区的文件未列出评审环节，按组内互评、复评两个环节。'}
        </span>
      </div>

      {earlier.length > 0 && (
        <div className="earlier">
          <h3>已打开的评审意见</h3>
          <ul>
            {earlier.map((r) => (
              <li key={`${r.stage}-${r.reviewedAt}`}>
                {r.stage} · {r.reviewer.name}
                {r.reviewer.role ? `（${r.reviewer.role}）` : ''} · {formatTime(r.reviewedAt)}
                {reviewFit(r, draft) === 'outdated' && (
                  <strong className="outdated"> {OUTDATED_MESSAGE}：教师在这份意见之后修改了自评。</strong>
                )}{' '}
                {resuming === r ? (
                  <ConfirmQuestion
                    question="载入这份意见会替换您在本页已做的勾选和评语。"
                    groupLabel={`确认以${r.stage}意见继续评审`}
                    confirmLabel="确定载入"
                    onConfirm={() => resume(r)}
                    onCancel={() => setResuming(undefined)}
                  />
                ) : (
                  <button type="button" className="link-button" onClick={() => askResume(r)}>
                    以此继续评审<span className="visually-hidden">（{r.stage}）</span>
                  </button>
                )}
              </li>
            ))}
          </ul>
          {resumedNote && (
            <Notice warn={resumedNote.warn} as="p">
              {resumedNote.text}
            </Notice>
          )}
        </div>
      )}

      <EvidenceCheck
        idBase={idBase}
        recorded={recordedFiles(draft)}
        checks={checks}
        onChecks={(next) =>
          onChange(() => ({ checked: next.map((c) => ({ name: c.name, sha256: c.sha256 })) }))
        }
        itemName={(code, itemId) =>
          chosen.find((a) => a.code === code)?.rubric?.items.find((i) => i.id === itemId)?.name ?? itemId
        }
      />

      {chosen.map((a) => {
        if (!a.rubric) {
          return (
            <section key={a.code} className="review-ability">
              <h3>
                {a.code} {a.name}
              </h3>
              <p className="notice" role="note">
                手册尚未收录 {a.code} 的评价标准，教师也没有录入本地考核指南的标准，无法按规则评定。
              </p>
            </section>
          );
        }
        const rubric = a.rubric;
        const input = inputs[a.code] ?? emptyInput();
        const comparison = compareAbility(rubric, draft.evidence[a.code], input);
        const evidence = draft.evidence[a.code];
        const setInput = (next: ReviewerAbilityInput) => setInputs((all) => ({ ...all, [a.code]: next }));
        // The overall comment was written on the version before; some of its items have changed.
        const abilityMarked =
          input.comment.trim() !== '' && Object.keys(own(changed, a.code) ?? {}).length > 0;
        return (
          <section
            key={a.code}
            className="review-ability"
            aria-labelledby={`${idBase}-${a.code}`}
            data-review-ability={a.code}
          >
            <h3 id={`${idBase}-${a.code}`}>
              {a.code} {a.name}
            </h3>
            <p className="muted">评价标准：{rubricOriginText(rubric)}</p>
            <p className="ability-grades" aria-live="polite">
              教师自评 <GradeBadge status={comparison.self.grade} /> 评审结果{' '}
              <span data-reviewer-grade={a.code}>
                <GradeBadge status={shownGrade(comparison)} />
              </span>
              {comparison.differs && <strong className="differs"> 与教师自评不同</strong>}
            </p>
            {rubric.alternativeGroups.map((g) => {
              const picked = rubric.items.find((i) => i.id === evidence?.chosen[g.id]);
              return (
                <p key={g.id}>
                  {g.label}. {g.name}：教师选择了
                  {picked ? `“${picked.label}：${picked.name}”` : '（尚未选择）'}
                </p>
              );
            })}
            {comparison.items.map((c) => {
              const item = rubric.items.find((i) => i.id === c.itemId);
              if (!item) return null;
              return (
                <ReviewItemCard
                  key={c.itemId}
                  idPrefix={`${idBase}-${a.code}-${c.itemId}`}
                  item={item}
                  evidence={own(evidence?.items, c.itemId)}
                  comparison={c}
                  input={own(input.items, c.itemId) ?? emptyReviewerItem()}
                  onInput={(next) => setInput({ ...input, items: { ...input.items, [c.itemId]: next } })}
                  changes={own(own(changed, a.code), c.itemId)}
                  checks={own(own(byItem, a.code), c.itemId) ?? []}
                  earlier={earlierFor(a.code, c.itemId)}
                />
              );
            })}
            {comparison.pending && (
              <p className="muted" data-pending={a.code}>
                还有证据未评（
                {comparison.items
                  .filter((c) => c.pending)
                  .map((c) => rubric.items.find((i) => i.id === c.itemId)?.name ?? c.itemId)
                  .join('、')}
                ）：评完后显示 {a.code} 的评审结果。
              </p>
            )}
            {!comparison.pending && comparison.reviewer.reasons.length > 0 && (
              <div className="reasons">
                <p className="reasons-title">
                  按您的认定，{comparison.reviewer.grade === '合格' ? '未达优秀' : '未达合格或不合格'}的原因：
                </p>
                <ul>
                  {comparison.reviewer.reasons.map((r) => (
                    <li key={r}>{r}</li>
                  ))}
                </ul>
              </div>
            )}
            <div className="field">
              <label htmlFor={`${idBase}-${a.code}-comment`}>对 {a.code} 的总体评语</label>
              <textarea
                id={`${idBase}-${a.code}-comment`}
                rows={2}
                maxLength={2000}
                value={input.comment}
                onChange={(e) => setInput({ ...input, comment: e.target.value })}
                aria-describedby={abilityMarked ? `${idBase}-${a.code}-comment-note` : undefined}
              />
              {abilityMarked && (
                <p id={`${idBase}-${a.code}-comment-note`} className="changed-note">
                  {CARRIED_ABILITY_COMMENT}
                </p>
              )}
            </div>
          </section>
        );
      })}

      <div className="review-output">
        <h3>交回教师</h3>
        <p className="muted">
          评审意见文件记录了评审人、环节、时间，以及每项证据您认定的标准、评语和等级，并记下所评自评内容的校验值：教师之后若修改了自评，打开这份意见时会看到“
          {OUTDATED_MESSAGE}”。
        </p>
        <OnceButton className="button" onClick={save}>
          保存评审意见文件
        </OnceButton>
        <ShareButton
          label="分享评审意见文件"
          kind="json"
          file={() => {
            if (!ready()) return undefined;
            const file = review();
            props.onSaved(file);
            return new File([exportReviewText(file)], reviewFilename(file), { type: 'application/json' });
          }}
        />
        {message && (
          <Notice warn={message.warn} as="p">
            {message.text}
          </Notice>
        )}
        <PdfButton
          draft={draft}
          abilities={abilities.map((x) => ({
            code: x.code,
            name: x.name,
            rubric: x.gradable ? x.rubric : undefined,
          }))}
          regionName={region?.name}
          siteVersion={props.siteVersion}
          fonts={props.fonts}
          reviews={
            reviewer.name.trim()
              ? [packetReview(review()), ...printedEarlier.map(packetReview)]
              : printedEarlier.map(packetReview)
          }
          label={`生成填好“${stage}”栏的 PDF 证据包`}
          statusId={`${idBase}-pdf-status`}
        />
      </div>
    </section>
  );
}
