import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { abilitySchema } from '../../../src/content.config';
import {
  UNKNOWN_CRITERIA_REASON,
  distinctPieces,
  duplicateOf,
  fileFitsForms,
  formatDuration,
  gradeAbility,
  gradeItem,
  gradeRank,
  isPresent,
  nextSteps,
  overallGrade,
  pieceWarnings,
  rubricFromAbility,
  sharedWithPass,
  type AbilityEvidence,
  type AbilityResult,
  type EvidenceFile,
  type Grade,
  type ItemEvidence,
  type ItemStatus,
  type Rubric,
  type RubricItem,
} from '../../../src/lib/grading/grading';
import { readCollection } from '../../support/content-files';
import { caseArb, itemArb, itemEvidenceArb } from '../../support/grading-arbitraries';

const abilities = readCollection('abilities', '.mdx');

function rubricOf(code: string): Rubric {
  const file = abilities.find((f) => f.data['code'] === code && f.data['variant'] === undefined);
  if (!file) throw new Error(`no ${code}`);
  return rubricFromAbility(abilitySchema.parse(file.data));
}

function itemOf(rubric: Rubric, id: string): RubricItem {
  const item = rubric.items.find((i) => i.id === id);
  if (!item) throw new Error(`no ${id} in ${rubric.code}`);
  return item;
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** Every criterion of the item ticked. */
function allTicked(item: RubricItem): Pick<ItemEvidence, 'excellent' | 'pass'> {
  return {
    excellent: range(item.criteria?.excellent.length ?? 0),
    pass: range(item.criteria?.pass.length ?? 0),
  };
}

function video(seconds: number | undefined, name = 'case.mp4'): EvidenceFile {
  return { name, type: 'video/mp4', size: 1000, durationSeconds: seconds };
}

function ev(extra: Partial<ItemEvidence> = {}): ItemEvidence {
  return { present: true, files: [], excellent: [], pass: [], ...extra };
}

const C5 = rubricOf('C5');
const C4 = rubricOf('C4');
const caseVideo = itemOf(C5, 'case-video');
const accounts = itemOf(C5, 'student-accounts');
const scenario = itemOf(C5, 'scenario');
const design = itemOf(C4, 'design');
const works = itemOf(C4, 'student-works');
const processVideos = itemOf(C4, 'process-videos');

/** C5 case video that meets every requirement; criteria as given. */
function goodCase(extra: Partial<ItemEvidence> = {}): ItemEvidence {
  return ev({ files: [video(300)], teacherOnCamera: true, ...allTicked(caseVideo), ...extra });
}

function goodAccounts(): ItemEvidence {
  return ev({
    files: [
      { name: 'a.m4a', type: 'audio/mp4', size: 10, durationSeconds: 100 },
      { name: 'b.mp4', type: 'video/mp4', size: 10, durationSeconds: 119 },
    ],
  });
}

function c5Evidence(items: Partial<Record<string, ItemEvidence>> = {}): AbilityEvidence {
  const all: Record<string, ItemEvidence> = {
    scenario: ev({ description: '初二数学' }),
    'case-video': goodCase(),
    'student-accounts': goodAccounts(),
  };
  const merged = Object.entries({ ...all, ...items }).filter(
    (entry): entry is [string, ItemEvidence] => entry[1] !== undefined,
  );
  return { chosen: {}, items: Object.fromEntries(merged) };
}

describe('rubricFromAbility', () => {
  it('takes the items, limits and groups of the content entry, with origin 手册', () => {
    expect(C5).toMatchObject({ code: 'C5', name: '基于数据的个别化指导', origin: '手册' });
    expect(C5.items.map((i) => i.id)).toEqual(['scenario', 'case-video', 'student-accounts']);
    expect(caseVideo.limits).toEqual({ maxMinutes: 10, teacherOnCamera: true });
    expect(caseVideo.required).toBe(true);
    expect(C4.alternativeGroups.map((g) => g.id)).toEqual(['student-case']);
    expect(works.alternativeGroup).toBe('student-case');
  });

  it('fills the schema defaults when given raw frontmatter', () => {
    const rubric = rubricFromAbility({
      code: 'A1',
      name: 'x',
      evidence: [{ id: 'a', label: '1', name: 'a', forms: ['文本'], graded: false }],
    });
    expect(rubric.alternativeGroups).toEqual([]);
    expect(rubric.items[0]).toMatchObject({ required: true, limits: {} });
  });
});

describe('gradeItem: missing evidence', () => {
  it('fails a required item with no evidence or not present', () => {
    for (const e of [undefined, ev({ present: false, files: [video(60)] })]) {
      expect(gradeItem(caseVideo, e)).toEqual({
        itemId: 'case-video',
        status: '不合格',
        graded: true,
        reasons: ['「案例展示」缺交'],
      });
    }
    expect(gradeItem(scenario, undefined)).toMatchObject({ status: '不合格', graded: false });
  });
});

describe('gradeItem: duration', () => {
  it('fails an 11-minute C5 case video with the duration, and passes a 6-minute (360 s) one under the 10-minute limit', () => {
    expect(gradeItem(caseVideo, goodCase({ files: [video(360)] })).status).toBe('优秀');
    expect(gradeItem(caseVideo, goodCase({ files: [video(660)] }))).toMatchObject({
      status: '不合格',
      reasons: ['「案例展示」时长 11 分 0 秒，超过 10 分钟的上限'],
    });
  });

  it('fails a 6-minute (360 s) video where the limit is 5, and passes 4 min 59 s and exactly 5 min', () => {
    const c = ev({ files: [video(360, 'a.mp4'), video(299, 'b.mp4')], ...allTicked(processVideos) });
    expect(gradeItem(processVideos, c)).toMatchObject({
      status: '不合格',
      reasons: ['「学习过程描述」“a.mp4”时长 6 分 0 秒，超过 5 分钟的上限'],
    });
    const ok = ev({ files: [video(300, 'a.mp4'), video(299, 'b.mp4')], ...allTicked(processVideos) });
    expect(gradeItem(processVideos, ok).status).toBe('优秀');
  });

  it('C5 case video: 9 min 59 s and exactly 600 s pass, 601 s fails (whole seconds, as a player shows them)', () => {
    expect(gradeItem(caseVideo, goodCase({ files: [video(599)] })).status).toBe('优秀');
    expect(gradeItem(caseVideo, goodCase({ files: [video(600)] })).status).toBe('优秀');
    expect(gradeItem(caseVideo, goodCase({ files: [video(600.4)] })).status).toBe('优秀');
    expect(gradeItem(caseVideo, goodCase({ files: [video(601)] })).reasons).toEqual([
      '「案例展示」时长 10 分 1 秒，超过 10 分钟的上限',
    ]);
  });

  it('applies the limit to each piece', () => {
    const e = ev({ files: [video(100, 'a.mp3'), video(130, 'b.mp3')] });
    expect(gradeItem(accounts, e)).toMatchObject({
      status: '不合格',
      reasons: ['「学生体会」“b.mp3”时长 2 分 10 秒，超过 2 分钟的上限'],
    });
  });

  it('uses the hand-entered minutes when no file has a duration', () => {
    const files = [video(undefined), video(Number.POSITIVE_INFINITY, 'rec.webm')];
    expect(gradeItem(caseVideo, goodCase({ files, manualMinutes: 9.5 })).status).toBe('优秀');
    expect(gradeItem(caseVideo, goodCase({ files: [], manualMinutes: 6 })).status).toBe('优秀');
    expect(gradeItem(caseVideo, goodCase({ files, manualMinutes: 12.25 })).reasons).toEqual([
      '「案例展示」时长 12 分 15 秒，超过 10 分钟的上限',
    ]);
  });

  it('fails a video whose duration is not known at all', () => {
    expect(gradeItem(caseVideo, goodCase({ files: [video(undefined)] }))).toMatchObject({
      status: '不合格',
      reasons: ['「案例展示」未提供时长，无法确认不超过 10 分钟（请选择文件或手动填写时长）'],
    });
  });

  it('says the qualifier of a softened limit', () => {
    const item: RubricItem = { ...caseVideo, limits: { maxMinutes: 5, maxMinutesQualifier: '一般' } };
    expect(gradeItem(item, goodCase({ files: [video(360)] })).reasons).toEqual([
      '「案例展示」时长 6 分 0 秒，超过一般 5 分钟的上限',
    ]);
    const rule: RubricItem = { ...item, limits: { maxMinutes: 10, maxMinutesQualifier: '原则上' } };
    expect(gradeItem(rule, goodCase({ files: [video(660)] })).reasons).toEqual([
      '「案例展示」时长 11 分 0 秒，超过原则上 10 分钟的上限',
    ]);
  });

  it('does not ask a text item for a duration', () => {
    const item: RubricItem = { ...scenario, limits: { maxMinutes: 3 } };
    expect(gradeItem(item, ev()).status).toBe('已提交');
  });
});

describe('gradeItem: form', () => {
  it('fails a file of a form the item does not take', () => {
    const e = ev({ files: [{ name: 'a.pdf', type: 'application/pdf', size: 1 }, ...goodAccounts().files] });
    expect(gradeItem(accounts, e)).toMatchObject({
      status: '不合格',
      reasons: ['「学生体会」形式不符：“a.pdf”不是音频或视频'],
    });
  });

  it('fails a file of unknown type where only media are taken, accepts it where any file is', () => {
    const unknown = { name: 'a', type: '', size: 1, durationSeconds: 60 };
    expect(gradeItem(accounts, ev({ files: [unknown, { ...unknown, name: 'b' }] })).reasons).toEqual([
      '「学生体会」无法识别文件类型：“a”（须为音频或视频）',
      '「学生体会」无法识别文件类型：“b”（须为音频或视频）',
    ]);
    expect(gradeItem(scenario, ev({ files: [unknown] })).status).toBe('已提交');
  });

  it('matches MIME families to forms', () => {
    expect(fileFitsForms('video/webm', ['视频'])).toBe(true);
    expect(fileFitsForms('audio/mpeg', ['视频'])).toBe(false);
    expect(fileFitsForms('audio/mpeg', ['音频', '视频'])).toBe(true);
    expect(fileFitsForms('image/png', ['图片'])).toBe(true);
    expect(fileFitsForms('application/zip', ['学生作品'])).toBe(true);
    expect(fileFitsForms('', ['视频', '文件'])).toBe(true);
    expect(fileFitsForms('', ['视频'])).toBe(false);
  });
});

describe('gradeItem: count', () => {
  it('needs two student works, counted from files or entered by hand', () => {
    const one = ev({ files: [{ name: 'w.jpg', type: 'image/jpeg', size: 1 }], ...allTicked(works) });
    expect(gradeItem(works, one)).toMatchObject({
      status: '不合格',
      reasons: ['「学生作品」需要 2 份，目前 1 份'],
    });
    expect(gradeItem(works, ev({ ...allTicked(works) })).reasons).toEqual([
      '「学生作品」需要 2 份，未提供份数',
    ]);
    expect(gradeItem(works, ev({ manualCount: 1, ...allTicked(works) })).reasons).toEqual([
      '「学生作品」需要 2 份，目前 1 份',
    ]);
    expect(gradeItem(works, ev({ manualCount: 2, ...allTicked(works) })).status).toBe('优秀');
  });
});

describe('gradeItem: the same file twice counts once', () => {
  const work = (name: string, size: number, sha256?: string): EvidenceFile => ({
    name,
    type: 'image/jpeg',
    size,
    ...(sha256 ? { sha256 } : {}),
  });
  const A = 'a'.repeat(64);
  const B = 'b'.repeat(64);

  it('one file attached twice to an item needing two is one piece: 不合格, and flagged', () => {
    const twice = ev({ files: [work('作品.jpg', 500, A), work('作品.jpg', 500, A)], ...allTicked(works) });
    expect(gradeItem(works, twice)).toMatchObject({
      status: '不合格',
      reasons: ['「学生作品」需要 2 份，目前 1 份'],
    });
    expect(pieceWarnings(works, twice)).toEqual([
      '“作品.jpg”与第 1 个文件“作品.jpg”是同一个文件（文件校验码相同），只算一份',
    ]);
    // Renamed copies are still the same file by their SHA-256.
    const renamed = ev({ files: [work('a.jpg', 500, A), work('b.jpg', 500, A)], ...allTicked(works) });
    expect(gradeItem(works, renamed).status).toBe('不合格');
  });

  it('same name and size count once while a hash is missing; different hashes are two pieces', () => {
    const hashing = ev({ files: [work('作品.jpg', 500, A), work('作品.jpg', 500)], ...allTicked(works) });
    expect(gradeItem(works, hashing).status).toBe('不合格');
    expect(pieceWarnings(works, hashing)[0]).toContain('（名称和大小相同）');
    const two = ev({ files: [work('作品.jpg', 500, A), work('作品.jpg', 500, B)], ...allTicked(works) });
    expect(gradeItem(works, two).status).toBe('优秀');
    expect(pieceWarnings(works, two)).toEqual([]);
  });

  it('more pieces than asked is a warning, not a failure', () => {
    const three = ev({
      files: [work('1.jpg', 1, A), work('2.jpg', 2, B), work('3.jpg', 3, 'c'.repeat(64))],
      ...allTicked(works),
    });
    expect(gradeItem(works, three).status).toBe('优秀');
    expect(pieceWarnings(works, three)).toEqual([
      '「学生作品」要求 2 份，目前有 3 份，多出的 1 份请确认是否需要提交',
    ]);
    expect(pieceWarnings(design, ev({ files: [work('1.docx', 1), work('2.docx', 2)] }))).toEqual([]);
  });

  it('duplicateOf names the first copy; distinctPieces counts each file once', () => {
    const files = [work('x', 1, A), work('y', 2), work('x2', 1, A), work('y', 2), work('y', 3)];
    expect(duplicateOf(files)).toEqual([undefined, undefined, 0, 1, undefined]);
    expect(distinctPieces(files)).toBe(3);
  });

  it('property: attaching a copy of a file already attached never changes the grade', () => {
    fc.assert(
      fc.property(itemArb('x'), itemEvidenceArb, fc.nat(), (item, e, pick) => {
        fc.pre(e.files.length > 0);
        const copy = e.files[pick % e.files.length] as EvidenceFile;
        const before = gradeItem(item, e);
        const after = gradeItem(item, { ...e, files: [...e.files, { ...copy }] });
        expect(after.status).toBe(before.status);
      }),
    );
  });

  it('property: the distinct pieces are at most the files, and exactly the distinct hashes when all are hashed', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            name: fc.constantFrom('a', 'b'),
            size: fc.nat(3),
            sha256: fc.constantFrom(A, B, 'c'.repeat(64)),
          }),
        ),
        (files) => {
          expect(distinctPieces(files)).toBe(new Set(files.map((f) => f.sha256)).size);
          expect(distinctPieces(files.map(({ name, size }) => ({ name, size })))).toBeLessThanOrEqual(
            files.length,
          );
        },
      ),
    );
  });
});

