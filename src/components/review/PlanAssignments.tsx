/**
 * The school plan on /review/: opened from a file or a link (a preview, then confirm, as rubric
 * files are in the wizard), kept in this browser for the reviewer (use-review-plan.ts), then
 * “您是谁” and the teachers assigned to the reviewer, stage by stage, each 待评审, 需重新评审,
 * 已评审 or 未载入. A name in the list takes the reviewer to that teacher's review at that stage.
 * What is assigned and where each teacher stands is decided in review-assignments.ts.
 */
import { useEffect, useRef, useState } from 'react';
import { decodePlanFragment, isPlanFragment } from '../../lib/school/plan/plan-link';
import {
  importPlanBytes,
  MAX_PLAN_BYTES,
  SUBMISSION_DEADLINE,
  type PlanResult,
  type SchoolPlan,
} from '../../lib/school/plan/plan-file';
import type { AbilityFacts } from '../../lib/school/plan/selection-rule';
import {
  ASSIGNED_STATE_TEXT,
  findChoice,
  reviewerChoices,
  stageSummary,
  type AssignedStage,
  type ReviewerChoice,
} from '../../lib/review/review-assignments';
import { displayText } from '../../lib/content/display-text';
import ConfirmAction from '../ConfirmAction';
import JsonFileButton from '../JsonFileButton';
import PasteLinkField from '../PasteLinkField';
import Notice from '../Notice';
import PlanPreviewCard from '../PlanPreviewCard';
import { planPreview } from '../../lib/school/plan/plan-preview';
import type { ReviewPlanState } from './use-review-plan';

interface Props {
  state: ReviewPlanState;
  abilities: readonly AbilityFacts[];
  regionName: (slug: string) => string | undefined;
  /** The reviewer's choice in the kept plan; undefined until they choose. */
  choice: ReviewerChoice | undefined;
  /** The teachers assigned to that choice (review-assignments.ts). */
  stages: readonly AssignedStage[];
  /** Teachers opened on the page whom the plan does not assign to this reviewer. */
  unassigned: readonly string[];
  onChoose: (choice: ReviewerChoice | undefined) => void;
  onGo: (draftId: string, stage: string) => void;
}

const schoolOf = (plan: SchoolPlan) => displayText(plan.school.name);

