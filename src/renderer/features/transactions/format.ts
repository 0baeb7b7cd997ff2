import { humanDuration } from '../../../shared/topics/retention';

/** An age or timeout to whole seconds ("3 minutes 5 seconds"): milliseconds are noise here. */
export function durationText(ms: number): string {
  return ms < 1_000 ? 'under a second' : humanDuration(Math.floor(ms / 1_000) * 1_000);
}
