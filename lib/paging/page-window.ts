/**
 * The arithmetic of a paged list, shared by every paged page and API: how many pages, which slice, and
 * which page numbers the navigation names.
 */

/** Pages needed for `total` rows; an empty list still has its one (empty) page. */
export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** The rows of page `page` (from 1) of a list already in order; past the last page, none. */
export function pageOf<T>(items: readonly T[], page: number, pageSize: number): T[] {
  return items.slice((page - 1) * pageSize, page * pageSize);
}

/**
 * Page numbers either side of the current one that the navigation names: enough to step a few pages
 * without a long row of numbers wrapping on a phone.
 */
export const PAGE_NEIGHBOURS = 2;

/**
 * The page numbers to link, in order, with `null` where a run of pages is left out: the first and last
 * always, the current one and PAGE_NEIGHBOURS either side (`1 … 4 5 6 7 8 … 40`). A gap of one page is
 * shown as that page, never as an ellipsis standing for a single number.
 */
export function pageNumbers(current: number, last: number): (number | null)[] {
  const shown = new Set<number>([1, last]);
  for (let page = current - PAGE_NEIGHBOURS; page <= current + PAGE_NEIGHBOURS; page++) if (page >= 1 && page <= last) shown.add(page);
  const sorted = [...shown].sort((a, b) => a - b);
  const result: (number | null)[] = [];
  for (const page of sorted) {
    const previous = result.at(-1);
    if (typeof previous === "number" && page - previous === 2) result.push(previous + 1);
    else if (typeof previous === "number" && page - previous > 2) result.push(null);
    result.push(page);
  }
  return result;
}
