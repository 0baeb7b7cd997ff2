import type { MessageFilter } from '../../../shared/api';
import type { RawRecord } from '../../kafka/ports/messages';
import { readFraming } from '../../schemas/framing';
import type { SchemaDecoder } from '../../schemas/schema-decoder';

/**
 * For a read by exact key: a test for the records that cannot match, made on the raw key bytes
 * before anything else is done with them (schema decoding, masking, the other filters), so a
 * partition of other keys costs one byte comparison a record. Null when the key test needs more
 * than the raw bytes: masking first (a masked key could read as the one searched for), a topic
 * whose keys a local schema decodes, or "newest overall" reads (they rank every record).
 * Schema-framed keys are never skipped: they are compared decoded.
 */
export function keySkip(filter: MessageFilter, opts: { masked: boolean; rankAll: boolean; schemas?: SchemaDecoder | undefined; topic: string }): ((r: RawRecord) => boolean) | null {
  if (filter.key === null || opts.masked || opts.rankAll) return null;
  if (opts.schemas?.local?.typeFor(opts.topic, 'key')) return null;
  const wanted = Buffer.from(filter.key, 'utf8');
  return (r) => r.key === null || (!r.key.equals(wanted) && readFraming(r.key, 'key', r.headers) === null);
}
