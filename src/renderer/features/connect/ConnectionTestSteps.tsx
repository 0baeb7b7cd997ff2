import type { TestStep, TestStepName } from '../../../shared/api';

const LABELS: Record<TestStepName, string> = {
  resolve: 'Address resolution',
  tcp: 'TCP connect',
  tls: 'TLS handshake',
  sasl: 'SASL authentication',
  metadata: 'Cluster metadata',
  registry: 'Schema Registry',
  connect: 'Kafka Connect',
};
const ICONS: Record<TestStep['status'], string> = { running: '…', ok: '✓', failed: '✗', skipped: '–' };

/** The connection test as a checklist: each step's status, what it found, and the failing step's error. */
export function ConnectionTestSteps({ steps }: { steps: TestStep[] }) {
  if (steps.length === 0) return null;
  return (
    <ol className="test-steps" aria-label="Connection test">
      {steps.map((s) => (
        <li key={s.step} className={`test-step ${s.status}`} data-step={s.step} data-status={s.status}>
          <span className="test-step__icon" aria-hidden>
            {ICONS[s.status]}
          </span>
          <span className="test-step__label">{LABELS[s.step]}</span>
          <span className="test-step__detail">
            {s.status === 'skipped' ? 'skipped' : s.detail}
            {s.ms !== undefined && s.status !== 'skipped' ? ` (${s.ms} ms)` : ''}
          </span>
          {s.error && (
            <div className="test-step__error" role="alert">
              <div>{s.error.message}</div>
              {s.error.hint && <div className="test-step__hint">{s.error.hint}</div>}
              <code>{s.error.code}</code>
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}
