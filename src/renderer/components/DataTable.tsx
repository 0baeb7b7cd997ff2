import {
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  useReactTable,
  type CellContext,
  type ColumnDef,
  type FilterFn,
  type Row,
  type SortingState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useContext, useEffect, useMemo, useRef } from 'react';
import { usePersistentState } from '../lib/use-persistent-state';
import { Highlight, HighlightContext } from './table/Highlight';
import { HEAD_PX, TableView, type TableViewOptions } from './table/TableView';
import { usePersistedColumnSizing } from './table/use-column-sizing';

export type { ColumnMeta } from './table/column-meta';
export type { RowEvent } from './table/TableView';
export { Highlight } from './table/Highlight';

export interface DataTableProps<T> extends TableViewOptions<T> {
  /** Stable id: sorting and column widths are remembered per table. */
  id: string;
  data: readonly T[];
  columns: ColumnDef<T, any>[];
  getRowId: (row: T) => string;
  /** Filter text typed by the user; matched case-insensitively against each column's value, and marked in the cells. */
  filter?: string;
  /** Only these columns are matched by the filter (all by default): fewer strings per keystroke. */
  filterColumns?: string[];
  initialSorting?: SortingState;
  /**
   * The caller sorts and filters `data` itself (`filter` then only marks matches), and react-table
   * sees only the rows on screen: for data that changes many times a second, such as a live tail
   * into a 50,000-message buffer, where rebuilding a Row per message kept the renderer in garbage
   * collection. Header clicks call `onSortingChange`.
   */
  sorting?: SortingState;
  onSortingChange?: (sorting: SortingState) => void;
  /** How many rows the filter leaves, for the "12 of 500 shown" beside the filter box. */
  onShownCountChange?: (shown: number) => void;
  /** The ids of the rows drawn now (on screen plus overscan), e.g. to load their details first. */
  onVisibleRowsChange?: (ids: string[]) => void;
  rowHeight?: number;
  /** Rows drawn beyond the visible ones (OVERSCAN): a short list may draw all of them. */
  overscan?: number;
}

const containsText: FilterFn<unknown> = (row, columnId, value: string) => {
  const cell = row.getValue(columnId);
  return cell !== null && cell !== undefined && String(cell).toLowerCase().includes(value.toLowerCase());
};

/** A plain value, with the filter's matches marked if its column is one the filter reads. */
function DefaultCell({ getValue, column }: CellContext<unknown, unknown>) {
  const { columns } = useContext(HighlightContext);
  const value = getValue();
  if (value === null || value === undefined) return null;
  const text = String(value);
  return !columns || columns.includes(column.id) ? <Highlight text={text} /> : <>{text}</>;
}
const defaultColumn = { cell: DefaultCell } as Partial<ColumnDef<any, unknown>>;

/**
 * The app's one table: @tanstack/react-table for sorting, filtering and column widths,
 * @tanstack/react-virtual so only the visible rows are in the DOM (a 5,000-topic list renders
 * ~30 rows), the keyboard of TableView, and widths that fit the window.
 */
export const DataTable = memo(DataTableImpl) as typeof DataTableImpl;

/** Memoized above: a parent re-rendering on each keystroke (its filter box) must not redraw the rows. */
function DataTableImpl<T>(props: DataTableProps<T>) {
  return props.sorting ? <WindowedRows {...props} sorting={props.sorting} /> : <AllRows {...props} />;
}

/** Tells `onChange` the ids of the drawn rows when they change (scrolling, sorting, filtering). */
function useVisibleRows(items: { index: number }[], idAt: (i: number) => string | undefined, onChange: ((ids: string[]) => void) | undefined) {
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? -1;
  useEffect(() => {
    if (!onChange) return;
    const ids: string[] = [];
    for (let i = first; i <= last; i++) {
      const id = idAt(i);
      if (id !== undefined) ids.push(id);
    }
    onChange(ids);
  }, [first, last, idAt, onChange]);
}

/**
 * Rows drawn beyond the visible ones by default: a wheel notch (~3 rows) scrolls into rows already
 * drawn, and a jump (a drag of the scrollbar) redraws ~40 rows, not ~55: each costs layout.
 */
const OVERSCAN = 4;

