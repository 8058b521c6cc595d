/**
 * Picking or dropping many schools' hand-off files (and the county's review files) at once.
 * Nothing is uploaded. Each file is read only when its turn comes, so a hundred schools' files
 * are never all in memory as text at once.
 */
import { useRef } from 'react';
import type { IncomingFile } from '../../lib/school/archive-intake';
import { MAX_HANDOFF_BYTES } from '../../lib/school/handoff/handoff-file';
import { isCountyCandidate } from '../../lib/school/handoff/county-intake';
import { readFileText } from '../../lib/files/versioned-file';
import { readDropped } from '../school/read-files';
import { useDropZone } from '../use-drop-zone';

/** A file to read when its turn comes. */
export interface PickedFile {
  read: () => Promise<IncomingFile>;
}

function picked(file: File, inFolder: boolean): PickedFile {
  return {
    read: async () => {
      const base = { name: file.name, size: file.size, inFolder };
      if (!isCountyCandidate(file.name) || file.size > MAX_HANDOFF_BYTES) return base;
      try {
        return { ...base, text: await readFileText(file) };
      } catch {
        return { ...base, unreadable: true };
      }
    },
  };
}

export function CountyIntake({ onFiles, busy }: { onFiles: (files: PickedFile[]) => void; busy: boolean }) {
  const latest = useRef(onFiles);
  latest.current = onFiles;
  // Dropping is a mouse shortcut for the button below.
  const { zone, dragging } = useDropZone<HTMLDivElement>(
    (transfer) =>
      void readDropped(transfer).then((files) =>
        latest.current(files.map((f) => ({ read: () => Promise.resolve(f) }))),
      ),
  );
  return (
    <div className={`drop-zone no-print${dragging ? ' drop-over' : ''}`} ref={zone} data-drop-zone>
      <p>把各校的县级审核移交文件和县级专家的评审意见文件（.json）拖到这里，或者：</p>
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
              const files = Array.from(input.files ?? [], (f) => picked(f, false));
              input.value = '';
              onFiles(files);
            }}
          />
        </label>
      </div>
      <p className="hint">
        可以一次选中多所学校的文件；打不开的文件会写明原因，其余照常打开。同一所学校同一轮次的文件再次打开时，使用导出时间较新的一份。文件只在本浏览器中读取和保存，不会上传。
      </p>
    </div>
  );
}
