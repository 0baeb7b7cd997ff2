import { useScreenShare, useToggleScreenShare } from './screen-share';
import './masking.css';

/** The connection bar's screen-share switch: loud when on, so nobody shares a screen believing it is. */
export function ScreenShareToggle() {
  const on = useScreenShare();
  const toggle = useToggleScreenShare();
  return (
    <button
      type="button"
      className={`button small screen-share-toggle${on ? ' on' : ''}`}
      aria-pressed={on}
      title={on ? 'Screen-share mode is on: every masking rule applies (Ctrl+Shift+M to turn it off)' : 'Screen-share mode: apply every masking rule (Ctrl+Shift+M)'}
      onClick={() => void toggle()}
      data-testid="screen-share-toggle"
    >
      <span aria-hidden>{on ? '●' : '○'}</span> {on ? 'Screen share: masked' : 'Screen share'}
    </button>
  );
}
