/**
 * What Escape closes: every open pane, form or panel registers here while it is open, and Escape
 * closes the one registered last (the one opened last, so the topmost). Modal dialogs (the
 * palette, the shortcuts) close themselves: the browser gives them Escape first.
 */
type Closer = { close(): void };

const stack: Closer[] = [];

/** Registers `close`; call the returned function when the pane is gone. */
export function pushEscape(close: () => void): () => void {
  const entry: Closer = { close };
  stack.push(entry);
  return () => {
    const i = stack.lastIndexOf(entry);
    if (i >= 0) stack.splice(i, 1);
  };
}

/** Closes the topmost registered pane; false when there is none. */
export function closeTopmost(): boolean {
  const top = stack[stack.length - 1];
  if (!top) return false;
  top.close();
  return true;
}

/** How many panes are open (for tests). */
export function openLayers(): number {
  return stack.length;
}
