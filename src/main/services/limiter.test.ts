import { describe, expect, it } from 'vitest';
import { createLimiter } from './limiter';

describe('createLimiter', () => {
  it('runs at most N tasks at once, all of them in the end, failures included', async () => {
    const limit = createLimiter(3);
    let running = 0;
    let most = 0;
    const task = (i: number) => async () => {
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 5));
      running--;
      if (i === 4) throw new Error('four');
      return i;
    };
    const results = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => limit(task(i))));
    expect(most).toBe(3);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : 'failed'))).toEqual([0, 1, 2, 3, 'failed', 5, 6, 7, 8, 9]);
  });
});
