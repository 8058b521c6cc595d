/**
 * A button for something that cannot be undone (清空, 删除, 新建, 清除本机数据): it asks first, in
 * place, with 确定… and 取消. Focus goes to 取消 when it asks, so an Enter pressed twice does not
 * confirm, and back to the button when the person cancels.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';

interface Props {
  /** The button's text. */
  label: ReactNode;
  /** The button's look: a secondary button or a link-like button. */
  triggerClass?: string;
  /** The question, in a sentence. */
  question: ReactNode;
  /** The name screen readers give the question and its two buttons (确认清空…). */
  groupLabel: string;
  /** 确定清空, 确定删除… */
  confirmLabel: string;
  confirmClass?: string;
  onConfirm: () => void;
  /** The element the question sits in, to fit inline text or a block. */
  as?: 'span' | 'div' | 'p';
}

interface QuestionProps extends Pick<
  Props,
  'question' | 'groupLabel' | 'confirmLabel' | 'confirmClass' | 'as'
> {
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * The question itself, with 确定… and 取消; focus goes to 取消 when it appears. Also asked on its
 * own where no button comes first (a file picked that would replace the self-check in progress).
 */
export function ConfirmQuestion({
  question,
  groupLabel,
  confirmLabel,
  confirmClass = 'button',
  onConfirm,
  onCancel,
  as: Group = 'span',
}: QuestionProps) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => cancelRef.current?.focus(), []);
  return (
    <Group className="confirm" role="group" aria-label={groupLabel}>
      {question}{' '}
      <button type="button" className={confirmClass} onClick={onConfirm}>
        {confirmLabel}
      </button>{' '}
      <button type="button" ref={cancelRef} className="button button-secondary" onClick={onCancel}>
        取消
      </button>
    </Group>
  );
}

export default function ConfirmAction({
  label,
  triggerClass = 'button button-secondary',
  question,
  groupLabel,
  confirmLabel,
  confirmClass = 'button',
  onConfirm,
  as = 'span',
}: Props) {
  const [asking, setAsking] = useState(false);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (!asking && returnFocus.current) triggerRef.current?.focus();
    returnFocus.current = false;
  }, [asking]);

  if (!asking)
    return (
      <button type="button" ref={triggerRef} className={triggerClass} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  return (
    <ConfirmQuestion
      question={question}
      groupLabel={groupLabel}
      confirmLabel={confirmLabel}
      confirmClass={confirmClass}
      as={as}
      onConfirm={() => {
        setAsking(false);
        onConfirm();
      }}
      onCancel={() => {
        returnFocus.current = true;
        setAsking(false);
      }}
    />
  );
}
