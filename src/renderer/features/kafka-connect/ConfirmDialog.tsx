import type { ReactNode } from 'react';
import { useModalDialog } from '../commands/use-modal-dialog';

/**
 * "Are you sure?" before every change on a Connect worker: a modal that names what will happen;
 * Escape or Cancel leaves everything as it was.
 */
export function ConfirmDialog({ title, children, confirmLabel, danger, busy, onConfirm, onCancel }: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const dialog = useModalDialog();
  return (
    <dialog
      ref={dialog}
      className="connect-dialog"
      aria-labelledby="connect-dialog-title"
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id="connect-dialog-title">{title}</h2>
      <div className="connect-dialog__body">{children}</div>
      <div className="form-row connect-dialog__buttons">
        <button type="button" className="button" onClick={onCancel} autoFocus>
          Cancel
        </button>
        <button type="button" className={`button ${danger ? 'danger solid' : 'primary'}`} disabled={busy} onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
