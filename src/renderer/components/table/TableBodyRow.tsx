import { flexRender, type Row } from '@tanstack/react-table';
import type { VirtualItem } from '@tanstack/react-virtual';
import type { ColumnMeta } from './column-meta';

export interface BodyRowProps<T> {
  row: Row<T>;
  item: VirtualItem;
  /** Where the body starts in the scroll area (below the sticky header): the virtualizer counts it in. */
  offset: number;
  template: string;
  selected: boolean;
  /** The row that is the body's one tab stop. */
  tabStop: boolean;
  clickable: boolean;
  /** Rows grow with wrapped text: measured, not fixed height. */
  measure: ((element: Element | null) => void) | undefined;
  extraClass?: string | undefined;
  dataAttributes?: Record<`data-${string}`, string> | undefined;
}

/** One body row; its key handling and clicks are delegated to the body (TableView). */
export function TableBodyRow<T>({ row, item, offset, template, selected, tabStop, clickable, measure, extraClass, dataAttributes }: BodyRowProps<T>) {
  return (
    <div
      {...dataAttributes}
      role="row"
      ref={measure}
      data-row-id={row.id}
      data-index={item.index}
      tabIndex={tabStop ? 0 : -1}
      aria-rowindex={item.index + 2}
      aria-selected={selected}
      className={`data-table__row body${clickable ? ' clickable' : ''}${selected ? ' selected' : ''}${extraClass ? ` ${extraClass}` : ''}`}
      style={{ gridTemplateColumns: template, height: measure ? undefined : item.size, transform: `translateY(${item.start - offset}px)` }}
    >
      {row.getVisibleCells().map((cell) => {
        const meta = cell.column.columnDef.meta as ColumnMeta | undefined;
        return (
          <div role="cell" key={cell.id} className={`data-table__td align-${meta?.align ?? 'left'}${meta?.mono ? ' mono' : ''}${meta?.wrap ? ' wrappable' : ''}`}>
            {flexRender(cell.column.columnDef.cell, cell.getContext())}
          </div>
        );
      })}
    </div>
  );
}
