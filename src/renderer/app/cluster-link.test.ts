import { describe, expect, it } from 'vitest';
import { absoluteLink, adhocKey, bootstrapOfKey, clusterHash, clusterKeyOf, clusterOfHash, pagePath, splitCluster } from './cluster-link';
import { clusterShortcut } from './ClusterPicker';
import { href, parse } from './router';

describe('cluster keys', () => {
  it('is the profile id, else ~ and the bootstrap list', () => {
    expect(clusterKeyOf({ profileId: 'a1b2c3', brokers: ['x:9092'] })).toBe('a1b2c3');
    expect(clusterKeyOf({ brokers: ['127.0.0.1:9092', 'h2:9093'] })).toBe('~127.0.0.1:9092,h2:9093');
    expect(bootstrapOfKey(adhocKey(['h:1']))).toBe('h:1');
    expect(bootstrapOfKey('a1b2c3')).toBeNull();
    expect(bootstrapOfKey('~')).toBeNull();
  });
});

describe('deep links', () => {
  it('round-trips a message link through the hash', () => {
    const hash = clusterHash('~127.0.0.1:9092', href(['topics', 'or/ders', 'messages'], { partition: 0, offset: '42' }));
    expect(hash).toBe('#/c/~127.0.0.1%3A9092/topics/or%2Fders/messages?partition=0&offset=42');
    const route = parse(hash);
    expect(route.cluster).toBe('~127.0.0.1:9092');
    expect(route.segments).toEqual(['topics', 'or/ders', 'messages']);
    expect(route.params.get('partition')).toBe('0');
    expect(route.params.get('offset')).toBe('42');
    expect(clusterOfHash(hash)).toBe('~127.0.0.1:9092');
  });

  it('keeps unprefixed in-app links as they were (no cluster)', () => {
    const route = parse('#/groups/g1');
    expect(route).toMatchObject({ cluster: null, segments: ['groups', 'g1'] });
    expect(clusterOfHash('#/groups/g1')).toBeNull();
    expect(splitCluster(['c'])).toEqual({ cluster: null, segments: ['c'] });
  });

  it('remembers a page without its cluster, query included', () => {
    expect(pagePath('#/c/p1/topics/orders/messages?partition=1')).toBe('topics/orders/messages?partition=1');
    expect(pagePath('#/topics/orders')).toBe('topics/orders');
    expect(pagePath('#/c/p1')).toBe('');
    expect(pagePath('')).toBe('');
    expect(clusterHash('p1', 'groups/g1')).toBe('#/c/p1/groups/g1');
    expect(clusterHash('p1', '')).toBe('#/c/p1');
  });

  it('builds the absolute link with the browser-mode token kept in the query', () => {
    const location = { origin: 'http://127.0.0.1:5173', pathname: '/', search: '?token=abc', protocol: 'http:', href: 'http://127.0.0.1:5173/?token=abc#/x' };
    expect(absoluteLink(location, '#/c/p1/topics')).toBe('http://127.0.0.1:5173/?token=abc#/c/p1/topics');
    const file = { origin: 'null', pathname: '/app/index.html', search: '', protocol: 'file:', href: 'file:///app/index.html#/old' };
    expect(absoluteLink(file, '#/c/p1')).toBe('file:///app/index.html#/c/p1');
  });
});

describe('cluster shortcuts', () => {
  const key = (k: string, mods: Partial<KeyboardEvent> = {}) => ({ key: k, ctrlKey: true, metaKey: false, altKey: false, shiftKey: false, ...mods });
  it('maps Ctrl/Cmd+1..9 to the n-th cluster and nothing else', () => {
    expect(clusterShortcut(key('1'))).toBe(0);
    expect(clusterShortcut(key('9', { ctrlKey: false, metaKey: true }))).toBe(8);
    expect(clusterShortcut(key('0'))).toBeNull();
    expect(clusterShortcut(key('2', { ctrlKey: false }))).toBeNull();
    expect(clusterShortcut(key('2', { shiftKey: true }))).toBeNull();
  });
});
