/**
 * 打开评审意见: the teacher opens a review file a colleague or the school's team sent back; each
 * ability and item then shows the reviewer's grade and comment beside the teacher's own, until
 * the teacher dismisses the review. A review of an earlier state of this self-check says
 * 自评已更新，需重新评审; one of another self-check is listed and not shown beside the items.
 * Loaded on demand through ReviewEntry.tsx.
 */
import { useEffect, useState } from 'react';
import type { Draft } from '../../lib/self-check/draft';
import { OUTDATED_MESSAGE, own, reviewFit } from '../../lib/review/review';
import { importReviewText } from '../../lib/review/review-file';
import { readFileText } from '../../lib/files/versioned-file';
import GradeBadge from './GradeBadge';
import { reviewNotes, useReviewNotes, type OpenedReview } from './review-notes';
import Notice from '../Notice';

const who = ({ review }: OpenedReview) =>
  `${review.stage}（${review.reviewer.name}${review.reviewer.role ? `，${review.reviewer.role}` : ''}）`;

/** A file picked with 打开评审意见; `refused` when it was turned away before reading (too big). */
export interface PickedFile {
  file: File;
  refused?: string;
}

interface PanelProps {
  draft: Draft;
  /** Files the teacher picked with 打开评审意见 (ReviewEntry.tsx), in order, not yet read. */
  files: readonly PickedFile[];
  onFilesRead: (read: readonly PickedFile[]) => void;
}

type Message = { warn: boolean; text: string };

/** The opened reviews and what became of the files last picked, below the 打开评审意见 button. */
export function ReviewPanel({ draft, files, onFilesRead }: PanelProps) {
  const { opened, kept } = useReviewNotes();
  const [messages, setMessages] = useState<Message[]>([]);

  useEffect(() => reviewNotes.load(), []);
  useEffect(() => reviewNotes.setFits(opened.map((o) => reviewFit(o.review, draft))), [draft, opened]);

  // Every file waiting is read, in the order picked: one picked while another was still being
  // read (or while this part was fetched) is not dropped.
  useEffect(() => {
    if (files.length === 0) return;
    let current = true;
    const read = async ({ file, refused }: PickedFile) =>
      refused === undefined ? { file, text: await readFileText(file) } : { file, refused };
    void Promise.all(files.map(read)).then((read) => {
      if (!current) return;
      onFilesRead(files);
      setMessages(
        read.map(({ file, text, refused }) => {
          if (refused !== undefined) return { warn: true, text: `未能打开“${file.name}”：${refused}` };
          const result = importReviewText(text ?? '');
          if (!result.ok) return { warn: true, text: `未能打开“${file.name}”：${result.error}` };
          reviewNotes.add(result.review);
          return {
            warn: false,
            text: `已打开评审意见“${file.name}”：${result.review.stage}，${result.review.reviewer.name}。`,
          };
        }),
      );
    });
    return () => {
      current = false;
    };
  }, [files, onFilesRead]);

  return (
    <>
      {messages.map((message, i) => (
        <Notice key={i} warn={message.warn} as="p">
          {message.text}
        </Notice>
      ))}
      {opened.length > 0 && (
        <ul className="review-list" aria-label="已打开的评审意见">
          {opened.map((o) => (
            <li key={`${o.review.draft.id}-${o.review.stage}`} data-review-fit={o.fit}>
              {who(o)}，{new Date(o.review.reviewedAt).toLocaleDateString('zh-CN')}
              {o.fit === 'outdated' && <strong className="review-outdated">：{OUTDATED_MESSAGE}</strong>}
              {o.fit === 'other-draft' && (
                <strong className="review-outdated">
                  ：这份意见评的是另一份自评（{o.review.teacher.name || '未署名'}），不显示在本自评旁边
                </strong>
              )}{' '}
              <button type="button" className="link-button" onClick={() => reviewNotes.dismiss(o.review)}>
                不再显示<span className="visually-hidden">{who(o)}的意见</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {!kept && <p className="muted">浏览器存储不可用：评审意见只在本页面显示，刷新后需重新打开。</p>}
    </>
  );
}

function Note({
  opened,
  grade,
  comment,
}: {
  opened: OpenedReview;
  grade: Parameters<typeof GradeBadge>[0]['status'];
  comment: string;
}) {
  return (
    <p className="review-note" data-review-note={opened.review.stage}>
      <span className="review-note-who">{who(opened)}评定：</span>
      <GradeBadge status={grade} />
      {comment && <span className="review-note-comment"> {comment}</span>}
      {opened.fit === 'outdated' && <strong className="review-outdated">（{OUTDATED_MESSAGE}）</strong>}
    </p>
  );
}

/** The reviewers' grade and overall comment on one ability. */
export function AbilityReviewNotes({ code }: { code: string }) {
  const { opened } = useReviewNotes();
  return opened
    .filter((o) => o.fit !== 'other-draft')
    .flatMap((o) => {
      const ability = own(o.review.abilities, code);
      return ability
        ? [<Note key={o.review.stage} opened={o} grade={ability.grade} comment={ability.comment} />]
        : [];
    });
}

/** The reviewers' grade and comment on one evidence item. */
export function ItemReviewNotes({ code, itemId }: { code: string; itemId: string }) {
  const { opened } = useReviewNotes();
  const notes = opened
    .filter((o) => o.fit !== 'other-draft')
    .flatMap((o) => {
      const item = own(own(o.review.abilities, code)?.items, itemId);
      return item ? [<Note key={o.review.stage} opened={o} grade={item.grade} comment={item.comment} />] : [];
    });
  return notes.length > 0 ? <div className="review-notes">{notes}</div> : null;
}
