import { createColumnHelper, type SortingState } from '@tanstack/react-table';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { MAX_SEARCH_MATCHES, type MessageView, type StartPosition } from '../../../shared/api';
import { usePartitions } from '../../api/queries';
import { DataTable } from '../../components/DataTable';
import { FilterInput } from '../../components/FilterInput';
import { ErrorMessage } from '../../components/ErrorMessage';
import { messageTime } from '../../lib/message-time';
import { useDateFormat } from '../../lib/use-date-format';
import { usePersistentState } from '../../lib/use-persistent-state';
import { useConnectionId } from '../../state/session-store';
import { preview } from './bytes';
import { BytesCell } from './BytesCell';
import { ExportMenu } from './ExportMenu';
import { CopyButton } from '../copy/CopyButton';
import { emptyFilter, filterProblem, FiltersBar, toMessageFilter, type FilterDraft } from './FiltersBar';
import { DEFAULT_BUFFER, useCurrentMessageStream } from './message-stream-store';
import { MessageDetail } from './MessageDetail';
import { StreamStatus } from './StreamStatus';
import { GroupPositionFields } from './GroupPositionFields';
import { KeyPartitionNote } from './KeyPartitionNote';
import { TopKeys } from './TopKeys';
import { LatestPerKeyControls, LatestPerKeyNote } from './LatestPerKey';
import { useMessageStreamControls } from './use-message-stream';
import './messages.css';
import { DateTimeInput } from '../../components/DateTimeInput';

const rowId = (m: MessageView) => `${m.partition}-${m.offset}`;
const col = createColumnHelper<MessageView>();
const time = (m: MessageView) => messageTime(m.timestamp);
const keyText = (m: MessageView) => preview(m.key, 'null', 60);
const valueText = (m: MessageView) => preview(m.value, 'null (tombstone)');
// The value last: it takes whatever width is left, so it stays readable with the detail pane open.
const columns = [
  col.accessor('partition', { header: 'Partition', size: 90, meta: { align: 'right', mono: true } }),
  col.accessor('offset', { header: 'Offset', size: 90, meta: { align: 'right', mono: true } }),
  col.accessor(time, { id: 'timestamp', header: 'Timestamp', size: 195, meta: { mono: true } }),
  col.accessor(keyText, { id: 'key', header: 'Key', size: 140, meta: { mono: true, wrap: true }, cell: (c) => <BytesCell bytes={c.row.original.key} max={60} /> }),
  col.accessor((m) => m.value?.size ?? 0, { id: 'size', header: 'Size', size: 70, meta: { align: 'right', mono: true } }),
  col.accessor((m) => m.headers.length, { id: 'headers', header: 'Headers', size: 84, meta: { align: 'right', mono: true } }),
  col.accessor(valueText, { id: 'value', header: 'Value', size: 240, meta: { mono: true, wrap: true }, cell: (c) => <ValueCell message={c.row.original} /> }),
];
/** A value as a row shows it: one line, or (wrap on) up to six lines of a longer preview. */
function ValueCell({ message }: { message: MessageView }) {
  const wrap = useContext(WrapContext);
  return <BytesCell bytes={message.value} nullText="tombstone" max={wrap ? 1200 : 200} />;
}
const WrapContext = createContext(false);

/** With the detail pane open (it shows the time, size and headers): partition, offset, key, value. */
const columnsBesidePane = [columns[0]!, columns[1]!, columns[3]!, columns[6]!];

/** The quick filter: the text as shown in any column, case-insensitive. */
function shownBy(filter: string): (m: MessageView) => boolean {
  const needle = filter.toLowerCase();
  return (m) => [String(m.partition), m.offset, time(m), keyText(m), valueText(m), String(m.value?.size ?? 0), String(m.headers.length)].some((v) => v.toLowerCase().includes(needle));
}

/** What a click on each column header orders by. */
const sortKey: Record<string, (m: MessageView) => number | string> = {
  partition: (m) => m.partition,
  offset: (m) => Number(m.offset),
  timestamp: (m) => Number(m.timestamp),
  key: keyText,
  value: valueText,
  size: (m) => m.value?.size ?? 0,
  headers: (m) => m.headers.length,
};

