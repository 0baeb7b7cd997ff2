import { useMemo, useState } from 'react';
import type { DecodedSchemaInfo, EncodedBytes, MessageView } from '../../../shared/api';
import { href } from '../../app/router';
import { usePageLink } from '../../app/use-page-link';
import { schemaTitle } from './schema-info';
import { useApi } from '../../api/ApiProvider';
import { ErrorMessage } from '../../components/ErrorMessage';
import { messageTime } from '../../lib/message-time';
import { useConnectionId } from '../../state/session-store';
import { fullText } from './bytes';
import { decodeAs, describeBytes, VIEW_LABELS } from './decode-view';
import { DecodedContent, useDecoded, useViewChoice, ViewSelect } from './DecodedView';
import { useEscape } from '../commands/use-escape';

function copy(text: string) {
  void navigator.clipboard?.writeText(text).catch(() => undefined);
}

/** Which message the detail pane shows, for the calls that read it again whole from main. */
interface MessageRef {
  topic: string;
  partition: number;
  offset: string;
}

const extension = (kind: string | null) => (kind === 'JSON' ? 'json' : kind === 'text' ? 'txt' : 'bin');

function Part({ part, label, bytes, nullText, at }: { part: 'key' | 'value'; label: string; bytes: EncodedBytes | null; nullText: string; at: MessageRef }) {
  const api = useApi();
  const connectionId = useConnectionId();
  const [view, setView] = useViewChoice(part);
  const decoded = useDecoded(bytes, view);
  const kind = useMemo(() => (bytes === null ? null : describeBytes(bytes)), [bytes]);
  const previewSize = useMemo(() => (bytes?.truncated ? decodedPreviewSize(bytes) : null), [bytes]);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ saved?: string; error?: unknown } | null>(null);
  const testId = `detail-${part}`;
  const act = async (work: () => Promise<string | undefined>) => {
    setBusy(true);
    setOutcome(null);
    try {
      const saved = await work();
      setOutcome(saved ? { saved } : null);
    } catch (error) {
      setOutcome({ error });
    } finally {
      setBusy(false);
    }
  };
  // The preview is all the window has: the whole value is read again from main, by partition and offset.
  const copyAll = () =>
    act(async () => {
      const whole = await api.call('messages.get', { connectionId, ...at });
      const wholeBytes = whole[part];
      copy(wholeBytes === null ? '' : decodeAs(wholeBytes, view).text);
      return undefined;
    });
  const save = () =>
    act(async () => {
      const fileName = `${at.topic}-p${at.partition}-o${at.offset}-${part}.${extension(kind)}`;
      const saved = await api.call('messages.saveValue', { connectionId, ...at, part, fileName });
      return saved.path ? `${saved.bytes.toLocaleString('en')} B saved to ${saved.path}` : undefined;
    });
  return (
    <section className="message-detail__part" aria-label={label}>
      <div className="message-detail__bar">
        <h3>{label}</h3>
        <span className="muted" data-testid={`${testId}-info`}>
          {bytes === null || decoded === null
            ? nullText
            : bytes.schema
              ? `${schemaTitle(bytes.schema)} · decoded from ${bytes.size.toLocaleString('en')} B${bytes.truncated ? ' (preview)' : ''}`
              : `${kind}${bytes.schemaId !== undefined ? ` · Schema Registry id ${bytes.schemaId}` : ''} · ${bytes.size.toLocaleString('en')} B${bytes.truncated ? ' (preview)' : ''}`}
        </span>
        {bytes && decoded && (
          <>
            <ViewSelect label={`${label} view`} value={view} onChange={setView} />
            {bytes.truncated ? (
              <button type="button" className="button small" disabled={busy} title={`Copy all ${bytes.size.toLocaleString('en')} bytes in the ${VIEW_LABELS[view]} view`} onClick={() => void copyAll()}>
                Copy all
              </button>
            ) : (
              <button type="button" className="button small" title={`Copy the ${VIEW_LABELS[view]} view`} onClick={() => copy(decoded.text)}>
                Copy
              </button>
            )}
            <button type="button" className="button small ghost" disabled={busy} title={`Save the whole ${part}, byte for byte`} onClick={() => void save()}>
              Save {part} to file…
            </button>
          </>
        )}
      </div>
      {bytes?.schema && <SchemaNotes part={part} schema={bytes.schema} at={at} />}
      {bytes?.undecodable && (
        <div className="message-detail__problem" role="note" data-testid={`${testId}-undecodable`}>
          Not decoded: {bytes.undecodable}. Shown as the raw bytes.
        </div>
      )}
      {bytes?.truncated && (
        <div className="message-detail__problem" role="note" data-testid={`${testId}-preview-note`}>
          Showing the first {previewSize} of {bytes.size.toLocaleString('en')} B: use Copy all or Save {part} to file… for all of it.
        </div>
      )}
      {outcome?.saved && (
        <div className="muted" role="status" data-testid={`${testId}-saved`}>
          {outcome.saved}
        </div>
      )}
      <ErrorMessage error={outcome?.error} title={`Could not get the whole ${part}`} />
      {decoded && <DecodedContent decoded={decoded} label={`${label} JSON`} testId={testId} />}
    </section>
  );
}

