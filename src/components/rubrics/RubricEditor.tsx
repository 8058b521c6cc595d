/**
 * The rubric editor island (/rubrics/): one person at a school enters the rubrics of the local
 * 考核指南 once, starting from what the handbook already holds, and hands colleagues a file or
 * a link. The state autosaves in this browser; every decision is in src/lib/rubrics/.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type InputHTMLAttributes } from 'react';
import {
  exportPackText,
  importPackBytes,
  MAX_RUBRIC_FILE_BYTES,
  packFileName,
  type PackResult,
  type RubricPack,
} from '../../lib/rubrics/rubric-file';
import {
  draftFromRubric,
  EDITOR_STORAGE_KEY,
  editorFromPack,
  editorText,
  emptyEditorState,
  isFullDate,
  loadEditorText,
  packFromEditor,
  rubricFromDraft,
  withAbility,
  type AbilityDraft,
  type EditorState,
  type SourceDraft,
} from '../../lib/rubrics/rubric-editor';
import { abilitiesNotReady, gradingReadiness, readinessText } from '../../lib/rubrics/rubric-readiness';
import { decodeShareFragment, isShareFragment, shareUrl } from '../../lib/rubrics/rubric-link';
import { abilityCodeQuery } from '../../lib/search/search-query';
import ConfirmAction from '../ConfirmAction';
import { downloadBlob } from '../download';
import OnceButton from '../OnceButton';
import AbilityForm from './AbilityForm';
import GuideImport from './GuideImport';
import PackPreview from './PackPreview';
import type { HandbookAbility, RegionChoice } from './types';
import './RubricEditor.css';
import JsonFileButton from '../JsonFileButton';
import Tabs from '../Tabs';
import Notice from '../Notice';

interface Props {
  abilities: HandbookAbility[];
  regions: RegionChoice[];
  selfCheckUrl: string;
  abilityBase: string;
}

const SAVE_DELAY = 400;

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

const SOURCE_FIELDS: {
  key: keyof SourceDraft;
  label: string;
  hint?: string;
  required?: boolean;
  /** What the field takes, so a phone opens the keypad (年份) or a calendar (录入日期). */
  input?: InputHTMLAttributes<HTMLInputElement>;
}[] = [
  {
    key: 'title',
    label: '考核指南名称',
    hint: '例如：某某省中小学教师信息技术应用能力提升工程2.0校本应用考核指南',
    required: true,
  },
  { key: 'number', label: '文号', hint: '例如：某教师〔2021〕5号；没有可不填' },
  { key: 'issuer', label: '发文单位', hint: '例如：某某省教育厅' },
  {
    key: 'year',
    label: '年份',
    hint: '四位数字，例如 2021',
    input: { inputMode: 'numeric', pattern: '[0-9]{4}', maxLength: 4 },
  },
  { key: 'enteredBy', label: '录入人', hint: '个人或团队，例如：某某小学信息化管理团队', required: true },
  { key: 'enteredAt', label: '录入日期', required: true, input: { type: 'date' } },
];

/** A tab's word on its ability: not filled in, filled in but unable to grade, or ready. */
function draftStatus(draft: AbilityDraft): string {
  const checked = rubricFromDraft(draft);
  if (!checked.ok) return '尚未填完';
  return gradingReadiness(checked.value.evidence).canGrade ? '可以评分' : '尚不能评分';
}

/** Said after saving or sharing: which abilities cannot grade yet, so nobody relies on them. */
function notReadyNote(pack: RubricPack): string {
  const lines = abilitiesNotReady(pack.abilities);
  return lines.length === 0 ? '' : `注意：${lines.join('')} 同事打开后只能先补全这些内容，才能按它自评。`;
}

