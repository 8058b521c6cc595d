/**
 * Turns what a principal picks or drops (files, whole folders) into IncomingFile records for
 * src/lib/school/archive-intake: only .json files are read, and none bigger than an archive can be.
 * Everything stays in this browser.
 */
import { isCandidate, MAX_READ_BYTES, type IncomingFile } from '../../lib/school/archive-intake';
import { readFileText } from '../../lib/files/versioned-file';

async function incoming(file: File, inFolder: boolean, path?: string): Promise<IncomingFile> {
  const name = path || (file as File & { webkitRelativePath?: string }).webkitRelativePath || file.name;
  const base = { name, size: file.size, inFolder };
  if (!isCandidate(file.name) || file.size > MAX_READ_BYTES) return base;
  try {
    return { ...base, text: await readFileText(file) };
  } catch {
    return { ...base, unreadable: true };
  }
}

/** Files from an <input type="file">; those of a folder pick carry their relative path. */
export function readPicked(list: FileList | null, fromFolder: boolean): Promise<IncomingFile[]> {
  return Promise.all(Array.from(list ?? [], (file) => incoming(file, fromFolder)));
}

function entryFile(entry: FileSystemFileEntry): Promise<File | undefined> {
  return new Promise((resolve) => entry.file(resolve, () => resolve(undefined)));
}

async function directoryEntries(dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = dir.createReader();
  const all: FileSystemEntry[] = [];
  // readEntries answers in batches (100 in Chromium) until it answers with none.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve) =>
      reader.readEntries(resolve, () => resolve([])),
    );
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}

async function walk(entry: FileSystemEntry, inFolder: boolean, out: IncomingFile[]): Promise<void> {
  if (entry.isFile) {
    const file = await entryFile(entry as FileSystemFileEntry);
    if (file) out.push(await incoming(file, inFolder, entry.fullPath.replace(/^\//, '')));
  } else if (entry.isDirectory) {
    for (const child of await directoryEntries(entry as FileSystemDirectoryEntry))
      await walk(child, true, out);
  }
}

/** Files and folders dropped on the page. */
export async function readDropped(data: DataTransfer): Promise<IncomingFile[]> {
  const entries = Array.from(data.items)
    .filter((item) => item.kind === 'file')
    .map((item) => (typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null));
  if (entries.length > 0 && entries.every((e) => e !== null)) {
    const out: IncomingFile[] = [];
    for (const entry of entries) if (entry) await walk(entry, false, out);
    return out;
  }
  return readPicked(data.files, false);
}
