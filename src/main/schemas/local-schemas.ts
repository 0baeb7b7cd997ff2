import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, extname, join, resolve } from 'node:path';
import avro from 'avsc';
import protobuf from 'protobufjs';
import 'protobufjs/ext/descriptor/index.js';
import { AppError } from '../../shared/errors';
import type { LocalSchemasConfig } from '../../shared/api';
import { avroOptions, avroTypeCodec } from './codecs/avro';
import type { SchemaCodec } from './codecs/codec';
import { decodeMessage, encodeMessage, messageSkeleton } from './codecs/protobuf';
import { decodeProtobufSchemaless } from './codecs/protobuf-schemaless';

/** The type name a mapping uses to ask for Protobuf decoded without any schema. */
export const SCHEMALESS_PROTOBUF = 'protobuf:raw';

const EXTENSIONS = new Set(['.proto', '.avsc', '.desc', '.pb', '.protoset']);
const MAX_FILES = 2_000;

/** A local type a topic's keys or values are mapped to, where it came from. */
export interface LocalType {
  name: string;
  file: string;
  codec: SchemaCodec;
}

/**
 * Schemas from the user's own files, for clusters without a registry (or data written without
 * one): .proto files and folders (imports resolved against the folders given), Protobuf
 * descriptor sets (.desc/.pb/.protoset, e.g. `protoc --descriptor_set_out`), and .avsc files.
 * Topics map to a message or record type (exact name or a pattern with *), key and value apart.
 */
export class LocalSchemas {
  private constructor(
    private readonly types: Map<string, LocalType>,
    private readonly mappings: { pattern: RegExp; part: 'key' | 'value'; type: string }[],
  ) {}

  static async load(config: LocalSchemasConfig): Promise<LocalSchemas> {
    const files = await collect(config.paths);
    const types = new Map<string, LocalType>();
    const roots = config.paths.map((p) => resolve(p));
    await loadProto(files.filter((f) => extname(f) === '.proto'), roots, types);
    for (const f of files.filter((f) => ['.desc', '.pb', '.protoset'].includes(extname(f)))) await loadDescriptorSet(f, types);
    await loadAvro(files.filter((f) => extname(f) === '.avsc'), types);
    const mappings = config.mappings.map((m) => ({ pattern: globToRegExp(m.topic), part: m.part, type: m.type }));
    for (const m of config.mappings) {
      if (m.type !== SCHEMALESS_PROTOBUF && !types.has(m.type)) {
        throw new AppError({ name: 'ValidationError', code: 'VALIDATION', message: `The local schemas define no type ${m.type} (mapped for ${m.topic} ${m.part}s).`, retriable: false, hint: `Known types: ${[...types.keys()].slice(0, 8).join(', ') || 'none'}${types.size > 8 ? ', …' : ''}` });
      }
    }
    return new LocalSchemas(types, mappings);
  }

