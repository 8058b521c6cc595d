/**
 * What the reader made of a 考核指南: per ability, the editor form it fills (as if typed), and
 * what a person must look at before confirming it. The preview on /rubrics/ and
 * `npm run rubric:import` both show this; nothing here is applied until a person confirms.
 */
import type { AbilityDraft, SourceDraft } from '../rubric-editor';

/** The source fields the document states (its title, 文号, issuer, year), where they can be read. */
export type GuideSourceGuess = Partial<Pick<SourceDraft, 'title' | 'number' | 'issuer' | 'year'>>;

export type GuideFlagKind =
  /** 优秀 / 合格 boundary not certain in flattened text. */
  | 'split'
  /** A limit-like phrase in the item text that was not understood. */
  | 'limit'
  /** The document's name of the code differs from the handbook's. */
  | 'name'
  /** The document's 能力维度 / 所属环境 differ from the handbook's. */
  | 'class'
  /** Something in the layout the reader could not place. */
  | 'structure';

export interface GuideFlag {
  kind: GuideFlagKind;
  /** The evidence item it is about, by the draft's item id. */
  itemId?: string | undefined;
  /** For a person, in Chinese. */
  text: string;
}

/** A graded item's criteria read as one list of bullets; `split` is where 合格 begins. */
export interface CriteriaSplit {
  itemId: string;
  bullets: string[];
  split: number;
  /** false: the document does not show where 合格 begins; a person must check. */
  certain: boolean;
}

export interface GuideAbilityReading {
  code: string;
  /** As the document prints it. */
  name: string;
  /** The handbook's name for the code, when the document's differs. */
  handbookName?: string | undefined;
  dimension?: string | undefined;
  environment?: string | undefined;
  capability?: { statement: string; goals: string[] } | undefined;
  practice?: string | undefined;
  /** The editor form, as if typed: confirming puts exactly this in the editor. */
  draft: AbilityDraft;
  /** Criteria read from flattened text (not from a table), with their boundary. */
  splits: CriteriaSplit[];
  /** What needs a person. */
  flags: GuideFlag[];
  /** What the layout has and this ability's text did not: "实践建议", "第 2 项的评价标准". */
  missing: string[];
}

export interface GuideReading {
  source: GuideSourceGuess;
  abilities: GuideAbilityReading[];
  /** About the document as a whole (no ability found, pages without text). */
  notes: string[];
}

/**
 * The reading with 合格 starting at entry `split` of an item's criteria, as a person set it: the
 * editor form follows, and the item's doubt about its boundary is settled.
 */
export function moveSplit(ability: GuideAbilityReading, itemId: string, split: number): GuideAbilityReading {
  const entry = ability.splits.find((s) => s.itemId === itemId);
  if (!entry) return ability;
  const at = Math.max(1, Math.min(entry.bullets.length - 1, Math.round(split)));
  return {
    ...ability,
    splits: ability.splits.map((s) => (s.itemId === itemId ? { ...s, split: at, certain: true } : s)),
    flags: ability.flags.filter((f) => !(f.kind === 'split' && f.itemId === itemId)),
    draft: {
      ...ability.draft,
      items: ability.draft.items.map((item) =>
        item.id === itemId
          ? {
              ...item,
              excellent: entry.bullets.slice(0, at).join('\n'),
              pass: entry.bullets.slice(at).join('\n'),
            }
          : item,
      ),
    },
  };
}

export interface ItemSummary {
  itemId: string;
  label: string;
  name: string;
  /** The hard limits read, in words: "视频", "不超过 10 分钟（原则上）", "须出现教师个人形象", "2 份". */
  limits: string[];
  graded: string;
  excellent: number;
  pass: number;
  /** The task group it is an alternative in. */
  group?: string | undefined;
}

const criteriaCount = (text: string) => text.split('\n').filter((l) => l.trim() !== '').length;

/** What was read of each item, for the preview and the command's report. */
export function itemSummaries(ability: GuideAbilityReading): ItemSummary[] {
  return ability.draft.items.map((item) => ({
    itemId: item.id,
    label: item.label,
    name: item.name,
    limits: [
      item.forms.join('或'),
      ...(item.maxMinutes
        ? [`不超过 ${item.maxMinutes} 分钟${item.qualifier ? `（${item.qualifier}）` : ''}`]
        : []),
      ...(item.teacherOnCamera ? ['须出现教师个人形象'] : []),
      ...(item.count ? [`${item.count} 份`] : []),
    ].filter(Boolean),
    graded: item.graded === '评分' ? '评分' : '不评分（须提交）',
    excellent: criteriaCount(item.excellent),
    pass: criteriaCount(item.pass),
    group: ability.draft.groups.find((g) => g.id === item.group)?.name,
  }));
}
