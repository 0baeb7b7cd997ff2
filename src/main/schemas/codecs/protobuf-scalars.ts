import protobuf from 'protobufjs';
import { NumberText } from '../json-text';
import { SchemaMismatch } from './codec';

const INT_RANGES: Record<string, [bigint, bigint]> = {
  int32: [-(2n ** 31n), 2n ** 31n - 1n],
  sint32: [-(2n ** 31n), 2n ** 31n - 1n],
  sfixed32: [-(2n ** 31n), 2n ** 31n - 1n],
  uint32: [0n, 2n ** 32n - 1n],
  fixed32: [0n, 2n ** 32n - 1n],
  int64: [-(2n ** 63n), 2n ** 63n - 1n],
  sint64: [-(2n ** 63n), 2n ** 63n - 1n],
  sfixed64: [-(2n ** 63n), 2n ** 63n - 1n],
  uint64: [0n, 2n ** 64n - 1n],
  fixed64: [0n, 2n ** 64n - 1n],
};
const BASE64 = /^(?:[A-Za-z0-9+/_-]{4})*(?:[A-Za-z0-9+/_-]{2}(?:==)?|[A-Za-z0-9+/_-]{3}=?)?$/;
const FLOAT_WORDS = new Set(['NaN', 'Infinity', '-Infinity']);

/**
 * Checks a scalar or enum field's value in proto3's JSON form, as protobufjs' fromObject does not:
 * it would send "ten" for an int64 as 0, 7 for a string as "7", and 3000000000 for an int32 cut
 * to 32 bits. null means the field's default. Throws SchemaMismatch naming the field.
 */
export function checkScalar(field: protobuf.Field, value: unknown, path: string): void {
  if (value === null) return;
  const fail = (expected: string): never => {
    throw new SchemaMismatch(path, `expected ${expected}, got ${shown(value)}`);
  };
  if (field.resolvedType instanceof protobuf.Enum) {
    const values = field.resolvedType.values;
    if (typeof value === 'string' && value in values) return;
    if (typeof value === 'number' && Number.isInteger(value) && Math.abs(value) < 2 ** 31) return;
    fail(`one of ${Object.keys(values).join(', ')}`);
  }
  const type = field.type;
  if (type === 'string') {
    if (typeof value !== 'string') fail('a string');
  } else if (type === 'bool') {
    if (typeof value !== 'boolean') fail('true or false');
  } else if (type === 'bytes') {
    if (typeof value !== 'string' || !BASE64.test(value)) fail('base64 text');
  } else if (type === 'double' || type === 'float') {
    const ok = typeof value === 'number' || value instanceof NumberText || (typeof value === 'string' && (FLOAT_WORDS.has(value) || (value.trim() !== '' && Number.isFinite(Number(value)))));
    if (!ok) fail('a number');
  } else if (type in INT_RANGES) {
    const [min, max] = INT_RANGES[type]!;
    const n = integerOf(value);
    if (n === null) fail(`an integer (${type})`);
    if (n! < min || n! > max) throw new SchemaMismatch(path, `${n} is out of range for ${type} (${min} to ${max})`);
  }
}

/** An integer as proto3 JSON allows it: a number, or its decimal digits as a string; null otherwise. */
function integerOf(value: unknown): bigint | null {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? BigInt(value) : null;
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return BigInt(value);
  return null;
}

function shown(value: unknown): string {
  if (value instanceof NumberText) return value.text;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'object') return Array.isArray(value) ? 'an array' : 'an object';
  return JSON.stringify(value);
}
