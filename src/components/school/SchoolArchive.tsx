/**
 * The school's 考核档案 (/school/): the principal loads teachers' self-check files, review files
 * and saved archives; sees the summary against the region's targets, the conflicts, and the
 * teacher × micro-ability table; exports CSV, prints, saves the archive as one file. The archive
 * is kept in this browser (IndexedDB) and never leaves it. src/lib/school/archive-* decides everything.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import {
  archiveFilename,
  exportArchiveText,
  type ArchiveContent,
  type ArchiveSettings,
} from '../../lib/school/archive-file';
import {
  addToArchive,
  combineReports,
  readBatch,
  type AddReport,
  type IncomingFile,
} from '../../lib/school/archive-intake';
import { mergeArchive } from '../../lib/school/archive-merge';
import { commonRegion, schoolTargetsOnly, teacherTargets } from '../../lib/school/archive-region';
import { abilityDetails, archiveRows, type ArchiveRow } from '../../lib/school/archive-rows';
import { indexedDbStore, type TextStore } from '../../lib/files/text-store';
import { clearArchive, loadArchive, saveArchive, type ArchiveLoad } from '../../lib/school/archive-store';
import { summarize } from '../../lib/school/archive-summary';
import {
  archiveCsv,
  csvFilename,
  DEFAULT_SORT,
  filterOptions,
  filterRows,
  NO_FILTERS,
  sortRows,
  toggleSort,
  type ArchiveFilters,
  type SortKey,
} from '../../lib/school/archive-table';
import { emptyArchive } from '../../lib/school/archive-file';
import { reviewStages } from '../../lib/content/review-stages';
import ConfirmAction from '../ConfirmAction';
import { downloadBlob } from '../download';
import OnceButton from '../OnceButton';
import { ArchiveTable } from './ArchiveTable';
import { FileIntake } from './FileIntake';
import { RowDetails } from './RowDetails';
import { SummaryPanel } from './SummaryPanel';
import type { SchoolProps } from './types';
import './school.css';
import { displayText } from '../../lib/content/display-text';

const INTAKE_CHUNK = 250;

function storeNotice(load: ArchiveLoad): string | undefined {
  switch (load.status) {
    case 'salvaged':
      return `本机保存的档案有 ${load.dropped.length} 项无法读取，其余已载入；原样的副本已另存，可点“下载原档案副本”。`;
    case 'unreadable':
      return `本机保存的档案无法读取（${load.error}），已从空档案开始；原样的副本已另存，可点“下载原档案副本”。`;
    case 'unavailable':
      return load.error;
    default:
      return undefined;
  }
}

export default function SchoolArchive({ abilities, policies }: SchoolProps) {
  const store = useRef<TextStore | undefined>(undefined);
  const [archive, setArchive] = useState<ArchiveContent>(emptyArchive);
  const [ready, setReady] = useState(false);
  const [notice, setNotice] = useState<string | undefined>();
  const [rescueKey, setRescueKey] = useState<string | undefined>();
  const [report, setReport] = useState<AddReport | undefined>();
  const [busy, setBusy] = useState(false);
  const [filters, setFilters] = useState<ArchiveFilters>(NO_FILTERS);
  const [sort, setSort] = useState(DEFAULT_SORT);
  const [page, setPage] = useState(0);
  const [selected, setSelected] = useState<string | undefined>();
  const [printAll, setPrintAll] = useState(false);
  const [savedCount, setSavedCount] = useState<number | undefined>();
  const [progress, setProgress] = useState({ done: 0, total: 0 });

  useEffect(() => {
    store.current = indexedDbStore();
    void loadArchive(store.current).then((load) => {
      setArchive(load.archive);
      setNotice(storeNotice(load));
      if (load.status === 'salvaged' || load.status === 'unreadable') setRescueKey(load.rescueKey);
      setReady(true);
    });
  }, []);

  // Every change is kept in the browser once the stored archive has been read.
  useEffect(() => {
    if (!ready) return;
    const timer = setTimeout(() => {
      void saveArchive(store.current, archive).then((r) => {
        if (!r.ok) setNotice(r.error);
        setSavedCount(r.ok ? archive.selfChecks.length + archive.reviews.length : undefined);
      });
    }, 200);
    return () => clearTimeout(timer);
  }, [archive, ready]);

  const knownRegions = useMemo(() => new Set(policies.map((p) => p.slug)), [policies]);
  const fileRegion = useMemo(
    () =>
      commonRegion(
        archive.selfChecks.map((d) => d.profile.region),
        knownRegions,
      ),
    [archive.selfChecks, knownRegions],
  );
  const region = archive.settings.region || fileRegion;
  const regionPolicy = policies.find((p) => p.slug === region);
  const regionName = regionPolicy?.data.region ?? '';
  const plan = useMemo(() => reviewStages(policies, region), [policies, region]);
  const stageNames = useMemo(() => plan.stages.map((s) => s.name), [plan]);
  const merged = useMemo(() => mergeArchive(archive, stageNames), [archive, stageNames]);
  const rows = useMemo(() => archiveRows(merged, abilities), [merged, abilities]);
  const targets = useMemo(() => teacherTargets(policies, region), [policies, region]);
  const summary = useMemo(
    () =>
      summarize(
        rows,
        merged.teachers.map((t) => t.id),
        { teacherTotal: archive.settings.teacherTotal, targets },
      ),
    [rows, merged, archive.settings.teacherTotal, targets],
  );
  const options = useMemo(() => filterOptions(rows), [rows]);
  const visible = useMemo(() => sortRows(filterRows(rows, filters), sort), [rows, filters, sort]);
  const selectedRow = rows.find((r) => r.key === selected);
  const details = useMemo(
    () => (selectedRow ? abilityDetails(merged, selectedRow, abilities) : undefined),
    [merged, selectedRow, abilities],
  );
  const schoolOnly = regionPolicy ? schoolTargetsOnly(policies, region) : undefined;

  const current = useRef(archive);
  current.current = archive;
  const addFiles = useCallback((files: IncomingFile[]) => {
    setBusy(true);
    setProgress({ done: 0, total: files.length });
    void (async () => {
      const start = current.current;
      const adoptSettings = start.selfChecks.length === 0 && start.reviews.length === 0;
      let next = start;
      let total: AddReport | undefined;
      // A few hundred files at a time, so the page keeps answering and can say how far it is.
      for (let i = 0; i < files.length || i === 0; i += INTAKE_CHUNK) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        const step = addToArchive(next, readBatch(files.slice(i, i + INTAKE_CHUNK)), { adoptSettings });
        next = step.archive;
        total = total ? combineReports(total, step.report) : step.report;
        setProgress({ done: Math.min(files.length, i + INTAKE_CHUNK), total: files.length });
      }
      current.current = next;
      setArchive(next);
      setReport(total);
      setBusy(false);
    })();
  }, []);

  const setSettings = (settings: Partial<ArchiveSettings>) =>
    setArchive((a) => ({ ...a, settings: { ...a.settings, ...settings } }));

  // The browser's own print command (Ctrl+P) prints every row too: the table renders them before
  // the browser lays the sheets out, which it does right after beforeprint's handlers return.
  // The button's print has rendered every row already, and flushSync inside its effect is not allowed.
  const [browserPrint, setBrowserPrint] = useState(false);
  const buttonPrint = useRef(false);
  useEffect(() => {
    const before = () => {
      if (!buttonPrint.current) flushSync(() => setBrowserPrint(true));
    };
    const after = () => setBrowserPrint(false);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);

  useEffect(() => {
    if (!printAll) return;
    const done = () => setPrintAll(false);
    window.addEventListener('afterprint', done, { once: true });
    buttonPrint.current = true;
    try {
      window.print();
    } finally {
      buttonPrint.current = false;
    }
    return () => window.removeEventListener('afterprint', done);
  }, [printAll]);

  const downloadRescue = async () => {
    if (!rescueKey || !store.current) return;
    const text = await store.current.get(rescueKey).catch(() => undefined);
    if (text !== undefined)
      downloadBlob(new Blob([text], { type: 'application/json' }), '学校考核档案_原副本.json');
  };

  const clearAll = async () => {
    await clearArchive(store.current);
    setArchive(emptyArchive());
    setReport(undefined);
    setSelected(undefined);
    setRescueKey(undefined);
    setNotice(undefined);
  };

  const onSort = (key: SortKey) => {
    setSort((s) => toggleSort(s, key));
    setPage(0);
  };
  const onOpen = (row: ArchiveRow) => setSelected(row.key);
  const teachers = merged.teachers.length;

  return (
    <div className="school-archive" data-ready={ready ? 'true' : 'false'} data-teachers={teachers}>
      {!ready && <p className="notice">正在读取本机保存的档案……</p>}
      {notice && (
        <div className="notice notice-warn" role="alert">
          <p>{notice}</p>
          {rescueKey && (
            <OnceButton className="button button-secondary" onClick={downloadRescue}>
              下载原档案副本
            </OnceButton>
          )}
        </div>
      )}

      <section aria-labelledby="load-heading" className="no-print">
        <h2 id="load-heading">载入文件</h2>
        <FileIntake onFiles={addFiles} busy={busy} />
        {savedCount !== undefined && savedCount > 0 && (
          <p className="hint" data-saved={savedCount}>
            档案（{savedCount} 个文件）已保存在本浏览器中，刷新或重新打开本页仍在；换电脑请用“保存档案文件”。
          </p>
        )}
        <div aria-live="polite" className="load-report" data-load-report>
          {busy && (
            <p>
              正在读取……（{progress.done} / {progress.total} 个文件）
            </p>
          )}
          {report && !busy && (
            <>
              <p>
                本次读入 {report.selfChecks} 份自评、{report.reviews} 份评审意见
                {report.duplicates > 0 ? `；${report.duplicates} 份与档案中已有的相同，未重复添加` : ''}
                {report.skipped > 0 ? `；跳过 ${report.skipped} 个非 JSON 文件` : ''}
                {report.rejected.length > 0 ? `；${report.rejected.length} 个文件未能读入：` : '。'}
              </p>
              {report.rejected.length > 0 && (
                <ul className="rejected" data-rejected>
                  {report.rejected.map((r, i) => (
                    <li key={`${r.name}-${i}`}>
                      <strong>{displayText(r.name)}</strong>：{r.reason}
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
        </div>
      </section>

      <section aria-labelledby="settings-heading" className="school-settings">
        <h2 id="settings-heading" className="no-print">
          学校所在地区
        </h2>
        <div className="settings-fields no-print">
          <div className="field">
            <label htmlFor="archive-region">地区（决定评审环节和年度目标）</label>
            <select
              id="archive-region"
              value={archive.settings.region}
              onChange={(e) => setSettings({ region: e.target.value })}
            >
              <option value="">
                按教师文件
                {fileRegion ? `（${policies.find((p) => p.slug === fileRegion)?.data.region ?? ''}）` : ''}
              </option>
              {policies.map((p) => (
                <option key={p.slug} value={p.slug}>
                  {p.data.region}（{p.data.level}）
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="archive-teacher-total">全校教师人数（可不填，不填按已载入的教师计）</label>
            <input
              id="archive-teacher-total"
              type="number"
              min={1}
              inputMode="numeric"
              value={archive.settings.teacherTotal ?? ''}
              onChange={(e) => {
                const n = Number(e.target.value);
                setSettings({
                  teacherTotal: e.target.value === '' || !Number.isInteger(n) || n < 1 ? undefined : n,
                });
              }}
              aria-describedby="archive-teacher-total-note"
            />
            <span id="archive-teacher-total-note" className="hint" data-total-note>
              {archive.settings.teacherTotal !== undefined && archive.settings.teacherTotal < teachers
                ? `填写的人数少于已载入的 ${teachers} 位教师，比例按已载入的教师计。`
                : '用于计算与年度目标对照的教师比例。'}
            </span>
          </div>
        </div>
        <p className="stages-line" data-stages>
          {regionName ? `${regionName}：` : ''}评审环节 {stageNames.join(' → ')}
          {plan.from ? `（据${plan.from.region}的实施方案）` : '（政策文件未规定时的默认环节）'}
        </p>
      </section>

      {teachers === 0 ? (
        <p className="notice" data-empty>
          档案里还没有教师的自评文件。请载入教师用“保存自评文件”保存的自评文件；评审意见和档案文件可以一起选。
        </p>
      ) : (
        <>
          <SummaryPanel
            summary={summary}
            regionName={regionName}
            schoolTargetsNote={
              schoolOnly
                ? `${schoolOnly.data.region}的年度目标按学校数计（如 ${schoolOnly.data.quotas.map((q) => `${q.year} 年 ${q.share}%`).join('、')} 的学校），不按一所学校的教师比例，这里不作比较。`
                : undefined
            }
          />
          {merged.notices.length > 0 && (
            <section aria-labelledby="notices-heading" className="merge-notices" data-notices>
              <h2 id="notices-heading">需要注意（{merged.notices.length}）</h2>
              <ul>
                {merged.notices.map((n, i) => (
                  <li key={i} data-notice={n.kind}>
                    <span className="notice-kind">{n.kind}</span>
                    {n.text}
                  </li>
                ))}
              </ul>
            </section>
          )}
          <ArchiveTable
            rows={visible}
            total={rows.length}
            stages={merged.stages}
            options={options}
            filters={filters}
            onFilters={(f) => {
              setFilters(f);
              setPage(0);
            }}
            sort={sort}
            onSort={onSort}
            page={page}
            onPage={setPage}
            printAll={printAll || browserPrint}
            onOpen={onOpen}
            selected={selected}
          />
          {selectedRow && (
            <RowDetails
              row={selectedRow}
              details={details}
              stages={merged.stages}
              onClose={() => setSelected(undefined)}
            />
          )}
        </>
      )}

      <section aria-labelledby="export-heading" className="school-export no-print">
        <h2 id="export-heading">导出与保存</h2>
        <div className="toolbar">
          <OnceButton
            className="button"
            disabled={rows.length === 0}
            onClick={() =>
              downloadBlob(
                new Blob([archiveCsv(visible, merged.stages)], { type: 'text/csv;charset=utf-8' }),
                csvFilename(),
              )
            }
          >
            导出 CSV（Excel / WPS）
          </OnceButton>
          <button
            type="button"
            className="button button-secondary"
            disabled={rows.length === 0}
            onClick={() => setPrintAll(true)}
          >
            打印（学校会议用）
          </button>
          <OnceButton
            className="button button-secondary"
            disabled={archive.selfChecks.length === 0 && archive.reviews.length === 0}
            onClick={() =>
              downloadBlob(
                new Blob([exportArchiveText(archive)], { type: 'application/json' }),
                archiveFilename(),
              )
            }
          >
            保存档案文件
          </OnceButton>
        </div>
        <p className="hint">
          CSV
          按当前的筛选和排序导出，每位教师每个微能力点一行。档案文件包含全部自评和评审意见，以后可在本页重新打开，或交给接手的老师。
        </p>
        <div className="clear-data">
          <ConfirmAction
            as="div"
            label="清除本机数据"
            question={
              <span>确定要清除本浏览器中保存的考核档案吗？清除后无法恢复（建议先保存档案文件）。</span>
            }
            groupLabel="确认清除"
            confirmLabel="确定清除"
            confirmClass="button danger"
            onConfirm={() => void clearAll()}
          />
        </div>
      </section>
    </div>
  );
}
