import { useCurrentMessageStream } from './message-stream-store';

/** After a read by exact key: which partition was read, and why only that one. */
export function KeyPartitionNote() {
  const summary = useCurrentMessageStream().store((s) => s.summary);
  if (summary?.keyPartition === undefined) return null;
  return (
    <span className="key-partition-note" role="note" data-testid="key-partition-note">
      Key read in partition {summary.keyPartition} only (the default partitioner&apos;s choice)
    </span>
  );
}
