/**
 * What opening a self-check file does to the draft in progress. A file is opened in place of
 * the draft, so a teacher who has started one is asked first; and a colleague's file (another
 * draft, or another name on it) is named as such, so nobody replaces their own work by mistake.
 */
import type { Draft } from './draft';

/** Whether the draft holds anything a teacher typed or chose. */
export function isDraftStarted(
  draft: Pick<Draft, 'profile' | 'abilities' | 'evidence' | 'customRubrics'>,
): boolean {
  return (
    Object.values(draft.profile).some((value) => typeof value === 'string' && value.trim() !== '') ||
    draft.abilities.length > 0 ||
    Object.keys(draft.evidence).length > 0 ||
    Object.keys(draft.customRubrics).length > 0
  );
}

const nameOf = (draft: Draft) => draft.profile.name.trim() || '未署名的教师';

/**
 * The question to ask before `incoming` (opened from `fileName`) replaces `current`, or
 * undefined when nothing of the teacher's would be replaced.
 */
export function replaceQuestion(current: Draft, incoming: Draft, fileName: string): string | undefined {
  if (!isDraftStarted(current)) return undefined;
  const mine = nameOf(current);
  const theirs = nameOf(incoming);
  const other = current.id !== incoming.id || current.profile.name.trim() !== incoming.profile.name.trim();
  if (!other) return `打开“${fileName}”会用文件中的内容替换${mine}当前的自评。确定替换吗？`;
  const whose = mine === theirs ? `另一份${theirs}的自评` : `${theirs}的自评`;
  return `“${fileName}”是${whose}，不是当前这份${mine}的自评。打开它会替换${mine}当前的自评。确定替换吗？`;
}
