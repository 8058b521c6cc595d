/**
 * The plan's fields (react-hook-form): the school, the categories and their selection rules, the
 * stages with their deadlines, the roster, who reviews whom, and the school's rubric pack. Every
 * change goes up to PlanEditor, which keeps it; the messages shown are the plan schema's own.
 */
import { useCallback, useEffect, useMemo } from 'react';
import { useFieldArray, useForm, type FieldErrors, type Resolver } from 'react-hook-form';
import { toNestErrors } from '@hookform/resolvers';
import type { Policy } from '../../lib/content/policies';
import {
  draftStages,
  emptyCategory,
  validateDraft,
  type DraftCategory,
  type DraftIssue,
  type PlanDraft,
} from '../../lib/school/plan/plan-draft';
import { PLAN_BOUNDS } from '../../lib/school/plan/plan-file';
import { planStagesFromRegion } from '../../lib/school/plan/plan-stages';
import { policyRule, type AbilityFacts } from '../../lib/school/plan/selection-rule';
import ConfirmAction from '../ConfirmAction';
import AssignmentFields from './AssignmentFields';
import CategoryFields from './CategoryFields';
import { FieldMessage, invalidProps, IssuesContext, issueMap } from './field-messages';
import RosterFields from './RosterFields';
import RubricPackField from './RubricPackField';
import StageFields from './StageFields';

interface Props {
  initial: PlanDraft;
  issues: DraftIssue[];
  abilities: AbilityFacts[];
  policies: Policy[];
  rubricsPath: string;
  onChange: (draft: PlanDraft) => void;
  /** 检查并保存: the whole plan checked now, its first problem focused. */
  onCheck: () => void;
}

/** The plan schema as the form's resolver: 检查并保存 focuses the first field it refuses. */
const resolver: Resolver<PlanDraft> = (values, _context, options) => {
  const check = validateDraft(values);
  if (check.ok) return { values, errors: {} };
  const flat: FieldErrors = {};
  for (const issue of check.issues) flat[issue.path || 'root'] = { type: 'plan', message: issue.message };
  return { values: {}, errors: toNestErrors(flat, options) };
};