describe('typed text counts as evidence', () => {
  it('an item with a title and a description is 已提交 without the ready tick', () => {
    const typed = {
      present: false,
      files: [],
      excellent: [],
      pass: [],
      title: '教学情境',
      description: '初二数学，三个层次的学生',
    };
    expect(isPresent(typed)).toBe(true);
    expect(gradeItem(scenario, typed).status).toBe('已提交');
    expect(gradeItem(scenario, { ...typed, description: '  ' }).reasons).toEqual(['「情景描述」缺交']);
    expect(gradeItem(scenario, { ...typed, title: undefined }).status).toBe('不合格');
    // A file alone still needs the tick (the teacher may still be replacing it).
    expect(isPresent({ present: false, files: [video(60)], excellent: [], pass: [] })).toBe(false);
  });
});

describe('a sentence in both criteria lists is ticked once', () => {
  const shared: RubricItem = {
    id: 's',
    label: '1',
    name: '设计',
    forms: ['文本'],
    required: true,
    graded: true,
    limits: {},
    criteria: { pass: ['主题明确', '结构完整'], excellent: ['主题明确', '有创新'] },
  };

  it('counts one tick for both 合格 and 优秀', () => {
    expect(gradeItem(shared, ev({ pass: [0, 1], excellent: [1] })).status).toBe('优秀');
    expect(gradeItem(shared, ev({ pass: [1], excellent: [0] })).status).toBe('合格');
    expect(gradeItem(shared, ev({ pass: [1], excellent: [1] })).reasons).toEqual(['未达合格：主题明确']);
    expect(sharedWithPass(shared.criteria ?? { pass: [], excellent: [] })).toEqual([0, undefined]);
  });

  it('property: ticking the shared sentence in either list gives the same grade', () => {
    fc.assert(
      fc.property(fc.subarray([1]), fc.subarray([1]), (pass, excellent) => {
        const viaPass = gradeItem(shared, ev({ pass: [0, ...pass], excellent }));
        const viaExcellent = gradeItem(shared, ev({ pass, excellent: [0, ...excellent] }));
        expect(viaExcellent).toEqual(viaPass);
      }),
    );
  });
});

