/** The handbook's rubrics and a teacher's self-check, for the review unit tests. */
import { abilitySchema } from '../../src/content.config';
import { rubricFromAbility, type Rubric } from '../../src/lib/grading/grading';
import { readCollection } from './content-files';

export * from './teacher-draft';

export function handbookRubric(code: string): Rubric {
  const file = readCollection('abilities', '.mdx').find(
    (f) => f.data['code'] === code && f.data['variant'] === undefined,
  );
  if (!file) throw new Error(`no ${code}`);
  return rubricFromAbility(abilitySchema.parse(file.data));
}
