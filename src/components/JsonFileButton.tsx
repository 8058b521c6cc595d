/**
 * A button that opens the JSON files a person carries (self-check, rubric, review). The size is
 * checked before anything is read, so a video picked by mistake is refused at once instead of
 * stalling the page. The input is reset after each pick, so choosing the same file again (after
 * fixing it) is read again.
 */
import { tooBigToOpen } from '../lib/files/versioned-file';

interface Props {
  label: string;
  /** The largest file of this kind, and its name for the refusal (自评文件). */
  maxBytes: number;
  what: string;
  onFile: (file: File) => void | Promise<void>;
  /** A file refused before reading, with the reason in Chinese. */
  onRefused: (file: File, message: string) => void;
  /** Several files at once, handed over one by one in the order picked. */
  multiple?: boolean;
}

export default function JsonFileButton({
  label,
  maxBytes,
  what,
  onFile,
  onRefused,
  multiple = false,
}: Props) {
  return (
    <label className="button button-secondary file-button">
      {label}
      <input
        type="file"
        accept="application/json,.json"
        multiple={multiple}
        className="visually-hidden"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          for (const file of files) {
            const tooBig = tooBigToOpen(file.size, maxBytes, what);
            if (tooBig) onRefused(file, tooBig);
            else void onFile(file);
          }
        }}
      />
    </label>
  );
}
