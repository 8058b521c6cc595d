/** A button that saves, downloads or shares once per press (use-once.ts): a double-click gives one file. */
import type { ButtonHTMLAttributes } from 'react';
import { useOnce } from './use-once';

interface Props extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'onClick' | 'type'> {
  /** Returns `false` when nothing was handed over, so the next press is acted on at once. */
  onClick: () => unknown;
}

export default function OnceButton({ onClick, ...rest }: Props) {
  const { run } = useOnce(onClick);
  return <button type="button" {...rest} onClick={() => run()} />;
}
