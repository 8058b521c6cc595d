/**
 * 或粘贴…链接: a share link pasted whole, or just its #… part, and the button that reads it. The
 * wizard's plan and school-rubric panels, and /review/'s plan, take their file by such a link.
 */
import { useState } from 'react';

interface Props {
  id: string;
  label: string;
  button: string;
  /** Gets the link's fragment (from # on), or the text as pasted when it has none. */
  onRead: (fragment: string) => void;
}

export default function PasteLinkField({ id, label, button, onRead }: Props) {
  const [pasted, setPasted] = useState('');
  const text = pasted.trim();
  return (
    <>
      <p className="field">
        <label htmlFor={id}>{label}</label>
        <textarea id={id} rows={2} value={pasted} onChange={(e) => setPasted(e.target.value)} />
      </p>
      <p>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => onRead(text.includes('#') ? text.slice(text.indexOf('#')) : text)}
          disabled={!text}
        >
          {button}
        </button>
      </p>
    </>
  );
}
