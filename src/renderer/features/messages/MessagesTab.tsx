import { createColumnHelper } from '@tanstack/react-table';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { MessageView, StartPosition } from '../../../shared/api';
import { useApi } from '../../api/ApiProvider';
import { usePartitions } from '../../api/queries';
import { DataTable } from '../../components/DataTable';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { useConnectionId } from '../../state/session-store';
import { preview } from './bytes';
import { MessageDetail } from './MessageDetail';
import './messages.css';

const rowId = (m: MessageView) => `${m.partition}-${m.offset}`;
const col = createColumnHelper<MessageView>();
const columns = [
  col.accessor('partition', { header: 'Partition', size: 80, meta: { align: 'right', mono: true } }),
  col.accessor('offset', { header: 'Offset', size: 100, meta: { align: 'right', mono: true }, sortingFn: (a, b) => Number(BigInt(a.original.offset) - BigInt(b.original.offset)) }),
  col.accessor('timestamp', { header: 'Timestamp', size: 200, meta: { mono: true }, cell: (c) => new Date(Number(c.getValue())).toISOString() }),
  col.accessor((m) => preview(m.key, 'null', 60), { id: 'key', header: 'Key', size: 160, meta: { mono: true } }),
  col.accessor((m) => preview(m.value, 'null (tombstone)'), { id: 'value', header: 'Value', size: 520, meta: { mono: true } }),
  col.accessor((m) => m.value?.size ?? 0, { id: 'size', header: 'Size', size: 80, meta: { align: 'right', mono: true } }),
  col.accessor((m) => m.headers.length, { id: 'headers', header: 'Headers', size: 80, meta: { align: 'right', mono: true } }),
];

type PositionKind = StartPosition['kind'];

/** Browse a topic's messages without a consumer group: newest N, from an offset, or from the beginning. */
export function MessagesTab({ topic, initialPartition, initialOffset }: { topic: string; initialPartition?: number | undefined; initialOffset?: string | undefined }) {
  const api = useApi();
  const connectionId = useConnectionId();
  const partitions = usePartitions(connectionId, topic);
  const [kind, setKind] = useState<PositionKind>(initialOffset ? 'offset' : 'newest');
  const [count, setCount] = useState('100');
  const [offset, setOffset] = useState(initialOffset ?? '0');
  const [partition, setPartition] = useState(initialPartition === undefined ? 'all' : String(initialPartition));
  const [limit, setLimit] = useState('500');
  const [time, setTime] = useState('');
  const [order, setOrder] = useState<'auto' | 'newest' | 'oldest'>('auto');
  const [filter, setFilter] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const request = useMemo(() => {
    const position: StartPosition =
      kind === 'newest'
        ? { kind, count: Math.max(1, Number(count) || 100) }
        : kind === 'offset'
          ? { kind, offset: offset || '0' }
          : kind === 'timestamp'
            ? { kind, timestamp: Math.max(0, new Date(time || 0).getTime() || 0) }
            : { kind };
    return {
      connectionId,
      topic,
      position,
      partitions: partition === 'all' ? null : [Number(partition)],
      limit: Math.min(10_000, Math.max(1, Number(limit) || 500)),
      order: order === 'auto' ? null : order,
    };
  }, [connectionId, topic, kind, count, offset, time, partition, limit, order]);
  const [asked, setAsked] = useState(request);
  const read = useQuery({
    queryKey: ['cluster', connectionId, 'topics', topic, 'messages', asked],
    queryFn: ({ signal }) => api.call('messages.browse', asked, { signal }),
    staleTime: Infinity,
  });
  const messages = read.data?.messages ?? [];
  const current = messages.find((m) => rowId(m) === selected) ?? null;

  return (
    <div className="messages-tab">
      <form
        className="messages-controls"
        aria-label="Where to read from"
        onSubmit={(e) => {
          e.preventDefault();
          setAsked(request);
          if (request === asked) void read.refetch();
        }}
      >
        <label className="field">
          <span>From</span>
          <select aria-label="Start position" value={kind} onChange={(e) => setKind(e.target.value as PositionKind)}>
            <option value="newest">Newest messages</option>
            <option value="offset">An offset</option>
            <option value="timestamp">A time</option>
            <option value="beginning">The beginning</option>
          </select>
        </label>
        {kind === 'newest' && (
          <label className="field">
            <span>Per partition</span>
            <input aria-label="Newest count" inputMode="numeric" value={count} onChange={(e) => setCount(e.target.value.replace(/\D/g, ''))} />
          </label>
        )}
        {kind === 'offset' && (
          <label className="field">
            <span>Offset</span>
            <input aria-label="Start offset" inputMode="numeric" value={offset} onChange={(e) => setOffset(e.target.value.replace(/\D/g, ''))} />
          </label>
        )}
        {kind === 'timestamp' && (
          <label className="field">
            <span>At or after</span>
            <input type="datetime-local" step="1" aria-label="Start time" value={time} onChange={(e) => setTime(e.target.value)} />
          </label>
        )}
        <label className="field">
          <span>Order</span>
          <select aria-label="Order" value={order} onChange={(e) => setOrder(e.target.value as typeof order)}>
            <option value="auto">{kind === 'newest' ? 'Newest first' : 'Oldest first'}</option>
            <option value="newest">Newest first</option>
            <option value="oldest">Oldest first</option>
          </select>
        </label>
        <label className="field">
          <span>Partition</span>
          <select aria-label="Partition" value={partition} onChange={(e) => setPartition(e.target.value)}>
            <option value="all">All</option>
            {(partitions.data ?? []).map((p) => (
              <option key={p.partition} value={String(p.partition)}>
                {p.partition}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Limit</span>
          <input aria-label="Limit" inputMode="numeric" value={limit} onChange={(e) => setLimit(e.target.value.replace(/\D/g, ''))} />
        </label>
        <button type="submit" className="button primary">
          Read
        </button>
        <label className="field messages-controls__filter">
          <span>Filter what is shown</span>
          <input aria-label="Filter messages" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="key, value, offset…" />
        </label>
      </form>
      {read.isFetching && <Loading />}
      <ErrorMessage error={read.error} title="Could not read the messages" />
      {read.data && (
        <div className="summary-line" data-testid="messages-summary">
          {messages.length.toLocaleString('en')} messages · read {read.data.partitions.map((p) => `p${p.partition} ${p.from}–${p.until}`).join(', ')}
        </div>
      )}
      <div className={`messages-body${current ? ' with-detail' : ''}`}>
        <DataTable
          id="messages"
          ariaLabel="Messages"
          data={messages}
          columns={columns}
          filter={filter}
          getRowId={rowId}
          selectedRowId={selected}
          onRowClick={(m) => setSelected(rowId(m))}
          emptyMessage={read.isFetching ? 'Reading…' : 'No messages in this range'}
        />
        {current && <MessageDetail message={current} onClose={() => setSelected(null)} />}
      </div>
    </div>
  );
}
