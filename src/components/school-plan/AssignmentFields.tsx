/**
 * 评审分工: which reviewer or group reviews which teachers at which stage, the teachers picked
 * from the roster; under it, who still has no reviewer at each of the school's stages.
 */
import { memo, useDeferredValue, useId, useMemo, useState } from 'react';
import {
  Controller,
  useFieldArray,
  type Control,
  type UseFormRegister,
  type UseFormWatch,
} from 'react-hook-form';
import type { PlanDraft } from '../../lib/school/plan/plan-draft';
import { PLAN_BOUNDS } from '../../lib/school/plan/plan-file';
import { unassignedByStage } from '../../lib/school/plan/roster-merge';
import { CHECKLIST_SHOWN, checklistNames } from '../../lib/school/plan/roster-page';
import { FieldMessage, useInvalid } from './field-messages';

interface Props {
  control: Control<PlanDraft>;
  register: UseFormRegister<PlanDraft>;
  watch: UseFormWatch<PlanDraft>;
}

export default function AssignmentFields({ control, register, watch }: Props) {
  const array = useFieldArray({ control, name: 'assignments' });
  const invalid = useInvalid();
  const stages = watch('stages');
  const assignments = watch('assignments');
  const names = [...new Set(watch('roster').map((t) => t.name))].filter((n) => n.trim() !== '');
  // Each list holds a checkbox per teacher, hundreds of them: while a name is being typed in the
  // roster the lists catch up in the background (a deferred value) instead of on every keystroke.
  const namesKey = useDeferredValue(JSON.stringify(names));
  const listedNames = useMemo(() => JSON.parse(namesKey) as string[], [namesKey]);
  const stageName = new Map(stages.map((s) => [s.id, s.name]));
  const open = unassignedByStage(
    stages,
    names.map((name) => ({ name })),
    assignments.map((a) => ({ stage: stageName.get(a.stageId) ?? '', teachers: a.teachers })),
  );
  return (
    <>
      <p className="muted">
        评审人可以是一位教师（如“王老师”），也可以是一个小组（如“语文组”“信息化团队”）。评审人打开评审链接后，会看到分给自己的教师。
      </p>
      <FieldMessage path="assignments" />
      {array.fields.map((field, i) => {
        const who = assignments[i]?.reviewer.trim() || `第 ${i + 1} 项分工`;
        return (
          <fieldset key={field.id} className="plan-group">
            <legend>评审分工：{who}</legend>
            <div className="field-row">
              <div className="field">
                <label htmlFor={`plan-assignment-${i}-reviewer`}>评审人或小组</label>
                <input
                  id={`plan-assignment-${i}-reviewer`}
                  maxLength={PLAN_BOUNDS.nameChars}
                  {...register(`assignments.${i}.reviewer`)}
                  {...invalid(`assignments.${i}.reviewer`)}
                />
                <FieldMessage path={`assignments.${i}.reviewer`} />
              </div>
              <div className="field">
                <label htmlFor={`plan-assignment-${i}-stage`}>评审环节</label>
                <select
                  id={`plan-assignment-${i}-stage`}
                  {...register(`assignments.${i}.stageId`)}
                  {...invalid(`assignments.${i}.stageId`)}
                >
                  <option value="">请选择</option>
                  {stages.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name || '（未命名环节）'}
                      {s.outside ? '（校外）' : ''}
                    </option>
                  ))}
                </select>
                <FieldMessage path={`assignments.${i}.stageId`} />
              </div>
            </div>
            <Controller
              control={control}
              name={`assignments.${i}.teachers`}
              render={({ field: { value, onChange } }) => (
                <TeacherChecklist
                  who={who}
                  names={listedNames}
                  value={value}
                  onChange={onChange}
                  {...invalid(`assignments.${i}.teachers`)}
                />
              )}
            />
            <FieldMessage path={`assignments.${i}.teachers`} />
            <button type="button" className="link-button" onClick={() => array.remove(i)}>
              删除分工“{who}”
            </button>
          </fieldset>
        );
      })}
      <p>
        <button
          type="button"
          className="button button-secondary"
          disabled={array.fields.length >= PLAN_BOUNDS.assignments}
          onClick={() =>
            array.append({
              reviewer: '',
              stageId: stages.find((s) => !s.outside)?.id ?? '',
              teachers: [],
            })
          }
        >
          添加评审分工
        </button>
      </p>
      {open.length > 0 && names.length > 0 && (
        <div className="plan-unassigned">
          <h3>尚未分配评审人的教师</h3>
          <ul>
            {open.map((o) => (
              <li key={o.stage}>
                {o.stage}：
                {o.teachers.length === 0
                  ? '全部已分配'
                  : `${o.teachers.length} 位未分配（${o.teachers.slice(0, 20).join('、')}${o.teachers.length > 20 ? ' 等' : ''}）`}
              </li>
            ))}
          </ul>
          <p className="muted">校外环节由上级安排，这里不列出。</p>
        </div>
      )}
    </>
  );
}

interface ChecklistProps {
  who: string;
  names: readonly string[];
  value: string[];
  onChange: (next: string[]) => void;
  /** From invalidProps: primitives, so that the list is not drawn again for a new object. */
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

/** The teachers one reviewer or group reviews; drawn again only when the names or the choice change. */
const TeacherChecklist = memo(function TeacherChecklist({
  who,
  names,
  value,
  onChange,
  ...invalid
}: ChecklistProps) {
  const chosen = new Set(value);
  const [query, setQuery] = useState('');
  const searchId = useId();
  const { shown, matched } = checklistNames(names, query);
  return (
    <fieldset className="plan-checks" {...invalid}>
      <legend>
        {who}评审的教师（已选 {value.length} 位）
      </legend>
      <p className="plan-actions">
        <button
          type="button"
          className="link-button"
          aria-label={`全选${who}的教师`}
          onClick={() => onChange([...names])}
        >
          全选
        </button>
        <button
          type="button"
          className="link-button"
          aria-label={`全不选${who}的教师`}
          onClick={() => onChange([])}
        >
          全不选
        </button>
      </p>
      {names.length === 0 && <p className="muted">请先录入教师名单。</p>}
      {names.length > CHECKLIST_SHOWN && (
        <div className="field">
          <label htmlFor={searchId}>在名单中查找要给{who}评审的教师</label>
          <input id={searchId} type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        </div>
      )}
      {(matched > shown.length || query.trim() !== '') && (
        <p className="muted" role="status">
          {matched === 0
            ? '没有找到符合的教师。'
            : matched > shown.length
              ? `找到 ${matched} 位，这里列出前 ${shown.length} 位；请用查找缩小范围。`
              : `找到 ${matched} 位。`}
        </p>
      )}
      <div className="plan-check-list">
        {shown.map((name) => (
          <label key={name}>
            <input
              type="checkbox"
              checked={chosen.has(name)}
              onChange={(e) =>
                onChange(e.target.checked ? [...value, name] : value.filter((v) => v !== name))
              }
            />{' '}
            {name}
          </label>
        ))}
      </div>
    </fieldset>
  );
});
