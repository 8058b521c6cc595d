/**
 * Opens a CSV in LibreOffice Calc headless, as a person would with a chosen separator, and saves
 * what the cells show (values, not formulas) as a comma CSV. Needs `soffice` on PATH
 * (.ci/run installs libreoffice-calc-nogui).
 */
import { execFileSync, type ExecFileSyncOptions } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

function run(command: string, args: string[], options: ExecFileSyncOptions): void {
  try {
    execFileSync(command, args, options);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new Error(
        'soffice is not on PATH: install LibreOffice Calc (apt-get install libreoffice-calc-nogui)',
      );
    throw error;
  }
}

/** LibreOffice's CSV filter takes the separator as a character code. */
export const SEPARATORS = { comma: 44, tab: 9, semicolon: 59 } as const;

/** The cells' shown text, one comma-separated UTF-8 CSV, after LibreOffice opened `csv` with `separator`. */
export function openInCalc(csv: string, separator: keyof typeof SEPARATORS): string {
  const dir = mkdtempSync(join(tmpdir(), 'calc-'));
  try {
    const input = join(dir, 'in.csv');
    writeFileSync(input, csv, 'utf8');
    // A private profile, so parallel runs and a person's own LibreOffice do not share one.
    const profile = pathToFileURL(join(dir, 'profile')).href;
    // Filter options: separator, quote ("), UTF-8 (76), from line 1.
    run(
      'soffice',
      [
        `-env:UserInstallation=${profile}`,
        '--headless',
        `--infilter=CSV:${SEPARATORS[separator]},34,76,1`,
        '--convert-to',
        'csv:Text - txt - csv (StarCalc):44,34,76,1',
        '--outdir',
        join(dir, 'out'),
        input,
      ],
      { stdio: 'ignore', timeout: 60_000 },
    );
    return readFileSync(join(dir, 'out', 'in.csv'), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
