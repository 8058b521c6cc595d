/**
 * School rubrics in the self-check: a rubric pack's abilities become the draft's rubrics (origin
 * 学校文件, graded by grading.ts like any other), regional handbook entries are offered first to
 * teachers of that region, and every rubric says where it comes from in one line.
 */
import { typesetData } from '../content/chinese-typography';
import type { AbilityEvidence, Rubric } from '../grading/grading';
import { schoolRubric, type RubricPack } from './rubric-file';
import { sourceLine, type RubricSource } from '../grading/rubric-schema';
import { displayData } from '../content/display-text';

/** How a rubric's origin reads on the pick step, the evidence step, the summary and the packet. */
export function rubricOriginText(rubric: Rubric | undefined): string {
  if (!rubric) return '尚未录入';
  if (rubric.origin === '教师录入') return '教师录入（按本地考核指南）';
  if (rubric.origin === '学校文件') {
    return rubric.source ? `学校文件。评价标准来源：${sourceLine(rubric.source)}` : '学校文件';
  }
  if (rubric.source) {
    const region = rubric.source.regionName ? `（${rubric.source.regionName}版）` : '';
    return `本手册${region}。评价标准来源：${sourceLine(rubric.source)}`;
  }
  return '本手册';
}

/** A rubric from a school's rubric file, with the guide it was entered from. */
export type SchoolRubric = Rubric & { origin: '学校文件'; source: RubricSource };

export interface PackApplied<R> {
  rubrics: Record<string, R>;
  evidence: Record<string, AbilityEvidence>;
  /** Codes whose earlier rubric (the teacher's own or another file's) was replaced. */
  replaced: string[];
}

function sameCriteria(
  a: Rubric['items'][number] | undefined,
  b: Rubric['items'][number] | undefined,
): boolean {
  return JSON.stringify(a?.criteria ?? null) === JSON.stringify(b?.criteria ?? null);
}

/**
 * The draft's rubrics and evidence with the pack's abilities in them. Evidence already entered
 * is kept; only the ticks of an item whose criteria changed are cleared, because ticks point at
 * criteria by position.
 */
export function applyPack<R extends Rubric>(
  rubrics: Readonly<Record<string, R>>,
  evidence: Readonly<Record<string, AbilityEvidence>>,
  pack: RubricPack,
  previousOf: (code: string) => Rubric | undefined,
): PackApplied<R | SchoolRubric> {
  const nextRubrics: Record<string, R | SchoolRubric> = { ...rubrics };
  const nextEvidence: Record<string, AbilityEvidence> = { ...evidence };
  const replaced: string[] = [];
  for (const ability of pack.abilities) {
    const rubric: SchoolRubric = {
      ...schoolRubric(ability),
      origin: '学校文件',
      source: displayData(typesetData(pack.source)),
    };
    const before = rubrics[ability.code] ?? previousOf(ability.code);
    if (rubrics[ability.code]) replaced.push(ability.code);
    nextRubrics[ability.code] = rubric;
    const entered = evidence[ability.code];
    if (entered) {
      const items = Object.fromEntries(
        Object.entries(entered.items).map(([id, item]) => {
          const same = sameCriteria(
            before?.items.find((i) => i.id === id),
            rubric.items.find((i) => i.id === id),
          );
          return [id, same ? item : { ...item, excellent: [], pass: [] }];
        }),
      );
      nextEvidence[ability.code] = { ...entered, items };
    }
  }
  return { rubrics: nextRubrics, evidence: nextEvidence, replaced };
}

/** A regional handbook entry, as the self-check page hands it to the wizard. */
export interface RegionalRubric {
  code: string;
  /** The entry's region slug. */
  region: string;
  /** That region and every region under it in the policy tree. */
  appliesTo: readonly string[];
  /** Depth in the region tree (省 1, 市 2, 区县 3): the nearest version wins. */
  depth: number;
  rubric: Rubric;
  /** Whether it can grade (rubric-readiness.ts); one that cannot is still offered, to be completed. */
  canGrade: boolean;
}

/**
 * The regional version of `code` for a teacher of `region`: one that can grade before one that
 * cannot, then the most local.
 */
export function regionalRubricFor(
  regional: readonly RegionalRubric[],
  code: string,
  region: string,
): RegionalRubric | undefined {
  if (!region) return undefined;
  return regional
    .filter((r) => r.code === code && r.appliesTo.includes(region))
    .sort((a, b) => Number(b.canGrade) - Number(a.canGrade) || b.depth - a.depth)[0];
}

/** The rubric source a regional entry's variant block records, for rubricOriginText. */
export function variantSource(variant: {
  regionName: string;
  document: string;
  number?: string | undefined;
  issuer?: string | undefined;
  year?: string | undefined;
  enteredBy?: string | undefined;
  enteredAt?: string | undefined;
}): RubricSource {
  return {
    title: variant.document,
    ...(variant.number ? { number: variant.number } : {}),
    ...(variant.issuer ? { issuer: variant.issuer } : {}),
    ...(variant.year ? { year: variant.year } : {}),
    regionName: variant.regionName,
    enteredBy: variant.enteredBy ?? '',
    enteredAt: variant.enteredAt ?? '',
  };
}
