/**
 * The import order of src/lib/ is kept by lint, not by hand: these lint small files placed in the
 * lib's folders with the repository's own eslint.config.js.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function importErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId?.startsWith('import-x/'))
    .map((m) => `${m.ruleId}: ${m.message}`);
}

describe('src/lib import order', () => {
  it('lets a folder import the folders below it', async () => {
    expect(
      await importErrors(
        'src/lib/grading/probe.ts',
        "import { CODE_PATTERN } from '../content/taxonomy';\nexport const probe = CODE_PATTERN;\n",
      ),
    ).toEqual([]);
    expect(
      await importErrors(
        'src/lib/school/probe.ts',
        "import { buildReviewFile } from '../review/review';\nexport const probe = buildReviewFile;\n",
      ),
    ).toEqual([]);
  });

  it('refuses an import up the order, naming what the folder may import', async () => {
    const errors = await importErrors(
      'src/lib/content/probe.ts',
      "import { gradeAbility } from '../grading/grading';\nexport const probe = gradeAbility;\n",
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('import-x/no-restricted-paths');
    expect(errors[0]).toContain('src/lib/content/ may import only files');
  });

  it('refuses a type-only import up the order too (review must not reach into school)', async () => {
    const errors = await importErrors(
      'src/lib/review/probe.ts',
      "import type { ArchiveLoad } from '../school/archive-store';\nexport type Probe = ArchiveLoad;\n",
    );
    expect(errors.join('\n')).toContain('src/lib/review/ may import only pdf, self-check');
  });

  it('holds a subfolder (school/plan/) to the order of its folder', async () => {
    expect(
      await importErrors(
        'src/lib/school/plan/probe.ts',
        "import { packPreview } from '../../rubrics/rubric-file';\nexport const probe = packPreview;\n",
      ),
    ).toEqual([]);
    const errors = await importErrors(
      'src/lib/school/plan/probe.ts',
      "import { filterAttribute } from '../../search/search-filters';\nexport const probe = filterAttribute;\n",
    );
    expect(errors.join('\n')).toContain('src/lib/school/ may import only review, rubrics');
  });

  it('refuses a lib module importing a component', async () => {
    const errors = await importErrors(
      'src/lib/site/probe.ts',
      "import { downloadBlob } from '../../components/download';\nexport const probe = downloadBlob;\n",
    );
    expect(errors.join('\n')).toContain('must not import components');
  });
});
