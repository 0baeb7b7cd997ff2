import type { ColumnSizingState, Header, Row, Table } from '@tanstack/react-table';
import type { Virtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type ReactNode, type RefObject } from 'react';
import { titleCutText } from './cut-titles';
import { HighlightContext } from './Highlight';
import { nextHeaderIndex, nextRowIndex, rowsPerPage } from './row-navigation';
import { TableBodyRow } from './TableBodyRow';
import { resizeByKey, TableHead } from './TableHead';
import { useColumnTemplate, useResizeStart } from './use-column-sizing';
import { useResolvedTemplate } from './use-resolved-template';

/** Height of the sticky header row (CSS .data-table__head), which the virtualizer must skip. */
export const HEAD_PX = 31;

/** What opening a row (click or Enter) tells the caller about modifier keys. */
export interface RowEvent {
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

/** The options both ways of feeding the table share (see DataTable). */
export interface TableViewOptions<T> {
  ariaLabel: string;
  emptyMessage?: ReactNode;
  onRowClick?: ((row: T, event: RowEvent) => void) | undefined;
  selectedRowId?: string | null | undefined;
  selectedRowIds?: ReadonlySet<string> | undefined;
  rowClassName?: ((row: T) => string | undefined) | undefined;
  /** `data-*` attributes per row, for tests and styles that find a row by what it shows. */
  rowDataAttributes?: ((row: T) => Record<`data-${string}`, string>) | undefined;
  /** Long values in `wrap` columns wrap onto more lines (rows are measured). */
  wrap?: boolean | undefined;
  /** Quick-filter text whose matches are marked in the cells of `highlightColumns` (all if unset). */
  highlight?: string | undefined;
  highlightColumns?: readonly string[] | undefined;
  /**
   * Rows keyed by their place in the list, not by their id: when a filter or sort puts other rows
   * on screen, the ~35 drawn rows are updated in place rather than removed and built again, which
   * halves a keystroke's cost on a 9,000-topic list (P3). Only for tables whose cells hold no
   * state of their own, which would otherwise pass from one row to the next; the focus is moved
   * along with its row.
   */
  reuseRows?: boolean | undefined;
}

export interface TableViewProps<T> extends TableViewOptions<T> {
  table: Table<T>;
  virtualizer: Virtualizer<HTMLDivElement, Element>;
  scrollRef: RefObject<HTMLDivElement | null>;
  /** Body rows in all (not only those drawn). */
  count: number;
  /** The row at a position, if react-table built it (a windowed table builds only those on screen). */
  rowAt: (index: number) => Row<T> | undefined;
  /** The id of the row at any position. */
  idAt: (index: number) => string | undefined;
  sizing: ColumnSizingState;
  columnsKey: unknown;
}

/**
 * The table as drawn: header, virtual body, empty state, and the keyboard. Rows are one tab stop
 * (roving tabindex): arrows, Home/End and PageUp/PageDown move the focus and scroll the list,
 * Enter opens the row like a click; ArrowUp from the first row reaches the headers, where
 * Left/Right move, Enter/Space sort and Shift+Left/Right resize.
 */
export function TableView<T>(props: TableViewProps<T>) {
  const { table, virtualizer, scrollRef, count, rowAt, idAt, onRowClick, selectedRowId } = props;
  const template = useColumnTemplate(table, props.sizing, props.columnsKey);
  const onResizeStart = useResizeStart(table);
  const bodyRef = useRef<HTMLDivElement>(null);
  const headRef = useRef<HTMLDivElement>(null);
  const rowTemplate = useResolvedTemplate(headRef, template);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [activeHeader, setActiveHeader] = useState(0);
  const pendingFocus = useRef<number | null>(null);
  const rowHeight = virtualizer.options.estimateSize(0);
  // Heights measured with wrapped text are wrong once it stops wrapping (and the other way round).
  useEffect(() => virtualizer.measure(), [props.wrap, virtualizer]);

  const rowElement = (index: number) => bodyRef.current?.querySelector<HTMLElement>(`[role=row][data-index="${index}"]`) ?? null;

  // Rows kept by place (reuseRows): a focused row whose place now shows another row hands the
  // focus to its own row's new place, if drawn.
  useLayoutEffect(() => {
    if (!props.reuseRows || activeId === null) return;
    const focused = document.activeElement;
    if (!(focused instanceof HTMLElement) || focused.getAttribute('role') !== 'row' || !bodyRef.current?.contains(focused) || focused.dataset.rowId === activeId) return;
    bodyRef.current.querySelector<HTMLElement>(`[role=row][data-row-id="${CSS.escape(activeId)}"]`)?.focus({ preventScroll: true });
  });

  // A row scrolled to but not yet drawn gets the focus once the virtualizer draws it.
  useLayoutEffect(() => {
    if (pendingFocus.current === null) return;
    const element = rowElement(pendingFocus.current);
    if (element) {
      pendingFocus.current = null;
      element.focus({ preventScroll: true });
    }
  });

  const focusRow = useCallback(
    (index: number) => {
      setActiveId(idAt(index) ?? null);
      virtualizer.scrollToIndex(index, { align: 'auto' });
      const element = rowElement(index);
      if (element) element.focus({ preventScroll: true });
      else pendingFocus.current = index;
    },
    [idAt, virtualizer],
  );

  const onBodyKeyDown = (event: ReactKeyboardEvent<HTMLDivElement>) => {
    const rowEl = event.target as HTMLElement;
    if (rowEl.getAttribute('role') !== 'row') return; // keys typed into a control inside a row are its own
    const index = Number(rowEl.dataset.index);
    if (event.key === 'Enter') {
      const row = rowAt(index);
      if (row && onRowClick) {
        event.preventDefault();
        onRowClick(row.original, event);
      }
      return;
    }
    if (event.key === 'ArrowUp' && index === 0) {
      event.preventDefault();
      focusHeader(activeHeader);
      return;
    }
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const viewport = scrollRef.current?.clientHeight ?? 0;
    const next = nextRowIndex(event.key, index, count, rowsPerPage(viewport, HEAD_PX, rowHeight));
    if (next === null) return;
    event.preventDefault();
    focusRow(next);
  };

  const focusHeader = (index: number) => {
    setActiveHeader(index);
    headRef.current?.querySelectorAll<HTMLElement>('[role=columnheader]')[index]?.focus();
  };

  const onHeaderKeyDown = (event: ReactKeyboardEvent<HTMLElement>, index: number, header: Header<T, unknown>) => {
    if (event.target !== event.currentTarget) return;
    if (event.shiftKey && resizeByKey(table, header, event.currentTarget, event.key)) {
      event.preventDefault();
      return;
    }
    if ((event.key === 'Enter' || event.key === ' ') && header.column.getCanSort()) {
      event.preventDefault();
      header.column.toggleSorting(undefined, event.shiftKey && header.column.getCanMultiSort());
      return;
    }
    if (event.key === 'ArrowDown' && count > 0) {
      event.preventDefault();
      const drawn = virtualizer.getVirtualItems();
      const current = activeId === null ? -1 : drawn.findIndex((item) => idAt(item.index) === activeId);
      focusRow(current >= 0 ? drawn[current]!.index : (drawn[0]?.index ?? 0));
      return;
    }
    const next = nextHeaderIndex(event.key, index, table.getVisibleLeafColumns().length);
    if (next === null) return;
    event.preventDefault();
    focusHeader(next);
  };

  const items = virtualizer.getVirtualItems();
  const drawnIds = items.map((item) => idAt(item.index));
  const tabStopId = activeId !== null && drawnIds.includes(activeId) ? activeId : drawnIds[0];
  const measure = props.wrap ? virtualizer.measureElement : undefined;
  const highlight = useMemo(() => ({ query: props.highlight ?? '', columns: props.highlightColumns ?? null }), [props.highlight, props.highlightColumns]);
  const contentPx = HEAD_PX + virtualizer.getTotalSize() + (count === 0 ? 64 : 0);

  return (
    <div
      className={`data-table${props.wrap ? ' wrap' : ''}`}
      role="table"
      aria-label={props.ariaLabel}
      aria-rowcount={count + 1}
      data-rows={count}
      // Never taller than its rows (no empty box), never squeezed below a few of them.
      style={{ minHeight: Math.min(contentPx + 2, HEAD_PX + 4 * rowHeight) }}
      onMouseOver={titleCutText}
    >
      <div ref={scrollRef} className="data-table__scroll">
        <div ref={headRef}>
          <TableHead
            table={table}
            template={template}
            activeHeader={activeHeader}
            onHeaderKeyDown={onHeaderKeyDown}
            onHeaderFocus={setActiveHeader}
            onResizeStart={onResizeStart}
          />
        </div>
        <HighlightContext.Provider value={highlight}>
          <div
            role="rowgroup"
            ref={bodyRef}
            className="data-table__body"
            style={{ height: virtualizer.getTotalSize() }}
            onKeyDown={onBodyKeyDown}
            onFocus={(e) => {
              const id = (e.target as HTMLElement).closest<HTMLElement>('[role=row]')?.dataset.rowId;
              if (id !== undefined && id !== activeId) setActiveId(id);
            }}
            onClick={
              onRowClick &&
              ((e) => {
                const id = (e.target as HTMLElement).closest<HTMLElement>('[role=row]')?.dataset.index;
                const row = id === undefined ? undefined : rowAt(Number(id));
                if (row) onRowClick(row.original, e);
              })
            }
          >
            {items.map((item) => {
              const row = rowAt(item.index);
              if (!row) return null;
              return (
                <TableBodyRow
                  key={props.reuseRows ? item.index : row.id}
                  row={row}
                  item={item}
                  offset={virtualizer.options.scrollMargin}
                  template={rowTemplate}
                  selected={selectedRowId === row.id || (props.selectedRowIds?.has(row.id) ?? false)}
                  tabStop={row.id === tabStopId}
                  clickable={onRowClick !== undefined}
                  measure={measure}
                  extraClass={props.rowClassName?.(row.original)}
                  dataAttributes={props.rowDataAttributes?.(row.original)}
                />
              );
            })}
          </div>
        </HighlightContext.Provider>
        {count === 0 && <div className="data-table__empty">{props.emptyMessage ?? 'Nothing to show'}</div>}
      </div>
    </div>
  );
}
