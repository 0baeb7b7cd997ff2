import type { AppErrorData } from '../../shared/errors';

/** What the socket does with one incoming frame. */
export type ParsedFrame =
  | { kind: 'call'; id: string; name: string; req: unknown }
  | { kind: 'cancel'; id: string }
  | { kind: 'bad'; id: string | null; error: AppErrorData };

/** Ids the renderer picks are short strings; anything else cannot be answered by id. */
const MAX_ID_LENGTH = 100;
const usableId = (id: unknown): id is string => typeof id === 'string' && id.length > 0 && id.length <= MAX_ID_LENGTH;

const bad = (id: string | null, message: string): ParsedFrame => ({
  kind: 'bad',
  id,
  error: { name: 'BadFrameError', code: 'BAD_FRAME', message, retriable: false },
});

/**
 * Parses one WebSocket message into a call, a cancel, or a reason to answer with an error.
 * Nothing is dropped silently: a page (or tool) speaking the protocol wrongly learns why.
 * The frame's content is never echoed back, as it may hold a secret.
 */
export function parseClientFrame(data: string | null): ParsedFrame {
  if (data === null) return bad(null, 'Binary frames are not accepted; send JSON text.');
  let frame: unknown;
  try {
    frame = JSON.parse(data);
  } catch {
    return bad(null, 'The frame is not JSON.');
  }
  if (typeof frame !== 'object' || frame === null || Array.isArray(frame)) return bad(null, 'The frame must be a JSON object.');
  const { t, id, name, req } = frame as { t?: unknown; id?: unknown; name?: unknown; req?: unknown };
  if (!usableId(id)) return bad(null, `The frame needs an "id" string of 1 to ${MAX_ID_LENGTH} characters.`);
  if (t === 'call') {
    if (typeof name !== 'string') return bad(id, 'A call frame needs a "name" string.');
    return { kind: 'call', id, name, req };
  }
  if (t === 'cancel') return { kind: 'cancel', id };
  return bad(id, 'Unknown frame type: "t" must be "call" or "cancel".');
}
