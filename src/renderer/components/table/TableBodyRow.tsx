import { flexRender, type Row } from '@tanstack/react-table';
import { memo } from 'react';
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

/**
 * One body row; its key handling and clicks are delegated to the body (TableView). Memoized: a
 * scroll of a few rows draws only the rows that came into view, not the ~40 that stayed.
 */
export const TableBodyRow = memo(TableBodyRowImpl, sameRow) as typeof TableBodyRowImpl;

function TableBodyRowImpl<T>({ row, item, offset, template, selected, tabStop, clickable, measure, extraClass, dataAttributes }: BodyRowProps<T>) {
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
          <div role="cell" key={cell.column.id} className={`data-table__td align-${meta?.align ?? 'left'}${meta?.mono ? ' mono' : ''}${meta?.wrap ? ' wrappable' : ''}`}>
            {flexRender(cell.column.columnDef.cell, cell.getContext())}
          </div>
        );
      })}
    </div>
  );
}

/** Props equal for drawing: `dataAttributes` is a fresh object per render, so compared by its entries. */
function sameRow<T>(a: BodyRowProps<T>, b: BodyRowProps<T>): boolean {
  return (
    a.row === b.row &&
    a.item.index === b.item.index &&
    a.item.start === b.item.start &&
    a.item.size === b.item.size &&
    a.offset === b.offset &&
    a.template === b.template &&
    a.selected === b.selected &&
    a.tabStop === b.tabStop &&
    a.clickable === b.clickable &&
    a.measure === b.measure &&
    a.extraClass === b.extraClass &&
    sameAttributes(a.dataAttributes, b.dataAttributes)
  );
}

function sameAttributes(a: Record<string, string> | undefined, b: Record<string, string> | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}
