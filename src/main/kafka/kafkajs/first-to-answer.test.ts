import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { firstToAnswer } from './first-to-answer';

/** A source that answers (or fails) after `ms`, and records when it was asked. */
function source(name: string, ms: number | null, asked: string[], fails = false): () => Promise<string> {
  return () => {
    asked.push(`${name}@${Date.now()}`);
    if (ms === null) return new Promise<string>(() => undefined); // frozen: never answers
    return new Promise<string>((resolve, reject) => setTimeout(() => (fails ? reject(new Error(`${name} failed`)) : resolve(name)), ms));
  };
}

const retryable = () => false;

describe('firstToAnswer: a frozen source costs one hedge delay, not the request timeout', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('asks only the first source when it answers in time', async () => {
    const asked: string[] = [];
    const answer = firstToAnswer([source('a', 100, asked), source('b', 100, asked)], 1000, retryable);
    await vi.advanceTimersByTimeAsync(100);
    await expect(answer).resolves.toBe('a');
    expect(asked).toEqual(['a@0']);
  });

  it('asks the next source after the hedge delay while the first is silent, and takes its answer', async () => {
    const asked: string[] = [];
    const answer = firstToAnswer([source('frozen', null, asked), source('b', 50, asked)], 1000, retryable);
    await vi.advanceTimersByTimeAsync(1050);
    await expect(answer).resolves.toBe('b');
    expect(asked).toEqual(['frozen@0', 'b@1000']);
  });

  it('asks the next source at once when one fails, and a late answer from a slow one still counts', async () => {
    const asked: string[] = [];
    const answer = firstToAnswer([source('slow', 1500, asked), source('down', 10, asked, true), source('c', 5000, asked)], 1000, retryable);
    await vi.advanceTimersByTimeAsync(1500);
    await expect(answer).resolves.toBe('slow');
    expect(asked).toEqual(['slow@0', 'down@1000', 'c@1010']);
  });

  it('fails with the last error once every source has failed', async () => {
    const asked: string[] = [];
    const answer = firstToAnswer([source('a', 10, asked, true), source('b', 10, asked, true)], 1000, retryable);
    const outcome = expect(answer).rejects.toThrow('b failed');
    await vi.advanceTimersByTimeAsync(20);
    await outcome;
  });

  it('stops at an error every source would give', async () => {
    const asked: string[] = [];
    const answer = firstToAnswer([source('a', 10, asked, true), source('b', 10, asked)], 1000, (e) => (e as Error).message === 'a failed');
    const outcome = expect(answer).rejects.toThrow('a failed');
    await vi.advanceTimersByTimeAsync(20);
    await outcome;
    expect(asked).toEqual(['a@0']);
  });

  it('fails when there is nothing to ask', async () => {
    await expect(firstToAnswer([], 1000, retryable)).rejects.toThrow('No source to ask');
  });
});