/** Where a decoded part's writer schema is, whether it passed, and its raw bytes on demand. */
function SchemaNotes({ part, schema, at }: { part: 'key' | 'value'; schema: DecodedSchemaInfo; at: MessageRef }) {
  const api = useApi();
  const connectionId = useConnectionId();
  const [raw, setRaw] = useState<{ text?: string; error?: unknown } | null>(null);
  const showRaw = async () => {
    try {
      const whole = await api.call('messages.get', { connectionId, ...at, raw: true });
      const bytes = whole[part];
      setRaw({ text: bytes === null ? '' : decodeAs(bytes, 'hex').text });
    } catch (error) {
      setRaw({ error });
    }
  };
  return (
    <div className="message-detail__schema" data-testid={`detail-${part}-schema`}>
      {schema.invalid && (
        <div className="message-detail__problem" role="note">
          Its schema rejects it: {schema.invalid}
        </div>
      )}
      <div className="message-detail__schema-actions">
        {schema.subject && (
          <a className="button small ghost" href={href(['schemas', schema.subject], { v: schema.version })}>
            Writer schema
          </a>
        )}
        <button type="button" className="button small ghost" aria-expanded={raw !== null} onClick={() => (raw ? setRaw(null) : void showRaw())}>
          {raw ? 'Hide raw bytes' : 'Raw bytes'}
        </button>
      </div>
      <ErrorMessage error={raw?.error} title="Could not read the raw bytes" />
      {raw?.text !== undefined && (
        <pre className="message-detail__raw" aria-label={`Raw ${part} bytes`}>
          {raw.text}
        </pre>
      )}
    </div>
  );
}

/** The preview's size in bytes, as a short text (256 KiB, not 262,144 B). */
function decodedPreviewSize(bytes: EncodedBytes): string {
  const n = bytes.encoding === 'base64' ? Math.floor((bytes.data.length * 3) / 4) - (bytes.data.endsWith('==') ? 2 : bytes.data.endsWith('=') ? 1 : 0) : new TextEncoder().encode(bytes.data).length;
  return n % 1024 === 0 ? `${(n / 1024).toLocaleString('en')} KiB` : `${n.toLocaleString('en')} B`;
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
export function MessageDetail({ topic, message, onClose }: { topic: string; message: MessageView; onClose(): void }) {
  const at = useMemo(() => ({ topic, partition: message.partition, offset: message.offset }), [topic, message.partition, message.offset]);
  const api = useApi();
  const connectionId = useConnectionId();
  const [copyError, setCopyError] = useState<unknown>(null);
  useEscape(onClose);
  const asJson = (m: MessageView) =>
    JSON.stringify(
      {
        partition: m.partition,
        offset: m.offset,
        timestamp: m.timestamp,
        timestampType: m.timestampType,
        key: fullText(m.key).text || null,
        value: fullText(m.value).text || null,
        headers: m.headers.map((h) => ({ key: h.key, value: fullText(h.value).text })),
      },
      null,
      2,
    );
  // A preview is never copied as if it were the message: the whole one is fetched from main first.
  const copyWhole = async () => {
    setCopyError(null);
    const cut = message.key?.truncated || message.value?.truncated || message.headers.some((h) => h.value?.truncated);
    try {
      copy(asJson(cut ? await api.call('messages.get', { connectionId, ...at }) : message));
    } catch (error) {
      setCopyError(error);
    }
  };
  const link = usePageLink(['topics', topic, 'messages'], { partition: message.partition, offset: message.offset });
  // Keyed by message: "show all" and fold states start afresh for each message.
  const id = `${message.partition}-${message.offset}`;
  return (
    <aside className="message-detail" aria-label="Message">
      <div className="message-detail__bar">
        <h2>
          Partition {message.partition} · offset {message.offset}
        </h2>
        <button type="button" className="button small" onClick={() => void copyWhole()}>
          Copy as JSON
        </button>
        <button type="button" className="button small ghost" data-link={link} title={`Copy a link that opens this message: ${link}`} onClick={() => copy(link)}>
          Copy link
        </button>
        <button type="button" className="button small ghost" aria-label="Close message" onClick={onClose}>
          ✕
        </button>
      </div>
      <ErrorMessage error={copyError} title="Could not copy the whole message" />
      <div className="muted">
        {messageTime(message.timestamp)} ({message.timestampType === 'LogAppendTime' ? 'log-append time' : 'create time'})
      </div>
      <Part key={`k${id}`} part="key" label="Key" bytes={message.key} nullText="null key" at={at} />
      <Part key={`v${id}`} part="value" label="Value" bytes={message.value} nullText="null value: a tombstone" at={at} />
      <Headers key={`h${id}`} headers={message.headers} />
    </aside>
  );
}
