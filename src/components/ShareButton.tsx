/**
 * 分享, beside 下载: on a phone a teacher sends the PDF or the file straight to the staff chat
 * through the system's share sheet. Shown only where the browser can share such a file
 * (navigator.canShare with files); elsewhere there is only 下载.
 */
import { useEffect, useState } from 'react';
import { useOnce } from './use-once';

const PROBES = {
  pdf: { name: 'x.pdf', type: 'application/pdf' },
  json: { name: 'x.json', type: 'application/json' },
} as const;

interface Props {
  label: string;
  /** The kind of file made, to ask the browser before there is one. */
  kind: keyof typeof PROBES;
  /** Makes the file at the press; undefined when it cannot be made yet (the page says why). */
  file: () => File | undefined;
  className?: string;
}

function canShareFiles(file: File): boolean {
  try {
    return typeof navigator.share === 'function' && navigator.canShare?.({ files: [file] }) === true;
  } catch {
    return false;
  }
}

export default function ShareButton({ label, kind, file, className = 'button button-secondary' }: Props) {
  // Asked after the first render: the page is built without a browser, and must match it.
  const [supported, setSupported] = useState(false);
  const [problem, setProblem] = useState<string>();
  useEffect(() => {
    const probe = PROBES[kind];
    setSupported(canShareFiles(new File([''], probe.name, { type: probe.type })));
  }, [kind]);

  const { run } = useOnce(async () => {
    setProblem(undefined);
    const made = file();
    if (!made) return;
    try {
      await navigator.share({ files: [made], title: made.name });
    } catch (error) {
      // Closing the share sheet is the person's choice, not a failure.
      if (error instanceof DOMException && error.name === 'AbortError') return;
      setProblem('没有分享出去（这个应用可能不接收这类文件）。可以改用旁边的“下载”，再自己发送。');
    }
  });

  if (!supported) return null;
  return (
    <>
      <button type="button" className={className} onClick={(e) => run(e.detail)}>
        {label}
      </button>
      {problem && (
        <span className="notice notice-warn" role="alert">
          {problem}
        </span>
      )}
    </>
  );
}
