import { describe, expect, it } from 'vitest';
import type { GroupSummary, ListedGroupRow } from '../api/groups';
import { streamGroupSummaries } from './stream-summaries';

const rows: ListedGroupRow[] = Array.from({ length: 25 }, (_, i) => ({ groupId: `g${String(i).padStart(2, '0')}`, type: 'classic', state: 'Empty' }));
const summary = (r: ListedGroupRow): GroupSummary => ({ ...r, protocolType: '', assignor: '', members: 0, topics: [], totalLag: 0, trend: null, note: null });

describe('streamGroupSummaries', () => {
  it('loads the rows on screen first, alone, then the rest in batches, each group once', async () => {
    const asked: string[][] = [];
    const got: string[] = [];
    await streamGroupSummaries({
      rows,
      first: ['g20', 'g21'],
      batchSize: 10,
      fetch: async (batch) => (asked.push(batch.map((r) => r.groupId)), batch.map(summary)),
      onBatch: (s) => got.push(...s.map((g) => g.groupId)),
    });
    expect(asked[0]).toEqual(['g20', 'g21']);
    expect(asked.slice(1).every((b) => b.length <= 10)).toBe(true);
    expect([...got].sort()).toEqual(rows.map((r) => r.groupId));
    expect(new Set(got).size).toBe(rows.length);
  });

  it('takes the rows scrolled to meanwhile before the others', async () => {
    const asked: string[][] = [];
    let onScreen: string[] = [];
    await streamGroupSummaries({
      rows,
      first: ['g00'],
      batchSize: 5,
      fetch: async (batch) => {
        asked.push(batch.map((r) => r.groupId));
        onScreen = ['g23', 'g24'];
        return batch.map(summary);
      },
      onBatch: () => undefined,
      priority: () => onScreen,
    });
    expect(asked[0]).toEqual(['g00']);
    expect(asked[1]).toEqual(['g23', 'g24']);
  });

  it('stops asking once aborted', async () => {
    const abort = new AbortController();
    let calls = 0;
    await streamGroupSummaries({ rows, first: [], batchSize: 5, fetch: async (b) => (++calls === 1 && abort.abort(), b.map(summary)), onBatch: () => undefined, signal: abort.signal });
    expect(calls).toBeLessThanOrEqual(2);
  });
});
