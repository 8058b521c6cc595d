/**
 * A school's rubric file turned into regional content entries
 * (src/content/abilities/regions/<region>/<code>.mdx), for `npm run rubric:add`. The entry keeps
 * the national entry's classification (name, environment, dimension, confidence, capability)
 * and takes its rubric parts and source from the file, unchanged but for bidi controls shown as
 * marks (display-text.ts, as schoolRubric does): after a build the wizard grades with exactly
 * what the file held.
 */
import type { RubricPack } from './rubric-file';
import { gradingReadiness } from './rubric-readiness';
import { sourceLine, type AbilityRubric, type RubricSource } from '../grading/rubric-schema';
import { displayData } from '../content/display-text';

/** The fields of the national entry a regional entry copies. */
export interface NationalEntry {
  code: string;
  name: string;
  environment: string;
  dimension: string;
  confidence: { name: string; dimension: string };
  completeness?: string;
  capability?: unknown;
  sources: readonly unknown[];
}

export interface RegionalEntry {
  code: string;
  /** The frontmatter object, in the order the file prints it. */
  data: Record<string, unknown>;
  /** The MDX body: where the rubric comes from, in a sentence. */
  body: string;
}

function definedOnly(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined));
}

export function regionalEntry(
  fileAbility: AbilityRubric,
  fileSource: RubricSource,
  national: NationalEntry,
  region: { slug: string; name: string },
): RegionalEntry {
  // A page shows the entry as spelled: bidi controls from the file become visible marks.
  const ability = displayData(fileAbility);
  const source = displayData(fileSource);
  const known = gradingReadiness(ability.evidence).canGrade;
  const data = definedOnly({
    code: national.code,
    name: national.name,
    environment: national.environment,
    dimension: national.dimension,
    confidence: national.confidence,
    // 完整 asks for more than a rubric (a capability statement with goals): only what the national entry has.
    completeness: known && national.completeness === '完整' ? '完整' : '部分',
    variant: definedOnly({
      region: region.slug,
      regionName: region.name,
      document: source.title.replace(/^《|》$/g, '') || source.title,
      number: source.number,
      issuer: source.issuer,
      year: source.year,
      enteredBy: source.enteredBy,
      enteredAt: source.enteredAt,
    }),
    capability: national.capability,
    alternativeGroups: ability.alternativeGroups.length > 0 ? ability.alternativeGroups : undefined,
    evidence: ability.evidence,
    sources: national.sources,
  });
  const body = `评价标准来源：${sourceLine(source)}。本页的提交要求和评价标准按该文件录入，与国家版不同之处以该文件为准。\n`;
  return { code: ability.code, data, body };
}

/** Every ability of the pack, or the reason one cannot be written. */
export function regionalEntries(
  pack: RubricPack,
  nationalOf: (code: string) => NationalEntry | undefined,
  region: { slug: string; name: string },
): { ok: true; entries: RegionalEntry[] } | { ok: false; error: string } {
  const entries: RegionalEntry[] = [];
  for (const ability of pack.abilities) {
    const national = nationalOf(ability.code);
    if (!national) return { ok: false, error: `手册中没有 ${ability.code} 的国家版条目，无法添加地区版本。` };
    entries.push(regionalEntry(ability, pack.source, national, region));
  }
  return { ok: true, entries };
}
