/** Picking files, a whole folder, or dropping either on the page. Nothing is uploaded. */
import { useRef } from 'react';
import type { IncomingFile } from '../../lib/school/archive-intake';
import { readDropped, readPicked } from './read-files';
import { useDropZone } from '../use-drop-zone';

export function FileIntake({ onFiles, busy }: { onFiles: (files: IncomingFile[]) => void; busy: boolean }) {
  // The files of a drop are read before they are handed on: by then the page may have moved on.
  const latest = useRef(onFiles);
  latest.current = onFiles;
  // Dropping is a mouse shortcut for the two buttons below.
  const { zone, dragging: over } = useDropZone<HTMLDivElement>(
    (transfer) => void readDropped(transfer).then((files) => latest.current(files)),
  );
  return (
    <div className={`drop-zone no-print${over ? ' drop-over' : ''}`} ref={zone} data-drop-zone>
      <p>把教师的自评文件、评审意见文件或以前保存的档案文件（.json）拖到这里，或者：</p>
      <div className="intake-buttons">
        <label className="button file-button">
          选择文件（可多选）
          <input
            type="file"
            multiple
            accept=".json,application/json"
            className="visually-hidden"
            disabled={busy}
            onChange={(e) => {
              const input = e.currentTarget;
              void readPicked(input.files, false).then((files) => {
                input.value = '';
                onFiles(files);
              });
            }}
          />
        </label>
        <label className="button button-secondary file-button">
          选择整个文件夹
          <input
            type="file"
            className="visually-hidden"
            disabled={busy}
            ref={(el) => {
              // React has no typed prop for these; the folder picker needs both in old cores.
              el?.setAttribute('webkitdirectory', '');
              el?.setAttribute('directory', '');
            }}
            onChange={(e) => {
              const input = e.currentTarget;
              void readPicked(input.files, true).then((files) => {
                input.value = '';
                onFiles(files);
              });
            }}
          />
        </label>
      </div>
      <p className="hint">文件只在本浏览器中读取，不会上传；文件夹里的视频、文档等非 JSON 文件会跳过。</p>
    </div>
  );
}
