/**
 * Whether a group is catching up, and when it will have: the rate its commits advance against
 * the rate messages arrive, over the sampled window. Pure: main evaluates it on its samples.
 */
export interface LagTotals {
  /** Epoch ms. */
  at: number;
  /** Sum of committed offsets over the partitions compared. */
  committed: number;
  /** Sum of log-end offsets over the same partitions. */
  logEnd: number;
}

export type LagEta =
  | { kind: 'caught-up'; sentence: string }
  | { kind: 'catching-up'; etaMs: number; consumeRate: number; produceRate: number; sentence: string }
  | { kind: 'falling-behind'; byPerSecond: number; consumeRate: number; produceRate: number; sentence: string }
  /** Lag, and commits that keep pace with the producers (or neither moves): it will not shrink at this rate. */
  | { kind: 'holding'; consumeRate: number; produceRate: number; sentence: string };

/** The shortest window that gives a rate worth saying. */
const MIN_SPAN_MS = 4_000;

/** "about 12 min", "about 2 h 5 min", "less than a minute". */
export function formatEta(ms: number): string {
  const min = Math.round(ms / 60_000);
  if (min < 1) return 'less than a minute';
  if (min < 60) return `about ${min} min`;
  const h = Math.floor(min / 60);
  if (h >= 48) return `about ${Math.round(h / 24)} days`;
  return `about ${h} h${min % 60 ? ` ${min % 60} min` : ''}`;
}

const perSecond = (n: number) => `${n >= 10 ? Math.round(n).toLocaleString('en') : n.toFixed(1)} msg/s`;

/**
 * The ETA from the window's first and last totals (oldest first); null until the window spans
 * a few seconds. Rates are messages per second.
 */
export function lagEta(window: LagTotals[]): LagEta | null {
  const first = window[0];
  const last = window.at(-1);
  if (!first || !last || last.at - first.at < MIN_SPAN_MS) return null;
  const lag = Math.max(0, last.logEnd - last.committed);
  const seconds = (last.at - first.at) / 1000;
  const consumeRate = Math.max(0, (last.committed - first.committed) / seconds);
  const produceRate = Math.max(0, (last.logEnd - first.logEnd) / seconds);
  if (lag === 0) return { kind: 'caught-up', sentence: 'Caught up: no lag.' };
  const net = consumeRate - produceRate;
  // Within 1 %: the consumer keeps pace, no more.
  const pace = Math.max(consumeRate, produceRate) * 0.01;
  if (net > pace) {
    const etaMs = (lag / net) * 1000;
    return { kind: 'catching-up', etaMs, consumeRate, produceRate, sentence: `At the current rate, caught up in ${formatEta(etaMs)} (consuming ${perSecond(consumeRate)}, producing ${perSecond(produceRate)}).` };
  }
  if (-net > pace) {
    return { kind: 'falling-behind', byPerSecond: -net, consumeRate, produceRate, sentence: `Falling behind by ${perSecond(-net)} (consuming ${perSecond(consumeRate)}, producing ${perSecond(produceRate)}).` };
  }
  const sentence = consumeRate === 0 ? 'Not catching up: no commit advanced in the sampled window.' : `Keeping pace (${perSecond(consumeRate)}) but not catching up: lag stays where it is.`;
  return { kind: 'holding', consumeRate, produceRate, sentence };
}
