/**
 * The review page's island: who reviews, the files they open (teachers' self-checks and earlier
 * reviews, by picker or drag-and-drop), and one teacher's review at a time. Every decision is
 * made in src/lib (review.ts, review-stages.ts, evidence-check.ts, review-session.ts); the work
 * is kept in this browser as it is done (review-session.ts) and nothing leaves it.
 */
import { useEffect, useRef, useState } from 'react';
import { browserStorage } from '../../lib/files/browser-storage';
import { indexedDbStore } from '../../lib/files/text-store';
import type { Draft } from '../../lib/self-check/draft';
import { inputTooBig } from '../../lib/review/review';
import type { StagePlan } from '../../lib/content/review-stages';
import {
  addTeacher,
  clearReviewSession,
  emptySession,
  isEmptySession,
  keepSessionReview,
  loadReviewSession,
  newRevision,
  openReviewPageInput,
  saveReviewSession,
  sessionText,
  updateTeacher,
  type ReviewSession,
  type SessionTeacher,
} from '../../lib/review/review-session';
import { openSessionChannel } from '../../lib/review/session-channel';
import { dropClosingReview, keepClosingReview, settleClosingReview } from '../../lib/review/review-closing';
import { readFileText } from '../../lib/files/versioned-file';
import type { PdfFonts } from '../self-check/pdf-packet';
import type { AbilityOption } from '../self-check/types';
import ConfirmAction from '../ConfirmAction';
import { downloadBlob } from '../download';
import OnceButton from '../OnceButton';
import SessionElsewhere from './SessionElsewhere';
import TeacherReview from './TeacherReview';
import { handbookRubrics } from './handbook';
import type { RegionReview } from './types';
import './review.css';
import Tabs from '../Tabs';
import { useDropZone } from '../use-drop-zone';
import { displayText } from '../../lib/content/display-text';
import PlanAssignments from './PlanAssignments';
import { useReviewPlan } from './use-review-plan';
import { usePlanView } from './plan-view';
import { useGuardedSave } from '../use-guarded-save';
import ClosingAside from '../ClosingAside';

interface Props {
  abilities: AbilityOption[];
  regions: Record<string, RegionReview>;
  defaultPlan: StagePlan;
  siteVersion: string;
  fonts: PdfFonts;
}

export interface Reviewer {
  name: string;
  role: string;
}

/** What the page says about the work kept in this browser. */
type Kept =
  | { kind: 'restored'; text: string }
  | { kind: 'salvaged'; setAside: string[]; raw: string }
  | { kind: 'unreadable'; error: string; raw: string }
  | { kind: 'cleared' };

const teacherLabel = (draft: Draft) => draft.profile.name.trim() || '未署名的教师';

/** Who reviewed, how many teachers, when: enough to recognise a progress file before loading it. */
function offeredAbout({ session, savedAt }: { session: ReviewSession; savedAt: string | undefined }): string {
  return [
    session.reviewer.name ? `评审人：${session.reviewer.name}` : '',
    `${session.teachers.length} 位教师`,
    savedAt ? `保存于 ${formatTime(savedAt)}` : '',
  ]
    .filter(Boolean)
    .join('，');
}

function formatTime(iso: string | undefined): string {
  const d = new Date(iso ?? '');
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleString('zh-CN', { hour12: false });
}

const store = typeof window === 'undefined' ? undefined : indexedDbStore();

