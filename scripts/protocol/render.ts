/** Turns one API's Kafka JSON definitions into a TypeScript module (see generate.ts). */

export interface KafkaFieldJson {
  name: string;
  type: string;
  versions: string;
  about?: string;
  nullableVersions?: string;
  taggedVersions?: string;
  tag?: number;
  default?: string | number | boolean;
  ignorable?: boolean;
  fields?: KafkaFieldJson[];
}

export interface KafkaMessageJson {
  apiKey: number;
  type: 'request' | 'response';
  name: string;
  validVersions: string;
  flexibleVersions: string;
  fields: KafkaFieldJson[];
  commonStructs?: { name: string; versions: string; fields: KafkaFieldJson[] }[];
}

const PRIMITIVES = new Set(['bool', 'int8', 'int16', 'uint16', 'int32', 'int64', 'float64', 'string', 'bytes', 'records', 'uuid']);
const TS_TYPE: Record<string, string> = {
  bool: 'boolean',
  int8: 'number',
  int16: 'number',
  uint16: 'number',
  int32: 'number',
  int64: 'bigint',
  float64: 'number',
  string: 'string',
  bytes: 'Buffer',
  records: 'Buffer',
  uuid: 'string',
};

/** "3+" → [3, M]; "1-4" → [1, 4]; "2" → [2, 2]; "none" → a range no version is in. */
export function parseVersions(text: string | undefined): [number, number | 'M'] | null {
  if (text === undefined) return null;
  const t = text.trim();
  if (t === 'none') return [1, 0];
  if (t.endsWith('+')) return [Number(t.slice(0, -1)), 'M'];
  const [a, b] = t.split('-');
  return [Number(a), Number(b ?? a)];
}

const range = (r: [number, number | 'M']) => `[${r[0]}, ${r[1]}]`;

/** Kafka names fields in PascalCase; objects here use camelCase ("ThrottleTimeMs" → "throttleTimeMs", "SPSO" → "spso"). */
export function camel(name: string): string {
  const lead = /^[A-Z]+/.exec(name)?.[0] ?? '';
  if (lead.length <= 1 || lead.length === name.length) return lead.length === name.length ? name.toLowerCase() : name[0]!.toLowerCase() + name.slice(1);
  // "URLPath" → "urlPath": all but the last capital of the run belong to the acronym.
  return lead.slice(0, -1).toLowerCase() + name.slice(lead.length - 1);
}

function parseDefault(field: KafkaFieldJson, base: string): string | undefined {
  if (field.default === undefined) return undefined;
  const d = String(field.default).trim();
  if (d === 'null') return 'null';
  if (field.type.startsWith('[]')) return undefined;
  if (base === 'bool') return d === 'true' ? 'true' : 'false';
  if (base === 'int64') return `${BigInt(d)}n`;
  if (base === 'string') return JSON.stringify(d);
  if (['int8', 'int16', 'uint16', 'int32', 'float64'].includes(base)) return String(Number(d));
  return undefined;
}

interface Context {
  prefix: string;
  common: Map<string, KafkaFieldJson[]>;
  interfaces: string[];
  done: Set<string>;
  /** Request shapes make defaulted and version-limited fields optional; responses always carry every field. */
  direction: 'request' | 'response';
  allVersions: [number, number | 'M'];
}

function coversAll(field: [number, number | 'M'], all: [number, number | 'M']): boolean {
  const fmax = field[1] === 'M' ? Infinity : field[1];
  const amax = all[1] === 'M' ? Infinity : all[1];
  return field[0] <= all[0] && fmax >= amax;
}

function fieldSpec(field: KafkaFieldJson, ctx: Context, indent: string): string {
  const array = field.type.startsWith('[]');
  const base = array ? field.type.slice(2) : field.type;
  const primitive = PRIMITIVES.has(base);
  const parts = [`name: '${camel(field.name)}'`, `type: '${primitive ? base : 'struct'}'`];
  if (array) parts.push('array: true');
  parts.push(`versions: ${range(parseVersions(field.versions)!)}`);
  const nullable = parseVersions(field.nullableVersions);
  if (nullable) parts.push(`nullableVersions: ${range(nullable)}`);
  if (field.tag !== undefined) parts.push(`tag: ${field.tag}`, `taggedVersions: ${range(parseVersions(field.taggedVersions)!)}`);
  const def = parseDefault(field, base);
  if (def !== undefined) parts.push(`default: ${def}`);
  if (field.ignorable) parts.push('ignorable: true');
  if (!primitive) {
    const sub = structFields(field, base, ctx);
    parts.push(`fields: [\n${sub.map((f) => fieldSpec(f, ctx, indent + '  ')).join(',\n')},\n${indent}]`);
  }
  return `${indent}{ ${parts.join(', ')} }`;
}

