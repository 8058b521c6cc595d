/**
 * For a micro-ability whose rubric the handbook does not hold: the teacher types the evidence
 * items, limits and 优秀 / 合格 criteria from the local 考核指南, and the same rule grades them.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CustomRubric } from '../../lib/self-check/draft';
import type { Rubric, RubricItem } from '../../lib/grading/grading';
import {
  blankItemForm,
  loadRubricDraft,
  rubricDraftKey,
  saveRubricDraft,
  type ItemForm,
} from '../../lib/rubrics/rubric-editor-draft';
import { EVIDENCE_FORMS } from '../../lib/grading/rubric-schema';

function forgetRubricDraft(code: string) {
  try {
    localStorage.removeItem(rubricDraftKey(code));
  } catch {
    // Storage unavailable: nothing was saved, so nothing to forget.
  }
}

interface Props {
  code: string;
  name: string;
  initial: Rubric | undefined;
  onSave: (rubric: CustomRubric) => void;
  onCancel: () => void;
  /** Reports the editor's autosave state for the wizard's toolbar. */
  onSaveState?: ((text: string) => void) | undefined;
}

const FORMS = EVIDENCE_FORMS;
const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
const blank = blankItemForm;
/** Typing is written to the browser this long after the last keystroke (as the wizard's draft). */
const SAVE_DELAY = 400;

function toForm(item: RubricItem): ItemForm {
  return {
    name: item.name,
    form: (EVIDENCE_FORMS as readonly string[]).includes(item.forms[0] ?? '')
      ? (item.forms[0] as ItemForm['form'])
      : '',
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
    if (it.form === '') return `“${it.name}”请选择提交形式。`;
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

export default function CustomRubricEditor({ code, name, initial, onSave, onCancel, onSaveState }: Props) {
  // The stored text as this page last read or wrote it: a save finding anything else there
  // would overwrite what the teacher typed in another tab.
  const lastSeen = useRef<string | null>(null);
  const [restored] = useState(() => {
    try {
      lastSeen.current = localStorage.getItem(rubricDraftKey(code));
      return loadRubricDraft(lastSeen.current, code);
    } catch {
      return { status: 'empty' as const };
    }
  });
  const [items, setItems] = useState<ItemForm[]>(() =>
    restored.status === 'ok' ? restored.items : initial ? initial.items.map(toForm) : [blank()],
  );
  const pending = useRef<ItemForm[] | undefined>(undefined);
  const firstRender = useRef(true);
  const flush = useCallback(() => {
    if (!pending.current) return;
    const saved = saveRubricDraft(localStorage, code, pending.current, lastSeen.current);
    if (saved.ok) {
      lastSeen.current = saved.text;
      onSaveState?.(`已自动保存录入的标准（${new Date().toLocaleTimeString('zh-CN', { hour12: false })}）`);
    } else
      onSaveState?.(
        saved.elsewhere
          ? '录入的标准未保存：另一个标签页中改过，请刷新后再录入'
          : '录入的标准未能保存到浏览器',
      );
    pending.current = undefined;
  }, [code, onSaveState]);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    pending.current = items;
    onSaveState?.('正在保存……');
    const timer = setTimeout(flush, SAVE_DELAY);
    return () => clearTimeout(timer);
  }, [items, flush, onSaveState]);
  useEffect(() => {
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [flush]);
  // Once the teacher has tried to save, the message follows the form: it clears as soon as the field is fixed.
  const [attempted, setAttempted] = useState(false);
  const error = attempted ? firstProblem(items) : undefined;
  const update = (i: number, patch: Partial<ItemForm>) =>
    setItems(items.map((it, j) => (j === i ? { ...it, ...patch } : it)));

  const cancel = () => {
    pending.current = undefined;
    forgetRubricDraft(code);
    onCancel();
  };

  const save = () => {
    setAttempted(true);
    if (firstProblem(items) !== undefined) return;
    pending.current = undefined;
    forgetRubricDraft(code);
    onSave({
      code,
      name,
      origin: '教师录入',
      alternativeGroups: [],
      items: items.map((it, i) => ({
        id: `item-${i + 1}`,
        label: String(i + 1),
        name: it.name.trim(),
        forms: it.form ? [it.form] : [],
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
      {restored.status === 'ok' && (
        <p className="notice" role="status">
          已恢复上次录入但尚未保存的内容
          {restored.lost > 0 ? `（有 ${restored.lost} 项证据无法读取，已略去）` : ''}。
        </p>
      )}
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
              <select
                id={id('form')}
                value={it.form}
                onChange={(e) => update(i, { form: e.target.value as ItemForm['form'] })}
              >
                <option value="">请选择……</option>
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
                  maxLength={10}
                  value={it.maxMinutes}
                  onChange={(e) => update(i, { maxMinutes: e.target.value })}
                />
              </div>
              <div className="field">
                <label htmlFor={id('count')}>份数（可空）</label>
                <input
                  id={id('count')}
                  inputMode="numeric"
                  maxLength={10}
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
                    maxLength={12000}
                    value={it.pass}
                    onChange={(e) => update(i, { pass: e.target.value })}
                  />
                </div>
                <div className="field">
                  <label htmlFor={id('excellent')}>优秀标准（每行一条）</label>
                  <textarea
                    id={id('excellent')}
                    rows={4}
                    maxLength={12000}
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
        <button type="button" className="button button-secondary" onClick={cancel}>
          取消
        </button>
      </div>
    </div>
  );
}