export default function ReviewApp({ abilities, regions, defaultPlan, siteVersion, fonts }: Props) {
  const [session, setSession] = useState<ReviewSession>(emptySession);
  const [ready, setReady] = useState(false);
  const [kept, setKept] = useState<Kept>();
  const [savedAt, setSavedAt] = useState<string>();
  const [saveError, setSaveError] = useState<string>();
  // The session last written: the page says 已自动保存 only while what it shows is written.
  const [savedFor, setSavedFor] = useState<ReviewSession>();
  const [problems, setProblems] = useState<{ name: string; reason: string }[]>([]);
  const [notes, setNotes] = useState<string[]>([]);
  // Dropping files is a mouse shortcut for the button inside the zone, which keyboards use.
  const { zone: dropZone, dragging } = useDropZone<HTMLDivElement>(
    (transfer) => void openFiles(transfer.files),
  );
  const { reviewer, teachers, reviews } = session;
  // The latest session, for opening files: a batch may arrive before the kept work is read back.
  const latest = useRef(session);
  latest.current = session;
  const restoring = useRef<Promise<void>>(undefined);
  // Two tabs (review-session.ts, use-guarded-save): every save names the stored revision this tab
  // last read or wrote; once another tab has saved since, nothing is written until the reviewer
  // chooses (SessionElsewhere); a tick made as the tab closes is kept by a closing copy.
  const guard = useGuardedSave<ReviewSession>({
    ready: ready && store !== undefined,
    shown: session,
    latest: () => latest.current,
    delay: 300,
    openChannel: (heard) => openSessionChannel(heard),
    write: async (state, basedOn, force, revision) => {
      const result = await saveReviewSession(store, state, basedOn, { force, revision });
      return result.status === 'saved' ? { status: 'saved', stamp: result.revision } : result;
    },
    nextStamp: () => newRevision(),
    keepCopy: (state, basedOn, writtenAs) => keepClosingReview(browserStorage(), state, basedOn, writtenAs),
    dropCopy: (superseded) => dropClosingReview(browserStorage(), superseded),
    onSaved: (state) => {
      setSaveError(undefined);
      setSavedAt(new Date().toISOString());
      setSavedFor(state);
    },
    onFailed: setSaveError,
  });
  const { elsewhere } = guard;
  // A closing copy from an earlier visit that another tab's save overtook: kept for the reviewer.
  const [closingAside, setClosingAside] = useState<{ text: string; at: string }>();
  // Review progress opened from a file: offered, and loaded only once the reviewer says so.
  const [offered, setOffered] = useState<{
    name: string;
    session: ReviewSession;
    savedAt: string | undefined;
    setAside: string[];
  }>();
  // The school plan kept for this reviewer, and who they are in it (PlanAssignments).
  const plan = useReviewPlan(store);
  const view = usePlanView({ plan, session, setSession, ready, regions });

  // The work kept in this browser comes back first; nothing is written until it has been read.
  useEffect(() => {
    let live = true;
    restoring.current = settleClosingReview(store, browserStorage()).then(async (closing) => {
      const loaded = await loadReviewSession(store);
      if (!live) return;
      if (closing.status === 'overtaken') setClosingAside({ text: closing.text, at: closing.at });
      if (loaded.status === 'ok' || loaded.status === 'unreadable') guard.stamp.current = loaded.revision;
      // A session read whole is not written back; one that was repaired (parts set aside, or
      // nothing readable) is, so the damaged text is not read again (it is copied aside first).
      if (loaded.status === 'ok' && loaded.raw === undefined) guard.written.current = loaded.session;
      else if (loaded.status === 'empty' || loaded.status === 'unavailable')
        guard.written.current = latest.current;
      guard.readBack.current = true;
      if (loaded.status === 'ok') {
        latest.current = loaded.session;
        setSession(loaded.session);
        const parts = [
          loaded.session.teachers.length > 0
            ? `${loaded.session.teachers.length} 位教师的自评和您的评审`
            : '',
          loaded.session.reviews.length > 0 ? `${loaded.session.reviews.length} 份评审意见` : '',
        ].filter(Boolean);
        const when = formatTime(loaded.savedAt);
        setKept(
          loaded.raw !== undefined
            ? { kind: 'salvaged', setAside: loaded.setAside, raw: loaded.raw }
            : {
                kind: 'restored',
                text: `已恢复上次在本浏览器中的评审进度${parts.length > 0 ? `：${parts.join('、')}` : ''}${when ? `（保存于 ${when}）` : ''}。`,
              },
        );
      } else if (loaded.status === 'unreadable')
        setKept({ kind: 'unreadable', error: loaded.error, raw: loaded.raw });
      else if (loaded.status === 'unavailable') setSaveError(loaded.error);
      setReady(true);
    });
    return () => {
      live = false;
    };
  }, []);

  const saved = savedFor === session;
  const setReviewer = (next: Reviewer) => setSession((s) => ({ ...s, reviewer: next }));
  const changeTeacher =
    (id: string) =>
    (update: (t: SessionTeacher) => Partial<Pick<SessionTeacher, 'stage' | 'inputs' | 'checked'>>) =>
      setSession((s) => {
        const t = s.teachers.find((x) => x.draft.id === id);
        return t ? updateTeacher(s, id, update(t)) : s;
      });

  const clearAll = async () => {
    await guard.settled();
    const cleared = await clearReviewSession(store, guard.stamp.current);
    const empty = emptySession();
    latest.current = empty;
    setSession(empty);
    setProblems([]);
    setNotes([]);
    // Another tab saved since: nothing was removed, and the page asks (SessionElsewhere).
    if (cleared.status === 'elsewhere') {
      guard.setElsewhere(true);
      setKept(undefined);
      return;
    }
    if (cleared.status === 'saved') {
      guard.stamp.current = undefined;
      guard.written.current = empty;
      guard.announce(undefined);
    }
    setKept({ kind: 'cleared' });
  };

  /** The reviewer chose the other tab's progress: this tab reads it and saves on from there. */
  const takeTheirs = async () => {
    await guard.settled();
    const loaded = await loadReviewSession(store);
    if (loaded.status === 'unavailable') {
      setSaveError(loaded.error);
      return;
    }
    const next = loaded.status === 'ok' ? loaded.session : emptySession();
    // The reviewer chose the other tab's progress over this one's, closing copy included.
    guard.dropOwnCopies();
    guard.stamp.current = loaded.status === 'empty' ? undefined : loaded.revision;
    guard.written.current = next;
    latest.current = next;
    setSession(next);
    setProblems([]);
    setNotes([]);
    guard.setElsewhere(false);
    if (loaded.status === 'unreadable') setKept({ kind: 'unreadable', error: loaded.error, raw: loaded.raw });
    else if (loaded.status === 'ok' && loaded.raw !== undefined)
      setKept({ kind: 'salvaged', setAside: loaded.setAside, raw: loaded.raw });
    else {
      const when = loaded.status === 'ok' ? formatTime(loaded.savedAt) : '';
      setKept({
        kind: 'restored',
        text:
          loaded.status === 'ok'
            ? `已载入另一个标签页保存的评审进度${when ? `（保存于 ${when}）` : ''}，本页继续自动保存。`
            : '另一个标签页已清除本浏览器中保存的评审进度，本页已随之清空，继续自动保存。',
      });
    }
  };

  /** The reviewer confirmed: this tab's progress replaces the other tab's. */
  const keepMine = async () => {
    const result = await guard.save(latest.current, true);
    if (result.status === 'saved') {
      guard.setElsewhere(false);
      setKept({ kind: 'restored', text: '已用本页的评审进度替换另一个标签页保存的进度，本页继续自动保存。' });
    }
  };

  const downloadMine = () =>
    downloadBlob(
      new Blob([sessionText(latest.current)], { type: 'application/json' }),
      `评审进度_本页_${new Date().toISOString().slice(0, 10)}.json`,
    );

  const openFiles = async (list: FileList | null | undefined) => {
    const files = [...(list ?? [])];
    if (files.length === 0) return;
    await restoring.current;
    const bad: { name: string; reason: string }[] = [];
    const said: string[] = [];
    const opened: ((s: ReviewSession) => ReviewSession)[] = [];
    const handbook = handbookRubrics(abilities);
    for (const file of files) {
      const tooBig = inputTooBig(file.size);
      if (tooBig) {
        bad.push({ name: file.name, reason: tooBig });
        continue;
      }
      let text: string;
      try {
        text = await readFileText(file);
      } catch {
        bad.push({ name: file.name, reason: '无法读取这个文件（可能已被移动或删除）。' });
        continue;
      }
      const input = openReviewPageInput(text);
      if (input.kind === 'error') bad.push({ name: file.name, reason: input.error });
      else if (input.kind === 'review') {
        const review = input.review;
        opened.push((s) => ({ ...s, reviews: keepSessionReview(s.reviews, review) }));
        said.push(`已打开评审意见“${file.name}”（${review.stage}，${review.reviewer.name}）。`);
      } else if (input.kind === 'session') {
        setOffered({
          name: file.name,
          session: input.session,
          savedAt: input.savedAt,
          setAside: input.setAside,
        });
      } else {
        const draft = input.draft;
        opened.push((s) => {
          const added = addTeacher(s, draft, file.name, handbook);
          if (added.note) said.push(added.note);
          return added.session;
        });
      }
    }
    // One update for the whole batch, so the notes are collected once (not again by StrictMode).
    let next = latest.current;
    for (const apply of opened) next = apply(next);
    latest.current = next;
    setSession(next);
    setProblems(bad);
    setNotes([...new Set(said)]);
  };

  /** The reviewer chose to continue from the progress in a file: it replaces this page's. */
  const takeOffered = () => {
    if (!offered) return;
    latest.current = offered.session;
    setSession(offered.session);
    setProblems([]);
    setNotes(offered.setAside.map((t) => `“${offered.name}”中有部分无法读取，已略去：${t}`));
    setKept({ kind: 'restored', text: `已载入“${offered.name}”中的评审进度，本页继续自动保存。` });
    setOffered(undefined);
  };

  const current = teachers.find((t) => t.draft.id === session.currentId) ?? teachers[0];
  const orphanReviews = reviews.filter((r) => !teachers.some((t) => t.draft.id === r.draft.id));

  return (
    <div className="review-app" data-ready={ready && plan.ready ? 'true' : 'false'}>
      <div className="session-bar">
        <p className="muted" role="status" data-session-saved={saved && !elsewhere ? 'true' : undefined}>
          {elsewhere
            ? '本页暂停自动保存：另一个标签页保存了较新的评审进度（见下方提示）；本页的改动仍在页面上。'
            : saved && savedAt
              ? `评审进度已自动保存在本浏览器中（${formatTime(savedAt)}），刷新或关闭页面不会丢失；不会上传。`
              : '评审进度会自动保存在本浏览器中，刷新或关闭页面不会丢失；不会上传。'}
        </p>
        {!isEmptySession(session) && (
          <ConfirmAction
            as="div"
            label="清除本机保存的评审进度"
            question={
              <span>
                确定要清除本浏览器中保存的评审进度吗？已打开的自评、勾选和评语都会清除，无法恢复（已保存的评审意见文件不受影响）。
              </span>
            }
            groupLabel="确认清除评审进度"
            confirmLabel="确定清除"
            confirmClass="button danger"
            onConfirm={() => void clearAll()}
          />
        )}
      </div>
      {kept?.kind === 'restored' && (
        <p className="notice" role="status" data-session-restored>
          {kept.text}
        </p>
      )}
      {kept?.kind === 'cleared' && (
        <p className="notice" role="status">
          已清除本浏览器中保存的评审进度。
        </p>
      )}
      {offered && (
        <div className="notice" role="region" aria-label="打开的评审进度文件" data-session-offered>
          <p>
            “{offered.name}”是保存下来的评审进度（{offeredAbout(offered)}
            ）。载入后，本页现有的评审进度将被它替换。
          </p>
          <div className="session-elsewhere-actions">
            {isEmptySession(session) ? (
              <button type="button" className="button" onClick={takeOffered}>
                载入此评审进度
              </button>
            ) : (
              <ConfirmAction
                as="div"
                label="载入此评审进度"
                question={
                  <span>
                    确定用“{offered.name}
                    ”中的评审进度替换本页现有的进度吗？本页现有的勾选和评语将被替换（可以先点“下载本页的评审进度”留一份）。
                  </span>
                }
                groupLabel="确认载入评审进度文件"
                confirmLabel="确定载入"
                confirmClass="button danger"
                onConfirm={takeOffered}
              />
            )}
            {!isEmptySession(session) && (
              <OnceButton className="button button-secondary" onClick={downloadMine}>
                下载本页的评审进度
              </OnceButton>
            )}
            <button type="button" className="button button-secondary" onClick={() => setOffered(undefined)}>
              不载入
            </button>
          </div>
        </div>
      )}
      {closingAside && <ClosingAside {...closingAside} what="评审进度" short="进度" fileStem="评审进度" />}
      {elsewhere && (
        <SessionElsewhere onTakeTheirs={takeTheirs} onKeepMine={keepMine} onDownload={downloadMine} />
      )}
      {saveError && (
        <p className="notice notice-warn" role="alert">
          {saveError}
        </p>
      )}
      {(kept?.kind === 'salvaged' || kept?.kind === 'unreadable') && (
        <div className="notice notice-warn" role="alert" data-session-salvaged>
          {kept.kind === 'salvaged' ? (
            <>
              <p>本机保存的评审进度有部分无法读取，其余已恢复。以下内容已略去：</p>
              <ul className="problem-list">
                {kept.setAside.map((t) => (
                  <li key={t}>{t}</li>
                ))}
              </ul>
            </>
          ) : (
            <p>{kept.error}请重新打开教师的自评文件。</p>
          )}
          <p>原来保存的数据已另存一份，可以下载交给技术人员查看：</p>
          <OnceButton
            className="button button-secondary"
            onClick={() =>
              downloadBlob(new Blob([kept.raw], { type: 'application/json' }), '评审进度_原数据.json')
            }
          >
            下载原来保存的数据
          </OnceButton>
        </div>
      )}
      <PlanAssignments
        state={plan}
        abilities={abilities}
        regionName={view.regionName}
        choice={view.choice}
        stages={view.stages}
        unassigned={view.unassigned}
        onChoose={view.choose}
        onGo={view.go}
      />
      <fieldset className="reviewer">
        <legend>评审人</legend>
        <div className="field-row">
          <div className="field">
            <label htmlFor="reviewer-name">姓名（必填，写入评审意见和 PDF）</label>
            <input
              id="reviewer-name"
              value={reviewer.name}
              maxLength={60}
              autoComplete="name"
              onChange={(e) => setReviewer({ ...reviewer, name: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor="reviewer-role">身份或职务（可选，如“数学教研组长”“信息化团队成员”）</label>
            <input
              id="reviewer-role"
              value={reviewer.role}
              maxLength={60}
              onChange={(e) => setReviewer({ ...reviewer, role: e.target.value })}
            />
          </div>
        </div>
        <p className="muted">
          {plan.kept
            ? '评审环节按学校考核方案：方案中分配给您的教师，环节已按分工选好；也可在下方各教师的评审处更改。'
            : '评审环节（组内互评、复评等）按每位教师所在地区的考核流程，在下方各教师的评审处选择。'}
        </p>
      </fieldset>

      <div className={`drop-zone${dragging ? ' drop-zone-active' : ''}`} ref={dropZone} data-drop-zone>
        <label className="button file-button">
          打开自评文件
          <input
            type="file"
            multiple
            accept="application/json,.json"
            className="visually-hidden"
            onChange={(e) => {
              void openFiles(e.target.files);
              e.target.value = '';
            }}
          />
        </label>
        <p>
          可以一次选择多位教师的自评文件（教师在自评页“保存自评文件”得到的文件），也可以把文件拖放到这里。前一环节的评审意见文件可以一并打开，它的意见会显示在对应教师的评审旁边。
        </p>
      </div>

      {problems.length > 0 && (
        <div className="notice notice-warn" role="alert">
          <p>以下文件未能打开，其余文件不受影响：</p>
          <ul className="problem-list">
            {problems.map((p, i) => (
              <li key={`${p.name}-${i}`}>
                <strong>{displayText(p.name)}</strong>：{p.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
      {notes.length > 0 && (
        <div className="notice" role="status">
          {notes.map((n) => (
            <p key={n}>{n}</p>
          ))}
        </div>
      )}
      {orphanReviews.length > 0 && (
        <p className="notice" role="note">
          已打开的评审意见中，
          {orphanReviews.map((r) => `${r.teacher.name || '未署名'}（${r.stage}）`).join('、')}
          所评的自评文件还没有打开；打开该教师的自评文件后，意见会显示在旁边。
        </p>
      )}

      {teachers.length > 1 && (
        <Tabs
          label="选择要评审的教师"
          tabs={teachers.map((t) => ({
            key: t.draft.id,
            label: teacherLabel(t.draft),
            detail: t.draft.profile.school || t.fileName,
            current: t === current,
            onSelect: () => setSession((s) => ({ ...s, currentId: t.draft.id })),
          }))}
        />
      )}

      {/* Every teacher stays mounted (hidden when not shown) so switching keeps what was entered. */}
      {teachers.map((t) => (
        <TeacherReview
          key={t.draft.id + t.draft.savedAt}
          hidden={t !== current}
          teacher={t}
          onChange={changeTeacher(t.draft.id)}
          reviewer={reviewer}
          onReviewer={setReviewer}
          abilities={abilities}
          region={
            Object.hasOwn(regions, t.draft.profile.region) ? regions[t.draft.profile.region] : undefined
          }
          defaultPlan={defaultPlan}
          schoolPlan={view.schoolPlan}
          assignedStage={view.stageOf(t.draft.id)}
          onSaved={(file) => setSession((s) => ({ ...s, reviews: keepSessionReview(s.reviews, file) }))}
          earlier={reviews.filter((r) => r.draft.id === t.draft.id)}
          siteVersion={siteVersion}
          fonts={fonts}
        />
      ))}
    </div>
  );
}
