import { flexRender, type Header, type Table } from '@tanstack/react-table';
import type { KeyboardEvent as ReactKeyboardEvent, PointerEvent as ReactPointerEvent } from 'react';
import type { ColumnMeta } from './column-meta';
import { flexibleColumn, minWidth } from './use-column-sizing';

export interface TableHeadProps<T> {
  table: Table<T>;
  template: string;
  /** The header that is the row's one tab stop (roving tabindex), by position. */
  activeHeader: number;
  onHeaderKeyDown: (event: ReactKeyboardEvent<HTMLElement>, index: number, header: Header<T, unknown>) => void;
  onHeaderFocus: (index: number) => void;
  onResizeStart: (columnId: string, event: ReactPointerEvent<HTMLElement>) => void;
}

const RESIZE_HINT = 'Shift+←/→ or drag the edge to resize; double-click the edge for the default width';

/** The header row: every header focusable (one tab stop), sortable ones sort on click, Enter or Space. */
export function TableHead<T>({ table, template, activeHeader, onHeaderKeyDown, onHeaderFocus, onResizeStart }: TableHeadProps<T>) {
  const headers = table.getHeaderGroups().at(-1)?.headers ?? [];
  // The flexible column has no width of its own to drag: it takes what the others leave.
  const flexible = flexibleColumn(headers.map((h) => h.column));
  return (
    <div role="rowgroup" className="data-table__head">
      <div role="row" className="data-table__row" style={{ gridTemplateColumns: template }}>
        {headers.map((header, index) => {
          const meta = header.column.columnDef.meta as ColumnMeta | undefined;
          const sortable = header.column.getCanSort();
          const sorted = header.column.getIsSorted();
          const grows = index === flexible;
          return (
            <div
              role="columnheader"
              key={header.id}
              tabIndex={index === activeHeader ? 0 : -1}
              data-column-id={header.column.id}
              aria-sort={!sortable ? undefined : sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
              aria-description={sortable ? `Enter or Space sorts. ${grows ? '' : RESIZE_HINT}` : grows ? undefined : RESIZE_HINT}
              className={`data-table__th align-${meta?.align ?? 'left'}${sortable ? ' sortable' : ''}`}
              onClick={sortable ? header.column.getToggleSortingHandler() : undefined}
              onKeyDown={(e) => onHeaderKeyDown(e, index, header)}
              onFocus={() => onHeaderFocus(index)}
            >
              {flexRender(header.column.columnDef.header, header.getContext())}
              <span className="sort-mark" aria-hidden>
                {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
              </span>
              {!grows && header.column.getCanResize() && (
                <span
                  className="resizer"
                  data-testid={`resize-${header.column.id}`}
                  onPointerDown={(e) => onResizeStart(header.column.id, e)}
                  onDoubleClick={(e) => {
                    e.stopPropagation();
                    header.column.resetSize();
                  }}
                  onClick={(e) => e.stopPropagation()}
                  aria-hidden
                />
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}

/** Shift+←/→ on a header: narrower or wider by a step, never below the column's minimum. */
export function resizeByKey<T>(table: Table<T>, header: Header<T, unknown>, element: HTMLElement, key: string): boolean {
  if (key !== 'ArrowLeft' && key !== 'ArrowRight') return false;
  const width = element.getBoundingClientRect().width;
  const min = minWidth(header.column.getSize(), header.column.columnDef.minSize);
  const next = Math.round(Math.max(Math.min(min, width), width + (key === 'ArrowRight' ? 16 : -16)));
  table.setColumnSizing((s) => ({ ...s, [header.column.id]: next }));
  return true;
}
