// src/lib/content/ decides the handbook's facts: codes, abilities, policies, glossary, review stages,
// typography.
// Imports only files/; see eslint.config.js.
/**
 * The fixed vocabulary of 提升工程2.0: environments, dimensions and the 30 national codes.
 * Content files use the Chinese names; URLs use the ASCII slugs.
 */

export const ENVIRONMENTS = ['多媒体教学环境', '混合学习环境', '智慧学习环境'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

export const DIMENSIONS = ['学情分析', '教学设计', '学法指导', '学业评价'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const ENVIRONMENT_SLUGS: Record<Environment, string> = {
  多媒体教学环境: 'multimedia',
  混合学习环境: 'blended',
  智慧学习环境: 'smart',
};

export const DIMENSION_SLUGS: Record<Dimension, string> = {
  学情分析: 'analysis',
  教学设计: 'design',
  学法指导: 'guidance',
  学业评价: 'assessment',
};

/** The code letter fixes the environment: A = 多媒体, B = 混合, C = 智慧. */
export const ENVIRONMENT_BY_LETTER: Record<string, Environment> = {
  A: '多媒体教学环境',
  B: '混合学习环境',
  C: '智慧学习环境',
};

const COUNT_BY_LETTER = { A: 13, B: 10, C: 7 } as const;

/** A1–A13, B1–B10, C1–C7 in their official order. */
export const NATIONAL_CODES: readonly string[] = Object.entries(COUNT_BY_LETTER).flatMap(([letter, count]) =>
  Array.from({ length: count }, (_, i) => `${letter}${i + 1}`),
);

export const CODE_PATTERN = /^(A(1[0-3]|[1-9])|B(10|[1-9])|C[1-7])$/;

export function environmentOfCode(code: string): Environment | undefined {
  return ENVIRONMENT_BY_LETTER[code.charAt(0)];
}

/** Sort key that puts A2 before A10 and every A before every B. */
export function compareCodes(a: string, b: string): number {
  const letter = a.charAt(0).localeCompare(b.charAt(0));
  if (letter !== 0) return letter;
  return Number(a.slice(1)) - Number(b.slice(1));
}

export function environmentFromSlug(slug: string): Environment | undefined {
  return ENVIRONMENTS.find((e) => ENVIRONMENT_SLUGS[e] === slug);
}

export function dimensionFromSlug(slug: string): Dimension | undefined {
  return DIMENSIONS.find((d) => DIMENSION_SLUGS[d] === slug);
}
