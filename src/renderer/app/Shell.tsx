import type React from 'react';
import { usePrefetchTopics } from '../api/queries';
import { PaletteButton } from '../features/commands/Keyboard';
import { useSession } from '../state/session-store';
import { ConnectionHealthStatus } from '../features/health/ConnectionHealthStatus';
import { ClusterActions } from './ClusterActions';
import { ScreenShareToggle } from '../features/masking/ScreenShareToggle';
import { ClusterPages } from './ClusterPages';
import { ClusterPicker } from './ClusterPicker';
import { href, useRoute } from './router';
import { useDisconnect } from './use-disconnect';
import { navItemsFor } from './routes';

/** The connected window: sidebar, connection bar, and the current page. */
export function Shell() {
  const route = useRoute();
  const connection = useSession((s) => s.connection);
  const disconnect = useDisconnect();
  const section = route.segments[0] ?? 'overview';
  usePrefetchTopics(connection?.connectionId);

  return (
    // The profile's colour frames the window, so production is never mistaken for local.
    <div className="shell" data-profile-color={connection?.color} style={connection?.color ? ({ '--connection-color': connection.color, borderTop: `4px solid ${connection.color}` } as React.CSSProperties) : undefined}>
      <aside className="sidebar">
        <div className="sidebar__brand">
          <img src="./icon.svg" alt="" width={22} height={22} />
          <span>Kafka Explorer</span>
        </div>
        <PaletteButton />
        <nav aria-label="Sections">
          {navItemsFor(connection?.connectClusters).map((item) => (
            <a key={item.match} href={href([item.match])} className={`nav-item${section === item.match ? ' active' : ''}`} aria-current={section === item.match ? 'page' : undefined}>
              <span className="nav-item__icon" aria-hidden>
                {item.icon}
              </span>
              {item.label}
            </a>
          ))}
        </nav>
      </aside>
      <div className="main">
        <div className="connection-bar" data-testid="connection-bar">
          <span className="connection-bar__dot" aria-hidden />
          <span className="connection-bar__name" title={connection?.name}>
            {connection?.name}
          </span>
          {connection && <ConnectionHealthStatus connectionId={connection.connectionId} />}
          {connection?.readOnly && <span className="badge warn">read-only</span>}
          {connection && connection.securityProtocol !== 'PLAINTEXT' && <span className="badge muted">{connection.securityProtocol}</span>}
          {connection?.tlsUnverified && (
            <span className="badge bad" title="The server certificate is not verified: the connection can be intercepted.">
              TLS not verified
            </span>
          )}
          <ClusterPicker />
          <span className="spacer" />
          <ScreenShareToggle />
          <ClusterActions />
          <button type="button" className="button small" onClick={() => void disconnect()}>
            Disconnect
          </button>
        </div>
        <main className="content">
          <ClusterPages route={route} />
        </main>
      </div>
    </div>
  );
}
