/**
 * The county's view (/county/, 县级汇总): the county expert team opens several schools'
 * 移交县级审核 files and its own review files from /review/, sees school × status, and drills into
 * one school's teachers. Everything is kept in this browser (IndexedDB) and never leaves it.
 * src/lib/school/handoff/* decides everything; this island reads files and displays.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  addToCounty,
  combineCountyReports,
  emptyReport,
  EMPTY_COUNTY,
  readCountyFile,
  removeSchool,
  type CountyReport,
  type CountySchool,
  type CountyState,
} from '../../lib/school/handoff/county-intake';
import { countyView } from '../../lib/school/handoff/county-view';
import {
  countyCsvFileName,
  countySchoolsCsv,
  countyTeachersCsv,
  type RegionNames,
} from '../../lib/school/handoff/county-table';
import { clearCounty, forgetSchool, loadCounty, saveCounty } from '../../lib/school/handoff/county-store';
import { indexedDbStore, type TextStore } from '../../lib/files/text-store';
import type { IncomingFile } from '../../lib/school/archive-intake';
import type { AbilityInfo } from '../../lib/school/archive-rows';
import ConfirmAction from '../ConfirmAction';
import { downloadBlob } from '../download';
import Notice from '../Notice';
import OnceButton from '../OnceButton';
import { CountyIntake, type PickedFile } from './CountyIntake';
import { IntakeReport } from './IntakeReport';
import { schoolButtonId, SchoolsTable } from './SchoolsTable';
import { SchoolTeachers } from './SchoolTeachers';
import './county.css';

export interface CountyProps {
  abilities: AbilityInfo[];
  /** The region tree's names by policy slug, to name each school's region. */
  regions: { slug: string; name: string }[];
}

/** Files read and added at a time: a hundred schools' files are never all in memory as text. */
const CHUNK = 4;

