/** A topic row of the list: the topic, whether it is starred, and whether it sits under a prefix group. */
export interface TopicTreeTopic<T> {
  kind: 'topic';
  id: string;
  topic: T;
  favourite: boolean;
  /** 1 under a group header, 0 at the top level. */
  depth: 0 | 1;
}

/** A prefix group header: `orders` for orders.created, orders-dlq, orders_v2 … */
export interface TopicTreeGroup {
  kind: 'group';
  id: string;
  prefix: string;
  /** Topics in the group (after the filter). */
  count: number;
  expanded: boolean;
}

export type TopicTreeRow<T> = TopicTreeTopic<T> | TopicTreeGroup;

export interface TopicTreeOptions<T> {
  /** Group by prefix; off: a flat list (favourites still first). */
  grouped: boolean;
  /** Prefixes the user collapsed. */
  collapsed: ReadonlySet<string>;
  favourites: ReadonlySet<string>;
  favouritesOnly: boolean;
  /** Case-insensitive part of the name; a group counts its matches (a collapsed one stays collapsed). */
  filter: string;
  /** The table's order among topics (e.g. by name, or by message count). */
  compare: (a: T, b: T) => number;
}

/**
 * Topic names lower-cased once, not per keystroke per topic. Bounded: names come and go with
 * clusters, and a cache that only grows would hold every name of the session.
 */
const lowered = new Map<string, string>();
const LOWERED_MAX = 50_000;

function lowerName(name: string): string {
  let lower = lowered.get(name);
  if (lower === undefined) {
    if (lowered.size >= LOWERED_MAX) lowered.clear();
    lower = name.toLowerCase();
    lowered.set(name, lower);
  }
  return lower;
}

/** The part before the first '.', '-' or '_'; null when there is none (or it would be empty). */
export function prefixOf(name: string): string | null {
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    // '-' 45, '.' 46, '_' 95
    if (c === 45 || c === 46 || c === 95) return i > 0 ? name.slice(0, i) : null;
  }
  return null;
}

/**
 * The rows of the topic list, in order: starred topics first, then the rest in the table's order,
 * topics sharing a prefix with at least one other (and a topic named just the prefix) gathered under a header placed where its first
 * member would be. A flat array, so the table stays virtualized whatever the tree.
 */
export function topicTreeRows<T extends { name: string }>(topics: readonly T[], options: TopicTreeOptions<T>): TopicTreeRow<T>[] {
  const needle = options.filter.trim().toLowerCase();
  const shown = topics.filter((t) => (!options.favouritesOnly || options.favourites.has(t.name)) && (!needle || lowerName(t.name).includes(needle)));
  const sorted = shown.sort(options.compare);
  const favourites: TopicTreeRow<T>[] = [];
  const rest: T[] = [];
  for (const t of sorted) {
    if (options.favourites.has(t.name)) favourites.push({ kind: 'topic', id: t.name, topic: t, favourite: true, depth: 0 });
    else rest.push(t);
  }
  if (!options.grouped) return favourites.concat(rest.map((t) => ({ kind: 'topic', id: t.name, topic: t, favourite: false, depth: 0 })));

  const members = new Map<string, T[]>();
  const prefixes = rest.map((t) => prefixOf(t.name));
  for (let i = 0; i < rest.length; i++) {
    const t = rest[i]!;
    const prefix = prefixes[i] ?? null;
    if (prefix === null) continue;
    const list = members.get(prefix);
    if (list) list.push(t);
    else members.set(prefix, [t]);
  }
  // A topic named just like a group's prefix (`orders` beside orders.created) heads that group.
  for (let i = 0; i < rest.length; i++) {
    const t = rest[i]!;
    const list = prefixes[i] === null ? members.get(t.name) : undefined;
    if (!list) continue;
    prefixes[i] = t.name;
    list.push(t);
    list.sort(options.compare);
  }
  const rows = favourites;
  const placed = new Set<string>();
  for (let i = 0; i < rest.length; i++) {
    const t = rest[i]!;
    const prefix = prefixes[i] ?? null;
    const group = prefix === null ? undefined : members.get(prefix);
    if (prefix === null || !group || group.length < 2) {
      rows.push({ kind: 'topic', id: t.name, topic: t, favourite: false, depth: 0 });
      continue;
    }
    if (placed.has(prefix)) continue;
    placed.add(prefix);
    const expanded = !options.collapsed.has(prefix);
    // "\u0000" cannot be in a topic name: a group id never collides with a topic's.
    rows.push({ kind: 'group', id: `\u0000${prefix}`, prefix, count: group.length, expanded });
    if (expanded) for (const m of group) rows.push({ kind: 'topic', id: m.name, topic: m, favourite: false, depth: 1 });
  }
  return rows;
}

/** The starred list after starring or un-starring `topic`, kept sorted so the stored list reads well. */
export function toggleFavourite(favourites: readonly string[], topic: string): string[] {
  return favourites.includes(topic) ? favourites.filter((f) => f !== topic) : [...favourites, topic].sort();
}
