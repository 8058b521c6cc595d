/** One ability's rubric in the editor: evidence items, alternatives, limits, 优秀 / 合格 criteria. */
import {
  blankItem,
  freshId,
  type AbilityDraft,
  type GradedChoice,
  type ItemDraft,
} from '../../lib/rubrics/rubric-editor';
import { EVIDENCE_FORMS } from '../../lib/grading/rubric-schema';
import ConfirmAction from '../ConfirmAction';
import type { HandbookAbility } from './types';

interface Props {
  draft: AbilityDraft;
  handbook: HandbookAbility | undefined;
  abilityUrl: string;
  onChange: (draft: AbilityDraft) => void;
}

const GRADED: { value: GradedChoice; label: string }[] = [
  { value: '评分', label: '按优秀 / 合格标准评分' },
  { value: '不评分', label: '必须提交，但不评分（如反思、情境描述）' },
  { value: '未知', label: '考核指南没有写明' },
];

// Worded for both ways in: started from the handbook's entry, or read from the school's 考核指南.
function handbookNote(handbook: HandbookAbility | undefined): string {
  if (!handbook) return '';
  if (handbook.completeness === '完整')
    return '本手册已收录这个微能力点的完整评价标准（可在能力点页面对照）。请按本地考核指南核对下面的内容，不同之处以本地为准。';
  if (handbook.rubric.evidence?.length)
    return '本手册只收录了这个微能力点的一部分。请按本地考核指南核对下面的内容，补全缺少的部分。';
  return '本手册尚未收录这个微能力点的提交指南和评价标准。请按本地考核指南逐项录入或核对下面的内容。';
}

