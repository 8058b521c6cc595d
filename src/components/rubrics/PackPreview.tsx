/**
 * What a rubric file or link holds, shown before it is used: abilities, source, who entered it.
 * Shared by the editor and the self-check wizard; the caller words the question.
 */
import { useEffect, useRef } from 'react';
import { packPreview, type RubricPack } from '../../lib/rubrics/rubric-file';
import './PackPreview.css';

interface Props {
  pack: RubricPack;
  /** “链接” or “文件名” in quotes. */
  from: string;
  question: string;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}

export default function PackPreview({ pack, from, question, confirmLabel, onConfirm, onCancel }: Props) {
  const preview = packPreview(pack);
  const ref = useRef<HTMLElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <section className="pack-preview notice" aria-labelledby="pack-preview-heading" ref={ref} tabIndex={-1}>
      <h2 id="pack-preview-heading">{from}中的评价标准</h2>
      <p>评价标准来源：{preview.sourceLine}</p>
      <dl>
        {preview.issuer && (
          <>
            <dt>发文单位</dt>
            <dd>{preview.issuer}</dd>
          </>
        )}
        {preview.year && (
          <>
            <dt>年份</dt>
            <dd>{preview.year}</dd>
          </>
        )}
        {preview.regionName && (
          <>
            <dt>地区</dt>
            <dd>{preview.regionName}</dd>
          </>
        )}
        <dt>录入人</dt>
        <dd>{preview.enteredBy}</dd>
        <dt>录入日期</dt>
        <dd>{preview.enteredAt}</dd>
      </dl>
      <p>包含 {preview.abilities.length} 个微能力点：</p>
      <ul>
        {preview.abilities.map((a) => (
          <li key={a.code}>
            {a.code} {a.name}（{a.items} 项证据，其中 {a.graded} 项评分）{a.readiness}
          </li>
        ))}
      </ul>
      <p>{question}</p>
      <div className="confirm">
        <button type="button" className="button" onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          取消
        </button>
      </div>
    </section>
  );
}
