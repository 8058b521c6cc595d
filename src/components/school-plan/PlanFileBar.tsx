/**
 * 保存方案文件 / 打开方案文件: the plan as a file to send or keep. A file opened is shown first
 * (whose plan, how many teachers, the rules and stages) and replaces the plan in progress only
 * when the principal says so; 撤销 brings the earlier one back.
 */
import { useMemo, useState } from 'react';
import type { Policy } from '../../lib/content/policies';
import { draftFromPlan, validateDraft, type PlanDraft } from '../../lib/school/plan/plan-draft';
import {
  exportPlanText,
  importPlanBytes,
  MAX_PLAN_BYTES,
  planFileName,
  planRegionError,
  type SchoolPlan,
} from '../../lib/school/plan/plan-file';
import type { AbilityFacts } from '../../lib/school/plan/selection-rule';
import { downloadBlob } from '../download';
import JsonFileButton from '../JsonFileButton';
import PlanPreviewCard from '../PlanPreviewCard';
import { planPreview } from '../../lib/school/plan/plan-preview';

interface Props {
  /** The plan as last saved in this browser; undefined while it is unfinished. */
  saved: SchoolPlan | undefined;
  current: () => PlanDraft | undefined;
  abilities: AbilityFacts[];
  policies: Policy[];
  onReplace: (draft: PlanDraft) => void;
}

export default function PlanFileBar({ saved, current, abilities, policies, onReplace }: Props) {
  const [incoming, setIncoming] = useState<{ plan: SchoolPlan; from: string }>();
  const [problem, setProblem] = useState<string>();
  const [undo, setUndo] = useState<{ draft: PlanDraft; school: string }>();
  const regions = useMemo(() => new Set(policies.map((p) => p.slug)), [policies]);

  const saveFile = () => {
    const draft = current();
    const check = draft ? validateDraft(draft) : undefined;
    if (!check?.ok) {
      setProblem('方案还不完整，不能保存为文件：请先补全下方标出的地方。');
      return;
    }
    setProblem(undefined);
    downloadBlob(
      new Blob([exportPlanText(check.plan)], { type: 'application/json' }),
      planFileName(check.plan),
    );
  };

  const open = async (file: File) => {
    setUndo(undefined);
    const result = importPlanBytes(new Uint8Array(await file.arrayBuffer()));
    if (!result.ok) {
      setIncoming(undefined);
      setProblem(`未能打开“${file.name}”：${result.error} 正在编辑的方案没有改动。`);
      return;
    }
    const region = planRegionError(result.plan, regions);
    if (region) {
      setIncoming(undefined);
      setProblem(`未能打开“${file.name}”：${region} 正在编辑的方案没有改动。`);
      return;
    }
    setProblem(undefined);
    setIncoming({ plan: result.plan, from: `“${file.name}”` });
  };

  return (
    <section className="plan-file no-print" aria-labelledby="plan-file-heading">
      <h2 id="plan-file-heading">方案文件</h2>
      <p className="muted">
        方案文件可以发给教师和评审人，也可以留作存档；换一台电脑时，用“打开方案文件”接着编辑。
      </p>
      <p className="plan-actions">
        <button type="button" className="button" onClick={saveFile} disabled={!saved}>
          保存方案文件
        </button>
        <JsonFileButton
          label="打开方案文件"
          maxBytes={MAX_PLAN_BYTES}
          what="学校考核方案文件"
          onRefused={(file, error) => setProblem(`未能打开“${file.name}”：${error} 正在编辑的方案没有改动。`)}
          onFile={open}
        />
      </p>
      {!saved && <p className="muted">方案补全后才能保存为文件。</p>}
      {problem && (
        <p className="notice notice-warn" role="alert">
          {problem}
        </p>
      )}
      {incoming && (
        <PlanPreviewCard
          preview={planPreview(
            incoming.plan,
            abilities,
            (slug) => policies.find((p) => p.slug === slug)?.data.region,
          )}
          from={incoming.from}
          question="用这份方案替换正在编辑的方案吗？替换后可以撤销。"
          confirmLabel="替换为这份方案"
          onConfirm={() => {
            const before = current();
            if (before) setUndo({ draft: before, school: incoming.plan.school.name });
            onReplace(draftFromPlan(incoming.plan));
            setIncoming(undefined);
          }}
          onCancel={() => setIncoming(undefined)}
        />
      )}
      {undo && (
        <p className="notice" role="status">
          已换成“{undo.school}”的方案。{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => {
              onReplace(undo.draft);
              setUndo(undefined);
            }}
          >
            撤销
          </button>
        </p>
      )}
    </section>
  );
}
