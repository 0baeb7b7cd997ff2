import type { ConfigChange } from './config-diff';

/** What an edit changes, key by key: the diff shown before "Apply". */
export function ConfigChangesTable({ changes }: { changes: ConfigChange[] }) {
  if (changes.length === 0) return <p className="text-muted">Nothing changes.</p>;
  return (
    <table className="connect-kv connect-diff" data-testid="connect-diff">
      <thead>
        <tr>
          <th>Key</th>
          <th>Now</th>
          <th>After</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((c) => (
          <tr key={c.key} className={`connect-diff__${c.kind}`}>
            <th scope="row">
              <code>{c.key}</code> <span className="text-muted">{c.kind}</span>
            </th>
            <td>{c.before === null ? <span className="text-muted">—</span> : <code className="connect-diff__before">{c.before}</code>}</td>
            <td>{c.after === null ? <span className="text-muted">removed</span> : <code className="connect-diff__after">{c.after}</code>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
