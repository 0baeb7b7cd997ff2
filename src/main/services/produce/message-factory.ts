import { partitionForKey, partitionForText } from '../../../shared/produce/murmur2';
import { compileTemplate, TemplateError, type CompiledTemplate } from '../../../shared/produce/template';
import type { MessageDraft, Payload } from '../../../shared/api';
import { jsonStable } from '../../../shared/produce/json-stable';
import type { OutgoingRecord } from '../../kafka/ports/producer';
import { SchemaMismatch } from '../../schemas/codecs/codec';
import { describeSchema, SchemaEncoder, type EncodingSchema } from '../../schemas/schema-encoder';
import { choiceLabel, isLocalChoice } from '../../../shared/schemas/schema-choice';

/** A message's key or value: bytes, or text the batch writes as UTF-8. */
type BytesOf = (seq: number) => Buffer | string | null;

/** The compiled schemas a draft's schema-format key and value are encoded with (resolved beforehand: async). */
export interface DraftSchemas {
  key?: EncodingSchema | undefined;
  value?: EncodingSchema | undefined;
}

/**
 * Turns a payload into a per-message byte producer; templates apply to text, JSON and schema
 * payloads (rendered first, then encoded, per message).
 */
export function payloadEncoder(payload: Payload, what: string, schema?: EncodingSchema): BytesOf {
  if (payload === null) return () => null;
  switch (payload.format) {
    case 'schema': {
      if (!schema) throw new TemplateError(`${what}: its schema ${choiceLabel(payload.schema)} was not resolved`);
      const template = compileTemplate(payload.text);
      const messageType = isLocalChoice(payload.schema) ? undefined : payload.schema.messageType;
      const encode = (text: string) => encodeWithSchema(schema, text, messageType, what);
      if (!template.dynamic) {
        const bytes = encode(payload.text);
        return () => bytes;
      }
      return (seq) => encode(template.render({ seq }));
    }
    case 'hex': {
      const clean = payload.text.replace(/\s+/g, '');
      if (!/^([0-9a-fA-F]{2})*$/.test(clean)) throw new TemplateError(`${what}: not valid hex (pairs of 0-9, a-f)`);
      const bytes = Buffer.from(clean, 'hex');
      return () => bytes;
    }
    case 'base64': {
      const clean = payload.text.replace(/\s+/g, '');
      if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(clean) || clean.length % 4 === 1) throw new TemplateError(`${what}: not valid base64`);
      const bytes = Buffer.from(clean, 'base64');
      return () => bytes;
    }
    case 'text':
    case 'json': {
      const template = compileTemplate(payload.text);
      const json = payload.format === 'json';
      if (!template.dynamic) {
        if (json) assertJson(payload.text, what);
        const bytes = Buffer.from(payload.text, 'utf8');
        return () => bytes;
      }
      // Most JSON templates are valid for every message once they are for one (json-stable.ts):
      // check the first, and parse each message only where a placeholder could break it.
      const checkEach = json && !jsonStable(template);
      if (json && !checkEach) assertJson(template.render({ seq: 1 }), what);
      // The text itself, not its bytes: the record batch writes it in place (no Buffer per message).
      const ctx = { seq: 0 };
      return (seq) => {
        ctx.seq = seq;
        const text = template.render(ctx);
        if (checkEach) assertJson(text, what);
        return text;
      };
    }
  }
}

/** A key or value that does not fit its schema: names the field; the service makes it SCHEMA_MISMATCH. */
export class SchemaValueError extends Error {
  constructor(
    message: string,
    /** The field that does not fit, dotted ("amount.cents", "lines[2].sku"); '' for the whole value. */
    readonly path: string,
  ) {
    super(message);
  }
}

/** JSON text as the schema's bytes (Confluent wire format; plain for a local type), or why it does not fit (naming the field). */
export function encodeWithSchema(schema: EncodingSchema, text: string, messageType: string | undefined, what: string): Buffer {
  try {
    return SchemaEncoder.encode(schema, text, messageType);
  } catch (error) {
    if (error instanceof SchemaMismatch) throw new SchemaValueError(`${what} does not fit ${describeSchema(schema)}: ${error.message}`, error.path);
    throw new TemplateError(`${what}: ${(error as Error).message}`);
  }
}

function assertJson(text: string, what: string): void {
  try {
    JSON.parse(text);
  } catch (error) {
    throw new TemplateError(`${what} is not valid JSON: ${(error as Error).message}`);
  }
}

/** Shared by every record without headers (never mutated): one array less per message. */
const NO_HEADERS: OutgoingRecord['headers'] = [];

/**
 * Compiles a draft once and builds record number `seq` (1-based) of a send or burst, with
 * the partition Kafka's default partitioner would choose (round-robin for null keys).
 */
export function messageFactory(draft: MessageDraft, partitionCount: number, schemas: DraftSchemas = {}): (seq: number) => OutgoingRecord {
  const key = payloadEncoder(draft.key, 'key', schemas.key);
  const value = payloadEncoder(draft.value, 'value', schemas.value);
  const headers: { key: string; template: CompiledTemplate }[] = draft.headers.map((h) => ({ key: h.key, template: compileTemplate(h.value) }));
  if (draft.partition !== null && draft.partition >= partitionCount) {
    throw new TemplateError(`partition ${draft.partition} does not exist: the topic has ${partitionCount} (0–${partitionCount - 1})`);
  }
  let roundRobin = Math.floor(Math.random() * partitionCount);
  const ctx = { seq: 0 };
  return (seq) => {
    const k = key(seq);
    const partition = draft.partition ?? (k === null ? roundRobin++ % partitionCount : typeof k === 'string' ? partitionForText(k, partitionCount) : partitionForKey(k, partitionCount));
    ctx.seq = seq;
    return {
      key: k,
      value: value(seq),
      headers: headers.length === 0 ? NO_HEADERS : headers.map((h) => ({ key: h.key, value: Buffer.from(h.template.render(ctx), 'utf8') })),
      partition,
      timestamp: draft.timestamp ?? Date.now(),
    };
  };
}
