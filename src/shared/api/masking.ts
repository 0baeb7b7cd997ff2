import { z } from 'zod';
import { defineCall } from './define';

/** What a rule does to what it finds: `****`, a stable keyed hash (equal values stay equal), or nothing left. */
export const MaskAction = z.enum(['mask', 'hash', 'drop']);
export type MaskAction = z.infer<typeof MaskAction>;

/**
 * One masking rule of a profile: on topics matching `topic` (a glob: `*` any run of characters,
 * `?` one), either a field of decoded JSON keys and values (`customer.email`, `items[*].card`,
 * `$.a.b`) or a regular expression (RE2) over keys, values and header values.
 */
export const MaskingRule = z
  .object({
    topic: z.string().trim().min(1, 'give a topic pattern, e.g. orders* or *').max(500),
    kind: z.enum(['field', 'regex']),
    /** A JSON path (kind `field`) or an RE2 pattern (kind `regex`). */
    pattern: z.string().min(1, 'give a field path or a pattern').max(2_000),
    action: MaskAction.default('mask'),
    /** Only while screen-share mode is on (else always). */
    onlyWhenSharing: z.boolean().default(false),
  })
  .strict();
export type MaskingRule = z.output<typeof MaskingRule>;
export type MaskingRuleInput = z.input<typeof MaskingRule>;

/** What a masked field or match becomes. */
export const MASKED_TEXT = '****';

export interface MaskingState {
  /** Screen-share mode: every rule applies, in every window, until turned off. */
  screenShare: boolean;
}

export const maskingCalls = {
  'masking.state': defineCall<MaskingState>()(z.object({})),
  /** Turns screen-share mode on or off for the whole app (every window and export obeys). */
  'masking.setScreenShare': defineCall<MaskingState>()(z.object({ on: z.boolean() })),
};