export default function PlanAssignments({
  state,
  abilities,
  regionName,
  choice,
  stages,
  unassigned,
  onChoose,
  onGo,
}: Props) {
  const [incoming, setIncoming] = useState<{ plan: SchoolPlan; from: string }>();
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();
  const [pasteField, setPasteField] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const kept = state.kept;

  const offer = (result: PlanResult, from: string) => {
    setDone(undefined);
    if (!result.ok) {
      setIncoming(undefined);
      setError(`未能打开${from}：${result.error} 本浏览器中保存的方案没有改动。`);
      return;
    }
    setError(undefined);
    setIncoming({ plan: result.plan, from });
  };

  // A plan link opens the page: read it, then tidy the address so a reload does not ask again.
  useEffect(() => {
    const fromAddress = () => {
      const hash = location.hash;
      if (!isPlanFragment(hash)) return;
      history.replaceState(history.state, '', location.pathname + location.search);
      void decodePlanFragment(hash).then((result) => offer(result, '链接'));
    };
    fromAddress();
    window.addEventListener('hashchange', fromAddress);
    return () => window.removeEventListener('hashchange', fromAddress);
  }, []);

  const take = async (plan: SchoolPlan) => {
    const as = kept && findChoice(plan, kept.as) ? kept.as : '';
    setIncoming(undefined);
    if (await state.keep({ plan, as })) {
      setDone(
        `已在本浏览器中保存“${schoolOf(plan)}”的学校考核方案。${as ? '' : '请在下方选择您是谁，页面会列出分配给您的教师。'}`,
      );
      // A fresh field: the link that was read is done with.
      setPasteField((n) => n + 1);
    }
    requestAnimationFrame(() => headingRef.current?.focus());
  };

  const choices = kept ? reviewerChoices(kept.plan) : [];
  const deadline = (stage: string) => kept?.plan.deadlines.find((d) => d.stage === stage)?.date;
  const conflict = state.conflict;
  const theirs = conflict?.stored.status === 'ok' ? conflict.stored.kept : undefined;

  return (
    <section className="plan-assignments" aria-labelledby="plan-assignments-heading" data-plan-assignments>
      <h2 id="plan-assignments-heading" ref={headingRef} tabIndex={-1}>
        学校考核方案与评审分工
      </h2>
      {kept ? (
        <p data-kept-plan>
          当前方案：<strong>{schoolOf(kept.plan)}</strong>
          {kept.plan.school.round ? `（${displayText(kept.plan.school.round)}）` : ''}
          。方案保存在本浏览器中，只用于在本页列出您的评审分工，不会上传；刷新或关闭页面后仍在。
        </p>
      ) : (
        <p>
          学校发来“学校考核方案”文件或链接后，在这里打开：本页会列出分配给您的教师和评审环节，并显示哪些已评、哪些待评。没有方案也可以直接打开自评文件评审。
        </p>
      )}
      {state.unreadable && (
        <p className="notice notice-warn" role="alert">
          {state.unreadable}
        </p>
      )}
      {state.saveError && (
        <p className="notice notice-warn" role="alert">
          {state.saveError}
        </p>
      )}
      {conflict && (
        <div className="notice notice-warn" role="alert" data-plan-conflict>
          <p>
            {theirs
              ? `另一个标签页刚把本浏览器中保存的方案换成了“${schoolOf(theirs.plan)}”的方案${
                  theirs.as
                    ? `（评审人：${displayText(findChoice(theirs.plan, theirs.as)?.label ?? '')}）`
                    : ''
                }。`
              : '另一个标签页刚移除或更改了本浏览器中保存的方案。'}
            本页的更改还没有保存，请选择保留哪一个：
          </p>
          <div className="confirm">
            <button type="button" className="button" onClick={() => void state.resolve('theirs')}>
              改用另一个标签页的方案
            </button>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => void state.resolve('mine')}
            >
              {conflict.wanted ? `保存本页的方案（“${schoolOf(conflict.wanted.plan)}”）` : '仍然移除方案'}
            </button>
          </div>
        </div>
      )}

      <div className="plan-open">
        <JsonFileButton
          label={kept ? '打开另一份方案文件' : '打开学校考核方案文件'}
          maxBytes={MAX_PLAN_BYTES}
          what="学校考核方案文件"
          onRefused={(file, message) => offer({ ok: false, error: message }, `“${file.name}”`)}
          onFile={async (file) =>
            offer(importPlanBytes(new Uint8Array(await file.arrayBuffer())), `“${file.name}”`)
          }
        />
        <PasteLinkField
          key={pasteField}
          id="plan-link"
          label="或粘贴学校发来的方案链接"
          button="读取方案链接"
          onRead={(fragment) => void decodePlanFragment(fragment).then((result) => offer(result, '链接'))}
        />
        {kept && (
          <ConfirmAction
            as="div"
            label="移除本机保存的方案"
            triggerClass="link-button"
            question={
              <span>
                确定要从本浏览器中移除这份方案吗？已打开的自评和评审进度不受影响；需要时可重新打开学校发来的文件或链接。
              </span>
            }
            groupLabel="确认移除方案"
            confirmLabel="确定移除"
            confirmClass="button danger"
            onConfirm={() =>
              void state.keep(undefined).then((ok) => {
                if (ok) setDone('已从本浏览器中移除学校考核方案。');
              })
            }
          />
        )}
      </div>
      {error && (
        <p className="notice notice-warn" role="alert">
          {error}
        </p>
      )}
      {done && (
        <Notice warn={false} as="p">
          {done}
        </Notice>
      )}
      {incoming && (
        <PlanPreviewCard
          preview={planPreview(incoming.plan, abilities, regionName)}
          from={incoming.from}
          reviewers={reviewerChoices(incoming.plan)
            .filter((c) => c.reviewer !== undefined)
            .map((c) => displayText(c.label))}
          question={
            kept
              ? `在本浏览器中改用这份方案吗？将替换当前保存的“${schoolOf(kept.plan)}”方案；已打开的自评和评审进度不受影响。`
              : '在本浏览器中使用这份方案吗？已打开的自评和评审进度不受影响。'
          }
          onConfirm={() => void take(incoming.plan)}
          onCancel={() => {
            setIncoming(undefined);
            requestAnimationFrame(() => headingRef.current?.focus());
          }}
        />
      )}

      {kept && (
        <div className="field">
          <label htmlFor="plan-reviewer">您是谁（按方案的评审分工选择您的姓名或小组）</label>
          <select
            id="plan-reviewer"
            value={choice?.id ?? ''}
            onChange={(e) => onChoose(choices.find((c) => c.id === e.target.value))}
          >
            <option value="">请选择…</option>
            {choices.map((c) => (
              <option key={c.id} value={c.id}>
                {displayText(c.label)}
              </option>
            ))}
          </select>
          {choices.length === 0 && <p className="muted">这份方案还没有评审分工。</p>}
        </div>
      )}

      {kept && choice && stages.length === 0 && <p className="muted">方案中没有分配给您的教师。</p>}
      {kept &&
        choice &&
        stages.map((s) => {
          const due = deadline(s.stage);
          const id = `assigned-${kept.plan.stages.findIndex((x) => x.name === s.stage)}`;
          return (
            <section
              key={s.stage}
              className="assigned-stage"
              aria-labelledby={id}
              data-assigned-stage={s.stage}
            >
              <h3 id={id}>
                {displayText(s.stage)}
                {s.outside ? '（校外环节）' : ''}
                {due ? <span className="muted heading-detail">截止 {due}</span> : null}
              </h3>
              <p className="muted" data-assigned-summary>
                {stageSummary(s)}
                {s.counts.missing > 0 ? '。未载入的教师，请让其发来自评文件后在下方打开。' : ''}
              </p>
              <ul className="assigned-list">
                {s.teachers.map((t) => (
                  <li key={t.name} data-assigned-teacher={t.name} data-state={t.state}>
                    {t.draftId ? (
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => t.draftId && onGo(t.draftId, s.stage)}
                      >
                        {displayText(t.name)}
                        <span className="visually-hidden">（{displayText(s.stage)}）</span>
                      </button>
                    ) : (
                      <span>{displayText(t.name)}</span>
                    )}{' '}
                    <span className={`assigned-state assigned-${t.state}`}>
                      {ASSIGNED_STATE_TEXT[t.state]}
                      {t.updated && t.state === 'todo' ? '（自评有更新）' : ''}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      {kept && choice && unassigned.length > 0 && (
        <p className="muted" data-unassigned>
          已打开的自评中，{unassigned.map(displayText).join('、')}
          不在方案分配给您的教师中；仍可以评审，评审环节请在该教师的评审处选择。
        </p>
      )}
      {kept && deadline(SUBMISSION_DEADLINE) && (
        <p className="muted">教师提交自评的截止日期：{deadline(SUBMISSION_DEADLINE)}。</p>
      )}
    </section>
  );
}
