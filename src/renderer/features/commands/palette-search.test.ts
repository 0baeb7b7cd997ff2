import { describe, expect, it } from 'vitest';
import type { PaletteSources } from './palette-items';
import { buildPaletteIndex, PALETTE_LIMIT, searchPalette, splitVerb } from './palette-search';
import { VERBS } from './palette-items';

const PAGES = [
  { match: 'overview', label: 'Overview' },
  { match: 'topics', label: 'Topics' },
  { match: 'groups', label: 'Consumer groups' },
];

function sources(over: Partial<PaletteSources> = {}): PaletteSources {
  return {
    connected: true,
    readOnly: false,
    pages: PAGES,
    topics: ['orders', 'rider-updates', 'delivery_locations', 'payment_transactions'],
    groups: ['analytics-pipeline', 'order-service'],
    brokers: [{ nodeId: 1, host: '127.0.0.1', port: 9092 }],
    profiles: [{ id: 'p1', name: 'Local dev', brokers: ['127.0.0.1:9092'] }],
    ...over,
  };
}

const titles = (query: string, s = sources()) => searchPalette(buildPaletteIndex(s), query).matches.map((m) => m.item.title);

describe('command palette search', () => {
  it('lists pages and actions when nothing is typed, not every topic', () => {
    const shown = titles('');
    expect(shown).toContain('Topics');
    expect(shown).toContain('Create topic…');
    expect(shown).toContain('Disconnect');
    expect(shown).not.toContain('orders');
  });

  it('finds a topic fuzzily, and offers its actions right after it', () => {
    const shown = titles('ridr upd');
    expect(shown.slice(0, 3)).toEqual(['rider-updates', 'Produce to rider-updates', 'Tail rider-updates']);
  });

  it('opens the topic, the produce page or the live tail', () => {
    const { matches } = searchPalette(buildPaletteIndex(sources()), 'rider-updates');
    expect(matches.slice(0, 3).map((m) => m.item.command)).toEqual([
      { type: 'navigate', segments: ['topics', 'rider-updates'] },
      { type: 'navigate', segments: ['produce', 'rider-updates'] },
      { type: 'navigate', segments: ['topics', 'rider-updates', 'messages'], params: { live: '1' } },
    ]);
  });

  it('acts on the name that follows a verb: “tail rider”, “produce to orders”, “reset offsets of analytics”', () => {
    expect(titles('tail rider')[0]).toBe('Tail rider-updates');
    expect(titles('produce to orders')[0]).toBe('Produce to orders');
    expect(titles('prod ordrs')[0]).toBe('Produce to orders');
    const reset = searchPalette(buildPaletteIndex(sources()), 'reset offsets of analytics');
    expect(reset.verb?.id).toBe('reset');
    expect(reset.matches[0]!.item).toMatchObject({ title: 'Reset offsets of analytics-pipeline…', command: { type: 'navigate', segments: ['groups', 'analytics-pipeline', 'reset'] } });
  });

  it('highlights the name inside the action title', () => {
    const [first] = searchPalette(buildPaletteIndex(sources()), 'tail rider').matches;
    const title = first!.item.title;
    expect(first!.indexes.map((i) => title[i]).join('')).toBe('rider');
  });

  it('lists every topic after a bare verb', () => {
    const r = searchPalette(buildPaletteIndex(sources()), 'tail ');
    expect(r.matches.map((m) => m.item.title)).toEqual(['Tail orders', 'Tail rider-updates', 'Tail delivery_locations', 'Tail payment_transactions']);
  });

  it('a word that merely starts like a verb, without a space after it, is searched as typed', () => {
    expect(splitVerb('tail', VERBS)).toBeNull();
    expect(splitVerb('t rider', VERBS)).toBeNull();
    expect(titles('order')).toContain('order-service');
  });

  it('offers no changes on a read-only connection', () => {
    const ro = sources({ readOnly: true });
    expect(titles('', ro)).not.toContain('Create topic…');
    expect(titles('orders', ro)).not.toContain('Produce to orders');
    expect(titles('orders', ro)).toContain('Tail orders');
    expect(searchPalette(buildPaletteIndex(ro), 'reset analytics').verb).toBeNull();
  });

  it('finds brokers by id or address, and profiles to switch to', () => {
    expect(titles('broker 1')[0]).toBe('Broker 1');
    expect(titles('local dev')[0]).toBe('Connect to Local dev');
  });

  it('on the connect screen offers the profiles and the shortcuts only', () => {
    const shown = titles('', sources({ connected: false }));
    expect(shown).toEqual(['Keyboard shortcuts', 'Connect to Local dev']);
    expect(titles('orders', sources({ connected: false }))).toEqual([]);
  });

  it(`shows at most ${PALETTE_LIMIT} results and says how many matched`, () => {
    const many = sources({ topics: Array.from({ length: 500 }, (_, i) => `topic-${i}`) });
    const r = searchPalette(buildPaletteIndex(many), 'topic');
    expect(r.matches).toHaveLength(PALETTE_LIMIT);
    expect(r.total).toBeGreaterThanOrEqual(500);
  });
});
