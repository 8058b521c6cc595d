/**
 * What became of something a person did (a file opened, a draft restored). A warning is read out
 * at once (alert); other news waits for a pause (status).
 */
import type { ReactNode } from 'react';

interface Props {
  warn: boolean;
  /** A single sentence sits in a <p>; a message with a list or a button in a <div>. */
  as?: 'p' | 'div';
  children: ReactNode;
}

export default function Notice({ warn, as: Tag = 'div', children }: Props) {
  return (
    <Tag className={warn ? 'notice notice-warn' : 'notice'} role={warn ? 'alert' : 'status'}>
      {children}
    </Tag>
  );
}
