import { describe, expect, it } from 'vitest';
import { OTHER_REGION, PROFILE_MAX_LENGTH, profileSchema } from '../../../src/lib/self-check/profile';
import { checkSelection } from '../../../src/lib/self-check/selection';

describe('checkSelection', () => {
  const rule = { minAbilities: 3, requiredDimensions: ['学情分析', '学业评价'], text: '每人至少 3 个' };
  it('says nothing when the policy states no rule', () => {
    expect(checkSelection(undefined, [{ code: 'A1', dimension: '学情分析' }])).toBeUndefined();
  });
  it('reports too few abilities and uncovered dimensions', () => {
    const check = checkSelection(rule, [{ code: 'A1', dimension: '学情分析' }]);
    expect(check?.met).toBe(false);
    expect(check?.messages).toEqual([
      '至少须选择 3 个微能力点，目前选了 1 个。',
      '还须覆盖能力维度：学业评价。',
    ]);
  });
  it('is met when both hold', () => {
    const chosen = [
      { code: 'A1', dimension: '学情分析' },
      { code: 'A5', dimension: '教学设计' },
      { code: 'C6', dimension: '学业评价' },
    ];
    expect(checkSelection(rule, chosen)).toEqual({ met: true, messages: [] });
  });
});

describe('profileSchema', () => {
  const valid = {
    name: '王老师',
    school: '徐水区特殊教育学校',
    subject: '语文',
    stage: '特殊教育',
    region: 'xushui',
    environment: '智慧学习环境',
  };
  it('accepts a complete profile, trimming spaces', () => {
    expect(profileSchema.parse({ ...valid, name: '  王老师 ' }).name).toBe('王老师');
  });
  it('explains each missing field in Chinese', () => {
    const result = profileSchema.safeParse({
      name: ' ',
      school: '',
      subject: '',
      stage: '',
      region: '',
      environment: '',
    });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries(
      (result.error?.issues ?? []).map((i) => [String(i.path[0]), i.message]),
    );
    expect(messages).toEqual({
      name: '请填写姓名',
      school: '请填写学校',
      subject: '请填写任教学科',
      stage: '请选择学段',
      region: '请选择所在地区的政策文件',
      environment: '请选择教学环境',
    });
  });
  it('refuses over-long values', () => {
    expect(profileSchema.safeParse({ ...valid, name: '王'.repeat(31) }).error?.issues[0]?.message).toBe(
      '姓名不能超过 30 个字',
    );
  });
  it('takes exactly as many characters as the form’s inputs let a teacher type, for every field', () => {
    for (const [field, max] of Object.entries(PROFILE_MAX_LENGTH)) {
      const base = field === 'regionOther' ? { ...valid, region: OTHER_REGION } : valid;
      expect(profileSchema.safeParse({ ...base, [field]: '字'.repeat(max) }).success, field).toBe(true);
      expect(profileSchema.safeParse({ ...base, [field]: '字'.repeat(max + 1) }).success, field).toBe(false);
    }
  });
});
