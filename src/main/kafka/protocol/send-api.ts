import type { InternalBroker } from '../kafkajs/internals';
import { decodeMessage, encodeMessage, isFlexible } from './codec';
import type { ApiSpec } from './spec';

/** Neither side speaks a version of the API the other does (e.g. share groups on Kafka 3.9). */
export class UnsupportedApiError extends Error {
  constructor(
    readonly apiName: string,
    readonly apiKey: number,
    /** What the broker speaks, or null when it does not know the API at all. */
    readonly brokerRange: { min: number; max: number } | null,
  ) {
    super(
      brokerRange
        ? `The broker speaks ${apiName} v${brokerRange.min}–v${brokerRange.max}, none of which this app knows`
        : `The broker does not support ${apiName} (API key ${apiKey}): it needs a newer Kafka version`,
    );
    this.name = 'UnsupportedApiError';
  }
}

type ConnectionPool = { send<R>(args: { request: unknown; response: unknown }): Promise<R> };
type BrokerVersions = Record<number, { minVersion: number; maxVersion: number }>;

/** What the broker told kafkajs in ApiVersions when it connected, for one API. */
export function brokerRange(broker: InternalBroker, apiKey: number): { min: number; max: number } | null {
  const theirs = (broker as unknown as { versions?: BrokerVersions | null }).versions?.[apiKey];
  return theirs ? { min: theirs.minVersion, max: theirs.maxVersion } : null;
}

/** The highest version both the generated spec and the broker speak, or null. */
export function negotiateVersion<Req, Res>(broker: InternalBroker, api: ApiSpec<Req, Res>): number | null {
  const theirs = brokerRange(broker, api.apiKey);
  if (!theirs) return null;
  const [min, max] = api.request.validVersions;
  const v = Math.min(max, theirs.max);
  return v >= Math.max(min, theirs.min) ? v : null;
}

/**
 * Sends one generated request over a broker's kafkajs connection, so SASL, TLS, the socket
 * route, timeouts and correlation ids stay kafkajs' own. kafkajs writes request header v1;
 * a flexible version needs header v2, which is v1 plus an (empty) tagged-fields byte, and its
 * response header v1 carries tagged fields after the correlation id that kafkajs consumed.
 * ApiVersions is the exception Kafka makes: its response header is always v0.
 */
export async function sendApi<Req, Res>(
  broker: InternalBroker,
  api: ApiSpec<Req, Res>,
  data: Req,
  options: { version?: number } = {},
): Promise<{ version: number; response: Res }> {
  const version = options.version ?? negotiateVersion(broker, api);
  if (version === null) throw new UnsupportedApiError(api.name, api.apiKey, brokerRange(broker, api.apiKey));
  const flexible = isFlexible(api.request, version);
  const body = encodeMessage(api.request, version, data as Record<string, unknown>);
  const payload = flexible ? Buffer.concat([Buffer.from([0]), body]) : body;
  const responseHasTags = isFlexible(api.response, version) && api.apiKey !== API_VERSIONS_KEY;
  const pool = (broker as unknown as { connectionPool: ConnectionPool }).connectionPool;
  const response = await pool.send<Res>({
    request: { apiKey: api.apiKey, apiVersion: version, apiName: api.name, encode: async () => ({ buf: payload, buffer: payload }) },
    response: {
      decode: async (raw: Buffer) => raw,
      parse: async (raw: Buffer) => decodeMessage<Res>(api.response, version, raw, responseHasTags ? skipHeaderTags(raw) : 0),
    },
  });
  return { version, response };
}

const API_VERSIONS_KEY = 18;

/** The response header's tagged-fields section: we know none, so only its length matters. */
function skipHeaderTags(raw: Buffer): number {
  let offset = 0;
  const uvarint = () => {
    let result = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      const byte = raw[offset++]!;
      result |= (byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return result >>> 0;
    }
    throw new RangeError('Kafka response header has a malformed varint');
  };
  const count = uvarint();
  for (let i = 0; i < count; i++) {
    uvarint();
    offset += uvarint();
  }
  return offset;
}
