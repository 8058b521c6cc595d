import { describe, expect, it } from 'vitest';
import { chineseNumber, formsFromText, limitsFromText } from '../../../../src/lib/rubrics/guide/guide-limits';

describe('limitsFromText: durations', () => {
  it.each([
    ['以视频形式提交,时间不超过 10 分钟。', 10, ''],
    ['以音频或视频方式提交,时间不超于 2 分钟。', 2, ''],
    ['时间原则上不超过 10分钟。', 10, '原则上'],
    ['视频一般不超过十五分钟', 15, '一般'],
    ['时长控制在５分钟以内', 5, ''],
    ['视频时长 8 分钟以内', 8, ''],
    ['每段不超过90秒', 1.5, ''],
  ])('%s → %s minutes %s', (text, minutes, qualifier) => {
    const limits = limitsFromText(text);
    expect(limits.maxMinutes).toBe(minutes);
    expect(limits.qualifier).toBe(qualifier);
    expect(limits.doubts).toEqual([]);
  });

  it('a range keeps the upper bound and says the lower one is not checked', () => {
    const limits = limitsFromText('以视频形式提交,时长 5—8 分钟。');
    expect(limits.maxMinutes).toBe(8);
    expect(limits.doubts.join('')).toContain('最短时长');
  });

  it('a time that is not a limit is left for a person, not guessed', () => {
    const limits = limitsFromText('课堂实录中选取 3 分钟的片段进行说明。');
    expect(limits.maxMinutes).toBeUndefined();
    expect(limits.doubts.join('')).toContain('3 分钟');
  });

  it('two different limits in one item: the longer is filled in and flagged', () => {
    const limits = limitsFromText('教师讲解不超过 5 分钟,学生展示不超过 3 分钟。');
    expect(limits.maxMinutes).toBe(5);
    expect(limits.doubts).toHaveLength(1);
  });
});

describe('limitsFromText: the teacher on camera', () => {
  it.each(['需出现教师个人形象', '须出现教师本人形象', '教师需出镜', '视频中应出现教师画面'])(
    '%s → required',
    (text) => {
      expect(limitsFromText(text).teacherOnCamera).toBe(true);
    },
  );
  it.each(['教师无需出镜', '可不出镜'])('%s → not required, no doubt', (text) => {
    const limits = limitsFromText(text);
    expect(limits.teacherOnCamera).toBe(false);
    expect(limits.doubts).toEqual([]);
  });
  it('建议出镜 is not a hard requirement: unticked and flagged', () => {
    const limits = limitsFromText('建议教师出镜讲解');
    expect(limits.teacherOnCamera).toBe(false);
    expect(limits.doubts).toHaveLength(1);
  });
});

describe('limitsFromText: counts', () => {
  it.each([
    ['请两位学生回顾上述学习过程', 2],
    ['提交两份学生的创造性学习与表达作品', 2],
    ['提交 2 份学生/小组对学习过程的描述', 2],
    ['选取3个典型案例', 3],
    ['提交十篇学生日记', 10],
  ])('%s → %s', (text, count) => {
    expect(limitsFromText(text).count).toBe(count);
  });
  it.each(['展示一个上述模型的应用案例', '选择一种数据分析模型', '第2个环节'])('%s → no count', (text) => {
    expect(limitsFromText(text).count).toBeUndefined();
  });
  it('two different counts are flagged, not filled in', () => {
    const limits = limitsFromText('提交两份教案和三份学生作品');
    expect(limits.count).toBeUndefined();
    expect(limits.doubts).toHaveLength(1);
  });
});

describe('formsFromText', () => {
  it.each([
    ['以视频形式提交', ['视频']],
    ['以音频或视频方式提交', ['视频', '音频']],
    ['提交录音', ['音频']],
    ['建议结合图文进行呈现', ['文本', '图片']],
    ['建议用图示化的方式呈现模型结构或关系', ['文本', '图片']],
    ['提交两份学生的创造性学习与表达作品', ['学生作品']],
    ['简要描述活动发生的情景', ['文本']],
  ])('%s → %j', (text, forms) => {
    expect(formsFromText(text)).toEqual(forms);
  });
});

describe('chineseNumber', () => {
  it.each([
    ['10', 10],
    ['１０', 10],
    ['两', 2],
    ['十', 10],
    ['十五', 15],
    ['二十', 20],
    ['三十五', 35],
  ])('%s → %s', (text, n) => expect(chineseNumber(text)).toBe(n));
  it.each(['', '十十', '百', 'abc'])('%s → undefined', (text) => expect(chineseNumber(text)).toBeUndefined());
});
