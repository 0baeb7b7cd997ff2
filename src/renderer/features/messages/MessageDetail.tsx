import { useMemo } from 'react';
import type { EncodedBytes, MessageView } from '../../../shared/api';
import { messageTime } from '../../lib/message-time';
import { fullText } from './bytes';
import { describeBytes, VIEW_LABELS } from './decode-view';
import { DecodedContent, useDecoded, useViewChoice, ViewSelect } from './DecodedView';

function copy(text: string) {
  void navigator.clipboard?.writeText(text).catch(() => undefined);
}

function Part({ part, label, bytes, nullText }: { part: 'key' | 'value'; label: string; bytes: EncodedBytes | null; nullText: string }) {
  const [view, setView] = useViewChoice(part);
  const decoded = useDecoded(bytes, view);
  const kind = useMemo(() => (bytes === null ? null : describeBytes(bytes)), [bytes]);
  const testId = `detail-${part}`;
  return (
    <section className="message-detail__part" aria-label={label}>
      <div className="message-detail__bar">
        <h3>{label}</h3>
        <span className="muted" data-testid={`${testId}-info`}>
          {bytes === null || decoded === null
            ? nullText
            : `${kind}${bytes.schemaId !== undefined ? ` · Schema Registry id ${bytes.schemaId}` : ''} · ${bytes.size.toLocaleString('en')} B${bytes.truncated ? ' (preview)' : ''}`}
        </span>
        {decoded && (
          <>
            <ViewSelect label={`${label} view`} value={view} onChange={setView} />
            <button type="button" className="button small" title={`Copy the ${VIEW_LABELS[view]} view`} onClick={() => copy(decoded.text)}>
              Copy
            </button>
          </>
        )}
      </div>
      {decoded && <DecodedContent decoded={decoded} label={`${label} JSON`} testId={testId} />}
    </section>
  );
}

function HeaderValue({ index, value, view }: { index: number; value: EncodedBytes | null; view: Parameters<typeof useDecoded>[1] }) {
  const decoded = useDecoded(value, view);
  if (decoded === null) return <span className="muted">null</span>;
  return (
    <>
      <div className="message-detail__header-value">
        <DecodedContent decoded={decoded} label={`Header ${index + 1} JSON`} testId={`detail-header-${index}`} />
      </div>
      <button type="button" className="button small ghost" aria-label={`Copy header ${index + 1}`} onClick={() => copy(decoded.text)}>
        Copy
      </button>
    </>
  );
}

function Headers({ headers }: { headers: MessageView['headers'] }) {
  const [view, setView] = useViewChoice('headers');
  return (
    <section className="message-detail__part" aria-label="Headers">
      <div className="message-detail__bar">
        <h3>Headers ({headers.length})</h3>
        {headers.length > 0 && <ViewSelect label="Headers view" value={view} onChange={setView} />}
      </div>
      <dl className="message-detail__headers">
        {headers.map((h, i) => (
          <div key={`${h.key}-${i}`}>
            <dt>{h.key}</dt>
            <dd>
              <HeaderValue index={i} value={h.value} view={view} />
            </dd>
          </div>
        ))}
      </dl>
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
  // Keyed by message: "show all" and fold states start afresh for each message.
  const id = `${message.partition}-${message.offset}`;
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
        {messageTime(message.timestamp)} ({message.timestampType === 'LogAppendTime' ? 'log-append time' : 'create time'})
      </div>
      <Part key={`k${id}`} part="key" label="Key" bytes={message.key} nullText="null key" />
      <Part key={`v${id}`} part="value" label="Value" bytes={message.value} nullText="null value: a tombstone" />
      <Headers key={`h${id}`} headers={message.headers} />
    </aside>
  );
}
