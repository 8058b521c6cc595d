import { describe, expect, it } from 'vitest';
import { sourceFromPreamble, withGuideSource } from '../../../../src/lib/rubrics/guide/guide-source';
import { emptySource } from '../../../../src/lib/rubrics/rubric-editor';

describe('sourceFromPreamble', () => {
  it('reads the title, 文号, issuer and year printed before the first ability', () => {
    expect(
      sourceFromPreamble([
        '河北省教育厅',
        '河北省中小学教师信息技术应用能力提升工程2.0校本应用考核指南',
        '师处函〔2021〕28号',
        '一、考核说明',
      ]),
    ).toEqual({
      issuer: '河北省教育厅',
      title: '河北省中小学教师信息技术应用能力提升工程2.0校本应用考核指南',
      number: '师处函〔2021〕28号',
      year: '2021',
    });
  });

  it('reads a 文号 in other brackets and full-width digits', () => {
    expect(sourceFromPreamble(['某教[２０２２]３号']).number).toBe('某教[２０２２]３号');
  });

  it('guesses nothing from a compilation that is not a 考核指南', () => {
    expect(
      sourceFromPreamble(['徐水区特殊教育学校信息技术能力提升工程2.0培训学习资料汇编', '发布时间:2023-1-10']),
    ).toEqual({});
  });
});

describe('withGuideSource', () => {
  it('fills empty fields and names, without overwriting, the ones a person typed differently', () => {
    const current = {
      ...emptySource(new Date('2026-12-07')),
      title: '我们录入的标题',
      enteredBy: '信息中心',
    };
    const { source, differing } = withGuideSource(current, {
      title: '文件中的标题',
      number: '某教〔2021〕5号',
      year: '2021',
    });
    expect(source.title).toBe('我们录入的标题');
    expect(source.number).toBe('某教〔2021〕5号');
    expect(source.year).toBe('2021');
    expect(source.enteredBy).toBe('信息中心');
    expect(differing).toEqual(['考核指南名称（文件中是“文件中的标题”）']);
  });
});
