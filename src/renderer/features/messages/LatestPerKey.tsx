import { MAX_LATEST_KEYS } from '../../../shared/api';
import { useCurrentMessageStream } from './message-stream-store';

const n = (x: number) => x.toLocaleString('en');

/** The compacted view switch: the latest message per key of the range read, tombstones shown or hidden. */
export function LatestPerKeyControls({ value, onChange }: { value: { on: boolean; tombstones: boolean }; onChange(value: { on: boolean; tombstones: boolean }): void }) {
  return (
    <>
      <label className="checkbox" title={`Reads the whole range and keeps the latest message of each key, as compaction will (at most ${n(MAX_LATEST_KEYS)} keys)`}>
        <input type="checkbox" checked={value.on} onChange={(e) => onChange({ ...value, on: e.target.checked })} />
        <span>Latest per key</span>
      </label>
      {value.on && (
        <label className="checkbox">
          <input type="checkbox" checked={value.tombstones} onChange={(e) => onChange({ ...value, tombstones: e.target.checked })} />
          <span>tombstones</span>
        </label>
      )}
    </>
  );
}

/** After a compacted view: how many keys, how many deleted (tombstones), and whether the key cap stopped it. */
export function LatestPerKeyNote() {
  const summary = useCurrentMessageStream().store((s) => s.summary);
  const view = summary?.latestPerKey;
  if (!view) return null;
  return (
    <span className={`key-partition-note${view.capped ? ' warn' : ''}`} role="note" data-testid="latest-per-key-note">
      Latest per key: {n(view.keys)} keys, {n(view.tombstones)} tombstoned
      {view.unkeyed > 0 && `, ${n(view.unkeyed)} messages without a key left out`}
      {view.capped && ` · stopped at ${n(MAX_LATEST_KEYS)} keys (the most one view keeps): narrow the range or the partitions`}
    </span>
  );
}
