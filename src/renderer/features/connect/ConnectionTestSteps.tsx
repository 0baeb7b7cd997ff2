import type { AddressMapping, HostKeyInfo, TestStep, TestStepName } from '../../../shared/api';

const LABELS: Record<TestStepName, string> = {
  ssh: 'SSH tunnel',
  resolve: 'Address resolution',
  tcp: 'TCP connect',
  tls: 'TLS handshake',
  token: 'OAuth token',
  sasl: 'SASL authentication',
  metadata: 'Cluster metadata',
  brokers: 'Advertised brokers',
  registry: 'Schema Registry',
  connect: 'Kafka Connect',
};
const ICONS: Record<TestStep['status'], string> = { running: '…', ok: '✓', failed: '✗', skipped: '–' };

export interface TestStepActions {
  /** Trust an unknown SSH host key (the user compared the fingerprint). */
  onTrustHostKey?(hostKey: HostKeyInfo): void;
  /** Add the offered address mapping to the profile. */
  onUseMapping?(mapping: AddressMapping[]): void;
}

/** The connection test as a checklist: each step's status, what it found, and the failing step's error. */
export function ConnectionTestSteps({ steps, onTrustHostKey, onUseMapping }: { steps: TestStep[] } & TestStepActions) {
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
            {s.status === 'skipped' ? (s.detail ? `skipped: ${s.detail}` : 'skipped') : s.detail}
            {s.ms !== undefined && s.status !== 'skipped' ? ` (${s.ms} ms)` : ''}
          </span>
          {s.error && (
            <div className="test-step__error" role="alert">
              <div>{s.error.message}</div>
              {s.error.hint && <div className="test-step__hint">{s.error.hint}</div>}
              <code>{s.error.code}</code>
              {s.hostKey && s.error.code === 'SSH_HOST_KEY_UNKNOWN' && onTrustHostKey && (
                <div className="test-step__actions">
                  <span className="test-step__fingerprint">
                    {s.hostKey.keyType} {s.hostKey.fingerprint}
                  </span>
                  <button type="button" className="button" onClick={() => onTrustHostKey(s.hostKey!)}>
                    Accept this host key
                  </button>
                </div>
              )}
              {s.suggestedMapping && s.suggestedMapping.length > 0 && onUseMapping && (
                <div className="test-step__actions">
                  <ul className="test-step__mapping" aria-label="Offered mapping">
                    {s.suggestedMapping.map((m) => (
                      <li key={m.from}>
                        {m.from} → {m.to}
                      </li>
                    ))}
                  </ul>
                  <button type="button" className="button" onClick={() => onUseMapping(s.suggestedMapping!)}>
                    Use this mapping
                  </button>
                </div>
              )}
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}
