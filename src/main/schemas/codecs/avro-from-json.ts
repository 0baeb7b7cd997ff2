import type avro from 'avsc';
import { NumberText } from '../json-text';

import { SchemaMismatch } from './codec';

export { SchemaMismatch };

type AvroType = avro.Type & {
  typeName: string;
  fields?: { name: string; type: AvroType; defaultValue(): unknown }[];
  types?: AvroType[];
  itemsType?: AvroType;
  valuesType?: AvroType;
  symbols?: string[];
  size?: number;
  branchName?: string;
  name?: string;
};

/**
 * A JSON value (parsed exactly) as the value avsc encodes for this type, checked field by field
 * so a mismatch names its field. Unions take the plain value (the branch is found) or Avro's
 * JSON wrapping ({"string": "x"}); bytes and fixed take Avro's JSON encoding (a code point per
 * byte); longs take integers of any size; logical types take what decoding shows (ISO text for
 * timestamps, a number for decimals) or their underlying value.
 */
export function avroValueFromJson(type: AvroType, value: unknown, path = ''): unknown {
  const name = type.typeName;
  const fail = (what: string): never => {
    throw new SchemaMismatch(path, `expected ${what}, got ${describe(value)}`);
  };
  if (name.startsWith('logical:')) return value instanceof NumberText ? value.text : value;
  switch (name) {
    case 'null':
      return value === null ? null : fail('null');
    case 'boolean':
      return typeof value === 'boolean' ? value : fail('true or false');
    case 'int':
      return typeof value === 'number' && Number.isInteger(value) && value >= -(2 ** 31) && value < 2 ** 31 ? value : fail('an int (32-bit integer)');
    case 'long':
    case 'abstract:long':
      if (typeof value === 'bigint') return value;
      return typeof value === 'number' && Number.isInteger(value) ? BigInt(value) : fail('a long (integer)');
    case 'float':
    case 'double':
      if (value instanceof NumberText) return Number(value.text);
      if (typeof value === 'bigint') return Number(value);
      return typeof value === 'number' ? value : fail(`a ${name}`);
    case 'string':
      return typeof value === 'string' ? value : fail('a string');
    case 'bytes':
    case 'fixed': {
      if (typeof value !== 'string' || Buffer.from(value, 'latin1').toString('latin1') !== value) return fail('bytes as a string of code points U+0000–U+00FF');
      const buf = Buffer.from(value, 'latin1');
      if (name === 'fixed' && buf.length !== type.size) throw new SchemaMismatch(path, `expected ${type.size} bytes, got ${buf.length}`);
      return buf;
    }
    case 'enum':
      return typeof value === 'string' && type.symbols!.includes(value) ? value : fail(`one of ${type.symbols!.join(', ')}`);
    case 'array':
      if (!Array.isArray(value)) return fail('an array');
      return value.map((v, i) => avroValueFromJson(type.itemsType!, v, `${path}[${i}]`));
    case 'map': {
      if (!isObject(value)) return fail('an object (map)');
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, avroValueFromJson(type.valuesType!, v, `${path}.${k}`)]));
    }
    case 'record':
    case 'error': {
      if (!isObject(value)) return fail(`an object (record ${type.name})`);
      const known = new Set(type.fields!.map((f) => f.name));
      const extra = Object.keys(value).find((k) => !known.has(k));
      if (extra !== undefined) throw new SchemaMismatch(path ? `${path}.${extra}` : extra, `is not a field of ${type.name}`);
      const out: Record<string, unknown> = {};
      for (const f of type.fields!) {
        const here = path ? `${path}.${f.name}` : f.name;
        if (!(f.name in value)) {
          const fallback = f.defaultValue();
          if (fallback === undefined) throw new SchemaMismatch(here, 'is missing and has no default');
          out[f.name] = fallback;
        } else {
          out[f.name] = avroValueFromJson(f.type, value[f.name], here);
        }
      }
      return out;
    }
    case 'union:unwrapped':
    case 'union:wrapped':
      return unionValue(type, value, path);
    default:
      return fail(`a value of Avro type ${name}`);
  }
}

function unionValue(type: AvroType, value: unknown, path: string): unknown {
  const branches = type.types!;
  // Avro's JSON encoding wraps a union value in an object named for its branch.
  if (isObject(value) && Object.keys(value).length === 1) {
    const [branchName] = Object.keys(value);
    const branch = branches.find((b) => b.branchName === branchName);
    // Unwrapped unless it could be the record itself, with one field that happens to share the branch's name.
    const mayBeTheRecord = branch?.typeName === 'record' && branch.fields!.some((f) => f.name === branchName);
    if (branch && !mayBeTheRecord) return avroValueFromJson(branch, value[branchName!], path);
  }
  const problems: string[] = [];
  for (const branch of branches) {
    try {
      return avroValueFromJson(branch, value, path);
    } catch (error) {
      if (!(error instanceof SchemaMismatch)) throw error;
      problems.push(`${branch.branchName}: ${error.message}`);
    }
  }
  throw new SchemaMismatch(path, `fits none of the union's types (${branches.map((b) => b.branchName).join(', ')}); ${problems[problems.length - 1] ?? ''}`);
}

/** A JSON starting point for the editor: every field, with its default or an empty value. */
export function avroSkeleton(type: AvroType, depth = 0): unknown {
  if (depth > 8) return null;
  const name = type.typeName;
  if (name === 'logical:decimal') return 0;
  if (name.startsWith('logical:timestamp') || name.startsWith('logical:local-timestamp')) return new Date(0).toISOString();
  if (name === 'logical:date') return '1970-01-01';
  if (name.startsWith('logical:')) return avroSkeleton((type as unknown as { underlyingType: AvroType }).underlyingType, depth);
  switch (name) {
    case 'null':
      return null;
    case 'boolean':
      return false;
    case 'int':
    case 'long':
    case 'abstract:long':
    case 'float':
    case 'double':
      return 0;
    case 'string':
    case 'bytes':
      return '';
    case 'fixed':
      return '\u0000'.repeat(type.size ?? 0);
    case 'enum':
      return type.symbols![0];
    case 'array':
      return [];
    case 'map':
      return {};
    case 'record':
    case 'error': {
      const out: Record<string, unknown> = {};
      for (const f of type.fields!) {
        const fallback = f.defaultValue();
        out[f.name] = fallback !== undefined && !Buffer.isBuffer(fallback) && typeof fallback !== 'bigint' ? fallback : avroSkeleton(f.type, depth + 1);
      }
      return out;
    }
    default:
      return type.types ? avroSkeleton(type.types.find((t) => t.typeName !== 'null') ?? type.types[0]!, depth + 1) : null;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof NumberText);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value instanceof NumberText) return value.text;
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return String(value);
}
