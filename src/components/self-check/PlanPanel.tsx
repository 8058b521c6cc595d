/**
 * “使用学校考核方案”: opens the school's plan file or link in the wizard, shows what it holds
 * (planPreview) and asks before using it or replacing the plan in use, as for rubric files. The
 * plan is kept in this browser (plan-keep.ts), named with a way to remove it, and handed to the
 * wizard's steps (the rule, the 必修 marks, the deadline). A rubric pack inside the plan is
 * offered with it and taken by the rubric flow's own code (the wizard's onUsePack). The plan's
 * region is applied to the profile, asking first when the teacher chose another. Nothing is
 * replaced on a bad file or link.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DraftProfile } from '../../lib/self-check/draft';
import { browserStorage } from '../../lib/self-check/draft-store';
import { createPlanKeep, isPlanLinkHash, type KeepResult } from '../../lib/self-check/plan-keep';
import {
  exportPlanText,
  importPlanBytes,
  importPlanText,
  MAX_PLAN_BYTES,
  type PlanResult,
  type SchoolPlan,
} from '../../lib/school/plan/plan-file';
import { decodePlanFragment } from '../../lib/school/plan/plan-link';
import { planPreview } from '../../lib/school/plan/plan-preview';
import type { AbilityFacts } from '../../lib/school/plan/selection-rule';
import type { RubricPack } from '../../lib/rubrics/rubric-file';
import { displayText } from '../../lib/content/display-text';
import ConfirmAction, { ConfirmQuestion } from '../ConfirmAction';
import JsonFileButton from '../JsonFileButton';
import Notice from '../Notice';
import type { TeacherPlan } from './PlanEntry';
import PlanPreviewCard from '../PlanPreviewCard';
import PasteLinkField from '../PasteLinkField';
import { planGuide } from './plan-guide';
import type { RegionOption } from './types';
import './plan-panel.css';

interface Props {
  abilities: readonly AbilityFacts[];
  regions: readonly RegionOption[];
  /** The profile as it stands: the plan's region and school fill it, or ask before replacing. */
  profile: DraftProfile;
  onProfile: (change: Partial<Pick<DraftProfile, 'region' | 'school'>>) => void;
  /** The plan in use, or undefined once removed. */
  onPlan: (plan: TeacherPlan | undefined) => void;
  /** Codes the draft already has a rubric of its own for (as for a rubric file). */
  replacing: (pack: RubricPack) => string[];
  /** Takes a rubric pack as the rubric flow does; returns what undoes it. */
  onUsePack: (pack: RubricPack) => () => void;
  /** Open at once: asked for, or arrived by a link (PlanEntry decides). */
  startOpen?: boolean;
  /** The address's fragment when the page was opened, or a plan link's pasted later. */
  initialHash?: string;
  /** The teacher clicked the button; focus moves to the real one when this module has loaded. */
  focusButton?: boolean;
  /** The panel loads because another tab took a plan in: say so once it is read. */
  fromOtherTab?: boolean;
}

type Incoming = { plan: SchoolPlan; from: string };
type Note = {
  warn: boolean;
  text: string;
  /** 撤销 (or `button`), with what a screen reader hears after it. */
  undo?: { label: string; run: () => void; button?: string } | undefined;
};

/** The plan as this browser keeps it: its rubric pack has gone into the draft (see keepText). */
const withoutPack = (plan: SchoolPlan): SchoolPlan => {
  const { rubrics: _rubrics, ...rest } = plan;
  return rest;
};

/**
 * The kept text leaves the rubric pack out: once taken, the pack lives in the draft (which grades
 * with it and is saved with the self-check file), and a second copy would spend the browser's
 * storage the draft needs. A teacher who declined it opens the school's file or link again.
 */
const keepText = (plan: SchoolPlan) => exportPlanText(withoutPack(plan));

