import { describe, expect, it } from 'vitest';
import { prefixOf, toggleFavourite, topicTreeRows, type TopicTreeOptions } from './topic-tree';

const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
const opts = (patch: Partial<TopicTreeOptions<{ name: string }>> = {}): TopicTreeOptions<{ name: string }> => ({
  grouped: true,
  collapsed: new Set(),
  favourites: new Set(),
  favouritesOnly: false,
  filter: '',
  compare: byName,
  ...patch,
});
const topics = (...names: string[]) => names.map((name) => ({ name }));
/** Rows as a reader sees them: "▾ orders (2)", "  orders.created", "★ payments". */
const show = (rows: ReturnType<typeof topicTreeRows<{ name: string }>>) =>
  rows.map((r) => (r.kind === 'group' ? `${r.expanded ? '▾' : '▸'} ${r.prefix} (${r.count})` : `${r.favourite ? '★ ' : ''}${r.depth ? '  ' : ''}${r.topic.name}`));

describe('prefixOf', () => {
  it('is the part before the first ".", "-" or "_"', () => {
    expect([prefixOf('orders.created'), prefixOf('orders-dlq'), prefixOf('orders_v2.x'), prefixOf('orders'), prefixOf('_schemas'), prefixOf('a.b-c')]).toEqual(['orders', 'orders', 'orders', null, null, 'a']);
  });
});

describe('topicTreeRows', () => {
  const all = topics('payments', 'orders.created', 'orders-dlq', 'orders_v2', 'audit', 'rider.updates', 'zeta.one', 'zeta.two');

  it('groups topics that share a prefix under a header with its count; a lone prefix stays a plain row', () => {
    expect(show(topicTreeRows(all, opts()))).toEqual([
      'audit',
      '▾ orders (3)',
      '  orders-dlq',
      '  orders.created',
      '  orders_v2',
      'payments',
      'rider.updates',
      '▾ zeta (2)',
      '  zeta.one',
      '  zeta.two',
    ]);
  });

  it('puts a topic named just like a prefix into its group', () => {
    expect(show(topicTreeRows(topics('orders', 'orders.created', 'orders-dlq', 'ordersx'), opts()))).toEqual(['▾ orders (3)', '  orders', '  orders-dlq', '  orders.created', 'ordersx']);
  });

  it('hides the members of a collapsed group; a filter leaves groups as they are, counting their matches', () => {
    expect(show(topicTreeRows(all, opts({ collapsed: new Set(['orders']) })))).toEqual(['audit', '▸ orders (3)', 'payments', 'rider.updates', '▾ zeta (2)', '  zeta.one', '  zeta.two']);
    expect(show(topicTreeRows(all, opts({ collapsed: new Set(['orders']), filter: 'E' })))).toEqual(['▸ orders (3)', 'payments', 'rider.updates', '▾ zeta (2)', '  zeta.one', '  zeta.two']);
  });

  it('puts favourites first, out of their group, and can show only them', () => {
    const favourites = new Set(['zeta.two', 'orders-dlq']);
    expect(show(topicTreeRows(all, opts({ favourites })))).toEqual([
      '★ orders-dlq',
      '★ zeta.two',
      'audit',
      '▾ orders (2)',
      '  orders.created',
      '  orders_v2',
      'payments',
      'rider.updates',
      'zeta.one',
    ]);
    expect(show(topicTreeRows(all, opts({ favourites, favouritesOnly: true })))).toEqual(['★ orders-dlq', '★ zeta.two']);
    expect(show(topicTreeRows(all, opts({ favourites, grouped: false })))).toEqual(['★ orders-dlq', '★ zeta.two', 'audit', 'orders.created', 'orders_v2', 'payments', 'rider.updates', 'zeta.one']);
  });

  it("follows the table's order: a group sits where its first member would", () => {
    const desc = (a: { name: string }, b: { name: string }) => byName(b, a);
    expect(show(topicTreeRows(topics('b.1', 'a', 'b.2', 'c'), opts({ compare: desc })))).toEqual(['c', '▾ b (2)', '  b.2', '  b.1', 'a']);
  });

  it('groups 9,000 topic names in under 50 ms', () => {
    const names = Array.from({ length: 9_000 }, (_, i) => ({ name: `${['orders', 'payments', 'riders', 'audit', 'svc'][i % 5]}${i % 7 === 0 ? '' : `-${i % 300}`}.events-${i}` }));
    names.sort(byName); // as main lists them
    const favourites = new Set(names.filter((_, i) => i % 500 === 0).map((t) => t.name));
    const options = opts({ favourites, collapsed: new Set(['payments']) });
    topicTreeRows(names.slice(), options); // warm-up (JIT)
    // The fastest of three: a busy machine (CI beside other jobs) must not fail a 10 ms pass.
    let ms = Infinity;
    let rows: ReturnType<typeof topicTreeRows> = [];
    for (let round = 0; round < 3; round++) {
      const started = performance.now();
      rows = topicTreeRows(names.slice(), options);
      ms = Math.min(ms, performance.now() - started);
    }
    expect(rows.filter((r) => r.kind === 'topic' && r.favourite)).toHaveLength(18);
    expect(rows.some((r) => r.kind === 'group' && r.prefix === 'payments' && !r.expanded)).toBe(true);
    expect(ms).toBeLessThan(50);
  });
});

describe('toggleFavourite', () => {
  it('stars and un-stars, keeping the list sorted', () => {
    expect(toggleFavourite(['b'], 'a')).toEqual(['a', 'b']);
    expect(toggleFavourite(['a', 'b'], 'a')).toEqual(['b']);
  });
});
