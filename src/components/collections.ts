/** The one place pages read collections: sorted, national entries separated from regional variants. */
import { getCollection, type CollectionEntry } from 'astro:content';
import { nationalAbilities } from '../lib/content/abilities';
import { typesetData } from '../lib/content/chinese-typography';
import { policiesInTreeOrder, treeProblems, type Policy } from '../lib/content/policies';
import { compareCodes } from '../lib/content/taxonomy';

export type AbilityEntry = CollectionEntry<'abilities'>;
export type SourceEntry = CollectionEntry<'sources'>;
export type TermEntry = CollectionEntry<'glossary'>;
export type PolicyEntry = CollectionEntry<'policies'>;

/**
 * Content as pages show it: every frontmatter string typeset as Chinese (full-width , : ; inside
 * Chinese, no space beside full-width marks). The files keep the source text as it stands.
 */
function typeset<E extends { data: unknown }>(entry: E): E {
  return { ...entry, data: typesetData(entry.data) };
}

async function readAbilityEntries(): Promise<AbilityEntry[]> {
  const entries = (await getCollection('abilities')).map(typeset);
  assertUniqueCodes(entries);
  return entries.sort(
    (a, b) =>
      compareCodes(a.data.code, b.data.code) ||
      (a.data.variant?.region ?? '').localeCompare(b.data.variant?.region ?? ''),
  );
}

/**
 * Read and typeset once per build: every ability page asks for all entries, and doing it again
 * for each of 1,000 regional pages made the build grow with the square of the content
 * (bench:build). The dev server reads afresh, so an edited file shows at once.
 */
let builtEntries: Promise<AbilityEntry[]> | undefined;

export async function allAbilityEntries(): Promise<AbilityEntry[]> {
  if (!import.meta.env.PROD) return readAbilityEntries();
  builtEntries ??= readAbilityEntries();
  builtEntries.catch(() => (builtEntries = undefined));
  // A copy: callers filter and sort what they get.
  return [...(await builtEntries)];
}

export async function nationalAbilityEntries(): Promise<AbilityEntry[]> {
  const all = await allAbilityEntries();
  const national = nationalAbilities(all.map((e) => e.data));
  return all.filter((e) => national.includes(e.data));
}

export async function sourceEntries(): Promise<SourceEntry[]> {
  return (await getCollection('sources')).map(typeset);
}

export async function sourcesById(): Promise<Map<string, SourceEntry['data']>> {
  const sources = await sourceEntries();
  return new Map(sources.map((s) => [s.id, s.data]));
}

/** Looks a cited source up; a citation of an unknown id fails the build, naming the id. */
export async function citedSource(id: string, citedBy: string): Promise<SourceEntry['data']> {
  const source = (await sourcesById()).get(id);
  if (!source) throw new Error(`${citedBy} 引用了不存在的来源「${id}」（见 src/content/sources.yaml）`);
  return source;
}

export async function glossaryTerms(): Promise<TermEntry[]> {
  const terms = (await getCollection('glossary')).map(typeset);
  return terms.sort((a, b) => a.data.order - b.data.order);
}

/** Two files claiming the same code (and region) would silently hide one: fail the build instead. */
function assertUniqueCodes(entries: AbilityEntry[]): void {
  const seen = new Map<string, string>();
  for (const e of entries) {
    const key = `${e.data.variant?.region ?? '国家'}:${e.data.code}`;
    const other = seen.get(key);
    if (other) {
      throw new Error(
        `微能力点编号重复：${e.filePath ?? e.id} 与 ${other} 都是 ${e.data.code}（${e.data.variant?.regionName ?? '国家版'}）`,
      );
    }
    seen.set(key, e.filePath ?? e.id);
  }
}

/** Policy documents with their slug (the file name); a broken parent link fails the build. */
export async function policyEntries(): Promise<PolicyEntry[]> {
  const entries = (await getCollection('policies')).map(typeset);
  const problems = treeProblems(entries.map(asPolicy));
  if (problems.length > 0) throw new Error(`政策文件的上级关系有误：\n${problems.join('\n')}`);
  return entries;
}

export function asPolicy(entry: PolicyEntry): Policy {
  return { slug: entry.id, data: entry.data };
}

/**
 * The region tree for the school's islands (/school/, /school/plan/): each document's place in
 * the tree, its yearly targets, assessment steps and stated selection rule; the rest of its facts
 * would only make the page heavier.
 */
export async function islandPolicyTree(): Promise<Policy[]> {
  return policiesInTreeOrder((await policyEntries()).map(asPolicy)).map(({ slug, data }) => ({
    slug,
    data: {
      title: data.title,
      region: data.region,
      level: data.level,
      parent: data.parent,
      quotas: data.quotas,
      confidence: data.confidence,
      assessment: data.assessment,
      selection: data.selection,
      scope: [],
      phases: [],
      platforms: [],
      teams: [],
      citedDocuments: [],
    },
  }));
}
