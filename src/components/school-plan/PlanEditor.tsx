/**
 * /school/plan/: the principal writes the school's plan (学校考核方案) and hands it out. The plan
 * is kept in this browser as it is typed: an unfinished plan as a draft, a finished one as the
 * stored plan that /school/ reads. Another tab's save is never silently overwritten: this page
 * saves only on top of the version it loaded, and asks which to keep when that has changed.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { browserStorage } from '../../lib/files/browser-storage';
import { indexedDbStore, type TextStore } from '../../lib/files/text-store';
import {
  draftFromPlan,
  draftText,
  emptyDraft,
  PLAN_DRAFT_KEY,
  readDraftText,
  validateDraft,
  type DraftIssue,
  type PlanDraft,
} from '../../lib/school/plan/plan-draft';
import { exportPlanText, planFileName, type SchoolPlan } from '../../lib/school/plan/plan-file';
import {
  loadStoredPlan,
  PLAN_CHANGED_ELSEWHERE_MESSAGE,
  PLAN_CHANNEL,
  PLAN_STORE_FAILED_MESSAGE,
  saveStoredPlan,
} from '../../lib/school/plan/plan-store';
import { dropClosingPlan, keepClosingPlan, settleClosingPlan } from '../../lib/school/plan/plan-closing';
import { downloadBlob } from '../download';
import PlanFileBar from './PlanFileBar';
import PlanForm from './PlanForm';
import PlanLinks from './PlanLinks';
import type { PlanPageData } from './types';
import './PlanEditor.css';

interface Props extends PlanPageData {
  selfCheckPath: string;
  reviewPath: string;
  rubricsPath: string;
}

/** Typing pauses this long before the plan is kept. */
const SAVE_DELAY_MS = 400;

type Loaded = { draft: PlanDraft; basedOn: string | undefined; note?: { warn: boolean; text: string } };

async function loadPlan(store: TextStore | undefined): Promise<Loaded> {
  const stored = await loadStoredPlan(store);
  const keptText = store ? await store.get(PLAN_DRAFT_KEY).catch(() => undefined) : undefined;
  const kept = keptText === undefined ? undefined : readDraftText(keptText);
  if (kept) {
    return {
      draft: kept.draft,
      basedOn: kept.basedOn,
      note: { warn: false, text: '已恢复上次未完成的修改：方案还有需要补全的地方，补全后自动保存。' },
    };
  }
  if (stored.status === 'ok') return { draft: draftFromPlan(stored.plan), basedOn: stored.plan.savedAt };
  if (stored.status === 'unreadable') {
    return {
      draft: emptyDraft(),
      basedOn: undefined,
      note: {
        warn: true,
        text: `本浏览器中保存的学校考核方案无法读取（${stored.error}）。${
          stored.rescueKey ? '原内容已另存一份，没有删除。' : ''
        }如有方案文件，请点“打开方案文件”。`,
      },
    };
  }
  if (stored.status === 'unavailable')
    return { draft: emptyDraft(), basedOn: undefined, note: { warn: true, text: stored.error } };
  return { draft: emptyDraft(), basedOn: undefined };
}

interface Conflict {
  mine: SchoolPlan;
  theirs: SchoolPlan | undefined;
}

