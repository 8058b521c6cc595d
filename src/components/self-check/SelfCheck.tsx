/**
 * The self-check wizard island. Holds the draft, autosaves it in this browser, and moves between
 * the four steps. Grades come from src/lib/grading.ts; nothing entered or picked leaves the device.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { emptyDraft, exportDraftText, importDraftText, type Draft } from '../../lib/draft';
import { browserStorage, createDraftStore } from '../../lib/draft-store';
import { gradeAbility, type AbilityEvidence, type Rubric } from '../../lib/grading';
import {
  applyPack,
  regionalRubricFor,
  rubricOriginText,
  type RegionalRubric,
} from '../../lib/school-rubrics';
import { abilityCodeQuery } from '../../lib/search-query';
import { reachableSteps } from '../../lib/wizard-steps';
import { downloadBlob } from '../download';
import AbilityPickStep from './AbilityPickStep';
import EvidenceStep from './EvidenceStep';
import PdfButton from './PdfButton';
import type { PdfFonts } from './pdf-packet';
import ProfileStep from './ProfileStep';
import { ReviewEntry } from './ReviewEntry';
import { isReviewText } from '../../lib/review-presence';
import { readFileText } from '../../lib/versioned-file';
import SchoolRubricEntry from './SchoolRubricEntry';
import SummaryStep from './SummaryStep';
import type { AbilityOption, RegionOption } from './types';
import './self-check.css';
import ConfirmAction from '../ConfirmAction';
import JsonFileButton from '../JsonFileButton';
import Tabs from '../Tabs';
import Notice from '../Notice';
import OnceButton from '../OnceButton';
import ShareButton from '../ShareButton';

interface Props {
  abilities: AbilityOption[];
  regions: RegionOption[];
  /** Regional handbook versions, offered to teachers of their region first. */
  regional: RegionalRubric[];
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

