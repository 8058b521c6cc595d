/** The answer-card index built from the repository's own content files, as the build builds it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import {
  abilitySchema,
  glossarySchema,
  policySchema,
  searchVocabularySchema,
} from '../../../src/content.config';
import { buildAnswerIndex } from '../../../src/lib/search/search-answer-index';
import type { AnswerIndex } from '../../../src/lib/search/search-answers';
import { CONTENT_DIR, readCollection } from '../../support/content-files';

let built: AnswerIndex | undefined;

export function handbookIndex(): AnswerIndex {
  if (built) return built;
  const abilities = readCollection('abilities', '.mdx')
    .map((f) => abilitySchema.parse(f.data))
    .filter((a) => a.variant === undefined);
  const policies = readCollection('policies', '.mdx').map((f) => ({
    slug: f.name.replace(/\.mdx$/, ''),
    data: policySchema.parse(f.data),
  }));
  const terms = readCollection('glossary', '.md').map((f) => glossarySchema.parse(f.data));
  const read = (file: string) => parse(readFileSync(join(CONTENT_DIR, file), 'utf8')) as unknown[];
  const vocabulary = read('search-vocabulary.yaml').map((v) => searchVocabularySchema.parse(v));
  const sources = read('sources.yaml') as { id: string; title: string }[];
  built = buildAnswerIndex({
    abilities,
    policies,
    vocabulary,
    titles: new Map(sources.map((s) => [s.id, s.title])),
    phrases: terms.flatMap((t) => [t.term, ...t.aliases]),
  });
  return built;
}