describe('gradeItem: an empty file', () => {
  it('is no evidence, even with its minutes typed by hand', () => {
    const e = goodCase({
      files: [{ name: '案例.mp4', type: 'video/mp4', size: 0 }],
      manualMinutes: 8,
    });
    expect(gradeItem(caseVideo, e)).toMatchObject({
      status: '不合格',
      reasons: ['「案例展示」“案例.mp4”是空文件（0 字节）'],
    });
  });
});

describe('gradeItem: teacher on camera', () => {
  it('fails until the teacher confirms they appear', () => {
    for (const teacherOnCamera of [undefined, false]) {
      expect(gradeItem(caseVideo, goodCase({ teacherOnCamera }))).toMatchObject({
        status: '不合格',
        reasons: ['「案例展示」须出现教师本人形象，尚未确认'],
      });
    }
  });

  it('lists every broken requirement in order: form, duration, count, camera', () => {
    const item: RubricItem = { ...caseVideo, limits: { maxMinutes: 1, count: 3, teacherOnCamera: true } };
    const e = ev({ files: [{ name: 'x.png', type: 'image/png', size: 1 }, video(90)], ...allTicked(item) });
    expect(gradeItem(item, e).reasons).toEqual([
      '「案例展示」形式不符：“x.png”不是视频',
      '「案例展示」“case.mp4”时长 1 分 30 秒，超过 1 分钟的上限',
      '「案例展示」需要 3 份，目前 2 份',
      '「案例展示」须出现教师本人形象，尚未确认',
    ]);
  });
});

