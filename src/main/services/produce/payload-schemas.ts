import type { ImportSchemas, MessageDraft } from '../../../shared/api';
import type { EncodingSchema, SchemaEncoder } from '../../schemas/schema-encoder';
import type { DraftSchemas } from './message-factory';

/** A schema to encode with, and for a registry's Protobuf the message type (else the file's first). */
export interface SchemaUse {
  schema: EncodingSchema;
  messageType?: string | undefined;
}

/** Fetches (or takes from the connection's cache, or its local files) the schemas a draft's schema-format key and value name. */
export async function resolveDraftSchemas(encoder: SchemaEncoder, draft: Pick<MessageDraft, 'key' | 'value'>): Promise<DraftSchemas> {
  const one = (p: MessageDraft['key']) => (p?.format === 'schema' ? encoder.forChoice(p.schema) : Promise.resolve(undefined));
  const [key, value] = await Promise.all([one(draft.key), one(draft.value)]);
  return { key, value };
}

/** The schemas an import encodes each line's key and value with, when it asks for any. */
export async function resolveImportSchemas(encoder: SchemaEncoder, choices: ImportSchemas): Promise<{ key?: SchemaUse; value?: SchemaUse }> {
  const one = async (c: ImportSchemas['key']): Promise<SchemaUse | undefined> => {
    if (!c) return undefined;
    const schema = await encoder.forChoice(c);
    return 'messageType' in c ? { schema, messageType: c.messageType } : { schema };
  };
  const [key, value] = await Promise.all([one(choices.key), one(choices.value)]);
  return { ...(key ? { key } : {}), ...(value ? { value } : {}) };
}
