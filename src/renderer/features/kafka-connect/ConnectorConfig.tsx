import type { ConnectorDetail } from '../../../shared/api';

/** The config as main gives it: secrets already "[hidden]" (as the worker masks PASSWORD values), each key with its plugin docs. */
export function ConnectorConfig({ config, docs }: { config: ConnectorDetail['config']; docs: ConnectorDetail['docs'] }) {
  const keys = Object.keys(config).sort();
  return (
    <section className="connect-section" aria-label="Config">
      <h2>Config</h2>
      <table className="connect-kv connect-config" data-testid="connect-config">
        <tbody>
          {keys.map((k) => {
            const doc = docs[k];
            const masked = config[k] === '[hidden]';
            return (
              <tr key={k}>
                <th scope="row">
                  <code>{k}</code>
                  {doc?.documentation && <div className="connect-config__doc">{doc.documentation}</div>}
                </th>
                <td>
                  <code className={masked ? 'text-muted' : undefined}>{config[k]}</code>
                  {doc && <span className="connect-config__type text-muted">{doc.type.toLowerCase()}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
