/**
 * Deep links name their cluster: `#/c/<cluster key>/<page…>?<params>`, e.g.
 * `#/c/3f9a2c1b7d4e5a60/topics/orders/messages?partition=0&offset=42`.
 *
 * The cluster key is the saved profile's id, or, for a connection without a profile (quick
 * connect, the demo), `~` followed by its bootstrap list (`~127.0.0.1:9092`). A profile key
 * lets a link reconnect by itself; an ad-hoc key only says where to connect (a link never
 * opens a connection to an address nobody saved: the connect screen asks).
 *
 * Links inside the app stay unprefixed (`href(['topics', t])`): the router adds the active
 * cluster, so features need not know which cluster they render for.
 */

const CLUSTER_SEGMENT = 'c';

/** The key of a connection without a profile. */
export function adhocKey(brokers: readonly string[]): string {
  return `~${brokers.join(',')}`;
}

/** A connection's key in links: its profile id, else its bootstrap list. */
export function clusterKeyOf(info: { profileId?: string | undefined; brokers: readonly string[] }): string {
  return info.profileId ?? adhocKey(info.brokers);
}

/** The bootstrap list an ad-hoc key names, or null for a profile key. */
export function bootstrapOfKey(key: string): string | null {
  return key.startsWith('~') && key.length > 1 ? key.slice(1) : null;
}

/** Splits decoded path segments into the cluster they name (if any) and the page's own segments. */
export function splitCluster(segments: readonly string[]): { cluster: string | null; segments: string[] } {
  if (segments[0] === CLUSTER_SEGMENT && segments[1]) return { cluster: segments[1], segments: segments.slice(2) };
  return { cluster: null, segments: [...segments] };
}

/** `#/c/<key>/<path>`; `path` is the page part of a hash without its `#/` (e.g. `topics/orders?x=1`). */
export function clusterHash(key: string, path: string): string {
  const page = path.replace(/^#?\/?/, '');
  return `#/${CLUSTER_SEGMENT}/${encodeURIComponent(key)}${page ? `/${page}` : ''}`;
}

/**
 * The page part of a hash (`topics/orders?x=1`), with any cluster prefix removed; what a
 * cluster remembers as its last page.
 */
export function pagePath(hash: string): string {
  const raw = hash.replace(/^#?\/?/, '');
  const [path = '', query] = splitOnce(raw, '?');
  const parts = path.split('/');
  const page = parts[0] === CLUSTER_SEGMENT && parts[1] ? parts.slice(2).join('/') : path;
  return query === undefined ? page : `${page}?${query}`;
}

/** The cluster key a hash names (decoded), or null. */
export function clusterOfHash(hash: string): string | null {
  const raw = hash.replace(/^#?\/?/, '');
  const [path = ''] = splitOnce(raw, '?');
  const parts = path.split('/');
  if (parts[0] !== CLUSTER_SEGMENT || !parts[1]) return null;
  try {
    return decodeURIComponent(parts[1]);
  } catch {
    return parts[1];
  }
}

/** The whole address of a page, as a user would paste it into another tab (browser mode keeps its token in the query). */
export function absoluteLink(location: Pick<Location, 'origin' | 'pathname' | 'search' | 'protocol' | 'href'>, hash: string): string {
  if (location.protocol === 'file:') return `${location.href.split('#')[0]}${hash}`;
  return `${location.origin}${location.pathname}${location.search}${hash}`;
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}
