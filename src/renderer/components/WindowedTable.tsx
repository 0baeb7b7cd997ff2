import { getCoreRowModel, useReactTable, type ColumnDef, type SortingState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useMemo, useRef, useState, type MouseEvent as ReactMouseEvent, type ReactNode } from 'react';
import { TableBodyRow, TableFrame, useColumnTemplate } from './table-parts';

export interface WindowedTableProps<T> {
  /** Already filtered and in display order (the caller sorts, see `sorting`). */
  data: readonly T[];
  columns: ColumnDef<T, any>[];
  getRowId: (row: T) => string;
  /** Column header clicks change this; the caller orders `data` by it. */
  sorting: SortingState;
  onSortingChange: (sorting: SortingState) => void;
  onRowClick?: (row: T, event: ReactMouseEvent) => void;
  selectedRowId?: string | null;
  selectedRowIds?: ReadonlySet<string>;
  rowHeight?: number;
  emptyMessage?: ReactNode;
  ariaLabel: string;
}

/**
 * A table for data that changes many times a second (a live tail into a 50,000-message
 * buffer): react-table only ever sees the rows on screen. DataTable hands it every row, and
 * react-table then rebuilds a Row object for each of them whenever the data changes, which at
 * tail speed kept the renderer in garbage collection (P2).
 */
export const WindowedTable = memo(WindowedTableImpl) as typeof WindowedTableImpl;

function WindowedTableImpl<T>(props: WindowedTableProps<T>) {
  const { data, columns, getRowId, onRowClick, selectedRowId, rowHeight = 30 } = props;
  const [columnSizing, setColumnSizing] = useState({});
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: data.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? -1;
  const visible = useMemo(() => data.slice(first, last + 1), [data, first, last]);

  const table = useReactTable<T>({
    data: visible,
    columns,
    getRowId,
    state: { sorting: props.sorting, columnSizing },
    manualSorting: true,
    onSortingChange: (update) => props.onSortingChange(typeof update === 'function' ? update(props.sorting) : update),
    onColumnSizingChange: setColumnSizing,
    getCoreRowModel: getCoreRowModel(),
    columnResizeMode: 'onChange',
    enableSortingRemoval: true,
  });
  const rows = table.getRowModel().rows;
  const template = useColumnTemplate(table, columnSizing, columns);

  return (
    <TableFrame
      ariaLabel={props.ariaLabel}
      rowCount={data.length}
      scrollRef={scrollRef}
      table={table}
      template={template}
      bodyHeight={virtualizer.getTotalSize()}
      emptyMessage={props.emptyMessage}
    >
      {items.map((item) => {
        const row = rows[item.index - first];
        if (!row) return null;
        return (
          <TableBodyRow
            key={row.id}
            row={row}
            item={item}
            template={template}
            selected={selectedRowId === row.id || (props.selectedRowIds?.has(row.id) ?? false)}
            onClick={onRowClick}
          />
        );
      })}
    </TableFrame>
  );
}