describe('gradeItem: criteria', () => {
  it('is 优秀 when every 优秀 criterion is ticked', () => {
    expect(gradeItem(caseVideo, goodCase({ excellent: [4, 3, 2, 1, 0], pass: [] }))).toEqual({
      itemId: 'case-video',
      status: '优秀',
      graded: true,
      reasons: [],
    });
  });

  it('is 合格 with every 合格 criterion, naming the missed 优秀 ones', () => {
    const r = gradeItem(caseVideo, goodCase({ excellent: [0, 2, 3], pass: [0, 1, 2, 3, 4] }));
    expect(r.status).toBe('合格');
    expect(r.reasons).toEqual([
      `未达优秀：${caseVideo.criteria?.excellent[1]}`,
      `未达优秀：${caseVideo.criteria?.excellent[4]}`,
    ]);
  });

  it('is 不合格 when a 合格 criterion is missed, naming it', () => {
    const r = gradeItem(caseVideo, goodCase({ excellent: [0, 1, 2, 3], pass: [0, 1, 2, 3] }));
    expect(r).toMatchObject({ status: '不合格', reasons: [`未达合格：${caseVideo.criteria?.pass[4]}`] });
  });

  it('ignores out-of-range and duplicate indices', () => {
    const r = gradeItem(caseVideo, goodCase({ excellent: [0, 0, 1, 1, 2, 2, 3, 3, 5, -1, 1.5], pass: [] }));
    // C5's first 合格 and first 优秀 criterion are the same sentence: its 优秀 tick counts for 合格 too.
    expect(r.status).toBe('不合格');
    expect(r.reasons).toHaveLength(4);
    const p = gradeItem(caseVideo, goodCase({ excellent: [9], pass: [0, 1, 2, 3, 4, 4, 7] }));
    expect(p.status).toBe('合格');
    expect(p.reasons).toHaveLength(4);
  });

  it('fails a video that breaks a requirement whatever is ticked', () => {
    expect(gradeItem(caseVideo, goodCase({ files: [video(360 * 2)] })).status).toBe('不合格');
  });
});

