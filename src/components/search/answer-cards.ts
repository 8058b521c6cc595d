/**
 * The answer cards above the search results (src/lib/search/search-answers.ts decides them):
 * the fact, its source line and a link to the item or the /compare/ row. Built as DOM with
 * textContent only, so nothing in the index can become markup.
 */
import { withBase } from '../../lib/content/paths';
import type { AnswerCard } from '../../lib/search/search-answers';
import './answer-cards.css';

export interface AnswerCards {
  element: HTMLElement;
  show(cards: readonly AnswerCard[]): void;
}

function cardElement(card: AnswerCard, base: string): HTMLElement {
  const article = document.createElement('article');
  article.className = card.held ? 'search-answer' : 'search-answer search-answer-missing';
  const fact = document.createElement('p');
  fact.className = 'search-answer-text';
  const subject = document.createElement('strong');
  subject.textContent = card.subject;
  fact.append(subject, `：${card.statement}`);
  if (card.unverified) {
    const flag = document.createElement('span');
    flag.className = 'search-answer-flag';
    flag.textContent = '待核实';
    fact.append(' ', flag);
  }
  article.append(fact);
  if (card.source) {
    const source = document.createElement('p');
    source.className = 'search-answer-source';
    source.textContent = card.source;
    article.append(source);
  }
  const link = document.createElement('a');
  link.className = 'search-answer-link';
  link.href = withBase(card.href, base);
  link.textContent = `${card.linkText} →`;
  article.append(link);
  return article;
}

export function answerCards(base: string): AnswerCards {
  const element = document.createElement('section');
  element.className = 'search-answers';
  element.setAttribute('aria-label', '手册中的答案');
  element.hidden = true;
  return {
    element,
    show(cards) {
      element.replaceChildren(...cards.map((card) => cardElement(card, base)));
      element.hidden = cards.length === 0;
    },
  };
}
