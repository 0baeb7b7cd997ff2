import { cloneElement, useId, type ReactElement, type ReactNode } from 'react';

/**
 * A form field with a label and a help line. The label points at the control by id (not by
 * wrapping it), so the control's accessible name is the label alone, not the help text.
 */
export function HelpField({ label, help, children }: { label: string; help?: ReactNode; children: ReactElement<{ id?: string; 'aria-describedby'?: string }> }) {
  const id = useId();
  const helpId = `${id}-help`;
  return (
    <div className="field">
      <label htmlFor={id}>
        <span>{label}</span>
      </label>
      {cloneElement(children, { id, ...(help ? { 'aria-describedby': helpId } : {}) })}
      {help && (
        <small className="field__help" id={helpId}>
          {help}
        </small>
      )}
    </div>
  );
}
