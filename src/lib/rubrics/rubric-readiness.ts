/**
 * Whether a rubric can grade, and if not what is missing: the one answer the /rubrics/ editor,
 * `npm run rubric:add`, the regional entries and the wizard give. A rubric can grade only when
 * it has evidence items and every item says whether it is graded, with 优秀 and 合格 criteria
 * where it is; an item left at 考核指南没有写明 stops the grade (grading.ts gives none).
 */

export interface ReadinessItem {
  label: string;
  name: string;
  graded: boolean | 'unknown';
  criteria?: unknown;
}

export type Readiness = { canGrade: true } | { canGrade: false; missing: string[] };

export function gradingReadiness(items: readonly ReadinessItem[]): Readiness {
  if (items.length === 0) return { canGrade: false, missing: ['还没有证据项：至少要有一项证据。'] };
  const missing: string[] = [];
  for (const item of items) {
    const which = `第 ${item.label} 项证据“${item.name}”`;
    if (item.graded === 'unknown') {
      missing.push(`${which}：还没写明是否评分（考核指南没有写明）；要评分的请填写优秀和合格标准。`);
    } else if (item.graded === true && !item.criteria) {
      missing.push(`${which}：要评分，但还没有优秀和合格标准。`);
    }
  }
  return missing.length === 0 ? { canGrade: true } : { canGrade: false, missing };
}

/** One line for a person: 可以评分 / 还不能评分：… */
export function readinessText(readiness: Readiness): string {
  return readiness.canGrade ? '可以评分。' : `还不能评分：${readiness.missing.join('')}`;
}

/** “A5 还不能评分：…” for each ability of a pack that cannot grade: what the editor and rubric:add say. */
export function abilitiesNotReady(
  abilities: readonly { code: string; evidence: readonly ReadinessItem[] }[],
): string[] {
  return abilities.flatMap((a) => {
    const readiness = gradingReadiness(a.evidence);
    return readiness.canGrade ? [] : [`${a.code} ${readinessText(readiness)}`];
  });
}
