import { describe, expect, it } from 'vitest';
import { refreshAt, refreshing } from './refreshing-provider';
import type { OAuthToken, TokenProvider } from './token-provider';

function counting(lifetimeMs: number | undefined, clock: { now: number }) {
  let n = 0;
  const provider: TokenProvider & { calls: () => number } = {
    name: 'test',
    calls: () => n,
    async token(): Promise<OAuthToken> {
      n++;
      return { value: `t${n}`, ...(lifetimeMs !== undefined ? { expiresAt: clock.now + lifetimeMs } : {}) };
    },
  };
  return provider;
}

describe('refreshing token provider', () => {
  it('renews at 80% of a long lifetime', () => {
    expect(refreshAt({ value: 'x', expiresAt: 3_600_000 }, 0)).toBe(2_880_000);
  });

  it('renews a short-lived token early enough for kafkajs to re-authenticate with a valid one', () => {
    // 20 s: 80% would be 16 s, but kafkajs re-authenticates 10 s before the session ends.
    expect(refreshAt({ value: 'x', expiresAt: 20_000 }, 0)).toBe(8_000);
  });

  it('shares one token until it is due, then fetches a new one', async () => {
    const clock = { now: 0 };
    const source = counting(300_000, clock);
    const provider = refreshing(source, () => clock.now);
    expect((await provider.token()).value).toBe('t1');
    clock.now = 200_000;
    expect((await provider.token()).value).toBe('t1');
    clock.now = 240_001;
    expect((await provider.token()).value).toBe('t2');
    expect(provider.fetches).toBe(2);
  });

  it('asks once however many connections ask at the same time', async () => {
    const clock = { now: 0 };
    const source = counting(300_000, clock);
    const provider = refreshing(source, () => clock.now);
    const tokens = await Promise.all([provider.token(), provider.token(), provider.token()]);
    expect(tokens.map((t) => t.value)).toEqual(['t1', 't1', 't1']);
    expect(source.calls()).toBe(1);
  });

  it('does not cache a failure: the next authentication asks again', async () => {
    let fail = true;
    const provider = refreshing({
      name: 'flaky',
      async token() {
        if (fail) throw new Error('down');
        return { value: 'ok' };
      },
    });
    await expect(provider.token()).rejects.toThrow('down');
    fail = false;
    await expect(provider.token()).resolves.toEqual({ value: 'ok' });
  });

  it('keeps a token without an expiry', async () => {
    const clock = { now: 0 };
    const source = counting(undefined, clock);
    const provider = refreshing(source, () => clock.now);
    await provider.token();
    clock.now = 10 ** 12;
    await provider.token();
    expect(source.calls()).toBe(1);
  });
});
