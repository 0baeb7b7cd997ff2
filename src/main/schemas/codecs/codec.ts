import type { SchemaType } from '../registry-client';

/** A compiled writer schema: turns a framed body into JSON text (once compiled, per schema id). */
export interface SchemaCodec {
  type: SchemaType;
  /**
   * The body after the Confluent prefix (for Protobuf still starting with its message indexes)
   * as JSON text, and for Protobuf the full name of the message type it was.
   * Throws an Error whose message says what is wrong with the bytes.
   */
  decode(body: Buffer): { json: string; messageType?: string; invalid?: string };
  /**
   * JSON text as typed to the body to frame (for Protobuf with its message indexes first, for
   * the named message type or the file's first). Throws SchemaMismatch naming the field.
   */
  encode(json: string, messageType?: string): Buffer;
  /** A JSON starting point for the editor with every field of the (message) type. */
  skeleton(messageType?: string): string;
  /** Protobuf: the message types a value can be, in message-index order. */
  messageTypes?: string[];
}

/** A value that does not fit the schema, with the path to the field that does not. */
export class SchemaMismatch extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path || 'the value'}: ${message}`);
  }
}
