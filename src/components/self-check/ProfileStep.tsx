/** Step 1: who is checking, validated with the profile schema before moving on. */
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm, type Resolver } from 'react-hook-form';
import { applyProfileInput, type DraftProfile } from '../../lib/self-check/draft';
import {
  OTHER_REGION,
  PROFILE_MAX_LENGTH,
  profileSchema,
  STAGES,
  type Profile,
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
  const {
    register,
    handleSubmit,
    watch,
    formState: { errors },
  } = useForm<DraftProfile, unknown, Profile>({
    // The draft allows empty fields; the schema decides when the step is complete.
    resolver: zodResolver(profileSchema) as unknown as Resolver<DraftProfile, unknown, Profile>,
    defaultValues: value,
    // Each field is checked as it is typed, not only when moving on.
    mode: 'onChange',
  });

  // Only values the saved draft accepts reach it: a field the store would reject keeps its last
  // valid value while its message shows under the field.
  useEffect(() => {
    const subscription = watch((v, { name }) => {
      if (!name) return;
      const next = applyProfileInput(value, name as keyof DraftProfile, v[name as keyof DraftProfile]);
      if (next !== value) onChange(next);
    });
    return () => subscription.unsubscribe();
  }, [watch, onChange, value]);

  const otherRegion = watch('region') === OTHER_REGION;

  const errorId = (name: keyof DraftProfile) => `profile-${name}-error`;
  const describe = (name: keyof DraftProfile) =>
    errors[name] ? { 'aria-invalid': true as const, 'aria-describedby': errorId(name) } : {};
  const errorText = (name: keyof DraftProfile) =>
    errors[name] ? (
      <p className="field-error" id={errorId(name)} role="alert">
        {errors[name]?.message}
      </p>
    ) : null;

  return (
    <form className="wizard-form" noValidate onSubmit={handleSubmit(() => onDone())}>
      <p>这些信息只用于生成您自己的自评记录和 PDF，保存在本浏览器中，不会上传。</p>
      {FIELDS.map((f) => (
        <div
          className="field"
          key={f.name}
          onFocus={f.name === 'name' ? () => setTypingName(true) : undefined}
          onBlur={f.name === 'name' ? () => setTypingName(false) : undefined}
        >
          <label htmlFor={`profile-${f.name}`}>{f.label}</label>
          <input
            id={`profile-${f.name}`}
            autoComplete={f.autoComplete}
            maxLength={PROFILE_MAX_LENGTH[f.name]}
            {...register(f.name)}
            {...describe(f.name)}
          />
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
        <select id="profile-stage" {...register('stage')} {...describe('stage')}>
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
        <select id="profile-region" {...register('region')} {...describe('region')}>
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
            id="profile-regionOther"
            autoComplete="off"
            maxLength={PROFILE_MAX_LENGTH.regionOther}
            placeholder="例如：四川省成都市武侯区"
            {...register('regionOther')}
            {...describe('regionOther')}
          />
          <p className="muted">
            按本地的考核要求自评；手册中没有您所在地区的政策条目，选择能力点时不会提示数量要求。
          </p>
          {errorText('regionOther')}
        </div>
      )}
      <div className="field">
        <label htmlFor="profile-environment">学校的教学环境</label>
        <select id="profile-environment" {...register('environment')} {...describe('environment')}>
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
