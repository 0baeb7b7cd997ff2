import { describe, expect, it } from 'vitest';
import type { AuthenticationProviderArgs, SaslAuthenticateArgs } from 'kafkajs';
import { describeChallenge, initialResponse, oauthBearerAuthenticator } from './oauthbearer-authenticator';

const framed = (text: string) => {
  const b = Buffer.alloc(4 + Buffer.byteLength(text));
  b.writeInt32BE(Buffer.byteLength(text), 0);
  b.write(text, 4);
  return b;
};

/** A broker's side of the exchange: records what the client sent, answers with `answers` in turn. */
function broker(answers: Buffer[]) {
  const sent: Buffer[] = [];
  const args = {
    host: 'k',
    port: 9092,
    logger: {} as AuthenticationProviderArgs['logger'],
    saslAuthenticate: async <T>({ request, response }: SaslAuthenticateArgs<T>) => {
      sent.push(Buffer.from(await request.encode()));
      const answer = answers.shift() ?? framed('');
      if (!response) return undefined;
      return response.parse(Buffer.from(await response.decode(answer)));
    },
  } as AuthenticationProviderArgs;
  return { args, sent };
}

describe('SASL/OAUTHBEARER authenticator', () => {
  it('sends the RFC 7628 initial response with the extensions', () => {
    expect(initialResponse('tok', { logicalCluster: 'lkc-1' }).toString()).toBe('n,,\u0001auth=Bearer tok\u0001logicalCluster=lkc-1\u0001\u0001');
    expect(initialResponse('tok').toString()).toBe('n,,\u0001auth=Bearer tok\u0001\u0001');
  });

  it('succeeds on an empty server answer', async () => {
    const { args, sent } = broker([framed('')]);
    await oauthBearerAuthenticator(async () => ({ value: 'tok' }))(args).authenticate();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.subarray(4).toString()).toBe('n,,\u0001auth=Bearer tok\u0001\u0001');
  });

  it('fails on the broker error challenge, after answering it with %x01', async () => {
    const { args, sent } = broker([framed('{"status":"invalid_token"}')]);
    await expect(oauthBearerAuthenticator(async () => ({ value: 'tok' }))(args).authenticate()).rejects.toMatchObject({
      name: 'KafkaJSSASLAuthenticationError',
      message: 'SASL OAUTHBEARER authentication failed: the broker k:9092 refused the token (invalid_token)',
    });
    expect(sent[1]!.subarray(4)).toEqual(Buffer.from([1]));
  });

  it('words a challenge with a scope, and one that is not JSON', () => {
    expect(describeChallenge(Buffer.from('{"status":"insufficient_scope","scope":"kafka"}'))).toBe('insufficient_scope, scope kafka');
    expect(describeChallenge(Buffer.from('nope'))).toBe('nope');
  });
});