export default function CountyView({ abilities, regions }: CountyProps) {
  const store = useRef<TextStore | undefined>(undefined);
  const [state, setState] = useState<CountyState>(EMPTY_COUNTY);
  const [ready, setReady] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const [report, setReport] = useState<CountyReport | undefined>();
  const [progress, setProgress] = useState<{ done: number; total: number } | undefined>();
  const [open, setOpen] = useState<string | undefined>();
  const stateRef = useRef(state);
  stateRef.current = state;

  useEffect(() => {
    store.current = indexedDbStore();
    void loadCounty(store.current).then((load) => {
      setState(load.state);
      setProblems(load.problems);
      setReady(true);
    });
  }, []);

  const names: RegionNames = useMemo(() => new Map(regions.map((r) => [r.slug, r.name])), [regions]);
  const view = useMemo(() => countyView(state, abilities), [state, abilities]);
  const openSchool = open ? view.schools.find((s) => s.key === open) : undefined;

  const onFiles = useCallback(async (files: PickedFile[]) => {
    let current = stateRef.current;
    let total = emptyReport();
    const problemsNow: string[] = [];
    setProgress({ done: 0, total: files.length });
    for (let at = 0; at < files.length; at += CHUNK) {
      const texts = new Map<CountySchool, string>();
      const read = await Promise.all(
        files.slice(at, at + CHUNK).map(async (f) => {
          const incoming: IncomingFile = await f.read();
          const item = readCountyFile(incoming);
          if (item.kind === 'handoff' && incoming.text !== undefined) texts.set(item.school, incoming.text);
          return item;
        }),
      );
      const change = addToCounty(current, read);
      current = change.state;
      total = combineCountyReports(total, change.report);
      const stored = change.stored.map((s) => ({ ...s, text: texts.get(s) }));
      const saved = await saveCounty(
        store.current,
        stored,
        change.report.reviews > 0 ? current.reviews : undefined,
      );
      if (!saved.ok && !problemsNow.includes(saved.error)) problemsNow.push(saved.error);
      setProgress({ done: Math.min(files.length, at + CHUNK), total: files.length });
    }
    setState(current);
    setReport(total);
    setProgress(undefined);
    if (problemsNow.length > 0) setProblems(problemsNow);
  }, []);

  const busy = progress !== undefined;
  const csv = (what: '学校' | '教师') => {
    const text = what === '学校' ? countySchoolsCsv(view, names) : countyTeachersCsv(view, names);
    downloadBlob(new Blob([text], { type: 'text/csv;charset=utf-8' }), countyCsvFileName(what));
  };

  return (
    <div
      className="county-view"
      data-ready={ready ? 'true' : undefined}
      data-schools={view.schools.length}
      data-teachers={view.totals.teachers}
    >
      <CountyIntake busy={busy || !ready} onFiles={(files) => void onFiles(files)} />
      {progress && (
        <p className="progress" role="status">
          正在读取第 {progress.done} / {progress.total} 个文件……
        </p>
      )}
      {problems.map((p) => (
        <Notice key={p} warn as="p">
          {p}
        </Notice>
      ))}
      {report && <IntakeReport report={report} onClose={() => setReport(undefined)} />}
      {view.reviewNotices.length > 0 && (
        <details className="review-notices">
          <summary>{view.reviewNotices.length} 份县级评审意见未计入（点击查看原因）</summary>
          <ul>
            {view.reviewNotices.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        </details>
      )}

      {view.schools.length === 0 ? (
        ready && (
          <p className="empty-note">
            还没有打开任何学校的移交文件。学校在“学校考核档案”页导出县级审核移交文件，发给县级专家团队。
          </p>
        )
      ) : (
        <>
          <section aria-labelledby="county-totals">
            <h2 id="county-totals">概况</h2>
            <dl className="county-totals" data-summary>
              <div>
                <dt>学校</dt>
                <dd data-total="schools">{view.totals.schools}</dd>
              </div>
              <div>
                <dt>移交教师</dt>
                <dd data-total="teachers">{view.totals.teachers}</dd>
              </div>
              <div>
                <dt>待县级审核认定</dt>
                <dd data-total="校内评审已完成">{view.totals['校内评审已完成']}</dd>
              </div>
              <div>
                <dt>已通过</dt>
                <dd data-total="已通过">{view.totals['已通过']}</dd>
              </div>
              <div>
                <dt>需修改或重新评审</dt>
                <dd data-total="需修改">{view.totals['需修改'] + view.totals['需重新评审']}</dd>
              </div>
            </dl>
            <p className="hint">
              已计入县级评审意见 {view.reviewsUsed} 份。县级专家在“互评与复评”页按“
              {view.schools[0]?.countyStage ?? '县级审核认定'}
              ”环节评审后保存的评审意见文件，也在上面打开，状态随之更新。
            </p>
            <div className="toolbar">
              {/* A double-click gives one file, as every download on the site. */}
              <OnceButton className="button button-secondary" onClick={() => csv('学校')}>
                导出学校汇总 CSV
              </OnceButton>
              <OnceButton className="button button-secondary" onClick={() => csv('教师')}>
                导出教师明细 CSV
              </OnceButton>
              <ConfirmAction
                label="清除本机数据"
                triggerClass="button button-secondary"
                question="清除本浏览器中保存的全部移交文件和县级评审意见？原文件不受影响，可以重新打开。"
                groupLabel="确认清除本机数据"
                confirmLabel="确定清除"
                confirmClass="button danger"
                onConfirm={() => {
                  void clearCounty(store.current).then((r) => {
                    if (!r.ok) return setProblems([r.error]);
                    setState(EMPTY_COUNTY);
                    setOpen(undefined);
                    setReport(undefined);
                    setProblems([]);
                  });
                }}
              />
            </div>
          </section>
          <SchoolsTable schools={view.schools} names={names} open={open} onOpen={setOpen} />
          {openSchool && (
            <SchoolTeachers
              key={openSchool.key}
              school={openSchool}
              regionName={names.get(openSchool.region) ?? openSchool.region}
              teachers={view.teachers.get(openSchool.key) ?? []}
              returnFocusId={schoolButtonId(view.schools.indexOf(openSchool))}
              onClose={() => setOpen(undefined)}
              onRemove={() => {
                const key = openSchool.key;
                setState((s) => removeSchool(s, key));
                setOpen(undefined);
                void forgetSchool(store.current, key);
                requestAnimationFrame(() => document.getElementById('schools-heading')?.focus());
              }}
            />
          )}
        </>
      )}
    </div>
  );
}
