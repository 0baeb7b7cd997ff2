import { useContext } from 'react';
import { ConnectionScope } from '../state/connection-scope';
import { useSession } from '../state/session-store';
import { absoluteLink, clusterHash, clusterKeyOf } from './cluster-link';
import { href } from './router';

/** The full address of a page of the calling page's cluster (see cluster-link.ts), e.g. to copy a link to one message. */
export function usePageLink(segments: (string | number)[], params?: Record<string, string | number | undefined>): string {
  const scoped = useContext(ConnectionScope);
  const active = useSession((s) => s.connection);
  const info = scoped ?? active;
  const page = href(segments, params);
  return info ? absoluteLink(window.location, clusterHash(clusterKeyOf(info), page)) : page;
}
