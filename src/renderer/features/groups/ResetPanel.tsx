import { useQueryClient } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useState } from 'react';
import type { GroupDetail, ResetMode, ResetRow } from '../../../shared/api';
import { useApi } from '../../api/ApiProvider';
import { DataTable } from '../../components/DataTable';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useReadOnly } from '../../state/use-read-only';
import { groupKeys } from './queries';
import { useDateFormat } from '../../lib/use-date-format';
import { DateTimeInput } from '../../components/DateTimeInput';

const col = createColumnHelper<ResetRow>();
const previewColumns = [
  col.accessor('topic', { header: 'Topic', size: 220 }),
  col.accessor('partition', { header: 'Partition', size: 90, meta: { align: 'right', mono: true } }),
  col.accessor((r) => r.current ?? '—', { id: 'current', header: 'Current', size: 120, meta: { align: 'right', mono: true } }),
  col.accessor((r) => r.next ?? '—', { id: 'next', header: 'New', size: 120, meta: { align: 'right', mono: true } }),
  col.accessor((r) => r.lagAfter ?? -1, {
    id: 'lagAfter',
    header: 'Lag after',
    size: 160,
    meta: { align: 'right', mono: true },
    cell: (c) =>
      c.row.original.skipped ? (
        <span className="text-warn" title={c.row.original.skipped}>
          not reset: no leader
        </span>
      ) : (
        c.getValue().toLocaleString('en')
      ),
  }),
];
const previewId = (r: ResetRow) => `${r.topic}:${r.partition}`;

type Kind = ResetMode['kind'];

const movedOf = (rows: ResetRow[]) => rows.filter((r) => r.next !== null);
const skippedOf = (rows: ResetRow[]) => rows.filter((r) => r.next === null);
/** "orders 1, payments 0": the partitions a reset leaves alone. */
const partitionList = (rows: ResetRow[]) => rows.map((r) => `${r.topic} ${r.partition}`).join(', ');

/** Why main would refuse a reset now (it requires an Empty group, as kafka-consumer-groups.sh does), or null. */
export function resetRefusal(group: Pick<GroupDetail, 'members' | 'state'>): string | null {
  const n = group.members.length;
  if (n > 0) return `The group has ${n} active member${n === 1 ? '' : 's'}: stop ${n === 1 ? 'it' : 'them'} first. Offsets can only be reset while the group is Empty.`;
  if (!['Empty', 'Dead'].includes(group.state)) return `The group is ${group.state}: offsets can only be reset while it is Empty.`;
  return null;
}

