import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { abilitySchema, policySchema } from '../../../src/content.config';
import { emptyDraft, OTHER_REGION, type Draft } from '../../../src/lib/self-check/draft';
import { gradeAbility, rubricFromAbility } from '../../../src/lib/grading/grading';
import { DEFAULT_STAGES, packetColumn } from '../../../src/lib/content/review-stages';
import {
  buildPacket,
  missingCharacters,
  packetFilename,
  packetText,
  regionPath,
  type PacketAbility,
  type PacketReview,
} from '../../../src/lib/pdf/packet';
import type { PolicyData } from '../../../src/lib/content/policies';
import { readCollection } from '../../support/content-files';

const abilities: PacketAbility[] = readCollection('abilities', '.mdx').map((f) => {
  const data = abilitySchema.parse(f.data);
  const gradable = data.evidence.length > 0 && data.evidence.every((e) => e.graded !== 'unknown');
  return { code: data.code, name: data.name, rubric: gradable ? rubricFromAbility(data) : undefined };
});
const at = new Date(2026, 10, 23, 9, 5);

function c5Draft(): Draft {
  const d = emptyDraft(at);
  return {
    ...d,
    profile: {
      name: '王晓红',
      school: '徐水区特殊教育学校',
      subject: '语文',
      stage: '特殊教育',
      region: 'xushui',
      environment: '智慧学习环境',
    },
    abilities: ['C5', 'A2'],
    evidence: {
      C5: {
        chosen: {},
        items: {
          scenario: { present: true, title: '情景', files: [], excellent: [], pass: [] },
          'case-video': {
            present: true,
            title: '个别化指导案例',
            files: [
              {
                name: 'case.mp4',
                type: 'video/mp4',
                size: 5 * 1024 * 1024,
                durationSeconds: 540,
                sha256: 'a'.repeat(64),
              },
            ],
            teacherOnCamera: true,
            pass: [0, 1, 2, 3, 4],
            excellent: [0],
          },
          'student-accounts': {
            present: true,
            files: [
              { name: 's1.m4a', type: 'audio/mp4', size: 1000, durationSeconds: 90 },
              { name: 's2.m4a', type: 'audio/mp4', size: 1000, durationSeconds: 100 },
            ],
            excellent: [],
            pass: [],
          },
        },
        reflection: '数据帮助我看到了学生的差异。',
      },
    },
  };
}

/** The C5 evidence rows of the packet of `draft`. */
const c5Rows = (draft: Draft) =>
  buildPacket({
    draft,
    abilities,
    regionName: '徐水区',
    generatedAt: at,
    siteVersion: '0.1.0',
  }).sections.find((s) => s.code === 'C5')?.evidence;

