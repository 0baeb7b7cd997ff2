import { Ajv, type AnySchema, type ValidateFunction } from 'ajv';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { SchemaCodec } from './codec';

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
  };
}

function validatorFor(dialect: string): Ajv {
  const options = { strict: false, allErrors: false, validateFormats: true } as const;
  const ajv = dialect.includes('2020-12') ? new Ajv2020(options) : dialect.includes('2019-09') ? new Ajv2019(options) : new Ajv(options);
  (addFormats as unknown as (a: Ajv) => void)(ajv);
  return ajv as Ajv;
}
