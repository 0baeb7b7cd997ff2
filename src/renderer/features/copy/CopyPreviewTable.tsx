import type { CopyPreview, CopyPreviewMessage } from '../../../shared/api';

const text = (b: CopyPreviewMessage['value']) => (b === null ? 'null' : b.encoding === 'utf8' ? b.data : `base64:${b.data}`);

const headersText = (m: CopyPreviewMessage) => m.headers.map((h) => `${h.key}=${text(h.value)}`).join(', ');

/** The first messages exactly as the copy will write them (as text: nothing from a message is rendered as markup). */
export function CopyPreviewTable({ preview }: { preview: CopyPreview }) {
  return (
    <div className="copy-preview">
      <table aria-label="Copy preview">
        <caption>
          The first {preview.messages.length} as they will be written
        </caption>
        <thead>
          <tr>
            <th scope="col">From</th>
            <th scope="col">To</th>
            <th scope="col">Key</th>
            <th scope="col">Value</th>
            <th scope="col">Headers</th>
          </tr>
        </thead>
        <tbody>
          {preview.messages.map((m) => (
            <tr key={`${m.from.partition}/${m.from.offset}`} className={m.skipped ? 'copy-preview__skipped' : undefined}>
              <td className="mono">
                p{m.from.partition} @ {m.from.offset}
              </td>
              <td className="mono">{m.skipped ? <span title={m.skipped}>{m.skipped}</span> : `${m.topic}/${m.partition}`}</td>
              <td className="mono" title={text(m.key)}>
                {text(m.key)}
              </td>
              <td className="mono" title={text(m.value)}>
                {text(m.value)}
              </td>
              <td className="mono" title={headersText(m)}>
                {headersText(m)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
