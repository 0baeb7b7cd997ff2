import type { ConnectionInfo } from '../../../shared/api';

/**
 * The key of this cluster's favourites and templates in the settings: its saved profile, or
 * (for a connection typed in without a profile) its bootstrap addresses, so they still come back.
 */
export function clusterKey(connection: Pick<ConnectionInfo, 'profileId' | 'brokers'>): string {
  return connection.profileId ?? `brokers:${connection.brokers.join(',')}`;
}
