import type { Column, ColumnSizingState, Table } from '@tanstack/react-table';
import type { ColumnMeta } from './column-meta';
import { useCallback, useEffect, useMemo, useState, type PointerEvent as ReactPointerEvent } from 'react';

const storageKey = (tableId: string) => `kafka-explorer.table.${tableId}.sizing`;

function readSizing(tableId: string): ColumnSizingState {
  try {
    const stored = window.localStorage.getItem(storageKey(tableId));
    const parsed: unknown = stored ? JSON.parse(stored) : {};
    return parsed && typeof parsed === 'object' ? (parsed as ColumnSizingState) : {};
  } catch {
    return {};
  }
}

/**
 * Column widths the user dragged, remembered per table (localStorage). Written a moment after
 * the drag settles, not on every pointer move.
 */
export function usePersistedColumnSizing(tableId: string): [ColumnSizingState, (next: ColumnSizingState | ((old: ColumnSizingState) => ColumnSizingState)) => void] {
  const [sizing, setSizing] = useState<ColumnSizingState>(() => readSizing(tableId));
  useEffect(() => {
    const timer = setTimeout(() => {
      try {
        if (Object.keys(sizing).length === 0) window.localStorage.removeItem(storageKey(tableId));
        else window.localStorage.setItem(storageKey(tableId), JSON.stringify(sizing));
      } catch {
        // Storage full or disabled: the widths just are not remembered.
      }
    }, 250);
    return () => clearTimeout(timer);
  }, [tableId, sizing]);
  return [sizing, setSizing];
}

/** The narrowest a column gets when the window is too narrow for every width (px). */
export function minWidth(size: number, minSize: number | undefined): number {
  // react-table's default minSize is 20: too narrow to read; columns say their own when it matters.
  return Math.min(size, Math.max(minSize ?? 0, 56));
}

/** The column that takes the width the others leave: the one marked `grow`, else the last. */
export function flexibleColumn<T>(columns: Column<T, unknown>[]): number {
  const marked = columns.findIndex((c) => (c.columnDef.meta as ColumnMeta | undefined)?.grow);
  return marked >= 0 ? marked : columns.length - 1;
}

/**
 * One CSS grid template for the header and every row. Each column is as wide as its size when
 * there is room and shrinks towards its minimum when not; the last takes whatever is left. So the
 * table never scrolls sideways while its columns' minimums fit, whatever widths were dragged.
 */
export function useColumnTemplate<T>(table: Table<T>, sizing: ColumnSizingState, columnsKey: unknown): string {
  return useMemo(
    () => {
      const columns = table.getVisibleLeafColumns();
      const flexible = flexibleColumn(columns);
      return columns
        .map((c, i) => {
          const min = minWidth(c.getSize(), c.columnDef.minSize);
          return i === flexible ? `minmax(${Math.max(min, Math.min(c.getSize(), 120))}px, 1fr)` : `minmax(${min}px, ${c.getSize()}px)`;
        })
        .join(' ');
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [table, sizing, columnsKey],
  );
}

/**
 * Starts a drag on a column's resize handle. Measured from the width the column has on screen
 * (which may be less than its size in a narrow window), so the edge follows the pointer.
 */
export function useResizeStart<T>(table: Table<T>) {
  return useCallback(
    (columnId: string, event: ReactPointerEvent<HTMLElement>) => {
      event.preventDefault();
      event.stopPropagation();
      const header = event.currentTarget.closest('[role=columnheader]');
      if (!header) return;
      const startX = event.clientX;
      const startWidth = header.getBoundingClientRect().width;
      const min = minWidth(table.getColumn(columnId)?.getSize() ?? startWidth, table.getColumn(columnId)?.columnDef.minSize);
      const move = (e: PointerEvent) => {
        const width = Math.round(Math.max(Math.min(min, startWidth), startWidth + e.clientX - startX));
        table.setColumnSizing((s) => ({ ...s, [columnId]: width }));
      };
      // The click that ends a drag is not a click on the header (which would sort).
      const swallowClick = (e: MouseEvent) => e.stopPropagation();
      const end = () => {
        window.removeEventListener('pointermove', move);
        window.removeEventListener('pointerup', end);
        document.body.classList.remove('column-resizing');
        window.addEventListener('click', swallowClick, { capture: true, once: true });
        setTimeout(() => window.removeEventListener('click', swallowClick, { capture: true }), 0);
      };
      window.addEventListener('pointermove', move);
      window.addEventListener('pointerup', end);
      document.body.classList.add('column-resizing');
    },
    [table],
  );
}
