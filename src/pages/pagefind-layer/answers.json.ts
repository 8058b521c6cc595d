/**
 * The search's answer-card index (src/lib/search/search-answers.ts), built from the same
 * collections the pages read and fetched by the search layer beside it in pagefind-layer/.
 */
import { getCollection } from 'astro:content';
import {
  asPolicy,
  glossaryTerms,
  nationalAbilityEntries,
  policyEntries,
  sourcesById,
} from '../../components/collections';
import { buildAnswerIndex } from '../../lib/search/search-answer-index';

export async function GET(): Promise<Response> {
  const [abilities, policies, sources, terms, vocabulary] = await Promise.all([
    nationalAbilityEntries(),
    policyEntries(),
    sourcesById(),
    glossaryTerms(),
    getCollection('searchVocabulary'),
  ]);
  const index = buildAnswerIndex({
    abilities: abilities.map((a) => a.data),
    policies: policies.map(asPolicy),
    vocabulary: vocabulary.map((v) => v.data),
    titles: new Map([...sources].map(([id, s]) => [id, s.title])),
    phrases: terms.flatMap((t) => [t.data.term, ...t.data.aliases]),
  });
  return new Response(JSON.stringify(index), { headers: { 'Content-Type': 'application/json' } });
}
