import { useSyncExternalStore } from 'react';
import { splitCluster } from './cluster-link';

/**
 * A tiny hash router: `#/topics/orders/partitions?x=1`. Hash routes survive reloads, work
 * from file:// in Electron, and make "link to this message" a plain string.
 */
export interface Route {
  /** The cluster a deep link names (`#/c/<key>/…`, see cluster-link.ts), or null. */
  cluster: string | null;
  /** Path segments after the cluster, decoded: ['topics', 'orders', 'partitions']. */
  segments: string[];
  params: URLSearchParams;
}

export function parse(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const [path = '', query = ''] = raw.split('?');
  const segments = path
    .split('/')
    .filter(Boolean)
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
  return { ...splitCluster(segments), params: new URLSearchParams(query) };
}

let cachedHash = '';
let cachedRoute: Route = parse('');

function snapshot(): Route {
  if (window.location.hash !== cachedHash) {
    cachedHash = window.location.hash;
    cachedRoute = parse(cachedHash);
  }
  return cachedRoute;
}

function subscribe(callback: () => void): () => void {
  window.addEventListener('hashchange', callback);
  return () => window.removeEventListener('hashchange', callback);
}

export function useRoute(): Route {
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}

/** Builds `#/a/b?k=v` from segments and optional params. */
export function href(segments: (string | number)[], params?: Record<string, string | number | undefined>): string {
  const path = segments.map((s) => encodeURIComponent(String(s))).join('/');
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params ?? {})) if (v !== undefined && v !== '') query.set(k, String(v));
  const q = query.toString();
  return `#/${path}${q ? `?${q}` : ''}`;
}

export function navigate(segments: (string | number)[], params?: Record<string, string | number | undefined>): void {
  window.location.hash = href(segments, params);
}

/** Swaps the current hash without a new history entry (e.g. adding the cluster to a link) and tells the router. */
export function replaceHash(hash: string): void {
  if (window.location.hash === hash) return;
  window.history.replaceState(window.history.state, '', hash);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}
