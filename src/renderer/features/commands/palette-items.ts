/** What choosing a palette entry does; plain data, so the search is testable without React. */
export type PaletteCommand =
  | { type: 'navigate'; segments: string[]; params?: Record<string, string> }
  | { type: 'create-topic' }
  | { type: 'connect-profile'; profileId: string; name: string }
  | { type: 'disconnect' }
  | { type: 'help' }
  | { type: 'screen-share' }
  /** Puts text in the palette's box instead of running anything ("produce " → pick a topic). */
  | { type: 'prefill'; text: string };

export type PaletteKind = 'page' | 'action' | 'topic' | 'group' | 'broker' | 'profile';

export interface PaletteItem {
  id: string;
  kind: PaletteKind;
  /** What is shown and matched. */
  title: string;
  /** Shown dimmed beside the title. */
  hint?: string;
  command: PaletteCommand;
}

/** What the palette can offer: the cluster's entities (when connected) and the saved profiles. */
export interface PaletteSources {
  connected: boolean;
  readOnly: boolean;
  /** The sidebar's sections (routes.tsx `navItems`). */
  pages: readonly { match: string; label: string }[];
  topics: readonly string[];
  groups: readonly string[];
  brokers: readonly { nodeId: number; host: string; port: number }[];
  profiles: readonly { id: string; name: string; brokers: readonly string[] }[];
}

/** An action on one topic or group, found by typing its verb first ("tail rider", "reset analytics"). */
export interface Verb {
  id: 'produce' | 'tail' | 'reset';
  /** Words that select it; a prefix of one works ("prod"). */
  words: readonly string[];
  /** Leading words skipped before the name ("produce to orders", "reset offsets of …"). */
  filler: readonly string[];
  on: 'topic' | 'group';
  /** Hidden on read-only connections, whose main refuses the change. */
  writes: boolean;
  item(name: string): PaletteItem;
}

export const VERBS: readonly Verb[] = [
  {
    id: 'produce',
    words: ['produce', 'send'],
    filler: ['to'],
    on: 'topic',
    writes: true,
    item: (name) => ({ id: `produce:${name}`, kind: 'action', title: `Produce to ${name}`, hint: 'Produce page', command: { type: 'navigate', segments: ['produce', name] } }),
  },
  {
    id: 'tail',
    words: ['tail', 'follow', 'live'],
    filler: [],
    on: 'topic',
    writes: false,
    item: (name) => ({ id: `tail:${name}`, kind: 'action', title: `Tail ${name}`, hint: 'live messages', command: { type: 'navigate', segments: ['topics', name, 'messages'], params: { live: '1' } } }),
  },
  {
    id: 'reset',
    words: ['reset'],
    filler: ['offsets', 'offset', 'of', 'for'],
    on: 'group',
    writes: true,
    item: (name) => ({ id: `reset:${name}`, kind: 'action', title: `Reset offsets of ${name}…`, hint: 'group page', command: { type: 'navigate', segments: ['groups', name, 'reset'] } }),
  },
];

/** The verbs a connection allows. */
export function verbsFor(sources: Pick<PaletteSources, 'connected' | 'readOnly'>): Verb[] {
  if (!sources.connected) return [];
  return VERBS.filter((v) => !v.writes || !sources.readOnly);
}

const VERB_STARTERS: Record<Verb['id'], string> = { produce: 'Produce to a topic…', tail: 'Tail a topic…', reset: 'Reset offsets of a group…' };

/** Everything the palette lists and searches: one entry per page, action and entity (verbs are not multiplied out). */
export function paletteItems(sources: PaletteSources): PaletteItem[] {
  const items: PaletteItem[] = [];
  if (sources.connected) {
    for (const nav of sources.pages) items.push({ id: `page:${nav.match}`, kind: 'page', title: nav.label, command: { type: 'navigate', segments: [nav.match] } });
    if (!sources.readOnly) items.push({ id: 'action:create-topic', kind: 'action', title: 'Create topic…', command: { type: 'create-topic' } });
    for (const verb of verbsFor(sources)) items.push({ id: `action:${verb.id}`, kind: 'action', title: VERB_STARTERS[verb.id], hint: `type “${verb.words[0]} ” and a name`, command: { type: 'prefill', text: `${verb.words[0]} ` } });
    items.push({ id: 'action:disconnect', kind: 'action', title: 'Disconnect', command: { type: 'disconnect' } });
    items.push({ id: 'action:screen-share', kind: 'action', title: 'Screen-share mode on/off (mask everything a rule names)', hint: 'Ctrl+Shift+M', command: { type: 'screen-share' } });
  }
  items.push({ id: 'action:help', kind: 'action', title: 'Keyboard shortcuts', hint: '?', command: { type: 'help' } });
  if (sources.connected) {
    for (const name of sources.topics) items.push({ id: `topic:${name}`, kind: 'topic', title: name, command: { type: 'navigate', segments: ['topics', name] } });
    for (const name of sources.groups) items.push({ id: `group:${name}`, kind: 'group', title: name, command: { type: 'navigate', segments: ['groups', name] } });
    for (const b of sources.brokers) items.push({ id: `broker:${b.nodeId}`, kind: 'broker', title: `Broker ${b.nodeId}`, hint: `${b.host}:${b.port}`, command: { type: 'navigate', segments: ['brokers', String(b.nodeId)] } });
  }
  for (const p of sources.profiles)
    items.push({ id: `profile:${p.id}`, kind: 'profile', title: `Connect to ${p.name}`, hint: p.brokers.join(', '), command: { type: 'connect-profile', profileId: p.id, name: p.name } });
  return items;
}
