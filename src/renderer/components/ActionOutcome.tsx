import type { Action } from '../lib/use-action';
import { ErrorMessage } from './ErrorMessage';

/** An action's result under its buttons: what was done, or why the cluster refused it. */
export function ActionOutcome({ action, failedTitle }: { action: Action; failedTitle: string }) {
  return (
    <>
      {action.done && (
        <div className="send-result" role="status">
          {action.done}
        </div>
      )}
      <ErrorMessage error={action.error} title={failedTitle} />
    </>
  );
}
