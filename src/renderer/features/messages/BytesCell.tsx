import type { EncodedBytes } from '../../../shared/api';
import { Highlight } from '../../components/DataTable';
import { preview } from './bytes';
import { schemaTitle, SHORT_TYPE } from './schema-info';

/**
 * A key or value in the table. Binary (not UTF-8, shown as hex) and null carry a badge, so the
 * bytes 00 ff fe never look like the text "00 ff fe", nor a null key like the text "null".
 * Content is always rendered as text; the quick filter's matches are marked.
 */
export function BytesCell({ bytes, nullText, max }: { bytes: EncodedBytes | null; nullText?: string; max?: number }) {
  if (bytes === null) {
    return (
      <>
        <span className="bytes-badge bytes-badge--null" data-bytes="null" title="null: no bytes at all">
          null
        </span>
        {nullText && <span className="bytes-note">{nullText}</span>}
      </>
    );
  }
  const text = preview(bytes, '', max);
  if (bytes.schema) {
    return (
      <>
        <span className={`bytes-badge bytes-badge--schema${bytes.schema.invalid ? ' invalid' : ''}`} data-bytes="schema" title={`${schemaTitle(bytes.schema)}${bytes.schema.invalid ? ` — ${bytes.schema.invalid}` : ''}`}>
          {SHORT_TYPE[bytes.schema.type]}
          {bytes.schema.invalid ? ' ⚠' : ''}
        </span>
        <Highlight text={text} />
      </>
    );
  }
  if (bytes.undecodable) {
    return (
      <>
        <span className="bytes-badge bytes-badge--undecodable" data-bytes="undecodable" title={`Not decoded: ${bytes.undecodable}`}>
          raw
        </span>
        <Highlight text={text} />
      </>
    );
  }
  if (bytes.encoding === 'base64') {
    return (
      <>
        <span className="bytes-badge" data-bytes="binary" title="Binary (not UTF-8 text): shown as hex">
          bin
        </span>
        <Highlight text={text} />
      </>
    );
  }
  return <Highlight text={text} />;
}