export default function PlanEditor({ abilities, policies, selfCheckPath, reviewPath, rubricsPath }: Props) {
  const store = useMemo(() => (typeof window === 'undefined' ? undefined : indexedDbStore()), []);
  const [loaded, setLoaded] = useState<Loaded>();
  /** Bumped to rebuild the form from another draft (a file opened, another tab's plan taken). */
  const [formKey, setFormKey] = useState(0);
  const [saved, setSaved] = useState<SchoolPlan>();
  const [issues, setIssues] = useState<DraftIssue[]>([]);
  const [status, setStatus] = useState<{ warn: boolean; text: string }>();
  const [conflict, setConflict] = useState<Conflict>();
  const [elsewhere, setElsewhere] = useState(false);

  const basedOn = useRef<string | undefined>(undefined);
  const latest = useRef<PlanDraft | undefined>(undefined);
  /** A change not yet saved as the plan (typed, or waiting for the person to choose). */
  const pending = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const channel = useRef<BroadcastChannel | undefined>(undefined);
  const conflictRef = useRef<Conflict | undefined>(undefined);
  // Closing copies (plan-closing.ts): changes are counted, and each copy this page wrote is known
  // by the count it holds, so a finished save drops a copy only of what it saved or older.
  const changes = useRef(0);
  const copies = useRef(new Map<string, number>());
  const inFlight = useRef<string | undefined>(undefined);
  const superseded = (age: number) => (w: string) => (copies.current.get(w) ?? Infinity) <= age;
  conflictRef.current = conflict;

  const start = useCallback((next: Loaded) => {
    basedOn.current = next.basedOn;
    latest.current = next.draft;
    const check = validateDraft(next.draft);
    setIssues(check.ok ? [] : check.issues);
    setSaved(check.ok && next.basedOn !== undefined && !next.note ? check.plan : undefined);
    setLoaded(next);
    setFormKey((k) => k + 1);
  }, []);

  const saveNow = useCallback(
    async (now: Date = new Date()) => {
      const draft = latest.current;
      if (!draft) return;
      const age = changes.current;
      const check = validateDraft(draft, now);
      setIssues(check.ok ? [] : check.issues);
      const keepDraft = async () => {
        try {
          await store?.set(PLAN_DRAFT_KEY, draftText({ basedOn: basedOn.current, draft }));
          dropClosingPlan(browserStorage(), superseded(age));
          return true;
        } catch {
          setStatus({ warn: true, text: PLAN_STORE_FAILED_MESSAGE });
          return false;
        }
      };
      if (!store) {
        setStatus({ warn: true, text: PLAN_STORE_FAILED_MESSAGE });
        if (check.ok) setSaved(check.plan);
        return;
      }
      if (!check.ok || conflictRef.current) {
        if (await keepDraft())
          setStatus({
            warn: false,
            text: conflictRef.current
              ? '本页的修改已暂存在本浏览器中，请先在上方选择保留哪一份方案。'
              : `方案还有 ${check.ok ? 0 : check.issues.length} 处需要补全或修改（见下方标出的地方）；已输入的内容已暂存在本浏览器中，补全后自动保存为方案。`,
          });
        return;
      }
      inFlight.current = check.plan.savedAt;
      const result = await saveStoredPlan(store, check.plan, basedOn.current);
      inFlight.current = undefined;
      if (result.ok) {
        dropClosingPlan(browserStorage(), superseded(age));
        basedOn.current = result.plan.savedAt;
        pending.current = false;
        setSaved(result.plan);
        setElsewhere(false);
        await store.remove(PLAN_DRAFT_KEY).catch(() => undefined);
        channel.current?.postMessage({ savedAt: result.plan.savedAt });
        setStatus({
          warn: false,
          text: `方案已保存在本浏览器中（${new Date(result.plan.savedAt).toLocaleTimeString('zh-CN', { hour12: false })}）。`,
        });
      } else if (result.elsewhere) {
        await keepDraft();
        setConflict({ mine: check.plan, theirs: result.current });
      } else {
        await keepDraft();
        setStatus({ warn: true, text: result.error });
      }
    },
    [store],
  );

  useEffect(() => {
    void settleClosingPlan(store, browserStorage())
      .then(() => loadPlan(store))
      .then((first) => {
        start(first);
        if (first.note) setStatus(first.note);
        // A restored draft is a change not yet saved: a complete one is saved (or asked about) at once.
        if (first.note && !first.note.warn) {
          pending.current = true;
          if (validateDraft(first.draft).ok) void saveNow();
        }
      });
  }, [store, start, saveNow]);

  const onDraftChange = useCallback(
    (draft: PlanDraft) => {
      latest.current = draft;
      pending.current = true;
      changes.current += 1;
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void saveNow(), SAVE_DELAY_MS);
    },
    [saveNow],
  );

  useEffect(() => () => clearTimeout(timer.current), []);

  // A change made just before the tab is closed, or a link followed, would otherwise wait out the
  // pause above and be lost (IndexedDB's write does not outlive a closing tab): the moment the
  // page is hidden, a copy goes to localStorage at once, and the save runs.
  useEffect(() => {
    const flush = () => {
      const draft = latest.current;
      if (document.visibilityState !== 'hidden' || !pending.current || !draft) return;
      const now = new Date();
      const writtenAs = now.toISOString();
      const kept = { basedOn: basedOn.current, draft };
      if (keepClosingPlan(browserStorage(), kept, [basedOn.current, inFlight.current], writtenAs, now))
        copies.current.set(writtenAs, changes.current);
      clearTimeout(timer.current);
      void saveNow(now);
    };
    document.addEventListener('visibilitychange', flush);
    window.addEventListener('pagehide', flush);
    return () => {
      document.removeEventListener('visibilitychange', flush);
      window.removeEventListener('pagehide', flush);
    };
  }, [saveNow]);

  // Another tab saved: a page with nothing unsaved takes its plan; one with changes asks at its save.
  useEffect(() => {
    if (typeof BroadcastChannel === 'undefined') return;
    const ch = new BroadcastChannel(PLAN_CHANNEL);
    channel.current = ch;
    ch.onmessage = (e: MessageEvent<{ savedAt?: string }>) => {
      if (e.data?.savedAt === basedOn.current) return;
      if (pending.current) {
        setElsewhere(true);
        return;
      }
      void loadStoredPlan(store).then((load) => {
        if (load.status !== 'ok' || pending.current) return;
        start({ draft: draftFromPlan(load.plan), basedOn: load.plan.savedAt });
        setSaved(load.plan);
        setStatus({ warn: false, text: '另一个标签页保存了学校考核方案，本页已换成它保存的方案。' });
      });
    };
    return () => {
      ch.close();
      channel.current = undefined;
    };
  }, [store, start]);

  const keepMine = async () => {
    if (!conflict) return;
    const result = await saveStoredPlan(store, conflict.mine, basedOn.current, { force: true });
    if (!result.ok) {
      setStatus({ warn: true, text: result.error });
      return;
    }
    dropClosingPlan(browserStorage(), (w) => copies.current.has(w));
    basedOn.current = result.plan.savedAt;
    pending.current = false;
    setConflict(undefined);
    setElsewhere(false);
    setSaved(result.plan);
    await store?.remove(PLAN_DRAFT_KEY).catch(() => undefined);
    channel.current?.postMessage({ savedAt: result.plan.savedAt });
    setStatus({ warn: false, text: '已保留本页的方案，并保存在本浏览器中。' });
  };

  const takeTheirs = async () => {
    if (!conflict?.theirs) return;
    const theirs = conflict.theirs;
    setConflict(undefined);
    setElsewhere(false);
    pending.current = false;
    // The principal chose the other tab's plan over this page's, closing copy included.
    dropClosingPlan(browserStorage(), (w) => copies.current.has(w));
    await store?.remove(PLAN_DRAFT_KEY).catch(() => undefined);
    start({ draft: draftFromPlan(theirs), basedOn: theirs.savedAt });
    setSaved(theirs);
    setStatus({ warn: false, text: '已改用另一个标签页保存的方案。' });
  };

  /** A plan from a file, taken in after the preview: saved over the one in progress (which can be undone). */
  const replaceWith = (draft: PlanDraft) => {
    start({ draft, basedOn: basedOn.current });
    onDraftChange(draft);
  };

  if (!loaded) return <p className="muted">正在读取本浏览器中保存的学校考核方案……</p>;

  return (
    <div className="plan-editor">
      {conflict && (
        <div className="notice notice-warn plan-conflict" role="alert">
          <p>{PLAN_CHANGED_ELSEWHERE_MESSAGE}</p>
          {conflict.theirs && (
            <p>
              另一个标签页保存的是“{conflict.theirs.school.name}”的方案（
              {new Date(conflict.theirs.savedAt).toLocaleString('zh-CN', { hour12: false })}，
              {conflict.theirs.roster.length} 位教师）；本页的是“{conflict.mine.school.name}”的方案（
              {conflict.mine.roster.length} 位教师）。
            </p>
          )}
          <p className="plan-actions">
            <button type="button" className="button" onClick={() => void keepMine()}>
              保留本页的方案
            </button>
            {conflict.theirs && (
              <button type="button" className="button button-secondary" onClick={() => void takeTheirs()}>
                改用另一个标签页的方案
              </button>
            )}
            <button
              type="button"
              className="button button-secondary"
              onClick={() =>
                downloadBlob(
                  new Blob([exportPlanText(conflict.mine)], { type: 'application/json' }),
                  planFileName(conflict.mine),
                )
              }
            >
              先把本页的方案保存为文件
            </button>
          </p>
        </div>
      )}
      {elsewhere && !conflict && (
        <p className="notice" role="status">
          另一个标签页刚保存了学校考核方案。本页有还没保存的修改，保存时会请您选择保留哪一份。
        </p>
      )}
      <div className="plan-status" aria-live="polite">
        {status && <p className={status.warn ? 'notice notice-warn' : 'notice'}>{status.text}</p>}
      </div>
      <PlanFileBar
        saved={saved}
        current={() => latest.current}
        abilities={abilities}
        policies={policies}
        onReplace={replaceWith}
      />
      <PlanForm
        key={formKey}
        initial={loaded.draft}
        issues={issues}
        abilities={abilities}
        policies={policies}
        rubricsPath={rubricsPath}
        onChange={onDraftChange}
        onCheck={() => void saveNow()}
      />
      <PlanLinks
        plan={saved}
        selfCheckPath={selfCheckPath}
        reviewPath={reviewPath}
        pending={issues.length > 0}
      />
    </div>
  );
}
