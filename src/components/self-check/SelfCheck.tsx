/**
 * The self-check wizard island. Holds the draft, autosaves it in this browser, and moves between
 * the four steps. Grades come from src/lib/grading/grading.ts; nothing entered or picked leaves the device.
 */
import {
  startTransition,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type MouseEvent,
} from 'react';
import {
  emptyDraft,
  exportDraftText,
  importDraftText,
  MAX_IMPORT_BYTES,
  type Draft,
} from '../../lib/self-check/draft';
import { isDraftStarted, replaceQuestion } from '../../lib/self-check/draft-replace';
import { restoreAbilities, type AbilitiesBefore } from '../../lib/self-check/draft-restore';
import { isPlanText } from '../../lib/self-check/plan-keep';
import {
  browserStorage,
  CHANGED_ELSEWHERE_MESSAGE,
  createDraftStore,
  type LoadResult,
} from '../../lib/self-check/draft-store';
import { gradeAbility, type AbilityEvidence, type Rubric } from '../../lib/grading/grading';
import { applyPack, regionalRubricFor, rubricOriginText } from '../../lib/rubrics/school-rubrics';
import type { RubricPack } from '../../lib/rubrics/rubric-file';
import { pickOrigin } from '../../lib/rubrics/rubric-data';
import RegionalRubricsNote from './RegionalRubricsNote';
import { useRegionalRubrics } from './use-regional-rubrics';
import { abilityCodeQuery } from '../../lib/search/search-query';
import {
  historyStateOf,
  isCarriedOverClick,
  reachableSteps,
  stepOfHistoryState,
} from '../../lib/self-check/wizard-steps';
import { downloadBlob } from '../download';
import AbilityPickStep from './AbilityPickStep';
import type { PdfFonts } from './pdf-packet';
import ProfileStep from './ProfileStep';
import { ReviewEntry } from './ReviewEntry';
import { isReviewText } from '../../lib/review/review-presence';
import { readFileText } from '../../lib/files/versioned-file';
import SchoolRubricEntry from './SchoolRubricEntry';
import PlanEntry, { type TeacherPlan } from './PlanEntry';
import type { AbilityOption, RegionOption } from './types';
import './self-check.css';
import ConfirmAction, { ConfirmQuestion } from '../ConfirmAction';
import JsonFileButton from '../JsonFileButton';
import Tabs from '../Tabs';
import Notice from '../Notice';
import { onDemand } from '../OnDemand';
import OnceButton from '../OnceButton';
import ShareButton from '../ShareButton';

// The evidence and results steps are not part of the wizard's first load (tests/e2e/budgets.spec.ts,
// self-check-start.spec.ts): each is fetched once the teacher is one step before it and the
// browser is idle, so that reaching it does not wait on the network; or when first shown.
const loadEvidence = () => import('./EvidenceStep');
const loadResults = () => Promise.all([import('./SummaryStep'), import('./PdfButton')]);
const evidence = onDemand(loadEvidence);
const EvidenceStep = evidence.part((m) => m.default);
const results = onDemand(loadResults);
const SummaryStep = results.part(([summary]) => summary.default);
const PdfButton = results.part(([, pdf]) => pdf.default);
/**
 * Fetches a later step's code ahead, when the browser has nothing else to do. A failure is left
 * for the step itself to say, with 重试, if the teacher gets there (OnDemand.tsx).
 */
function prefetchWhenIdle(load: () => Promise<unknown>): () => void {
  const fetchAhead = () => void load().catch(() => undefined);
  if ('requestIdleCallback' in window) {
    const id = requestIdleCallback(fetchAhead, { timeout: 2000 });
    return () => cancelIdleCallback(id);
  }
  const timer = setTimeout(fetchAhead, 500);
  return () => clearTimeout(timer);
}

const Loading = ({ what }: { what: string }) => (
  <p className="notice" role="status">
    正在载入{what}……
  </p>
);

interface Props {
  /** The handbook's abilities (AbilityOption[]) as JSON, read once with the browser's own parser. */
  abilitiesJson: string;
  regions: RegionOption[];
  /** The regional versions' data folder (…/data/rubrics/), offered to teachers of their region first. */
  rubricData: string;
  /** The regions that have regional versions at all: others fetch nothing. */
  regionsWithRubrics: string[];
  abilityBase: string;
  siteVersion: string;
  fonts: PdfFonts;
}

