/**
 * What a school plan file or link holds, shown to the teacher before it is used (planPreview):
 * the school, its region and round, each category's rule, the stages with their deadlines and,
 * when it brings one, its rubric pack with the choice to use it too. The caller words the question.
 */
import { useEffect, useRef } from 'react';
import type { PlanPreview } from '../../lib/school/plan/plan-preview';

interface Props {
  preview: PlanPreview;
  /** “链接” or the file's name in quotes. */
  from: string;
  question: string;
  /** The plan's rubric pack: its codes, whether to use it, and the codes whose rubric it replaces. */
  pack?: { codes: string[]; take: boolean; onTake: (take: boolean) => void; replacing: string[] } | undefined;
  onConfirm: () => void;
  onCancel: () => void;
}

export default function PlanPreviewCard({ preview, from, question, pack, onConfirm, onCancel }: Props) {
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
            {s.name}（{s.where}）{s.deadline && `，截止 ${s.deadline}`}
          </li>
        ))}
      </ol>
      {pack && preview.rubrics && (
        <div className="plan-preview-pack">
          <p>
            方案附带学校录入的评价标准（{preview.rubrics.sourceLine}），包含{' '}
            {preview.rubrics.abilities.map((a) => `${a.code} ${a.name}`).join('、')}。
          </p>
          <label>
            <input type="checkbox" checked={pack.take} onChange={(e) => pack.onTake(e.target.checked)} />{' '}
            同时使用方案附带的评价标准（{pack.codes.join('、')}）
          </label>
          {pack.take && pack.replacing.length > 0 && (
            <p className="muted">
              {pack.replacing.join('、')}{' '}
              已有的评价标准会被替换；已填写的证据保留，标准有变化的证据项需要重新勾选。
            </p>
          )}
        </div>
      )}
      <p>{question}</p>
      <div className="confirm">
        <button type="button" className="button" onClick={onConfirm}>
          使用这份方案
        </button>{' '}
        <button type="button" className="button button-secondary" onClick={onCancel}>
          取消
        </button>
      </div>
    </section>
  );
}
