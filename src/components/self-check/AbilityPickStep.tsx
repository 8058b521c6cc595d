/** Step 2: pick micro-abilities on the environment × dimension grid. */
import { useRef, useState } from 'react';
import { checkSelection } from '../../lib/self-check/selection';
import { DIMENSIONS, ENVIRONMENTS } from '../../lib/content/taxonomy';
import type { AbilityOption, RegionOption } from './types';
import type { PlanGuide } from './plan-guide';
import PlanRule from './PlanRule';

interface Props {
  abilities: AbilityOption[];
  chosen: string[];
  region: RegionOption | undefined;
  preselected: string | undefined;
  /** Where the rubric in use comes from, when it is not the handbook's national entry. */
  originOf: (ability: AbilityOption) => string | undefined;
  /** The school plan in use: its rule for this teacher, and the 必修 / 选修 marks. */
  plan?: PlanGuide | undefined;
  onChange: (codes: string[]) => void;
  onBack: () => void;
  onDone: () => void;
}

export default function AbilityPickStep({
  abilities,
  chosen,
  region,
  preselected,
  originOf,
  plan,
  onChange,
  onBack,
  onDone,
}: Props) {
  // Unticking an ability can be taken back at once; its evidence stays in the draft meanwhile.
  const [removed, setRemoved] = useState<{ code: string; before: string[] }>();
  const form = useRef<HTMLDivElement>(null);
  const toggle = (code: string) => {
    const removing = chosen.includes(code);
    const next = removing ? chosen.filter((c) => c !== code) : [...chosen, code];
    setRemoved(removing ? { code, before: chosen } : undefined);
    onChange(abilities.map((a) => a.code).filter((c) => next.includes(c)));
  };
  const undo = () => {
    if (!removed) return;
    onChange(removed.before);
    setRemoved(undefined);
    form.current?.querySelector<HTMLInputElement>(`input[value="${removed.code}"]`)?.focus();
  };
  const check = checkSelection(
    region?.selection,
    abilities.filter((a) => chosen.includes(a.code)),
  );

  return (
    <div className="wizard-form" ref={form}>
      {preselected && (
        <p className="notice" role="status">
          已按您打开的能力点页面预选 {preselected}。
        </p>
      )}
      <p>
        勾选本次要自评的微能力点。带“需录入标准”的能力点，手册尚未收录其评价标准，您可以在下一步按本地考核指南录入。
      </p>
      {plan && <PlanRule guide={plan} />}
      {ENVIRONMENTS.map((environment) => (
        <fieldset key={environment} className="pick-group">
          <legend>{environment}</legend>
          {DIMENSIONS.map((dimension) => {
            const cell = abilities.filter((a) => a.environment === environment && a.dimension === dimension);
            if (cell.length === 0) return null;
            return (
              <div key={dimension} className="pick-cell">
                <span className="pick-dimension">{dimension}</span>
                {cell.map((a) => (
                  <label key={a.code} className="pick-option">
                    <input
                      type="checkbox"
                      name="abilities"
                      value={a.code}
                      checked={chosen.includes(a.code)}
                      onChange={() => toggle(a.code)}
                    />{' '}
                    {a.code} {a.name}
                    {plan?.marks[a.code] && <span className="tag tag-plan">{plan.marks[a.code]}</span>}
                    {originOf(a) ? (
                      <span className="tag tag-origin">{originOf(a)}</span>
                    ) : (
                      !a.gradable && <span className="tag">需录入标准</span>
                    )}
                  </label>
                ))}
              </div>
            );
          })}
        </fieldset>
      ))}
      {removed && (
        <div className="notice" role="status" data-removed-ability={removed.code}>
          <p>
            {`已移除 ${removed.code} ${abilities.find((a) => a.code === removed.code)?.name ?? ''}。`}
            已填写的证据仍保留，撤销即可恢复。{' '}
            <button type="button" className="link-button" onClick={undo}>
              撤销<span className="visually-hidden">移除 {removed.code}</span>
            </button>
          </p>
        </div>
      )}
      <p role="status" className="pick-count">
        已选 {chosen.length} 个微能力点{chosen.length > 0 ? `：${chosen.join('、')}` : '。'}
      </p>
      {check && (
        <div className={`notice ${check.met ? '' : 'notice-warn'}`} role="status">
          <p>
            {region?.region}的要求：{check.met ? '当前选择符合要求。' : check.messages.join('')}
          </p>
          <p className="muted">原文：{region?.selection?.text}</p>
        </div>
      )}
      <div className="wizard-nav">
        <button type="button" className="button button-secondary" onClick={onBack}>
          上一步
        </button>
        <button type="button" className="button" onClick={onDone} disabled={chosen.length === 0}>
          下一步：逐项自查证据
        </button>
      </div>
    </div>
  );
}
