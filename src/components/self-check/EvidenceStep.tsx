/** Step 3: per chosen micro-ability, per evidence item, with the live grade. */
import { useState } from 'react';
import type { CustomRubric } from '../../lib/self-check/draft';
import {
  gradeAbility,
  type AbilityEvidence,
  type ItemEvidence,
  type Rubric,
} from '../../lib/grading/grading';
import { gradingReadiness, readinessText } from '../../lib/rubrics/rubric-readiness';
import { sourceLine } from '../../lib/grading/rubric-schema';
import { rubricOriginText } from '../../lib/rubrics/school-rubrics';
import { looksLikeRubricDraft, rubricDraftKey } from '../../lib/rubrics/rubric-draft-presence';
import ConfirmAction from '../ConfirmAction';
import { onDemand } from '../OnDemand';
import GradeBadge from './GradeBadge';
import ItemEditor, { emptyItemEvidence } from './ItemEditor';
import { AbilityReviewNotes, ItemReviewNotes } from './ReviewEntry';
import type { AbilityOption } from './types';

// Most abilities have the handbook's rubric: the editor is fetched when a teacher opens it.
const editor = onDemand(() => import('./CustomRubricEditor'));
const CustomRubricEditor = editor.part((m) => m.default);

/** Whether a typed-in rubric for `code` is waiting in the browser (the editor then reopens). */
function hasSavedRubricDraft(code: string): boolean {
  try {
    return looksLikeRubricDraft(localStorage.getItem(rubricDraftKey(code)), code);
  } catch {
    return false;
  }
}

interface Props {
  ability: AbilityOption;
  rubric: Rubric | undefined;
  evidence: AbilityEvidence;
  abilityUrl: string;
  onEvidence: (next: AbilityEvidence) => void;
  onRubric: (rubric: CustomRubric | undefined) => void;
  /** The rubric editor's autosave state, for the wizard's toolbar. */
  onEditorSaveState?: (text: string) => void;
}

export default function EvidenceStep({
  ability,
  rubric,
  evidence,
  abilityUrl,
  onEvidence,
  onRubric,
  onEditorSaveState,
}: Props) {
  // A rubric typed in but not yet saved reopens where the teacher left it.
  const [editing, setEditing] = useState(() => hasSavedRubricDraft(ability.code));
  const custom = rubric?.origin === '教师录入';
  const result = rubric ? gradeAbility(rubric, evidence) : undefined;

  const setItem = (id: string, next: ItemEvidence) =>
    onEvidence({ ...evidence, items: { ...evidence.items, [id]: next } });

  if (editing || !rubric) {
    return (
      <div>
        {!rubric && !editing && (
          <div className="notice notice-warn" role="note">
            {ability.rubric.source ? (
              <p data-regional-not-ready>
                {ability.code} 的本地区版本（{ability.rubric.source.regionName ?? '本地区'}版，评价标准来源：
                {sourceLine(ability.rubric.source)}）{readinessText(gradingReadiness(ability.rubric.items))}
                请对照本地考核指南补全，补全后按同一规则评定；已有的内容会预先填好。
              </p>
            ) : (
              <p>
                手册尚未收录 {ability.code} 的评价标准（<a href={abilityUrl}>查看能力点页面</a>
                ）。请对照本地考核指南录入各项证据和优秀、合格标准，录入后按同一规则评定。
              </p>
            )}
            <button type="button" className="button" onClick={() => setEditing(true)}>
              录入本地考核指南的标准
            </button>
          </div>
        )}
        {editing && (
          <editor.Boundary
            what="录入评价标准"
            fallback={
              <p className="notice" role="status">
                正在打开录入表……
              </p>
            }
          >
            <CustomRubricEditor
              code={ability.code}
              name={ability.name}
              initial={
                custom || rubric?.origin === '学校文件'
                  ? rubric
                  : ability.rubric.items.length > 0
                    ? ability.rubric
                    : undefined
              }
              onCancel={() => setEditing(false)}
              onSaveState={onEditorSaveState}
              onSave={(r) => {
                onRubric(r);
                setEditing(false);
              }}
            />
          </editor.Boundary>
        )}
      </div>
    );
  }

  return (
    <div className="evidence-step">
      <div className="ability-grade" aria-live="polite" data-ability-grade={ability.code}>
        <p>
          {ability.code} 自评结果：
          <GradeBadge status={result?.grade} />
          <span className="muted" data-rubric-origin>
            （评价标准：{rubricOriginText(rubric)}）
          </span>
        </p>
        {result && result.reasons.length > 0 && (
          <ul className="reasons">
            {result.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        )}
      </div>
      <AbilityReviewNotes code={ability.code} />
      {rubric.origin === '学校文件' && (
        <p>
          <button type="button" className="link-button" onClick={() => setEditing(true)}>
            在学校的标准上补充或修改（改为教师录入）
          </button>{' '}
          <button type="button" className="link-button" onClick={() => onRubric(undefined)}>
            不再使用学校文件的标准
          </button>
        </p>
      )}
      {custom && (
        <p>
          <button type="button" className="link-button" onClick={() => setEditing(true)}>
            修改录入的标准
          </button>{' '}
          <ConfirmAction
            label="删除录入的标准"
            triggerClass="link-button"
            question={`确定删除录入的 ${ability.code} 评价标准吗？删除后要重新录入。`}
            groupLabel="确认删除录入的标准"
            confirmLabel="确定删除"
            onConfirm={() => onRubric(undefined)}
          />
        </p>
      )}
      {rubric.alternativeGroups.map((group) => {
        const options = rubric.items.filter((i) => i.alternativeGroup === group.id);
        return (
          <fieldset key={group.id} className="choice">
            <legend>
              {group.label}. {group.name}：{group.instruction}
            </legend>
            {options.map((o) => (
              <label key={o.id}>
                <input
                  type="radio"
                  name={`choice-${ability.code}-${group.id}`}
                  value={o.id}
                  checked={evidence.chosen[group.id] === o.id}
                  onChange={() =>
                    onEvidence({ ...evidence, chosen: { ...evidence.chosen, [group.id]: o.id } })
                  }
                />{' '}
                {o.label}：{o.name}
              </label>
            ))}
          </fieldset>
        );
      })}
      {rubric.items
        .filter((item) => !item.alternativeGroup || evidence.chosen[item.alternativeGroup] === item.id)
        .map((item) => (
          <ItemEditor
            key={item.id}
            idPrefix={`ev-${ability.code}-${item.id}`}
            item={item}
            evidence={evidence.items[item.id] ?? emptyItemEvidence()}
            result={result?.items.find((r) => r.itemId === item.id)}
            onChange={(next) => setItem(item.id, next)}
          >
            <ItemReviewNotes code={ability.code} itemId={item.id} />
          </ItemEditor>
        ))}
      <div className="field">
        <label htmlFor={`reflection-${ability.code}`}>我的反思（写入 PDF 证据包）</label>
        <textarea
          id={`reflection-${ability.code}`}
          rows={3}
          maxLength={5000}
          value={evidence.reflection ?? ''}
          onChange={(e) => onEvidence({ ...evidence, reflection: e.target.value })}
        />
      </div>
    </div>
  );
}