const STEPS = ['基本信息', '选择微能力点', '逐项自查证据', '自评结果'];
const SAVE_DELAY = 400;
/** A hostile file can yield thousands of notes; the first ones say enough. */
const SET_ASIDE_SHOWN = 20;

function download(text: string, filename: string, type: string): void {
  downloadBlob(new Blob([text], { type }), filename);
}

const today = () => new Date().toISOString().slice(0, 10).replace(/-/g, '');
const exportName = (draft: Draft) => `微能力自评_${draft.profile.name.trim() || '未署名'}_${today()}.json`;
const emptyEvidence = (): AbilityEvidence => ({ chosen: {}, items: {} });

type NoticeState = {
  kind: 'info' | 'warn';
  text: string;
  setAside?: string[];
  /** The draft an opened file replaced, and the file's name: 撤销 brings the draft back. */
  undo?: { draft: Draft; fileName: string } | undefined;
};

/** A self-check file read and waiting for the teacher to say it may replace the draft in progress. */
type PendingImport = { draft: Draft; setAside: string[]; fileName: string; question: string };

/** What the wizard says about a stored draft it could not read whole. */
function loadedNotice(loaded: LoadResult): NoticeState | undefined {
  if (loaded.status === 'ok' && loaded.salvaged)
    return {
      kind: 'warn',
      text: `浏览器中保存的自评有 ${loaded.salvaged.setAside.length} 处内容无法读取，已略去；其余内容都已恢复。请按下面的说明补填。原来的数据可以下载保存，也可以用“打开自评文件”重新读入。`,
      setAside: loaded.salvaged.setAside,
    };
  if (loaded.status === 'corrupt')
    return {
      kind: 'warn',
      text: `浏览器中保存的自评无法读取（${loaded.error}），已重新开始。原来的数据可以下载保存。`,
    };
  return undefined;
}

