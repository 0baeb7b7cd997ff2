/** What a column may say about how its cells are drawn (ColumnDef.meta). */
export interface ColumnMeta {
  align?: 'left' | 'right' | 'center';
  /** Monospace digits for offsets and counts. */
  mono?: boolean;
  /** Long text in this column wraps onto more lines when the table's wrap switch is on. */
  wrap?: boolean;
  /** This column, not the last, takes the width the others leave (e.g. a long path first). */
  grow?: boolean;
}
