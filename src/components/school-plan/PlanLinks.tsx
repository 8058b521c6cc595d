/**
 * The plan as a link: one for the teachers (opens the self-check wizard with the plan) and one for
 * the reviewers (opens /review/ with it). The plan travels in the address's fragment, which the
 * browser never sends to a server; its length is said in words, since a chat tool may cut a long one.
 */
import { useState } from 'react';
import { linkLengthReport, planShareUrl, type LinkLengthReport } from '../../lib/school/plan/plan-link';
import type { SchoolPlan } from '../../lib/school/plan/plan-file';

interface Props {
  plan: SchoolPlan | undefined;
  selfCheckPath: string;
  reviewPath: string;
  /** The plan is being completed: the links would carry the last saved version. */
  pending: boolean;
}

type Made = { url: string; report: LinkLengthReport };

function LinkBox({ id, label, made }: { id: string; label: string; made: Made }) {
  const [copied, setCopied] = useState<string>();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(made.url);
      setCopied('已复制，可以粘贴到教师群或邮件中。');
    } catch {
      const box = document.getElementById(id);
      if (box instanceof HTMLTextAreaElement) box.select();
      setCopied('浏览器不允许自动复制：链接已选中，请按 Ctrl+C（手机上长按）复制。');
    }
  };
  return (
    <div className="plan-link">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} readOnly rows={3} value={made.url} onFocus={(e) => e.currentTarget.select()} />
      <p className={made.report.fit === 'short' ? 'muted' : 'notice notice-warn'}>{made.report.text}</p>
      {made.report.fit !== 'too-long' && (
        <p className="plan-actions">
          <button type="button" className="button button-secondary" onClick={() => void copy()}>
            复制链接
          </button>
          <span role="status">{copied}</span>
        </p>
      )}
    </div>
  );
}

export default function PlanLinks({ plan, selfCheckPath, reviewPath, pending }: Props) {
  const [teacher, setTeacher] = useState<Made>();
  const [reviewer, setReviewer] = useState<Made>();
  const make = async (path: string, set: (m: Made) => void) => {
    if (!plan) return;
    const url = await planShareUrl(new URL(path, location.origin).href, plan);
    set({ url, report: linkLengthReport(url) });
  };
  return (
    <section className="plan-links no-print" aria-labelledby="plan-links-heading">
      <h2 id="plan-links-heading">发给教师和评审人的链接</h2>
      <p className="muted">
        方案装在链接里，打开链接不会把方案上传到任何服务器。教师打开“自评”链接，自评向导会显示本校的选课要求和截止日期；评审人打开“评审”链接，会看到分给自己的教师。
      </p>
      {!plan ? (
        <p className="muted">方案补全并保存后，才能生成链接。</p>
      ) : (
        <>
          {pending && <p className="muted">正在修改的内容还没保存：链接中是上次保存的方案。</p>}
          <p className="plan-actions">
            <button type="button" className="button" onClick={() => void make(selfCheckPath, setTeacher)}>
              生成教师自评链接
            </button>
            <button type="button" className="button" onClick={() => void make(reviewPath, setReviewer)}>
              生成评审链接
            </button>
          </p>
          {teacher && <LinkBox id="plan-link-teacher" label="教师自评链接" made={teacher} />}
          {reviewer && <LinkBox id="plan-link-reviewer" label="评审链接（互评与复评）" made={reviewer} />}
        </>
      )}
    </section>
  );
}
