import type { DecodedSchemaInfo, EncodedBytes, MessageView } from './messages';

/**
 * Messages as they travel from main to the window in a `messages.batch`: tuples instead of
 * objects. A read of a million messages spends most of its time serializing them (JSON in
 * the browser mode, structured clone in Electron), and tuples cost a third of what objects
 * with named fields do (P1). Main writes them (services/messages/message-service.ts: toWire);
 * the window turns them back into MessageViews on arrival.
 */
export type WireBytes = [data: string, size: number, flags: number, schemaId?: number, decoded?: WireDecoded];
/** What decoding a schema-framed value in main gave: its schema, or why it failed (then `data` is raw). */
export type WireDecoded = DecodedSchemaInfo | { error: string };
export type WireMessage = [
  partition: number,
  offset: string,
  timestamp: string,
  /** 1: LogAppendTime, 0: CreateTime. */
  logAppendTime: 0 | 1,
  key: WireBytes | null,
  value: WireBytes | null,
  headers: [key: string, value: WireBytes | null][],
];

/** WireBytes flags: the data is base64 (else UTF-8 text); the data is only a preview. */
export const WIRE_BASE64 = 1;
export const WIRE_TRUNCATED = 2;

export function bytesFromWire(w: WireBytes | null): EncodedBytes | null {
  if (w === null) return null;
  const out: EncodedBytes = { encoding: w[2] & WIRE_BASE64 ? 'base64' : 'utf8', data: w[0], size: w[1] };
  if (w[2] & WIRE_TRUNCATED) out.truncated = true;
  if (w[3] !== undefined && w[3] > 0) out.schemaId = w[3];
  const decoded = w[4];
  if (decoded) {
    if ('error' in decoded) out.undecodable = decoded.error;
    else out.schema = decoded;
  }
  return out;
}

export function messageFromWire(w: WireMessage): MessageView {
  return {
    partition: w[0],
    offset: w[1],
    timestamp: w[2],
    timestampType: w[3] === 1 ? 'LogAppendTime' : 'CreateTime',
    key: bytesFromWire(w[4]),
    value: bytesFromWire(w[5]),
    headers: w[6].map(([key, value]) => ({ key, value: bytesFromWire(value) })),
  };
}
