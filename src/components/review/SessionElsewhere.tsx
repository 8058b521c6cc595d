/**
 * Said when another tab (or window) has saved the reviewer's session since this tab last read or
 * wrote it (components/SavedElsewhere, in /review/'s words).
 */
import SavedElsewhere, { type SavedElsewhereWording } from '../SavedElsewhere';

const WORDING: SavedElsewhereWording = {
  lead: '另一个标签页（或窗口）中的评审进度已更新，本页暂停保存，以免覆盖那里的勾选和评语。本页的改动仍在页面上，没有丢失。请选择：',
  choices: [
    '载入另一个标签页的进度：本页改为显示它并继续自动保存，本页尚未保存的改动不再保留；',
    '保留本页的进度：用本页的进度替换另一个标签页保存的进度；',
    '也可以先下载本页的评审进度，留一份文件备查。',
  ],
  takeTheirs: '载入另一个标签页的进度',
  keepMine: '保留本页的进度',
  keepQuestion:
    '确定用本页的评审进度替换另一个标签页保存的进度吗？另一个标签页中新做的勾选和评语将被替换，无法恢复。',
  keepGroupLabel: '确认保留本页的评审进度',
  download: '下载本页的评审进度',
};

interface Props {
  onTakeTheirs: () => void;
  onKeepMine: () => void;
  onDownload: () => void;
}

export default function SessionElsewhere(props: Props) {
  return <SavedElsewhere wording={WORDING} {...props} />;
}
