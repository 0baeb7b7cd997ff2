import type { MessageView } from '../../../shared/api';

export interface KeyTally {
  /** The key as shown (text, or base64 for binary keys); null: messages without a key. */
  key: string | null;
  count: number;
  /** Key and value bytes of its messages (the sizes main reports, not the previews). */
  bytes: number;
}

/** The keys of what was read, most frequent first and heaviest first: `limit` of each. */
export function topKeys(messages: readonly MessageView[], limit = 10): { byCount: KeyTally[]; byBytes: KeyTally[]; keys: number } {
  const tallies = new Map<string | null, KeyTally>();
  for (const m of messages) {
    const key = m.key === null ? null : m.key.encoding === 'base64' ? `base64:${m.key.data}` : m.key.data;
    let t = tallies.get(key);
    if (!t) tallies.set(key, (t = { key, count: 0, bytes: 0 }));
    t.count++;
    t.bytes += (m.key?.size ?? 0) + (m.value?.size ?? 0);
  }
  const all = [...tallies.values()];
  const byCount = [...all].sort((a, b) => b.count - a.count || b.bytes - a.bytes).slice(0, limit);
  const byBytes = all.sort((a, b) => b.bytes - a.bytes || b.count - a.count).slice(0, limit);
  return { byCount, byBytes, keys: tallies.size };
}