export default function SelfCheck({
  abilitiesJson,
  regions,
  rubricData,
  regionsWithRubrics,
  abilityBase,
  siteVersion,
  fonts,
}: Props) {
  const abilities = useMemo(() => JSON.parse(abilitiesJson) as AbilityOption[], [abilitiesJson]);
  const itemName = useCallback(
    (code: string, id: string) =>
      abilities.find((a) => a.code === code)?.rubric.items.find((i) => i.id === id)?.name,
    [abilities],
  );
  const store = useMemo(() => createDraftStore(browserStorage(), { itemName }), [itemName]);
  const [draft, setDraft] = useState<Draft>();
  const [generation, setGeneration] = useState(0);
  const [notice, setNotice] = useState<NoticeState>();
  // The stored text of a draft that could not be read whole, kept until the teacher dismisses it.
  const [rescued, setRescued] = useState<string>();
  // Another tab saved this draft after this page last read it: this page stops saving.
  const [elsewhere, setElsewhere] = useState(false);
  const [pendingImport, setPendingImport] = useState<PendingImport>();
  const [saveState, setSaveState] = useState<string>('');
  const [storageWarning, setStorageWarning] = useState<string>();
  const [previous, setPrevious] = useState<Draft>();
  const [preselected, setPreselected] = useState<string>();
  // The school plan in use (PlanEntry keeps it in this browser): the rule, marks and deadline.
  const [schoolPlan, setSchoolPlan] = useState<TeacherPlan>();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const pending = useRef<Draft | undefined>(undefined);
  // A draft just read from storage is not written back: another tab may be watching that entry.
  const skipSave = useRef(true);
  const stepRef = useRef(0);
  const stepChangedAt = useRef(-Infinity);

  /** Takes up what the store holds: the draft, what could not be read, and the kept original. */
  const takeStored = useCallback((): Draft => {
    const loaded = store.load();
    setNotice(loadedNotice(loaded));
    const raw =
      loaded.status === 'corrupt' ? loaded.raw : loaded.status === 'ok' ? loaded.salvaged?.raw : undefined;
    setRescued(store.loadRescued() ?? raw);
    return loaded.status === 'ok' ? loaded.draft : emptyDraft();
  }, [store]);

  // Load once: saved draft (or recovery from a corrupt one), then any ?a=C5 from an ability page.
  // The first render of the steps is a transition: React draws it in slices between which the
  // browser stays free, instead of one long task after hydration (issue 23: TBT). Nothing on the
  // placeholder can be typed into, so nothing waits on it.
  useEffect(
    () =>
      startTransition(() => {
        let start = takeStored();
        if (store.mode === 'memory')
          setStorageWarning(
            '浏览器存储不可用：自评内容只保存在本页面中，关闭或刷新页面前请用“保存自评文件”保存。',
          );
        const code = abilityCodeQuery(new URLSearchParams(location.search).get('a') ?? '');
        if (code && abilities.some((a) => a.code === code)) {
          if (!start.abilities.includes(code)) {
            const order = abilities.map((a) => a.code);
            start = { ...start, abilities: order.filter((c) => c === code || start.abilities.includes(c)) };
          }
          start = { ...start, currentAbility: code };
          setPreselected(code);
          history.replaceState(history.state, '', location.pathname);
        }
        // Each step the teacher moves to gets a history entry (goTo), so Back goes back one step; a
        // reload keeps the entries and the draft keeps the step.
        if (stepOfHistoryState(history.state) !== start.step)
          history.replaceState(historyStateOf(start.step), '');
        stepRef.current = start.step;
        setPrevious(store.loadPrevious());
        setDraft(start);
      }),
    [store, abilities, takeStored],
  );

  const flush = useCallback(() => {
    if (!pending.current) return;
    const result = store.save(pending.current);
    pending.current = undefined;
    if (result.ok) setSaveState(`已自动保存（${new Date().toLocaleTimeString('zh-CN', { hour12: false })}）`);
    else if (result.elsewhere) {
      setElsewhere(true);
      setSaveState('未保存：另一个标签页中有较新的内容');
    } else {
      setStorageWarning(result.error);
      setSaveState('未能保存到浏览器');
    }
  }, [store]);

  useEffect(() => {
    if (!draft) return;
    if (skipSave.current) {
      skipSave.current = false;
      return;
    }
    pending.current = draft;
    setSaveState('正在保存……');
    const timer = setTimeout(flush, SAVE_DELAY);
    return () => clearTimeout(timer);
  }, [draft, flush]);

  useEffect(() => {
    window.addEventListener('pagehide', flush);
    return () => window.removeEventListener('pagehide', flush);
  }, [flush]);

  // Another tab saved this draft: say so at once, before this page tries to save over it.
  useEffect(() => {
    const onStorage = (e: StorageEvent) => {
      if (store.changedElsewhere(e.key, e.newValue)) setElsewhere(true);
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [store]);

  const update = useCallback((change: (d: Draft) => Draft) => setDraft((d) => (d ? change(d) : d)), []);
  const focusHeading = useCallback(() => requestAnimationFrame(() => headingRef.current?.focus()), []);

  // Back and Forward move between the steps the teacher went through.
  useEffect(() => {
    const onPop = (e: PopStateEvent) => {
      const step = stepOfHistoryState(e.state);
      if (step === undefined) return;
      stepRef.current = step;
      update((d) => (reachableSteps(d)[step] ? { ...d, step } : d));
      focusHeading();
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [update, focusHeading]);

  const step = draft?.step;
  const nearEvidence = step !== undefined && step >= 1;
  const nearResults = step !== undefined && step >= 2;
  useEffect(() => (nearEvidence ? prefetchWhenIdle(loadEvidence) : undefined), [nearEvidence]);
  useEffect(() => (nearResults ? prefetchWhenIdle(loadResults) : undefined), [nearResults]);
  useLayoutEffect(() => {
    stepChangedAt.current = performance.now();
  }, [step]);

  /** The second click of a double-click that changed the step is not a click on the new step. */
  const swallowCarriedOverClick = (e: MouseEvent) => {
    if (isCarriedOverClick(e.detail, performance.now() - stepChangedAt.current)) {
      e.preventDefault();
      e.stopPropagation();
    }
  };

  const goTo = (next: number, change: (d: Draft) => Draft = (d) => d) => {
    // A second activation of the same button (a double-click) adds no second entry.
    if (stepRef.current !== next) history.pushState(historyStateOf(next), '');
    stepRef.current = next;
    update((d) => ({ ...change(d), step: next }));
    focusHeading();
  };

  /** Shows `next` in place of the draft on screen, its step in the current history entry. */
  const show = (next: Draft) => {
    setDraft(next);
    setGeneration((g) => g + 1);
    stepRef.current = next.step;
    history.replaceState(historyStateOf(next.step), '');
  };

  // The region's versions of the abilities chosen (or with evidence kept), fetched as needed.
  const regionalRubrics = useRegionalRubrics(rubricData, regionsWithRubrics, draft?.profile.region, [
    ...(draft?.abilities ?? []),
    ...Object.keys(draft?.evidence ?? {}),
  ]);
  const { regional } = regionalRubrics;
  const rubricsReady = regionalRubrics.status === 'ready';
  // School rubric packs taken before the region's versions were here, waiting for them (takePack).
  const packsWaiting = useRef<(() => void)[]>([]);
  const takePackNow = useRef<(pack: RubricPack, announce: boolean) => () => void>(undefined);
  useEffect(() => {
    if (rubricsReady) for (const take of packsWaiting.current.splice(0)) take();
  }, [rubricsReady]);

  const onProfile = useCallback((profile: Draft['profile']) => update((d) => ({ ...d, profile })), [update]);
  // The plan fills the profile's region or school: the form on screen shows the new values.
  const onPlanProfile = useCallback(
    (change: Partial<Draft['profile']>) => {
      update((d) => ({ ...d, profile: { ...d.profile, ...change } }));
      setGeneration((g) => g + 1);
    },
    [update],
  );

  // The placeholder fills the screen so the footer is off-screen until the wizard replaces it.
  if (!draft)
    return (
      <div className="self-check-loading">
        <p role="status">正在读取浏览器中保存的自评……</p>
      </div>
    );

  const chosen = abilities.filter((a) => draft.abilities.includes(a.code));
  // The region's version replaces the handbook's for its teachers, even one that cannot grade yet.
  const offeredOf = (a: AbilityOption): AbilityOption => {
    const local = regionalRubricFor(regional, a.code, draft.profile.region);
    return local ? { ...a, rubric: local.rubric, gradable: local.canGrade } : a;
  };
  // The teacher's own or a school file's rubric, then the region's version, then the handbook's.
  const handbookRubricOf = (a: AbilityOption): Rubric | undefined => {
    const offered = offeredOf(a);
    return offered.gradable ? offered.rubric : undefined;
  };
  const reachable = reachableSteps(draft);
  const rubricOf = (a: AbilityOption): Rubric | undefined =>
    draft.customRubrics[a.code] ?? handbookRubricOf(a);
  const current = chosen.find((a) => a.code === draft.currentAbility) ?? chosen[0];
  const region = regions.find((r) => r.slug === draft.profile.region);
  const planGuide = schoolPlan?.guide(draft.profile.name, draft.abilities);

  /**
   * A school's rubric pack, from a rubric file or link or inside the school plan; returns its undo.
   * The ticks already made are kept or cleared by comparing the pack's criteria with the rubric
   * they were made against (applyPack). For a teacher whose region has versions, that rubric may
   * still be on its way: the pack then waits for it, rather than being compared with the handbook's
   * and clearing ticks that still hold (or keeping ticks whose criteria changed).
   */
  const takePack = (pack: RubricPack, announce = true): (() => void) => {
    if (rubricsReady) return applyPackNow(pack, announce);
    let undo: (() => void) | undefined;
    let withdrawn = false;
    packsWaiting.current.push(() => {
      if (!withdrawn) undo = takePackNow.current?.(pack, announce);
    });
    setNotice({
      kind: 'info',
      text: `学校录入的评价标准（${pack.abilities.map((a) => a.code).join('、')}）将在本地区的评价标准载入后使用，以便与您勾选时所按的标准核对。`,
    });
    return () => {
      withdrawn = true;
      undo?.();
    };
  };

  const applyPackNow = (pack: RubricPack, announce: boolean): (() => void) => {
    const codes = pack.abilities.map((a) => a.code);
    let before: AbilitiesBefore | undefined;
    update((d) => {
      before ??= { customRubrics: d.customRubrics, evidence: d.evidence };
      const applied = applyPack(d.customRubrics, d.evidence, pack, (code) => {
        const a = abilities.find((x) => x.code === code);
        return a ? handbookRubricOf(a) : undefined;
      });
      return { ...d, customRubrics: applied.rubrics, evidence: applied.evidence };
    });
    if (announce)
      setNotice({
        kind: 'info',
        text: `已使用学校录入的评价标准：${codes.join('、')}。在“选择微能力点”中勾选后即可按这些标准自评。`,
      });
    // Undo puts back only the pack's abilities, so work on the others since is kept.
    return () => update((d) => (before ? restoreAbilities(d, before, codes) : d));
  };
  // The waiting packs are taken with the rubrics of the render in which they arrive.
  takePackNow.current = applyPackNow;

  const refuseFile = (file: File, reason: string) => {
    setPendingImport(undefined);
    setNotice({ kind: 'warn', text: `未能打开“${file.name}”：${reason} 当前的自评没有改动。` });
  };

  /** Sets the draft in progress aside (下载上一份自评) before something replaces it. */
  const setAsidePrevious = (replaced: Draft) => {
    store.savePrevious(replaced);
    setPrevious(replaced);
  };

  const openImport = ({ draft: incoming, setAside, fileName }: Omit<PendingImport, 'question'>) => {
    const replaced = isDraftStarted(draft) ? draft : undefined;
    if (replaced) setAsidePrevious(replaced);
    setPendingImport(undefined);
    show(incoming);
    const undo = replaced && { draft: replaced, fileName };
    setNotice(
      setAside.length > 0
        ? {
            kind: 'warn',
            text: `已打开“${fileName}”，其中 ${setAside.length} 处内容无法读取，已略去；其余内容都已读入。请按下面的说明补填。`,
            setAside,
            undo,
          }
        : { kind: 'info', text: `已打开“${fileName}”。`, undo },
    );
  };

  const importFile = async (file: File) => {
    const text = await readFileText(file);
    const result = importDraftText(text, { itemName });
    if (!result.ok && isReviewText(text)) {
      refuseFile(file, '这是评审意见文件，不是自评文件：请用“打开评审意见”打开它。');
      return;
    }
    if (!result.ok && isPlanText(text)) {
      refuseFile(file, '这是学校考核方案文件，不是自评文件：请用“使用学校考核方案”打开它。');
      return;
    }
    if (!result.ok) {
      refuseFile(file, result.error);
      return;
    }
    const incoming = { draft: result.draft, setAside: result.setAside, fileName: file.name };
    const question = replaceQuestion(draft, result.draft, file.name);
    if (question) {
      setPendingImport({ ...incoming, question });
      setNotice(undefined);
    } else openImport(incoming);
  };

  const undoImport = ({ draft: replaced, fileName }: NonNullable<NoticeState['undo']>) => {
    show(replaced);
    setNotice({ kind: 'info', text: `已撤销打开“${fileName}”，恢复了原来的自评。` });
    focusHeading();
  };

  const takeNewer = () => {
    skipSave.current = true;
    pending.current = undefined;
    show(takeStored());
    setElsewhere(false);
    setSaveState('');
    focusHeading();
  };

  const startOver = () => {
    setAsidePrevious(draft);
    show(emptyDraft());
    setNotice({ kind: 'info', text: '已开始新的自评。上一份自评仍可下载。' });
    focusHeading();
  };

  return (
    <div className="self-check" onClickCapture={swallowCarriedOverClick}>
      <div className="toolbar no-print">
        <OnceButton
          className="button button-secondary"
          onClick={() => download(exportDraftText(draft), exportName(draft), 'application/json')}
        >
          保存自评文件
        </OnceButton>
        <ShareButton
          label="分享自评文件"
          kind="json"
          file={() => new File([exportDraftText(draft)], exportName(draft), { type: 'application/json' })}
        />
        <JsonFileButton
          label="打开自评文件"
          maxBytes={MAX_IMPORT_BYTES}
          what="自评文件"
          onFile={importFile}
          onRefused={refuseFile}
        />
        <ConfirmAction
          label="新建自评"
          question="确定清空当前自评、重新开始吗？"
          groupLabel="确认新建自评"
          confirmLabel="确定新建"
          onConfirm={startOver}
        />
        {previous && (
          <OnceButton
            className="link-button"
            onClick={() =>
              download(exportDraftText(previous), `上一份${exportName(previous)}`, 'application/json')
            }
          >
            下载上一份自评
          </OnceButton>
        )}
        <span className="save-state" role="status">
          {saveState}
        </span>
      </div>

      <ReviewEntry draft={draft} />
      {storageWarning && (
        <p className="notice notice-warn" role="alert">
          {storageWarning}
        </p>
      )}
      {elsewhere && (
        <div className="notice notice-warn" role="alert">
          <p>{CHANGED_ELSEWHERE_MESSAGE}</p>
          <button type="button" className="button" onClick={takeNewer}>
            载入较新的内容
          </button>
        </div>
      )}
      {pendingImport && (
        <div className="notice notice-warn">
          <ConfirmQuestion
            as="p"
            question={pendingImport.question}
            groupLabel="确认打开自评文件"
            confirmLabel="确定替换"
            onConfirm={() => openImport(pendingImport)}
            onCancel={() => {
              setPendingImport(undefined);
              setNotice({ kind: 'info', text: `没有打开“${pendingImport.fileName}”，当前的自评没有改动。` });
            }}
          />
        </div>
      )}
      {notice && (
        <Notice warn={notice.kind === 'warn'}>
          <p>
            {notice.text}
            {notice.undo && (
              <>
                {' '}
                <button
                  type="button"
                  className="link-button"
                  onClick={() => notice.undo && undoImport(notice.undo)}
                >
                  撤销<span className="visually-hidden">打开“{notice.undo.fileName}”</span>
                </button>
              </>
            )}
          </p>
          {notice.setAside && (
            <ul className="set-aside" aria-label="无法读取、已略去的内容">
              {notice.setAside.slice(0, SET_ASIDE_SHOWN).map((m, i) => (
                <li key={i}>{m}</li>
              ))}
              {notice.setAside.length > SET_ASIDE_SHOWN && (
                <li>……另有 {notice.setAside.length - SET_ASIDE_SHOWN} 处。</li>
              )}
            </ul>
          )}
        </Notice>
      )}
      {rescued !== undefined && (
        <div className="notice rescued" role="region" aria-label="无法读取的原来数据">
          <p>浏览器中还保留着无法完整读取的原来的数据，可以下载保存。</p>
          <OnceButton
            className="button button-secondary"
            onClick={() => download(rescued, `无法读取的自评数据_${today()}.txt`, 'text/plain')}
          >
            下载原来的数据
          </OnceButton>{' '}
          <ConfirmAction
            label="不再保留"
            question="删除后无法找回，确定吗？"
            groupLabel="确认不再保留原来的数据"
            confirmLabel="确定不再保留"
            onConfirm={() => {
              store.dismissRescued();
              setRescued(undefined);
            }}
          />
        </div>
      )}

      <PlanEntry
        abilities={abilities}
        regions={regions}
        profile={draft.profile}
        onProfile={onPlanProfile}
        onPlan={setSchoolPlan}
        replacing={(pack) => pack.abilities.map((a) => a.code).filter((code) => draft.customRubrics[code])}
        onUsePack={(pack) => takePack(pack, false)}
      />
      <SchoolRubricEntry
        replacing={(pack) => pack.abilities.map((a) => a.code).filter((code) => draft.customRubrics[code])}
        onUse={(pack) => takePack(pack)}
      />

      <ol className="steps no-print" aria-label="步骤">
        {STEPS.map((label, i) => (
          <li key={label} aria-current={draft.step === i ? 'step' : undefined}>
            {reachable[i] ? (
              <button type="button" className="link-button" onClick={() => goTo(i)}>
                {i + 1}. {label}
              </button>
            ) : (
              <span>
                {i + 1}. {label}
              </span>
            )}
          </li>
        ))}
      </ol>

      <h2 ref={headingRef} tabIndex={-1} className="step-heading">
        第 {draft.step + 1} 步：{STEPS[draft.step]}
        {draft.step === 2 && current ? `——${current.code} ${current.name}` : ''}
      </h2>

      {draft.step === 0 && preselected && (
        <p className="notice" role="status">
          已把 {preselected} 加入本次自评（来自您打开的能力点页面）。填好基本信息后，可在下一步增减微能力点。
        </p>
      )}
      {draft.step === 0 && (
        <ProfileStep
          key={generation}
          value={draft.profile}
          regions={regions}
          plan={planGuide}
          onChange={onProfile}
          onDone={() => goTo(1)}
        />
      )}
      {draft.step === 1 && (
        <AbilityPickStep
          abilities={abilities}
          chosen={draft.abilities}
          region={region}
          preselected={preselected}
          plan={planGuide}
          originOf={(a) => pickOrigin(draft.customRubrics[a.code], regionalRubrics.offered(a.code))}
          onChange={(codes) => update((d) => ({ ...d, abilities: codes }))}
          onBack={() => goTo(0)}
          onDone={() => goTo(2)}
        />
      )}
      {draft.step >= 1 && <RegionalRubricsNote state={regionalRubrics} />}
      {draft.step === 2 && current && rubricsReady && (
        <>
          {chosen.length > 1 && (
            <Tabs
              label="选择要自查的微能力点"
              tabs={chosen.map((a) => {
                const rubric = rubricOf(a);
                return {
                  key: a.code,
                  label: a.code,
                  detail: rubric
                    ? (gradeAbility(rubric, draft.evidence[a.code]).grade ?? '未评定')
                    : '未评定',
                  current: a.code === current.code,
                  onSelect: () => {
                    update((d) => ({ ...d, currentAbility: a.code }));
                    focusHeading();
                  },
                };
              })}
            />
          )}
          <evidence.Boundary what="逐项自查证据" fallback={<Loading what="证据清单" />}>
            <EvidenceStep
              key={`${current.code}-${generation}`}
              ability={offeredOf(current)}
              rubric={rubricOf(current)}
              evidence={draft.evidence[current.code] ?? emptyEvidence()}
              abilityUrl={`${abilityBase}${current.code}/`}
              onEditorSaveState={setSaveState}
              onEvidence={(next) =>
                update((d) => ({ ...d, evidence: { ...d.evidence, [current.code]: next } }))
              }
              onRubric={(rubric) =>
                update((d) => {
                  const customRubrics = Object.fromEntries(
                    Object.entries(d.customRubrics).filter(([code]) => code !== current.code),
                  );
                  return {
                    ...d,
                    customRubrics: rubric ? { ...customRubrics, [current.code]: rubric } : customRubrics,
                  };
                })
              }
            />
            <div className="wizard-nav">
              <button type="button" className="button button-secondary" onClick={() => goTo(1)}>
                上一步
              </button>
              <button type="button" className="button" onClick={() => goTo(3)}>
                下一步：查看自评结果
              </button>
            </div>
          </evidence.Boundary>
        </>
      )}
      {draft.step === 3 && rubricsReady && (
        <results.Boundary what="自评结果" fallback={<Loading what="自评结果" />}>
          <SummaryStep
            teacher={draft.profile}
            rows={chosen.map((a) => {
              const rubric = rubricOf(a);
              return {
                ability: a,
                result: rubric ? gradeAbility(rubric, draft.evidence[a.code]) : undefined,
                origin: rubricOriginText(rubric),
              };
            })}
            onEdit={(code) => goTo(2, (d) => ({ ...d, currentAbility: code }))}
            plan={planGuide}
          />
          <div className="wizard-nav no-print">
            <button type="button" className="button button-secondary" onClick={() => goTo(2)}>
              上一步
            </button>
            <button type="button" className="button button-secondary" onClick={() => window.print()}>
              打印
            </button>
          </div>
          <div className="no-print">
            <PdfButton
              draft={draft}
              abilities={abilities.map((a) => {
                const rubric = handbookRubricOf(a);
                return { code: a.code, name: a.name, rubric, source: rubric?.source };
              })}
              regionName={region?.path}
              coverFields={planGuide?.packetLines}
              siteVersion={siteVersion}
              fonts={fonts}
            />
          </div>
        </results.Boundary>
      )}
    </div>
  );
}
