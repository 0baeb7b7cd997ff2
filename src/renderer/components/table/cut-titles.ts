import type { MouseEvent as ReactMouseEvent } from 'react';

const AUTO = 'data-auto-title';

/**
 * On hover, a cell or header whose text is cut (ellipsis) gets its whole text as a `title`
 * tooltip; one whose text fits loses it again. Measured only on hover, one cell at a time, so a
 * table of thousands of rows pays nothing for it. Titles a cell sets itself are left alone.
 */
export function titleCutText(event: ReactMouseEvent<HTMLElement>): void {
  const cell = (event.target as HTMLElement).closest<HTMLElement>('[role=cell], [role=columnheader]');
  if (!cell) return;
  const own = cell.hasAttribute('title') && !cell.hasAttribute(AUTO);
  if (own) return;
  const cut = cell.scrollWidth > cell.clientWidth + 1 || cell.scrollHeight > cell.clientHeight + 1;
  const text = (cell.textContent ?? '').replace(/[▲▼]/g, '').trim();
  if (cut && text) {
    cell.setAttribute('title', text);
    cell.setAttribute(AUTO, '');
  } else if (cell.hasAttribute(AUTO)) {
    cell.removeAttribute('title');
    cell.removeAttribute(AUTO);
  }
}
