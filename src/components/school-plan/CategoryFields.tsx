/** One teacher category and its selection rule: count, “至少” lines, 必修, 选修. */
import { useFieldArray, type Control, type UseFormRegister, type UseFormWatch } from 'react-hook-form';
import { DIMENSIONS, ENVIRONMENTS } from '../../lib/content/taxonomy';
import { categoryRule, type PlanDraft } from '../../lib/school/plan/plan-draft';
import { PLAN_BOUNDS } from '../../lib/school/plan/plan-file';
import { ruleText, type AbilityFacts } from '../../lib/school/plan/selection-rule';
import { FieldMessage, useInvalid } from './field-messages';

interface Props {
  index: number;
  control: Control<PlanDraft>;
  register: UseFormRegister<PlanDraft>;
  watch: UseFormWatch<PlanDraft>;
  abilities: AbilityFacts[];
  /** The note saying the region's policy states no rule, read with the count. */
  ruleNoteId: string | undefined;
  onRemove: (() => void) | undefined;
}

export default function CategoryFields({
  index: i,
  control,
  register,
  watch,
  abilities,
  ruleNoteId,
  onRemove,
}: Props) {
  const atLeast = useFieldArray({ control, name: `categories.${i}.atLeast` });
  const invalid = useInvalid();
  const name = watch(`categories.${i}.name`);
  const label = name.trim() || `第 ${i + 1} 个类别`;
  const rule = categoryRule(watch(`categories.${i}`));
  // The rule in the words the pick step will show, once the category's own fields make one.
  const preview = rule ? ruleText(rule, abilities) : undefined;
  const id = (f: string) => `plan-category-${i}-${f}`;
  const described = (path: string, extra?: string) => {
    const props = invalid(path);
    const ids = [props['aria-describedby'], extra].filter(Boolean).join(' ');
    return { ...props, ...(ids ? { 'aria-describedby': ids } : {}) };
  };
  return (
    <fieldset className="plan-group">
      <legend>教师类别：{label}</legend>
      <div className="field-row">
        <div className="field">
          <label htmlFor={id('name')}>类别名称</label>
          <input
            id={id('name')}
            maxLength={PLAN_BOUNDS.fieldChars}
            placeholder="例如：骨干"
            {...register(`categories.${i}.name`)}
            {...invalid(`categories.${i}.name`)}
          />
          <FieldMessage path={`categories.${i}.name`} />
        </div>
        <div className="field">
          <label htmlFor={id('count')}>要完成几个微能力点</label>
          <input
            id={id('count')}
            inputMode="numeric"
            className="plan-number"
            {...register(`categories.${i}.count`)}
            {...described(`categories.${i}.count`, ruleNoteId)}
          />
          <FieldMessage path={`categories.${i}.count`} />
        </div>
      </div>
      {atLeast.fields.map((field, j) => (
        <fieldset key={field.id} className="plan-subgroup">
          <legend>
            {label}的“至少”要求 {j + 1}
          </legend>
          <div className="field">
            <label htmlFor={id(`atleast-${j}`)}>至少几个</label>
            <input
              id={id(`atleast-${j}`)}
              inputMode="numeric"
              className="plan-number"
              {...register(`categories.${i}.atLeast.${j}.count`)}
              {...invalid(`categories.${i}.atLeast.${j}.count`)}
            />
            <FieldMessage path={`categories.${i}.atLeast.${j}.count`} />
          </div>
          <fieldset className="plan-checks-inline">
            <legend>来自这些教学环境（可多选）</legend>
            {ENVIRONMENTS.map((e) => (
              <label key={e}>
                <input type="checkbox" value={e} {...register(`categories.${i}.atLeast.${j}.environments`)} />{' '}
                {e}
              </label>
            ))}
          </fieldset>
          <fieldset className="plan-checks-inline">
            <legend>且属于这些能力维度（可多选，不选则不限）</legend>
            {DIMENSIONS.map((d) => (
              <label key={d}>
                <input type="checkbox" value={d} {...register(`categories.${i}.atLeast.${j}.dimensions`)} />{' '}
                {d}
              </label>
            ))}
          </fieldset>
          <FieldMessage path={`categories.${i}.atLeast.${j}`} />
          <button type="button" className="link-button" onClick={() => atLeast.remove(j)}>
            删除这条“至少”要求
          </button>
        </fieldset>
      ))}
      <p>
        <button
          type="button"
          className="button button-secondary"
          disabled={atLeast.fields.length >= PLAN_BOUNDS.atLeast}
          onClick={() => atLeast.append({ count: '1', environments: [], dimensions: [] })}
        >
          添加“至少 N 个来自…”要求
        </button>
      </p>
      <div className="field-row">
        <div className="field">
          <label htmlFor={id('required')}>必修（微能力点编号，用顿号分隔）</label>
          <input
            id={id('required')}
            placeholder="例如：A1、B2"
            maxLength={200}
            {...register(`categories.${i}.required`)}
            {...invalid(`categories.${i}.required`)}
          />
          <FieldMessage path={`categories.${i}.required`} />
        </div>
        <div className="field">
          <label htmlFor={id('offered')}>开设的选修（编号；不填则 30 个任选）</label>
          <input
            id={id('offered')}
            placeholder="例如：A3、B5、C5"
            maxLength={200}
            {...register(`categories.${i}.offered`)}
            {...invalid(`categories.${i}.offered`)}
          />
          <FieldMessage path={`categories.${i}.offered`} />
        </div>
      </div>
      {preview && <p className="plan-rule-text">教师看到的要求：{preview}</p>}
      {onRemove && (
        <button type="button" className="link-button" onClick={onRemove}>
          删除类别“{label}”
        </button>
      )}
    </fieldset>
  );
}
