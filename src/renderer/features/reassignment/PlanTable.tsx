import { createColumnHelper } from '@tanstack/react-table';
import { createContext, useContext, useState } from 'react';
import { partitionKey, sameList, type BrokerRef, type CurrentPartition } from '../../../shared/reassignment/plan';
import { DataTable } from '../../components/DataTable';
import { bytesText, parseReplicaList } from './format';

/** One row of the plan: the partition as it is and the replicas it is to have. */
export interface PlanRow {
  current: CurrentPartition;
  target: number[];
}

interface PlanEditing {
  brokers: BrokerRef[];
  readOnly: boolean;
  setTarget(key: string, replicas: number[]): void;
}

const Editing = createContext<PlanEditing>({ brokers: [], readOnly: true, setTarget: () => {} });

/** The replica list as text (typed in order: the first is the preferred leader) and a toggle per broker. */
function ReplicaEditor({ row }: { row: PlanRow }) {
  const { brokers, readOnly, setTarget } = useContext(Editing);
  const key = partitionKey(row.current);
  // What is being typed; the plan's own list otherwise (a generator or a chip may change it).
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? row.target.join(', ');
  const label = `${row.current.topic} partition ${row.current.partition}`;
  if (readOnly) return <span className="mono">{row.target.join(', ')}</span>;
  const toggle = (nodeId: number) => setTarget(key, row.target.includes(nodeId) ? row.target.filter((r) => r !== nodeId) : [...row.target, nodeId]);
  const valid = parseReplicaList(text) !== null;
  return (
    <div className="replica-editor">
      <input
        className={`mono replica-editor__text${valid ? '' : ' invalid'}`}
        aria-label={`Replicas of ${label}`}
        aria-invalid={!valid}
        value={text}
        spellCheck={false}
        onBlur={() => setDraft(null)}
        onChange={(e) => {
          setDraft(e.target.value);
          const list = parseReplicaList(e.target.value);
          if (list) setTarget(key, list);
        }}
      />
      <span className="replica-editor__chips" role="group" aria-label={`Brokers for ${label}`}>
        {brokers.map((b) => {
          const at = row.target.indexOf(b.nodeId);
          return (
            <button
              key={b.nodeId}
              type="button"
              className={`replica-chip${at >= 0 ? ' on' : ''}${at === 0 ? ' leader' : ''}`}
              aria-pressed={at >= 0}
              title={`${at >= 0 ? 'Remove' : 'Add'} broker ${b.nodeId}${b.rack ? ` (rack ${b.rack})` : ''}${at === 0 ? ' — preferred leader' : ''}`}
              onClick={() => toggle(b.nodeId)}
            >
              {b.nodeId}
            </button>
          );
        })}
      </span>
    </div>
  );
}

function Change({ row }: { row: PlanRow }) {
  const before = row.current.replicas;
  if (sameList(before, row.target)) return <span className="badge muted">unchanged</span>;
  const added = row.target.filter((r) => !before.includes(r));
  const removed = before.filter((r) => !row.target.includes(r));
  if (row.target.length === 0) return <span className="badge bad">no replicas</span>;
  if (added.length === 0 && removed.length === 0) return <span className="badge warn">leader order</span>;
  const text = [added.length > 0 ? `add ${added.join(', ')}` : '', removed.length > 0 ? `drop ${removed.join(', ')}` : ''].filter(Boolean).join(' · ');
  return (
    <span className="badge good" title={`brokers added: ${added.join(', ') || 'none'}; removed: ${removed.join(', ') || 'none'}`}>
      {text}
    </span>
  );
}

const col = createColumnHelper<PlanRow>();
const columns = [
  col.accessor((r) => r.current.topic, { id: 'topic', header: 'Topic', size: 200 }),
  col.accessor((r) => r.current.partition, { id: 'partition', header: 'Partition', size: 95, meta: { align: 'right', mono: true } }),
  col.accessor((r) => r.current.replicas.join(', '), { id: 'current', header: 'Current replicas', size: 140, meta: { mono: true } }),
  col.accessor((r) => r.target.join(', '), { id: 'target', header: 'New replicas (first leads)', size: 330, enableSorting: false, cell: (c) => <ReplicaEditor row={c.row.original} /> }),
  col.display({ id: 'change', header: 'Change', size: 150, cell: (c) => <Change row={c.row.original} /> }),
  col.accessor((r) => r.current.sizeBytes ?? -1, { id: 'size', header: 'Size', size: 95, meta: { align: 'right', mono: true }, cell: (c) => bytesText(c.row.original.current.sizeBytes) }),
  col.accessor((r) => copyBytes(r), { id: 'copies', header: 'Copies', size: 95, meta: { align: 'right', mono: true }, cell: (c) => (c.getValue() === 0 ? '—' : bytesText(c.getValue())) }),
];

function copyBytes(r: PlanRow): number | null {
  const added = r.target.filter((x) => !r.current.replicas.includes(x)).length;
  if (added === 0) return 0;
  return r.current.sizeBytes === null ? null : r.current.sizeBytes * added;
}

const rowId = (r: PlanRow) => partitionKey(r.current);
const rowClass = (r: PlanRow) => (sameList(r.current.replicas, r.target) ? undefined : 'plan-row--moves');

/** Every partition of the chosen topics with its planned replicas, editable per partition. */
export function PlanTable({ rows, brokers, readOnly, onChange }: { rows: PlanRow[]; brokers: BrokerRef[]; readOnly: boolean; onChange: (key: string, replicas: number[]) => void }) {
  return (
    <Editing.Provider value={{ brokers, readOnly, setTarget: onChange }}>
      <DataTable id="reassignment-plan" ariaLabel="Reassignment plan" data={rows} columns={columns} getRowId={rowId} rowHeight={40} rowClassName={rowClass} initialSorting={[{ id: 'topic', desc: false }, { id: 'partition', desc: false }]} />
    </Editing.Provider>
  );
}
