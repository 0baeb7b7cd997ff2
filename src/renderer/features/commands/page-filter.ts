/** The marker every page's "filter as you type" box carries, so `/` finds it. */
export const PAGE_FILTER_ATTRIBUTE = 'data-page-filter';

/** Focuses (and selects) the first visible page filter; false when the page has none. */
export function focusPageFilter(root: ParentNode = document): boolean {
  const candidates = [...root.querySelectorAll<HTMLInputElement>(`[${PAGE_FILTER_ATTRIBUTE}]`)];
  const visible = candidates.find((el) => !el.disabled && el.getClientRects().length > 0);
  if (!visible) return false;
  visible.focus();
  visible.select();
  return true;
}