function structFields(field: KafkaFieldJson, base: string, ctx: Context): KafkaFieldJson[] {
  const fields = field.fields ?? ctx.common.get(base);
  if (!fields) throw new Error(`${ctx.prefix}: struct type ${base} has no fields and is not a common struct`);
  return fields;
}

function tsType(field: KafkaFieldJson, ctx: Context): string {
  const array = field.type.startsWith('[]');
  const base = array ? field.type.slice(2) : field.type;
  let t = PRIMITIVES.has(base) ? TS_TYPE[base]! : structInterface(base, structFields(field, base, ctx), ctx);
  if (array) t = `${t}[]`;
  if (field.nullableVersions) t = `${t} | null`;
  return t;
}

function structInterface(base: string, fields: KafkaFieldJson[], ctx: Context): string {
  const name = `${ctx.prefix}${base}`;
  if (!ctx.done.has(name)) {
    ctx.done.add(name);
    ctx.interfaces.push(renderInterface(name, fields, ctx));
  }
  return name;
}

function renderInterface(name: string, fields: KafkaFieldJson[], ctx: Context): string {
  const lines = fields.map((f) => {
    const versions = parseVersions(f.versions)!;
    const optional =
      ctx.direction === 'request' && (!coversAll(versions, ctx.allVersions) || f.default !== undefined || f.tag !== undefined || f.nullableVersions !== undefined);
    const note = coversAll(versions, ctx.allVersions) ? '' : ` (v${f.versions})`;
    const about = (f.about ?? '').replace(/\*\//g, '*\\/');
    return `  /** ${about}${note} */\n  ${camel(f.name)}${optional ? '?' : ''}: ${tsType(f, ctx)};`;
  });
  return `export interface ${name} {\n${lines.join('\n')}\n}`;
}

function messageSpec(msg: KafkaMessageJson, ctx: Context): string {
  const flexible = parseVersions(msg.flexibleVersions);
  const flexibleFrom = flexible && flexible[0] <= (flexible[1] === 'M' ? Infinity : flexible[1]) ? flexible[0] : null;
  const fields = msg.fields.map((f) => fieldSpec(f, ctx, '      ')).join(',\n');
  return `{
    name: '${msg.name}',
    validVersions: ${range(parseVersions(msg.validVersions)!)},
    flexibleFrom: ${flexibleFrom},
    fields: [
${fields},
    ],
  }`;
}

function renderMessage(msg: KafkaMessageJson): { interfaces: string[]; spec: string } {
  const common = new Map((msg.commonStructs ?? []).map((s) => [s.name, s.fields] as const));
  const ctx: Context = { prefix: msg.name, common, interfaces: [], done: new Set(), direction: msg.type, allVersions: parseVersions(msg.validVersions)! };
  const top = renderInterface(msg.name, msg.fields, ctx);
  return { interfaces: [top, ...ctx.interfaces], spec: messageSpec(msg, ctx) };
}

export function renderApiFile(api: string, request: KafkaMessageJson, response: KafkaMessageJson, sourceVersion: string): string {
  const req = renderMessage(request);
  const res = renderMessage(response);
  return `// Generated by scripts/protocol/generate.ts from ${request.name}.json and ${response.name}.json
// in kafka-clients ${sourceVersion}. Do not edit: change scripts/protocol and regenerate.
import { MAX_VERSION as M, type ApiSpec } from '../spec';

${req.interfaces.join('\n\n')}

${res.interfaces.join('\n\n')}

export const ${api}: ApiSpec<${request.name}, ${response.name}> = {
  apiKey: ${request.apiKey},
  name: '${api}',
  request: ${req.spec},
  response: ${res.spec},
};
`;
}
