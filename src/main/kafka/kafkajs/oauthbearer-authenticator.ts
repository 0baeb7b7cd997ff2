import kafkajs, { type AuthenticationProviderArgs, type Authenticator } from 'kafkajs';

const SOH = '\u0001';
/**
 * kafkajs' own class (non-retriable; its error mapping knows it); its typings omit the message
 * argument. Read off the default export: Node's ESM named-export detection misses kafkajs' spread
 * of its errors, so a named import breaks the built server (as codecs.ts notes).
 */
const SaslAuthenticationError = kafkajs.KafkaJSSASLAuthenticationError as unknown as new (message: string) => Error;

/** kafkajs frames SASL bytes as BYTES (an int32 length first), both ways. */
const framed = (payload: Buffer) => {
  const out = Buffer.alloc(4 + payload.length);
  out.writeInt32BE(payload.length, 0);
  payload.copy(out, 4);
  return out;
};
const unframed = (raw: Buffer) => (raw.length >= 4 ? raw.subarray(4, 4 + Math.max(0, raw.readInt32BE(0))) : Buffer.alloc(0));

/** The client's first message (RFC 7628 §3.1): GS2 header, the bearer token, then the SASL extensions. */
export function initialResponse(token: string, extensions: Record<string, string> = {}): Buffer {
  const ext = Object.entries(extensions).map(([k, v]) => `${k}=${v}${SOH}`).join('');
  return Buffer.from(`n,,${SOH}auth=Bearer ${token}${SOH}${ext}${SOH}`);
}

/** The broker's error challenge, e.g. {"status":"invalid_token"}, in words. */
export function describeChallenge(challenge: Buffer): string {
  const text = challenge.toString('utf8');
  try {
    const json = JSON.parse(text) as { status?: string; scope?: string };
    return [json.status ?? 'refused', json.scope ? `scope ${json.scope}` : ''].filter(Boolean).join(', ');
  } catch {
    return text.slice(0, 200) || 'refused';
  }
}

/**
 * SASL/OAUTHBEARER for kafkajs, replacing its built-in one. A broker that rejects the token
 * does not fail the SaslAuthenticate request: it answers with an error challenge
 * ({"status":"invalid_token"}, RFC 7628 §3.2.2) and waits for the client's %x01. kafkajs 2.2.4
 * ignores that answer, reports success, and the next request fails as "No brokers in the broker
 * pool"; here the challenge fails the authentication with what the broker said.
 */
export function oauthBearerAuthenticator(getToken: () => Promise<{ value: string; extensions?: Record<string, string> }>) {
  return ({ host, port, saslAuthenticate }: AuthenticationProviderArgs): Authenticator => ({
    async authenticate() {
      const token = await getToken();
      const passthrough = { decode: (raw: Buffer) => unframed(raw), parse: (data: Buffer) => data };
      const challenge = await saslAuthenticate<Buffer>({ request: { encode: async () => framed(initialResponse(token.value, token.extensions)) }, response: passthrough });
      if (!challenge || challenge.length === 0) return;
      const said = describeChallenge(challenge);
      // Finish the exchange as the RFC asks; the broker then fails it (and closes the connection).
      await saslAuthenticate({ request: { encode: async () => framed(Buffer.from(SOH)) } }).catch(() => undefined);
      throw new SaslAuthenticationError(`SASL OAUTHBEARER authentication failed: the broker ${host}:${port} refused the token (${said})`);
    },
  });
}
