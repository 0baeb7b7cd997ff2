import protobuf from 'protobufjs';
import { readMessageIndexes, writeMessageIndexes } from '../framing';
import { SchemaMismatch, type SchemaCodec } from './codec';
import { installWellKnownJson, jsonToWellKnown, wellKnownSkeleton } from './protobuf-well-known';
import { checkScalar } from './protobuf-scalars';
import { parseExactJson } from '../exact-json';
import { NumberText } from '../json-text';

export interface ProtoFile {
  /** The name other files import it by. */
  name: string;
  text: string;
}

const PARSE = { keepCase: true } as const;
/** Proto3 JSON: int64 as strings (exact), enums by name, bytes as base64, every field shown. */
const TO_OBJECT: protobuf.IConversionOptions = { longs: String, enums: String, bytes: String, defaults: true, oneofs: false, json: true };

/**
 * Compiles a .proto file from the registry with the files it imports (its references, and the
 * well-known google/protobuf types protobufjs ships), and decodes by the message-index path in
 * each value: [0] is the file's first message, [1, 0] the first nested type of its second.
 */
export function protobufCodec(main: ProtoFile, references: ProtoFile[] = []): SchemaCodec {
  const root = new protobuf.Root();
  const given = new Set(references.map((r) => r.name));
  const imports = new Set<string>();
  for (const file of [...references, main]) {
    const parsed = protobuf.parse(file.text, root, PARSE);
    for (const i of [...(parsed.imports ?? []), ...(parsed.weakImports ?? [])]) imports.add(i);
  }
  for (const name of imports) {
    if (given.has(name)) continue;
    const wellKnown = protobuf.common.get(name);
    if (!wellKnown) throw new Error(`${main.name} imports ${name}, which is neither a reference of the schema nor a well-known type`);
    root.addJSON(wellKnown.nested ?? {});
  }
  root.resolveAll();
  const topLevel = messagesDeclaredIn(main.text);
  const byPath = new Map<string, protobuf.Type>();

  const typeAt = (indexes: number[]): protobuf.Type => {
    const key = indexes.join('.');
    const known = byPath.get(key);
    if (known) return known;
    const name = topLevel[indexes[0]!];
    if (!name) throw new Error(`message index ${indexes[0]} is past the ${topLevel.length} message types of the schema`);
    let type = root.lookupType(name);
    for (const i of indexes.slice(1)) {
      const nested = type.nestedArray.filter((n): n is protobuf.Type => n instanceof protobuf.Type);
      const next = nested[i];
      if (!next) throw new Error(`message index path [${indexes.join(', ')}] names no type in ${type.fullName.slice(1)}`);
      type = next;
    }
    byPath.set(key, type);
    return type;
  };

  return {
    type: 'PROTOBUF',
    decode(body) {
      const { indexes, payload } = readMessageIndexes(body);
      return decodeMessage(typeAt(indexes), payload);
    },
    encode(json, messageType) {
      const indexes = messageType ? indexesOf(messageType) : [0];
      return Buffer.concat([writeMessageIndexes(indexes), encodeMessage(typeAt(indexes), json)]);
    },
    skeleton(messageType) {
      return JSON.stringify(protoSkeleton(typeAt(messageType ? indexesOf(messageType) : [0]), 0), null, 2);
    },
    messageTypes: allPaths().map(([name]) => name),
  };

  /** Every message type of the file with its index path, nested ones after their parent. */
  function allPaths(): [string, number[]][] {
    const out: [string, number[]][] = [];
    const walk = (type: protobuf.Type, path: number[]) => {
      out.push([type.fullName.slice(1), path]);
      type.nestedArray.filter((n): n is protobuf.Type => n instanceof protobuf.Type).forEach((n, i) => walk(n, [...path, i]));
    };
    topLevel.forEach((name, i) => walk(root.lookupType(name), [i]));
    return out;
  }

  function indexesOf(messageType: string): number[] {
    const found = allPaths().find(([name]) => name === messageType);
    if (!found) throw new SchemaMismatch('', `${messageType} is not a message type of this schema`);
    return found[1];
  }
}

/** One message of a known type as proto3 JSON (int64 as exact strings), and which type it was. */
export function decodeMessage(type: protobuf.Type, payload: Buffer): { json: string; messageType: string } {
  let message: protobuf.Message;
  try {
    message = type.decode(payload);
  } catch (error) {
    throw new Error(`the bytes are not a valid ${type.fullName.slice(1)}: ${(error as Error).message}`, { cause: error });
  }
  return { json: JSON.stringify(type.toObject(message, TO_OBJECT)), messageType: type.fullName.slice(1) };
}

