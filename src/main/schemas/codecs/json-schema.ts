import { Ajv, type AnySchema, type ValidateFunction } from 'ajv';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { SchemaMismatch, type SchemaCodec } from './codec';

export interface JsonSchemaFile {
  /** The $ref name other schemas use for it. */
  name: string;
  text: string;
}

/**
 * JSON Schema values are JSON text already: decoding is checking. The text is shown as it was
 * written (never re-serialized, so big integers keep their digits), and a value the writer
 * schema rejects is flagged with the validator's reason rather than hidden.
 */
export function jsonSchemaCodec(main: string, references: JsonSchemaFile[] = []): SchemaCodec {
  const schema = JSON.parse(main) as Record<string, unknown>;
  const ajv = validatorFor(String(schema.$schema ?? ''));
  for (const ref of references) ajv.addSchema(JSON.parse(ref.text) as AnySchema, ref.name);
  let validate: ValidateFunction;
  try {
    validate = ajv.compile(schema);
  } catch (error) {
    throw new Error(`the JSON Schema does not compile: ${(error as Error).message}`, { cause: error });
  }
  return {
    type: 'JSON',
    decode(body) {
      const text = body.toString('utf8');
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        throw new Error(`the bytes are not JSON: ${(error as Error).message}`, { cause: error });
      }
      if (validate(value)) return { json: text };
      return { json: text, invalid: `does not match its schema: ${ajv.errorsText(validate.errors, { dataVar: 'value' })}` };
    },
    encode(json) {
      let value: unknown;
      try {
        value = JSON.parse(json);
      } catch (error) {
        throw new SchemaMismatch('', `not valid JSON: ${(error as Error).message}`);
      }
      if (!validate(value)) {
        const first = validate.errors?.[0];
        throw new SchemaMismatch((first?.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.'), first?.message ?? 'does not match the schema');
      }
      // The text as typed: never re-serialized, so nothing the user wrote changes.
      return Buffer.from(json, 'utf8');
    },
    skeleton() {
      return JSON.stringify(jsonSkeleton(schema, 0), null, 2);
    },
  };
}

function validatorFor(dialect: string): Ajv {
  const options = { strict: false, allErrors: false, validateFormats: true } as const;
  const ajv = dialect.includes('2020-12') ? new Ajv2020(options) : dialect.includes('2019-09') ? new Ajv2019(options) : new Ajv(options);
  (addFormats as unknown as (a: Ajv) => void)(ajv);
  return ajv as Ajv;
}

/** Every declared property, with its default, first example or first enum value, else an empty value. */
function jsonSkeleton(schema: Record<string, unknown>, depth: number): unknown {
  if (depth > 8) return null;
  if ('default' in schema) return schema.default;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  if ('const' in schema) return schema.const;
  const type = Array.isArray(schema.type) ? (schema.type as string[]).find((t) => t !== 'null') : (schema.type as string | undefined);
  const properties = schema.properties as Record<string, Record<string, unknown>> | undefined;
  if (type === 'object' || properties) return Object.fromEntries(Object.entries(properties ?? {}).map(([k, v]) => [k, jsonSkeleton(v, depth + 1)]));
  if (type === 'array') return [];
  if (type === 'string') return '';
  if (type === 'integer' || type === 'number') return 0;
  if (type === 'boolean') return false;
  return null;
}
