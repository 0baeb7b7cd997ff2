import { describe, expect, it } from 'vitest';
import type { GroupSummary } from '../../../shared/api';
import { filterGroups, groupComparator } from './group-order';

const group = (groupId: string, over: Partial<GroupSummary> = {}): GroupSummary => ({
  groupId,
  state: 'Stable',
  type: 'classic',
  protocolType: 'consumer',
  assignor: 'range',
  members: 1,
  topics: ['orders'],
  totalLag: 0,
  trend: null,
  note: null,
  ...over,
});

describe('group order', () => {
  it('sorts by lag, most first, groups without commits last, ties by id in reading order', () => {
    const groups = [group('g10', { totalLag: 5 }), group('g2', { totalLag: 5 }), group('none', { totalLag: null }), group('zero', { totalLag: 0 }), group('big', { totalLag: 9_000_000_000 })];
    expect([...groups].sort(groupComparator([{ id: 'lag', desc: true }])).map((g) => g.groupId)).toEqual(['big', 'g2', 'g10', 'zero', 'none']);
    expect([...groups].sort(groupComparator([{ id: 'lag', desc: false }])).map((g) => g.groupId)).toEqual(['none', 'zero', 'g2', 'g10', 'big']);
  });

  it('sorts ids naturally and falls back to the id for an unknown column', () => {
    const groups = [group('g10'), group('g9'), group('G1'), group('a')];
    expect([...groups].sort(groupComparator([{ id: 'groupId', desc: false }])).map((g) => g.groupId)).toEqual(['a', 'G1', 'g9', 'g10']);
    expect([...groups].sort(groupComparator([{ id: 'nope', desc: false }])).map((g) => g.groupId)).toEqual(['a', 'G1', 'g9', 'g10']);
  });

  it('filters on the text columns, case-insensitively, never across two columns', () => {
    const groups = [group('billing', { topics: ['Payments', 'refunds'] }), group('audit', { state: 'Empty', assignor: '' }), group('stablex', { type: 'share' })];
    expect(filterGroups(groups, 'PAYMENTS').map((g) => g.groupId)).toEqual(['billing']);
    expect(filterGroups(groups, 'empty').map((g) => g.groupId)).toEqual(['audit']);
    expect(filterGroups(groups, 'share').map((g) => g.groupId)).toEqual(['stablex']);
    // "auditempty" would match if the columns were joined without a separator.
    expect(filterGroups(groups, 'auditempty')).toEqual([]);
    expect(filterGroups(groups, '  ')).toBe(groups);
  });

  it('does not search the numbers', () => {
    expect(filterGroups([group('a', { totalLag: 1234, members: 7 })], '1234')).toEqual([]);
  });
});
