/**
 * “使用学校录入的评价标准”: opens a school's rubric file or share link in the wizard, shows what
 * it holds and asks before its abilities are graded with it. Nothing is replaced on a bad file.
 */
import { useEffect, useRef, useState } from 'react';
import {
  importPackBytes,
  MAX_RUBRIC_FILE_BYTES,
  type PackResult,
  type RubricPack,
} from '../../lib/rubrics/rubric-file';
import { decodeShareFragment, isShareFragment } from '../../lib/rubrics/rubric-link';
import JsonFileButton from '../JsonFileButton';
import PackPreview from '../rubrics/PackPreview';
import PasteLinkField from '../PasteLinkField';

interface Props {
  /** Open at once: the teacher asked for the panel, or arrived by a link (SchoolRubricEntry decides). */
  startOpen?: boolean;
  /** The address's fragment when the page was opened (read before the wizard tidies the address), or a link's pasted later. */
  initialHash?: string;
  /** The teacher clicked the button; focus moves to the real one when this module has loaded. */
  focusButton?: boolean;
  /** Codes the draft already has a rubric of its own for (teacher-entered or an earlier file). */
  replacing: (pack: RubricPack) => string[];
  onUse: (pack: RubricPack) => void;
}

export default function SchoolRubricImport({
  startOpen = false,
  initialHash = '',
  focusButton = false,
  replacing,
  onUse,
}: Props) {
  // SchoolRubricEntry already opens the panel for a rubric link.
  const [open, setOpen] = useState(startOpen);
  const [incoming, setIncoming] = useState<{ pack: RubricPack; from: string }>();
  const [error, setError] = useState<string>();
  const buttonRef = useRef<HTMLButtonElement>(null);

  const offer = (result: PackResult, from: string) => {
    if (!result.ok) {
      setIncoming(undefined);
      setError(`未能打开${from}：${result.error} 当前的自评没有改动。`);
      return;
    }
    setError(undefined);
    setIncoming({ pack: result.pack, from });
  };

  useEffect(() => {
    if (focusButton) buttonRef.current?.focus();
  }, []);

  // Again for each link pasted into the address bar while the wizard is open (SchoolRubricEntry).
  useEffect(() => {
    if (!isShareFragment(initialHash)) return;
    setOpen(true);
    history.replaceState(history.state, '', location.pathname + location.search);
    void decodeShareFragment(initialHash).then((result) => offer(result, '链接'));
  }, [initialHash]);

  const replaced = incoming ? replacing(incoming.pack) : [];

  return (
    <div className="school-rubrics no-print">
      <button
        ref={buttonRef}
        type="button"
        className="button button-secondary"
        aria-expanded={open}
        aria-controls="school-rubrics-panel"
        onClick={() => setOpen(!open)}
      >
        使用学校录入的评价标准
      </button>
      {open && (
        <section
          id="school-rubrics-panel"
          className="school-rubrics-panel"
          aria-label="使用学校录入的评价标准"
        >
          <p>
            学校的信息化管理团队或教研组长按本地考核指南录入评价标准后，会发来一个“评价标准文件”或一条链接。打开后，其中的微能力点就按这些标准评定等级，并注明来源。
          </p>
          <p className="field">
            <JsonFileButton
              label="打开评价标准文件"
              maxBytes={MAX_RUBRIC_FILE_BYTES}
              what="评价标准文件"
              onRefused={(file, error) => offer({ ok: false, error }, `“${file.name}”`)}
              onFile={async (file) =>
                offer(importPackBytes(new Uint8Array(await file.arrayBuffer())), `“${file.name}”`)
              }
            />
          </p>
          <PasteLinkField
            id="school-rubric-link"
            label="或粘贴同事发来的链接"
            button="读取链接"
            onRead={(fragment) => void decodeShareFragment(fragment).then((result) => offer(result, '链接'))}
          />
          {error && (
            <p className="notice notice-warn" role="alert">
              {error}
            </p>
          )}
          {incoming && (
            <PackPreview
              pack={incoming.pack}
              from={incoming.from}
              question={
                replaced.length > 0
                  ? `使用这些评价标准吗？${replaced.join('、')} 已有的评价标准会被替换；已填写的证据保留，标准有变化的证据项需要重新勾选。`
                  : '使用这些评价标准自评吗？已填写的内容不会丢失。'
              }
              confirmLabel="使用这些评价标准"
              onConfirm={() => {
                onUse(incoming.pack);
                setIncoming(undefined);
                setOpen(false);
                requestAnimationFrame(() => buttonRef.current?.focus());
              }}
              onCancel={() => setIncoming(undefined)}
            />
          )}
        </section>
      )}
    </div>
  );
}
