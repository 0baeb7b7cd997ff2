/**
 * A page opened from the keyboard (the palette, Connect) puts focus on its heading, so Tab goes
 * on from the page rather than from the top of the window, and a screen reader announces it.
 * The page's header takes the request when it is shown (a lazy page, a while later). A request
 * no page takes soon (the command stayed on the page it was on) lapses: a later click elsewhere
 * must not move focus.
 */
const LAPSE_MS = 3_000;
let requestedAt: number | null = null;

export function focusPageHeading(): void {
  requestedAt = performance.now();
}

/** True once per request, while it has not lapsed. */
export function takePageFocus(): boolean {
  const fresh = requestedAt !== null && performance.now() - requestedAt < LAPSE_MS;
  requestedAt = null;
  return fresh;
}
