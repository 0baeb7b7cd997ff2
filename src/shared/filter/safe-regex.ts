import { RE2JS } from 're2js';

export interface SafeRegex {
  /** Whether the pattern occurs anywhere in the text (a string, or UTF-8 bytes). */
  test(text: string | Uint8Array): boolean;
}

/** Why a pattern was refused, in the words a user can act on. */
export class SafeRegexError extends Error {}

/**
 * Users' regular expressions run over other people's data (message keys, values, headers),
 * in main, while reading. JavaScript's engine backtracks: `^(a+)+$` on a long value runs for
 * hours and freezes every window. RE2 (re2js) matches in time linear in the text, always; the
 * price is no backreferences and no lookaround, which it refuses with a clear message.
 */
export function compileSafeRegex(source: string, options: { caseInsensitive?: boolean } = {}): SafeRegex {
  try {
    return RE2JS.compile(source, options.caseInsensitive ? RE2JS.CASE_INSENSITIVE : 0);
  } catch (error) {
    // re2js names the flag it added to the pattern ("(?i)…"): quote the user's own pattern.
    const reason = (error as Error).message.replace(/^error parsing regexp: /, '').replace('`(?i)', '`');
    const unsupported = /\\[1-9]|\(\?<?[=!]/.test(source) ? ' (backreferences and lookaround are not supported: they can take exponential time)' : '';
    throw new SafeRegexError(`${reason}${unsupported}`);
  }
}
