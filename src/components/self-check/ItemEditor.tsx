/** One evidence item: what it is, the local file's facts, hard limits, and the criteria met. */
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import {
  applyItemInput,
  itemInputs,
  itemInputsSchema,
  type ItemInputField,
  type ItemForm,
  type ItemFormValues,
} from '../../lib/self-check/draft';
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
} from '../../lib/grading/grading';
import { formatBytes } from '../../lib/pdf/packet';
import { hashPercent } from '../../lib/files/chunked-hash';
import FileChecksum from '../FileChecksum';
import Notice from '../Notice';
import ItemMeta from './ItemMeta';
import GradeBadge from './GradeBadge';
import { displayText } from '../../lib/content/display-text';

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

/**
 * The file readers (content sniffing, MP4 headers, SHA-256) are fetched once the evidence step is
 * shown, not in the wizard's first load (which stays within its budget), and are there before a
 * file is picked. A failed fetch is tried again at the next pick.
 */
let readers: Promise<typeof import('./file-metadata')> | undefined;
function loadReaders() {
  readers ??= import('./file-metadata').catch((error: unknown) => {
    readers = undefined;
    throw error;
  });
  return readers;
}

export const emptyItemEvidence = (): ItemEvidence => ({ present: false, files: [], excellent: [], pass: [] });

function toggleIndex(list: number[], index: number): number[] {
  return list.includes(index) ? list.filter((i) => i !== index) : [...list, index].sort((a, b) => a - b);
}

export default function ItemEditor({ idPrefix, item, evidence, result, onChange, children }: Props) {
  /** Bytes of the picked files hashed so far, and in all, while they are being read; and which repeat a file already there. */
  const [reading, setReading] = useState<{ done: number; total: number; repeats: string[] } | null>(null);
  const set = (patch: Partial<ItemEvidence>) => onChange({ ...evidence, ...patch });
  // The last file removed (or replaced by a new pick), until undone or another is picked: its
  // hash may have taken minutes.
  const [removed, setRemoved] = useState<{ file: EvidenceFile; at: number; by?: EvidenceFile }>();
  /** What reading the last pick found: an empty file, content that is not what its name says, … */
  const [pickNotes, setPickNotes] = useState<string[]>([]);
  useEffect(() => {
    // Only warming up: a failure is told when a file is picked.
    loadReaders()
      .then((readers) => readers.prepareReaders())
      .catch(() => undefined);
  }, []);
  const undoRef = useRef<HTMLButtonElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  /** Stops the hashing of the pick being read (取消); the files are still added, without SHA-256. */
  const cancelRef = useRef<AbortController | null>(null);
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
    const { by } = removed;
    const replacedAt = by ? files.findIndex((f) => sameFile(f, by)) : -1;
    if (replacedAt >= 0) files.splice(replacedAt, 1, removed.file);
    else files.splice(Math.min(removed.at, files.length), 0, removed.file);
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

  /** An item that asks for one file: a new pick replaces the file there (撤销 brings it back). */
  const oneFile = !(item.limits.count !== undefined && item.limits.count > 1);
  const pickFiles = async (files: FileList | null) => {
    if (!files || files.length === 0) return;
    const picked = oneFile ? [...files].slice(0, 1) : [...files];
    const kept = oneFile ? [] : evidence.files;
    const done = picked.map(() => 0);
    const total = picked.reduce((sum, f) => sum + f.size, 0);
    // Until the hashes are known, the same name and size is taken as the same file.
    const repeats = picked
      .filter((f, i) => kept.some((e) => sameFile(e, f)) || picked.slice(0, i).some((o) => sameFile(o, f)))
      .map((f) => f.name);
    setReading({ done: 0, total, repeats });
    setRemoved(undefined);
    setPickNotes([]);
    const cancel = new AbortController();
    cancelRef.current = cancel;
    try {
      let readFileMetadata: (typeof import('./file-metadata'))['readFileMetadata'];
      try {
        ({ readFileMetadata } = await loadReaders());
      } catch {
        setPickNotes([
          '读取文件信息所需的程序没有加载成功（可能网络刚断开），已选的文件没有变。请联网后重新选择。',
        ]);
        return;
      }
      const read = await Promise.all(
        picked.map((file, i) =>
          readFileMetadata(
            file,
            (bytes) => {
              done[i] = bytes;
              setReading({ done: done.reduce((a, b) => a + b, 0), total, repeats });
            },
            cancel.signal,
          ),
        ),
      );
      const newFiles = read.map((r) => r.file);
      onChange({ ...evidence, present: true, files: [...kept, ...newFiles] });
      setPickNotes(read.flatMap((r) => r.notes));
      const replaced = oneFile ? evidence.files[0] : undefined;
      if (replaced && newFiles[0]) setRemoved({ file: replaced, at: 0, by: newFiles[0] });
    } finally {
      cancelRef.current = null;
      setReading(null);
      // The 取消 button is gone: focus goes back to the file field it belongs to.
      if (cancel.signal.aborted) requestAnimationFrame(() => fileRef.current?.focus());
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
          选择本地文件（可选，只在本机读取类型、大小{hasMedia ? '、时长' : ''}和文件校验码，不会上传）
        </label>
        <input
          ref={fileRef}
          id={id('file')}
          type="file"
          multiple={!oneFile}
          {...(accept ? { accept } : {})}
          onChange={(e) => {
            void pickFiles(e.target.files);
            e.target.value = '';
          }}
        />
        {reading && (
          <p className="reading">
            <span role="status">
              正在读取文件信息（时长、文件校验码）……大文件需要多等一会儿。
              {reading.repeats.length > 0 &&
                `“${reading.repeats.map(displayText).join('”“')}”与已选的文件名称和大小相同，可能是同一个文件，只算一份。`}
            </span>{' '}
            <progress max={reading.total || 1} value={reading.done} aria-label="文件读取进度" />{' '}
            <span className="hash-progress">
              正在计算文件校验码 {hashPercent(reading.done, reading.total)}%
            </span>{' '}
            <button type="button" className="link-button" onClick={() => cancelRef.current?.abort()}>
              取消<span className="visually-hidden">计算文件校验码</span>
            </button>
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
                  {!f.sha256 && ' · 未计算文件校验码'}
                  {hasMedia && f.durationSeconds === undefined && ' · 浏览器读不出时长'}
                </span>{' '}
                {f.sha256 && <FileChecksum sha256={f.sha256} />}
                <button type="button" className="link-button" onClick={() => remove(i)}>
                  移除<span className="visually-hidden">{displayText(f.name)}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        {pickNotes.length > 0 && (
          <Notice warn>
            <ul className="pick-notes">
              {pickNotes.map((note) => (
                <li key={note}>{displayText(note)}</li>
              ))}
            </ul>
          </Notice>
        )}
        {removed && (
          <p className="removed-file" role="status">
            {removed.by
              ? `已用“${displayText(removed.by.name)}”替换“${displayText(removed.file.name)}”。`
              : `已移除“${displayText(removed.file.name)}”。`}{' '}
            <button
              type="button"
              className="link-button"
              ref={removed.by ? undefined : undoRef}
              onClick={undoRemove}
            >
              撤销
              <span className="visually-hidden">
                {removed.by ? '替换' : '移除'}“{displayText(removed.file.name)}”
              </span>
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
