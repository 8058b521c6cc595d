/**
 * Said on the next visit when the last change of a closed tab could not be written because
 * another tab saved after it (lib/files/closing-copy: overtaken): the other tab's work is shown,
 * and the closed tab's last state is offered for download, never written over it.
 */
import { downloadBlob } from './download';
import OnceButton from './OnceButton';

interface Props {
  /** When the copy was written, and its text. */
  at: string;
  text: string;
  /** What was saved by the other tab (评审进度, 考核档案), and its short name (进度, 档案). */
  what: string;
  short: string;
  /** How the download can be used again, if the page opens it (，以后在“载入文件”中重新载入). */
  reuse?: string;
  /** The download's name before its date (评审进度, 学校考核档案). */
  fileStem: string;
}

function formatTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleString('zh-CN', { hour12: false });
}

export default function ClosingAside({ at, text, what, short, reuse = '', fileStem }: Props) {
  return (
    <div className="notice notice-warn" role="alert" data-closing-aside>
      <p>
        上次关闭本页前（{formatTime(at)}）最后的改动没有写入：另一个标签页在那之后保存了{what}
        ，本页显示的是那个标签页的{short}。最后的改动已另存一份，可以下载保留{reuse}：
      </p>
      <OnceButton
        className="button button-secondary"
        onClick={() =>
          downloadBlob(
            new Blob([text], { type: 'application/json' }),
            `${fileStem}_关闭前的改动_${at.slice(0, 10)}.json`,
          )
        }
      >
        下载关闭前的改动
      </OnceButton>
    </div>
  );
}
