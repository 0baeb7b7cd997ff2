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
}
