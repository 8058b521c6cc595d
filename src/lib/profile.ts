/** The teacher's profile as the wizard requires it before moving on; messages are shown as they are. */
import { z } from 'zod';
import { STAGES } from './draft';
import { ENVIRONMENTS } from './taxonomy';

export { STAGES };

const required = (label: string, max: number) =>
  z.string().trim().min(1, `请填写${label}`).max(max, `${label}不能超过 ${max} 个字`);

export const profileSchema = z.object({
  name: required('姓名', 30),
  school: required('学校', 60),
  subject: required('任教学科', 30),
  stage: z.enum(STAGES, { error: '请选择学段' }),
  region: z.string().min(1, '请选择所在地区的政策文件'),
  environment: z.enum(ENVIRONMENTS, { error: '请选择教学环境' }),
});

export type Profile = z.infer<typeof profileSchema>;
