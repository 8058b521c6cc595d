/** The teacher's profile as the wizard requires it before moving on; messages are shown as they are. */
import { z } from 'zod';
import { OTHER_REGION, STAGES } from './draft';
import { ENVIRONMENTS } from './taxonomy';

export { OTHER_REGION, STAGES };

const required = (label: string, max: number) =>
  z.string().trim().min(1, `请填写${label}`).max(max, `${label}不能超过 ${max} 个字`);

export const profileSchema = z
  .object({
    name: required('姓名', 30),
    school: required('学校', 60),
    subject: required('任教学科', 30),
    stage: z.enum(STAGES, { error: '请选择学段' }),
    region: z.string().min(1, '请选择所在地区的政策文件'),
    // Free text, not matched against any policy: the handbook holds seven regions' documents,
    // and a teacher anywhere else must still be able to say where they work.
    regionOther: z.string().trim().max(60, '地区名称不能超过 60 个字').optional(),
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
  });

export type Profile = z.infer<typeof profileSchema>;
