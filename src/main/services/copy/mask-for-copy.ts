import type { RawRecord } from '../../kafka/ports/messages';
import { readFraming } from '../../schemas/framing';
import type { SchemaDecoder } from '../../schemas/schema-decoder';
import type { RecordMasker } from '../masking/record-masker';
import type { DecodedParts } from '../messages/schema-records';

/** The source topic's masker, or null when no rule applies to it. */
export type CopyMasking = (sourceTopic: string) => RecordMasker | null;

/** A record as masking leaves it for sending, or why it may not be sent. */
export type MaskedForCopy = { record: RawRecord } | { failed: string };

/**
 * Masks one round of a copy's records. Plain keys and values are masked as bytes; schema-encoded
 * ones (Avro, Protobuf, JSON Schema, via the registry or a local type) are decoded, masked as the
 * window sees them, and encoded again with the same schema and framing, so the target's consumers
 * read them as before. A part that cannot be decoded, or whose masked form the schema refuses
 * (`****` in a long field, a required field dropped), fails with that reason: it is never sent unmasked.
 */
export async function maskForCopy(records: readonly RawRecord[], topic: string, masker: RecordMasker, schemas: SchemaDecoder | undefined): Promise<MaskedForCopy[]> {
  const framed = (r: RawRecord, role: 'key' | 'value') => r[role] !== null && readFraming(r[role], role, r.headers) !== null;
  // Plain topics (most) are never decoded: only framed parts, or a topic mapped to a local type, need it.
  const mapped = (role: 'key' | 'value') => schemas?.local?.typeFor(topic, role) != null;
  const anyEncoded = mapped('key') || mapped('value') || records.some((r) => framed(r, 'key') || framed(r, 'value'));
  const decoded = anyEncoded && schemas ? await schemas.decodeRecords(records, topic) : null;
  return records.map((r, i): MaskedForCopy => {
    const parts: DecodedParts | null = decoded?.[i] ?? null;
    for (const role of ['key', 'value'] as const) {
      const d = parts?.[role];
      if (framed(r, role) && !d?.ok) {
        const why = d && !d.ok ? d.reason : 'this connection has no Schema Registry to decode it';
        return { failed: `Not copied: its ${role} is schema-encoded and masking needs it decoded (${why})` };
      }
    }
    const seen = masker(r, parts);
    let out = seen.record;
    for (const role of ['key', 'value'] as const) {
      const before = parts?.[role];
      const after = seen.parts?.[role];
      if (!before?.ok || !after?.ok || after.json === before.json) continue;
      try {
        out = { ...out, [role]: schemas!.encodeLike(r[role]!, before, after.json, role, r.headers, topic) };
      } catch (error) {
        const schema = before.schema.subject ? `${before.schema.subject}${before.schema.version ? ` v${before.schema.version}` : ''}` : `id ${before.schema.id ?? '?'}`;
        return { failed: `Not copied: the masked ${role} does not fit its schema ${schema} (${(error as Error).message})` };
      }
    }
    return { record: out };
  });
}
