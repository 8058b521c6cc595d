/** The teacher's profile as the wizard requires it before moving on; messages are shown as they are. */
import { z } from 'zod';
import { lazySchema } from '../files/lazy-schema';
import { OTHER_REGION, STAGES } from './draft';
import { ENVIRONMENTS } from '../content/taxonomy';

export { OTHER_REGION, STAGES };

/** The longest each typed field may be: the schema and the form's inputs both use these, so the form never takes more than 下一步 accepts. */
export const PROFILE_MAX_LENGTH = { name: 30, school: 60, subject: 30, regionOther: 60 } as const;

const required = (label: string, max: number) =>
  z.string().trim().min(1, `请填写${label}`).max(max, `${label}不能超过 ${max} 个字`);

export const profileSchema = lazySchema(() =>
  z
    .object({
      name: required('姓名', PROFILE_MAX_LENGTH.name),
      school: required('学校', PROFILE_MAX_LENGTH.school),
      subject: required('任教学科', PROFILE_MAX_LENGTH.subject),
      stage: z.enum(STAGES, { error: '请选择学段' }),
      region: z.string().min(1, '请选择所在地区的政策文件'),
      // Free text, not matched against any policy: the handbook holds seven regions' documents,
      // and a teacher anywhere else must still be able to say where they work.
      regionOther: z
        .string()
        .trim()
        .max(PROFILE_MAX_LENGTH.regionOther, `地区名称不能超过 ${PROFILE_MAX_LENGTH.regionOther} 个字`)
        .optional(),
      environment: z.enum(ENVIRONMENTS, { error: '请选择教学环境' }),
    })
    .superRefine((profile, ctx) => {
      if (profile.region === OTHER_REGION && (profile.regionOther ?? '') === '') {
        ctx.addIssue({
          code: 'custom',
          path: ['regionOther'],
          message: '请填写所在地区，例如“某某省某某市某某县”',
        });
      }
    }),
);

export type Profile = z.infer<typeof profileSchema>;

/** The profile's fields in the order the form shows them: the first one with a message gets the focus. */
export const PROFILE_FIELDS = [
  'name',
  'school',
  'subject',
  'stage',
  'region',
  'regionOther',
  'environment',
] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];
export type ProfileErrors = Partial<Record<ProfileField, string>>;
/** The fields as typed, before the schema has read them. */
export type ProfileValues = Readonly<Partial<Record<ProfileField, string | undefined>>>;

/**
 * What the profile step says under each field for the values typed: the schema's first message
 * per field, or nothing when the step is complete. Checked as each field is typed and again on
 * 下一步 (the wizard keeps no form library in its first load for this one form).
 */
export function profileErrors(values: ProfileValues): ProfileErrors {
  const parsed = profileSchema.safeParse(values);
  if (parsed.success) return {};
  const errors: ProfileErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (typeof field === 'string' && (PROFILE_FIELDS as readonly string[]).includes(field)) {
      errors[field as ProfileField] ??= issue.message;
    }
  }
  return errors;
}

/** The first field, in the form's order, that has a message. */
export function firstInvalid(errors: ProfileErrors): ProfileField | undefined {
  return PROFILE_FIELDS.find((f) => errors[f] !== undefined);
}