  /** Every type the files define, by name: what producing with a local schema offers. */
  list(): LocalType[] {
    return [...this.types.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  /** A type by its full name (`web.Click`, `shop.Order`), or null when no file defines it. */
  type(name: string): LocalType | null {
    return this.types.get(name) ?? null;
  }

  /** The type a topic's key or value is mapped to: the first matching mapping wins. */
  typeFor(topic: string, part: 'key' | 'value'): LocalType | null {
    const m = this.mappings.find((x) => x.part === part && x.pattern.test(topic));
    if (!m) return null;
    if (m.type === SCHEMALESS_PROTOBUF) return SCHEMALESS;
    return this.types.get(m.type) ?? null;
  }
}

const SCHEMALESS: LocalType = {
  name: SCHEMALESS_PROTOBUF,
  file: '',
  codec: {
    type: 'PROTOBUF',
    decode: (body) => ({ json: JSON.stringify(decodeProtobufSchemaless(body)), messageType: 'unknown (no schema: field numbers)' }),
    encode: () => {
      throw new AppError({ name: 'ValidationError', code: 'VALIDATION', message: 'Protobuf without a schema can be read, not written: map the topic to a message type.', retriable: false });
    },
    skeleton: () => '{}',
  },
};

async function collect(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  const walk = async (path: string) => {
    if (out.length > MAX_FILES) throw new AppError({ name: 'ValidationError', code: 'VALIDATION', message: `More than ${MAX_FILES} schema files under the folders given: name the folder that holds them.`, retriable: false });
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      throw new AppError({ name: 'ValidationError', code: 'VALIDATION', message: `Local schema path ${path} cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, retriable: false });
    }
    if (info.isDirectory()) {
      for (const entry of (await readdir(path)).sort()) if (!entry.startsWith('.')) await walk(join(path, entry));
    } else if (EXTENSIONS.has(extname(path))) {
      out.push(resolve(path));
    }
  };
  for (const p of paths) await walk(p);
  return out;
}

/** .proto files in one root, imports found next to the importing file or under any folder given. */
async function loadProto(files: string[], roots: string[], types: Map<string, LocalType>): Promise<void> {
  if (files.length === 0) return;
  const root = new protobuf.Root();
  root.resolvePath = (origin, target) => {
    if (protobuf.common.get(target)) return target;
    const candidates = [resolve(dirname(origin || '.'), target), ...roots.map((r) => resolve(r, target))];
    return candidates.find((c) => files.includes(c)) ?? candidates[0]!;
  };
  try {
    await root.load(files, { keepCase: true });
    root.resolveAll();
  } catch (error) {
    throw new AppError({ name: 'ValidationError', code: 'VALIDATION', message: `The local .proto files do not compile: ${(error as Error).message}`, retriable: false });
  }
  addProtoTypes(root, types, (t) => t.filename ?? files[0]!);
}

async function loadDescriptorSet(file: string, types: Map<string, LocalType>): Promise<void> {
  let root: protobuf.Root;
  try {
    const fromDescriptor = (protobuf.Root as unknown as { fromDescriptor(b: Buffer, o?: object): protobuf.Root }).fromDescriptor;
    root = fromDescriptor(await readFile(file), { keepCase: true });
    root.resolveAll();
  } catch (error) {
    throw new AppError({ name: 'ValidationError', code: 'VALIDATION', message: `${file} is not a Protobuf descriptor set: ${(error as Error).message}`, retriable: false });
  }
  addProtoTypes(root, types, () => file);
}

function addProtoTypes(root: protobuf.Root, types: Map<string, LocalType>, fileOf: (t: protobuf.Type) => string): void {
  const walk = (ns: protobuf.NamespaceBase) => {
    for (const n of ns.nestedArray) {
      if (n instanceof protobuf.Type) {
        const name = n.fullName.slice(1);
        if (!name.startsWith('google.protobuf.')) types.set(name, { name, file: fileOf(n), codec: protoCodec(n) });
      }
      if (n instanceof protobuf.Namespace || n instanceof protobuf.Type) walk(n);
    }
  };
  walk(root);
}

function protoCodec(type: protobuf.Type): SchemaCodec {
  return { type: 'PROTOBUF', decode: (body) => decodeMessage(type, body), encode: (json) => encodeMessage(type, json), skeleton: () => messageSkeleton(type) };
}

/** .avsc files share one registry of names, compiled until every reference resolves (files may come in any order). */
async function loadAvro(files: string[], types: Map<string, LocalType>): Promise<void> {
  const registry: Record<string, avro.Type> = {};
  let pending = await Promise.all(files.map(async (file) => ({ file, schema: JSON.parse(await readFile(file, 'utf8')) as avro.Schema })));
  while (pending.length > 0) {
    const failed: typeof pending = [];
    let lastError: unknown = null;
    for (const p of pending) {
      try {
        const type = avro.Type.forSchema(p.schema, avroOptions(registry));
        const name = (type as { name?: string }).name ?? p.file;
        types.set(name, { name, file: p.file, codec: avroTypeCodec(type) });
      } catch (error) {
        failed.push(p);
        lastError = error;
      }
    }
    if (failed.length === pending.length) {
      throw new AppError({ name: 'ValidationError', code: 'VALIDATION', message: `${failed[0]!.file} does not compile: ${(lastError as Error).message}`, retriable: false });
    }
    pending = failed;
  }
}

/** `orders.*` and `*-events` style topic patterns; anything else is an exact name. */
export function globToRegExp(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`);
}
