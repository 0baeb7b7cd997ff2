import { useId } from 'react';
import { useGroups } from '../groups/queries';

/** Which group's committed offsets a read starts at (groups with offsets on this topic offered first), and how many before them. */
export function GroupPositionFields(props: { connectionId: string; topic: string; groupId: string; back: string; onGroup(id: string): void; onBack(back: string): void }) {
  const groups = useGroups(props.connectionId);
  const listId = useId();
  const reading = (groups.data ?? []).filter((g) => g.topics.includes(props.topic)).map((g) => g.groupId);
  return (
    <>
      <label className="field">
        <span>Group</span>
        <input aria-label="Consumer group" list={listId} value={props.groupId} onChange={(e) => props.onGroup(e.target.value)} placeholder={reading[0] ?? 'group id'} spellCheck={false} required />
        <datalist id={listId}>
          {reading.map((g) => (
            <option key={g} value={g} />
          ))}
        </datalist>
      </label>
      <label className="field" title="Start this many messages before the group's committed offset, per partition (0: what it has not read yet)">
        <span>minus</span>
        <input aria-label="Messages before the committed offset" inputMode="numeric" value={props.back} onChange={(e) => props.onBack(e.target.value.replace(/\D/g, ''))} style={{ width: 70 }} />
      </label>
    </>
  );
}
