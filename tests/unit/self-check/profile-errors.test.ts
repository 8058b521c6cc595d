import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ENVIRONMENTS } from '../../../src/lib/content/taxonomy';
import {
  firstInvalid,
  OTHER_REGION,
  PROFILE_FIELDS,
  PROFILE_MAX_LENGTH,
  profileErrors,
  profileSchema,
  STAGES,
} from '../../../src/lib/self-check/profile';

const complete = {
  name: '王晓红',
  school: '徐水区特殊教育学校',
  subject: '语文',
  stage: STAGES[0],
  region: 'xushui',
  regionOther: undefined,
  environment: ENVIRONMENTS[0],
};

describe('profileErrors', () => {
  it('says nothing for a complete profile', () => {
    expect(profileErrors(complete)).toEqual({});
  });

  it('names every missing field in Chinese, and the first in the form gets the focus', () => {
    const errors = profileErrors({
      name: '',
      school: '',
      subject: '',
      stage: '',
      region: '',
      environment: '',
    });
    expect(errors).toEqual({
      name: '请填写姓名',
      school: '请填写学校',
      subject: '请填写任教学科',
      stage: '请选择学段',
      region: '请选择所在地区的政策文件',
      environment: '请选择教学环境',
    });
    expect(firstInvalid(errors)).toBe('name');
    expect(firstInvalid({ environment: '请选择教学环境', stage: '请选择学段' })).toBe('stage');
    expect(firstInvalid({})).toBeUndefined();
  });

  it('asks for the place when 其他地区 is chosen, and not once it is typed', () => {
    expect(profileErrors({ ...complete, region: OTHER_REGION })).toEqual({
      regionOther: '请填写所在地区，例如“某某省某某市某某县”',
    });
    expect(profileErrors({ ...complete, region: OTHER_REGION, regionOther: '四川省成都市武侯区' })).toEqual(
      {},
    );
  });

  it('says a name is too long, with the limit', () => {
    expect(profileErrors({ ...complete, name: '王'.repeat(PROFILE_MAX_LENGTH.name + 1) }).name).toBe(
      `姓名不能超过 ${PROFILE_MAX_LENGTH.name} 个字`,
    );
  });

  it('for any typed values, has a message exactly when the schema refuses them, only for the form’s fields', () => {
    const text = fc.oneof(fc.string({ maxLength: 70 }), fc.constant(''), fc.constant('  '));
    fc.assert(
      fc.property(
        fc.record({
          name: text,
          school: text,
          subject: text,
          stage: fc.oneof(fc.constantFrom('', ...STAGES), fc.string()),
          region: fc.oneof(fc.constantFrom('', 'xushui', OTHER_REGION), fc.string()),
          regionOther: fc.option(text, { nil: undefined }),
          environment: fc.oneof(fc.constantFrom('', ...ENVIRONMENTS), fc.string()),
        }),
        (values) => {
          const errors = profileErrors(values);
          const keys = Object.keys(errors);
          expect(keys.length === 0).toBe(profileSchema.safeParse(values).success);
          for (const key of keys) expect(PROFILE_FIELDS).toContain(key);
          for (const message of Object.values(errors)) expect(message).toMatch(/[\u4e00-\u9fff]/);
        },
      ),
    );
  });
});
