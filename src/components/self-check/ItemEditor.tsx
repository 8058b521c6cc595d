/** One evidence item: what it is, the local file's facts, hard limits, and the criteria met. */
import { zodResolver } from '@hookform/resolvers/zod';
import { useRef, useState, type ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import {
  applyItemInput,
  itemInputs,
  itemInputsSchema,
  type ItemInputField,
  type ItemForm,
  type ItemFormValues,
} from '../../lib/draft';
import {
  duplicateOf,
  effectiveTicks,
  formatDuration,
  hasTypedEvidence,
  pieceWarnings,
  sameFile,
  sharedWithPass,
  type EvidenceFile,
  type ItemEvidence,
  type ItemResult,
  type RubricItem,
} from '../../lib/grading';
import { formatBytes } from '../../lib/packet';
import { readFileMetadata } from './file-metadata';
import ItemMeta from './ItemMeta';
import GradeBadge from './GradeBadge';
import { displayText } from '../../lib/display-text';

interface Props {
  idPrefix: string;
  item: RubricItem;
  evidence: ItemEvidence;
  result: ItemResult | undefined;
  onChange: (next: ItemEvidence) => void;
  /** Shown under the heading: reviewers' notes on this item (ReviewFeedback.tsx). */
  children?: ReactNode;
}

const ACCEPT: Record<string, string> = { 视频: 'video/*', 音频: 'audio/*', 图片: 'image/*' };

export const emptyItemEvidence = (): ItemEvidence => ({ present: false, files: [], excellent: [], pass: [] });

function toggleIndex(list: number[], index: number): number[] {
  return list.includes(index) ? list.filter((i) => i !== index) : [...list, index].sort((a, b) => a - b);
}

export default function ItemEditor({ idPrefix, item, evidence, result, onChange, children }: Props) {
  /** Bytes of the picked files hashed so far, and in all, while they are being read; and which repeat a file already there. */
  const [reading, setReading] = useState<{ done: number; total: number; repeats: string[] } | null>(null);
  const set = (patch: Partial<ItemEvidence>) => onChange({ ...evidence, ...patch });
  // The last file removed, until undone or another is picked: its hash may have taken minutes.
  const [removed, setRemoved] = useState<{ file: EvidenceFile; at: number }>();
  const undoRef = useRef<HTMLButtonElement>(null);
  const remove = (at: number) => {
    const file = evidence.files[at];
    if (!file) return;
    set({ files: evidence.files.filter((_, j) => j !== at) });
    setRemoved({ file, at });
    // The 移除 button is gone: focus goes to 撤销, which now stands for it.
    requestAnimationFrame(() => undoRef.current?.focus());
  };
  const undoRemove = () => {
    if (!removed) return;
    const files = [...evidence.files];
    files.splice(Math.min(removed.at, files.length), 0, removed.file);
    set({ files });
    setRemoved(undefined);
  };
  const id = (suffix: string) => `${idPrefix}-${suffix}`;
  // Typed fields are checked as the teacher types, by the store's own schema; an invalid value
  // is shown with its message but never reaches the draft.
  const {
    register,
    formState: { errors },
  } = useForm<ItemForm, unknown, ItemFormValues>({
    resolver: zodResolver(itemInputsSchema),
    defaultValues: itemInputs(evidence),
    mode: 'onChange',
  });
  const typed = (field: ItemInputField) => {
    const error = errors[field]?.message;
    return {
      ...register(field, {
        onChange: (e: { target: { value: string } }) =>
          onChange(applyItemInput(evidence, field, e.target.value).evidence),
      }),
      id: id(field),
      ...(error ? { 'aria-invalid': true as const, 'aria-describedby': id(`${field}-error`) } : {}),
    };
  };
  const fieldError = (field: ItemInputField) => {
    const error = errors[field]?.message;
    return error ? (
      <p className="field-error" id={id(`${field}-error`)} role="alert">
        {error}
      </p>
    ) : null;
  };
  const hasMedia = item.forms.some((f) => f === '视频' || f === '音频');
  const typedOut = hasTypedEvidence(evidence);
  const repeats = duplicateOf(evidence.files);
  const warnings = pieceWarnings(item, evidence);
  const unreadable = hasMedia
    ? evidence.files.filter((f) => f.durationSeconds === undefined).map((f) => f.name)
    : [];
  const askMinutes =
    hasMedia &&
    item.limits.maxMinutes !== undefined &&
    evidence.files.every((f) => f.durationSeconds === undefined);
  const shared = item.criteria ? sharedWithPass(item.criteria) : [];
  const ticks = item.criteria ? effectiveTicks(item.criteria, evidence) : undefined;
  /** 合格 criterion `p` and its 优秀 twin `e` (-1 when it has none) share one tick. */
  const toggleShared = (p: number, e: number) =>
    set(
      ticks?.pass.has(p)
        ? { pass: evidence.pass.filter((x) => x !== p), excellent: evidence.excellent.filter((x) => x !== e) }
        : { pass: toggleIndex(evidence.pass, p) },
    );
  const box = (key: string, text: string, checked: boolean, toggle: () => void, note?: ReactNode) => (
    <label key={key} className="criterion">
      <input type="checkbox" checked={checked} onChange={toggle} /> {text}
      {note}
    </label>
  );
  const accept = item.forms.every((f) => ACCEPT[f]) ? item.forms.map((f) => ACCEPT[f]).join(',') : undefined;

  const pickFiles = async (files: FileList | null) => {
    if (!files || files.length === 0) return;
    const picked = [...files];
    const done = picked.map(() => 0);
    const total = picked.reduce((sum, f) => sum + f.size, 0);
    // Until the hashes are known, the same name and size is taken as the same file.
    const repeats = picked
      .filter(
        (f, i) =>
          evidence.files.some((e) => sameFile(e, f)) || picked.slice(0, i).some((o) => sameFile(o, f)),
      )
      .map((f) => f.name);
    setReading({ done: 0, total, repeats });
    setRemoved(undefined);
    try {
      const read = await Promise.all(
        picked.map((file, i) =>
          readFileMetadata(file, (bytes) => {
            done[i] = bytes;
            setReading({ done: done.reduce((a, b) => a + b, 0), total, repeats });
          }),
        ),
      );
      onChange({ ...evidence, present: true, files: [...evidence.files, ...read] });
    } finally {
      setReading(null);
    }
  };

  return (
    <section className="item-editor" aria-labelledby={id('heading')} data-item-editor={item.id}>
      <h4 id={id('heading')}>
        {/^\d+$/.test(item.label) ? `${item.label}. ` : `${item.label}：`}
        {item.name} {result && <GradeBadge status={result.status} />}
      </h4>
      <ItemMeta item={item} />
      {children}

      {typedOut ? (
        <p className="typed-evidence">已填写证据标题和简要说明，这项证据按已提交计。</p>
      ) : (
        <div className="field checkbox">
          <label>
            <input
              type="checkbox"
              checked={evidence.present}
              onChange={(e) => set({ present: e.target.checked })}
            />{' '}
            这项证据我已准备好
          </label>
        </div>
      )}
      <div className="field">
        <label htmlFor={id('title')}>证据标题</label>
        <input maxLength={200} {...typed('title')} />
        {fieldError('title')}
      </div>
      <div className="field">
        <label htmlFor={id('description')}>简要说明</label>
        <textarea rows={2} maxLength={2000} {...typed('description')} />
        {fieldError('description')}
      </div>
      <div className="field">
        <label htmlFor={id('file')}>
          选择本地文件（可选，只在本机读取类型、大小{hasMedia ? '、时长' : ''}和校验值，不会上传）
        </label>
        <input
          id={id('file')}
          type="file"
          multiple={item.limits.count !== undefined && item.limits.count > 1}
          {...(accept ? { accept } : {})}
          onChange={(e) => {
            void pickFiles(e.target.files);
            e.target.value = '';
          }}
        />
        {reading && (
          <p className="reading">
            <span role="status">
              正在读取文件信息（时长、校验值）……大文件需要多等一会儿。
              {reading.repeats.length > 0 &&
                `“${reading.repeats.join('”“')}”与已选的文件名称和大小相同，可能是同一个文件，只算一份。`}
            </span>{' '}
            <progress max={reading.total || 1} value={reading.done} aria-label="文件读取进度" />
          </p>
        )}
        {evidence.files.length > 0 && (
          <ul className="file-list" aria-label="已选文件">
            {evidence.files.map((f, i) => (
              <li key={`${f.name}-${i}`} data-duplicate={repeats[i] !== undefined ? 'true' : undefined}>
                <span className="file-name">{displayText(f.name)}</span>
                {repeats[i] !== undefined && <span className="badge duplicate">重复，只算一份</span>}
                <span className="muted">
                  {' '}
                  {f.type || '未知类型'} · {formatBytes(f.size)}
                  {f.durationSeconds !== undefined && ` · 时长 ${formatDuration(f.durationSeconds)}`}
                  {f.sha256 ? ` · SHA-256 ${f.sha256.slice(0, 12)}…` : ' · 未计算校验值'}
                  {hasMedia && f.durationSeconds === undefined && ' · 浏览器读不出时长'}
                </span>{' '}
                <button type="button" className="link-button" onClick={() => remove(i)}>
                  移除<span className="visually-hidden">{displayText(f.name)}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        {removed && (
          <p className="removed-file" role="status">
            已移除“{displayText(removed.file.name)}”。{' '}
            <button type="button" className="link-button" ref={undoRef} onClick={undoRemove}>
              撤销<span className="visually-hidden">移除“{displayText(removed.file.name)}”</span>
            </button>
          </p>
        )}
        {warnings.length > 0 && (
          <ul className="piece-warnings" aria-label="关于份数的提醒">
            {warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        )}
        {askMinutes && unreadable.length > 0 && (
          <p className="notice notice-warn" role="note">
            浏览器读不出“{unreadable.map(displayText).join('”“')}”的时长（WMV、FLV
            等格式常见），请在下面填写最长一份的时长（分钟）。
          </p>
        )}
      </div>
      {askMinutes && (
        <div className="field">
          <label htmlFor={id('manualMinutes')}>
            {evidence.files.length > 0 ? '所选文件读不出时长：' : '未选文件时：'}最长一份的时长（分钟）
          </label>
          <input type="number" inputMode="decimal" min={0} max={600} step={0.1} {...typed('manualMinutes')} />
          {fieldError('manualMinutes')}
        </div>
      )}
      {item.limits.count !== undefined && evidence.files.length === 0 && (
        <div className="field">
          <label htmlFor={id('manualCount')}>未选文件时：共几份</label>
          <input type="number" inputMode="numeric" min={0} max={100} {...typed('manualCount')} />
          {fieldError('manualCount')}
        </div>
      )}
      {item.limits.teacherOnCamera && (
        <div className="field checkbox">
          <label>
            <input
              type="checkbox"
              checked={evidence.teacherOnCamera === true}
              onChange={(e) => set({ teacherOnCamera: e.target.checked })}
            />{' '}
            视频中出现了我本人的形象
          </label>
        </div>
      )}

      {item.criteria && (
        <div className="criteria-check">
          <fieldset>
            <legend>合格标准（须全部满足）</legend>
            {item.criteria.pass.map((c, i) =>
              box(`p${i}`, c, ticks?.pass.has(i) === true, () => toggleShared(i, shared.indexOf(i))),
            )}
          </fieldset>
          <fieldset>
            <legend>优秀标准（须全部满足）</legend>
            {item.criteria.excellent.map((c, i) => {
              const p = shared[i];
              if (p === undefined) {
                return box(`e${i}`, c, evidence.excellent.includes(i), () =>
                  set({ excellent: toggleIndex(evidence.excellent, i) }),
                );
              }
              // The same sentence as a 合格 criterion: one tick, shared by both boxes.
              return box(
                `e${i}`,
                c,
                ticks?.excellent.has(i) === true,
                () => toggleShared(p, i),
                <span className="muted">（与合格标准第 {p + 1} 条相同，勾选一次即可）</span>,
              );
            })}
          </fieldset>
        </div>
      )}

      {result && result.reasons.length > 0 && (
        <div className="reasons" aria-live="polite">
          <p className="reasons-title">{result.status === '不合格' ? '不合格的原因' : '尚未达到优秀'}：</p>
          <ul>
            {result.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