describe('gradeItem: ungraded and unknown items', () => {
  it('marks a present ungraded item 已提交', () => {
    expect(gradeItem(scenario, ev())).toEqual({
      itemId: 'scenario',
      status: '已提交',
      graded: false,
      reasons: [],
    });
    expect(gradeItem(accounts, goodAccounts())).toMatchObject({ status: '已提交', graded: false });
  });

  it('checks the requirements of an item whose criteria are unknown', () => {
    const item: RubricItem = { ...accounts, graded: 'unknown' };
    expect(gradeItem(item, goodAccounts()).status).toBe('已提交');
    expect(gradeItem(item, ev({ files: [video(100)] })).reasons).toEqual([
      '「学生体会」需要 2 份，目前 1 份',
    ]);
  });
});

describe('gradeAbility', () => {
  it('grades a complete C5 submission 优秀, and 合格 with the missed 优秀 criteria named', () => {
    expect(gradeAbility(C5, c5Evidence())).toEqual({
      code: 'C5',
      grade: '优秀',
      reasons: [],
      items: [
        { itemId: 'scenario', status: '已提交', graded: false, reasons: [] },
        { itemId: 'case-video', status: '优秀', graded: true, reasons: [] },
        { itemId: 'student-accounts', status: '已提交', graded: false, reasons: [] },
      ],
      skipped: [],
    });
    const r = gradeAbility(C5, c5Evidence({ 'case-video': goodCase({ excellent: [0, 1, 2, 3] }) }));
    expect(r.grade).toBe('合格');
    expect(r.reasons).toEqual([`「案例展示」未达优秀：${caseVideo.criteria?.excellent[4]}`]);
  });

  it('fails C5 with an 11-minute video; passes 6 minutes and 9 min 59 s', () => {
    expect(gradeAbility(C5, c5Evidence({ 'case-video': goodCase({ files: [video(360)] }) })).grade).toBe(
      '优秀',
    );
    const over = gradeAbility(C5, c5Evidence({ 'case-video': goodCase({ files: [video(660)] }) }));
    expect(over.grade).toBe('不合格');
    expect(over.reasons).toEqual(['「案例展示」时长 11 分 0 秒，超过 10 分钟的上限']);
    expect(gradeAbility(C5, c5Evidence({ 'case-video': goodCase({ files: [video(599)] }) })).grade).toBe(
      '优秀',
    );
  });

  it('fails when a required ungraded item (C5 情景描述) is missing', () => {
    for (const scenarioEvidence of [undefined, ev({ present: false })]) {
      const r = gradeAbility(C5, c5Evidence({ scenario: scenarioEvidence }));
      expect(r.grade).toBe('不合格');
      expect(r.reasons).toEqual(['「情景描述」缺交']);
      expect(r.items[0]).toMatchObject({ itemId: 'scenario', status: '不合格' });
    }
  });

  it('fails with the reasons of every failing item, 未达合格 named by item', () => {
    const r = gradeAbility(
      C5,
      c5Evidence({
        'case-video': goodCase({ excellent: [], pass: [0, 1, 2, 3], teacherOnCamera: false }),
        'student-accounts': undefined,
      }),
    );
    expect(r.grade).toBe('不合格');
    expect(r.reasons).toEqual(['「案例展示」须出现教师本人形象，尚未确认', '「学生体会」缺交']);
    const criteria = gradeAbility(
      C5,
      c5Evidence({ 'case-video': goodCase({ excellent: [], pass: [1, 2, 3, 4] }) }),
    );
    expect(criteria.reasons).toEqual([`「案例展示」未达合格：${caseVideo.criteria?.pass[0]}`]);
  });

  it('fails on a wrong form, too few pieces, or the teacher not on camera', () => {
    const pdf = { name: 'a.pdf', type: 'application/pdf', size: 1 };
    const cases: [Partial<Record<string, ItemEvidence>>, string][] = [
      [
        { 'student-accounts': ev({ files: [pdf, video(60)] }) },
        '「学生体会」形式不符：“a.pdf”不是音频或视频',
      ],
      [{ 'student-accounts': ev({ files: [video(60)] }) }, '「学生体会」需要 2 份，目前 1 份'],
      [{ 'case-video': goodCase({ teacherOnCamera: false }) }, '「案例展示」须出现教师本人形象，尚未确认'],
    ];
    for (const [items, reason] of cases) {
      const r = gradeAbility(C5, c5Evidence(items));
      expect(r.grade).toBe('不合格');
      expect(r.reasons).toEqual([reason]);
    }
  });

  it('counts only the chosen task of C4: 任务二 chosen, 任务一 ignored', () => {
    const e: AbilityEvidence = {
      chosen: { 'student-case': 'process-videos' },
      items: {
        design: ev(allTicked(design)),
        // 任务一 left half-done: must not matter.
        'student-works': ev({ manualCount: 1 }),
        'process-videos': ev({
          files: [video(290, 'a.mp4'), video(300, 'b.mp4')],
          ...allTicked(processVideos),
        }),
        reflection: ev(),
      },
    };
    const r = gradeAbility(C4, e);
    expect(r.grade).toBe('优秀');
    expect(r.skipped).toEqual(['student-works']);
    expect(r.items.map((i) => i.itemId)).toEqual(['design', 'process-videos', 'reflection']);
  });

  it('fails C4 when no task (or no task of the group) is chosen, skipping both', () => {
    const items = {
      design: ev(allTicked(design)),
      'student-works': ev({ manualCount: 2, ...allTicked(works) }),
      reflection: ev(),
    };
    for (const chosen of [{}, { 'student-case': 'design' }]) {
      const r = gradeAbility(C4, { chosen, items });
      expect(r.grade).toBe('不合格');
      expect(r.reasons).toEqual(['「学生案例」尚未选择任务']);
      expect(r.skipped).toEqual(['student-works', 'process-videos']);
    }
    expect(gradeAbility(C4, undefined).reasons).toEqual([
      '「设计方案」缺交',
      '「学生案例」尚未选择任务',
      '「教学反思」缺交',
    ]);
  });

  it('skips a missing item that is not required, and counts it when present', () => {
    const rubric: Rubric = {
      ...C5,
      items: C5.items.map((i) => (i.id === 'student-accounts' ? { ...i, required: false } : i)),
    };
    const r = gradeAbility(rubric, c5Evidence({ 'student-accounts': undefined }));
    expect(r.grade).toBe('优秀');
    expect(r.skipped).toEqual(['student-accounts']);
    expect(gradeAbility(rubric, c5Evidence({ 'student-accounts': ev({ files: [video(60)] }) })).grade).toBe(
      '不合格',
    );
  });

  it('gives no grade when a counted item’s criteria are unknown, still listing item results', () => {
    const rubric: Rubric = {
      ...C5,
      items: C5.items.map((i) =>
        i.id === 'case-video' ? { ...i, graded: 'unknown', criteria: undefined } : i,
      ),
    };
    const r = gradeAbility(rubric, c5Evidence());
    expect(r.grade).toBeUndefined();
    expect(r.reasons).toEqual([UNKNOWN_CRITERIA_REASON]);
    expect(r.items.map((i) => i.status)).toEqual(['已提交', '已提交', '已提交']);
    const missing = gradeAbility(rubric, c5Evidence({ scenario: undefined }));
    expect(missing.grade).toBeUndefined();
    expect(missing.reasons).toEqual([UNKNOWN_CRITERIA_REASON, '「情景描述」缺交']);
  });

  it('is 合格 when all counted items are ungraded and present', () => {
    const rubric: Rubric = { ...C5, items: [scenario] };
    expect(gradeAbility(rubric, c5Evidence()).grade).toBe('合格');
  });
});

