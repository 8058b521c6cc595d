/**
 * What a school plan file or link holds, shown before anyone takes it in — the teacher in the
 * wizard, the reviewer on /review/, the principal replacing the plan being edited: the school, its
 * region and round, the teachers by category with each category's rule, the deadline, the stages
 * (inside or outside the school) with theirs, the reviewer assignments and the rubric pack.
 * planPreview decides what is shown; the caller words the question and adds what only it offers
 * (the wizard's choice to use the pack too).
 */
import { useEffect, useRef, type ReactNode } from 'react';
import type { PlanPreview } from '../lib/school/plan/plan-preview';

interface Props {
  preview: PlanPreview;
  /** “链接” or the file's name in quotes. */
  from: string;
  question: string;
  /** The reviewers or groups of the plan's assignments, as they will be offered. */
  reviewers?: readonly string[] | undefined;
  /** Shown after the stages, before the question. */
  children?: ReactNode;
  confirmLabel?: string;
  onConfirm: () => void;
  onCancel: () => void;
}

export default function PlanPreviewCard({
  preview,
  from,
  question,
  reviewers = [],
  children,
  confirmLabel = '使用这份方案',
  onConfirm,
  onCancel,
}: Props) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <section
      className="plan-preview notice"
      aria-labelledby="plan-preview-heading"
      ref={ref}
      tabIndex={-1}
      data-plan-preview
    >
      <h3 id="plan-preview-heading">{from}中的学校考核方案</h3>
      <dl>
        <dt>学校</dt>
        <dd>{preview.school}</dd>
        <dt>地区</dt>
        <dd>{preview.region}</dd>
        {preview.round && (
          <>
            <dt>轮次或学年</dt>
            <dd>{preview.round}</dd>
          </>
        )}
        <dt>教师名单</dt>
        <dd>{preview.teachers} 人</dd>
        <dt>提交自评截止</dt>
        <dd>{preview.submitBy ?? '方案未写明'}</dd>
        <dt>评审分工</dt>
        <dd>
          {preview.assignments} 项{reviewers.length > 0 && `：${reviewers.join('；')}`}
        </dd>
        {preview.rubrics && (
          <>
            <dt>评价标准</dt>
            <dd>{preview.rubrics.abilities.length} 个微能力点</dd>
          </>
        )}
      </dl>
      <p>各类教师的选课要求：</p>
      <ul>
        {preview.categories.map((c) => (
          <li key={c.name}>
            <strong>{c.name}</strong>（{c.teachers} 人）：{c.rule}
          </li>
        ))}
      </ul>
      <p>评审环节：</p>
      <ol>
        {preview.stages.map((s) => (
          <li key={s.name}>
            {s.name}（{s.where}）{s.deadline ? `，截止 ${s.deadline}` : ''}
          </li>
        ))}
      </ol>
      {children}
      <p>{question}</p>
      <div className="confirm">
        <button type="button" className="button" onClick={onConfirm}>
          {confirmLabel}
        </button>{' '}
        <button type="button" className="button button-secondary" onClick={onCancel}>
          取消
        </button>
      </div>
    </section>
  );
}
