/**
 * A button that opens one JSON file a person carries (self-check, rubric, review). The input is
 * reset after each pick, so choosing the same file again (after fixing it) is read again.
 */
interface Props {
  label: string;
  onFile: (file: File) => void | Promise<void>;
}

export default function JsonFileButton({ label, onFile }: Props) {
  return (
    <label className="button button-secondary file-button">
      {label}
      <input
        type="file"
        accept="application/json,.json"
        className="visually-hidden"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void onFile(file);
        }}
      />
    </label>
  );
}
