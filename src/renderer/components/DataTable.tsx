import {
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
import { memo, useRef, useState, type MouseEvent as ReactMouseEvent, type ReactNode } from 'react';
import { usePersistentState } from '../lib/use-persistent-state';
import { TableBodyRow, TableFrame, useColumnTemplate } from './table-parts';

export type { ColumnMeta } from './table-parts';

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

  const template = useColumnTemplate(table, columnSizing, columns);

  return (
    <TableFrame
      ariaLabel={props.ariaLabel}
      rowCount={rows.length}
      scrollRef={scrollRef}
      table={table}
      template={template}
      bodyHeight={virtualizer.getTotalSize()}
      emptyMessage={props.emptyMessage}
    >
      {virtualizer.getVirtualItems().map((item) => {
        const row = rows[item.index] as Row<T>;
        return (
          <TableBodyRow
            key={row.id}
            row={row}
            item={item}
            template={template}
            selected={selectedRowId === row.id || (props.selectedRowIds?.has(row.id) ?? false)}
            extraClass={props.rowClassName?.(row.original)}
            onClick={onRowClick}
          />
        );
      })}
    </TableFrame>
  );
}
