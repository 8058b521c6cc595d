/** The stages in order, each with its deadline; those outside the school marked 校外. */
import type { UseFieldArrayReturn, UseFormRegister, UseFormWatch } from 'react-hook-form';
import { newStageId, type PlanDraft } from '../../lib/school/plan/plan-draft';
import { PLAN_BOUNDS } from '../../lib/school/plan/plan-file';
import { FieldMessage, useInvalid } from './field-messages';

interface Props {
  array: UseFieldArrayReturn<PlanDraft, 'stages', 'key'>;
  register: UseFormRegister<PlanDraft>;
  watch: UseFormWatch<PlanDraft>;
}

export default function StageFields({ array, register, watch }: Props) {
  const invalid = useInvalid();
  const stages = watch('stages');
  const add = (outside: boolean) => {
    const stage = { id: newStageId(stages), name: '', outside, sampled: false, deadline: '' };
    // A school stage goes before the first outside one; an outside one at the end.
    const at = outside ? stages.length : stages.findIndex((s) => s.outside);
    if (at === -1 || at === stages.length) array.append(stage);
    else array.insert(at, stage);
  };
  return (
    <>
      <FieldMessage path="stages" />
      {stages.length === 0 && <p className="muted">请先在上方选择地区，或自己添加环节。</p>}
      <ol className="plan-stages">
        {array.fields.map((field, i) => {
          const stage = stages[i];
          const label = stage?.name.trim() || `第 ${i + 1} 个环节`;
          return (
            <li key={field.key}>
              <fieldset className="plan-group">
                <legend>
                  环节 {i + 1}：{label}{' '}
                  <span className={stage?.outside ? 'badge plan-outside' : 'badge'}>
                    {stage?.outside ? (stage.sampled ? '校外（抽查）' : '校外') : '校内'}
                  </span>
                </legend>
                <div className="field-row">
                  <div className="field">
                    <label htmlFor={`plan-stage-${i}-name`}>环节名称</label>
                    <input
                      id={`plan-stage-${i}-name`}
                      maxLength={PLAN_BOUNDS.stageChars}
                      {...register(`stages.${i}.name`)}
                      {...invalid(`stages.${i}.name`)}
                    />
                    <FieldMessage path={`stages.${i}.name`} />
                  </div>
                  <div className="field">
                    <label htmlFor={`plan-stage-${i}-deadline`}>截止日期</label>
                    <input
                      id={`plan-stage-${i}-deadline`}
                      type="date"
                      {...register(`stages.${i}.deadline`)}
                      {...invalid(`stages.${i}.deadline`)}
                    />
                    <FieldMessage path={`stages.${i}.deadline`} />
                  </div>
                </div>
                <label>
                  <input
                    type="checkbox"
                    {...register(`stages.${i}.outside`)}
                    {...invalid(`stages.${i}.outside`)}
                  />{' '}
                  校外环节（由县、市或省完成，学校只记录结果）
                </label>
                <FieldMessage path={`stages.${i}.outside`} />
                {stage?.outside && (
                  <label>
                    <input type="checkbox" {...register(`stages.${i}.sampled`)} /> 抽查（只抽取部分教师）
                  </label>
                )}
                <p className="plan-actions">
                  <button
                    type="button"
                    className="button button-secondary"
                    disabled={i === 0}
                    aria-label={`上移“${label}”`}
                    onClick={() => array.move(i, i - 1)}
                  >
                    上移
                  </button>
                  <button
                    type="button"
                    className="button button-secondary"
                    disabled={i === array.fields.length - 1}
                    aria-label={`下移“${label}”`}
                    onClick={() => array.move(i, i + 1)}
                  >
                    下移
                  </button>
                  <button type="button" className="link-button" onClick={() => array.remove(i)}>
                    删除环节“{label}”
                  </button>
                </p>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <p className="plan-actions">
        <button
          type="button"
          className="button button-secondary"
          disabled={stages.length >= PLAN_BOUNDS.stages}
          onClick={() => add(false)}
        >
          添加校内环节
        </button>
        <button
          type="button"
          className="button button-secondary"
          disabled={stages.length >= PLAN_BOUNDS.stages}
          onClick={() => add(true)}
        >
          添加校外环节
        </button>
      </p>
    </>
  );
}