export default function SelfCheck({ abilities, regions, regional, abilityBase, siteVersion, fonts }: Props) {
  const itemName = useCallback(
    (code: string, id: string) =>
      abilities.find((a) => a.code === code)?.rubric.items.find((i) => i.id === id)?.name,
    [abilities],
  );
  const store = useMemo(() => createDraftStore(browserStorage(), { itemName }), [itemName]);
  const [draft, setDraft] = useState<Draft>();
  const [generation, setGeneration] = useState(0);
  const [notice, setNotice] = useState<{ kind: 'info' | 'warn'; text: string; setAside?: string[] }>();
  const [corruptRaw, setCorruptRaw] = useState<string>();
  const [saveState, setSaveState] = useState<string>('');
  const [storageWarning, setStorageWarning] = useState<string>();
  const [previous, setPrevious] = useState<Draft>();
  const [preselected, setPreselected] = useState<string>();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const pending = useRef<Draft | undefined>(undefined);
  const firstRender = useRef(true);

  // Load once: saved draft (or recovery from a corrupt one), then any ?a=C5 from an ability page.
  useEffect(() => {
    const loaded = store.load();
    let start = emptyDraft();
    if (loaded.status === 'ok') start = loaded.draft;
    if (loaded.status === 'ok' && loaded.salvaged) {
      setCorruptRaw(loaded.salvaged.raw);
      setNotice({
        kind: 'warn',
        text: `浏览器中保存的自评有 ${loaded.salvaged.setAside.length} 处内容无法读取，已略去；其余内容都已恢复。请按下面的说明补填。原来的数据可以下载保存，也可以用“导入 JSON”重新读入。`,
        setAside: loaded.salvaged.setAside,
      });
    }
    if (loaded.status === 'corrupt') {
      setCorruptRaw(loaded.raw);
      setNotice({
        kind: 'warn',
        text: `浏览器中保存的自评无法读取（${loaded.error}），已重新开始。原来的数据可以下载保存。`,
      });
    }
    if (store.mode === 'memory')
      setStorageWarning('浏览器存储不可用：自评内容只保存在本页面中，关闭或刷新页面前请导出 JSON。');
    const code = abilityCodeQuery(new URLSearchParams(location.search).get('a') ?? '');
    if (code && abilities.some((a) => a.code === code)) {
      if (!start.abilities.includes(code)) {
        const order = abilities.map((a) => a.code);
        start = { ...start, abilities: order.filter((c) => c === code || start.abilities.includes(c)) };
      }
      start = { ...start, currentAbility: code };
      setPreselected(code);
      history.replaceState(null, '', location.pathname);
    }
    setPrevious(store.loadPrevious());
    setDraft(start);
  }, [store, abilities]);

  const flush = useCallback(() => {
    if (!pending.current) return;
    const result = store.save(pending.current);
    pending.current = undefined;
    if (result.ok) setSaveState(`已自动保存（${new Date().toLocaleTimeString('zh-CN', { hour12: false })}）`);
    else {
      setStorageWarning(result.error);
      setSaveState('未能保存到浏览器');
    }
  }, [store]);

  useEffect(() => {
    if (!draft) return;
    if (firstRender.current) {
      firstRender.current = false;
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

  const update = useCallback((change: (d: Draft) => Draft) => setDraft((d) => (d ? change(d) : d)), []);

  const goTo = (step: number) => {
    update((d) => ({ ...d, step }));
    requestAnimationFrame(() => headingRef.current?.focus());
  };

  const onProfile = useCallback((profile: Draft['profile']) => update((d) => ({ ...d, profile })), [update]);

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

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    const text = await readFileText(file);
    const result = importDraftText(text, { itemName });
    if (!result.ok && isReviewText(text)) {
      setNotice({
        kind: 'warn',
        text: `“${file.name}”是评审意见文件，不是自评文件：请用“打开评审意见”打开它。当前的自评没有改动。`,
      });
      return;
    }
    if (!result.ok) {
      setNotice({ kind: 'warn', text: `未能导入“${file.name}”：${result.error} 当前的自评没有改动。` });
      return;
    }
    setDraft(result.draft);
    setGeneration((g) => g + 1);
    setCorruptRaw(undefined);
    setNotice(
      result.setAside.length > 0
        ? {
            kind: 'warn',
            text: `已导入“${file.name}”，其中 ${result.setAside.length} 处内容无法读取，已略去；其余内容都已导入。请按下面的说明补填。`,
            setAside: result.setAside,
          }
        : { kind: 'info', text: `已导入“${file.name}”。` },
    );
  };

  const startOver = () => {
    store.savePrevious(draft);
    setPrevious(draft);
    setDraft(emptyDraft());
    setGeneration((g) => g + 1);
    setNotice({ kind: 'info', text: '已开始新的自评。上一份自评仍可下载。' });
    requestAnimationFrame(() => headingRef.current?.focus());
  };

  return (
    <div className="self-check">
      <div className="toolbar no-print">
        <OnceButton
          className="button button-secondary"
          onClick={() => download(exportDraftText(draft), exportName(draft), 'application/json')}
        >
          导出 JSON
        </OnceButton>
        <ShareButton
          label="分享自评文件"
          kind="json"
          file={() => new File([exportDraftText(draft)], exportName(draft), { type: 'application/json' })}
        />
        <JsonFileButton label="导入 JSON" onFile={importFile} />
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
      {notice && (
        <Notice warn={notice.kind === 'warn'}>
          <p>{notice.text}</p>
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
          {corruptRaw !== undefined && (
            <OnceButton
              className="button button-secondary"
              onClick={() => download(corruptRaw, `无法读取的自评数据_${today()}.txt`, 'text/plain')}
            >
              下载原来的数据
            </OnceButton>
          )}
        </Notice>
      )}

      <SchoolRubricEntry
        replacing={(pack) => pack.abilities.map((a) => a.code).filter((code) => draft.customRubrics[code])}
        onUse={(pack) => {
          update((d) => {
            const applied = applyPack(d.customRubrics, d.evidence, pack, (code) => {
              const a = abilities.find((x) => x.code === code);
              return a ? handbookRubricOf(a) : undefined;
            });
            return { ...d, customRubrics: applied.rubrics, evidence: applied.evidence };
          });
          setNotice({
            kind: 'info',
            text: `已使用学校录入的评价标准：${pack.abilities.map((a) => a.code).join('、')}。在“选择微能力点”中勾选后即可按这些标准自评。`,
          });
        }}
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
          originOf={(a) => {
            const rubric = rubricOf(a);
            return rubric && rubric.origin !== '手册'
              ? rubric.origin
              : rubric?.source
                ? '本地区版本'
                : !rubric && offeredOf(a).rubric.source
                  ? '本地区版本，需补全标准'
                  : undefined;
          }}
          onChange={(codes) => update((d) => ({ ...d, abilities: codes }))}
          onBack={() => goTo(0)}
          onDone={() => goTo(2)}
        />
      )}
      {draft.step === 2 && current && (
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
                    requestAnimationFrame(() => headingRef.current?.focus());
                  },
                };
              })}
            />
          )}
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
        </>
      )}
      {draft.step === 3 && (
        <>
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
            onEdit={(code) => {
              update((d) => ({ ...d, currentAbility: code, step: 2 }));
              requestAnimationFrame(() => headingRef.current?.focus());
            }}
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
              siteVersion={siteVersion}
              fonts={fonts}
            />
          </div>
        </>
      )}
    </div>
  );
}