export default function PlanPanel({
  abilities,
  regions,
  profile,
  onProfile,
  onPlan,
  replacing,
  onUsePack,
  startOpen = false,
  initialHash = '',
  focusButton = false,
  fromOtherTab = false,
}: Props) {
  const keep = useMemo(
    () =>
      createPlanKeep(browserStorage(), (text) => {
        const read = importPlanText(text);
        return read.ok ? { ok: true, value: read.plan } : read;
      }),
    [],
  );
  const [plan, setPlan] = useState<SchoolPlan>();
  const [open, setOpen] = useState(startOpen);
  const [incoming, setIncoming] = useState<Incoming>();
  const [takePack, setTakePack] = useState(true);
  const [error, setError] = useState<string>();
  const [note, setNote] = useState<Note>();
  const [regionAsk, setRegionAsk] = useState<{ slug: string; name: string; current: string }>();
  const buttonRef = useRef<HTMLButtonElement>(null);

  const regionName = useCallback((slug: string) => regions.find((r) => r.slug === slug)?.path, [regions]);

  /** Shows `next` as the plan in use and tells the wizard. */
  const adopt = useCallback(
    (next: SchoolPlan | undefined) => {
      setPlan(next);
      onPlan(
        next && {
          school: displayText(next.school.name),
          guide: (name, chosen) => planGuide(next, abilities, name, chosen),
        },
      );
    },
    [abilities, onPlan],
  );

  const otherTabNote = (now: SchoolPlan | undefined): Note => ({
    warn: true,
    text: now
      ? `另一个标签页（或窗口）更换了学校考核方案，本页现在也使用“${displayText(now.school.name)}”的方案。`
      : '另一个标签页（或窗口）移除了学校考核方案，本页也不再使用。',
  });

  /** Takes up what this browser keeps now (on load, and when another tab changed it). */
  const takeKept = useCallback((): SchoolPlan | undefined => {
    const kept = keep.load();
    if (kept.status === 'unreadable') {
      // The text is the school's file, not the teacher's work: it can be let go once they know.
      setNote({
        warn: true,
        text: `浏览器中保存的学校考核方案无法读取（${kept.error}），没有使用。请重新打开学校发来的方案文件或链接。`,
        undo: {
          button: '不再保留',
          label: '无法读取的学校考核方案',
          run: () => {
            const result = keep.remove();
            if (!result.ok && result.elsewhere) {
              setNote(undefined);
              takeKept();
              return;
            }
            setNote({ warn: false, text: '已删除无法读取的学校考核方案。' });
          },
        },
      });
    }
    const value = kept.status === 'ok' ? kept.value : undefined;
    adopt(value);
    return value;
  }, [keep, adopt]);

  useEffect(() => {
    const kept = takeKept();
    if (fromOtherTab && kept) setNote(otherTabNote(kept));
    if (focusButton) buttonRef.current?.focus();
    // On first load only: the kept plan, then the button the teacher clicked.
  }, []);

  // Another tab took in or removed a plan: this page follows it (nothing the teacher typed is in it).
  useEffect(() => {
    const onStorage = (e: StorageEvent) => {
      if (!keep.changedElsewhere(e.key, e.newValue)) return;
      setNote(otherTabNote(takeKept()));
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [keep, takeKept]);

  const offer = (result: PlanResult, from: string) => {
    setNote(undefined);
    if (!result.ok) {
      setIncoming(undefined);
      setError(`未能打开${from}：${result.error} 当前使用的方案和自评都没有改动。`);
      return;
    }
    setError(undefined);
    setTakePack(true);
    setIncoming({ plan: result.plan, from });
  };

  // Again for each plan link pasted into the address bar while the wizard is open (PlanEntry).
  useEffect(() => {
    if (!isPlanLinkHash(initialHash)) return;
    setOpen(true);
    history.replaceState(history.state, '', location.pathname + location.search);
    void decodePlanFragment(initialHash).then((result) => offer(result, '链接'));
  }, [initialHash]);

  /** After a save another tab got in before: show what is in use now and ask again. */
  const refusedSave = (result: Exclude<KeepResult, { ok: true }>): boolean => {
    if (!result.elsewhere) return false;
    takeKept();
    setError(result.error);
    return true;
  };

  /**
   * The plan's region (and school name, where none is typed) for the profile: what was filled, in
   * words, and whether the teacher is now asked about a region they chose differently.
   */
  const applyProfile = (next: SchoolPlan): { said: string; asking: boolean } => {
    const slug = next.school.region;
    const name = regionName(slug);
    const change: Partial<Pick<DraftProfile, 'region' | 'school'>> = {};
    const said: string[] = [];
    if (profile.school.trim() === '') {
      change.school = next.school.name;
      said.push('学校名称已按方案填写');
    }
    if (name === undefined) {
      said.push(`方案中的地区“${displayText(slug)}”不是本手册收录的地区，所在地区请在基本信息中自行选择`);
    } else if (profile.region === '') {
      change.region = slug;
      said.push(`所在地区已设为${name}`);
    }
    const asking = name !== undefined && profile.region !== '' && profile.region !== slug;
    if (asking) setRegionAsk({ slug, name, current: regionName(profile.region) ?? '其他地区' });
    if (Object.keys(change).length > 0) onProfile(change);
    return { said: said.length > 0 ? `${said.join('；')}。` : '', asking };
  };

  const confirm = () => {
    if (!incoming) return;
    const before = plan;
    const next = withoutPack(incoming.plan);
    const saved = keep.save(keepText(incoming.plan));
    if (!saved.ok && refusedSave(saved)) return;
    const pack = takePack ? incoming.plan.rubrics : undefined;
    const undoPack = pack ? onUsePack(pack) : undefined;
    adopt(next);
    setIncoming(undefined);
    setOpen(false);
    setRegionAsk(undefined);
    const school = displayText(next.school.name);
    const parts = [
      before ? `已改用“${school}”的学校考核方案` : `已使用“${school}”的学校考核方案`,
      pack ? `方案附带的评价标准（${pack.abilities.map((a) => a.code).join('、')}）也已使用` : '',
    ].filter((p) => p !== '');
    const profileNote = applyProfile(incoming.plan);
    setNote({
      warn: !saved.ok,
      text: `${parts.join('，')}。${profileNote.said}${saved.ok ? '' : saved.error}`,
      undo: {
        label: `撤销使用“${school}”的方案`,
        run: () => {
          const back = before ? keep.save(keepText(before)) : keep.remove();
          if (!back.ok && refusedSave(back)) return;
          undoPack?.();
          adopt(before);
          setRegionAsk(undefined);
          setNote({
            warn: false,
            text: before
              ? `已撤销，恢复使用“${displayText(before.school.name)}”的学校考核方案。`
              : `已撤销，不再使用“${school}”的学校考核方案。`,
          });
        },
      },
    });
    // The region question takes focus (on its 取消) when it asks; otherwise back to the button.
    if (!profileNote.asking) requestAnimationFrame(() => buttonRef.current?.focus());
  };

  const remove = () => {
    if (!plan) return;
    const removed = plan;
    const result = keep.remove();
    if (!result.ok && refusedSave(result)) return;
    adopt(undefined);
    setRegionAsk(undefined);
    const school = displayText(removed.school.name);
    setNote({
      warn: false,
      text: `已移除“${school}”的学校考核方案，选择微能力点时不再显示本校要求。`,
      undo: {
        label: `撤销移除“${school}”的方案`,
        run: () => {
          const back = keep.save(keepText(removed));
          if (!back.ok && refusedSave(back)) return;
          adopt(removed);
          setNote({ warn: false, text: `已恢复使用“${school}”的学校考核方案。` });
        },
      },
    });
    requestAnimationFrame(() => buttonRef.current?.focus());
  };

  const preview = incoming && planPreview(incoming.plan, abilities, regionName);
  const pack = incoming?.plan.rubrics;
  const replaced = pack && takePack ? replacing(pack) : [];
  const inUse = plan && {
    school: displayText(plan.school.name),
    round: displayText(plan.school.round),
  };

  return (
    <section className="school-plan no-print" aria-label="学校考核方案">
      {inUse && (
        <p className="plan-in-use">
          正在使用<strong>“{inUse.school}”</strong>的学校考核方案{inUse.round && `（${inUse.round}）`}。
        </p>
      )}
      <p className="plan-actions">
        <button
          ref={buttonRef}
          type="button"
          className="button button-secondary"
          aria-expanded={open}
          aria-controls="school-plan-panel"
          onClick={() => setOpen(!open)}
        >
          {plan ? '更换学校考核方案' : '使用学校考核方案'}
        </button>
        {plan && (
          <>
            {' '}
            <ConfirmAction
              label="移除方案"
              triggerClass="link-button"
              question="移除后，选择微能力点时不再显示本校要求（已填写的自评不受影响）。确定移除吗？"
              groupLabel="确认移除学校考核方案"
              confirmLabel="确定移除"
              onConfirm={remove}
            />
          </>
        )}
      </p>
      {note && (
        <Notice warn={note.warn}>
          <p>
            {note.text}
            {note.undo && (
              <>
                {' '}
                <button type="button" className="link-button" onClick={note.undo.run}>
                  {note.undo.button ?? '撤销'}
                  <span className="visually-hidden">{note.undo.label}</span>
                </button>
              </>
            )}
          </p>
        </Notice>
      )}
      {regionAsk && (
        <div className="notice notice-warn">
          <ConfirmQuestion
            as="p"
            question={`方案中学校的地区是${regionAsk.name}，您在基本信息中选的是${regionAsk.current}。改为${regionAsk.name}吗？`}
            groupLabel="确认改为方案中的地区"
            confirmLabel={`改为${regionAsk.name}`}
            onConfirm={() => {
              onProfile({ region: regionAsk.slug });
              setNote({ warn: false, text: `所在地区已改为${regionAsk.name}。` });
              setRegionAsk(undefined);
            }}
            onCancel={() => {
              setNote({ warn: false, text: `所在地区仍为${regionAsk.current}。` });
              setRegionAsk(undefined);
            }}
          />
        </div>
      )}
      {open && (
        <div id="school-plan-panel" className="school-plan-panel">
          <p>
            学校按《校本研修与考核方案》写好“学校考核方案”后，会发来一个方案文件或一条链接。打开后，选择微能力点时会显示本校对您所属类别的要求和必修的微能力点，自评结果会说明是否达到要求以及提交截止日期。
          </p>
          <p className="field">
            <JsonFileButton
              label="打开学校考核方案文件"
              maxBytes={MAX_PLAN_BYTES}
              what="学校考核方案文件"
              onRefused={(file, message) => offer({ ok: false, error: message }, `“${file.name}”`)}
              onFile={async (file) =>
                offer(importPlanBytes(new Uint8Array(await file.arrayBuffer())), `“${file.name}”`)
              }
            />
          </p>
          <PasteLinkField
            id="school-plan-link"
            label="或粘贴学校发来的方案链接"
            button="读取方案链接"
            onRead={(fragment) => void decodePlanFragment(fragment).then((result) => offer(result, '链接'))}
          />
        </div>
      )}
      {error && (
        <p className="notice notice-warn" role="alert">
          {error}
        </p>
      )}
      {incoming && preview && (
        <PlanPreviewCard
          preview={preview}
          from={incoming.from}
          question={
            plan
              ? `用这份方案替换正在使用的“${displayText(plan.school.name)}”的方案吗？已填写的自评不会丢失。`
              : '使用这份学校考核方案吗？已填写的自评不会丢失。'
          }
          onConfirm={confirm}
          onCancel={() => {
            setIncoming(undefined);
            setNote({ warn: false, text: `没有使用${incoming.from}中的方案，当前的设置没有改动。` });
          }}
        >
          {pack && preview.rubrics && (
            <div className="plan-preview-pack">
              <p>
                方案附带学校录入的评价标准（{preview.rubrics.sourceLine}），包含{' '}
                {preview.rubrics.abilities.map((a) => `${a.code} ${a.name}`).join('、')}。
              </p>
              <label>
                <input type="checkbox" checked={takePack} onChange={(e) => setTakePack(e.target.checked)} />{' '}
                同时使用方案附带的评价标准（{pack.abilities.map((a) => a.code).join('、')}）
              </label>
              {takePack && replaced.length > 0 && (
                <p className="muted">
                  {replaced.join('、')}{' '}
                  已有的评价标准会被替换；已填写的证据保留，标准有变化的证据项需要重新勾选。
                </p>
              )}
            </div>
          )}
        </PlanPreviewCard>
      )}
    </section>
  );
}