/** Reset offsets: always a preview first; applied only on an explicit confirmation (main also checks the group is Empty). */
export function ResetPanel({ connectionId, group }: { connectionId: string; group: GroupDetail }) {
  const api = useApi();
  const client = useQueryClient();
  const readOnly = useReadOnly();
  const refusal = resetRefusal(group);
  const [topic, setTopic] = useState<string>('all');
  const [kind, setKind] = useState<Kind>('earliest');
  const [value, setValue] = useState('');
  const dates = useDateFormat();
  const [partitionsText, setPartitionsText] = useState('');
  const [preview, setPreview] = useState<ResetRow[] | null>(null);
  const [applied, setApplied] = useState<ResetRow[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const toMove = preview ? movedOf(preview).length : 0;
  const leftAlone = preview ? skippedOf(preview) : [];

  const mode = (): ResetMode => {
    switch (kind) {
      case 'timestamp':
        return { kind, timestamp: dates.fromInput(value) };
      case 'offset':
        return { kind, offset: value || '0' };
      case 'shift':
        return { kind, by: Number(value) || 0 };
      default:
        return { kind };
    }
  };
  const chosen = partitionsText.split(/[\s,]+/).filter(Boolean).map(Number).filter((n) => Number.isInteger(n) && n >= 0);
  const request = () => ({ connectionId, groupId: group.groupId, topic: topic === 'all' ? null : topic, partitions: chosen.length > 0 ? chosen : null, mode: mode() });
  const run = async (work: () => Promise<void>) => {
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section className="group-section" aria-label="Reset offsets" data-section="reset">
      <h2>Reset offsets</h2>
      <div className="form-row">
        <label className="field">
          <span>Topic</span>
          <select aria-label="Reset topic" value={topic} onChange={(e) => (setTopic(e.target.value), setPreview(null))}>
            <option value="all">All topics of the group</option>
            {group.topics.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Partitions (empty: all)</span>
          <input aria-label="Reset partitions" placeholder="e.g. 0, 2" value={partitionsText} onChange={(e) => (setPartitionsText(e.target.value.replace(/[^\d,\s]/g, '')), setPreview(null))} />
        </label>
        <label className="field">
          <span>To</span>
          <select aria-label="Reset to" value={kind} onChange={(e) => (setKind(e.target.value as Kind), setPreview(null), setValue(''))}>
            <option value="earliest">earliest (replay everything kept)</option>
            <option value="latest">latest (skip to the end)</option>
            <option value="timestamp">a time</option>
            <option value="offset">a specific offset</option>
            <option value="shift">shift by ±N</option>
          </select>
        </label>
        {kind === 'timestamp' && (
          <label className="field">
            <span>Time ({dates.zone})</span>
            <DateTimeInput label="Reset time" value={value} onChange={setValue} />
          </label>
        )}
        {(kind === 'offset' || kind === 'shift') && (
          <label className="field">
            <span>{kind === 'offset' ? 'Offset' : 'Shift by (e.g. -100)'}</span>
            <input aria-label="Reset value" value={value} onChange={(e) => setValue(e.target.value.replace(kind === 'shift' ? /[^\d-]/g : /\D/g, ''))} />
          </label>
        )}
        <button type="button" className="button" onClick={() => run(async () => setPreview(await api.call('groups.resetPreview', request())))}>
          Preview
        </button>
      </div>
      {preview && (
        <>
          {leftAlone.length > 0 && (
            <p className="notice" data-testid="reset-skipped">
              {leftAlone.length} partition{leftAlone.length === 1 ? ' has' : 's have'} no leader right now and will be left as {leftAlone.length === 1 ? 'it is' : 'they are'}: {partitionList(leftAlone)}. {leftAlone.length === 1 ? 'Its log’s bounds' : 'Their logs’ bounds'}, which a new offset must lie between, are unknown until {leftAlone.length === 1 ? 'its leader is' : 'their leaders are'} back.
            </p>
          )}
          <div className="reset-preview">
            <DataTable id="reset-preview" ariaLabel="Reset preview" data={preview} columns={previewColumns} getRowId={previewId} />
          </div>
          <div className="form-row">
            <button
              type="button"
              className="button danger"
              disabled={readOnly || refusal !== null || toMove === 0}
              aria-describedby={refusal ? 'reset-refusal' : undefined}
              title={readOnly ? 'Read-only connection' : (refusal ?? undefined)}
              onClick={() =>
                run(async () => {
                  setApplied(await api.call('groups.reset', request()));
                  setPreview(null);
                  await client.invalidateQueries({ queryKey: groupKeys.one(connectionId, group.groupId) });
                })
              }
            >
              Apply to {toMove} partition{toMove === 1 ? '' : 's'}
            </button>
            {refusal && (
              <span id="reset-refusal" className="reset-refusal" data-testid="reset-refusal">
                Can’t apply: {refusal}
              </span>
            )}
          </div>
        </>
      )}
      {applied && (
        <div className="send-result" role="status">
          Offsets of {movedOf(applied).length} partition{movedOf(applied).length === 1 ? '' : 's'} reset.
          {skippedOf(applied).length > 0 && ` Left as they were (no leader): ${partitionList(skippedOf(applied))}.`}
        </div>
      )}
      <ErrorMessage error={error} title="Reset not applied" />
    </section>
  );
}