describe('nextSteps', () => {
  const result = (reasons: string[]): AbilityResult => ({
    code: 'X',
    grade: '不合格',
    reasons,
    items: [],
    skipped: [],
  });

  it('puts requirements first, then 合格 criteria, then 优秀 criteria, without duplicates, at most five', () => {
    expect(
      nextSteps(
        result([
          '「a」未达优秀：x',
          '「a」未达合格：y',
          '「b」缺交',
          '「a」未达优秀：x',
          '「c」需要 2 份，目前 1 份',
        ]),
      ),
    ).toEqual(['「b」缺交', '「c」需要 2 份，目前 1 份', '「a」未达合格：y', '「a」未达优秀：x']);
    expect(nextSteps(result(range(8).map((i) => `「a」未达优秀：${i}`)))).toHaveLength(5);
  });

  it('starts a real C5 result with the missing item', () => {
    const r = gradeAbility(
      C5,
      c5Evidence({ scenario: undefined, 'case-video': goodCase({ pass: [], excellent: [] }) }),
    );
    expect(nextSteps(r)[0]).toBe('「情景描述」缺交');
  });
});

describe('overallGrade', () => {
  const of = (...grades: (Grade | undefined)[]): AbilityResult[] =>
    grades.map((grade) => ({ code: 'X', grade, reasons: [], items: [], skipped: [] }));

  it('summarises the abilities for the cover', () => {
    expect(overallGrade(of('优秀', '优秀'))).toBe('优秀');
    expect(overallGrade(of('优秀', '合格'))).toBe('合格');
    expect(overallGrade(of('优秀', undefined))).toBeUndefined();
    expect(overallGrade(of(undefined, '不合格'))).toBe('不合格');
    expect(overallGrade([])).toBeUndefined();
  });
});

