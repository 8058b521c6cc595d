/**
 * For a micro-ability whose rubric the handbook does not hold: the teacher types the evidence
 * items, limits and 优秀 / 合格 criteria from the local 考核指南, and the same rule grades them.
 */
import { useState } from 'react';
import type { CustomRubric } from '../../lib/draft';
import type { Rubric, RubricItem } from '../../lib/grading';

interface Props {
  code: string;
  name: string;
  initial: Rubric | undefined;
  onSave: (rubric: CustomRubric) => void;
  onCancel: () => void;
}

interface ItemForm {
  name: string;
  form: string;
  graded: boolean;
  maxMinutes: string;
  count: string;
  teacherOnCamera: boolean;
  excellent: string;
  pass: string;
}

const FORMS = ['文本', '视频', '音频', '图片', '文件', '学生作品'];
const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

const blank = (): ItemForm => ({
  name: '',
  form: '文本',
  graded: true,
  maxMinutes: '',
  count: '',
  teacherOnCamera: false,
  excellent: '',
  pass: '',
});

function toForm(item: RubricItem): ItemForm {
  return {
    name: item.name,
    form: item.forms[0] ?? '文本',
    graded: item.graded === true,
    maxMinutes: item.limits.maxMinutes?.toString() ?? '',
    count: item.limits.count?.toString() ?? '',
    teacherOnCamera: item.limits.teacherOnCamera === true,
    excellent: item.criteria?.excellent.join('\n') ?? '',
    pass: item.criteria?.pass.join('\n') ?? '',
  };
}

/** The first thing that keeps the entered rubric from being saved, in Chinese; undefined when it can be saved. */
function firstProblem(items: readonly ItemForm[]): string | undefined {
  for (const [i, it] of items.entries()) {
    if (it.name.trim() === '') return `第 ${i + 1} 项证据缺少名称。`;
    if (it.graded && (lines(it.excellent).length === 0 || lines(it.pass).length === 0))
      return `“${it.name}”要评分，请分别填写优秀和合格标准（每行一条）。`;
    for (const [field, label] of [
      ['maxMinutes', '时长上限'],
      ['count', '份数'],
    ] as const) {
      const value = it[field].trim();
      if (value !== '' && !(Number(value) > 0 && Number(value) <= 600))
        return `“${it.name}”的${label}须是大于 0 的数字。`;
    }
  }
  return undefined;
}

export default function CustomRubricEditor({ code, name, initial, onSave, onCancel }: Props) {
  const [items, setItems] = useState<ItemForm[]>(initial ? initial.items.map(toForm) : [blank()]);
  // Once the teacher has tried to save, the message follows the form: it clears as soon as the field is fixed.
  const [attempted, setAttempted] = useState(false);
  const error = attempted ? firstProblem(items) : undefined;
  const update = (i: number, patch: Partial<ItemForm>) =>
    setItems(items.map((it, j) => (j === i ? { ...it, ...patch } : it)));

  const save = () => {
    setAttempted(true);
    if (firstProblem(items) !== undefined) return;
    onSave({
      code,
      name,
      origin: '教师录入',
      alternativeGroups: [],
      items: items.map((it, i) => ({
        id: `item-${i + 1}`,
        label: String(i + 1),
        name: it.name.trim(),
        forms: [it.form],
        required: true,
        graded: it.graded,
        limits: {
          ...(it.maxMinutes.trim() ? { maxMinutes: Number(it.maxMinutes) } : {}),
          ...(it.count.trim() ? { count: Math.round(Number(it.count)) } : {}),
          ...(it.teacherOnCamera ? { teacherOnCamera: true } : {}),
        },
        ...(it.graded ? { criteria: { excellent: lines(it.excellent), pass: lines(it.pass) } } : {}),
      })),
    });
  };

  return (
    <div className="rubric-editor" data-rubric-editor={code}>
      <h4>按本地考核指南录入 {code} 的提交要求与评价标准</h4>
      <p className="muted">
        照本地考核指南逐项填写；标准每行一条。录入的内容只保存在本浏览器和您导出的文件中，评定结果会注明“教师录入”。
      </p>
      {items.map((it, i) => {
        const id = (s: string) => `rubric-${code}-${i}-${s}`;
        return (
          <fieldset key={i} className="rubric-item">
            <legend>第 {i + 1} 项证据</legend>
            <div className="field">
              <label htmlFor={id('name')}>名称</label>
              <input
                id={id('name')}
                value={it.name}
                maxLength={100}
                onChange={(e) => update(i, { name: e.target.value })}
              />
            </div>
            <div className="field">
              <label htmlFor={id('form')}>形式</label>
              <select id={id('form')} value={it.form} onChange={(e) => update(i, { form: e.target.value })}>
                {FORMS.map((f) => (
                  <option key={f}>{f}</option>
                ))}
              </select>
            </div>
            <div className="field-row">
              <div className="field">
                <label htmlFor={id('minutes')}>时长上限（分钟，可空）</label>
                <input
                  id={id('minutes')}
                  inputMode="decimal"
                  value={it.maxMinutes}
                  onChange={(e) => update(i, { maxMinutes: e.target.value })}
                />
              </div>
              <div className="field">
                <label htmlFor={id('count')}>份数（可空）</label>
                <input
                  id={id('count')}
                  inputMode="numeric"
                  value={it.count}
                  onChange={(e) => update(i, { count: e.target.value })}
                />
              </div>
            </div>
            <div className="field checkbox">
              <label>
                <input
                  type="checkbox"
                  checked={it.teacherOnCamera}
                  onChange={(e) => update(i, { teacherOnCamera: e.target.checked })}
                />{' '}
                须出现教师本人形象
              </label>
            </div>
            <div className="field checkbox">
              <label>
                <input
                  type="checkbox"
                  checked={it.graded}
                  onChange={(e) => update(i, { graded: e.target.checked })}
                />{' '}
                这项证据要评分（有优秀 / 合格标准）
              </label>
            </div>
            {it.graded && (
              <div className="field-row">
                <div className="field">
                  <label htmlFor={id('pass')}>合格标准（每行一条）</label>
                  <textarea
                    id={id('pass')}
                    rows={4}
                    value={it.pass}
                    onChange={(e) => update(i, { pass: e.target.value })}
                  />
                </div>
                <div className="field">
                  <label htmlFor={id('excellent')}>优秀标准（每行一条）</label>
                  <textarea
                    id={id('excellent')}
                    rows={4}
                    value={it.excellent}
                    onChange={(e) => update(i, { excellent: e.target.value })}
                  />
                </div>
              </div>
            )}
            {items.length > 1 && (
              <button
                type="button"
                className="link-button"
                onClick={() => setItems(items.filter((_, j) => j !== i))}
              >
                删除这项证据
              </button>
            )}
          </fieldset>
        );
      })}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="wizard-nav">
        <button
          type="button"
          className="button button-secondary"
          onClick={() => setItems([...items, blank()])}
          disabled={items.length >= 12}
        >
          再加一项证据
        </button>
        <button type="button" className="button" onClick={save}>
          保存标准
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          取消
        </button>
      </div>
    </div>
  );
}
