/**
 * 核对证据文件: the reviewer picks the files the teacher sent; the browser hashes each and says
 * whether it is the file that was self-checked. The files are read here and nowhere else.
 */
import { useEffect, useRef, useState } from 'react';
import {
  checkEvidenceFile,
  VERDICT_TEXT,
  type FileCheckResult,
  type RecordedFile,
} from '../../lib/review/evidence-check';
import { hashPercent, isAbort, prepareHashWorker, sha256Hex } from '../../lib/files/file-hash';
import { displayText } from '../../lib/content/display-text';

const SYMBOL: Record<FileCheckResult['verdict'], string> = { same: '✓', different: '✗', unrecorded: '?' };

interface Props {
  idBase: string;
  recorded: RecordedFile[];
  checks: FileCheckResult[];
  onChecks: (next: FileCheckResult[]) => void;
  itemName: (code: string, itemId: string) => string;
}

export default function EvidenceCheck({ idBase, recorded, checks, onChecks, itemName }: Props) {
  /** The file being hashed, which of how many, and how far it is. */
  const [busy, setBusy] = useState<{ name: string; at: number; of: number; percent: number }>();
  const [failed, setFailed] = useState<string[]>([]);
  /** Files left unchecked by 取消. */
  const [cancelled, setCancelled] = useState<string[]>([]);
  const cancelRef = useRef<AbortController | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  // The hashing worker is ready before the reviewer picks the first file.
  useEffect(prepareHashWorker, []);

  const pick = async (list: FileList | null) => {
    const files = [...(list ?? [])];
    if (files.length === 0) return;
    const results: FileCheckResult[] = [];
    const unreadable: string[] = [];
    const cancel = new AbortController();
    cancelRef.current = cancel;
    setCancelled([]);
    for (const [i, file] of files.entries()) {
      const step = { name: file.name, at: i + 1, of: files.length };
      setBusy({ ...step, percent: 0 });
      try {
        const sha256 = await sha256Hex(file, {
          subtle: globalThis.crypto?.subtle,
          signal: cancel.signal,
          onProgress: (done) => setBusy({ ...step, percent: hashPercent(done, file.size) }),
        });
        results.push(checkEvidenceFile({ name: file.name, sha256 }, recorded));
      } catch (error) {
        if (!isAbort(error)) {
          unreadable.push(file.name);
          continue;
        }
        setCancelled(files.slice(i).map((f) => f.name));
        break;
      }
    }
    cancelRef.current = null;
    setBusy(undefined);
    setFailed(unreadable);
    onChecks([...checks, ...results]);
    // The 取消 button is gone: focus goes back to the file field it belongs to.
    if (cancel.signal.aborted) requestAnimationFrame(() => inputRef.current?.focus());
  };

  const where = (r: FileCheckResult) =>
    [...new Set(r.matches.map((m) => `${m.code}“${itemName(m.code, m.itemId)}”`))].join('、');

  return (
    <section className="evidence-check" aria-labelledby={`${idBase}-check`}>
      <h3 id={`${idBase}-check`}>核对证据文件</h3>
      <p className="muted">
        选择教师发来的证据文件（视频、音频、文档等），浏览器在本机计算每个文件的文件校验码，
        与自评时记录的校验码比对，确认就是自评过的那个文件。文件不会上传。
      </p>
      <div className="field">
        <label htmlFor={`${idBase}-check-files`}>选择证据文件（可多选）</label>
        <input
          ref={inputRef}
          id={`${idBase}-check-files`}
          type="file"
          multiple
          onChange={(e) => {
            void pick(e.target.files);
            e.target.value = '';
          }}
        />
      </div>
      {busy && (
        <p className="reading">
          <span role="status">
            正在计算文件校验码（{busy.at}/{busy.of}）：{displayText(busy.name)}……大文件需要多等一会儿。
          </span>{' '}
          <span className="hash-progress">{busy.percent}%</span>{' '}
          <button type="button" className="link-button" onClick={() => cancelRef.current?.abort()}>
            取消<span className="visually-hidden">核对证据文件</span>
          </button>
        </p>
      )}
      {cancelled.length > 0 && (
        <p className="notice notice-warn" role="alert">
          已取消核对，没有核对：{cancelled.map(displayText).join('、')}。需要时重新选择这些文件即可。
        </p>
      )}
      {failed.length > 0 && (
        <p className="notice notice-warn" role="alert">
          无法读取：{failed.join('、')}（文件可能已被移动或所在的 U 盘已拔出）。
        </p>
      )}
      {checks.length > 0 && (
        <ul className="check-results" aria-live="polite" aria-label="核对结果">
          {checks.map((c, i) => (
            <li key={`${c.name}-${i}`} className={`verdict verdict-${c.verdict}`} data-verdict={c.verdict}>
              <strong>{displayText(c.name)}</strong>：{`${SYMBOL[c.verdict]} ${VERDICT_TEXT[c.verdict]}`}
              {c.matches.length > 0
                ? `（${c.verdict === 'same' ? '即' : '自评中同名的是'}${where(c)}的文件）`
                : '（自评中没有这个文件，名称和文件校验码都对不上）'}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