describe('buildPacket', () => {
  const packet = buildPacket({
    draft: c5Draft(),
    abilities,
    regionName: '徐水区',
    generatedAt: at,
    siteVersion: '0.1.0',
  });

  it('names the file after the teacher and the date', () => {
    expect(packet.filename).toBe('微能力自评_王晓红_20261123.pdf');
  });

  it('puts teacher, school, subject, region, date, the abilities and the overall grade on the cover', () => {
    expect(Object.fromEntries(packet.cover.fields)).toMatchObject({
      教师: '王晓红',
      学校: '徐水区特殊教育学校',
      任教学科: '语文',
      地区: '徐水区',
      日期: '2026年11月23日',
    });
    expect(packet.cover.abilities).toEqual([
      { code: 'A2', name: '数字教育资源获取与评价', gradeText: '未评定（评价标准未收录）' },
      { code: 'C5', name: '基于数据的个别化指导', gradeText: '合格' },
    ]);
    expect(packet.cover.overallText).toBe('未评定');
  });

  it('prints the grade grading.ts gives, with its reasons', () => {
    const c5 = packet.sections.find((s) => s.code === 'C5');
    const rubric = abilities.find((a) => a.code === 'C5')?.rubric;
    expect(rubric).toBeDefined();
    if (!rubric) throw new Error('C5 has a rubric');
    const expected = gradeAbility(rubric, c5Draft().evidence['C5']);
    expect(c5?.grade).toBe(expected.grade);
    expect(c5?.reasons).toEqual(expected.reasons);
    expect(c5?.rubricOrigin).toBe('本手册');
  });

  it('has one evidence row per file, with size, duration and SHA-256', () => {
    const rows = packet.sections.find((s) => s.code === 'C5')?.evidence ?? [];
    expect(rows.map((r) => [r.item, r.fileName, r.size, r.duration])).toEqual([
      ['1. 情景描述', '（未选择文件）', '—', '—'],
      ['2. 案例展示', 'case.mp4', '5.0 MB', '9 分 0 秒'],
      ['3. 学生体会', 's1.m4a', '1000 B', '1 分 30 秒'],
      ['3. 学生体会', 's2.m4a', '1000 B', '1 分 40 秒'],
    ]);
    expect(rows[1]?.sha256).toBe('a'.repeat(64));
  });

  it('prints a file name with a right-to-left override as spelled, the control shown as a mark', () => {
    const draft = c5Draft();
    const clip = draft.evidence['C5']?.items['case-video']?.files[0];
    if (!clip) throw new Error('the fixture has a case video file');
    clip.name = 'evil\u202Egpm.exe';
    const rows = c5Rows(draft);
    expect(rows?.map((r) => r.fileName)).toContain('evil[U+202E]gpm.exe');
  });

  it('lists the files of an item typed out but not ticked ready, as the grade counts them', () => {
    const draft = c5Draft();
    const accounts = draft.evidence['C5']?.items['student-accounts'];
    if (!accounts) throw new Error('the fixture has student accounts');
    Object.assign(accounts, { present: false, title: '学生体会', description: '两位学生的录音' });
    const rows = c5Rows(draft);
    expect(rows?.filter((r) => r.item === '3. 学生体会').map((r) => r.fileName)).toEqual([
      's1.m4a',
      's2.m4a',
    ]);
    accounts.description = '';
    const missing = c5Rows(draft);
    expect(missing?.filter((r) => r.item === '3. 学生体会').map((r) => r.fileName)).toEqual(['（缺交）']);
  });

  it('lists every criterion with whether it was ticked', () => {
    const criteria = packet.sections.find((s) => s.code === 'C5')?.criteria ?? [];
    expect(criteria.filter((c) => c.level === '合格').every((c) => c.met)).toBe(true);
    expect(criteria.filter((c) => c.level === '优秀').map((c) => c.met)).toEqual([
      true,
      false,
      false,
      false,
      false,
    ]);
  });

  it('keeps the reflection, blank review columns and the footer', () => {
    expect(packet.sections.find((s) => s.code === 'C5')?.reflection).toBe('数据帮助我看到了学生的差异。');
    expect(packet.reviewColumns).toEqual(['组内互评', '复评']);
    expect(packet.footer).toEqual({ generatedAt: '2026年11月23日 09:05', version: '0.1.0' });
  });

  it('says which rubric the teacher entered', () => {
    const draft = c5Draft();
    draft.customRubrics['A2'] = {
      code: 'A2',
      name: '数字教育资源获取与评价',
      origin: '教师录入',
      alternativeGroups: [],
      items: [
        {
          id: 'item-1',
          label: '1',
          name: '报告',
          forms: ['文本'],
          required: true,
          graded: true,
          limits: {},
          criteria: { excellent: ['甲'], pass: ['乙'] },
        },
      ],
    };
    const a2 = buildPacket({
      draft,
      abilities,
      regionName: undefined,
      generatedAt: at,
      siteVersion: 'x',
    }).sections.find((s) => s.code === 'A2');
    expect(a2?.rubricOrigin).toBe('教师录入（按本地考核指南）');
    expect(a2?.gradeText).toBe('不合格');
  });
});

