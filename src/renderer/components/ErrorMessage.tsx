import { AppError } from '../../shared/errors';

/** Shows an error the way the user needs it: what happened, where, and what to do. */
export function ErrorMessage({ error, title }: { error: unknown; title?: string }) {
  if (!error) return null;
  const e = AppError.is(error)
    ? error
    : new AppError({ name: 'Error', code: 'UNKNOWN', message: error instanceof Error ? error.message : String(error), retriable: false });
  return (
    <div className="error-message" role="alert" data-code={e.code}>
      <div className="error-message__title">{title ?? 'Something went wrong'}</div>
      <div className="error-message__text">{e.message}</div>
      {e.broker && <div className="error-message__meta">Broker: {e.broker}</div>}
      {e.hint && <div className="error-message__hint">{e.hint}</div>}
      <div className="error-message__code">{e.code}</div>
    </div>
  );
}
