/**
 * What a school plan file or link holds, shown on /review/ before the reviewer takes it in, as a
 * rubric file is in the wizard: the school, its teachers by category, the stages with where they
 * are done and their deadlines, and the reviewer assignments. planPreview decides what is shown.
 */
import { useEffect, useRef } from 'react';
import { planPreview } from '../../lib/school/plan/plan-preview';
import type { SchoolPlan } from '../../lib/school/plan/plan-file';
import type { AbilityFacts } from '../../lib/school/plan/selection-rule';
import { reviewerChoices } from '../../lib/review/review-assignments';
import { displayText } from '../../lib/content/display-text';

interface Props {
  plan: SchoolPlan;
  /** “链接” or the file's name in quotes. */
  from: string;
  abilities: readonly AbilityFacts[];
  regionName: (slug: string) => string | undefined;
  question: string;
  onConfirm: () => void;
  onCancel: () => void;
}

export default function PlanPreviewCard({
  plan,
  from,
  abilities,
  regionName,
  question,
  onConfirm,
  onCancel,
}: Props) {
  const preview = planPreview(plan, abilities, regionName);
  const reviewers = reviewerChoices(plan).filter((c) => c.reviewer !== undefined);
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
        <dt>教师</dt>
        <dd>
          {preview.teachers} 人
          {preview.categories.length > 0 &&
            `（${preview.categories.map((c) => `${c.name} ${c.teachers} 人`).join('，')}）`}
        </dd>
        {preview.submitBy && (
          <>
            <dt>提交自评截止</dt>
            <dd>{preview.submitBy}</dd>
          </>
        )}
      </dl>
      <p>评审环节：</p>
      <ol>
        {preview.stages.map((s) => (
          <li key={s.name}>
            {s.name}（{s.where}）{s.deadline ? `，截止 ${s.deadline}` : ''}
          </li>
        ))}
      </ol>
      <p>
        评审分工 {preview.assignments} 项
        {reviewers.length > 0 ? `：${reviewers.map((c) => displayText(c.label)).join('；')}` : '。'}
      </p>
      <p>{question}</p>
      <div className="confirm">
        <button type="button" className="button" onClick={onConfirm}>
          使用这份方案
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          取消
        </button>
      </div>
    </section>
  );
}