export default function RubricEditor({ abilities, regions, selfCheckUrl, abilityBase }: Props) {
  const store = useMemo(storage, []);
  const handbookRefs = useMemo(
    () => abilities.map(({ code, name, dimension }) => ({ code, name, dimension })),
    [abilities],
  );
  const [state, setState] = useState<EditorState>();
  const [saveState, setSaveState] = useState('');
  const [warning, setWarning] = useState<string>();
  const [salvagedRaw, setSalvagedRaw] = useState<string>();
  const [notice, setNotice] = useState<{ kind: 'info' | 'warn'; text: string }>();
  const [errors, setErrors] = useState<string[]>([]);
  const [incoming, setIncoming] = useState<{ pack: RubricPack; from: string }>();
  const [link, setLink] = useState<string>();
  const [adding, setAdding] = useState('');
  const firstSave = useRef(true);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let raw: string | null | undefined;
    try {
      raw = store?.getItem(EDITOR_STORAGE_KEY);
    } catch {
      raw = undefined;
    }
    if (!store) setWarning('浏览器存储不可用：录入的内容只保存在本页面中，关闭页面前请下载评价标准文件。');
    const loaded = loadEditorText(raw);
    let start = loaded.status === 'empty' ? emptyEditorState() : loaded.state;
    if (loaded.status === 'salvaged') {
      setSalvagedRaw(loaded.raw);
      setNotice({
        kind: 'warn',
        text: `浏览器中保存的录入内容有一部分无法读取（${loaded.lost.join('、')}），其余内容已恢复。原来的数据可以下载保存。`,
      });
    }
    const code = abilityCodeQuery(new URLSearchParams(location.search).get('a') ?? '');
    const handbook = abilities.find((a) => a.code === code);
    if (handbook) {
      start = start.abilities.some((a) => a.code === handbook.code)
        ? { ...start, current: handbook.code }
        : withAbility(start, draftFromRubric(handbook.rubric));
    }
    setState(start);
    if (isShareFragment(location.hash)) {
      const hash = location.hash;
      history.replaceState(null, '', location.pathname + location.search);
      void decodeShareFragment(hash).then((result) => offer(result, '链接'));
    }
  }, []); // once, on load

  const save = useCallback(
    (next: EditorState) => {
      if (!store) return;
      try {
        store.setItem(EDITOR_STORAGE_KEY, editorText(next));
        setSaveState(`已自动保存（${new Date().toLocaleTimeString('zh-CN', { hour12: false })}）`);
      } catch {
        setWarning('浏览器存储已满或不可用：录入的内容只保存在本页面中，关闭页面前请下载评价标准文件。');
        setSaveState('未能保存到浏览器');
      }
    },
    [store],
  );

  useEffect(() => {
    if (!state) return;
    if (firstSave.current) {
      firstSave.current = false;
      return;
    }
    setSaveState('正在保存……');
    const timer = setTimeout(() => save(state), SAVE_DELAY);
    const flush = () => save(state);
    window.addEventListener('pagehide', flush);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('pagehide', flush);
    };
  }, [state, save]);

  const offer = (result: PackResult, from: string) => {
    if (!result.ok) {
      setNotice({ kind: 'warn', text: `未能打开${from}：${result.error} 当前录入的内容没有改动。` });
      return;
    }
    setIncoming({ pack: result.pack, from });
  };

  if (!state) return <p role="status">正在读取浏览器中保存的录入内容……</p>;

  const current = state.abilities.find((a) => a.code === state.current) ?? state.abilities[0];
  const handbookOf = (code: string) => abilities.find((a) => a.code === code);
  const update = (change: (s: EditorState) => EditorState) => {
    setState((s) => (s ? change(s) : s));
    setLink(undefined);
  };
  const setAbility = (next: AbilityDraft) =>
    update((s) => ({ ...s, abilities: s.abilities.map((a) => (a.code === next.code ? next : a)) }));
  const setSource = (key: keyof SourceDraft, value: string) =>
    update((s) => ({ ...s, source: { ...s.source, [key]: value } }));

  const makePack = (): RubricPack | undefined => {
    const result = packFromEditor(state);
    if (!result.ok) {
      setErrors(result.errors);
      return undefined;
    }
    setErrors([]);
    return result.value;
  };

  const download = () => {
    const pack = makePack();
    if (!pack) return;
    downloadBlob(new Blob([exportPackText(pack)], { type: 'application/json' }), packFileName(pack));
    const note = notReadyNote(pack);
    setNotice({
      kind: note ? 'warn' : 'info',
      text: `已保存评价标准文件“${packFileName(pack)}”，可以发给同事。${note}`,
    });
  };

  const copyLink = async () => {
    const pack = makePack();
    if (!pack) return;
    const address = await shareUrl(new URL(selfCheckUrl, location.href).href, pack);
    setLink(address);
    const note = notReadyNote(pack);
    try {
      await navigator.clipboard.writeText(address);
      setNotice({
        kind: note ? 'warn' : 'info',
        text: `已复制链接（${address.length} 个字符），可以发到教师群。${note}`,
      });
    } catch {
      setNotice({
        kind: note ? 'warn' : 'info',
        text: `浏览器不允许自动复制：请在下面的框中全选链接后复制。${note}`,
      });
    }
  };

  const openFile = async (file: File | undefined) => {
    if (!file) return;
    offer(importPackBytes(new Uint8Array(await file.arrayBuffer())), `“${file.name}”`);
  };

  const addAbility = () => {
    const handbook = handbookOf(adding);
    if (!handbook) return;
    update((s) =>
      s.abilities.some((a) => a.code === handbook.code)
        ? { ...s, current: handbook.code }
        : withAbility(s, draftFromRubric(handbook.rubric)),
    );
    setAdding('');
    requestAnimationFrame(() => headingRef.current?.focus());
  };

  const regionChoice = regions.find((r) => r.slug === state.source.region);
  // A date the picker cannot show (2021-09 from a colleague's file, old free text) is kept and said.
  const hintOf = (key: keyof SourceDraft, hint: string | undefined) =>
    key === 'enteredAt' && state.source.enteredAt !== '' && !isFullDate(state.source.enteredAt)
      ? `原来填写的是“${state.source.enteredAt}”，不改动就照原样保存；要改时请选择日期。`
      : hint;

  return (
    <div className="rubric-editor">
      <div className="toolbar">
        <OnceButton className="button" onClick={download}>
          下载评价标准文件
        </OnceButton>
        <button type="button" className="button button-secondary" onClick={() => void copyLink()}>
          复制分享链接
        </button>
        <JsonFileButton
          label="打开评价标准文件"
          maxBytes={MAX_RUBRIC_FILE_BYTES}
          what="评价标准文件"
          onFile={openFile}
          onRefused={(file, error) => offer({ ok: false, error }, `“${file.name}”`)}
        />
        <ConfirmAction
          label="全部清空"
          question="确定清空全部录入内容吗？此操作无法撤销，建议先下载文件。"
          groupLabel="确认清空"
          confirmLabel="确定清空"
          onConfirm={() => {
            update(() => emptyEditorState());
            setNotice({ kind: 'info', text: '已清空录入内容。' });
          }}
        />
        <span className="save-state" role="status">
          {saveState}
        </span>
      </div>

      {warning && (
        <p className="notice notice-warn" role="alert">
          {warning}
        </p>
      )}
      {notice && (
        <Notice warn={notice.kind === 'warn'}>
          <p>{notice.text}</p>
          {salvagedRaw !== undefined && (
            <OnceButton
              className="button button-secondary"
              onClick={() =>
                downloadBlob(new Blob([salvagedRaw], { type: 'text/plain' }), '无法读取的录入内容.txt')
              }
            >
              下载原来的数据
            </OnceButton>
          )}
        </Notice>
      )}
      {link && (
        <p className="field">
          <label htmlFor="share-link">分享链接（发给同事，在浏览器中打开即可使用）</label>
          <textarea
            id="share-link"
            readOnly
            rows={3}
            value={link}
            onFocus={(e) => e.currentTarget.select()}
          />
        </p>
      )}
      {errors.length > 0 && (
        <div className="notice notice-warn" role="alert">
          <p>还不能保存，请先补全以下内容：</p>
          <ul>
            {errors.slice(0, 12).map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </div>
      )}
      {incoming && (
        <PackPreview
          pack={incoming.pack}
          from={incoming.from}
          question="用它替换当前录入的全部内容吗？"
          confirmLabel="替换并编辑"
          onConfirm={() => {
            update(() => editorFromPack(incoming.pack));
            setIncoming(undefined);
            setNotice({ kind: 'info', text: `已打开${incoming.from}，可以继续修改。` });
          }}
          onCancel={() => setIncoming(undefined)}
        />
      )}

      <GuideImport
        handbook={handbookRefs}
        editorCodes={state.abilities.map((a) => a.code)}
        source={state.source}
        onConfirm={(drafts, source) => update((s) => drafts.reduce(withAbility, { ...s, source }))}
        onNotice={(kind, text) => setNotice({ kind, text })}
      />

      <fieldset>
        <legend>评价标准的来源</legend>
        <div className="field-row">
          {SOURCE_FIELDS.map((f) => (
            <p className="field" key={f.key}>
              <label htmlFor={`source-${f.key}`}>
                {f.label}
                {f.required ? '（必填）' : ''}
              </label>
              <input
                id={`source-${f.key}`}
                {...f.input}
                value={
                  f.input?.type === 'date' && !isFullDate(state.source[f.key]) ? '' : state.source[f.key]
                }
                aria-describedby={hintOf(f.key, f.hint) ? `source-${f.key}-hint` : undefined}
                onChange={(e) => setSource(f.key, e.target.value)}
              />
              {hintOf(f.key, f.hint) && (
                <small id={`source-${f.key}-hint`} className="hint">
                  {hintOf(f.key, f.hint)}
                </small>
              )}
            </p>
          ))}
          <p className="field">
            <label htmlFor="source-region">地区</label>
            <select
              id="source-region"
              value={regionChoice ? regionChoice.slug : ''}
              onChange={(e) => {
                const choice = regions.find((r) => r.slug === e.target.value);
                update((s) => ({
                  ...s,
                  source: {
                    ...s.source,
                    region: choice?.slug ?? '',
                    regionName: choice?.name ?? s.source.regionName,
                  },
                }));
              }}
            >
              <option value="">不在列表中（在右侧填写）</option>
              {regions.map((r) => (
                <option key={r.slug} value={r.slug}>
                  {r.name}
                </option>
              ))}
            </select>
          </p>
          <p className="field">
            <label htmlFor="source-regionName">地区名称</label>
            <input
              id="source-regionName"
              value={state.source.regionName}
              onChange={(e) => setSource('regionName', e.target.value)}
            />
          </p>
        </div>
      </fieldset>

      <fieldset>
        <legend>这份评价标准包含的微能力点</legend>
        {state.abilities.length > 0 ? (
          <Tabs
            label="选择要编辑的微能力点"
            tabs={state.abilities.map((a) => ({
              key: a.code,
              label: `${a.code} ${a.name}`,
              detail: draftStatus(a),
              current: a.code === current?.code,
              onSelect: () => update((s) => ({ ...s, current: a.code })),
            }))}
          />
        ) : (
          <p>还没有微能力点。请在下面选择一个开始录入。</p>
        )}
        <p className="field inline-field">
          <label htmlFor="add-ability">添加微能力点</label>
          <select id="add-ability" value={adding} onChange={(e) => setAdding(e.target.value)}>
            <option value="">请选择……</option>
            {abilities.map((a) => (
              <option key={a.code} value={a.code}>
                {a.code} {a.name}
                {a.completeness === '完整'
                  ? '（本手册已收录完整标准）'
                  : a.completeness === '部分'
                    ? '（本手册收录了一部分）'
                    : ''}
              </option>
            ))}
          </select>
          <button type="button" className="button button-secondary" onClick={addAbility} disabled={!adding}>
            添加
          </button>
        </p>
      </fieldset>

      {current && (
        <section aria-labelledby="ability-heading">
          <h2 id="ability-heading" ref={headingRef} tabIndex={-1}>
            {current.code} {current.name}
          </h2>
          <CurrentReadiness draft={current} />
          <AbilityForm
            key={`form-${current.code}`}
            draft={current}
            handbook={handbookOf(current.code)}
            abilityUrl={`${abilityBase}${current.code}/`}
            onChange={setAbility}
          />
          <ConfirmAction
            key={`remove-${current.code}`}
            as="p"
            label={`从这份评价标准中移除 ${current.code}`}
            triggerClass="link-button"
            question={`确定从这份评价标准中移除 ${current.code} 吗？已录入的内容会丢失。`}
            groupLabel={`确认移除 ${current.code}`}
            confirmLabel="确定移除"
            onConfirm={() =>
              update((s) => ({
                ...s,
                abilities: s.abilities.filter((a) => a.code !== current.code),
                current: undefined,
              }))
            }
          />
        </section>
      )}
    </div>
  );
}

/** Whether the ability being edited can grade, and what is missing, as it is typed. */
function CurrentReadiness({ draft }: { draft: AbilityDraft }) {
  const checked = rubricFromDraft(draft);
  if (!checked.ok) return null;
  const readiness = gradingReadiness(checked.value.evidence);
  return (
    <p className={`notice ${readiness.canGrade ? '' : 'notice-warn'}`} data-readiness>
      {draft.code} {readinessText(readiness)}
      {readiness.canGrade ? '' : ' 这样保存的文件同事可以打开，但要先补全才能自评。'}
    </p>
  );
}
