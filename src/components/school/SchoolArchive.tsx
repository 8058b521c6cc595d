/**
 * The school's 考核档案 (/school/): the principal loads teachers' self-check files, review files
 * and saved archives; sees the summary against the region's targets, the conflicts, and the
 * teacher × micro-ability table; exports CSV, prints, saves the archive as one file. The archive
 * is kept in this browser (IndexedDB) and never leaves it. src/lib/school/archive-* decides everything.
 *
 * With the school's plan (kept in this browser by the plan page, /school/plan/) the page also
 * holds the roster against the files, one line per teacher with the selection rule, files from
 * another school set apart, outside results recorded, and the hand-off to the county. Another
 * tab saving the plan announces it on PLAN_CHANNEL, and the page reads it again.
 *
 * Two /school/ tabs never overwrite each other's archive (archive-store.ts): each save names the
 * stored version this tab last read or wrote, another tab's save is heard on ARCHIVE_CHANNEL, and
 * the page stops saving and asks (SavedElsewhere). A change made just before the tab closes is
 * kept by a closing copy (archive-closing.ts), settled before the archive is read on the next visit.
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
import { reviewStages } from '../../lib/content/review-stages';
import type { TypedStageResult } from '../../lib/school/archive-file';
import { commonRegion, schoolTargetsOnly, teacherTargets } from '../../lib/school/archive-region';
import { abilityDetails, archiveRows, type ArchiveRow } from '../../lib/school/archive-rows';
import { indexedDbStore, type TextStore } from '../../lib/files/text-store';
import {
  ARCHIVE_CHANNEL,
  ARCHIVE_SAVED_KIND,
  clearArchive,
  loadArchive,
  nextArchiveStamp,
  saveArchive,
  type ArchiveLoad,
} from '../../lib/school/archive-store';
import {
  dropClosingArchive,
  keepClosingArchive,
  settleClosingArchive,
} from '../../lib/school/archive-closing';
import { openSaveChannel } from '../../lib/files/save-channel';
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
import { splitOurs, setTakenIn } from '../../lib/school/archive-ours';
import { archiveStages } from '../../lib/school/archive-region';
import { removeOutcome, typeOutcome } from '../../lib/school/archive-outcomes';
import { handoffCsv, handoffCsvName, handoffParts, readyTeachers } from '../../lib/school/archive-handoff';
import { exportHandoffText, handoffFileName, makeHandoff } from '../../lib/school/handoff/handoff-file';
import { cachedContentHash } from '../../lib/school/archive-merge';
import { exportPlanText, type SchoolPlan } from '../../lib/school/plan/plan-file';
import { loadStoredPlan, PLAN_CHANNEL, saveStoredPlan } from '../../lib/school/plan/plan-store';
import { missingStages, reviewerProgress, teacherLines } from '../../lib/school/plan/plan-teachers';
import { ConfirmQuestion } from '../ConfirmAction';
import { url } from '../url';
import { HandoffPanel } from './HandoffPanel';
import { OtherSchools } from './OtherSchools';
import { OutcomeForm } from './OutcomeForm';
import { RosterPanel } from './RosterPanel';
import { TeacherLines } from './TeacherLines';
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
import { browserStorage } from '../../lib/files/browser-storage';
import { useGuardedSave } from '../use-guarded-save';
import SavedElsewhere, { type SavedElsewhereWording } from '../SavedElsewhere';
import ClosingAside from '../ClosingAside';

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

const ELSEWHERE_WORDING: SavedElsewhereWording = {
  lead: '另一个标签页（或窗口）中的考核档案已更新，本页暂停保存，以免覆盖那里载入的文件和录入的结果。本页的改动仍在页面上，没有丢失。请选择：',
  choices: [
    '载入另一个标签页的档案：本页改为显示它并继续自动保存，本页尚未保存的改动不再保留；',
    '保留本页的档案：用本页的档案替换另一个标签页保存的档案；',
    '也可以先下载本页的档案文件，留一份备查（以后可在“载入文件”中重新载入）。',
  ],
  takeTheirs: '载入另一个标签页的档案',
  keepMine: '保留本页的档案',
  keepQuestion:
    '确定用本页的考核档案替换另一个标签页保存的档案吗？另一个标签页中新载入的文件和录入的结果将被替换，无法恢复。',
  keepGroupLabel: '确认保留本页的考核档案',
  download: '下载本页的档案文件',
};

const fileCount = (a: ArchiveContent) => a.selfChecks.length + a.reviews.length;

/** Two plans that say the same, whenever each was saved. */
const samePlan = (a: SchoolPlan, b: SchoolPlan) =>
  exportPlanText({ ...a, savedAt: '' }) === exportPlanText({ ...b, savedAt: '' });

