import type { ReactNode } from 'react';

interface ConfirmBarProps {
  /** The region's name, e.g. "Confirm delete". */
  label: string;
  /** What will happen, in a sentence. */
  children: ReactNode;
  confirm: string;
  keep: string;
  busy: boolean;
  onConfirm(): void;
  onKeep(): void;
}

/** A destructive action's second step: what it does, then the action itself or a way out. */
export function ConfirmBar({ label, children, confirm, keep, busy, onConfirm, onKeep }: ConfirmBarProps) {
  return (
    <div className="pending-changes" role="region" aria-label={label}>
      {children}
      <span className="spacer" />
      <button type="button" className="button danger solid" disabled={busy} onClick={onConfirm}>
        {confirm}
      </button>
      <button type="button" className="button ghost" onClick={onKeep}>
        {keep}
      </button>
    </div>
  );
}
