/** What a plan file holds, shown before it replaces the plan being edited (planPreview decides). */
import { useEffect, useRef } from 'react';
import type { Policy } from '../../lib/content/policies';
import type { SchoolPlan } from '../../lib/school/plan/plan-file';
import { planPreview } from '../../lib/school/plan/plan-preview';
import type { AbilityFacts } from '../../lib/school/plan/selection-rule';

interface Props {
  plan: SchoolPlan;
  from: string;
  abilities: AbilityFacts[];
  policies: Policy[];
  question: string;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}

export default function PlanPreviewPanel({
  plan,
  from,
  abilities,
  policies,
  question,
  confirmLabel,
  onConfirm,
  onCancel,
}: Props) {
  const preview = planPreview(plan, abilities, (slug) => policies.find((p) => p.slug === slug)?.data.region);
  const ref = useRef<HTMLElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <section className="notice plan-preview" aria-labelledby="plan-preview-heading" ref={ref} tabIndex={-1}>
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
        {preview.submitBy && (
          <>
            <dt>提交自评截止</dt>
            <dd>{preview.submitBy}</dd>
          </>
        )}
        <dt>评审分工</dt>
        <dd>{preview.assignments} 项</dd>
        {preview.rubrics && (
          <>
            <dt>评价标准</dt>
            <dd>{preview.rubrics.abilities.length} 个微能力点</dd>
          </>
        )}
      </dl>
      <p>教师类别：</p>
      <ul>
        {preview.categories.map((c) => (
          <li key={c.name}>
            {c.name}（{c.teachers} 人）：{c.rule}
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
      <p>{question}</p>
      <p className="plan-actions">
        <button type="button" className="button" onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          取消
        </button>
      </p>
    </section>
  );
}
