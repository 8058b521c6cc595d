/**
 * Step 1: who is checking, validated with the profile schema as each field is typed and on 下一步.
 * Plain React state rather than a form library: this is the step every teacher opens first, so
 * its code is part of the wizard's first load (the evidence step's forms fetch theirs later).
 */
import { useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { applyProfileInput, type DraftProfile } from '../../lib/self-check/draft';
import {
  firstInvalid,
  OTHER_REGION,
  PROFILE_MAX_LENGTH,
  profileErrors,
  STAGES,
  type ProfileErrors,
  type ProfileField,
  type ProfileValues,
} from '../../lib/self-check/profile';
import { ENVIRONMENTS } from '../../lib/content/taxonomy';
import type { RegionOption } from './types';

interface Props {
  value: DraftProfile;
  regions: RegionOption[];
  onChange: (value: DraftProfile) => void;
  onDone: () => void;
  /** The typed name against the school plan's roster: where it stands, or the warning. */
  plan?: { school: string; rosterLine?: string | undefined; warning?: string | undefined } | undefined;
}

const FIELDS: { name: 'name' | 'school' | 'subject'; label: string; autoComplete: string }[] = [
  { name: 'name', label: '姓名', autoComplete: 'name' },
  { name: 'school', label: '学校', autoComplete: 'organization' },
  { name: 'subject', label: '任教学科', autoComplete: 'off' },
];

export default function ProfileStep({ value, regions, onChange, onDone, plan }: Props) {
  // The roster is consulted once the name is written, not at each character typed.
  const [typingName, setTypingName] = useState(false);
  // What is typed, as typed: the draft keeps only what it accepts (applyProfileInput).
  const [values, setValues] = useState<ProfileValues>(value);
  const [errors, setErrors] = useState<ProfileErrors>({});
  const fields = useRef(new Map<ProfileField, HTMLInputElement | HTMLSelectElement>());
  const ref = (name: ProfileField) => (el: HTMLInputElement | HTMLSelectElement | null) => {
    if (el) fields.current.set(name, el);
    else fields.current.delete(name);
  };

  // A field's message follows its own value as it is typed; the others keep theirs until 下一步.
  const change = (name: ProfileField) => (e: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => {
    const next = { ...values, [name]: e.target.value };
    setValues(next);
    const message = profileErrors(next)[name];
    setErrors((before) => ({ ...before, [name]: message }));
    // Only values the saved draft accepts reach it: a field the store would reject keeps its last
    // valid value while its message shows under the field.
    const kept = applyProfileInput(value, name, e.target.value);
    if (kept !== value) onChange(kept);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = profileErrors(values);
    setErrors(found);
    const first = firstInvalid(found);
    if (first) fields.current.get(first)?.focus();
    else onDone();
  };

  const errorId = (name: ProfileField) => `profile-${name}-error`;
  const describe = (name: ProfileField) =>
    errors[name] ? { 'aria-invalid': true as const, 'aria-describedby': errorId(name) } : {};
  const field = (name: ProfileField) => ({
    id: `profile-${name}`,
    name,
    ref: ref(name),
    value: values[name] ?? '',
    onChange: change(name),
    ...describe(name),
  });

  const otherRegion = values.region === OTHER_REGION;

  const errorText = (name: ProfileField) =>
    errors[name] ? (
      <p className="field-error" id={errorId(name)} role="alert">
        {errors[name]}
      </p>
    ) : null;

  return (
    <form className="wizard-form" noValidate onSubmit={submit}>
      <p>这些信息只用于生成您自己的自评记录和 PDF，保存在本浏览器中，不会上传。</p>
      {FIELDS.map((f) => (
        <div
          className="field"
          key={f.name}
          onFocus={f.name === 'name' ? () => setTypingName(true) : undefined}
          onBlur={f.name === 'name' ? () => setTypingName(false) : undefined}
        >
          <label htmlFor={`profile-${f.name}`}>{f.label}</label>
          <input autoComplete={f.autoComplete} maxLength={PROFILE_MAX_LENGTH[f.name]} {...field(f.name)} />
          {errorText(f.name)}
          {f.name === 'name' && plan && !typingName && value.name.trim() !== '' && (
            <p
              className={plan.warning ? 'notice notice-warn plan-roster' : 'muted plan-roster'}
              role="status"
            >
              {plan.warning ?? `学校考核方案（${plan.school}）的教师名单中有您：${plan.rosterLine ?? ''}`}
            </p>
          )}
        </div>
      ))}
      <div className="field">
        <label htmlFor="profile-stage">学段</label>
        <select {...field('stage')}>
          <option value="">请选择</option>
          {STAGES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        {errorText('stage')}
      </div>
      <div className="field">
        <label htmlFor="profile-region">所在地区（按哪份政策文件）</label>
        <select {...field('region')}>
          <option value="">请选择</option>
          {regions.map((r) => (
            <option key={r.slug} value={r.slug}>
              {r.region}（{r.level}）
            </option>
          ))}
          <option value={OTHER_REGION}>其他地区（手册未收录本地政策）</option>
        </select>
        {errorText('region')}
      </div>
      {otherRegion && (
        <div className="field">
          <label htmlFor="profile-regionOther">所在地区名称</label>
          <input
            autoComplete="off"
            maxLength={PROFILE_MAX_LENGTH.regionOther}
            placeholder="例如：四川省成都市武侯区"
            {...field('regionOther')}
          />
          <p className="muted">
            按本地的考核要求自评；手册中没有您所在地区的政策条目，选择能力点时不会提示数量要求。
          </p>
          {errorText('regionOther')}
        </div>
      )}
      <div className="field">
        <label htmlFor="profile-environment">学校的教学环境</label>
        <select {...field('environment')}>
          <option value="">请选择</option>
          {ENVIRONMENTS.map((e) => (
            <option key={e} value={e}>
              {e}
            </option>
          ))}
        </select>
        {errorText('environment')}
      </div>
      <div className="wizard-nav">
        <button type="submit" className="button">
          下一步：选择微能力点
        </button>
      </div>
    </form>
  );
}