/** The buffer as the table shows it: quick-filtered, then ordered by the clicked column (if any). */
function shownRows(messages: MessageView[], filter: string, sorting: SortingState): MessageView[] {
  const rows = filter ? messages.filter(shownBy(filter)) : messages;
  const by = sorting[0];
  const key = by && sortKey[by.id];
  if (!by || !key) return rows;
  const keyed = rows.map((m) => ({ m, k: key(m) }));
  const dir = by.desc ? -1 : 1;
  keyed.sort((a, b) => (a.k < b.k ? -dir : a.k > b.k ? dir : 0));
  return keyed.map((x) => x.m);
}

type PositionKind = StartPosition['kind'];

/**
 * A topic's messages without a consumer group: read a range (newest N, an offset, a time, the
 * beginning) or tail live, filtered in main; kept in a bounded buffer; exported as files.
 */
export function MessagesTab({ topic, initialPartition, initialOffset, initialLive }: { topic: string; initialPartition?: number | undefined; initialOffset?: string | undefined; initialLive?: boolean }) {
  const connectionId = useConnectionId();
  // This connection's own buffer: another cluster's tail keeps running in its own.
  const stream = useCurrentMessageStream();
  const useMessageStream = stream.store;
  const snapshot = stream.snapshot;
  const partitions = usePartitions(connectionId, topic);
  const controls = useMessageStreamControls();
  const [kind, setKind] = useState<PositionKind>(initialOffset ? 'offset' : 'newest');
  const [count, setCount] = useState('100');
  const [scope, setScope] = useState<'partition' | 'overall'>('partition');
  const [offset, setOffset] = useState(initialOffset ?? '0');
  const [partition, setPartition] = useState(initialPartition === undefined ? 'all' : String(initialPartition));
  const [limit, setLimit] = useState('500');
  const [time, setTime] = useState('');
  const [groupId, setGroupId] = useState('');
  const [back, setBack] = useState('0');
  const [showTopKeys, setShowTopKeys] = usePersistentState('messages.topKeys', false);
  const [compacted, setCompacted] = useState<{ on: boolean; tombstones: boolean }>({ on: false, tombstones: true });
  const dates = useDateFormat();
  const [order, setOrder] = useState<'auto' | 'newest' | 'oldest'>('auto');
  const [filters, setFilters] = useState<FilterDraft>(emptyFilter);
  const [quickFilter, setQuickFilter] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const [capacity, setCapacity] = usePersistentState('messages.buffer', DEFAULT_BUFFER);
  const [wrap, setWrap] = usePersistentState('messages.wrap', false);
  // Closed by default: the rows get the height (at least 20 at 1280×720); open while a filter is set.
  const [filtersOpen, setFiltersOpen] = usePersistentState('messages.filtersOpen', false);
  const [capacityText, setCapacityText] = useState(String(capacity));

  const version = useMessageStream((s) => s.version);
  const mode = useMessageStream((s) => s.mode);
  const error = useMessageStream((s) => s.error);
  const messages = useMemo(() => snapshot(), [snapshot, version]); // eslint-disable-line react-hooks/exhaustive-deps
  const [sorting, setSorting] = usePersistentState<SortingState>('table.messages.sorting', []);
  const shown = useMemo(() => shownRows(messages, quickFilter, sorting), [messages, quickFilter, sorting]);

  useEffect(() => {
    if (useMessageStream.getState().capacity !== capacity) useMessageStream.getState().setCapacity(capacity);
  }, [useMessageStream, capacity]);

  const target = useCallback(
    () => ({ connectionId, topic, partitions: partition === 'all' ? null : [Number(partition)], filter: toMessageFilter(filters) }),
    [connectionId, topic, partition, filters],
  );
  const startRead = useCallback(() => {
    const position: StartPosition =
      kind === 'newest'
        ? { kind, count: Math.min(100_000, Math.max(1, Number(count) || 100)), scope }
        : kind === 'offset'
          ? { kind, offset: offset || '0' }
          : kind === 'timestamp'
            ? { kind, timestamp: Math.max(0, dates.fromInput(time) || 0) }
            : kind === 'group'
              ? { kind, groupId: groupId.trim(), back: Number(back) || 0 }
              : { kind };
    setSelected(null);
    setPicked(new Set());
    // No more than the buffer keeps: partitions are read in parallel, so what a smaller buffer
    // kept of a bigger read would be a different slice of each partition, shown as if whole.
    void controls.read(
      target(),
      position,
      Math.min(MAX_SEARCH_MATCHES, capacity, Math.max(1, Number(limit) || 500)),
      order === 'auto' ? (kind === 'newest' ? 'newest' : 'oldest') : order,
      compacted.on ? { tombstones: compacted.tombstones } : null,
    );
  }, [kind, count, scope, offset, time, groupId, back, limit, capacity, order, target, controls, dates, compacted]);

  const startTail = useCallback(() => {
    setSelected(null);
    setPicked(new Set());
    void controls.tail(target());
  }, [controls, target]);

  // The first read when the tab opens (or a live tail, `?live=1`, from the topic's Tail button and the palette); later reads are asked for.
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const first = initialLive ? startTail : startRead;
    first();
  }, [startRead, startTail, initialLive]);

  // Escape closes the detail pane, from the pane or the table, and gives the focus back to the row.
  const closeOnEscape = (event: ReactKeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Escape' || selected === null || event.defaultPrevented) return;
    event.preventDefault();
    const row = event.currentTarget.querySelector<HTMLElement>(`[role=row][data-row-id="${CSS.escape(selected)}"]`);
    setSelected(null);
    row?.focus({ preventScroll: true });
  };

  const current = selected ? (messages.find((m) => rowId(m) === selected) ?? null) : null;
  const problem = filterProblem(filters);
  const activeFilters = [filters.text, filters.expression, filters.fromTime, filters.toTime, filters.key, filters.headerKey, filters.headerValue].filter(Boolean).length;
  const busy = mode === 'reading' || mode === 'tailing';

  return (
    <div className="messages-tab">
      <form
        className="messages-controls"
        aria-label="Where to read from"
        onSubmit={(e) => {
          e.preventDefault();
          startRead();
        }}
      >
        <label className="field">
          <span>From</span>
          <select aria-label="Start position" value={kind} onChange={(e) => setKind(e.target.value as PositionKind)}>
            <option value="newest">Newest messages</option>
            <option value="offset">An offset</option>
            <option value="timestamp">A time</option>
            <option value="beginning">The beginning</option>
            <option value="group">A group&apos;s position</option>
          </select>
        </label>
        {kind === 'newest' && (
          <>
            <label className="field">
              <span className="sr-only">Count</span>
              <input aria-label="Newest count" inputMode="numeric" value={count} onChange={(e) => setCount(e.target.value.replace(/\D/g, ''))} />
            </label>
            <label className="field">
              <span className="sr-only">Counted</span>
              <select aria-label="Newest scope" value={scope} onChange={(e) => setScope(e.target.value as typeof scope)}>
                <option value="partition">per partition</option>
                <option value="overall">overall</option>
              </select>
            </label>
          </>
        )}
        {kind === 'offset' && (
          <label className="field">
            <span>Offset</span>
            <input aria-label="Start offset" inputMode="numeric" value={offset} onChange={(e) => setOffset(e.target.value.replace(/\D/g, ''))} />
          </label>
        )}
        {kind === 'timestamp' && (
          <label className="field">
            <span>At or after ({dates.zone})</span>
            <DateTimeInput label="Start time" value={time} onChange={setTime} />
          </label>
        )}
        {kind === 'group' && <GroupPositionFields connectionId={connectionId} topic={topic} groupId={groupId} back={back} onGroup={setGroupId} onBack={setBack} />}
        <label className="field">
          <span className="sr-only">Order</span>
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
        <LatestPerKeyControls value={compacted} onChange={setCompacted} />
        <label className="field">
          <span>Limit</span>
          <input
            aria-label="Limit"
            inputMode="numeric"
            value={limit}
            title={Number(limit) > capacity ? `At most ${capacity.toLocaleString('en')} (the buffer size, "Keep last")` : undefined}
            onChange={(e) => setLimit(e.target.value.replace(/\D/g, ''))}
          />
        </label>
        <button type="submit" className="button primary" disabled={problem !== null}>
          Read
        </button>
        <button
          type="button"
          className="button"
          disabled={problem !== null || mode === 'tailing'}
          onClick={startTail}
          title="Follow new messages from the end"
        >
          Tail live
        </button>
        <button type="button" className={`button${filtersOpen ? ' active' : ''}`} aria-expanded={filtersOpen} aria-controls="messages-filters" onClick={() => setFiltersOpen((o) => !o)}>
          Filters{activeFilters > 0 ? ` (${activeFilters})` : ''} {filtersOpen ? '▴' : '▾'}
        </button>
      </form>
      {filtersOpen && (
        <div className="messages-more" id="messages-filters">
          <FiltersBar draft={filters} onChange={setFilters} />
            <label className="field">
              <span>Keep last</span>
              <input
                aria-label="Buffer size"
                inputMode="numeric"
                value={capacityText}
                onChange={(e) => setCapacityText(e.target.value.replace(/\D/g, ''))}
                onBlur={() => {
                  const next = Math.min(1_000_000, Math.max(100, Number(capacityText) || DEFAULT_BUFFER));
                  setCapacityText(String(next));
                  setCapacity(next);
                }}
              />
            </label>
        </div>
      )}
      <div className="messages-toolbar">
        <StreamStatus onCancel={controls.cancel} onPause={controls.pause} onResume={controls.resume} />
        <KeyPartitionNote />
        <LatestPerKeyNote />
        <span className="messages-controls__filter">
          <FilterInput label="Filter messages" value={quickFilter} onChange={setQuickFilter} placeholder="Filter what is shown…" shown={shown.length} total={messages.length} />
        </span>
        <button type="button" className={`button small${showTopKeys ? ' active' : ''}`} aria-expanded={showTopKeys} onClick={() => setShowTopKeys((o) => !o)} title="The most frequent and the heaviest keys of what was read">
          Top keys
        </button>
        <label className="checkbox" title="Long keys and values wrap onto up to six lines">
          <input type="checkbox" checked={wrap} onChange={(e) => setWrap(e.target.checked)} />
          <span>Wrap</span>
        </label>
        <ExportMenu
          topic={topic}
          all={() => snapshot()}
          shown={() => shown}
          selected={() => snapshot().filter((m) => picked.has(rowId(m)) || rowId(m) === selected)}
        />
        <CopyButton topic={topic} sets={{ all: () => snapshot(), shown: () => shown, selected: () => snapshot().filter((m) => picked.has(rowId(m)) || rowId(m) === selected) }} />
      </div>
      {showTopKeys && <TopKeys messages={messages} />}
      <ErrorMessage error={error} title="Could not read the messages" />
      <div className={`messages-body${current ? ' with-detail' : ''}`} onKeyDown={closeOnEscape}>
        <WrapContext.Provider value={wrap}>
          <DataTable
            id="messages"
            ariaLabel="Messages"
            filter={quickFilter}
            wrap={wrap}
            rowHeight={24}
            data={shown}
            columns={current ? columnsBesidePane : columns}
            sorting={sorting}
            onSortingChange={setSorting}
            getRowId={rowId}
            // A live tail puts new messages on every drawn row ~10 times a second: update the rows
            // in place rather than build them again (the cells hold no state of their own).
            reuseRows
            selectedRowId={selected}
            selectedRowIds={picked}
            onRowClick={(m, event) => {
              const id = rowId(m);
              if (event.ctrlKey || event.metaKey) {
                // Ctrl/Cmd-click marks rows for export without opening them.
                setPicked((s) => {
                  const next = new Set(s);
                  if (!next.delete(id)) next.add(id);
                  return next;
                });
              } else setSelected(id);
            }}
            emptyMessage={busy ? (mode === 'tailing' ? 'Waiting for new messages…' : 'Reading…') : 'No messages in this range'}
          />
        </WrapContext.Provider>
        {current && <MessageDetail topic={topic} message={current} onClose={() => setSelected(null)} />}
      </div>
    </div>
  );
}
