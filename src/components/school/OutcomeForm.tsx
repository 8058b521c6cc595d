/**
 * Recording an outside stage's result when it comes back on paper: which teacher and ability,
 * which stage, the result, who decided and on which day. archive-outcomes.ts checks it; a refusal
 * keeps what was typed and says why. A county's review file is loaded with the other files instead.
 */
import { useState } from 'react';
import type { TypedStageResult } from '../../lib/school/archive-file';
import type { PlanStage } from '../../lib/school/plan/plan-file';
import type { TeacherLine } from '../../lib/school/plan/plan-teachers';
import ConfirmAction from '../ConfirmAction';

export interface OutcomeTarget {
  teacher: string;
  code: string;
}

export function OutcomeForm({
  lines,
  stages,
  typed,
  onRecord,
  onRemove,
}: {
  lines: TeacherLine[];
  stages: PlanStage[];
  typed: TypedStageResult[];
  /** undefined when recorded; the reason in Chinese when refused. */
  onRecord: (target: OutcomeTarget, input: Record<string, string>) => string | undefined;
  onRemove: (which: TypedStageResult) => void;
}) {
  const outside = stages.filter((s) => s.outside);
  // Only a teacher done at school can have a county result to record.
  const eligible = lines.filter((l) => l.abilities.some((a) => a.schoolDone));
  const [teacher, setTeacher] = useState('');
  const [code, setCode] = useState('');
  const [stage, setStage] = useState(outside[0]?.name ?? '');
  const [grade, setGrade] = useState('');
  const [by, setBy] = useState('');
  const [at, setAt] = useState('');
  const [message, setMessage] = useState<{ error: boolean; text: string } | undefined>();
  const chosen = eligible.find((l) => l.name === teacher);
  const codes = chosen?.abilities.filter((a) => a.schoolDone) ?? [];
  if (outside.length === 0) return null;

  const submit = () => {
    const error = onRecord({ teacher, code }, { stage, grade, by, at });
    if (error) setMessage({ error: true, text: error });
    else {
      setMessage({ error: false, text: `已录入：${teacher} ${code} ${stage} ${grade}（${by}，${at}）。` });
      setCode('');
      setGrade('');
    }
  };

  return (
    <section className="outcome-form no-print" aria-labelledby="outcome-heading" data-outcome-form>
      <h2 id="outcome-heading">录入校外环节的结果</h2>
      <p className="hint">
        县级专家团队在评审页（选“{outside[0]?.name}”环节）保存的评审意见文件，直接在上面“载入文件”处载入即可。
        结果以纸质或通知形式返回的，在这里录入，并写明认定人和日期。
      </p>
      {eligible.length === 0 ? (
        <p data-outcome-none>还没有完成校内评审的教师，暂时没有可录入的结果。</p>
      ) : (
        <form
          className="outcome-fields"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <div className="field">
            <label htmlFor="outcome-teacher">教师</label>
            <select
              id="outcome-teacher"
              value={teacher}
              onChange={(e) => {
                setTeacher(e.target.value);
                setCode('');
              }}
            >
              <option value="">请选择</option>
              {eligible.map((l) => (
                <option key={l.name} value={l.name}>
                  {l.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="outcome-code">微能力点</label>
            <select id="outcome-code" value={code} onChange={(e) => setCode(e.target.value)}>
              <option value="">请选择</option>
              {codes.map((a) => (
                <option key={a.code} value={a.code}>
                  {a.code} {a.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="outcome-stage">环节</label>
            <select id="outcome-stage" value={stage} onChange={(e) => setStage(e.target.value)}>
              {outside.map((s) => (
                <option key={s.name} value={s.name}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="outcome-grade">结果</label>
            <select id="outcome-grade" value={grade} onChange={(e) => setGrade(e.target.value)}>
              <option value="">请选择</option>
              {['优秀', '合格', '不合格'].map((g) => (
                <option key={g} value={g}>
                  {g}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="outcome-by">认定人或认定单位</label>
            <input id="outcome-by" type="text" value={by} onChange={(e) => setBy(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="outcome-at">认定日期</label>
            <input id="outcome-at" type="date" value={at} onChange={(e) => setAt(e.target.value)} />
          </div>
          <button type="submit" className="button">
            录入结果
          </button>
        </form>
      )}
      <div aria-live="polite" data-outcome-message>
        {message && <p className={message.error ? 'notice notice-warn' : 'notice'}>{message.text}</p>}
      </div>
      {typed.length > 0 && (
        <>
          <h3>已录入的结果（{typed.length}）</h3>
          <ul className="typed-list" data-typed>
            {typed.map((t) => (
              <li key={`${t.teacher}-${t.code}-${t.stage}`}>
                {t.teacher} {t.code} {t.stage}：{t.grade}（{t.by}，{t.at}）{' '}
                <ConfirmAction
                  label="删除"
                  triggerClass="link-button"
                  question={<span>删除这条录入的结果？</span>}
                  groupLabel={`确认删除 ${t.teacher} ${t.code} 的结果`}
                  confirmLabel="确定删除"
                  confirmClass="button danger"
                  onConfirm={() => onRemove(t)}
                />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
