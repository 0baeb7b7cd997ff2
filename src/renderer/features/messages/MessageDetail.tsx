import type { EncodedBytes, MessageView } from '../../../shared/api';
import { fullText } from './bytes';

function copy(text: string) {
  void navigator.clipboard?.writeText(text).catch(() => undefined);
}

function Part({ label, bytes, nullText }: { label: string; bytes: EncodedBytes | null; nullText: string }) {
  const shown = fullText(bytes);
  return (
    <section className="message-detail__part">
      <div className="message-detail__bar">
        <h3>{label}</h3>
        <span className="muted">
          {bytes === null ? nullText : `${shown.kind}${bytes.schemaId !== undefined ? ` · Schema Registry id ${bytes.schemaId}` : ''} · ${bytes.size.toLocaleString('en')} B${bytes.truncated ? ' (preview)' : ''}`}
        </span>
        {bytes && (
          <button type="button" className="button small" onClick={() => copy(shown.text)}>
            Copy
          </button>
        )}
      </div>
      {bytes && <pre data-testid={`detail-${label.toLowerCase()}`}>{shown.text}</pre>}
    </section>
  );
}

/** The selected message in full. Everything is rendered as text: content never becomes markup. */
export function MessageDetail({ message, onClose }: { message: MessageView; onClose(): void }) {
  const whole = () =>
    JSON.stringify(
      {
        partition: message.partition,
        offset: message.offset,
        timestamp: message.timestamp,
        timestampType: message.timestampType,
        key: fullText(message.key).text || null,
        value: fullText(message.value).text || null,
        headers: message.headers.map((h) => ({ key: h.key, value: fullText(h.value).text })),
      },
      null,
      2,
    );
  return (
    <aside className="message-detail" aria-label="Message">
      <div className="message-detail__bar">
        <h2>
          Partition {message.partition} · offset {message.offset}
        </h2>
        <button type="button" className="button small" onClick={() => copy(whole())}>
          Copy as JSON
        </button>
        <button type="button" className="button small ghost" aria-label="Close message" onClick={onClose}>
          ✕
        </button>
      </div>
      <div className="muted">
        {new Date(Number(message.timestamp)).toISOString()} ({message.timestampType === 'LogAppendTime' ? 'log-append time' : 'create time'})
      </div>
      <Part label="Key" bytes={message.key} nullText="null key" />
      <Part label="Value" bytes={message.value} nullText="null value: a tombstone" />
      <section className="message-detail__part">
        <h3>Headers ({message.headers.length})</h3>
        <dl className="message-detail__headers">
          {message.headers.map((h, i) => (
            <div key={`${h.key}-${i}`}>
              <dt>{h.key}</dt>
              <dd>{h.value === null ? 'null' : fullText(h.value).text}</dd>
            </div>
          ))}
        </dl>
      </section>
    </aside>
  );
}