export default function AbilityForm({ draft, handbook, abilityUrl, onChange }: Props) {
  const setItem = (i: number, patch: Partial<ItemDraft>) =>
    onChange({ ...draft, items: draft.items.map((it, j) => (j === i ? { ...it, ...patch } : it)) });
  const addItem = () => {
    const item = blankItem(draft.items.length);
    item.id = freshId(
      'item',
      draft.items.map((i) => i.id),
    );
    onChange({ ...draft, items: [...draft.items, item] });
  };
  const addGroup = () => {
    const id = freshId(
      'choice',
      draft.groups.map((g) => g.id),
    );
    onChange({
      ...draft,
      groups: [
        ...draft.groups,
        { id, label: '', name: '任选其一的任务', instruction: '以下任务任选其一提交' },
      ],
    });
  };
  const move = (i: number, by: number) => {
    const items = [...draft.items];
    const [item] = items.splice(i, 1);
    if (item) items.splice(i + by, 0, item);
    onChange({ ...draft, items });
  };

  return (
    <div className="ability-form">
      <div className="reference">
        <p>
          {handbookNote(handbook)} <a href={abilityUrl}>查看本手册的 {draft.code} 页面</a>
        </p>
        {handbook?.expectations.map((section) => (
          <aside key={section.title} className="expectations" aria-label={`参考：${section.title}`}>
            <h3>参考：{section.title}</h3>
            <p className="hint">本手册收录的原文要求，不是评价标准；录入时可对照。</p>
            <ul>
              {section.points.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </aside>
        ))}
      </div>

      {draft.groups.length > 0 && (
        <fieldset>
          <legend>任选其一的任务组（“二选一”）</legend>
          {draft.groups.map((g, gi) => (
            <div key={g.id} className="field-row">
              <p className="field">
                <label htmlFor={`${g.id}-name`}>任务组名称</label>
                <input
                  id={`${g.id}-name`}
                  value={g.name}
                  onChange={(e) =>
                    onChange({
                      ...draft,
                      groups: draft.groups.map((x, j) => (j === gi ? { ...x, name: e.target.value } : x)),
                    })
                  }
                />
              </p>
              <p className="field">
                <label htmlFor={`${g.id}-instruction`}>说明</label>
                <input
                  id={`${g.id}-instruction`}
                  value={g.instruction}
                  onChange={(e) =>
                    onChange({
                      ...draft,
                      groups: draft.groups.map((x, j) =>
                        j === gi ? { ...x, instruction: e.target.value } : x,
                      ),
                    })
                  }
                />
              </p>
              <p className="field">
                <button
                  type="button"
                  className="link-button"
                  onClick={() =>
                    onChange({
                      ...draft,
                      groups: draft.groups.filter((x) => x.id !== g.id),
                      items: draft.items.map((it) => (it.group === g.id ? { ...it, group: '' } : it)),
                    })
                  }
                >
                  取消这个任务组（其中的任务改为都要提交）
                </button>
              </p>
            </div>
          ))}
        </fieldset>
      )}

      {draft.items.map((item, i) => {
        const id = `${draft.code}-${item.id}`;
        return (
          <fieldset key={item.id} className="item-fields">
            <legend>
              第 {i + 1} 项证据{item.name ? `：${item.name}` : ''}
            </legend>
            <div className="field-row">
              <p className="field narrow">
                <label htmlFor={`${id}-label`}>序号</label>
                <input
                  id={`${id}-label`}
                  value={item.label}
                  onChange={(e) => setItem(i, { label: e.target.value })}
                />
              </p>
              <p className="field">
                <label htmlFor={`${id}-name`}>证据名称</label>
                <input
                  id={`${id}-name`}
                  value={item.name}
                  onChange={(e) => setItem(i, { name: e.target.value })}
                />
              </p>
            </div>
            <fieldset className="inline">
              <legend>提交形式</legend>
              {EVIDENCE_FORMS.map((form) => (
                <label key={form} className="check">
                  <input
                    type="checkbox"
                    checked={item.forms.includes(form)}
                    onChange={(e) =>
                      setItem(i, {
                        forms: e.target.checked
                          ? EVIDENCE_FORMS.filter((f) => f === form || item.forms.includes(f))
                          : item.forms.filter((f) => f !== form),
                      })
                    }
                  />
                  {form}
                </label>
              ))}
              {item.forms.length === 0 && (
                <small className="hint" data-forms-needed>
                  请至少选一种提交形式。
                </small>
              )}
            </fieldset>
            <p className="field">
              <label htmlFor={`${id}-requirement`}>任务要求（按考核指南原文，可不填）</label>
              <textarea
                id={`${id}-requirement`}
                rows={2}
                value={item.requirement}
                onChange={(e) => setItem(i, { requirement: e.target.value })}
              />
            </p>
            <div className="field-row">
              <p className="field">
                <label htmlFor={`${id}-minutes`}>时长上限（分钟，不限则不填）</label>
                <input
                  id={`${id}-minutes`}
                  inputMode="decimal"
                  value={item.maxMinutes}
                  onChange={(e) => setItem(i, { maxMinutes: e.target.value })}
                />
              </p>
              <p className="field">
                <label htmlFor={`${id}-qualifier`}>时长的说法</label>
                <select
                  id={`${id}-qualifier`}
                  value={item.qualifier}
                  onChange={(e) => setItem(i, { qualifier: e.target.value as ItemDraft['qualifier'] })}
                >
                  <option value="">不超过</option>
                  <option value="原则上">原则上不超过</option>
                  <option value="一般">一般不超过</option>
                </select>
              </p>
              <p className="field">
                <label htmlFor={`${id}-count`}>份数（只要一份则不填）</label>
                <input
                  id={`${id}-count`}
                  inputMode="numeric"
                  value={item.count}
                  onChange={(e) => setItem(i, { count: e.target.value })}
                />
              </p>
            </div>
            <label className="check">
              <input
                type="checkbox"
                checked={item.teacherOnCamera}
                onChange={(e) => setItem(i, { teacherOnCamera: e.target.checked })}
              />
              须出现教师本人形象（出镜）
            </label>
            <label className="check">
              <input
                type="checkbox"
                checked={item.required}
                onChange={(e) => setItem(i, { required: e.target.checked })}
              />
              必须提交
            </label>
            {draft.groups.length > 0 && (
              <p className="field">
                <label htmlFor={`${id}-group`}>属于哪个任选其一的任务组</label>
                <select
                  id={`${id}-group`}
                  value={item.group}
                  onChange={(e) => setItem(i, { group: e.target.value })}
                >
                  <option value="">不属于（必须提交）</option>
                  {draft.groups.map((g) => (
                    <option key={g.id} value={g.id}>
                      {g.name}
                    </option>
                  ))}
                </select>
              </p>
            )}
            <fieldset className="inline">
              <legend>评分方式</legend>
              {GRADED.map((g) => (
                <label key={g.value} className="check">
                  <input
                    type="radio"
                    name={`${id}-graded`}
                    checked={item.graded === g.value}
                    onChange={() => setItem(i, { graded: g.value })}
                  />
                  {g.label}
                </label>
              ))}
            </fieldset>
            {item.graded === '评分' && (
              <div className="criteria-fields">
                <p className="field">
                  <label htmlFor={`${id}-excellent`}>优秀标准（每行一条，须全部达到才是优秀）</label>
                  <textarea
                    id={`${id}-excellent`}
                    rows={4}
                    value={item.excellent}
                    onChange={(e) => setItem(i, { excellent: e.target.value })}
                  />
                </p>
                <p className="field">
                  <label htmlFor={`${id}-pass`}>合格标准（每行一条，须全部达到才是合格）</label>
                  <textarea
                    id={`${id}-pass`}
                    rows={4}
                    value={item.pass}
                    onChange={(e) => setItem(i, { pass: e.target.value })}
                  />
                </p>
              </div>
            )}
            <div className="item-actions">
              <button type="button" className="link-button" disabled={i === 0} onClick={() => move(i, -1)}>
                上移
              </button>
              <button
                type="button"
                className="link-button"
                disabled={i === draft.items.length - 1}
                onClick={() => move(i, 1)}
              >
                下移
              </button>
              <ConfirmAction
                label="删除这项证据"
                triggerClass="link-button"
                question="确定删除这项证据吗？"
                groupLabel="确认删除证据项"
                confirmLabel="确定删除"
                onConfirm={() => onChange({ ...draft, items: draft.items.filter((_, j) => j !== i) })}
              />
            </div>
          </fieldset>
        );
      })}
      <div className="toolbar">
        <button
          type="button"
          className="button button-secondary"
          onClick={addItem}
          disabled={draft.items.length >= 12}
        >
          添加一项证据
        </button>
        <button
          type="button"
          className="button button-secondary"
          onClick={addGroup}
          disabled={draft.groups.length >= 6}
        >
          添加“任选其一”的任务组
        </button>
      </div>
    </div>
  );
}
