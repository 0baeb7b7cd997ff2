import protobuf from 'protobufjs';
import { readMessageIndexes } from '../framing';
import type { SchemaCodec } from './codec';

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
      const type = typeAt(indexes);
      let message: protobuf.Message;
      try {
        message = type.decode(payload);
      } catch (error) {
        throw new Error(`the bytes are not a valid ${type.fullName.slice(1)}: ${(error as Error).message}`, { cause: error });
      }
      return { json: JSON.stringify(type.toObject(message, TO_OBJECT)), messageType: type.fullName.slice(1) };
    },
  };
}

/** Full names of the top-level messages a .proto file declares, in declaration order (message index 0, 1, …). */
export function messagesDeclaredIn(text: string): string[] {
  const alone = new protobuf.Root();
  const parsed = protobuf.parse(text, alone, PARSE);
  const ns = parsed.package ? alone.lookup(parsed.package) : alone;
  if (!(ns instanceof protobuf.Namespace)) return [];
  return ns.nestedArray.filter((n): n is protobuf.Type => n instanceof protobuf.Type).map((t) => t.fullName.slice(1));
}

let wellKnownInstalled = false;
/** google.protobuf.Timestamp as RFC 3339 text, as proto3's JSON mapping writes it. */
export function installWellKnownJson(): void {
  if (wellKnownInstalled) return;
  wellKnownInstalled = true;
  (protobuf.wrappers as Record<string, protobuf.IWrapper>)['.google.protobuf.Timestamp'] = {
    fromObject(this: protobuf.Type, object: { [k: string]: unknown }) {
      if (typeof object === 'string') {
        const ms = Date.parse(object);
        return this.fromObject({ seconds: Math.floor(ms / 1000), nanos: (ms % 1000) * 1e6 });
      }
      return this.fromObject(object);
    },
    toObject(this: protobuf.Type, message: protobuf.Message, options?: protobuf.IConversionOptions) {
      const m = message as unknown as { seconds: number | { toString(): string }; nanos: number };
      if (!options?.json) return this.toObject(message, options);
      const seconds = Number(m.seconds.toString());
      const iso = new Date(seconds * 1000).toISOString().replace('.000Z', '');
      const nanos = m.nanos ? `.${String(m.nanos).padStart(9, '0').replace(/0+$/, '')}` : '';
      return `${iso.replace('Z', '')}${nanos}Z` as unknown as { [k: string]: unknown };
    },
  };
}
installWellKnownJson();
