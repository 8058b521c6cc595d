/**
 * Said when another tab (or window) has saved the reviewer's session since this tab last read
 * or wrote it: this tab has stopped saving, and nothing of either tab is lost until the reviewer
 * chooses. Taking this tab's progress replaces the other's, so it asks first.
 */
import ConfirmAction from '../ConfirmAction';
import OnceButton from '../OnceButton';

interface Props {
  onTakeTheirs: () => void;
  onKeepMine: () => void;
  onDownload: () => void;
}

export default function SessionElsewhere({ onTakeTheirs, onKeepMine, onDownload }: Props) {
  return (
    <div className="notice notice-warn session-elsewhere" role="alert" data-session-elsewhere>
      <p>
        另一个标签页（或窗口）中的评审进度已更新，本页暂停保存，以免覆盖那里的勾选和评语。本页的改动仍在页面上，没有丢失。请选择：
      </p>
      <ul>
        <li>载入另一个标签页的进度：本页改为显示它并继续自动保存，本页尚未保存的改动不再保留；</li>
        <li>保留本页的进度：用本页的进度替换另一个标签页保存的进度；</li>
        <li>也可以先下载本页的评审进度，留一份文件备查。</li>
      </ul>
      <div className="session-elsewhere-actions">
        <button type="button" className="button" onClick={onTakeTheirs}>
          载入另一个标签页的进度
        </button>
        <ConfirmAction
          as="div"
          label="保留本页的进度"
          question={
            <span>
              确定用本页的评审进度替换另一个标签页保存的进度吗？另一个标签页中新做的勾选和评语将被替换，无法恢复。
            </span>
          }
          groupLabel="确认保留本页的评审进度"
          confirmLabel="确定替换"
          confirmClass="button danger"
          onConfirm={onKeepMine}
        />
        <OnceButton className="button button-secondary" onClick={onDownload}>
          下载本页的评审进度
        </OnceButton>
      </div>
    </div>
  );
}