describe('formatDuration', () => {
  it('writes minutes and seconds', () => {
    expect(formatDuration(360)).toBe('6 分 0 秒');
    expect(formatDuration(599.9)).toBe('9 分 59 秒');
  });
});

// ---------------------------------------------------------------- properties

const statusRank = (s: ItemStatus): number => (s === '已提交' ? 1 : gradeRank(s));

/** One more tick: which list, which index. */
const tickArb = fc.tuple(
  fc.constantFrom('excellent' as const, 'pass' as const),
  fc.integer({ min: 0, max: 5 }),
);

function withTick(e: ItemEvidence, [list, index]: ['excellent' | 'pass', number]): ItemEvidence {
  return { ...e, [list]: [...e[list], index] };
}

describe('grading properties', () => {
  it('(a) ticking one more criterion never lowers an item’s grade', () => {
    fc.assert(
      fc.property(itemArb('x'), itemEvidenceArb, tickArb, (item, e, tick) => {
        const before = gradeItem(item, e);
        const after = gradeItem(item, withTick(e, tick));
        expect(statusRank(after.status)).toBeGreaterThanOrEqual(statusRank(before.status));
      }),
    );
  });

  it('(a) ticking one more criterion never lowers an ability’s grade', () => {
    fc.assert(
      fc.property(caseArb, fc.nat(), tickArb, ([rubric, e], which, tick) => {
        const ids = Object.keys(e.items);
        fc.pre(ids.length > 0);
        const id = ids[which % ids.length] as string;
        const itemEvidence = e.items[id] as ItemEvidence;
        const before = gradeAbility(rubric, e);
        const after = gradeAbility(rubric, {
          ...e,
          items: { ...e.items, [id]: withTick(itemEvidence, tick) },
        });
        expect(after.grade === undefined).toBe(before.grade === undefined);
        if (before.grade && after.grade)
          expect(gradeRank(after.grade)).toBeGreaterThanOrEqual(gradeRank(before.grade));
      }),
    );
  });

  it('(b) an ability is 优秀 only if every graded counted item is 优秀', () => {
    fc.assert(
      fc.property(caseArb, ([rubric, e]) => {
        const r = gradeAbility(rubric, e);
        if (r.grade !== '优秀') return;
        const graded = r.items.filter((i) => i.graded);
        expect(graded.length).toBeGreaterThan(0);
        for (const i of graded) expect(i.status).toBe('优秀');
        for (const i of r.items) expect(i.status === '优秀' || i.status === '已提交').toBe(true);
      }),
    );
  });

  it('(c) one 不合格 counted item makes the ability 不合格 (when its criteria are all known)', () => {
    fc.assert(
      fc.property(caseArb, ([rubric, e]) => {
        const r = gradeAbility(rubric, e);
        const unknown = r.items.some((i) => {
          const item = rubric.items.find((x) => x.id === i.itemId);
          return item?.graded === 'unknown';
        });
        if (unknown) expect(r.grade).toBeUndefined();
        else if (r.items.some((i) => i.status === '不合格')) expect(r.grade).toBe('不合格');
        // Every counted or skipped item is accounted for once.
        expect([...r.items.map((i) => i.itemId), ...r.skipped].sort()).toEqual(
          rubric.items.map((i) => i.id).sort(),
        );
      }),
    );
  });

  it('(d) a broken requirement makes the item 不合格 whatever is ticked', () => {
    const violation = fc.constantFrom('duration', 'count', 'camera', 'form');
    fc.assert(
      fc.property(
        itemArb('x'),
        itemEvidenceArb,
        violation,
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 300 }),
        (base, baseEvidence, kind, limit, overBy) => {
          let item: RubricItem = base;
          let e: ItemEvidence = { ...baseEvidence, present: true };
          if (kind === 'duration') {
            item = {
              ...item,
              forms: [...new Set([...item.forms, '视频'])],
              limits: { ...item.limits, maxMinutes: limit },
            };
            e = { ...e, files: [...e.files, video(limit * 60 + overBy)] };
          } else if (kind === 'count') {
            const count = Math.max(2, limit);
            item = { ...item, limits: { ...item.limits, count } };
            e = {
              ...e,
              files: e.files.slice(0, count - 1),
              manualCount: e.files.length > 0 ? undefined : count - 1,
            };
          } else if (kind === 'camera') {
            item = { ...item, limits: { ...item.limits, teacherOnCamera: true } };
            e = { ...e, teacherOnCamera: overBy % 2 === 0 ? false : undefined };
          } else {
            item = { ...item, forms: ['视频', '音频'] };
            e = { ...e, files: [...e.files, { name: 'x.pdf', type: 'application/pdf', size: 1 }] };
          }
          const ticked = { ...e, ...allTicked(item) };
          const r = gradeItem(item, ticked);
          expect(r.status).toBe('不合格');
          expect(r.reasons.length).toBeGreaterThan(0);
        },
      ),
    );
  });
});
