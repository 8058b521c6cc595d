/**
 * The review page's island: who reviews, the files they open (teachers' self-checks and earlier
 * reviews, by picker or drag-and-drop), and one teacher's review at a time. Every decision is
 * made in src/lib (review.ts, review-stages.ts, evidence-check.ts); nothing leaves the browser.
 */
import { useEffect, useRef, useState } from 'react';
import type { Draft } from '../../lib/draft';
import { inputTooBig, openReviewInput } from '../../lib/review';
import type { ReviewFile } from '../../lib/review-file';
import type { StagePlan } from '../../lib/review-stages';
import { addReview } from '../../lib/review-store';
import type { PdfFonts } from '../self-check/pdf-packet';
import type { AbilityOption } from '../self-check/types';
import TeacherReview from './TeacherReview';
import type { RegionReview } from './types';
import './review.css';

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

interface Opened {
  draft: Draft;
  fileName: string;
}

const teacherLabel = (draft: Draft) => draft.profile.name.trim() || '未署名的教师';

export default function ReviewApp({ abilities, regions, defaultPlan, siteVersion, fonts }: Props) {
  const [reviewer, setReviewer] = useState<Reviewer>({ name: '', role: '' });
  const [teachers, setTeachers] = useState<Opened[]>([]);
  const [reviews, setReviews] = useState<ReviewFile[]>([]);
  const [problems, setProblems] = useState<{ name: string; reason: string }[]>([]);
  const [notes, setNotes] = useState<string[]>([]);
  const [currentId, setCurrentId] = useState<string>();
  const [dragging, setDragging] = useState(false);
  const dropZone = useRef<HTMLDivElement>(null);
  const openRef = useRef<(files: FileList | null | undefined) => Promise<void>>(undefined);

  const openFiles = async (list: FileList | null | undefined) => {
    const files = [...(list ?? [])];
    if (files.length === 0) return;
    const bad: { name: string; reason: string }[] = [];
    const said: string[] = [];
    let nextTeachers = teachers;
    let nextReviews = reviews;
    for (const file of files) {
      const tooBig = inputTooBig(file.size);
      if (tooBig) {
        bad.push({ name: file.name, reason: tooBig });
        continue;
      }
      let text: string;
      try {
        text = await file.text();
      } catch {
        bad.push({ name: file.name, reason: '无法读取这个文件（可能已被移动或删除）。' });
        continue;
      }
      const opened = openReviewInput(text);
      if (opened.kind === 'error') bad.push({ name: file.name, reason: opened.error });
      else if (opened.kind === 'review') {
        nextReviews = addReview(nextReviews, opened.review);
        said.push(`已打开评审意见“${file.name}”（${opened.review.stage}，${opened.review.reviewer.name}）。`);
      } else {
        const same = nextTeachers.find((t) => t.draft.id === opened.draft.id);
        if (!same) nextTeachers = [...nextTeachers, { draft: opened.draft, fileName: file.name }];
        else if (opened.draft.savedAt > same.draft.savedAt) {
          nextTeachers = nextTeachers.map((t) =>
            t === same ? { draft: opened.draft, fileName: file.name } : t,
          );
          said.push(`“${file.name}”与“${same.fileName}”是同一份自评，已改用较新的“${file.name}”。`);
        } else
          said.push(`“${file.name}”与已打开的“${same.fileName}”是同一份自评，保留较新的“${same.fileName}”。`);
      }
    }
    setTeachers(nextTeachers);
    setReviews(nextReviews);
    setProblems(bad);
    setNotes(said);
    if (!currentId && nextTeachers[0]) setCurrentId(nextTeachers[0].draft.id);
  };

  openRef.current = openFiles;

  // Dropping files is a mouse shortcut for the button inside the zone, which keyboards use.
  useEffect(() => {
    const zone = dropZone.current;
    if (!zone) return;
    const over = (e: DragEvent) => {
      e.preventDefault();
      setDragging(true);
    };
    const leave = () => setDragging(false);
    const drop = (e: DragEvent) => {
      e.preventDefault();
      setDragging(false);
      void openRef.current?.(e.dataTransfer?.files);
    };
    zone.addEventListener('dragover', over);
    zone.addEventListener('dragleave', leave);
    zone.addEventListener('drop', drop);
    return () => {
      zone.removeEventListener('dragover', over);
      zone.removeEventListener('dragleave', leave);
      zone.removeEventListener('drop', drop);
    };
  }, []);

  const current = teachers.find((t) => t.draft.id === currentId) ?? teachers[0];
  const orphanReviews = reviews.filter((r) => !teachers.some((t) => t.draft.id === r.draft.id));

  return (
    <div className="review-app">
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
          评审环节（组内互评、复评等）按每位教师所在地区的考核流程，在下方各教师的评审处选择。
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
          可以一次选择多位教师的自评文件（教师在自评页“导出
          JSON”得到的文件），也可以把文件拖放到这里。前一环节的评审意见文件可以一并打开，它的意见会显示在对应教师的评审旁边。
        </p>
      </div>

      {problems.length > 0 && (
        <div className="notice notice-warn" role="alert">
          <p>以下文件未能打开，其余文件不受影响：</p>
          <ul className="problem-list">
            {problems.map((p, i) => (
              <li key={`${p.name}-${i}`}>
                <strong>{p.name}</strong>：{p.reason}
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
        <nav className="teacher-tabs" aria-label="选择要评审的教师">
          {teachers.map((t) => (
            <button
              key={t.draft.id}
              type="button"
              className="tab"
              aria-current={t === current ? 'true' : undefined}
              onClick={() => setCurrentId(t.draft.id)}
            >
              {teacherLabel(t.draft)}
              <span className="tab-detail">{t.draft.profile.school || t.fileName}</span>
            </button>
          ))}
        </nav>
      )}

      {/* Every teacher stays mounted (hidden when not shown) so switching keeps what was entered. */}
      {teachers.map((t) => (
        <TeacherReview
          key={t.draft.id + t.draft.savedAt}
          hidden={t !== current}
          draft={t.draft}
          fileName={t.fileName}
          reviewer={reviewer}
          onReviewer={setReviewer}
          abilities={abilities}
          region={
            Object.hasOwn(regions, t.draft.profile.region) ? regions[t.draft.profile.region] : undefined
          }
          defaultPlan={defaultPlan}
          earlier={reviews.filter((r) => r.draft.id === t.draft.id)}
          siteVersion={siteVersion}
          fonts={fonts}
        />
      ))}
    </div>
  );
}
