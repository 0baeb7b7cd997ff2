import { useMemo } from 'react';
import type { MessageView } from '../../../shared/api';
import { topKeys, type KeyTally } from './top-keys';

const fmt = (n: number) => n.toLocaleString('en');

/** A summary of what was read: the most frequent keys and the heaviest ones (the buffer's messages). */
export function TopKeys({ messages }: { messages: readonly MessageView[] }) {
  const top = useMemo(() => topKeys(messages), [messages]);
  const table = (title: string, rows: KeyTally[]) => (
    <table aria-label={title}>
      <caption className="sr-only">{title}</caption>
      <thead>
        <tr>
          <th scope="col">{title}</th>
          <th scope="col">Messages</th>
          <th scope="col">Bytes</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((t) => (
          <tr key={t.key ?? '\u0000null'}>
            <td className="mono" title={t.key ?? 'no key'}>
              {t.key ?? <em>no key</em>}
            </td>
            <td className="num">{fmt(t.count)}</td>
            <td className="num">{fmt(t.bytes)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <section className="top-keys" aria-label="Top keys" data-testid="top-keys">
      <div>
        {fmt(top.keys)} distinct key{top.keys === 1 ? '' : 's'} in {fmt(messages.length)} message{messages.length === 1 ? '' : 's'} read
      </div>
      {table('Top keys by count', top.byCount)}
      {table('Top keys by bytes', top.byBytes)}
    </section>
  );
}