export default function SchoolArchive({ abilities, policies }: SchoolProps) {
  const store = useRef<TextStore | undefined>(undefined);
  const [plan, setPlan] = useState<SchoolPlan | undefined>();
  const [planNotice, setPlanNotice] = useState<string | undefined>();
  /** A plan carried by an archive file that differs from this browser's: asked before it replaces it. */
  const [offeredPlan, setOfferedPlan] = useState<{ name: string; plan: SchoolPlan } | undefined>();
  const [printHandoff, setPrintHandoff] = useState(false);
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
  /** What the page says about the archive kept in this browser (restored, taken from another tab). */
  const [kept, setKept] = useState<string | undefined>();
  // Two tabs (archive-store.ts, use-guarded-save): every save names the stored archive this tab
  // last read or wrote; once another tab has saved since, nothing is written until the principal
  // chooses (SavedElsewhere); a change made as the tab closes is kept by a closing copy.
  const guard = useGuardedSave<ArchiveContent>({
    ready,
    shown: archive,
    latest: () => current.current,
    delay: 200,
    openChannel: (heard) => openSaveChannel(ARCHIVE_CHANNEL, ARCHIVE_SAVED_KIND, heard),
    write: (state, basedOn, force, stamp) => saveArchive(store.current, state, basedOn, { force, stamp }),
    nextStamp: (after) => nextArchiveStamp(after),
    keepCopy: (state, basedOn, writtenAs) => keepClosingArchive(browserStorage(), state, basedOn, writtenAs),
    dropCopy: (superseded) => dropClosingArchive(browserStorage(), superseded),
    onSaved: (state) => setSavedCount(fileCount(state)),
    onFailed: (error) => {
      setNotice(error);
      setSavedCount(undefined);
    },
  });
  const { elsewhere } = guard;
  // A closing copy from an earlier visit that another tab's save overtook: kept for the principal.
  const [closingAside, setClosingAside] = useState<{ text: string; at: string }>();

  const readPlan = useCallback(async () => {
    const load = await loadStoredPlan(store.current);
    if (load.status === 'ok') {
      setPlan(load.plan);
      setPlanNotice(undefined);
    } else if (load.status === 'empty') {
      setPlan(undefined);
      setPlanNotice(undefined);
    } else if (load.status === 'unreadable') {
      setPlan(undefined);
      setPlanNotice(
        `本机保存的学校考核方案无法读取（${load.error}），本页暂按没有方案显示；原样的副本已另存，可在方案页找回。`,
      );
    } else setPlanNotice(load.error);
  }, []);

  /** Shows an archive read from the store: the one this tab now saves on from. */
  const showStored = (load: ArchiveLoad): ArchiveContent => {
    // The stored archive never carries the plan: the plan store holds the one copy.
    const shown = { ...load.archive, plan: undefined };
    guard.stamp.current = load.stamp;
    // An archive read whole is not written back; a repaired one is, so the damaged text is not
    // read again (it is copied aside first).
    guard.written.current = load.status === 'salvaged' || load.status === 'unreadable' ? undefined : shown;
    current.current = shown;
    setArchive(shown);
    setNotice(storeNotice(load));
    setRescueKey(load.status === 'salvaged' || load.status === 'unreadable' ? load.rescueKey : undefined);
    setSavedCount(load.status === 'ok' ? fileCount(shown) : undefined);
    return shown;
  };

  useEffect(() => {
    store.current = indexedDbStore();
    let live = true;
    void settleClosingArchive(store.current, browserStorage()).then(async (closing) => {
      const [load] = await Promise.all([loadArchive(store.current), readPlan()]);
      if (!live) return;
      if (closing.status === 'overtaken') setClosingAside({ text: closing.text, at: closing.at });
      showStored(load);
      guard.readBack.current = true;
      setReady(true);
    });
    const plans = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(PLAN_CHANNEL);
    if (plans) plans.onmessage = () => void readPlan();
    return () => {
      live = false;
      plans?.close();
    };
  }, [readPlan]);

  /** The principal chose the other tab's archive: this tab reads it and saves on from there. */
  const takeTheirs = async () => {
    await guard.settled();
    const load = await loadArchive(store.current);
    if (load.status === 'unavailable') return setNotice(load.error);
    // The principal chose the other tab's archive over this one's, closing copy included.
    guard.dropOwnCopies();
    showStored(load);
    setReport(undefined);
    setSelected(undefined);
    guard.setElsewhere(false);
    setKept(
      load.status === 'empty'
        ? '另一个标签页已清除本浏览器中保存的考核档案，本页已随之清空，继续自动保存。'
        : '已载入另一个标签页保存的考核档案，本页继续自动保存。',
    );
  };

  /** The principal confirmed: this tab's archive replaces the other tab's. */
  const keepMine = async () => {
    const result = await guard.save(current.current, true);
    if (result.status === 'saved') {
      guard.setElsewhere(false);
      setKept('已用本页的考核档案替换另一个标签页保存的档案，本页继续自动保存。');
    }
  };

  const downloadMine = () =>
    downloadBlob(
      new Blob([exportArchiveText({ ...current.current, plan })], { type: 'application/json' }),
      `学校考核档案_本页_${new Date().toISOString().slice(0, 10)}.json`,
    );

  const knownRegions = useMemo(() => new Set(policies.map((p) => p.slug)), [policies]);
  const fileRegion = useMemo(
    () =>
      commonRegion(
        archive.selfChecks.map((d) => d.profile.region),
        knownRegions,
      ),
    [archive.selfChecks, knownRegions],
  );
  const region = plan?.school.region ?? (archive.settings.region || fileRegion);
  const regionPolicy = policies.find((p) => p.slug === region);
  const regionName = regionPolicy?.data.region ?? '';
  const stages = useMemo(() => archiveStages(policies, region, plan), [policies, region, plan]);
  const stageNames = useMemo(() => stages.map((s) => s.name), [stages]);
  const stagesFrom = useMemo(() => reviewStages(policies, region).from, [policies, region]);
  // Files from another school or region are left out of every figure unless taken in.
  const split = useMemo(
    () => splitOurs(archive, { school: plan?.school.name, region }, policies),
    [archive, plan, region, policies],
  );
  const merged = useMemo(() => mergeArchive(split.ours, stageNames), [split, stageNames]);
  const rows = useMemo(
    () => archiveRows(merged, abilities, { stages, typed: archive.outcomes }),
    [merged, abilities, stages, archive.outcomes],
  );
  const lines = useMemo(
    () =>
      plan
        ? teacherLines(
            plan,
            merged.teachers.map((t) => ({
              id: t.id,
              name: t.draft.profile.name,
              subject: t.draft.profile.subject.trim(),
              level: t.draft.profile.stage,
              abilities: t.draft.abilities,
            })),
            rows,
            abilities,
          )
        : [],
    [plan, merged, rows, abilities],
  );
  const missing = useMemo(
    () => (plan ? missingStages(plan, lines, rows, merged.stages) : []),
    [plan, lines, rows, merged.stages],
  );
  const reviewers = useMemo(
    () => (plan ? reviewerProgress(plan, lines, rows, merged.stages) : []),
    [plan, lines, rows, merged.stages],
  );
  const handoffReady = useMemo(() => readyTeachers(lines), [lines]);
  const countyStage = stages.find((s) => s.outside && !s.sampled)?.name ?? '县级审核认定';
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
      const carried = total?.plans.at(-1);
      if (carried) void offerPlan(carried);
    })();
  }, []);

  // A plan that came in an archive file: taken as it is when this browser has none; asked first when
  // it differs from the one here (the plan page's work is never replaced without asking).
  const planRef = useRef(plan);
  planRef.current = plan;
  const offerPlan = async (carried: { name: string; plan: SchoolPlan }) => {
    const here = planRef.current;
    if (here && samePlan(here, carried.plan)) return;
    if (here) return setOfferedPlan(carried);
    await adoptPlan(carried.plan, undefined);
  };
  const adoptPlan = async (next: SchoolPlan, basedOn: string | undefined) => {
    const saved = await saveStoredPlan(store.current, next, basedOn, { force: basedOn !== undefined });
    if (!saved.ok) return setPlanNotice(saved.error);
    setPlan(next);
    setPlanNotice(`已采用档案文件中的学校考核方案（${next.school.name}）。`);
    if (typeof BroadcastChannel !== 'undefined') {
      const channel = new BroadcastChannel(PLAN_CHANNEL);
      channel.postMessage({ savedAt: next.savedAt });
      channel.close();
    }
  };

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
    if (!printHandoff) return;
    document.body.setAttribute('data-print', 'handoff');
    const done = () => {
      document.body.removeAttribute('data-print');
      setPrintHandoff(false);
    };
    window.addEventListener('afterprint', done, { once: true });
    buttonPrint.current = true;
    try {
      window.print();
    } finally {
      buttonPrint.current = false;
    }
    return () => window.removeEventListener('afterprint', done);
  }, [printHandoff]);

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
    await guard.settled();
    const cleared = await clearArchive(store.current, guard.stamp.current);
    // Another tab saved since: nothing was removed, this page's archive stays, and it asks.
    if (cleared.status === 'elsewhere') return guard.setElsewhere(true);
    if (cleared.status === 'failed') return setNotice(cleared.error);
    const empty = emptyArchive();
    guard.stamp.current = undefined;
    guard.written.current = empty;
    current.current = empty;
    guard.announce(undefined);
    setArchive(empty);
    setReport(undefined);
    setSelected(undefined);
    setRescueKey(undefined);
    setNotice(undefined);
    setSavedCount(undefined);
    setClosingAside(undefined);
    setKept('已清除本浏览器中保存的考核档案。');
  };

  const onSort = (key: SortKey) => {
    setSort((s) => toggleSort(s, key));
    setPage(0);
  };
  const onOpen = (row: ArchiveRow) => setSelected(row.key);
  const teachers = merged.teachers.length;

  const recordOutcome = (target: { teacher: string; code: string }, input: Record<string, string>) => {
    const line = lines.find((l) => l.name === target.teacher);
    const draft = merged.teachers.find((t) => line?.teacherIds.includes(t.id))?.draft;
    const result = typeOutcome(
      current.current,
      { ...target, contentHash: draft ? cachedContentHash(draft) : '' },
      input,
      stages,
    );
    if (!result.ok) return result.error;
    current.current = result.archive;
    setArchive(result.archive);
    return undefined;
  };
  const removeTyped = (which: TypedStageResult) => setArchive((a) => removeOutcome(a, which));
  const takeIn = (id: string, take: boolean) => setArchive((a) => setTakenIn(a, id, take));

  return (
    <div className="school-archive" data-ready={ready ? 'true' : 'false'} data-teachers={teachers}>
      {!ready && <p className="notice">正在读取本机保存的档案……</p>}
      {kept && (
        <p className="notice" role="status" data-archive-kept>
          {kept}
        </p>
      )}
      {closingAside && (
        <ClosingAside
          {...closingAside}
          what="考核档案"
          short="档案"
          reuse="，以后在“载入文件”中重新载入"
          fileStem="学校考核档案"
        />
      )}
      {elsewhere && (
        <SavedElsewhere
          wording={ELSEWHERE_WORDING}
          onTakeTheirs={() => void takeTheirs()}
          onKeepMine={() => void keepMine()}
          onDownload={downloadMine}
        />
      )}
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

      <div className="plan-bar no-print" data-plan={plan ? 'true' : 'false'}>
        {plan ? (
          <p>
            按学校考核方案：<strong>{plan.school.name}</strong>
            {plan.school.round ? `（${plan.school.round}）` : ''}，教师名单 {plan.roster.length} 人，评审分工{' '}
            {plan.assignments.length} 项。<a href={url('/school/plan/')}>查看或修改学校考核方案</a>
          </p>
        ) : (
          <p>
            还没有学校考核方案。
            <a href={url('/school/plan/')}>编写学校考核方案</a>
            后，本页还能对照教师名单（谁还没交）、检查每位教师的选课要求，并生成移交县级审核的名单和文件。
          </p>
        )}
        {planNotice && (
          <p className="notice" role="status" data-plan-notice>
            {planNotice}
          </p>
        )}
        {offeredPlan && plan && (
          <ConfirmQuestion
            as="div"
            question={
              <p>
                {displayText(offeredPlan.name)} 中带有一份学校考核方案（{offeredPlan.plan.school.name}，
                {offeredPlan.plan.savedAt.slice(0, 10)} 保存），与本浏览器中的方案（{plan.school.name}，
                {plan.savedAt.slice(0, 10)} 保存）不同。要用档案文件中的方案替换本浏览器中的方案吗？
              </p>
            }
            groupLabel="是否替换学校考核方案"
            confirmLabel="用档案中的方案替换"
            onConfirm={() => {
              const next = offeredPlan.plan;
              setOfferedPlan(undefined);
              void adoptPlan(next, plan.savedAt);
            }}
            onCancel={() => {
              setOfferedPlan(undefined);
              setPlanNotice('已保留本浏览器中的学校考核方案。');
            }}
          />
        )}
      </div>

      <section aria-labelledby="load-heading" className="no-print">
        <h2 id="load-heading">载入文件</h2>
        <FileIntake onFiles={addFiles} busy={busy} />
        {elsewhere ? (
          <p className="hint" data-paused>
            本页暂停自动保存：另一个标签页保存了较新的考核档案（见上方提示）；本页的改动仍在页面上。
          </p>
        ) : (
          savedCount !== undefined &&
          savedCount > 0 && (
            <p className="hint" data-saved={savedCount}>
              档案（{savedCount}{' '}
              个文件）已保存在本浏览器中，刷新或重新打开本页仍在；换电脑请用“保存档案文件”。
            </p>
          )
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

      <OtherSchools others={split.others} onTake={takeIn} />

      <section aria-labelledby="settings-heading" className="school-settings">
        <h2 id="settings-heading" className="no-print">
          学校所在地区
        </h2>
        <div className="settings-fields no-print">
          {plan ? (
            <p className="field" data-plan-region>
              地区：{regionName || plan.school.region}（按学校考核方案；决定年度目标）
            </p>
          ) : (
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
          )}
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
          {regionName ? `${regionName}：` : ''}评审环节{' '}
          {stages
            .map((s) => (s.outside ? `${s.name}（校外${s.sampled ? '，抽查' : ''}）` : s.name))
            .join(' → ')}
          {plan
            ? '（据学校考核方案）'
            : stagesFrom
              ? `（据${stagesFrom.region}的实施方案）`
              : '（政策文件未规定时的默认环节）'}
        </p>
      </section>

      {plan && <RosterPanel lines={lines} missing={missing} progress={reviewers} />}

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
          {plan && <TeacherLines lines={lines} />}
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
          {plan && (
            <OutcomeForm
              lines={lines}
              stages={stages}
              typed={archive.outcomes}
              onRecord={recordOutcome}
              onRemove={removeTyped}
            />
          )}
          {plan && (
            <HandoffPanel
              school={plan.school.name}
              round={plan.school.round}
              countyStage={countyStage}
              ready={handoffReady}
              onFile={() => {
                const file = makeHandoff({
                  plan,
                  ...handoffParts(split.ours, merged, rows, lines, stages),
                });
                downloadBlob(
                  new Blob([exportHandoffText(file)], { type: 'application/json' }),
                  handoffFileName(file),
                );
              }}
              onCsv={() =>
                downloadBlob(
                  new Blob([handoffCsv(plan, lines)], { type: 'text/csv;charset=utf-8' }),
                  handoffCsvName(plan),
                )
              }
              onPrint={() => setPrintHandoff(true)}
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
                new Blob([exportArchiveText({ ...archive, plan })], { type: 'application/json' }),
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
