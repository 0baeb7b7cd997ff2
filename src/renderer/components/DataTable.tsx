import {
  flexRender,
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type FilterFn,
  type Row,
  type SortingState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useMemo, useRef, useState, type MouseEvent as ReactMouseEvent, type ReactNode } from 'react';
import { usePersistentState } from '../lib/use-persistent-state';

export interface ColumnMeta {
  align?: 'left' | 'right' | 'center';
  /** Monospace digits for offsets and counts. */
  mono?: boolean;
}

export interface DataTableProps<T> {
  /** Stable id: sorting is remembered per table. */
  id: string;
  data: T[];
  columns: ColumnDef<T, any>[];
  getRowId: (row: T) => string;
  /** Filter text typed by the user; matched case-insensitively against each column's value. */
  filter?: string;
  /** Only these columns are matched by the filter (all by default): fewer strings per keystroke. */
  filterColumns?: string[];
  initialSorting?: SortingState;
  onRowClick?: (row: T, event: ReactMouseEvent) => void;
  selectedRowId?: string | null;
  /** More rows marked as selected (e.g. ctrl/cmd-click), besides `selectedRowId`. */
  selectedRowIds?: ReadonlySet<string>;
  rowHeight?: number;
  emptyMessage?: ReactNode;
  /** Extra class per row, e.g. to flag offline partitions. */
  rowClassName?: (row: T) => string | undefined;
  ariaLabel: string;
}

const containsText: FilterFn<unknown> = (row, columnId, value: string) => {
  const cell = row.getValue(columnId);
  return cell !== null && cell !== undefined && String(cell).toLowerCase().includes(value.toLowerCase());
};

/**
 * The app's one table: @tanstack/react-table for sorting and filtering, @tanstack/react-virtual
 * so only the visible rows are in the DOM (a 5,000-topic list renders ~30 rows).
 */
export const DataTable = memo(DataTableImpl) as typeof DataTableImpl;

/** Memoized above: a parent re-rendering on each keystroke (its filter box) must not redraw the rows. */
function DataTableImpl<T>(props: DataTableProps<T>) {
  const { data, columns, getRowId, filter = '', onRowClick, selectedRowId, rowHeight = 30 } = props;
  const [sorting, setSorting] = usePersistentState<SortingState>(`table.${props.id}.sorting`, props.initialSorting ?? []);
  const [columnSizing, setColumnSizing] = useState({});

  const table = useReactTable<T>({
    data,
    columns,
    getRowId,
    state: { sorting, globalFilter: filter, columnSizing },
    onSortingChange: setSorting,
    onColumnSizingChange: setColumnSizing,
    globalFilterFn: containsText as FilterFn<T>,
    getColumnCanGlobalFilter: (column) => !props.filterColumns || props.filterColumns.includes(column.id),
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    columnResizeMode: 'onChange',
    enableSortingRemoval: true,
  });

  const rows = table.getRowModel().rows;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });

  const template = useMemo(
    () =>
      table
        .getVisibleLeafColumns()
        .map((c, i, all) => (i === all.length - 1 ? `minmax(${c.getSize()}px, 1fr)` : `${c.getSize()}px`))
        .join(' '),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [table, columnSizing, columns],
  );

  return (
    <div className="data-table" role="table" aria-label={props.ariaLabel} aria-rowcount={rows.length + 1} data-rows={rows.length}>
      <div ref={scrollRef} className="data-table__scroll">
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
                    {header.column.getCanResize() && (
                      <span
                        className="resizer"
                        onMouseDown={header.getResizeHandler()}
                        onClick={(e) => e.stopPropagation()}
                        aria-hidden
                      />
                    )}
                  </div>
                );
              })}
            </div>
          ))}
        </div>
        <div role="rowgroup" className="data-table__body" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index] as Row<T>;
            const extra = props.rowClassName?.(row.original);
            const isSelected = selectedRowId === row.id || (props.selectedRowIds?.has(row.id) ?? false);
            return (
              <div
                role="row"
                key={row.id}
                data-row-id={row.id}
                aria-rowindex={item.index + 2}
                aria-selected={isSelected}
                className={`data-table__row body${onRowClick ? ' clickable' : ''}${isSelected ? ' selected' : ''}${extra ? ` ${extra}` : ''}`}
                style={{ gridTemplateColumns: template, height: item.size, transform: `translateY(${item.start}px)` }}
                onClick={onRowClick ? (event) => onRowClick(row.original, event) : undefined}
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
          })}
        </div>
        {rows.length === 0 && <div className="data-table__empty">{props.emptyMessage ?? 'Nothing to show'}</div>}
      </div>
    </div>
  );
}
