/**
 * The PDF evidence packet as data: what goes on the cover and on each micro-ability's pages.
 * The renderer only lays this out; every grade in it comes from grading.ts.
 */
import type { Draft } from './draft';
import {
  formatDuration,
  gradeAbility,
  overallGrade,
  type AbilityResult,
  type Grade,
  type ItemStatus,
  type Rubric,
} from './grading';

export interface PacketAbility {
  code: string;
  name: string;
  /** The handbook's rubric, or undefined when its criteria are not known. */
  rubric: Rubric | undefined;
}

export interface PacketInput {
  draft: Draft;
  abilities: readonly PacketAbility[];
  regionName: string | undefined;
  generatedAt: Date;
  siteVersion: string;
}

export interface EvidenceRow {
  item: string;
  form: string;
  title: string;
  fileName: string;
  size: string;
  duration: string;
  sha256: string;
}

export interface CriterionLine {
  item: string;
  level: '合格' | '优秀';
  text: string;
  met: boolean;
}

export interface ItemGradeLine {
  item: string;
  status: ItemStatus;
  reasons: string[];
}

export interface AbilitySection {
  code: string;
  name: string;
  rubricOrigin: string;
  grade: Grade | undefined;
  gradeText: string;
  reasons: string[];
  evidence: EvidenceRow[];
  items: ItemGradeLine[];
  criteria: CriterionLine[];
  reflection: string;
}

export interface Packet {
  filename: string;
  cover: {
    title: string;
    fields: [label: string, value: string][];
    abilities: { code: string; name: string; gradeText: string }[];
    overallText: string;
    note: string;
  };
  sections: AbilitySection[];
  /** Review columns left blank for the school's reviewers. */
  reviewColumns: string[];
  footer: { generatedAt: string; version: string };
}

const EMPTY = '—';
const pad = (n: number) => String(n).padStart(2, '0');

export function packetDate(d: Date): string {
  return `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}`;
}