describe('packetFilename', () => {
  it('replaces characters file systems refuse and names an empty teacher', () => {
    expect(packetFilename('王/老:师*', at)).toBe('微能力自评_王_老_师__20261123.pdf');
    expect(packetFilename('  ', at)).toBe('微能力自评_未署名_20261123.pdf');
  });
  it('never yields a path separator, whatever the name', () => {
    fc.assert(
      fc.property(fc.string(), (name) => {
        expect(packetFilename(name, at)).not.toMatch(/[\\/:*?"<>|]/);
      }),
    );
  });
});

describe('missingCharacters', () => {
  it('lists each character the font lacks once, ignoring spaces', () => {
    expect(missingCharacters('王 㺭老师㺭', new Set(['王', '老', '师']))).toEqual(['㺭']);
  });
  it('finds the teacher’s name among the packet’s text', () => {
    const draft = c5Draft();
    draft.profile.name = '王㺭';
    const text = packetText(
      buildPacket({ draft, abilities, regionName: '徐水区', generatedAt: at, siteVersion: '1' }),
    );
    expect(missingCharacters(text, new Set([...text].filter((c) => c !== '㺭')))).toEqual(['㺭']);
  });
});

const packetOf = (draft: Draft, reviews?: PacketReview[]) =>
  buildPacket({ draft, abilities, regionName: undefined, generatedAt: at, siteVersion: '1', reviews });

describe('regionPath', () => {
  const policies = readCollection('policies', '.mdx').map((f) => ({
    slug: f.name.replace(/\.mdx$/, ''),
    data: policySchema.parse(f.data) as PolicyData,
  }));

  it('prints a district with its city and province, from the policy tree', () => {
    expect(regionPath(policies, 'xushui')).toBe('河北省保定市徐水区');
    expect(regionPath(policies, 'baoding')).toBe('河北省保定市');
    expect(regionPath(policies, 'hebei')).toBe('河北省');
  });
  it('leaves out 国家 and knows no region it was not given', () => {
    expect(regionPath(policies, 'guangzhou')).toBe('广州市');
    expect(regionPath(policies, 'national')).toBe('');
    expect(regionPath(policies, 'nowhere')).toBeUndefined();
  });
});

describe('page headers', () => {
  it('names the ability on its pages and says the cover is the overview', () => {
    const packet = packetOf(c5Draft());
    expect(packet.cover.pageLabel).toBe('封面与总览（全部微能力点）');
    expect(packet.sections.map((s) => s.pageLabel)).toEqual([
      'A2 数字教育资源获取与评价',
      'C5 基于数据的个别化指导',
    ]);
  });
});

describe('descriptions (the text a teacher wrote is the evidence)', () => {
  it('prints every item’s description in full and points the evidence row at it', () => {
    const draft = c5Draft();
    const long = '我们班有一名自闭症学生。'.repeat(150);
    const scenario = draft.evidence['C5']?.items['scenario'];
    if (!scenario) throw new Error('fixture has a scenario');
    scenario.description = `  ${long}\n第二段。  `;
    const c5 = packetOf(draft).sections.find((s) => s.code === 'C5');
    expect(c5?.descriptions).toEqual([{ item: '1. 情景描述', title: '情景', text: `${long}\n第二段。` }]);
    expect(c5?.evidence[0]?.fileName).toBe('（文字说明，全文见“证据说明”）');
  });
  it('has none for items left without a description', () => {
    const c5 = packetOf(c5Draft()).sections.find((s) => s.code === 'C5');
    expect(c5?.descriptions).toEqual([]);
  });
});

describe('review stages', () => {
  const reviews: PacketReview[] = [
    {
      stage: '组内互评',
      reviewer: '李老师',
      date: '2026年11月30日',
      abilities: {
        C5: {
          grade: '合格',
          comment: '案例完整，建议补充学生前测数据。',
          items: {
            'case-video': { grade: '合格', comment: '出镜清楚', pass: [0, 1, 2, 3, 4], excellent: [1] },
          },
        },
      },
    },
  ];
  const build = (r?: PacketReview[]) => packetOf(c5Draft(), r);

  it('leaves every column and grade box blank without reviews', () => {
    const packet = build();
    expect(packet.reviewColumns).toEqual(['组内互评', '复评']);
    for (const s of packet.sections) {
      expect(s.reviewBoxes).toEqual([
        { stage: '组内互评', reviewer: '', date: '', grade: undefined, comment: '' },
        { stage: '复评', reviewer: '', date: '', grade: undefined, comment: '' },
      ]);
      for (const i of s.items) expect(i.reviews.every((r) => r.status === '' && r.comment === '')).toBe(true);
      for (const c of s.criteria) expect(c.reviews).toEqual(['', '']);
    }
  });

  it('fills the reviewed stage for the reviewed ability only, with reviewer, date, grade and comments', () => {
    const packet = build(reviews);
    const c5 = packet.sections.find((s) => s.code === 'C5');
    expect(c5?.reviewBoxes[0]).toEqual({
      stage: '组内互评',
      reviewer: '李老师',
      date: '2026年11月30日',
      grade: '合格',
      comment: '案例完整，建议补充学生前测数据。',
    });
    expect(c5?.reviewBoxes[1]).toEqual({
      stage: '复评',
      reviewer: '',
      date: '',
      grade: undefined,
      comment: '',
    });
    expect(c5?.items.find((i) => i.itemId === 'case-video')?.reviews).toEqual([
      { stage: '组内互评', status: '合格', comment: '出镜清楚' },
      { stage: '复评', status: '', comment: '' },
    ]);
    expect(c5?.items.find((i) => i.itemId === 'scenario')?.reviews[0]).toEqual({
      stage: '组内互评',
      status: '',
      comment: '',
    });
    const video = c5?.criteria.filter((c) => c.item === '2. 案例展示') ?? [];
    expect(video.filter((c) => c.level === '合格').map((c) => c.reviews)).toEqual(
      Array.from({ length: 5 }, () => ['满足', '']),
    );
    // 优秀 #1 is 合格 #1 word for word: the reviewer's 合格 tick meets it (effectiveTicks).
    expect(video.filter((c) => c.level === '优秀').map((c) => c.reviews[0])).toEqual([
      '满足',
      '满足',
      '未满足',
      '未满足',
      '未满足',
    ]);
    // Ticks the stage did not record stay blank for a pen.
    const accounts = c5?.criteria.filter((c) => c.item === '3. 学生体会') ?? [];
    expect(accounts.every((c) => c.reviews.every((r) => r === ''))).toBe(true);
    const a2 = packet.sections.find((s) => s.code === 'A2');
    expect(a2?.reviewBoxes[0]).toMatchObject({ reviewer: '', grade: undefined });
    expect(packetText(packet)).toContain('案例完整，建议补充学生前测数据。');
  });

  it('adds a column for a stage beyond the two printed ones; the first review of a stage wins', () => {
    const packet = build([
      ...reviews,
      { stage: '组内互评', reviewer: '王老师', date: '', abilities: { C5: { grade: '优秀' } } },
      { stage: '县级审核', reviewer: '赵老师', date: '2026年12月5日', abilities: { C5: { grade: '合格' } } },
    ]);
    expect(packet.reviewColumns).toEqual(['组内互评', '复评', '县级审核']);
    const c5 = packet.sections.find((s) => s.code === 'C5');
    expect(c5?.reviewBoxes.map((b) => [b.stage, b.reviewer, b.grade])).toEqual([
      ['组内互评', '李老师', '合格'],
      ['复评', '', undefined],
      ['县级审核', '赵老师', '合格'],
    ]);
    expect(c5?.items.every((i) => i.reviews.length === 3)).toBe(true);
  });

  it('names the file after the last stage filled in, as the review page’s PDF says which stage it is', () => {
    const peer = {
      stage: '教师组内互评',
      reviewer: '李老师',
      date: '',
      abilities: { C5: { grade: '合格' as const } },
    };
    const team = {
      stage: '信息化团队复评',
      reviewer: '周老师',
      date: '',
      abilities: { C5: { grade: '优秀' as const } },
    };
    expect(build([peer]).filename).toBe('微能力自评_王晓红_教师组内互评_20261123.pdf');
    // The 复评 PDF lists its own review first and the 组内互评 after it: column order decides.
    expect(build([team, peer]).filename).toBe('微能力自评_王晓红_信息化团队复评_20261123.pdf');
    expect(build([{ ...peer, stage: '县级/审核' }, team]).filename).toBe(
      '微能力自评_王晓红_县级_审核_20261123.pdf',
    );
    expect(build().filename).toBe('微能力自评_王晓红_20261123.pdf');
  });

  it('a stage fills the column the review page’s rule (packetColumn) gives it, whatever its name', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 12 }), (stage) => {
        const packet = build([{ stage, reviewer: '李老师', date: '', abilities: { C5: { grade: '合格' } } }]);
        const slot = DEFAULT_STAGES.indexOf(packetColumn(stage));
        if (slot >= 0) expect(packet.reviewColumns[slot]).toBe(stage);
        else expect(packet.reviewColumns).toEqual([...DEFAULT_STAGES, stage]);
        const box = packet.sections.find((x) => x.code === 'C5')?.reviewBoxes.find((b) => b.stage === stage);
        expect(box).toMatchObject({ reviewer: '李老师', grade: '合格' });
      }),
    );
    // 甲组互评 is a 互评 to the review page, so it fills the 组内互评 column here too.
    expect(build([{ stage: '甲组互评', reviewer: '', date: '', abilities: {} }]).reviewColumns).toEqual([
      '甲组互评',
      '复评',
    ]);
    // Two stages for one column: the one named exactly keeps it, the other gets its own.
    expect(
      build([
        { stage: '组内互评', reviewer: '', date: '', abilities: {} },
        { stage: '教研组内互评', reviewer: '', date: '', abilities: {} },
      ]).reviewColumns,
    ).toEqual(['组内互评', '复评', '教研组内互评']);
  });

  it('names a printed column after the stage that fills it (教师组内互评, 信息化团队复评)', () => {
    const packet = build([
      { stage: '信息化团队复评', reviewer: '周老师', date: '', abilities: { C5: { grade: '优秀' } } },
      { stage: '教师组内互评', reviewer: '李老师', date: '', abilities: { C5: { grade: '合格' } } },
    ]);
    expect(packet.reviewColumns).toEqual(['教师组内互评', '信息化团队复评']);
    const c5 = packet.sections.find((s) => s.code === 'C5');
    expect(c5?.reviewBoxes.map((b) => [b.stage, b.reviewer, b.grade])).toEqual([
      ['教师组内互评', '李老师', '合格'],
      ['信息化团队复评', '周老师', '优秀'],
    ]);
  });
});