export default function PlanForm({
  initial,
  issues,
  abilities,
  policies,
  rubricsPath,
  onChange,
  onCheck,
}: Props) {
  const form = useForm<PlanDraft>({ defaultValues: initial, resolver, mode: 'onSubmit' });
  const { register, control, watch, getValues, setValue, handleSubmit } = form;
  const categories = useFieldArray({ control, name: 'categories' });
  const stages = useFieldArray({ control, name: 'stages', keyName: 'key' });
  const roster = useFieldArray({ control, name: 'roster' });
  const messages = useMemo(() => issueMap(issues), [issues]);
  const invalid = (path: string) => invalidProps(messages, path);

  const emit = useCallback(() => onChange(structuredClone(getValues())), [onChange, getValues]);
  useEffect(() => {
    const subscription = watch(() => emit());
    return () => subscription.unsubscribe();
  }, [watch, emit]);

  const region = watch('school.region');
  const regionPolicy = policies.find((p) => p.slug === region);
  const rule = useMemo(() => (region ? policyRule(policies, region) : undefined), [policies, region]);
  const newCategory = (name = ''): DraftCategory => {
    const c = emptyCategory(name);
    if (rule?.found) {
      c.count = String(rule.rule.count);
      c.atLeast = rule.rule.atLeast.map((n) => ({
        count: String(n.count),
        environments: [...n.environments],
        dimensions: [...n.dimensions],
      }));
    }
    return c;
  };
  const fillStages = (slug: string) => stages.replace(draftStages(planStagesFromRegion(policies, slug)));

  return (
    <IssuesContext.Provider value={messages}>
      <form
        className="plan-form"
        noValidate
        onSubmit={(e) => {
          onCheck();
          void handleSubmit(() => undefined)(e);
        }}
      >
        <section aria-labelledby="plan-school-heading">
          <h2 id="plan-school-heading">学校</h2>
          <div className="field-row">
            <div className="field">
              <label htmlFor="plan-school-name">学校名称</label>
              <input
                id="plan-school-name"
                autoComplete="organization"
                maxLength={PLAN_BOUNDS.schoolChars}
                {...register('school.name')}
                {...invalid('school.name')}
              />
              <FieldMessage path="school.name" />
            </div>
            <div className="field">
              <label htmlFor="plan-school-region">所在地区（按哪份政策文件）</label>
              <select
                id="plan-school-region"
                {...register('school.region', {
                  onChange: (e: { target: { value: string } }) => {
                    if (e.target.value && getValues('stages').length === 0) fillStages(e.target.value);
                  },
                })}
                {...invalid('school.region')}
              >
                <option value="">请选择</option>
                {policies.map((p) => (
                  <option key={p.slug} value={p.slug}>
                    {p.data.region}（{p.data.level}）
                  </option>
                ))}
              </select>
              <FieldMessage path="school.region" />
            </div>
            <div className="field">
              <label htmlFor="plan-school-round">轮次或学年</label>
              <input
                id="plan-school-round"
                placeholder="例如：2024—2025 学年"
                maxLength={PLAN_BOUNDS.roundChars}
                {...register('school.round')}
                {...invalid('school.round')}
              />
              <FieldMessage path="school.round" />
            </div>
            <div className="field">
              <label htmlFor="plan-submit-by">提交自评截止日期</label>
              <input id="plan-submit-by" type="date" {...register('submitBy')} {...invalid('submitBy')} />
              <FieldMessage path="submitBy" />
            </div>
          </div>
        </section>

        <section aria-labelledby="plan-categories-heading">
          <h2 id="plan-categories-heading">教师类别与选课要求</h2>
          <p className="muted">
            类别是本校自己的分法，例如“50岁以上”“骨干”“其他”。每个类别写明要完成几个微能力点、至少几个来自哪些环境或维度、哪些是必修、开设哪些选修。
          </p>
          {rule &&
            (rule.found ? (
              <p className="notice">
                {rule.from.region}的政策规定：{rule.text}（新增类别时按此预先填入，可按本校方案修改。）
              </p>
            ) : (
              <p className="notice" id="plan-policy-rule-note">
                {regionPolicy?.data.region ?? ''}
                {rule.note}
              </p>
            ))}
          <FieldMessage path="categories" />
          {categories.fields.map((field, i) => (
            <CategoryFields
              key={field.id}
              index={i}
              control={control}
              register={register}
              watch={watch}
              abilities={abilities}
              ruleNoteId={rule && !rule.found ? 'plan-policy-rule-note' : undefined}
              onRemove={categories.fields.length > 1 ? () => categories.remove(i) : undefined}
            />
          ))}
          <p>
            <button
              type="button"
              className="button button-secondary"
              disabled={categories.fields.length >= PLAN_BOUNDS.categories}
              onClick={() => categories.append(newCategory())}
            >
              添加教师类别
            </button>
          </p>
        </section>

        <section aria-labelledby="plan-stages-heading">
          <h2 id="plan-stages-heading">评审环节与截止日期</h2>
          <p className="muted">
            选择地区后，按该地区政策文件中的考核流程填入；校内环节由学校完成，标为“校外”的（如县级审核认定、省市抽查）由上级完成，学校只记录结果。可以改名、增删和调整顺序。
          </p>
          {region && stages.fields.length > 0 && (
            <p>
              <ConfirmAction
                label={`按${regionPolicy?.data.region ?? '所选地区'}的政策重新填入评审环节`}
                question="现有的环节、截止日期会被替换，按环节的评审分工需要重新选择环节。确定吗？"
                groupLabel="确认重新填入评审环节"
                confirmLabel="确定重新填入"
                onConfirm={() => fillStages(region)}
              />
            </p>
          )}
          <StageFields array={stages} register={register} watch={watch} />
        </section>

        <section aria-labelledby="plan-roster-heading">
          <h2 id="plan-roster-heading">教师名单</h2>
          <RosterFields
            array={roster}
            register={register}
            watch={watch}
            onAddCategories={(names) => {
              // A new plan's one blank category gives way to the staff list's own.
              const blank = getValues('categories').every((c) => c.name.trim() === '' && c.count === '');
              if (blank) categories.replace(names.map((n) => newCategory(n)));
              else categories.append(names.map((n) => newCategory(n)));
            }}
          />
        </section>

        <section aria-labelledby="plan-assignments-heading">
          <h2 id="plan-assignments-heading">评审分工</h2>
          <AssignmentFields control={control} register={register} watch={watch} />
        </section>

        <section aria-labelledby="plan-rubrics-heading">
          <h2 id="plan-rubrics-heading">学校的评价标准（可选）</h2>
          <RubricPackField
            pack={watch('rubrics')}
            rubricsPath={rubricsPath}
            onChange={(pack) => {
              setValue('rubrics', pack, { shouldDirty: true });
              emit();
            }}
          />
        </section>

        <p className="plan-actions">
          <button type="submit" className="button">
            检查并保存
          </button>
          <span className="muted">
            {issues.length > 0 ? `还有 ${issues.length} 处需要补全或修改。` : '方案完整，修改会自动保存。'}
          </span>
        </p>
      </form>
    </IssuesContext.Provider>
  );
}
