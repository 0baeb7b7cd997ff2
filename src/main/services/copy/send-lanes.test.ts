import { describe, expect, it } from 'vitest';
import type { CopyRecord } from './rewrite-record';
import { sendLanes, type SendOutcome } from './send-lanes';

const rec = (partition: number, n: number): CopyRecord => ({ topic: 't', partition, key: null, value: String(n), headers: [], timestamp: 0 });

describe('sendLanes', () => {
  it('keeps each partition in order, sends partitions side by side, and goes on after a failed send', async () => {
    const started: string[] = [];
    const finish = new Map<string, () => void>();
    const produce = (_topic: string, records: CopyRecord[]) => {
      const id = `${records[0]!.partition}:${String(records[0]!.value)}`;
      started.push(id);
      return new Promise<{ partition: number; baseOffset: string | null }[]>((resolve, reject) =>
        finish.set(id, () => (id === '0:1' ? reject(new Error('too large')) : resolve([{ partition: records[0]!.partition, baseOffset: '0' }]))),
      );
    };
    const outcomes: SendOutcome[] = [];
    const lanes = sendLanes(produce, (o) => outcomes.push(o));
    const round1 = lanes.push(new Map([['t', [rec(0, 1), rec(1, 1), rec(0, 2)]]]));
    const round2 = lanes.push(new Map([['t', [rec(0, 3), rec(1, 3)]]]));
    await Promise.resolve();
    await Promise.resolve();
    // One send per partition in flight: round 2 waits behind round 1 on both partitions.
    expect(started).toEqual(['0:1', '1:1']);
    finish.get('1:1')!();
    await new Promise((r) => setTimeout(r, 0));
    expect(started).toEqual(['0:1', '1:1', '1:3']);
    finish.get('0:1')!();
    await round1;
    expect(started).toEqual(['0:1', '1:1', '1:3', '0:3']);
    finish.get('1:3')!();
    finish.get('0:3')!();
    await round2;
    expect(outcomes.map((o) => [o.records.map((r) => `${r.partition}:${String(r.value)}`).join(','), 'error' in o ? 'failed' : 'sent'])).toEqual([
      ['1:1', 'sent'],
      ['0:1,0:2', 'failed'],
      ['1:3', 'sent'],
      ['0:3', 'sent'],
    ]);
  });
});