/** 微能力自评_<姓名>_<YYYYMMDD>.pdf, with characters file systems refuse replaced. */
export function packetFilename(name: string, date: Date): string {
  const safe =
    [...name.trim()]
      .map((c) => (/[\\/:*?"<>|]/.test(c) || c.charCodeAt(0) < 0x20 ? '_' : c))
      .join('')
      .slice(0, 40) || '未署名';
  return `微能力自评_${safe}_${packetDate(date)}.pdf`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function gradeText(grade: Grade | undefined): string {
  return grade ?? '未评定（评价标准未收录）';
}

function itemLabel(label: string, name: string): string {
  return /^\d+$/.test(label) ? `${label}. ${name}` : `${label}：${name}`;
}

function section(
  ability: PacketAbility,
  draft: Draft,
): { section: AbilitySection; result: AbilityResult | undefined } {
  const custom = draft.customRubrics[ability.code];
  const rubric = custom ?? ability.rubric;
  const evidence = draft.evidence[ability.code];
  const result = rubric ? gradeAbility(rubric, evidence) : undefined;
  const counted = new Set(result?.items.map((i) => i.itemId));
  const items = (rubric?.items ?? []).filter((i) => counted.has(i.id));
  const rows: EvidenceRow[] = [];
  const criteria: CriterionLine[] = [];
  for (const item of items) {
    const ev = evidence?.items[item.id];
    const label = itemLabel(item.label, item.name);
    const base = { item: label, form: item.forms.join('或'), title: ev?.title?.trim() || EMPTY };
    const files = ev?.present ? ev.files : [];
    if (files.length === 0) {
      rows.push({
        ...base,
        fileName: ev?.present ? '（未选择文件）' : '（缺交）',
        size: EMPTY,
        duration: ev?.manualMinutes !== undefined ? `${ev.manualMinutes} 分钟（手填）` : EMPTY,
        sha256: EMPTY,
      });
    }
    for (const f of files) {
      rows.push({
        ...base,
        fileName: f.name,
        size: formatBytes(f.size),
        duration: f.durationSeconds !== undefined ? formatDuration(f.durationSeconds) : EMPTY,
        sha256: f.sha256 ?? '（未计算）',
      });
    }
    if (item.criteria) {
      item.criteria.pass.forEach((text, i) =>
        criteria.push({ item: label, level: '合格', text, met: ev?.pass.includes(i) ?? false }),
      );
      item.criteria.excellent.forEach((text, i) =>
        criteria.push({ item: label, level: '优秀', text, met: ev?.excellent.includes(i) ?? false }),
      );
    }
  }
  return {
    result,
    section: {
      code: ability.code,
      name: ability.name,
      rubricOrigin: custom ? '教师录入（按本地考核指南）' : rubric ? '本手册' : '尚未录入',
      grade: result?.grade,
      gradeText: gradeText(result?.grade),
      reasons: result?.reasons ?? ['评价标准未收录：请在自评向导中按本地考核指南录入后再评定。'],
      evidence: rows,
      items: (result?.items ?? []).map((r) => {
        const item = items.find((i) => i.id === r.itemId);
        return {
          item: item ? itemLabel(item.label, item.name) : r.itemId,
          status: r.status,
          reasons: r.reasons,
        };
      }),
      criteria,
      reflection: evidence?.reflection?.trim() ?? '',
    },
  };
}

export function buildPacket(input: PacketInput): Packet {
  const { draft, generatedAt } = input;
  const chosen = input.abilities.filter((a) => draft.abilities.includes(a.code));
  const built = chosen.map((a) => section(a, draft));
  const results = built.map((b) => b.result).filter((r): r is AbilityResult => r !== undefined);
  const overall = results.length === built.length ? overallGrade(results) : undefined;
  const p = draft.profile;
  const date = `${generatedAt.getFullYear()}年${generatedAt.getMonth() + 1}月${generatedAt.getDate()}日`;
  return {
    filename: packetFilename(p.name, generatedAt),
    cover: {
      title: '微能力自评证据包',
      fields: [
        ['教师', p.name || EMPTY],
        ['学校', p.school || EMPTY],
        ['任教学科', p.subject || EMPTY],
        ['学段', p.stage || EMPTY],
        ['地区', input.regionName ?? EMPTY],
        ['教学环境', p.environment || EMPTY],
        ['日期', date],
      ],
      abilities: built.map((b) => ({
        code: b.section.code,
        name: b.section.name,
        gradeText: b.section.gradeText,
      })),
      overallText: overall ?? (built.length === 0 ? '未选择微能力点' : '未评定'),
      note: '本证据包由教师按国家考核规范的规则自评生成，供组内互评和学校信息化团队复评参考；正式结果以学校认定为准。',
    },
    sections: built.map((b) => b.section),
    reviewColumns: ['组内互评', '复评'],
    footer: {
      generatedAt: `${date} ${pad(generatedAt.getHours())}:${pad(generatedAt.getMinutes())}`,
      version: input.siteVersion,
    },
  };
}

/** Every character the packet will draw, for checking against the font before rendering. */
export function packetText(packet: Packet): string {
  const parts: string[] = [packet.filename, packet.cover.title, packet.cover.note, packet.cover.overallText];
  for (const [label, value] of packet.cover.fields) parts.push(label, value);
  for (const a of packet.cover.abilities) parts.push(a.code, a.name, a.gradeText);
  for (const s of packet.sections) {
    parts.push(s.code, s.name, s.rubricOrigin, s.gradeText, s.reflection, ...s.reasons);
    for (const r of s.evidence) parts.push(...Object.values(r));
    for (const i of s.items) parts.push(i.item, i.status, ...i.reasons);
    for (const c of s.criteria) parts.push(c.item, c.level, c.text);
  }
  parts.push(...packet.reviewColumns, packet.footer.generatedAt, packet.footer.version);
  return parts.join('\n');
}

/** Characters of `text` not in `available` (each once, in order of appearance; whitespace ignored). */
export function missingCharacters(text: string, available: ReadonlySet<string>): string[] {
  const missing: string[] = [];
  for (const ch of text) {
    if (/\s/.test(ch) || available.has(ch) || missing.includes(ch)) continue;
    missing.push(ch);
  }
  return missing;
}
