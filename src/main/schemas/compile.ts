import { avroCodec } from './codecs/avro';
import type { SchemaCodec } from './codecs/codec';
import { jsonSchemaCodec } from './codecs/json-schema';
import { protobufCodec } from './codecs/protobuf';
import type { RegisteredSchema, SchemaReference } from './registry-client';

export interface ResolvedReference {
  name: string;
  schema: RegisteredSchema;
}

/** Fetches what a schema references, and what those reference, each once, dependencies first. */
export async function resolveReferences(schema: RegisteredSchema, fetch: (ref: SchemaReference) => Promise<RegisteredSchema>): Promise<ResolvedReference[]> {
  const out: ResolvedReference[] = [];
  const seen = new Set<string>();
  const visit = async (refs: SchemaReference[], depth: number): Promise<void> => {
    if (depth > 32) throw new Error('schema references nest more than 32 deep (a cycle?)');
    for (const ref of refs) {
      const key = `${ref.subject}@${ref.version}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const referenced = await fetch(ref);
      await visit(referenced.references, depth + 1);
      out.push({ name: ref.name, schema: referenced });
    }
  };
  await visit(schema.references, 0);
  return out;
}

/** A codec for a writer schema of any of the three types, its references resolved. */
export function compileSchema(schema: RegisteredSchema, references: ResolvedReference[], label: string): SchemaCodec {
  switch (schema.schemaType) {
    case 'AVRO':
      return avroCodec(schema.schema, references.map((r) => r.schema.schema));
    case 'PROTOBUF':
      return protobufCodec({ name: label, text: schema.schema }, references.map((r) => ({ name: r.name, text: r.schema.schema })));
    case 'JSON':
      return jsonSchemaCodec(schema.schema, references.map((r) => ({ name: r.name, text: r.schema.schema })));
  }
}
