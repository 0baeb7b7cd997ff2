import { useKeyboard } from './keyboard-store';
import { PALETTE_KEYS, SHORTCUTS } from './keymap';
import { useModalDialog } from './use-modal-dialog';
import './commands.css';

function Keys({ keys }: { keys: readonly string[] }) {
  return (
    <>
      {keys.map((k, i) => (
        <span key={k}>
          {i > 0 && ' or '}
          <kbd>{k}</kbd>
        </span>
      ))}
    </>
  );
}

/** `?`: every shortcut, read from the keymap so the list never drifts from what the keys do. */
export function ShortcutsDialog() {
  const close = useKeyboard((s) => s.close);
  const dialog = useModalDialog();
  return (
    <dialog
      ref={dialog}
      className="shortcuts-dialog"
      aria-labelledby="shortcuts-title"
      onCancel={(e) => {
        e.preventDefault();
        close();
      }}
      onClick={(e) => {
        if (e.target === e.currentTarget) close();
      }}
    >
      <div className="shortcuts-dialog__head">
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <button type="button" className="button small" onClick={close} autoFocus>
          Close
        </button>
      </div>
      <ShortcutTable caption="Anywhere" rows={SHORTCUTS} />
      <ShortcutTable caption="In the command palette" rows={PALETTE_KEYS} />
      <p className="text-muted">
        <kbd>/</kbd> and <kbd>?</kbd> do nothing while you type in a field or an editor; <kbd>Esc</kbd> and <kbd>Ctrl+K</kbd> always work.
      </p>
    </dialog>
  );
}

/** One captioned table of keys and what they do. */
function ShortcutTable({ caption, rows }: { caption: string; rows: readonly { keys: readonly string[]; description: string }[] }) {
  return (
    <table className="shortcuts-table">
      <caption>{caption}</caption>
      <tbody>
        {rows.map((s) => (
          <tr key={s.description}>
            <th scope="row">
              <Keys keys={s.keys} />
            </th>
            <td>{s.description}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
