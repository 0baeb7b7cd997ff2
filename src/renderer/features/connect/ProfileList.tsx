import type { ProfileView } from '../../../shared/api';

const protocolOf = (p: ProfileView) => (p.sasl ? (p.tls ? 'SASL_SSL' : 'SASL_PLAINTEXT') : p.tls ? 'SSL' : 'PLAINTEXT');

/** Saved clusters: colour, name, address and security at a glance, with their actions. */
export function ProfileList(props: {
  profiles: ProfileView[];
  busyId: string | null;
  onConnect(p: ProfileView): void;
  onEdit(p: ProfileView): void;
  onDelete(p: ProfileView): void;
  onExport(p: ProfileView): void;
}) {
  if (props.profiles.length === 0) return <p className="text-muted profile-list__empty">No saved clusters yet. Create one, or import a Java client .properties or kcat config.</p>;
  return (
    <ul className="profile-list" aria-label="Saved clusters">
      {props.profiles.map((p) => (
        <li key={p.id} className="profile-item" style={{ borderLeftColor: p.color }} data-profile={p.name}>
          <div className="profile-item__main">
            <div className="profile-item__name">
              {p.name}
              {p.readOnly && <span className="badge warn">read-only</span>}
              {p.tls?.skipVerify && <span className="badge bad">TLS not verified</span>}
            </div>
            <div className="profile-item__meta mono">{p.brokers.join(', ')}</div>
            <div className="profile-item__meta">
              {protocolOf(p)}
              {p.sasl && ` · ${p.sasl.mechanism.toUpperCase()}${p.sasl.username ? ` as ${p.sasl.username}` : ''}`}
            </div>
          </div>
          <div className="profile-item__actions">
            <button type="button" className="button small primary" aria-label={`Connect to ${p.name}`} disabled={props.busyId !== null} onClick={() => props.onConnect(p)}>
              {props.busyId === p.id ? 'Connecting…' : 'Connect'}
            </button>
            <button type="button" className="button small" aria-label={`Edit ${p.name}`} onClick={() => props.onEdit(p)}>
              Edit
            </button>
            <button type="button" className="button small" aria-label={`Export ${p.name}`} title="Java client .properties, without secrets" onClick={() => props.onExport(p)}>
              Export
            </button>
            <button type="button" className="button small danger" aria-label={`Delete ${p.name}`} onClick={() => props.onDelete(p)}>
              Delete
            </button>
          </div>
        </li>
      ))}
    </ul>
  );
}
