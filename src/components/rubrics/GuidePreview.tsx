/**
 * What the reader made of a 考核指南, before anything reaches the editor: per ability, what was
 * read, what a person must check and what was not found; where the document does not show which
 * criteria are 优秀 and which 合格, the person places the boundary. Each ability is confirmed on
 * its own, and one already in the editor is replaced only after asking.
 */
import { useEffect, useRef, useState } from 'react';
import {
  itemSummaries,
  moveSplit,
  type GuideAbilityReading,
  type GuideReading,
} from '../../lib/rubrics/guide/guide-reading';
import { withGuideSource } from '../../lib/rubrics/guide/guide-source';
import type { AbilityDraft, SourceDraft } from '../../lib/rubrics/rubric-editor';
import ConfirmAction from '../ConfirmAction';

interface Props {
  reading: GuideReading;
  /** “文件名” in quotes, or 粘贴的文字. */
  from: string;
  editorCodes: readonly string[];
  source: SourceDraft;
  onConfirm: (drafts: AbilityDraft[], source: SourceDraft) => void;
  onNotice: (kind: 'info' | 'warn', text: string) => void;
  onClose: () => void;
}

export default function GuidePreview({
  reading,
  from,
  editorCodes,
  source,
  onConfirm,
  onNotice,
  onClose,
}: Props) {
  const [abilities, setAbilities] = useState(reading.abilities);
  const [confirmed, setConfirmed] = useState<readonly string[]>([]);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  // The boundaries the document left open stay open to change after the person has moved them.
  const [uncertain] = useState(
    () =>
      new Set(
        reading.abilities.flatMap((a) =>
          a.splits.filter((s) => !s.certain).map((s) => `${a.code} ${s.itemId}`),
        ),
      ),
  );

  const confirm = (codes: readonly string[]) => {
    const drafts = abilities.filter((a) => codes.includes(a.code)).map((a) => a.draft);
    const merged = withGuideSource(source, reading.source);
    onConfirm(drafts, merged.source);
    setConfirmed((done) => [...done, ...codes]);
    onNotice(
      merged.differing.length > 0 ? 'warn' : 'info',
      `已把 ${codes.join('、')} 加入编辑器，可以在下面继续修改。${
        merged.differing.length > 0
          ? `文档中的${merged.differing.join('、')}与“评价标准的来源”中已填写的不同，已填写的没有改动，请核对。`
          : ''
      }`,
    );
  };

  const ready = abilities.filter(
    (a) => a.flags.length === 0 && !confirmed.includes(a.code) && !editorCodes.includes(a.code),
  );

  return (
    <section
      className="guide-preview notice"
      data-guide-preview
      data-guide-abilities={abilities.length}
      aria-labelledby="guide-preview-heading"
    >
      <h3 id="guide-preview-heading" ref={headingRef} tabIndex={-1}>
        从{from}读到 {abilities.length} 个微能力点
      </h3>
      <p>
        请逐个核对读出的内容，特别是标着“请核对”的地方。确认后才会加入下面的编辑器，加入后仍可修改；没有确认的不会改动任何内容。
      </p>
      {reading.notes.length > 0 && (
        <ul>
          {reading.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      {abilities.map((ability) => (
        <AbilityCard
          key={ability.code}
          ability={ability}
          uncertain={uncertain}
          inEditor={editorCodes.includes(ability.code)}
          confirmed={confirmed.includes(ability.code)}
          onMove={(itemId, split) =>
            setAbilities((list) =>
              list.map((a) => (a.code === ability.code ? moveSplit(a, itemId, split) : a)),
            )
          }
          onConfirm={() => confirm([ability.code])}
        />
      ))}
      <p className="confirm">
        {ready.length > 1 && (
          <button type="button" className="button" onClick={() => confirm(ready.map((a) => a.code))}>
            全部确认（{ready.map((a) => a.code).join('、')}，没有需要核对的地方）
          </button>
        )}
        <button type="button" className="button button-secondary" onClick={onClose}>
          关闭预览
        </button>
      </p>
    </section>
  );
}

interface CardProps {
  ability: GuideAbilityReading;
  uncertain: ReadonlySet<string>;
  inEditor: boolean;
  confirmed: boolean;
  onMove: (itemId: string, split: number) => void;
  onConfirm: () => void;
}

function AbilityCard({ ability, uncertain, inEditor, confirmed, onMove, onConfirm }: CardProps) {
  const summaries = itemSummaries(ability);
  const doneRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (confirmed) doneRef.current?.focus();
  }, [confirmed]);
  const headingId = `guide-ability-${ability.code}`;
  const splits = ability.splits.filter((s) => uncertain.has(`${ability.code} ${s.itemId}`));
  return (
    <article className="guide-ability" data-guide-ability={ability.code} aria-labelledby={headingId}>
      <h4 id={headingId}>
        {ability.code} {ability.name}
        {ability.handbookName !== undefined && ability.handbookName !== ability.name && (
          <span className="guide-flag">（本手册中叫“{ability.handbookName}”，请核对）</span>
        )}
      </h4>
      <h5>读出的内容</h5>
      <ul data-guide-items>
        {summaries.map((s) => (
          <li key={s.itemId} data-guide-item={s.itemId}>
            {s.label} {s.name}：<span data-guide-limits>{s.limits.join('；')}</span>
            {s.limits.length > 0 ? '；' : ''}
            {s.graded}
            {s.excellent + s.pass > 0 && (
              <span data-guide-criteria>
                ；优秀 {s.excellent} 条 / 合格 {s.pass} 条
              </span>
            )}
          </li>
        ))}
      </ul>
      <h5>请核对</h5>
      {ability.flags.length > 0 ? (
        <ul data-guide-flags>
          {ability.flags.map((f) => (
            <li key={`${f.kind} ${f.itemId ?? ''} ${f.text}`} className="guide-flag">
              {f.text}
            </li>
          ))}
        </ul>
      ) : (
        <p>没有需要核对的地方。</p>
      )}
      {splits.map((split) => {
        const item = summaries.find((s) => s.itemId === split.itemId);
        return (
          <fieldset key={split.itemId} className="guide-split" data-guide-split={split.itemId}>
            <legend>
              {item
                ? `${/^\d+$/.test(item.label) ? `第 ${item.label} 项` : item.label}“${item.name}”`
                : '这一项'}
              的评价标准：文档没有标明优秀和合格的分界，请选择合格标准从哪一条开始
            </legend>
            <ol>
              {split.bullets.map((bullet, i) => (
                <li key={i}>
                  <span className={i < split.split ? 'guide-tag excellent' : 'guide-tag pass'}>
                    {i < split.split ? '优秀' : '合格'}
                  </span>{' '}
                  {bullet}
                  {i > 0 && (
                    <label className="check">
                      <input
                        type="radio"
                        name={`guide-split-${ability.code}-${split.itemId}`}
                        checked={split.split === i}
                        onChange={() => onMove(split.itemId, i)}
                      />
                      合格标准从第 {i + 1} 条开始
                    </label>
                  )}
                </li>
              ))}
            </ol>
          </fieldset>
        );
      })}
      {ability.missing.length > 0 && (
        <>
          <h5>没有找到</h5>
          <ul data-guide-missing>
            {ability.missing.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </>
      )}
      {confirmed ? (
        <p ref={doneRef} tabIndex={-1} className="guide-done">
          已加入编辑器：{ability.code} {ability.name}，可以在下面继续修改。
        </p>
      ) : inEditor ? (
        <ConfirmAction
          as="p"
          label={`确认 ${ability.code}，加入编辑`}
          triggerClass="button"
          question={`编辑器里已有 ${ability.code}，用导入的内容替换吗？`}
          groupLabel={`确认替换 ${ability.code}`}
          confirmLabel="替换"
          onConfirm={onConfirm}
        />
      ) : (
        <p>
          <button type="button" className="button" onClick={onConfirm}>
            确认 {ability.code}，加入编辑
          </button>
        </p>
      )}
    </article>
  );
}
