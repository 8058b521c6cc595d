/** The roster: typed in row by row, or imported from the staff list the school already has. */
import type { UseFieldArrayReturn, UseFormRegister, UseFormWatch } from 'react-hook-form';
import type { PlanDraft } from '../../lib/school/plan/plan-draft';
import { PLAN_BOUNDS } from '../../lib/school/plan/plan-file';
import { FieldMessage, useInvalid } from './field-messages';
import RosterImport from './RosterImport';

interface Props {
  array: UseFieldArrayReturn<PlanDraft, 'roster'>;
  register: UseFormRegister<PlanDraft>;
  watch: UseFormWatch<PlanDraft>;
  onAddCategories: (names: string[]) => void;
}

const COLUMNS = [
  { field: 'name', label: '姓名', max: PLAN_BOUNDS.nameChars },
  { field: 'subject', label: '学科', max: PLAN_BOUNDS.fieldChars },
  { field: 'stage', label: '学段', max: PLAN_BOUNDS.fieldChars },
] as const;

export default function RosterFields({ array, register, watch, onAddCategories }: Props) {
  const invalid = useInvalid();
  const roster = watch('roster');
  const categories = watch('categories').map((c) => c.name);
  return (
    <>
      <p className="muted">
        可以逐行录入，也可以导入学校现有的教师名单（Excel 或 WPS 保存的 .xlsx 或
        CSV，表头写有“姓名”“学科”“学段”“类别”）。名单只在本浏览器中读取，不会上传。
      </p>
      <RosterImport
        roster={roster}
        categories={categories}
        onApply={(next, added) => {
          if (added.length > 0) onAddCategories(added);
          array.replace(next);
        }}
      />
      <FieldMessage path="roster" />
      <p>共 {roster.length} 位教师。</p>
      {roster.length > 0 && (
        <div className="table-scroll">
          <table className="plan-roster">
            <caption className="visually-hidden">教师名单</caption>
            <thead>
              <tr>
                <th scope="col">序号</th>
                {COLUMNS.map((c) => (
                  <th scope="col" key={c.field}>
                    {c.label}
                  </th>
                ))}
                <th scope="col">类别</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {array.fields.map((field, i) => {
                const who = roster[i]?.name.trim() || `第 ${i + 1} 位教师`;
                return (
                  <tr key={field.id}>
                    <td>{i + 1}</td>
                    {COLUMNS.map((c) => (
                      <td key={c.field}>
                        <input
                          aria-label={`${who}的${c.label}`}
                          maxLength={c.max}
                          {...register(`roster.${i}.${c.field}`)}
                          {...invalid(`roster.${i}.${c.field}`)}
                        />
                        <FieldMessage path={`roster.${i}.${c.field}`} />
                      </td>
                    ))}
                    <td>
                      <select
                        aria-label={`${who}的类别`}
                        {...register(`roster.${i}.category`)}
                        {...invalid(`roster.${i}.category`)}
                      >
                        <option value="">请选择</option>
                        {roster[i]?.category && !categories.includes(roster[i].category) && (
                          <option value={roster[i].category}>{roster[i].category}（方案中没有）</option>
                        )}
                        {categories
                          .filter((c) => c.trim() !== '')
                          .map((c) => (
                            <option key={c} value={c}>
                              {c}
                            </option>
                          ))}
                      </select>
                      <FieldMessage path={`roster.${i}.category`} />
                    </td>
                    <td>
                      <button
                        type="button"
                        className="link-button"
                        aria-label={`删除${who}`}
                        onClick={() => array.remove(i)}
                      >
                        删除
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <p>
        <button
          type="button"
          className="button button-secondary"
          disabled={roster.length >= PLAN_BOUNDS.teachers}
          onClick={() => array.append({ name: '', subject: '', stage: '', category: '' })}
        >
          添加一位教师
        </button>
      </p>
    </>
  );
}
