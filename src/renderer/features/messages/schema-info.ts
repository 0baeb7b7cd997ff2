import type { DecodedSchemaInfo } from '../../../shared/api';

export const SHORT_TYPE: Record<DecodedSchemaInfo['type'], string> = { AVRO: 'avro', PROTOBUF: 'proto', JSON: 'json-sr' };
const LONG_TYPE: Record<DecodedSchemaInfo['type'], string> = { AVRO: 'Avro', PROTOBUF: 'Protobuf', JSON: 'JSON Schema' };

/** "Avro · orders-value v3 · id 7 · demo.Order": where a decoded value's writer schema lives. */
export function schemaTitle(s: DecodedSchemaInfo): string {
  const parts = [LONG_TYPE[s.type]];
  if (s.subject) parts.push(`${s.subject}${s.version !== undefined ? ` v${s.version}` : ''}`);
  if (s.id !== undefined) parts.push(`id ${s.id}`);
  if (s.messageType) parts.push(s.messageType);
  if (s.file) parts.push(`local file ${s.file}`);
  return parts.join(' · ');
}
