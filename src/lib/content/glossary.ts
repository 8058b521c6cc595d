/** Which glossary terms a text uses, so a page can link the terms a teacher meets on it. */

export interface TermLike {
  term: string;
  anchor: string;
  aliases: readonly string[];
}

export function termsUsedIn<T extends TermLike>(text: string, terms: readonly T[]): T[] {
  return terms.filter((t) => [t.term, ...t.aliases].some((word) => word !== '' && text.includes(word)));
}
