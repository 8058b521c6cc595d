/**
 * What the 考核指南 reader must reproduce: the handbook's own rubric entries, in a form that leaves
 * out what a reader cannot know (the ids the handbook chose, the short names it gave 任务一 and
 * 任务二) and compares text after the typography normalisation (full-width , : ; in Chinese, no
 * white space), so a line broken in the source compares equal to the entry that joined it.
 */
import { join } from 'node:path';
import { typesetChinese } from '../../src/lib/content/chinese-typography';
import type { AbilityRubricInput } from '../../src/lib/grading/rubric-schema';
import { CONTENT_DIR, readContentFile } from './content-files';

export const normalText = (text: string): string => typesetChinese(text).replace(/[\s\u3000]+/g, '');

export interface ComparableItem {
  label: string;
  /** The item's own name; a 任务's name is the handbook's invention and is left out. */
  name?: string;
  requirement: string;
  forms: string[];
  graded: boolean | 'unknown';
  group?: { label: string; name: string; instruction: string } | undefined;
  limits: { maxMinutes?: number; maxMinutesQualifier?: string; count?: number; teacherOnCamera?: boolean };
  excellent: string[];
  pass: string[];
}

export function comparable(rubric: AbilityRubricInput): {
  code: string;
  name: string;
  items: ComparableItem[];
} {
  return {
    code: rubric.code,
    name: normalText(rubric.name),
    items: (rubric.evidence ?? []).map((e) => {
      const group = rubric.alternativeGroups?.find((g) => g.id === e.alternativeGroup);
      const limits = e.limits ?? {};
      return {
        label: e.label,
        ...(group ? {} : { name: normalText(e.name) }),
        requirement: normalText(e.requirement ?? ''),
        forms: [...e.forms].sort(),
        graded: e.graded,
        group: group && {
          label: group.label,
          name: normalText(group.name),
          instruction: normalText(group.instruction),
        },
        limits: {
          ...(limits.maxMinutes !== undefined ? { maxMinutes: limits.maxMinutes } : {}),
          ...(limits.maxMinutesQualifier ? { maxMinutesQualifier: limits.maxMinutesQualifier } : {}),
          ...(limits.count !== undefined ? { count: limits.count } : {}),
          ...(limits.teacherOnCamera ? { teacherOnCamera: true } : {}),
        },
        excellent: (e.criteria?.excellent ?? []).map(normalText),
        pass: (e.criteria?.pass ?? []).map(normalText),
      };
    }),
  };
}

/** The handbook's entry for a code, as its frontmatter states it. */
export function handbookEntry(code: string): AbilityRubricInput & { dimension: string; environment: string } {
  const { data } = readContentFile(join(CONTENT_DIR, 'abilities', `${code}.mdx`));
  return data as unknown as AbilityRubricInput & { dimension: string; environment: string };
}

export const SEED_CODES = ['C4', 'C5', 'C6', 'C7'] as const;
