/** A grade as text with a distinct shape per grade, so colour is never the only signal. */
import type { Grade, ItemStatus } from '../../lib/grading/grading';
import './grade-badge.css';

const SYMBOL: Record<string, string> = {
  优秀: '★',
  合格: '✓',
  不合格: '✗',
  已提交: '✓',
  未评定: '?',
  未评: '…',
};

/** 未评: a reviewer's grade not given yet (review.ts shownStatus). */
export default function GradeBadge({ status }: { status: ItemStatus | Grade | '未评' | undefined }) {
  const text = status ?? '未评定';
  return (
    <span className={`grade grade-${text}`} data-grade={text}>
      <span aria-hidden="true">{SYMBOL[text]} </span>
      {text}
    </span>
  );
}
