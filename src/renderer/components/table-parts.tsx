import { flexRender, type ColumnDef, type Row, type Table } from '@tanstack/react-table';
import type { VirtualItem } from '@tanstack/react-virtual';
import { useMemo, type MouseEvent as ReactMouseEvent, type ReactNode, type RefObject } from 'react';

/** The parts both tables draw the same way: header row, body row, and their column grid. */

export interface ColumnMeta {
  align?: 'left' | 'right' | 'center';
  /** Monospace digits for offsets and counts. */
  mono?: boolean;
}

/** One CSS grid template for the header and every row; the last column takes the rest. */
export function useColumnTemplate<T>(table: Table<T>, columnSizing: unknown, columns: ColumnDef<T, any>[]): string {
  return useMemo(
    () =>
      table
        .getVisibleLeafColumns()
        .map((c, i, all) => (i === all.length - 1 ? `minmax(${c.getSize()}px, 1fr)` : `${c.getSize()}px`))
        .join(' '),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [table, columnSizing, columns],
  );
}

export function TableHead<T>({ table, template }: { table: Table<T>; template: string }) {
  return (
    <div role="rowgroup" className="data-table__head">
      {table.getHeaderGroups().map((group) => (
        <div role="row" key={group.id} className="data-table__row" style={{ gridTemplateColumns: template }}>
          {group.headers.map((header) => {
            const meta = header.column.columnDef.meta as ColumnMeta | undefined;
            const sorted = header.column.getIsSorted();
            return (
              <div
                role="columnheader"
                key={header.id}
                aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
                className={`data-table__th align-${meta?.align ?? 'left'}${header.column.getCanSort() ? ' sortable' : ''}`}
                onClick={header.column.getToggleSortingHandler()}
                title={header.column.getCanSort() ? 'Sort' : undefined}
              >
                {flexRender(header.column.columnDef.header, header.getContext())}
                <span className="sort-mark">{sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}</span>
                {header.column.getCanResize() && <span className="resizer" onMouseDown={header.getResizeHandler()} onClick={(e) => e.stopPropagation()} aria-hidden />}
              </div>
            );
          })}
        </div>
      ))}
    </div>
  );
}

export interface BodyRowProps<T> {
  row: Row<T>;
  item: VirtualItem;
  template: string;
  selected: boolean;
  extraClass?: string | undefined;
  onClick?: ((row: T, event: ReactMouseEvent) => void) | undefined;
}

export function TableBodyRow<T>({ row, item, template, selected, extraClass, onClick }: BodyRowProps<T>) {
  return (
    <div
      role="row"
      data-row-id={row.id}
      aria-rowindex={item.index + 2}
      aria-selected={selected}
      className={`data-table__row body${onClick ? ' clickable' : ''}${selected ? ' selected' : ''}${extraClass ? ` ${extraClass}` : ''}`}
      style={{ gridTemplateColumns: template, height: item.size, transform: `translateY(${item.start}px)` }}
      onClick={onClick ? (event) => onClick(row.original, event) : undefined}
    >
      {row.getVisibleCells().map((cell) => {
        const meta = cell.column.columnDef.meta as ColumnMeta | undefined;
        return (
          <div role="cell" key={cell.id} className={`data-table__td align-${meta?.align ?? 'left'}${meta?.mono ? ' mono' : ''}`}>
            {flexRender(cell.column.columnDef.cell, cell.getContext())}
          </div>
        );
      })}
    </div>
  );
}

export interface TableFrameProps<T> {
  ariaLabel: string;
  /** Body rows in all (not only those drawn). */
  rowCount: number;
  scrollRef: RefObject<HTMLDivElement | null>;
  table: Table<T>;
  template: string;
  /** The virtualizer's total height: the scrollbar stands for every row. */
  bodyHeight: number;
  emptyMessage?: ReactNode;
  /** The rows on screen (TableBodyRow). */
  children: ReactNode;
}

/** The table's frame: ARIA roles, scroll area, header, the virtual body and the empty state. */
export function TableFrame<T>({ ariaLabel, rowCount, scrollRef, table, template, bodyHeight, emptyMessage, children }: TableFrameProps<T>) {
  return (
    <div className="data-table" role="table" aria-label={ariaLabel} aria-rowcount={rowCount + 1} data-rows={rowCount}>
      <div ref={scrollRef} className="data-table__scroll">
        <TableHead table={table} template={template} />
        <div role="rowgroup" className="data-table__body" style={{ height: bodyHeight }}>
          {children}
        </div>
        {rowCount === 0 && <div className="data-table__empty">{emptyMessage ?? 'Nothing to show'}</div>}
      </div>
    </div>
  );
}
