/**
 * 导入教师名单: reads the staff list (CSV or .xlsx), shows what was read, and asks before it
 * replaces or merges into the roster. The readers themselves (papaparse, read-excel-file, fflate)
 * are imported by roster-import.ts only when a file is picked, so the page's first load stays light;
 * roster-import.ts itself is small and already part of the page (selection-rule.ts uses it).
 */
import { useState } from 'react';
import type { RosterTeacher } from '../../lib/school/plan/plan-file';
import { readRosterFile, type RosterImport as RosterRead } from '../../lib/school/plan/roster-import';
import {
  duplicateNames,
  formulaLikeCells,
  mergeRoster,
  newCategories,
  type MergeMode,
} from '../../lib/school/plan/roster-merge';

interface Props {
  roster: RosterTeacher[];
  categories: string[];
  onApply: (roster: RosterTeacher[], addCategories: string[]) => void;
}

type Read = Extract<RosterRead, { ok: true }> & { file: string };

/** The first few of a long list, and how many more. */
function some(list: readonly string[], n = 8): string {
  return list.length > n ? `${list.slice(0, n).join('、')} 等 ${list.length} 项` : list.join('、');
}

export default function RosterImport({ roster, categories, onApply }: Props) {
  const [read, setRead] = useState<Read>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [mode, setMode] = useState<MergeMode>('merge');
  const [addNew, setAddNew] = useState(true);
  const [done, setDone] = useState<string>();

  const pick = async (file: File) => {
    setBusy(true);
    setDone(undefined);
    try {
      const result = await readRosterFile({
        name: file.name,
        bytes: new Uint8Array(await file.arrayBuffer()),
      });
      if (!result.ok) {
        setRead(undefined);
        setError(`未能导入“${file.name}”：${result.error} 现有名单没有改动。`);
      } else {
        setError(undefined);
        setRead({ ...result, file: file.name });
        setMode(roster.length > 0 ? 'merge' : 'replace');
        setAddNew(true);
      }
    } catch {
      setError(
        `未能读取“${file.name}”（网络中断时读取程序可能没有加载）。请刷新页面后再试，现有名单没有改动。`,
      );
    } finally {
      setBusy(false);
    }
  };

  const incoming = read?.rows.map((r) => r.teacher) ?? [];
  const merged = read ? mergeRoster(roster, incoming, mode) : undefined;
  const added = read ? newCategories(incoming, categories) : [];
  const formulas = read ? formulaLikeCells(read.rows) : [];
  const twice = read ? duplicateNames(read.rows) : [];

  return (
    <div className="plan-import">
      <label className="button button-secondary file-button">
        导入教师名单（.xlsx 或 CSV）
        <input
          type="file"
          accept=".xlsx,.csv,.txt,.tsv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          className="visually-hidden"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void pick(file);
          }}
        />
      </label>
      {busy && <p role="status">正在读取名单……</p>}
      {error && (
        <p className="notice notice-warn" role="alert">
          {error}
        </p>
      )}
      {done && (
        <p className="notice" role="status">
          {done}
        </p>
      )}
      {read && merged && (
        <section className="notice plan-import-preview" aria-labelledby="plan-import-heading" tabIndex={-1}>
          <h3 id="plan-import-heading">“{read.file}”中的教师名单</h3>
          <ul>
            <li>读到 {read.rows.length} 位教师。</li>
            <li>识别的列：{read.columns.join('，')}。</li>
            {read.skipped > 0 && <li>跳过空行 {read.skipped} 行。</li>}
            {twice.length > 0 && <li>同名的教师：{some(twice)}（都已保留，请核对）。</li>}
            {formulas.length > 0 && (
              <li>
                像公式的单元格 {formulas.length} 个，已按文字读入，没有计算：{some(formulas, 3)}。
              </li>
            )}
            {read.problems.length > 0 && (
              <li>
                没有导入的行 {read.problems.length} 行：
                <ul>
                  {read.problems.slice(0, 10).map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              </li>
            )}
          </ul>
          {added.length > 0 && (
            <p>
              <label>
                <input type="checkbox" checked={addNew} onChange={(e) => setAddNew(e.target.checked)} />{' '}
                名单中有方案里没有的类别：{added.join('、')}。把它们加入方案（之后请填写各自的选课要求）
              </label>
            </p>
          )}
          {roster.length > 0 && (
            <fieldset className="plan-checks-inline">
              <legend>现有名单有 {roster.length} 位教师，如何处理？</legend>
              <label>
                <input
                  type="radio"
                  name="plan-import-mode"
                  checked={mode === 'merge'}
                  onChange={() => setMode('merge')}
                />{' '}
                合并：同名教师按名单更新，新教师加在后面
              </label>
              <label>
                <input
                  type="radio"
                  name="plan-import-mode"
                  checked={mode === 'replace'}
                  onChange={() => setMode('replace')}
                />{' '}
                替换：现有名单换成这份名单
              </label>
            </fieldset>
          )}
          {merged.ok ? (
            <p>
              {mode === 'merge'
                ? `将新增 ${merged.added} 位，更新 ${merged.updated} 位，${merged.unchanged} 位不变${merged.notInList > 0 ? `；现有名单中 ${merged.notInList} 位不在这份名单里，会保留` : ''}。`
                : `名单将换成这 ${incoming.length} 位教师${merged.notInList > 0 ? `；现有名单中 ${merged.notInList} 位不在这份名单里，会被移出` : ''}。`}
            </p>
          ) : (
            <p className="notice notice-warn">{merged.error}</p>
          )}
          <p className="plan-actions">
            <button
              type="button"
              className="button"
              disabled={!merged.ok}
              onClick={() => {
                if (!merged.ok) return;
                onApply(merged.roster, addNew ? added : []);
                setDone(
                  `已从“${read.file}”${mode === 'merge' ? '合并' : '导入'}教师名单，现共 ${merged.roster.length} 位教师。`,
                );
                setRead(undefined);
              }}
            >
              {roster.length > 0 && mode === 'merge' ? '合并到名单' : '导入名单'}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setRead(undefined)}>
              取消
            </button>
          </p>
        </section>
      )}
    </div>
  );
}
