/**
 * "从考核指南导入" on /rubrics/: a person picks or drops the school's 考核指南 (Word, PDF, .txt)
 * or pastes its text, checks what was read ability by ability, and confirms. Only this small
 * entry loads with the page; the readers, the parser and the preview load when a document is
 * read, so the editor opens as fast as before for everyone who types by hand.
 */
import { lazy, Suspense, useRef, useState, type ClipboardEvent } from 'react';
import { displayText } from '../../lib/content/display-text';
import { GUIDE_BOUNDS } from '../../lib/rubrics/guide/guide-document';
import type { GuideReading } from '../../lib/rubrics/guide/guide-reading';
import type { HandbookAbilityRef } from '../../lib/rubrics/guide/guide-parse';
import type { AbilityDraft, SourceDraft } from '../../lib/rubrics/rubric-editor';
import { useDropZone } from '../use-drop-zone';
import './GuideImport.css';

const GuidePreview = lazy(() => import('./GuidePreview'));

const MB = 1024 * 1024;

interface Props {
  handbook: readonly HandbookAbilityRef[];
  /** The codes the editor holds now: confirming one of them asks first. */
  editorCodes: readonly string[];
  source: SourceDraft;
  /** Puts confirmed abilities and the filled source fields into the editor. */
  onConfirm: (drafts: AbilityDraft[], source: SourceDraft) => void;
  /** A refusal or a word on what happened, shown in the page's notice. */
  onNotice: (kind: 'info' | 'warn', text: string) => void;
}

export default function GuideImport({ handbook, editorCodes, source, onConfirm, onNotice }: Props) {
  const [busy, setBusy] = useState(false);
  const [pasted, setPasted] = useState('');
  // What the clipboard held as HTML (Word and WPS keep their tables there) for the text it gave.
  const pastedHtml = useRef<{ html: string; text: string }>(undefined);
  const [reading, setReading] = useState<{ reading: GuideReading; from: string; id: number }>();

  const show = (result: { ok: true; reading: GuideReading } | { ok: false; error: string }, from: string) => {
    if (!result.ok) {
      onNotice('warn', `${result.error} 当前录入的内容没有改动。`);
      return;
    }
    setReading({ reading: result.reading, from, id: Date.now() });
  };

  /** Loads the reader on first use; without a network on that first use it cannot. */
  const run = async (read: (reader: typeof import('./guide-import-read')) => Promise<void>) => {
    setBusy(true);
    try {
      let reader: typeof import('./guide-import-read');
      try {
        reader = await import('./guide-import-read');
      } catch {
        onNotice(
          'warn',
          '读取考核指南的程序没能加载，可能是网络断开了。请连上网络后再试一次；当前录入的内容没有改动。',
        );
        return;
      }
      await read(reader);
    } catch {
      // The reader never throws on any input its tests could find; should one slip through, say so.
      onNotice(
        'warn',
        '读取时出了意外，没有读出内容。请换用 Word 版本或粘贴文字再试；当前录入的内容没有改动。',
      );
    } finally {
      setBusy(false);
    }
  };

  const readFile = (file: File | undefined) => {
    if (!file || busy) return;
    // Refused by its size before a byte is read: a 2 GB video dropped by mistake never stalls the page.
    if (file.size > GUIDE_BOUNDS.fileBytes) {
      onNotice(
        'warn',
        `“${displayText(file.name)}”有 ${(file.size / MB).toFixed(1)} MB，超过了 ${GUIDE_BOUNDS.fileBytes / MB} MB 的上限，没有读取。请选择考核指南的 Word 或 PDF 文件；当前录入的内容没有改动。`,
      );
      return;
    }
    void run(async (reader) =>
      show(await reader.readGuideFileFor(file, handbook), `“${displayText(file.name)}”`),
    );
  };

  const readPasted = () => {
    if (busy) return;
    const html = pastedHtml.current?.text === pasted ? pastedHtml.current.html : undefined;
    void run(async (reader) => show(reader.readGuidePasteFor(html, pasted, handbook), '粘贴的文字'));
  };

  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const text = event.clipboardData.getData('text/plain');
    const html = event.clipboardData.getData('text/html');
    // Inserted here rather than by the browser, so the HTML can be matched to the text it came with.
    event.preventDefault();
    const box = event.currentTarget;
    const next = box.value.slice(0, box.selectionStart) + text + box.value.slice(box.selectionEnd);
    setPasted(next);
    pastedHtml.current = html ? { html, text: next } : undefined;
  };

  const { zone, dragging } = useDropZone<HTMLElement>((transfer) => readFile(transfer.files[0]));
  const headingRef = useRef<HTMLHeadingElement>(null);

  return (
    <section
      className={`guide-import${dragging ? ' dragging' : ''}`}
      aria-labelledby="guide-import-heading"
      aria-busy={busy}
      ref={zone}
    >
      <h2 id="guide-import-heading" ref={headingRef} tabIndex={-1}>
        从考核指南导入
      </h2>
      <p>
        学校手上的考核指南（Word 或 PDF
        文件）可以直接导入：本页读出其中每个微能力点的提交要求和评价标准，请逐个核对后确认，再加入下面的编辑器。文件只在本浏览器中读取，不会上传。
      </p>
      <p className="field">
        <label htmlFor="guide-file">选择考核指南文件</label>
        <input
          id="guide-file"
          type="file"
          accept=".docx,.pdf,.txt,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/pdf,text/plain"
          aria-describedby="guide-file-hint"
          disabled={busy}
          onChange={(e) => {
            const file = e.target.files?.[0];
            // Reset, so picking the same file again (after fixing it) reads it again.
            e.target.value = '';
            readFile(file);
          }}
        />
        <small id="guide-file-hint" className="hint">
          Word（.docx）、PDF 或文本（.txt）文件；也可以把文件直接拖到这一栏里。
        </small>
      </p>
      <p className="field">
        <label htmlFor="guide-paste">或粘贴考核指南的文字</label>
        <textarea
          id="guide-paste"
          rows={4}
          value={pasted}
          aria-describedby="guide-paste-hint"
          onPaste={onPaste}
          onChange={(e) => setPasted(e.target.value)}
        />
        <small id="guide-paste-hint" className="hint">
          在 Word、WPS 或网页中选中微能力点的部分，复制后粘贴到这里，表格会一并读出。
        </small>
      </p>
      <p>
        <button
          type="button"
          className="button button-secondary"
          disabled={busy || pasted.trim() === ''}
          onClick={readPasted}
        >
          读取粘贴的文字
        </button>{' '}
        <span role="status" className="hint">
          {busy ? '正在读取……' : ''}
        </span>
      </p>
      {reading && (
        <Suspense fallback={<p role="status">正在读取……</p>}>
          <GuidePreview
            key={reading.id}
            reading={reading.reading}
            from={reading.from}
            editorCodes={editorCodes}
            source={source}
            onConfirm={onConfirm}
            onNotice={onNotice}
            onClose={() => {
              setReading(undefined);
              headingRef.current?.focus();
            }}
          />
        </Suspense>
      )}
    </section>
  );
}
