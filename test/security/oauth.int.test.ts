import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProfileDraftInput, ProfileSecrets, TestStep } from '../../src/shared/api';
import { freePorts } from '../../scripts/kafka/ports';
import { startTestApp, type TestApp } from '../support/app';
import { createTopic, startCluster, uniqueTopic, type RunningCluster } from '../support/kafka';
import { startOidcProvider, type TestOidcProvider } from '../support/oidc-provider';

/** Token lifetime: short, so a refresh happens within the test. */
const TTL_S = 20;

describe('SASL/OAUTHBEARER with OIDC client credentials against a real OIDC provider and a JWKS-validating broker', () => {
  let idp: TestOidcProvider;
  let cluster: RunningCluster;
  let app: TestApp;
  let htmlServer: Server;
  const logLines: string[] = [];

  beforeAll(async () => {
    idp = await startOidcProvider({ ttlS: TTL_S });
    // Sessions end with the token (and at the latest after a minute): kafkajs must re-authenticate with a fresh one.
    cluster = await startCluster({ oauth: { jwksUrl: idp.jwksUrl, audience: idp.audience, issuer: idp.issuer, maxReauthMs: 60_000 } });
    app = startTestApp({ logSink: (line) => logLines.push(line) });
    // A token "endpoint" that answers with a login page, as a wrong URL often does.
    htmlServer = createServer((_, res) => {
      res.setHeader('Content-Type', 'text/html');
      res.end('<html><body>Sign in</body></html>');
    });
    await new Promise<void>((resolve) => htmlServer.listen(0, '127.0.0.1', resolve));
  }, 240_000);
  afterAll(async () => {
    await app?.close();
    await cluster?.stop();
    await idp?.stop();
    htmlServer?.close();
  });

  const profile = (oauth: Partial<NonNullable<NonNullable<ProfileDraftInput['sasl']>['oauth']>> = {}): ProfileDraftInput => ({
    name: 'oidc',
    brokers: [`127.0.0.1:${cluster.oauthPort}`],
    connectionTimeoutMs: 8_000,
    sasl: { mechanism: 'oauthbearer', oauth: { provider: 'oidc-client-credentials', tokenUrl: idp.tokenUrl, clientId: idp.clientId, scope: idp.scope, ...oauth } },
  });
  let testSeq = 0;
  const test = (draft: ProfileDraftInput, secrets: ProfileSecrets) => app.call('profiles.test', { testId: `oauth-${++testSeq}`, profile: draft, secrets });
  const step = (steps: TestStep[], name: TestStep['step']) => steps.find((s) => s.step === name)!;

  it('the token step shows endpoint, subject, scope and expiry; SASL and metadata then pass', async () => {
    const before = idp.issued.length;
    const result = await test(profile(), { oauthClientSecret: idp.clientSecret });
    expect(result.failedStep).toBeNull();
    const token = step(result.steps, 'token');
    expect(token.status).toBe('ok');
    expect(token.token).toMatchObject({ provider: 'OIDC client credentials', endpoint: idp.tokenUrl, requestedScope: 'kafka', scope: 'kafka', subject: idp.clientId });
    expect(token.token!.expiresAt! - Date.now()).toBeGreaterThan(0);
    expect(token.token!.expiresAt! - Date.now()).toBeLessThanOrEqual(TTL_S * 1000);
    expect(token.detail).toContain(`subject ${idp.clientId}`);
    expect(token.detail).toContain('scope kafka');
    expect(step(result.steps, 'sasl')).toMatchObject({ status: 'ok', detail: `authenticated as token for ${idp.clientId}` });
    expect(step(result.steps, 'metadata').status).toBe('ok');
    // One token for the token step and the SASL step: the test reuses it.
    expect(idp.issued.length - before).toBe(1);
  });

  it('connects with client credentials: lists topics, produces and reads', async () => {
    const topic = uniqueTopic('oauth');
    await createTopic(cluster.bootstrap, topic);
    const view = await app.call('profiles.save', { profile: profile(), secrets: { oauthClientSecret: idp.clientSecret } });
    expect(view.storedSecrets).toEqual(['oauthClientSecret']);
    const { connectionId, clusterId } = await app.call('profiles.connect', { id: view.id });
    try {
      expect(clusterId).toBe(cluster.clusterId);
      expect((await app.call('topics.list', { connectionId, includeInternal: false })).map((t) => t.name)).toContain(topic);
      await app.call('produce.send', { connectionId, topic, message: { key: { format: 'text', text: 'k' }, value: { format: 'text', text: 'signed in with OIDC' } } });
      const { messages } = await app.call('messages.browse', { connectionId, topic, position: { kind: 'beginning' } });
      expect(messages.map((m) => m.value?.data)).toEqual(['signed in with OIDC']);
    } finally {
      await app.call('connection.disconnect', { connectionId });
    }
  });

  it('a wrong client secret: the token step names the 401 invalid_client', async () => {
    const result = await test(profile(), { oauthClientSecret: 'not-the-secret' });
    expect(result.failedStep).toBe('token');
    const token = step(result.steps, 'token');
    expect(token.error).toMatchObject({ code: 'OAUTH_INVALID_CLIENT' });
    expect(token.error!.message).toContain('401 invalid_client');
    expect(token.error!.message).not.toContain('not-the-secret');
    expect(step(result.steps, 'sasl').status).toBe('skipped');
  });

  it('a scope the client may not have: the token step names invalid_scope', async () => {
    const result = await test(profile({ scope: idp.forbiddenScope }), { oauthClientSecret: idp.clientSecret });
    expect(result.failedStep).toBe('token');
    expect(step(result.steps, 'token').error).toMatchObject({ code: 'OAUTH_INVALID_SCOPE' });
    expect(step(result.steps, 'token').error!.message).toContain('400 invalid_scope');
  });

  it('an unreachable token endpoint, and one that answers HTML, each get their own message', async () => {
    const [closed] = await freePorts(1);
    const refused = await test(profile({ tokenUrl: `http://127.0.0.1:${closed}/token` }), { oauthClientSecret: idp.clientSecret });
    expect(refused.failedStep).toBe('token');
    expect(step(refused.steps, 'token').error).toMatchObject({ code: 'OAUTH_ENDPOINT_UNREACHABLE' });
    expect(step(refused.steps, 'token').error!.message).toMatch(new RegExp(`^The token endpoint http://127.0.0.1:${closed}/token could not be reached: .*ECONNREFUSED`));

    const html = await test(profile({ tokenUrl: `http://127.0.0.1:${(htmlServer.address() as AddressInfo).port}/login` }), { oauthClientSecret: idp.clientSecret });
    expect(step(html.steps, 'token').error).toMatchObject({ code: 'OAUTH_BAD_RESPONSE' });
    expect(step(html.steps, 'token').error!.message).toContain('answered 200 with text/html, not JSON');
  });

  it('asks the token endpoint through the profile\'s route: a name only the address mapping resolves', async () => {
    const port = new URL(idp.tokenUrl).port;
    const draft: ProfileDraftInput = { ...profile({ tokenUrl: `http://idp.internal:${port}/token` }), addressMap: [{ from: `idp.internal:${port}`, to: `127.0.0.1:${port}` }] };
    const mapped = await test(draft, { oauthClientSecret: idp.clientSecret });
    expect(step(mapped.steps, 'token')).toMatchObject({ status: 'ok', token: { endpoint: `http://idp.internal:${port}/token`, subject: idp.clientId } });
    expect(mapped.failedStep).toBeNull();
    // Without the mapping the name does not resolve: proof the request went through the route.
    const unmapped = await test(profile({ tokenUrl: `http://idp.internal:${port}/token` }), { oauthClientSecret: idp.clientSecret });
    expect(step(unmapped.steps, 'token').error).toMatchObject({ code: 'OAUTH_ENDPOINT_UNREACHABLE' });
    expect(step(unmapped.steps, 'token').error!.message).toMatch(/ENOTFOUND|EAI_AGAIN/);
  });

  it('the broker really validates tokens: a token not signed by the provider is refused at SASL', async () => {
    const draft: ProfileDraftInput = { name: 'static', brokers: [`127.0.0.1:${cluster.oauthPort}`], connectionTimeoutMs: 8_000, sasl: { mechanism: 'oauthbearer', oauth: { provider: 'static' } } };
    // A genuine token from the provider, its signature replaced.
    const basic = Buffer.from(`${idp.clientId}:${idp.clientSecret}`).toString('base64');
    const answer = await fetch(idp.tokenUrl, { method: 'POST', headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=client_credentials&scope=kafka' });
    const [header, payload] = ((await answer.json()) as { access_token: string }).access_token.split('.');
    const result = await test(draft, { token: `${header}.${payload}.${Buffer.from('forged').toString('base64url')}` });
    expect(result.failedStep).toBe('sasl');
    expect(step(result.steps, 'sasl').error?.code).toBe('SASL_AUTHENTICATION_FAILED');
    expect(step(result.steps, 'sasl').error?.message).toContain('refused the token (invalid_token)');
  });

  it('renews the token before it expires while a long-lived connection keeps producing', async () => {
    const topic = uniqueTopic('oauth-refresh');
    await createTopic(cluster.bootstrap, topic);
    const view = await app.call('profiles.save', { profile: { ...profile(), name: 'refresh' }, secrets: { oauthClientSecret: idp.clientSecret } });
    const from = idp.issued.length;
    const { connectionId } = await app.call('profiles.connect', { id: view.id });
    try {
      const sent: string[] = [];
      // 1.5 token lifetimes, one message a second through the same connection.
      const until = Date.now() + TTL_S * 1500;
      while (Date.now() < until) {
        const text = `m${sent.length}`;
        await app.call('produce.send', { connectionId, topic, message: { key: { format: 'text', text: 'k' }, value: { format: 'text', text } } });
        sent.push(text);
        await new Promise((r) => setTimeout(r, 1_000));
      }
      const tokens = idp.issued.slice(from);
      expect(tokens.length).toBeGreaterThanOrEqual(2);
      // The second token was asked for before the first expired (renewal at 80% / before kafkajs' re-auth window).
      expect(tokens[1]!.at - tokens[0]!.at).toBeLessThan(TTL_S * 1000);
      const { messages } = await app.call('messages.browse', { connectionId, topic, position: { kind: 'beginning' } });
      expect(messages.map((m) => m.value?.data)).toEqual(sent);
    } finally {
      await app.call('connection.disconnect', { connectionId });
    }
  }, 120_000);

  it('never logs or pushes the client secret or a token', () => {
    expect(idp.issued.length).toBeGreaterThanOrEqual(3);
    expect(logLines.some((l) => l.includes('oauth: token issued'))).toBe(true);
    const everything = [...logLines, JSON.stringify(app.events)].join('\n');
    expect(everything).not.toContain(idp.clientSecret);
    for (const { token } of idp.issued) expect(everything).not.toContain(token);
    // Not even a token's signature part alone.
    for (const { token } of idp.issued) expect(everything).not.toContain(token.split('.')[2]!);
  });
});
