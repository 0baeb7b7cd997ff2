import { describe, expect, it } from 'vitest';
import { changeReplicationFactor, moveOffBroker, spreadEvenly } from './generators';
import { diffPlan, expectedSeconds, planProblems, type BrokerRef, type CurrentPartition } from './plan';
import { parseReassignJson, toReassignJson } from './reassign-json';
import { throttlePlan } from './throttle';

const brokers: BrokerRef[] = [1, 2, 3, 4].map((nodeId) => ({ nodeId, rack: null }));
const part = (partition: number, replicas: number[], sizeBytes: number | null = 1_000): CurrentPartition => ({ topic: 't', partition, replicas, leader: replicas[0]!, sizeBytes });
const countOn = (targets: { replicas: number[] }[], id: number) => targets.filter((t) => t.replicas.includes(id)).length;

describe('plan diff', () => {
  it('keeps only partitions that change, with added and removed replicas and the bytes copied', () => {
    const current = [part(0, [1, 2]), part(1, [2, 3]), part(2, [3, 1], null)];
    const moves = diffPlan(current, [
      { topic: 't', partition: 0, replicas: [1, 2] },
      { topic: 't', partition: 1, replicas: [3, 2] },
      { topic: 't', partition: 2, replicas: [3, 4, 2] },
    ]);
    expect(moves.map((m) => m.partition)).toEqual([1, 2]);
    expect(moves[0]).toMatchObject({ added: [], removed: [], reorderOnly: true, copyBytes: 0 });
    expect(moves[1]).toMatchObject({ added: [4, 2], removed: [1], reorderOnly: false, copyBytes: null });
  });

  it('names impossible targets', () => {
    const problems = planProblems([part(0, [1, 2])], [{ topic: 't', partition: 0, replicas: [1, 1] }, { topic: 't', partition: 5, replicas: [9] }], brokers);
    expect(problems).toEqual(['t-0 names a broker twice.', 't-5 does not exist.', 't-5: no broker 9 in the cluster.']);
  });

  it('expects the busiest broker to set the pace at the throttle', () => {
    const moves = diffPlan([part(0, [1], 10_000), part(1, [1], 10_000)], [
      { topic: 't', partition: 0, replicas: [1, 2] },
      { topic: 't', partition: 1, replicas: [1, 3] },
    ]);
    // Broker 1 serves both copies: 20 kB out at 1 kB/s.
    expect(expectedSeconds(moves, new Map([['t-0', 1], ['t-1', 1]]), 1_000)).toBe(20);
    expect(expectedSeconds(moves, new Map(), null)).toBeNull();
  });
});

describe('generators', () => {
  it('moves every replica off a broker, keeping the rest and the load even', () => {
    const current = [part(0, [1, 2]), part(1, [2, 3]), part(2, [3, 1]), part(3, [1, 4])];
    const targets = moveOffBroker(current, brokers, 1);
    expect(countOn(targets, 1)).toBe(0);
    for (const t of targets) expect(new Set(t.replicas).size).toBe(2);
    expect(targets[1]!.replicas).toEqual([2, 3]);
    // A leaving preferred leader hands over to the replica that stays.
    expect(targets[0]!.replicas[0]).toBe(2);
    expect(targets[3]!.replicas[0]).toBe(4);
  });

  it('changes the replication factor up and down, new replicas on the least loaded brokers', () => {
    const current = [part(0, [1]), part(1, [2]), part(2, [3])];
    const three = changeReplicationFactor(current, brokers.slice(0, 3), 3);
    for (const t of three) expect([...t.replicas].sort()).toEqual([1, 2, 3]);
    expect(three.map((t) => t.replicas[0])).toEqual([1, 2, 3]);
    const one = changeReplicationFactor(three.map((t, i) => part(i, t.replicas)), brokers.slice(0, 3), 1);
    expect(one.map((t) => t.replicas)).toEqual([[1], [2], [3]]);
    expect(() => changeReplicationFactor(current, brokers.slice(0, 3), 4)).toThrow(/between 1 and 3/);
  });

  it('spreads evenly, on different racks, and leaves a balanced cluster alone', () => {
    const racked: BrokerRef[] = [
      { nodeId: 1, rack: 'a' },
      { nodeId: 2, rack: 'a' },
      { nodeId: 3, rack: 'b' },
      { nodeId: 4, rack: 'b' },
    ];
    const skewed = [0, 1, 2, 3].map((i) => part(i, [1, 2]));
    const spread = spreadEvenly(skewed, racked);
    for (const id of [1, 2, 3, 4]) expect(countOn(spread, id)).toBe(2);
    const rack = (n: number) => racked.find((b) => b.nodeId === n)!.rack;
    for (const t of spread) expect(rack(t.replicas[0]!)).not.toBe(rack(t.replicas[1]!));
    // Preferred leaders rotate: no broker leads more than two of the four (greedy, not an exact matching).
    for (const id of [1, 2, 3, 4]) expect(spread.filter((t) => t.replicas[0] === id).length).toBeLessThanOrEqual(2);
    expect(new Set(spread.map((t) => t.replicas[0])).size).toBeGreaterThanOrEqual(3);

    const balanced = [part(0, [1, 3]), part(1, [3, 2]), part(2, [2, 4]), part(3, [4, 1])];
    expect(diffPlan(balanced, spreadEvenly(balanced, racked))).toEqual([]);
  });
});

describe('kafka-reassign-partitions JSON', () => {
  it('round-trips the format of the Kafka tool', () => {
    const text = toReassignJson([{ topic: 'orders', partition: 3, replicas: [2, 1] }]);
    expect(JSON.parse(text)).toEqual({ version: 1, partitions: [{ topic: 'orders', partition: 3, replicas: [2, 1], log_dirs: ['any', 'any'] }] });
    expect(parseReassignJson(text)).toEqual([{ topic: 'orders', partition: 3, replicas: [2, 1] }]);
    // What the tool's --generate prints without log_dirs is read too.
    expect(parseReassignJson('{"version":1,"partitions":[{"topic":"a","partition":0,"replicas":[1]}]}')).toEqual([{ topic: 'a', partition: 0, replicas: [1] }]);
  });

  it('says what is wrong with a file that is not a plan', () => {
    expect(() => parseReassignJson('{')).toThrow(/Not JSON/);
    expect(() => parseReassignJson('{"version":2,"partitions":[]}')).toThrow(/version/);
    expect(() => parseReassignJson('{"version":1,"partitions":[{"topic":"a","partition":0,"replicas":[1],"log_dirs":["/data"]}]}')).toThrow(/only "any"/);
  });
});

describe('throttle bookkeeping', () => {
  it('throttles the current replicas as leaders and the new ones as followers, on every broker involved', () => {
    const moves = diffPlan([part(0, [1, 2]), part(1, [2, 3]), part(2, [1, 2])], [
      { topic: 't', partition: 0, replicas: [1, 4] },
      { topic: 't', partition: 1, replicas: [3, 2] },
      { topic: 't', partition: 2, replicas: [1] },
    ]);
    expect(throttlePlan(moves)).toEqual({ brokers: [1, 2, 4], topics: [{ topic: 't', leaderReplicas: '0:1,0:2', followerReplicas: '0:4' }] });
  });
});
