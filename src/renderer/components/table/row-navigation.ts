/**
 * Which row a key moves the focus to in a list of `count` rows, `pageSize` of them on screen:
 * the pure half of the tables' roving tabindex (the other half moves the DOM focus).
 * Returns null for a key that does not move the focus, so the browser keeps its default.
 */
export function nextRowIndex(key: string, current: number, count: number, pageSize: number): number | null {
  if (count <= 0) return null;
  const page = Math.max(1, pageSize - 1); // one row of the old page stays in view, for context
  const clamp = (i: number) => Math.min(count - 1, Math.max(0, i));
  const from = clamp(current);
  switch (key) {
    case 'ArrowDown':
      return clamp(from + 1);
    case 'ArrowUp':
      return clamp(from - 1);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    case 'PageDown':
      return clamp(from + page);
    case 'PageUp':
      return clamp(from - page);
    default:
      return null;
  }
}

/** Which header a key moves to among `count` headers (Left/Right, Home/End); null for other keys. */
export function nextHeaderIndex(key: string, current: number, count: number): number | null {
  if (count <= 0) return null;
  switch (key) {
    case 'ArrowRight':
      return Math.min(count - 1, current + 1);
    case 'ArrowLeft':
      return Math.max(0, current - 1);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/** How many whole rows fit in a viewport: what PageUp/PageDown move by. */
export function rowsPerPage(viewportPx: number, headerPx: number, rowPx: number): number {
  return Math.max(1, Math.floor((viewportPx - headerPx) / Math.max(1, rowPx)));
}