/** JSON as typed to one message of the type, every field checked (no framing, no indexes). */
export function encodeMessage(type: protobuf.Type, json: string): Buffer {
  const value = parseExactJson(json);
  checkFields(type, value, '');
  let message: protobuf.Message;
  try {
    message = type.fromObject(value as Record<string, unknown>);
  } catch (error) {
    throw new SchemaMismatch('', (error as Error).message);
  }
  return Buffer.from(type.encode(message).finish());
}

/** A skeleton of one message type for the editor. */
export function messageSkeleton(type: protobuf.Type): string {
  return JSON.stringify(protoSkeleton(type, 0), null, 2);
}

/**
 * Refuses fields the message type does not have (protobufjs' fromObject drops them silently,
 * which would send a message without what the user typed) and turns exact numbers into what
 * fromObject takes: big integers as decimal strings, which it reads exactly into int64.
 */
function checkFields(type: protobuf.Type, value: unknown, path: string): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || value instanceof NumberText) {
    throw new SchemaMismatch(path, `expected an object (message ${type.fullName.slice(1)})`);
  }
  const record = value as Record<string, unknown>;
  for (const [key, v] of Object.entries(record)) {
    const field = type.fields[key] ?? Object.values(type.fields).find((f) => f.options?.json_name === key || camel(f.name) === key);
    const here = path ? `${path}.${key}` : key;
    if (!field) throw new SchemaMismatch(here, `is not a field of ${type.fullName.slice(1)}`);
    field.resolve();
    if (typeof v === 'bigint') record[key] = v.toString();
    if (v instanceof NumberText) record[key] = Number(v.text);
    if (Array.isArray(v)) record[key] = v.map((x: unknown) => (typeof x === 'bigint' ? x.toString() : x instanceof NumberText ? Number(x.text) : x));
    // Well-known types in their JSON form (how decoding shows them): fromObject only takes their message form.
    const fullName = field.resolvedType?.fullName ?? '';
    if (fullName.startsWith('.google.protobuf.')) {
      const convert = (x: unknown, at: string) => jsonToWellKnown(fullName, x, at) ?? x;
      record[key] = field.repeated && Array.isArray(v) ? v.map((x: unknown, i) => convert(x, `${here}[${i}]`)) : convert(record[key], here);
      continue;
    }
    if (!(field.resolvedType instanceof protobuf.Type)) {
      if (field.repeated && Array.isArray(v)) v.forEach((item: unknown, i) => checkScalar(field, item, `${here}[${i}]`));
      else if (field.map && typeof v === 'object' && v !== null) Object.entries(v as Record<string, unknown>).forEach(([k, item]) => checkScalar(field, item, `${here}.${k}`));
      else if (!field.repeated && !field.map) checkScalar(field, v, here);
      continue;
    }
    const nested = !isWellKnown(field.resolvedType) ? field.resolvedType : null;
    if (!nested || v === null) continue;
    if (field.repeated && Array.isArray(v)) v.forEach((item, i) => checkFields(nested, item, `${here}[${i}]`));
    else if (field.map && typeof v === 'object') Object.entries(v as Record<string, unknown>).forEach(([k, item]) => checkFields(nested, item, `${here}.${k}`));
    else checkFields(nested, v, here);
  }
}

function isWellKnown(type: protobuf.Type): boolean {
  return type.fullName.startsWith('.google.protobuf.');
}

function camel(name: string): string {
  return name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

function protoSkeleton(type: protobuf.Type, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of type.fieldsArray) {
    field.resolve();
    if (field.partOf && field.partOf.fieldsArray[0] !== field) continue; // one member of a oneof
    if (field.repeated) out[field.name] = [];
    else if (field.map) out[field.name] = {};
    else if (field.resolvedType instanceof protobuf.Type) {
      const known = wellKnownSkeleton(field.resolvedType.fullName);
      out[field.name] = known !== undefined ? known : depth < 8 ? protoSkeleton(field.resolvedType, depth + 1) : null;
    } else if (field.resolvedType instanceof protobuf.Enum) out[field.name] = Object.keys(field.resolvedType.values)[0] ?? 0;
    else if (field.type === 'string') out[field.name] = '';
    else if (field.type === 'bool') out[field.name] = false;
    else if (field.type === 'bytes') out[field.name] = '';
    else if (/64$/.test(field.type)) out[field.name] = '0';
    else out[field.name] = 0;
  }
  return out;
}

/** Full names of the top-level messages a .proto file declares, in declaration order (message index 0, 1, …). */
export function messagesDeclaredIn(text: string): string[] {
  const alone = new protobuf.Root();
  const parsed = protobuf.parse(text, alone, PARSE);
  const ns = parsed.package ? alone.lookup(parsed.package) : alone;
  if (!(ns instanceof protobuf.Namespace)) return [];
  return ns.nestedArray.filter((n): n is protobuf.Type => n instanceof protobuf.Type).map((t) => t.fullName.slice(1));
}

installWellKnownJson();
