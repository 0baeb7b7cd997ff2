/**
 * Asks one source after another until one answers, the way a hedged request does: the next is
 * asked when the previous fails, or has not answered within `hedgeMs`. A broker that is frozen
 * (a long GC pause, a black-holed network) keeps its connection open and holds a request for the
 * whole request timeout, so waiting for it to fail is not enough. The first answer wins; later
 * ones are dropped. An error `isFinal` says every source would give (bad credentials) ends it.
 */
export function firstToAnswer<T>(asks: readonly (() => Promise<T>)[], hedgeMs: number, isFinal: (error: unknown) => boolean): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let next = 0;
    let waiting = 0;
    let done = false;
    let lastError: unknown = new Error('No source to ask');
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = (settle: () => void) => {
      done = true;
      clearTimeout(timer);
      settle();
    };
    const askNext = (): void => {
      clearTimeout(timer);
      if (done) return;
      if (next >= asks.length) {
        if (waiting === 0) finish(() => reject(lastError));
        return;
      }
      const ask = asks[next++]!;
      waiting++;
      timer = setTimeout(askNext, hedgeMs);
      ask().then(
        (value) => {
          if (!done) finish(() => resolve(value));
        },
        (error: unknown) => {
          waiting--;
          if (done) return;
          lastError = error;
          if (isFinal(error)) finish(() => reject(error));
          else askNext();
        },
      );
    };
    askNext();
  });
}
