/**
 * Said when another tab (or window) has saved the work this page keeps in the browser since this
 * tab last read or wrote it: this tab has stopped saving, and nothing of either tab is lost until
 * the person chooses. Taking this tab's work replaces the other's, so it asks first. Each page
 * gives its own wording (/review/'s progress, /school/'s archive).
 */
import ConfirmAction from './ConfirmAction';
import OnceButton from './OnceButton';
import './SavedElsewhere.css';

export interface SavedElsewhereWording {
  /** What happened, and that this page's changes are still on it. */
  lead: string;
  /** The three choices explained, in the order of the buttons. */
  choices: readonly [string, string, string];
  takeTheirs: string;
  keepMine: string;
  /** Asked before this page's work replaces the other tab's. */
  keepQuestion: string;
  keepGroupLabel: string;
  download: string;
}

interface Props {
  wording: SavedElsewhereWording;
  onTakeTheirs: () => void;
  onKeepMine: () => void;
  onDownload: () => void;
}

export default function SavedElsewhere({ wording, onTakeTheirs, onKeepMine, onDownload }: Props) {
  return (
    <div className="notice notice-warn session-elsewhere" role="alert" data-session-elsewhere>
      <p>{wording.lead}</p>
      <ul>
        {wording.choices.map((choice) => (
          <li key={choice}>{choice}</li>
        ))}
      </ul>
      <div className="session-elsewhere-actions">
        <button type="button" className="button" onClick={onTakeTheirs}>
          {wording.takeTheirs}
        </button>
        <ConfirmAction
          as="div"
          label={wording.keepMine}
          question={<span>{wording.keepQuestion}</span>}
          groupLabel={wording.keepGroupLabel}
          confirmLabel="确定替换"
          confirmClass="button danger"
          onConfirm={onKeepMine}
        />
        <OnceButton className="button button-secondary" onClick={onDownload}>
          {wording.download}
        </OnceButton>
      </div>
    </div>
  );
}