function virtualOptions(count: number, rowHeight: number, overscan: number | undefined, getScrollElement: () => HTMLDivElement | null) {
  return {
    count,
    getScrollElement,
    estimateSize: () => rowHeight,
    overscan: overscan ?? OVERSCAN,
    scrollMargin: HEAD_PX,
    scrollPaddingStart: HEAD_PX,
    // Rows scrolled into view are drawn in React's next task, not inside the scroll event
    // (flushSync): the event, the render and the frame's layout and paint are then separate
    // tasks, none of them long, and the compositor has already moved the rows that stay.
    useFlushSync: false,
  };
}

/** react-table holds every row and sorts and filters them. */
function AllRows<T>(props: DataTableProps<T>) {
  const { data, columns, getRowId, filter = '', rowHeight = 28, onShownCountChange } = props;
  const [sorting, setSorting] = usePersistentState<SortingState>(`table.${props.id}.sorting`, props.initialSorting ?? []);
  const [columnSizing, setColumnSizing] = usePersistedColumnSizing(props.id);
  const table = useReactTable<T>({
    data: data as T[],
    columns,
    defaultColumn,
    getRowId,
    state: { sorting, globalFilter: filter, columnSizing },
    onSortingChange: setSorting,
    onColumnSizingChange: setColumnSizing,
    globalFilterFn: containsText as FilterFn<T>,
    getColumnCanGlobalFilter: (column) => !props.filterColumns || props.filterColumns.includes(column.id),
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    enableSortingRemoval: true,
  });
  const rows = table.getRowModel().rows;
  useEffect(() => onShownCountChange?.(rows.length), [rows.length, onShownCountChange]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer(virtualOptions(rows.length, rowHeight, props.overscan, () => scrollRef.current));
  const rowAt = useCallback((i: number) => rows[i] as Row<T> | undefined, [rows]);
  const idAt = useCallback((i: number) => rows[i]?.id, [rows]);
  useVisibleRows(virtualizer.getVirtualItems(), idAt, props.onVisibleRowsChange);
  return (
    <TableView
      {...props}
      highlight={props.highlight ?? filter}
      highlightColumns={props.highlightColumns ?? props.filterColumns}
      table={table}
      virtualizer={virtualizer}
      scrollRef={scrollRef}
      count={rows.length}
      rowAt={rowAt}
      idAt={idAt}
      sizing={columnSizing}
      columnsKey={columns}
    />
  );
}

/** The caller orders `data`; react-table only ever sees the rows on screen. */
function WindowedRows<T>(props: DataTableProps<T> & { sorting: SortingState }) {
  const { data, columns, getRowId, rowHeight = 28, onShownCountChange, sorting, onSortingChange } = props;
  const [columnSizing, setColumnSizing] = usePersistedColumnSizing(props.id);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer(virtualOptions(data.length, rowHeight, props.overscan, () => scrollRef.current));
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? -1;
  const visible = useMemo(() => data.slice(first, last + 1), [data, first, last]);
  useEffect(() => onShownCountChange?.(data.length), [data.length, onShownCountChange]);

  const table = useReactTable<T>({
    data: visible,
    columns,
    defaultColumn,
    getRowId,
    state: { sorting, columnSizing },
    manualSorting: true,
    onSortingChange: (update) => onSortingChange?.(typeof update === 'function' ? update(sorting) : update),
    onColumnSizingChange: setColumnSizing,
    getCoreRowModel: getCoreRowModel(),
    enableSortingRemoval: true,
  });
  const rows = table.getRowModel().rows;
  const rowAt = useCallback((i: number) => rows[i - first] as Row<T> | undefined, [rows, first]);
  const idAt = useCallback((i: number) => (data[i] === undefined ? undefined : getRowId(data[i])), [data, getRowId]);
  useVisibleRows(items, idAt, props.onVisibleRowsChange);
  return (
    <TableView
      {...props}
      highlight={props.highlight ?? props.filter}
      table={table}
      virtualizer={virtualizer}
      scrollRef={scrollRef}
      count={data.length}
      rowAt={rowAt}
      idAt={idAt}
      sizing={columnSizing}
      columnsKey={columns}
    />
  );
}
