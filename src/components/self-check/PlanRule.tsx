/**
 * The school plan's rule for this teacher and whether the chosen abilities meet it, on the pick
 * step and in the summary. Pure display of plan-guide.ts's answer: the plan's code itself loads
 * with the plan panel, so this file imports types only.
 */
import type { PlanGuide } from './plan-guide';

interface Props {
  guide: PlanGuide;
  /** The summary also shows when the self-check is due. */
  deadline?: boolean;
}

export default function PlanRule({ guide, deadline = false }: Props) {
  const verdict = (check: PlanGuide['rules'][number]['check'], own: boolean) =>
    check.met ? (
      <p>{own ? '当前选择符合本校要求。' : '当前选择符合这一类别的要求。'}</p>
    ) : (
      <>
        <p>{own ? '当前选择还不符合本校要求：' : '按这一类别，当前选择还不符合要求：'}</p>
        <ul>
          {check.missing.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      </>
    );
  const own = guide.categoryKnown ? guide.rules[0] : undefined;
  const met = guide.rules.every((r) => r.check.met);
  return (
    <section
      className={`notice plan-rule ${own && !own.check.met ? 'notice-warn' : ''}`}
      aria-label="学校考核方案的要求"
      data-plan-rule={own ? (own.check.met ? 'met' : 'not-met') : met ? 'met' : 'unknown-category'}
    >
      <p className="plan-rule-school">
        学校考核方案：{guide.school}
        {own && `（您的类别：${own.category}）`}
      </p>
      {own ? (
        <>
          <p className="plan-rule-text">{own.check.rule}</p>
          <div role="status">{verdict(own.check, true)}</div>
        </>
      ) : (
        <>
          <p>
            未能按教师名单确定您的类别（请核对“基本信息”中的姓名），下面列出各类别的要求，请按学校告知您的类别选择：
          </p>
          <ul className="plan-rule-categories">
            {guide.rules.map((r) => (
              <li key={r.category}>
                <strong>{r.category}</strong>：{r.check.rule}
                {verdict(r.check, false)}
              </li>
            ))}
          </ul>
        </>
      )}
      {deadline && (
        <p className="plan-rule-deadline">
          {guide.submitBy ? guide.submitBy.text : '提交自评截止：学校考核方案未写明截止日期。'}
        </p>
      )}
    </section>
  );
}