describe('where the region and the rubric come from', () => {
  it('prints 其他地区 as the teacher typed it', () => {
    const draft = c5Draft();
    draft.profile.region = OTHER_REGION;
    draft.profile.regionOther = '  浙江省温州市鹿城区 ';
    const packet = buildPacket({ draft, abilities, regionName: '徐水区', generatedAt: at, siteVersion: '1' });
    expect(Object.fromEntries(packet.cover.fields)['地区']).toBe('浙江省温州市鹿城区');
  });

  it('names a school rubric’s source guide, its number and who entered it', () => {
    const c5 = abilities.find((a) => a.code === 'C5');
    if (!c5?.rubric) throw new Error('C5 has a rubric');
    const schoolC5: PacketAbility = {
      ...c5,
      rubric: { ...c5.rubric, origin: '学校文件' },
      source: {
        title: '某省中小学校本应用考核指南（示例）',
        number: '某教〔2021〕1号',
        enteredBy: '徐水区实验小学信息化管理团队',
        enteredAt: '2026-11',
      },
    };
    const section = buildPacket({
      draft: c5Draft(),
      abilities: [schoolC5],
      regionName: undefined,
      generatedAt: at,
      siteVersion: '1',
    }).sections[0];
    expect(section?.rubricOrigin).toBe('学校录入（按本地考核指南）');
    expect(section?.rubricSource).toBe(
      '《某省中小学校本应用考核指南（示例）》（某教〔2021〕1号），由徐水区实验小学信息化管理团队录入',
    );
  });

  it('names no source for the handbook’s own rubric', () => {
    expect(packetOf(c5Draft()).sections.every((s) => s.rubricSource === undefined)).toBe(true);
  });
});

