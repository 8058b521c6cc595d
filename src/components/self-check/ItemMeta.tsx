/** An evidence item's form, hard-limit badges and whether it is graded, as the wizard and the review show it. */
import { limitBadges } from '../../lib/content/abilities';
import type { RubricItem } from '../../lib/grading/grading';

export default function ItemMeta({ item }: { item: RubricItem }) {
  return (
    <p className="item-meta">
      形式：{item.forms.join('或')}
      {limitBadges(item.limits).map((b) => (
        <span key={b} className="badge limit">
          {b}
        </span>
      ))}
      {item.graded === false && <span className="muted">（必交，不单独评分）</span>}
    </p>
  );
}
