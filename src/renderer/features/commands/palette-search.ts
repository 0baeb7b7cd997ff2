import fuzzysort, { type SnapshotKey } from 'fuzzysort';
import { paletteItems, verbsFor, type PaletteItem, type PaletteSources, type Verb } from './palette-items';

/** Results shown at once: enough to scroll a little, few enough that rendering them costs nothing. */
export const PALETTE_LIMIT = 50;

/**
 * The palette's searchable entries, prepared once per change of the sources (fuzzysort's
 * snapshot keeps each name's prepared form), so a keystroke only matches, even on 10,000 topics.
 */
export interface PaletteIndex {
  items: PaletteItem[];
  all: SnapshotKey<PaletteItem>;
  verbs: Verb[];
  names: Record<Verb['on'], { list: readonly string[]; snapshot: SnapshotKey<string> }>;
}

export function buildPaletteIndex(sources: PaletteSources): PaletteIndex {
  const items = paletteItems(sources);
  const named = (list: readonly string[]) => ({ list, snapshot: fuzzysort.snapshot(list, { key: (s: string) => s }) });
  return {
    items,
    all: fuzzysort.snapshot(items, { key: 'title' }),
    verbs: verbsFor(sources),
    names: { topic: named(sources.connected ? sources.topics : []), group: named(sources.connected ? sources.groups : []) },
  };
}

/** One result: the entry and which characters of its title matched (for highlighting). */
export interface PaletteMatch {
  item: PaletteItem;
  indexes: readonly number[];
}

export interface PaletteResults {
  matches: PaletteMatch[];
  /** All entries that matched, of which `matches` shows the best PALETTE_LIMIT. */
  total: number;
  /** Set when the query starts with a verb ("tail rider"): its results act on the named entity. */
  verb: Verb | null;
}

/** "tail rider" → the tail verb and "rider"; a verb counts only once a space follows it. */
export function splitVerb(query: string, verbs: readonly Verb[]): { verb: Verb; rest: string } | null {
  const m = /^\s*(\S+)\s+(.*)$/.exec(query);
  if (!m) return null;
  const first = m[1]!.toLowerCase();
  const verb = verbs.find((v) => v.words.some((w) => w.startsWith(first) && first.length >= 2));
  if (!verb) return null;
  const words = m[2]!.split(/\s+/).filter(Boolean);
  while (words.length > 1 && verb.filler.includes(words[0]!.toLowerCase())) words.shift();
  if (words.length === 1 && verb.filler.includes(words[0]!.toLowerCase())) words.shift();
  return { verb, rest: words.join(' ') };
}

const byScore = { limit: PALETTE_LIMIT, threshold: 0 } as const;

/**
 * What the palette shows for `query`. Empty: the pages and actions. With a verb first: that
 * action on each matching topic or group. Otherwise every entry by fuzzy score, and the best
 * topic or group is followed by its actions, so "orders" offers "Produce to orders" too.
 */
export function searchPalette(index: PaletteIndex, query: string): PaletteResults {
  const verbal = splitVerb(query, index.verbs);
  if (verbal) {
    const { list, snapshot } = index.names[verbal.verb.on];
    if (!verbal.rest) {
      const first = list.slice(0, PALETTE_LIMIT);
      return { verb: verbal.verb, total: list.length, matches: first.map((name) => ({ item: verbal.verb.item(name), indexes: [] })) };
    }
    const found = fuzzysort.go(verbal.rest, snapshot, byScore);
    return {
      verb: verbal.verb,
      total: found.total,
      // The indexes are the name's, shifted to where the name sits in the action's title.
      matches: found.map((r) => {
        const item = verbal.verb.item(r.obj);
        const at = item.title.indexOf(r.obj);
        return { item, indexes: r.indexes.map((i) => i + at) };
      }),
    };
  }
  if (!query.trim()) {
    const shown = index.items.filter((i) => i.kind === 'page' || i.kind === 'action' || (i.kind === 'profile' && !index.verbs.length));
    return { verb: null, total: shown.length, matches: shown.map((item) => ({ item, indexes: [] })) };
  }
  const found = fuzzysort.go(query.trim(), index.all, byScore);
  const matches: PaletteMatch[] = found.map((r) => ({ item: r.obj, indexes: r.indexes }));
  const best = matches.findIndex((m) => m.item.kind === 'topic' || m.item.kind === 'group');
  let added = 0;
  if (best >= 0) {
    const { item } = matches[best]!;
    const actions = index.verbs.filter((v) => v.on === item.kind).map((v) => ({ item: v.item(item.title), indexes: [] }));
    matches.splice(best + 1, 0, ...actions);
    added = actions.length;
  }
  return { verb: null, total: found.total + added, matches: matches.slice(0, PALETTE_LIMIT) };
}