describe('a criterion in both lists (the greyed 优秀 box, 勾选一次即可)', () => {
  // C6 模型介绍: 优秀 #1 is word for word 合格 #1. The wizard ticks it once, in the 合格 list.
  const c6Draft = (): Draft => ({
    ...c5Draft(),
    abilities: ['C6'],
    evidence: {
      C6: {
        chosen: {},
        items: {
          'model-introduction': {
            present: false,
            title: '学习风格自测问卷模型',
            description: '介绍模型的背景、功能和适用对象。',
            files: [],
            pass: [0, 1, 2],
            excellent: [1, 2, 3, 4],
          },
        },
      },
    },
  });
  const review: PacketReview = {
    stage: '组内互评',
    reviewer: '李老师',
    date: '2026年11月30日',
    abilities: {
      C6: { items: { 'model-introduction': { grade: '优秀', pass: [0, 1, 2], excellent: [1, 2, 3, 4] } } },
    },
  };
  const section = packetOf(c6Draft(), [review]).sections.find((s) => s.code === 'C6');
  const intro = section?.criteria.filter((c) => c.item === '1. 模型介绍') ?? [];

  it('prints it 满足 under 优秀 when the item is 优秀, for the teacher and for the reviewer', () => {
    expect(section?.items.find((i) => i.itemId === 'model-introduction')?.status).toBe('优秀');
    const excellent = intro.filter((c) => c.level === '优秀');
    expect(excellent).toHaveLength(5);
    expect(excellent.map((c) => c.met)).toEqual([true, true, true, true, true]);
    expect(excellent.map((c) => c.reviews[0])).toEqual(['满足', '满足', '满足', '满足', '满足']);
  });

  it('prints it 满足 under 合格 when only its 优秀 box was ticked (an older file)', () => {
    const draft = c6Draft();
    const item = draft.evidence['C6']?.items['model-introduction'];
    if (!item) throw new Error('the fixture has the item');
    Object.assign(item, { pass: [1, 2], excellent: [0] });
    const lines = packetOf(draft).sections.find((s) => s.code === 'C6')?.criteria ?? [];
    const pass = lines.filter((c) => c.item === '1. 模型介绍' && c.level === '合格');
    expect(pass.map((c) => c.met)).toEqual([true, true, true]);
  });
});

describe('an item with a description only (no title, not ticked ready)', () => {
  it('is listed 缺交, as it is graded, not as text evidence; the text is still printed', () => {
    const draft = c5Draft();
    const scenario = draft.evidence['C5']?.items['scenario'];
    if (!scenario) throw new Error('the fixture has a scenario');
    Object.assign(scenario, { present: false, title: '', description: '三个层次的学生' });
    const c5 = packetOf(draft).sections.find((s) => s.code === 'C5');
    expect(c5?.items.find((i) => i.itemId === 'scenario')?.reasons).toEqual(['「情景描述」缺交']);
    expect(c5?.evidence.find((r) => r.item === '1. 情景描述')?.fileName).toBe('（缺交）');
    expect(c5?.descriptions.map((d) => d.text)).toEqual(['三个层次的学生']);
  });
});
